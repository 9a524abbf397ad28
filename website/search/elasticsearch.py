"""Wagtail's Elasticsearch 8 and 9 backends, one backend (and one set of indexes) per language.

Each backend alias holds one language: its indexes are named ``<prefix><language>_<model>`` and
analysed with that language's Elasticsearch analyzer as the index default (``cjk`` for Chinese).
Its index class keeps only objects of its language, and never aliases, so the stock
``update_index``, the admin's save signals and a full rebuild all leave each index holding exactly
its language's content.

``LanguageSearchBackend8`` and ``LanguageSearchBackend9`` stand on modelsearch's backend for that server major;
``website.search.backends.elasticsearch_major()`` says which the settings choose: ``ELASTICSEARCH_VERSION``, or
else the major of the installed ``elasticsearch`` client (which must match the server's: a 9 client is refused
by an 8 server).
"""

from copy import deepcopy

from modelsearch.backends.elasticsearch8 import Elasticsearch8Index, Elasticsearch8SearchBackend
from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9Index,
    Elasticsearch9SearchBackend,
)

from website.search.languages import ELASTICSEARCH_ANALYZERS
from website.search.postgres import is_alias, language_of_object


def analysis_settings(language_code: str) -> dict:
    """Index settings making the language's analyzer the default for every text field."""
    return {
        "settings": {
            "analysis": {"analyzer": {"default": {"type": ELASTICSEARCH_ANALYZERS[language_code]}}},
        }
    }


class LanguageIndexMixin:
    def belongs_here(self, obj) -> bool:
        return language_of_object(obj) == self.backend.language and not is_alias(obj)

    def add_item(self, item):
        if self.belongs_here(item):
            super().add_item(item)
        elif is_alias(item):
            self.delete_item(item)

    def add_items(self, model, items):
        items = list(items)
        for alias in (item for item in items if is_alias(item) and language_of_object(item) == self.backend.language):
            self.delete_item(alias)
        super().add_items(model, [item for item in items if self.belongs_here(item)])


class LanguageBackendMixin:
    # Queries add a fuzzy match (website.search.ranking): Elasticsearch finds words with a typo itself.
    matches_typos = True

    def __init__(self, params):
        params = deepcopy(params)
        self.language = params.pop("LANGUAGE")
        settings = analysis_settings(self.language)
        extra = params.pop("INDEX_SETTINGS", {})
        params["INDEX_SETTINGS"] = _merge(settings, extra)
        params["INDEX_PREFIX"] = f"{params.get('INDEX_PREFIX', '')}{self.language.replace('-', '_')}_"
        super().__init__(params)


class LanguageIndex8(LanguageIndexMixin, Elasticsearch8Index):
    pass


class LanguageIndex9(LanguageIndexMixin, Elasticsearch9Index):
    pass


class LanguageSearchBackend8(LanguageBackendMixin, Elasticsearch8SearchBackend):
    index_class = LanguageIndex8


class LanguageSearchBackend9(LanguageBackendMixin, Elasticsearch9SearchBackend):
    index_class = LanguageIndex9


def _merge(base: dict, extra: dict) -> dict:
    merged = deepcopy(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


SearchBackend = LanguageSearchBackend8
