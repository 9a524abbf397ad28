"""A list page's queries do not grow with what it lists: each one counted with 10 and with 200 items.

Rendered as the page cache would render a missing copy (``PAGE_CACHE`` off), after one request that fills the
process caches (templates, locales, the site's chrome), as on a running site.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from knowledge.models import GlossaryPage, TopicIndexPage, TopicPage
from programme.models import MeetingReportIndexPage, ProgrammePage
from tests.factories import (
    ExplainerPageFactory,
    GlossaryTermFactory,
    MeetingPageFactory,
    MeetingReportPageFactory,
    StandardPageFactory,
    TopicPageFactory,
)
from website.models import HomePage

FEW, MANY = 10, 200


def _english(model):
    return model.objects.filter(locale__language_code="en", alias_of__isnull=True).live().order_by("path").first()


def _home():
    home = _english(HomePage)
    return home.url, lambda numbers: [StandardPageFactory(parent=home, slug=f"listed-page-{n}") for n in numbers]


def _knowledge_index():
    index = _english(TopicIndexPage)
    return index.url, lambda numbers: [TopicPageFactory(parent=index, slug=f"listed-topic-{n}") for n in numbers]


def _topic():
    topic = _english(TopicPage)
    levels = ["introductory", "intermediate", "advanced"]
    return topic.url, lambda numbers: [
        ExplainerPageFactory(parent=topic, slug=f"listed-explainer-{n}", level=levels[n % 3]) for n in numbers
    ]


def _glossary():
    glossary = _english(GlossaryPage)
    english = Locale.objects.get(language_code="en")
    return glossary.url, lambda numbers: [
        GlossaryTermFactory(term=f"Listed term {n:03}", locale=english, live=True) for n in numbers
    ]


def _programme():
    programme = _english(ProgrammePage)
    return programme.url, lambda numbers: [
        MeetingPageFactory(parent=programme, slug=f"listed-meeting-{n}") for n in numbers
    ]


def _reports(feed=False):
    index = _english(MeetingReportIndexPage)

    def add(numbers):
        return [
            MeetingReportPageFactory(
                parent=index,
                slug=f"listed-report-{n}",
                date_published=datetime.date(2040, 1, 1) + datetime.timedelta(days=n),
            )
            for n in numbers
        ]

    return (index.url + index.reverse_subpage("rss") if feed else index.url), add


LIST_PAGES = {
    "home": _home,
    "knowledge index": _knowledge_index,
    "topic": _topic,
    "glossary": _glossary,
    "programme": _programme,
    "report index": _reports,
    "feed": lambda: _reports(feed=True),
}


def queries_for(client, url) -> tuple[int, str]:
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("kind", list(LIST_PAGES))
def test_a_list_page_runs_as_many_queries_for_200_items_as_for_10(client, settings, kind):
    settings.PAGE_CACHE = False
    url, add = LIST_PAGES[kind]()
    add(range(FEW))
    few, _ = queries_for(client, url)
    newest = add(range(FEW, MANY))[-1]
    many, content = queries_for(client, url)
    assert str(getattr(newest, "term", None) or newest.title) in content, "the page lists what was added"
    assert many == few, f"{kind}: {few} queries with {FEW} items, {many} with {MANY}"
