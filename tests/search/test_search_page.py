"""The search page on the demo corpus: language analysis, ranking, filters, display, bad input."""

from urllib.parse import parse_qs, urlsplit

import pytest

from knowledge.models import TopicPage
from tests.factories import ExplainerPageFactory
from tests.html import parse, text_of
from website.search.service import find_matches, load_objects

pytestmark = pytest.mark.django_db


def search(client, language, **params):
    response = client.get(f"/{language}/search/", params)
    return response, response.content.decode()


def titles(html):
    return [text_of(link) for link in parse(html).select(".result-title > a")]


def result_links(html):
    return [link["href"] for link in parse(html).select(".result-title > a[href]")]


def results_block(html):
    block = parse(html).select_one(".search-results")
    return str(block) if block is not None else ""


def query_of(link):
    return parse_qs(urlsplit(link["href"]).query)


# ---- Quality cases: each language analysed with its own rules -------------------------------------


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        # French: a plural finds the singular ("réseaux" -> "réseau").
        ("fr", "réseaux", "Routage IP"),
        ("fr", "protocoles", "Protocoles de sécurité et de confidentialité"),
        # Spanish: plural and singular.
        ("es", "redes", "Enrutamiento IP"),
        ("es", "protocolo", "Protocolos de seguridad y privacidad"),
        # Arabic: with and without the article ال.
        ("ar", "التشفير", "QUIC: تشفير مدمج في طبقة النقل"),
        ("ar", "تشفير", "QUIC: تشفير مدمج في طبقة النقل"),
        # English: stemming ("routes" -> "routing").
        ("en", "routes", "IP routing"),
        ("en", "exchanges", "What an Internet exchange point does"),
    ],
)
def test_language_analysis_finds_inflected_forms(client, language, query, expected):
    response, _html = search(client, language, q=query)
    assert response.status_code == 200
    # Found at all, wherever ranking puts it (a word as common as "networks" is on most pages).
    hits = find_matches(query, language)
    load_objects(hits)
    found = [getattr(hit.object, "title", "") for hit in hits]
    assert expected in found, found


def test_russian_case_ending_finds_the_nominative(client):
    # "программы" (genitive) finds pages whose title has "Программа" (nominative).
    _response, html = search(client, "ru", q="программы")
    assert "Программа" in titles(html)


def test_russian_plural_finds_singular(client):
    _response, html = search(client, "ru", q="политики")
    assert any("политик" in title for title in titles(html))


def test_chinese_two_character_word_inside_a_longer_title(client):
    # "域名" is the start of "域名系统"; "系统" is inside it: both find the DNS topic page.
    for query in ("域名", "系统"):
        _response, html = search(client, "zh-hans", q=query)
        assert any("域名系统" in title for title in titles(html)), (query, titles(html))


def test_chinese_query_inside_a_sentence(client):
    _response, html = search(client, "zh-hans", q="交换中心")
    assert titles(html), "a Chinese word inside longer text is found"


def test_title_match_ranks_above_body_only_match(client):
    _response, html = search(client, "en", q="peering")
    found = titles(results_block(html))
    assert found.index("Peering and transit") < found.index("Interconnection and traffic exchange")


def test_exact_glossary_term_shows_its_definition_first(client):
    _response, html = search(client, "en", q="IETF")
    assert "result--answer" in html
    answer = html.split("result--answer", 1)[1].split("</article>", 1)[0]
    assert "Internet Engineering Task Force" in answer
    assert "volunteer-based organisation" in answer
    assert html.index("result--answer") < html.index('class="search-results"')


def test_exact_glossary_term_in_french(client):
    _response, html = search(client, "ar", q="DNS")
    assert "result--answer" in html


# ---- Language of results and English fallback ----------------------------------------------------


def test_results_are_in_the_readers_language_only(client):
    _response, html = search(client, "fr", q="DNS")
    links = result_links(html)
    assert links and all(link.startswith("/fr/") for link in links)


def test_no_match_in_language_falls_back_to_english_labelled(client, locale):
    english_topic = TopicPage.objects.get(locale=locale("en"), topic="qos")
    explainer = ExplainerPageFactory(parent=english_topic, title="Xylophonist queues", summary="Xylophonist.")
    _response, html = search(client, "pt", q="xylophonist")
    assert 'class="search-results" lang="en"' in html
    assert "these results are in English" not in html, "the notice is in the reader's language"
    links = result_links(html)
    assert links == [explainer.get_url()]


