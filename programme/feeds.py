"""RSS 2.0 and Atom feeds of meeting reports, one per language (Django's syndication framework)."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext

FEED_SIZE = 20


class ReportsRssFeed(Feed):
    """The reports of one language. Django's Feed gives the feed the active language's code."""

    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"{self.index_page.title} · {gettext('Policymakers Programme to the IETF')}"

    def description(self):
        introduction = strip_tags(self.index_page.introduction).strip()
        return introduction or gettext("Reports from IETF meetings, for policymakers.")

    def absolute(self, page):
        """Absolute URLs from the request's own host, whatever the site's configured host name."""
        return self.request.build_absolute_uri(page.get_url(self.request))

    def link(self):
        return self.absolute(self.index_page)

    def items(self):
        # A feed has one language: untranslated reports (aliases of the English ones) are left out.
        return self.index_page.reports().filter(alias_of__isnull=True)[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Feed readers take an RSS description and an Atom type="html" summary as HTML; the summary is plain
        # text, so it is given as the HTML of that text ("<" as "&lt;"), which the feed then escapes as XML.
        return escape(item.summary)

    def item_link(self, item):
        return self.absolute(item)

    def item_guid(self, item):
        return self.absolute(item)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date_published, datetime.time(12)), datetime.UTC)

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_author_name(self, item):
        return item.authors

    def item_categories(self, item):
        return item.topic_labels


class ReportsAtomFeed(ReportsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
