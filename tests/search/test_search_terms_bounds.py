"""The search-terms table stays bounded: junk is not recorded, a cap holds, and a daily prune clears old rows."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from website.search import stats
from website.search.models import SearchQueryStat

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query",
    [
        "*:&|!",  # punctuation only: the search page's cleaning leaves nothing
        "\x00\x00",
        "dns " * 11,  # more words than anyone types
        "x" * 101,  # longer than a query, shorter than the 200 the search page keeps
        "a" * 5000,
    ],
)
def test_junk_queries_add_no_rows(client, query):
    before = SearchQueryStat.objects.count()
    assert client.get("/en/search/", {"q": query}).status_code == 200
    assert SearchQueryStat.objects.count() == before


def test_queries_are_normalised_into_one_row(client):
    for query in ("Routing", " routing ", "ROUTING"):
        client.get("/en/search/", {"q": query})
    assert SearchQueryStat.objects.get(language_code="en", query="routing").searches == 3


def test_head_requests_and_later_pages_are_not_searches(client):
    client.head("/en/search/", {"q": "routing"})
    client.get("/en/search/", {"q": "routing", "page": "2"})
    assert not SearchQueryStat.objects.filter(query="routing").exists()


def test_no_new_row_once_the_cap_is_reached_but_known_queries_keep_counting(client, settings):
    client.get("/en/search/", {"q": "routing"})
    settings.SEARCH_TERMS_MAX_ROWS = SearchQueryStat.objects.count()
    client.get("/en/search/", {"q": "zzyzx"})
    client.get("/en/search/", {"q": "routing"})
    assert not SearchQueryStat.objects.filter(query="zzyzx").exists()
    assert SearchQueryStat.objects.get(language_code="en", query="routing").searches == 2


def test_prune_deletes_stale_and_one_off_unfound_queries():
    # Browser journeys search through a live server, whose rows are committed: start from an empty table.
    SearchQueryStat.objects.all().delete()
    now = timezone.now()

    def row(query, searches, zero, days_ago):
        return SearchQueryStat.objects.create(
            language_code="fr",
            query=query,
            searches=searches,
            zero_result_searches=zero,
            last_searched=now - timedelta(days=days_ago),
        )

    kept = [row("dns", 40, 0, 2), row("bgp", 1, 0, 200), row("zzyzx", 1, 1, 3), row("quic", 5, 5, 60)]
    row("telnet", 9, 0, 400)  # nobody asked for a year
    row("dnz", 1, 1, 45)  # a typing mistake, a month and a half ago
    assert stats.prune(now=now) == 2
    assert set(SearchQueryStat.objects.values_list("pk", flat=True)) == {stat.pk for stat in kept}


def test_the_daily_command_prunes_both_tables(settings):
    SearchQueryStat.objects.create(
        language_code="en", query="old", searches=3, last_searched=timezone.now() - timedelta(days=400)
    )
    settings.WAGTAILSEARCH_HITS_MAX_AGE = 7
    query = Query.objects.create(query_string="forgotten")
    QueryDailyHits.objects.create(query=query, date=timezone.localdate() - timedelta(days=30), hits=2)
    call_command("prune_search_terms", verbosity=0)
    assert not SearchQueryStat.objects.filter(query="old").exists()
    assert not Query.objects.filter(pk=query.pk).exists()
