"""Whether a translation is behind its source: the English page was published after the translation was synced.

wagtail-localize records when it last read the source (``TranslationSource.last_updated_at``);
a source page published later has changes the translation does not have yet.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import OuterRef, Subquery
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from website.locales import source_locale


@dataclass
class Staleness:
    source: Page
    changed_at: datetime
    synced_at: datetime


def page_translations(page) -> list[Page]:
    """Every version of ``page`` (itself included, live or not, aliases too), each with ``synced_at``: when
    wagtail-localize last read the English source. One query, remembered on the page object: the language
    switcher and the staleness notice of a page share it."""
    found = getattr(page, "_translations_with_sync", None)
    if found is None:
        synced = TranslationSource.objects.filter(object_id=OuterRef("translation_key"), locale_id=source_locale().pk)
        found = list(
            Page.objects.filter(translation_key=page.translation_key)
            .annotate(synced_at=Subquery(synced.values("last_updated_at")[:1]))
            .order_by("locale_id")
        )
        page._translations_with_sync = found
    return found


def stale_translation(page) -> Staleness | None:
    """For a translated page whose source changed since it was synced: when. None otherwise (one query, shared
    with ``page_translations``)."""
    if not isinstance(page, Page) or page.alias_of_id:
        return None
    english = source_locale()
    if page.locale_id == english.pk:
        return None
    source = next((version for version in page_translations(page) if version.locale_id == english.pk), None)
    if source is None or source.synced_at is None or source.last_published_at is None:
        return None
    if source.last_published_at > source.synced_at:
        return Staleness(source=source, changed_at=source.last_published_at, synced_at=source.synced_at)
    return None
