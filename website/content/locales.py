"""The seven locales, and every language's page tree following the English one."""

from django.conf import settings
from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import PageIndex, synchronize_tree

from website.locales import source_locale


def ensure_locales() -> dict[str, Locale]:
    """One wagtail Locale per configured language, English first."""
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES}


def synchronise_locales() -> None:
    """Make every language follow the English tree (wagtail-localize's "synchronise from" setting).

    A page not yet translated then exists in each language as an alias of the English page, so
    a reader in that language can still reach it, shown in English with a notice. Pages created
    later in the admin get their aliases from wagtail-localize as they are created.
    """
    source = source_locale()
    page_index = None
    for locale in Locale.objects.exclude(pk=source.pk):
        _sync, created = LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": source})
        if created:
            continue  # saving it has just synchronised this language (wagtail-localize's own signal)
        # One index of the tree for every language: synchronising one language changes no other's entries.
        page_index = page_index or PageIndex.from_database().sort_by_tree_position()
        synchronize_tree(source, locale, page_index=page_index)
