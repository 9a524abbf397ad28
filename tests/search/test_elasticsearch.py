"""The Elasticsearch path without a server: settings, index names, mappings, routing, query bodies, outage.

A live suite (test_elasticsearch_live.py) runs the same searches against a server when
ELASTICSEARCH_URL is set.
"""

import logging

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from modelsearch.backends import elasticsearch8 as modelsearch_elasticsearch8
from modelsearch.backends import elasticsearch9 as modelsearch_elasticsearch9
from wagtail.models import Page

from knowledge.models import ExplainerPage, GlossaryTerm
from tests.factories import ExplainerPageFactory, alias_in, publish
from website.search import backends
from website.search.backends import search_backends_setting
from website.search.languages import ELASTICSEARCH_ANALYZERS

LANGUAGES = ["en", "fr", "es", "ar", "zh-hans", "ru", "pt"]
UNREACHABLE = "http://127.0.0.1:9"  # nothing listens on the discard port: connection refused at once


@pytest.fixture
def es_settings():
    setting = search_backends_setting(UNREACHABLE, "test_", LANGUAGES)
    with override_settings(WAGTAILSEARCH_BACKENDS=setting):
        backends.forget_backends()
        yield setting
    backends.forget_backends()


def test_no_elasticsearch_url_means_database_only():
    assert search_backends_setting(None, "p_", LANGUAGES) == {"default": {"BACKEND": "website.search.postgres"}}


def test_one_backend_per_language_with_its_analyzer(es_settings):
    assert set(es_settings) == {"default"} | {f"elasticsearch-{code}" for code in LANGUAGES}
    expected = {
        "en": "english",
        "fr": "french",
        "es": "spanish",
        "ar": "arabic",
        "ru": "russian",
        "pt": "portuguese",
        "zh-hans": "cjk",
    }
    assert expected == ELASTICSEARCH_ANALYZERS
    for code, analyzer in expected.items():
        backend = backends.get_backend(f"elasticsearch-{code}")
        analysis = backend.settings["settings"]["analysis"]
        assert analysis["analyzer"]["default"] == {"type": analyzer}
        # Wagtail's own analyzers for autocomplete are kept.
        assert "edgengram_analyzer" in analysis["analyzer"]


@pytest.mark.django_db
def test_index_names_per_language_and_model(es_settings):
    assert (
        backends.get_backend("elasticsearch-fr").get_index_for_model(ExplainerPage).name == "test_fr_wagtailcore_page"
    )
    assert (
        backends.get_backend("elasticsearch-zh-hans").get_index_for_model(Page).name == "test_zh_hans_wagtailcore_page"
    )
    assert (
        backends.get_backend("elasticsearch-ar").get_index_for_model(GlossaryTerm).name
        == "test_ar_knowledge_glossaryterm"
    )


@pytest.mark.django_db
def test_mapping_of_our_page_types(es_settings):
    backend = backends.get_backend("elasticsearch-fr")
    mapping = backend.mapping_class(ExplainerPage).get_mapping()
    properties = mapping["properties"]
    assert properties["title"]["type"] == "text"
    for field in (
        "knowledge_explainerpage__summary",
        "knowledge_explainerpage__body",
        "knowledge_explainerpage__why_it_matters",
    ):
        assert properties[field]["type"] == "text"
    assert properties["locale_id_filter"]["type"] == "integer" or properties["locale_id_filter"]["type"] == "keyword"
    # No analyzer on the text fields: the index's default (the language's analyzer) applies.
    assert "analyzer" not in properties["knowledge_explainerpage__summary"]
    term_mapping = backend.mapping_class(GlossaryTerm).get_mapping()["properties"]
    assert term_mapping["term"]["type"] == "text" and term_mapping["definition"]["type"] == "text"


class RecordingClient:
    """Stands in for the Elasticsearch client (there is no server here): records what would be sent."""

    def __init__(self, code, sent):
        self.code, self.sent = code, sent

    def delete(self, index, id):  # the client's own parameter name
        self.sent.setdefault(self.code, []).append(("delete", index, id))