def test_aliases_are_never_results(client, locale):
    english_topic = TopicPage.objects.get(locale=locale("en"), topic="dns")
    explainer = ExplainerPageFactory(parent=english_topic, title="Zanzibarite resolvers", summary="Zanzibarite.")
    russian_topic = english_topic.get_translation(locale("ru"))
    alias = explainer.create_alias(parent=russian_topic, update_locale=locale("ru"))
    assert alias.live and alias.alias_of_id == explainer.pk

    _response, html = search(client, "ru", q="Zanzibarite")
    links = result_links(html)
    # The alias (English text under /ru/) is not a Russian result; the reader gets the English page, labelled.
    assert links == [explainer.get_url()]
    assert 'class="search-results" lang="en"' in html


# ---- Filters, counts, snippets, sorting, pagination ---------------------------------------------------


def test_filter_by_kind_with_counts(client):
    _response, html = search(client, "en", q="DNS")
    counts = {
        query_of(link)["kind"][0]: int(text_of(link.select_one(".count")).strip("()"))
        for link in parse(html).select(".facets a[href]")
        if "kind" in query_of(link) and link.select_one(".count")
    }
    assert counts.get("explainer", 0) >= 3 and counts.get("glossary", 0) >= 3, counts
    _response, html = search(client, "en", q="DNS", kind="explainer")
    status = parse(html).select_one(".search-results > p[role=status]")
    assert text_of(status).startswith(f"{counts['explainer']} result"), text_of(status)
    assert 'result-kind">Explainer' in html and 'result-kind">Glossary term' not in results_block(html)


def test_filter_by_topic_and_year(client):
    _response, html = search(client, "en", q="IETF", kind="report")
    years = [year for link in parse(html).select(".facets a[href]") for year in query_of(link).get("year", [])]
    assert years
    _response, html = search(client, "en", q="IETF", kind="report", year=years[0])
    shown = titles(results_block(html))
    assert shown and all("IETF" in title for title in shown)
    _response, html = search(client, "en", q="DNS", topic="dns", kind="explainer")
    assert set(titles(results_block(html))) >= {"How the Domain Name System works", "What DNSSEC does"}
    assert "Peering and transit" not in titles(html)


def test_snippets_mark_matched_words_and_escape_html(client):
    _response, html = search(client, "fr", q="réseaux")
    marks = [mark.get_text() for mark in parse(html).select(".result-snippet mark")]
    assert any(mark.casefold().startswith("réseau") and mark.isalnum() for mark in marks), marks
    # Query text is never rendered unescaped.
    _response, html = search(client, "en", q="<script>alert(1)</script> DNS")
    assert "<script>alert(1)</script>" not in html


def test_sort_by_date_and_pagination(client):
    _response, html = search(client, "en", q="IETF", sort="date")
    dates = [time["datetime"] for time in parse(html).select(".search-results time[datetime]")]
    assert dates and dates == sorted(dates, reverse=True)
    assert 'rel="next"' in html
    _response, second = search(client, "en", q="IETF", sort="date", page="2")
    assert set(titles(second)).isdisjoint(titles(html))
    previous = parse(second).select_one(".pagination a[rel~=prev][href]")
    assert previous is not None
    assert "sort=date" in previous["href"]


def test_search_works_without_javascript(client):
    _response, html = search(client, "en", q="DNS")
    # Filters, sorting and pages are plain links and a plain GET form.
    assert '<form role="search" action="/en/search/" method="get"' in html
    assert parse(html).select_one('.facets a[href="?q=DNS&kind=explainer"]') is not None


# ---- Bad input: never a 500 ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": "x" * 2000},
        {"q": "DNS\x00zone"},
        {"q": "!!! ??? ..."},
        {"q": '" * : ( ) & | !'},
        {"q": "DNS & | ! ( ) : *"},
        {"q": "DNS", "kind": "spaceship"},
        {"q": "DNS", "topic": "weather"},
        {"q": "DNS", "year": "soon"},
        {"q": "DNS", "sort": "random"},
        {"q": "DNS", "page": "-1"},
        {"q": "DNS", "page": "99999"},
        {"q": "DNS", "page": "abc"},
    ],
)
def test_bad_input_is_answered_not_crashed(client, params):
    response, html = search(client, "en", **params)
    assert response.status_code in (200, 400)
    if params.get("q") and len(params["q"]) > 200:
        assert "first 200 characters" in html
    if params.get("kind") or params.get("topic") or params.get("year") or params.get("sort"):
        assert 'class="notice" role="status"' in html


def test_only_punctuation_says_what_to_do(client):
    _response, html = search(client, "en", q="!!! ???")
    assert "Type at least one word" in html


def test_messages_are_translated(client):
    _response, html = search(client, "fr", q="DNS", kind="spaceship")
    assert "There is no such type" not in html
    assert 'class="notice" role="status"' in html
