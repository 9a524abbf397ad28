"""Autocomplete, the API, promoted results per language and the editors' search-terms report."""

import pytest
from django.contrib.auth.models import Group
from django.test import RequestFactory
from wagtail.admin.menu import reports_menu
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from tests.factories import UserFactory
from tests.html import parse, text_of
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
    french = client.get("/admin/reports/search-terms/", {"language_code": "fr"})
    rows = [text_of(row) for row in parse(french.content).select("table.listing tbody tr")]
    assert any(row.startswith("réseaux fr 2 0") for row in rows), rows
    assert any(row.startswith("zzyzx fr 1 1") for row in rows), rows
    assert not any(" es " in row for row in rows)
    nothing = client.get("/admin/reports/search-terms/", {"language_code": "fr", "found_nothing": "true"})
    rows = [text_of(row) for row in parse(nothing.content).select("table.listing tbody tr")]
    assert len(rows) == 1 and rows[0].startswith("zzyzx")
    export = client.get("/admin/reports/search-terms/", {"language_code": "fr", "export": "csv"})
    assert export.status_code == 200 and "réseaux" in export.getvalue().decode()


def test_search_terms_report_checks_its_permission_in_the_view(client):
    """Only one "Search terms" in the reports menu, and its URL is closed to those the menu hides it from."""
    translator = UserFactory()
    translator.groups.add(Group.objects.get(name="Translators (French)"))
    client.force_login(translator)
    assert client.get("/admin/reports/search-terms/").status_code in (302, 403)
    # The coverage report is theirs too, for their language (tests/website/test_permission_matrix.py).
    assert client.get("/admin/reports/translation-coverage/").status_code == 200
    admin = UserFactory(is_superuser=True)
    client.force_login(admin)
    assert client.get("/admin/reports/search-terms/").status_code == 200
    assert client.get("/admin/reports/translation-coverage/").status_code == 200
    request = RequestFactory().get("/admin/")
    request.user = admin
    labels = [str(item.label) for item in reports_menu.menu_items_for_request(request)]
    assert labels.count("Search terms") == 1, labels


def test_api_search_can_be_switched_off(client, settings):
    """WAGTAILAPI_SEARCH_ENABLED = False is honoured, as by Wagtail's own search filter."""
    settings.WAGTAILAPI_SEARCH_ENABLED = False
    response = client.get("/api/v2/pages/", {"search": "DNS", "locale": "en"})
    assert response.status_code == 400
    assert response.json() == {"message": "search is disabled"}
    assert client.get("/api/v2/pages/", {"locale": "en"}).status_code == 200