@pytest.mark.django_db
def test_each_page_is_routed_to_its_languages_index_only(es_settings, locale):
    sent = {}

    def recorder(code):
        def bulk(client, actions, index):
            sent.setdefault(code, []).extend(("index", index, action["_id"]) for action in actions)
            return len(actions), []

        return bulk

    french = ExplainerPage.objects.filter(locale=locale("fr"), alias_of__isnull=True).first()
    english = ExplainerPage.objects.get(translation_key=french.translation_key, locale=locale("en"))
    alias = alias_in(publish(ExplainerPageFactory(parent=english.get_parent(), slug="choosing-a-resolver")), "ru")
    for code in LANGUAGES:
        backend = backends.get_backend(f"elasticsearch-{code}")
        backend.bulk = recorder(code)
        backend.es = RecordingClient(code, sent)
        backend.get_index_for_model(ExplainerPage).add_items(ExplainerPage, [french, english, alias])
    assert sent["fr"] == [("index", "test_fr_wagtailcore_page", str(french.pk))]
    assert sent["en"] == [("index", "test_en_wagtailcore_page", str(english.pk))]
    # The Russian alias is English text: never indexed as Russian (and removed if it was).
    assert sent["ru"] == [("delete", "test_ru_wagtailcore_page", str(alias.pk))]
    assert set(sent) == {"fr", "en", "ru"}


@pytest.mark.django_db
def test_query_body_sent_for_a_french_search(es_settings, locale):
    backend = backends.get_backend("elasticsearch-fr")
    results = backend.search("réseaux", Page.objects.live().public().filter(locale=locale("fr")), operator="and")
    compiler = results.query_compiler
    query = compiler.get_query()
    filters = compiler._get_filters_from_queryset()
    body = {"query": query, "filters": filters}
    text = str(body)
    assert "réseaux" in text
    assert "'operator': 'and'" in text
    assert "locale_id_filter" in text and str(locale("fr").pk) in text
    assert "live_filter" in text
    assert compiler.mapping.get_content_type() == "wagtailcore.Page"


@pytest.mark.django_db
def test_outage_falls_back_to_the_database_with_a_warning(es_settings, client, caplog):
    with caplog.at_level(logging.WARNING, logger="website.search.backends"):
        response = client.get("/fr/search/", {"q": "réseaux"})
    assert response.status_code == 200
    assert "Routage IP" in response.content.decode()
    assert any("Elasticsearch unavailable" in record.getMessage() for record in caplog.records)

    autocomplete = client.get("/fr/search/autocomplete/", {"q": "rou"})
    assert autocomplete.status_code == 200
    api = client.get("/api/v2/pages/", {"search": "réseaux", "locale": "fr"})
    assert api.status_code == 200


def test_the_backends_follow_elasticsearch_version(monkeypatch):
    from website.search.elasticsearch import LanguageSearchBackend8, LanguageSearchBackend9  # noqa: PLC0415

    nine = search_backends_setting(UNREACHABLE, "p_", ["fr"], "9")
    assert nine["elasticsearch-fr"]["BACKEND"] == "website.search.elasticsearch.LanguageSearchBackend9"
    eight = search_backends_setting(UNREACHABLE, "p_", ["fr"], "8")
    assert eight["elasticsearch-fr"]["BACKEND"] == "website.search.elasticsearch.LanguageSearchBackend8"
    assert issubclass(LanguageSearchBackend9, modelsearch_elasticsearch9.Elasticsearch9SearchBackend)
    assert issubclass(LanguageSearchBackend8, modelsearch_elasticsearch8.Elasticsearch8SearchBackend)
    # Unset: the installed client's major (requirements.lock holds the 8 client).
    monkeypatch.setattr(backends, "client_major", lambda: 9)
    unset = search_backends_setting(UNREACHABLE, "p_", ["fr"], None)
    assert unset["elasticsearch-fr"]["BACKEND"].endswith("LanguageSearchBackend9")
    for wrong in ("7", "nine"):
        with pytest.raises(ImproperlyConfigured):
            search_backends_setting(UNREACHABLE, "p_", ["fr"], wrong)


def test_a_client_of_another_major_than_the_backends_is_a_system_check_error(monkeypatch):
    with override_settings(WAGTAILSEARCH_BACKENDS=search_backends_setting(UNREACHABLE, "p_", ["fr"], "9")):
        monkeypatch.setattr(backends, "client_major", lambda: 8)
        assert [error.id for error in backends.check_elasticsearch_client()] == ["website.E101"]
        monkeypatch.setattr(backends, "client_major", lambda: 9)
        assert backends.check_elasticsearch_client() == []
    assert backends.check_elasticsearch_client() == []  # no Elasticsearch configured: nothing to check
