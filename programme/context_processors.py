"""Feed autodiscovery: every page's <head> names the reports feeds of the reader's language."""

from django.conf import settings
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, gettext

from programme.models import MeetingReportIndexPage

CACHE_KEY = "programme:feeds:{language}"


def report_feeds(request):
    """``site_feeds``, looked up only when a template uses it (the 500 page, which must not touch the
    database or the cache, does not)."""
    language = get_language()
    return {"site_feeds": SimpleLazyObject(lambda: feeds_for(language))}


def feeds_for(language: str) -> list[dict]:
    key = CACHE_KEY.format(language=language)
    feeds = cache.get(key)
    if feeds is None:
        index = MeetingReportIndexPage.objects.live().filter(locale__language_code=language).first()
        feeds = []
        if index is not None and index.url:
            feeds = [
                {
                    "type": "application/rss+xml",
                    "title": gettext("Meeting reports (RSS)"),
                    "href": index.url + index.reverse_subpage("rss"),
                },
                {
                    "type": "application/atom+xml",
                    "title": gettext("Meeting reports (Atom)"),
                    "href": index.url + index.reverse_subpage("atom"),
                },
            ]
        cache.set(key, feeds, 3600)
    return feeds


def invalidate(**kwargs):
    cache.delete_many([CACHE_KEY.format(language=code) for code, _name in settings.LANGUAGES])
