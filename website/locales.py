"""Locales by id and by language code, read from the database once per process.

There are seven locales and they do not change while the site runs; pages carry only their
locale's id, so asking a page for its language would otherwise cost a query each time.
A locale added later is picked up by the first lookup that misses.
"""

from django.conf import settings
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page

_by_id: dict[int, Locale] = {}


def _find(predicate) -> Locale:
    for attempt in range(2):
        for locale in _by_id.values():
            if predicate(locale):
                return locale
        if attempt == 0:
            _by_id.clear()
            _by_id.update({locale.pk: locale for locale in Locale.objects.all()})
    raise Locale.DoesNotExist


def locale_by_id(locale_id: int) -> Locale:
    return _find(lambda locale: locale.pk == locale_id)


def language_code_of(locale_id: int) -> str:
    return locale_by_id(locale_id).language_code


def active_locale() -> Locale:
    """The Locale of the language being served (what ``Locale.get_active()`` returns, without a query)."""
    code = get_supported_content_language_variant(get_language())
    return _find(lambda locale: locale.language_code == code)


def content_language_of(page) -> str:
    """The language a page's content is written in: an alias shows its source page's content."""
    if getattr(page, "alias_of_id", None):
        return language_code_of(Page.objects.values_list("locale_id", flat=True).get(pk=page.alias_of_id))
    return language_code_of(page.locale_id)


def source_locale() -> Locale:
    """The Locale of the language pages are first written in (settings.LANGUAGE_CODE)."""
    return _find(lambda locale: locale.language_code == settings.LANGUAGE_CODE)


def locale_for(language_code: str) -> Locale:
    """The Locale of a language code, without a query once the locales are known."""
    return _find(lambda locale: locale.language_code == language_code)
