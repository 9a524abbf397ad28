"""Synonyms from the term base in each language, and "did you mean" for a typo (pg_trgm), on the demo content."""

import pytest

from knowledge.models import GlossaryTerm, TopicPage
from tests.factories import ExplainerPageFactory, translate
from tests.html import parse, text_of
from website.search import suggest, synonyms
from website.search.service import did_you_mean, find_matches, load_objects

pytestmark = pytest.mark.django_db

# The demo term base: "DNS" and the Domain Name System's name in each language.
DNS_IN = {
    "en": "Domain Name System",
    "fr": "Système des noms de domaine",
    "es": "Sistema de nombres de dominio",
    "ar": "نظام أسماء النطاقات",
    "zh-hans": "域名系统",
    "ru": "Система доменных имён",
    "pt": "Sistema de Nomes de Domínio",
}


@pytest.mark.parametrize("language", list(DNS_IN))
def test_an_abbreviation_is_searched_with_the_terms_name_in_each_language(language):
    assert synonyms.alternatives("DNS", language) == [DNS_IN[language]]
    # Inside a longer query, and the other way round: the name is searched with the abbreviation too.
    assert synonyms.alternatives("quokkaflux DNS", language) == [f"quokkaflux {DNS_IN[language]}"]
    assert synonyms.alternatives(f"{DNS_IN[language]} 2026", language) == ["DNS 2026"]


def test_approved_variants_are_synonyms_too(locale):
    term = GlossaryTerm.objects.get(locale=locale("es"), abbreviation="DNS")
    term.variants = "sistema de nombres"
    term.save()
    assert "sistema de nombres" in synonyms.alternatives("DNS", "es")


def test_a_page_that_writes_only_the_full_name_is_found_by_the_abbreviation(locale):
    dns = TopicPage.objects.get(locale=locale("en"), topic="dns")
    page = ExplainerPageFactory(
        parent=dns,
        title="Quokkaflux registries",
        summary="How the Domain Name System keeps quokkaflux names.",
        body=[{"type": "paragraph", "value": "<p>Written without the abbreviation.</p>"}],
    )
    french = translate(page, "fr")
    french.title = "Registres quokkaflux"
    french.summary = "Comment le système des noms de domaine garde les noms quokkaflux."
    french.save_revision().publish()
    for language, expected in (("en", page.pk), ("fr", french.pk)):
        assert expected in {hit.object_id for hit in find_matches("DNS quokkaflux", language)}, language


def test_synonyms_match_whole_words_only():
    # "AS" is a term; "as" inside "gas" or "AS" inside "ASN" must not be replaced.
    assert all("Autonomous System" not in alternative for alternative in synonyms.alternatives("gas prices", "en"))
    assert synonyms.alternatives("quokkaflux", "en") == []


@pytest.mark.parametrize(
    ("language", "typed", "meant"),
    [
        ("es", "enrutamento", "enrutamiento"),
        ("fr", "chiffremnt", "chiffrement"),
        ("en", "reslover", "resolver"),
        ("pt", "roteamneto ip", "roteamento ip"),
        ("ar", "الخدمات المتمايرة", "الخدمات المتمايزة"),
    ],
)
def test_one_typo_in_a_long_word_is_corrected_from_titles_and_terms(language, typed, meant):
    assert did_you_mean(typed, language) == meant


def test_correct_and_short_words_are_left_alone():
    assert did_you_mean("chiffrement", "fr") is None  # found as it is
    assert did_you_mean("BGP", "en") is None  # too short to tell a typo
    assert did_you_mean("quokkaflux", "en") is None  # nothing like it on the site
    assert not suggest.may_be_typo("域名系统")  # Chinese has no letters to mistype: bigrams find it


def test_the_search_page_shows_the_corrected_results_and_offers_the_query_as_typed(client):
    response = client.get("/es/search/", {"q": "enrutamento"})
    page = parse(response.content.decode())
    notices = " ".join(text_of(notice) for notice in page.select(".notice"))
    assert "enrutamiento" in notices
    assert "Enrutamiento IP" in text_of(page.select_one(".search-results"))
    as_typed = next(link for link in page.select(".notice a") if "exact=1" in link["href"])
    exact = parse(client.get(f"/es/search/{as_typed['href']}").content.decode())
    assert "enrutamiento" not in " ".join(text_of(notice) for notice in exact.select(".notice"))


def test_typo_search_through_the_service_finds_the_page(locale):
    hits = find_matches(did_you_mean("chiffremnt TLS", "fr"), "fr")
    load_objects(hits)
    assert hits[0].object.title.startswith("TLS et HTTPS")


def test_a_search_that_finds_nothing_offers_the_glossary_and_the_topics_in_the_readers_language(client):
    page = parse(client.get("/fr/search/", {"q": "quokkaflux"}).content.decode())
    offered = [text_of(link) for link in page.select(".no-results li a")]
    assert offered[0] == "Glossaire" and "Routage IP" in offered and len(offered) == 7
    assert "Relancer la recherche sans les filtres" not in text_of(page.select_one(".no-results"))
    filtered = parse(client.get("/fr/search/", {"q": "quokkaflux", "kind": "report"}).content.decode())
    again = filtered.select_one(".no-results a")
    assert text_of(again) == "Relancer la recherche sans les filtres" and "kind" not in again["href"]
