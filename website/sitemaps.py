"""One sitemap per language, listing only pages really written in it, under one sitemap index.

Aliases (untranslated pages shown in English under another language's prefix) are left out:
search engines should find each text once, at the address of the language it is written in.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from wagtail.models import Page

from website.queries import public_pages


class LanguageSitemap(Sitemap):
    def __init__(self, language_code: str):
        super().__init__()
        self.language_code = language_code

    def items(self):
        pages = Page.objects.live().filter(
            locale__language_code=self.language_code, alias_of__isnull=True, depth__gte=2
        )
        return public_pages(pages).order_by("path")

    def location(self, page):
        return page.get_url()

    def lastmod(self, page):
        return page.last_published_at


def language_sitemaps() -> dict[str, LanguageSitemap]:
    return {code: LanguageSitemap(code) for code, _name in settings.LANGUAGES}
