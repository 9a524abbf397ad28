"""Autocomplete, the API, promoted results per language and the editors' search-terms report."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from tests.factories import UserFactory
from website.search.models import SearchQueryStat

pytestmark = pytest.mark.django_db


def test_autocomplete_returns_titles_in_the_readers_language(client):
    response = client.get("/fr/search/autocomplete/", {"q": "rout"})
    assert response.status_code == 200
    results = response.json()["results"]
    assert "Routage IP" in [result["title"] for result in results]
    assert all(result["url"].startswith("/fr/") for result in results)


def test_autocomplete_in_chinese_and_bad_input(client):
    response = client.get("/zh-hans/search/autocomplete/", {"q": "域名"})
    assert any("域名" in result["title"] for result in response.json()["results"])
    for query in ("", "\x00", "*:&|!", "x" * 2000):
        assert client.get("/en/search/autocomplete/", {"q": query}).status_code == 200


def test_api_search_by_locale(client, locale):
    response = client.get("/api/v2/pages/", {"search": "réseaux", "locale": "fr", "fields": "locale"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert items and all(item["meta"]["locale"] == "fr" for item in items)
    assert "Routage IP" in [item["title"] for item in items]
    aliases = set(Page.objects.filter(alias_of__isnull=False).values_list("pk", flat=True))
    russian = client.get("/api/v2/pages/", {"search": "DNS", "locale": "ru"}).json()["items"]
    assert not aliases & {item["id"] for item in russian}


def test_api_bad_search_input(client):
    for params in ({"search": "*:&|!"}, {"search": "DNS", "search_operator": "xor"}, {"search": "\x00"}):
        assert client.get("/api/v2/pages/", params).status_code in (200, 400)


def test_promotions_are_shown_in_their_language_only(client, locale):
    query = Query.objects.create(query_string="standards")
    french = Page.objects.get(locale=locale("fr"), depth=2)
    english = Page.objects.get(locale=locale("en"), depth=2)
    SearchPromotion.objects.create(query=query, page=french, sort_order=0, description="Notre point de départ.")
    SearchPromotion.objects.create(query=query, page=english, sort_order=1, description="Our starting point.")
    french_html = client.get("/fr/search/", {"q": "standards"}).content.decode()
    english_html = client.get("/en/search/", {"q": "standards"}).content.decode()
    assert "Notre point de départ." in french_html and "Our starting point." not in french_html
    assert "Our starting point." in english_html and "Notre point de départ." not in english_html


def test_query_report_per_language(client):
    client.get("/fr/search/", {"q": "réseaux"})
    client.get("/fr/search/", {"q": "Réseaux "})
    client.get("/fr/search/", {"q": "zzyzx"})
    client.get("/es/search/", {"q": "zzyzx"})
    client.get("/fr/search/", {"q": "réseaux", "page": "2"})  # paging is not a new search
    stat = SearchQueryStat.objects.get(language_code="fr", query="réseaux")
    assert (stat.searches, stat.zero_result_searches) == (2, 0)
    assert SearchQueryStat.objects.get(language_code="fr", query="zzyzx").zero_result_searches == 1

    editor = UserFactory(is_superuser=True)
    client.force_login(editor)
    html = client.get("/admin/reports/search-terms/", {"language": "fr"}).content.decode()
    assert "réseaux" in html and "zzyzx" in html
    zero_section = html.split("Searches that found nothing", 1)[1]
    assert "zzyzx" in zero_section and "réseaux" not in zero_section
    assert "<td>es</td>" not in html
