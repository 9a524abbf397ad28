"""How far each translation has got: its string segments translated, out of all of them, in one query.

wagtail-localize's ``Translation.get_progress()`` asks for one translation at a time; the coverage
report and the dashboard show every translation of a language, so they count in bulk.
"""

from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from website.review import Progress


def _count(queryset):
    return Coalesce(
        Subquery(queryset.values("source_id").annotate(n=Count("pk")).values("n")[:1], output_field=IntegerField()),
        0,
    )


def enabled_translations(locale_ids=None):
    """Enabled translations (into ``locale_ids``, or any), annotated with ``total`` and ``translated``."""
    segments = StringSegment.objects.filter(source_id=OuterRef("source_id"))
    done = segments.filter(
        Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=OuterRef(OuterRef("target_locale_id")),
                has_error=False,
            )
        )
    )
    translations = Translation.objects.filter(enabled=True)
    if locale_ids is not None:
        translations = translations.filter(target_locale_id__in=locale_ids)
    return translations.annotate(total=_count(segments), translated=_count(done))


def progress_by_key(locale_ids=None) -> dict:
    """{(translation_key, locale id): Progress} for every enabled translation (into ``locale_ids``)."""
    rows = enabled_translations(locale_ids).values_list("source__object_id", "target_locale_id", "total", "translated")
    return {(key, locale_id): Progress(total, translated) for key, locale_id, total, translated in rows}
