"""Template tags for the site's frame: languages, navigation, footer."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info
from wagtail.models import Page

from website.chrome import chrome_for
from website.locales import content_language_of, language_code_of
from website.translation_status import page_translations, stale_translation

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
        translations = [version for version in page_translations(page) if version.live and not version.alias_of_id]
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
    """The main menu in the reader's language, each item linking to its page's translation (website.chrome)."""
    request = context["request"]
    return {"items": chrome_for(request)["items"], "current": context.get("page"), "request": request}


@register.simple_tag(takes_context=True)
def footer_text(context):
    """The footer in the reader's language: ``html``, and ``other_language`` while it is not translated."""
    return chrome_for(context["request"])["footer"]


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
