"""Against a live Elasticsearch server: runs only when ELASTICSEARCH_URL is set (see the README).

With ELASTICSEARCH_URL set, the whole suite also runs on it: the settings give each language its own
Elasticsearch backend, conftest indexes the demo content into it, and the search page, filter and
quality tests in this folder search through it.
"""

import os

import pytest

from website.search import backends
from website.search.languages import search_backend_alias

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="needs ELASTICSEARCH_URL (a live server)"),
]


def test_each_language_index_exists_with_its_analyzer():
    for code, analyzer in {"fr": "french", "ar": "arabic", "zh-hans": "cjk", "ru": "russian"}.items():
        backend = backends.get_backend(search_backend_alias(code))
        index = backend.get_index_for_model(__import__("wagtail.models", fromlist=["Page"]).Page)
        settings = backend.es.indices.get_settings(index=index.name)
        values = next(iter(settings.body.values()))["settings"]["index"]["analysis"]["analyzer"]["default"]
        assert values["type"] == analyzer


def test_french_plural_through_elasticsearch(client):
    html = client.get("/fr/search/", {"q": "réseaux"}).content.decode()
    assert "Routage IP" in html


def test_arabic_article_through_elasticsearch(client):
    with_article = client.get("/ar/search/", {"q": "التشفير"}).content.decode()
    without = client.get("/ar/search/", {"q": "تشفير"}).content.decode()
    assert "QUIC" in with_article and "QUIC" in without
