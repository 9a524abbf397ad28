"""The site's frame, the main menu and the footer, worked out once per site and language and kept in the cache.

Every page shows them, and they cost five queries in a translated language (the chrome settings, the menu's
translation, its items, the translations of the pages they link to, the footer's translation) on each page not
served from the page cache. They change far less often than pages are read, so they are kept whole in the
default cache under a *generation* token, and any change that could alter them gives the token a new value:
a menu, menu item, footer or chrome setting saved or deleted, and any page published, unpublished, moved or
deleted (a menu item shows its page's title and URL, and its translation once there is one), or a site's
address changed. That is coarser than the page cache's dependencies, on purpose: it is one entry per
language, rebuilt in a few milliseconds, and the rule has no case to miss.

It is independent of the page cache (``PAGE_CACHE`` off leaves it on); ``CHROME_CACHE = False`` turns it off.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site
from wagtail.rich_text import RichText
from wagtail.signals import page_published, page_unpublished, post_page_move

from website.generations import Generation
from website.locales import active_locale, language_code_of

GENERATION = Generation("chrome:generation")
TIMEOUT = 24 * 3600


def enabled() -> bool:
    return getattr(settings, "CHROME_CACHE", True)


def chrome_for(request) -> dict:
    """``{"items": [...], "footer": {...} or None}`` for the request's site in the language being served.

    Remembered on the request: the menu and the footer are two template tags of one page."""
    if not hasattr(request, "_site_chrome"):
        request._site_chrome = _chrome_for(request)
    return request._site_chrome


def _chrome_for(request) -> dict:
    from website.models import SiteChromeSettings  # noqa: PLC0415 - this module is imported by the app's ready()

    locale = active_locale()
    site = Site.find_for_request(request)
    if not enabled() or site is None:
        return _build(SiteChromeSettings.for_request(request), locale, request)
    key = f"chrome:{GENERATION.current()}:{site.pk}:{locale.pk}"
    chrome = cache.get(key)
    if chrome is None:
        chrome = _build(SiteChromeSettings.for_request(request), locale, request)
        cache.set(key, chrome, timeout=TIMEOUT)
    return chrome


def _build(chrome_settings, locale, request) -> dict:
    return {
        "items": _menu_items(chrome_settings.navigation_menu, locale, request),
        "footer": _footer(chrome_settings.footer_text, locale),
    }


def _menu_items(menu, locale, request) -> list[dict]:
    """The menu in ``locale``; each item links to its page's translation if there is a live one.

    Not ``menu.localized`` and ``item.page.localized``: each of those asks the database for the active locale
    and then for the one translation, so a menu of n items would cost 2n + 2 queries. Here every item's
    translation comes from one query.
    """
    if menu is None:
        return []
    if menu.locale_id != locale.pk:
        menu = menu.get_translation_or_none(locale) or menu
    menu_items = list(menu.items.select_related("page"))
    elsewhere = [item.page.translation_key for item in menu_items if item.page.locale_id != locale.pk]
    translated = {
        page.translation_key: page
        for page in (Page.objects.live().filter(locale=locale, translation_key__in=elsewhere) if elsewhere else [])
    }
    items = []
    for item in menu_items:
        page = translated.get(item.page.translation_key, item.page)
        if not page.live:
            continue
        if page.locale_id != locale.pk:
            other_language = language_code_of(page.locale_id)
        elif page.alias_of_id:
            # An alias shows its original's title: the source language's.
            other_language = settings.LANGUAGE_CODE
        else:
            other_language = None
        items.append(
            {
                "label": item.label or page.title,
                "url": page.get_url(request),
                "page_id": page.pk,
                "other_language": other_language,
            }
        )
    return items


def _footer(footer, locale) -> dict | None:
    """The footer in ``locale``, or the original marked with its language while it is not translated."""
    if footer is None:
        return None
    other_language = None
    if footer.locale_id != locale.pk:
        translated = footer.get_translation_or_none(locale)
        if translated is not None:
            footer = translated
        else:
            # Shown in its own language, and marked as such for screen readers.
            other_language = language_code_of(footer.locale_id)
    return {"html": str(RichText(footer.body)), "other_language": other_language}


forget = GENERATION.renew


def connect() -> None:
    from website.models import FooterText, NavigationMenu, NavigationMenuItem, SiteChromeSettings  # noqa: PLC0415

    for model in (NavigationMenu, NavigationMenuItem, FooterText, SiteChromeSettings, Site):
        post_save.connect(forget, sender=model, dispatch_uid=f"website.chrome.saved.{model.__name__}")
        post_delete.connect(forget, sender=model, dispatch_uid=f"website.chrome.deleted.{model.__name__}")
    page_published.connect(forget, dispatch_uid="website.chrome.published")
    page_unpublished.connect(forget, dispatch_uid="website.chrome.unpublished")
    post_page_move.connect(forget, dispatch_uid="website.chrome.moved")
    post_delete.connect(forget, sender=Page, dispatch_uid="website.chrome.page_deleted")
