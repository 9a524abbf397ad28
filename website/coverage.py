"""The translation coverage report: every page and translatable snippet × every language.

Statuses: translated, partial (a translation with segments still untranslated, with the share
done), outdated (the English original was published after the translation was last synced), alias
(not translated: readers get the English page with a notice) and missing. Each cell links to where
the work is done: the translation's editor, or "Translate this page" for someone who may start one.
The number of queries is fixed (a few per model), whatever the number of pages.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, get_translatable_models
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import TranslationSource

from website import locales
from website.translation_progress import progress_by_key

STATUSES = {
    "translated": _("Translated"),
    "partial": _("Partly translated"),
    "outdated": _("Outdated"),
    "alias": _("Not translated (English shown)"),
    "missing": _("Missing"),
}


@dataclass
class Cell:
    status: str
    url: str | None = None
    percent: int | None = None

    @property
    def label(self):
        return STATUSES[self.status]


@dataclass
class Row:
    label: str
    url: str | None
    section: str
    cells: list = field(default_factory=list)


@dataclass
class Table:
    title: str
    languages: list
    rows: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)
    summary: list = field(default_factory=list)


def synced_at_subquery():
    return Subquery(
        TranslationSource.objects.filter(object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id"))
        .order_by("-last_updated_at")
        .values("last_updated_at")[:1]
    )


def status_of(source, translation, progress):
    if translation is None:
        return "missing"
    if getattr(translation, "alias_of_id", None):
        return "alias"
    if progress is not None and not progress.complete:
        return "partial"
    changed = getattr(source, "last_published_at", None)
    if changed and source.synced_at and changed > source.synced_at:
        return "outdated"
    return "translated"


def _table(title, sources, translations, languages, row_for, links, progress):
    """``links(source, translation, locale)``: the URL a cell opens, or None; ``progress``: ``progress_by_key``."""
    by_key = {(item.translation_key, item.locale_id): item for item in translations}
    table = Table(title=title, languages=languages)
    counts = {locale.language_code: Counter() for locale in languages}
    for source in sources:
        row = row_for(source)
        for locale in languages:
            translation = by_key.get((source.translation_key, locale.pk))
            done = progress.get((source.translation_key, locale.pk))
            status = status_of(source, translation, done)
            row.cells.append(
                Cell(status, url=links(source, translation, locale), percent=done.percent if done else None)
            )
            counts[locale.language_code][status] += 1
        table.rows.append(row)
    table.counts = counts
    table.summary = [(locale, [counts[locale.language_code][status] for status in STATUSES]) for locale in languages]
    return table


def coverage(section_id=None, language=None, locale_ids=None, may_start=True, drafts=True):
    """Coverage tables (pages first, then each translatable snippet model) and the sections to filter by.

    ``locale_ids``: the languages shown (None: all). ``may_start``: whether missing and alias cells link to
    "Translate this page". ``drafts``: whether English pages never published are listed (they are not
    translators' work yet).
    """
    source_locale = locales.source_locale()
    languages = list(Locale.objects.exclude(pk=source_locale.pk))
    languages.sort(key=lambda locale: [code for code, _name in settings.LANGUAGES].index(locale.language_code))
    if locale_ids is not None:
        languages = [locale for locale in languages if locale.pk in locale_ids]
    if language:
        languages = [locale for locale in languages if locale.language_code == language]

    home = Page.objects.filter(depth=2, locale=source_locale).first()
    sections = list(Page.objects.child_of(home).filter(locale=source_locale).order_by("path")) if home else []
    section_names = {section.path: section.title for section in sections}

    pages = Page.objects.filter(locale=source_locale, depth__gte=2).order_by("path")
    if not drafts:
        pages = pages.filter(live=True)
    if section_id:
        chosen = next((section for section in sections if section.pk == section_id), None)
        if chosen is not None:
            pages = pages.filter(path__startswith=chosen.path)
    sources = list(
        pages.annotate(synced_at=synced_at_subquery()).only(
            "title", "path", "depth", "translation_key", "locale_id", "last_published_at"
        )
    )
    translations = Page.objects.filter(
        translation_key__in=[page.translation_key for page in sources], locale__in=languages
    ).only("translation_key", "locale_id", "alias_of_id")

    def page_link(source, translation, locale):
        if translation is not None and not translation.alias_of_id:
            return reverse("wagtailadmin_pages:edit", args=[translation.pk])
        if may_start:
            return (
                reverse("wagtail_localize:submit_page_translation", args=[source.pk])
                + f"?select_locale={locale.language_code}"
            )
        return None

    def page_row(page):
        section = section_names.get(page.path[: (home.depth + 1) * Page.steplen], "") if home else ""
        return Row(
            label="— " * max(page.depth - 2, 0) + page.title,
            url=reverse("wagtailadmin_pages:edit", args=[page.pk]) if may_start else None,  # the English page
            section=section,
        )

    progress = progress_by_key([locale.pk for locale in languages])  # every model's translations, counted once
    tables = [_table(_("Pages"), sources, translations, languages, page_row, page_link, progress)]
    for model in get_translatable_models():
        if issubclass(model, Page) or model not in get_snippet_models():
            continue
        snippet_sources = list(model.objects.filter(locale=source_locale).annotate(synced_at=synced_at_subquery()))
        snippet_translations = model.objects.filter(
            translation_key__in=[item.translation_key for item in snippet_sources], locale__in=languages
        ).only("translation_key", "locale_id")
        viewset = getattr(model, "snippet_viewset", None)

        def snippet_link(source, translation, locale, model=model, viewset=viewset):
            if translation is not None and viewset is not None:
                return reverse(viewset.get_url_name("edit"), args=[translation.pk])
            if translation is None and may_start:
                meta = model._meta
                url = reverse(
                    "wagtail_localize:submit_snippet_translation", args=[meta.app_label, meta.model_name, source.pk]
                )
                return f"{url}?select_locale={locale.language_code}"
            return None

        tables.append(
            _table(
                model._meta.verbose_name_plural.capitalize(),
                snippet_sources,
                snippet_translations,
                languages,
                lambda item: Row(label=str(item), url=None, section=""),
                snippet_link,
                progress,
            )
        )
    return tables, sections
