"""Template tags for the site's frame: languages, navigation, footer."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info
from wagtail.models import Page

from website.locales import active_locale, content_language_of, language_code_of
from website.models import SiteChromeSettings
from website.translation_status import stale_translation

register = template.Library()

LANGUAGE_ORDER = [code for code, _name in settings.LANGUAGES]


LANGUAGE_NAMES = dict(settings.LANGUAGES)


def _language(code):
    """A language as the switcher shows it: in its own name, as set in settings.LANGUAGES."""
    return {"code": code, "name": LANGUAGE_NAMES[code], "bidi": get_language_info(code)["bidi"]}


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The languages this page is really written in, each with its URL.

    For a page: its live translations, leaving out aliases (untranslated copies), so the
    switcher never offers an English page as if it were another language. For a view that is
    not a page (search): the same view in every language.
    """
    request = context["request"]
    page = context.get("page")
    versions = []
    if isinstance(page, Page):
        # No .public() here: wagtail-localize gives translations the view restrictions of their
        # source, so they are exactly as visible as the page being read.
        translations = page.get_translations(inclusive=True).live().filter(alias_of__isnull=True)
        for translation in translations:
            url = translation.get_url(request)
            if url:
                versions.append({**_language(language_code_of(translation.locale_id)), "url": url})
    else:
        for code in LANGUAGE_ORDER:
            url = translate_url(request.get_full_path(), code)
            versions.append({**_language(code), "url": url})
    for version in versions:
        version["absolute_url"] = request.build_absolute_uri(version["url"])
    versions.sort(key=lambda version: LANGUAGE_ORDER.index(version["code"]))
    return versions


@register.inclusion_tag("includes/navigation.html", takes_context=True)
def navigation_menu(context):
    """The main menu in the reader's language; each item links to its page's translation if there is one.

    Not ``menu.localized`` and ``item.page.localized``: each of those asks the database for the
    active locale and then for the one translation, so a menu of n items would cost 2n + 2 queries.
    Here the locale comes from the process cache and every item's translation from one query.
    """
    request = context["request"]
    menu = SiteChromeSettings.for_request(request).navigation_menu
    items = []
    if menu is not None:
        locale = active_locale()
        if menu.locale_id != locale.pk:
            menu = menu.get_translation_or_none(locale) or menu
        menu_items = list(menu.items.select_related("page"))
        elsewhere = [item.page.translation_key for item in menu_items if item.page.locale_id != locale.pk]
        translated = {
            page.translation_key: page
            for page in (Page.objects.live().filter(locale=locale, translation_key__in=elsewhere) if elsewhere else [])
        }
        for item in menu_items:
            page = translated.get(item.page.translation_key, item.page)
            if page.live:
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
                        "page": page,
                        "other_language": other_language,
                    }
                )
    current = context.get("page")
    return {"items": items, "current": current, "request": request}


@register.simple_tag(takes_context=True)
def footer_text(context):
    """The footer in the reader's language (as ``footer.localized``, without its query for the active
    locale), or the original marked with its language while it is not translated."""
    request = context["request"]
    footer = SiteChromeSettings.for_request(request).footer_text
    locale = active_locale()
    if footer is None or footer.locale_id == locale.pk:
        return footer
    translated = footer.get_translation_or_none(locale)
    if translated is not None:
        return translated
    # Not translated yet: shown in its own language, and marked as such for screen readers.
    footer.other_language = language_code_of(footer.locale_id)
    return footer


@register.simple_tag
def untranslated_language(page):
    """For an alias (a page not yet translated, shown in its source language): that language's code.

    None for a real translation, so templates can say so and mark the passage with ``lang``.
    """
    if isinstance(page, Page) and page.alias_of_id:
        return content_language_of(page)
    return None


@register.simple_tag
def language_name(code):
    """A language's name in that language, as the language switcher shows it."""
    return LANGUAGE_NAMES.get(code, code)


@register.simple_tag
def source_language():
    """The language pages are written in first; untranslated pages (aliases) show it."""
    return settings.LANGUAGE_CODE


@register.simple_tag
def translation_staleness(page):
    """For a translation whose English original changed since it was translated: the dates (else None)."""
    return stale_translation(page)
