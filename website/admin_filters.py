"""Filters the apps' admin page listings share: the language to list, and how far each page is translated.

Editors work from the English originals, so a listing opens on English; the "Language" filter picks a
translation (or every language), and the translation-state filter finds what needs a translator's work.
"""

import django_filters
from django.conf import settings
from django.db.models import Case, Count, F, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.forms import RadioSelect
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import LocaleFilter
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from website.locales import source_locale

# A translation's state, as the translation coverage report names it (website.coverage), then an original's.
TRANSLATION_STATES = [
    ("translated", _("Translated")),
    ("outdated", _("Outdated")),
    ("alias", _("Not translated (English shown)")),
    ("incomplete", _("Missing a translation in some language")),
    ("complete", _("Translated in every language")),
]


def language_name(language_code):
    """A language by its name in the editor's own language ("French" in an English admin), not by its code."""
    return get_language_info(language_code)["name_translated"]


class TranslationStateFilter(django_filters.ChoiceFilter):
    """Pages by translation state, worked out in the query (subqueries), so the listing pages and sorts as usual.

    A translation is an alias ("not translated") when wagtail-localize shows the English page in its place,
    outdated when the English page was published after wagtail-localize last read it for translation, and
    translated otherwise; an original is complete when every other language has a real translation (not an
    alias). States of translations match no original, and the other way round.
    """

    def filter(self, qs, value):
        if not value:
            return qs
        english = source_locale()
        if value in {"incomplete", "complete"}:
            return self.originals(qs.filter(locale_id=english.pk), value, english)
        return self.translations(qs.exclude(locale_id=english.pk), value, english)

    @staticmethod
    def originals(qs, value, english):
        translated = (
            Page.objects.filter(translation_key=OuterRef("translation_key"), alias_of__isnull=True)
            .exclude(locale_id=english.pk)
            .order_by()
            .values("translation_key")
            .annotate(count=Count("pk"))
            .values("count")
        )
        languages = Locale.objects.exclude(pk=english.pk).count()
        qs = qs.alias(translations=Coalesce(Subquery(translated), 0))
        if value == "incomplete":
            return qs.filter(translations__lt=languages)
        return qs.filter(translations__gte=languages)

    @staticmethod
    def translations(qs, value, english):
        original = Page.objects.filter(translation_key=OuterRef("translation_key"), locale_id=english.pk)
        synced = TranslationSource.objects.filter(object_id=OuterRef("translation_key"), locale_id=english.pk)
        qs = qs.alias(
            original_published_at=Subquery(original.values("last_published_at")[:1]),
            synced_at=Subquery(synced.order_by("-last_updated_at").values("last_updated_at")[:1]),
        )
        state = Case(
            When(alias_of__isnull=False, then=Value("alias")),
            When(original_published_at__gt=F("synced_at"), then=Value("outdated")),
            default=Value("translated"),
        )
        return qs.alias(translation_state=state).filter(translation_state=value)


class TranslatedPageFilterSet(PageFilterSet):
    """Wagtail's page filters, with the listing in English unless the request names a language.

    Wagtail's own locale filter lists every language when none is chosen; this one takes the source language
    then, so "All languages" is a choice (an empty ``locale``) rather than the default.
    """

    locale = LocaleFilter(
        label=_("Language"),
        choices=[(code, language_name(code)) for code in get_content_languages()],
        empty_label=_("All languages"),
        initial=settings.LANGUAGE_CODE,
        widget=RadioSelect,
    )
    translation = TranslationStateFilter(
        label=_("Translation status"), choices=TRANSLATION_STATES, empty_label=_("Any"), widget=RadioSelect
    )

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and "locale" not in data:
            data = data.copy()
            data["locale"] = settings.LANGUAGE_CODE
        super().__init__(data, *args, **kwargs)
