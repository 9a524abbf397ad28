"""Wagtail's PostgreSQL search backend, analysing every object with its own language's configuration.

The stock backend takes one text-search configuration for everything. Here the configuration is
chosen per object at index time (from the object's locale) and per query at search time (from the
queryset's ``locale`` filter), so French is stemmed as French and Russian as Russian, in one
``wagtailsearch_indexentry`` table that the stock ``update_index`` and the admin keep up to date.
Chinese is cut into character bigrams and indexed with the ``simple`` configuration.

Alias pages (untranslated copies of another language's page) are never indexed: they are not written
in their locale's language, so they must not be found as results in it.
"""

from django.db.models.lookups import Exact, In
from modelsearch.backends.database.postgres.postgres import (
    ObjectIndexer,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import Boost, Phrase, PlainText

from website.compat import modelsearch as modelsearch_compat
from website.locales import language_code_of
from website.search import facts
from website.search.languages import bigrams, postgres_config, uses_bigrams

DEFAULT_CONFIG = "english"


def language_of_object(obj) -> str | None:
    locale_id = getattr(obj, "locale_id", None)
    return language_code_of(locale_id) if locale_id else None


def is_alias(obj) -> bool:
    return bool(getattr(obj, "alias_of_id", None))


class LocaleObjectIndexer(ObjectIndexer):
    """Builds an object's vectors with its own language's configuration (bigrams for Chinese)."""

    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        self.language = language_of_object(obj)
        if self.language:
            self.config = postgres_config(self.language)

    def as_vector(self, texts, for_autocomplete=False):
        if self.language and uses_bigrams(self.language):
            texts = [(bigrams(text), weight) for text, weight in texts]
        return super().as_vector(texts, for_autocomplete=for_autocomplete)


class LocaleIndex(PostgresIndex):
    def add_items(self, model, objs):
        """Index ``objs`` with each one's own language; drop aliases from the index (and their facts)."""
        if not model.get_search_fields():
            return
        objs = list(objs)
        aliases = [obj for obj in objs if is_alias(obj)]
        for alias in aliases:
            self.delete_item(alias)
        objs = [obj for obj in objs if not is_alias(obj)]
        if not objs:
            return
        modelsearch_compat.insert_entries(self, model, [LocaleObjectIndexer(obj, self.backend) for obj in objs])
        facts.record(objs)

    def delete_item(self, item):
        super().delete_item(item)
        facts.forget([item])

    def delete_stale_entries(self):
        super().delete_stale_entries()
        facts.delete_stale()

    def reset(self):
        super().reset()
        facts.reset()


class QueryLanguageMixin:
    """Reads the language a search is in from the queryset's ``locale`` filter."""

    def query_language(self) -> str | None:
        locale_id = _locale_filter(self.queryset.query.where)
        return language_code_of(locale_id) if locale_id else None

    def prepare_query(self, query, language):
        if language and uses_bigrams(language):
            if isinstance(query, PlainText):
                return PlainText(bigrams(query.query_string), operator=query.operator)
            if isinstance(query, Phrase):
                return Phrase(bigrams(query.query_string))
        return query

    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, Boost):
            # A boost weighs the rank (``build_tsrank`` applies it), not which rows match: modelsearch 1.3 builds
            # the same tsquery but warns at every search that the boost is "not supported".
            return self.build_tsquery_content(query.subquery, config=config, invert=invert)
        return super().build_tsquery_content(
            self.prepare_query(query, self.query_language()), config=config, invert=invert
        )


class LocaleSearchQueryCompiler(QueryLanguageMixin, PostgresSearchQueryCompiler):
    def get_config(self, backend):
        language = self.query_language()
        return postgres_config(language) if language else backend.config


class LocaleAutocompleteQueryCompiler(QueryLanguageMixin, PostgresAutocompleteQueryCompiler):
    """Autocomplete keeps the ``simple`` configuration (prefixes must not be stemmed); Chinese uses bigrams."""


def _locale_filter(node):
    """The locale id of a ``locale=…`` (or ``locale__in=[one]``) condition in a where tree, if any."""
    if isinstance(node, (Exact, In)):
        target = getattr(node.lhs, "target", None)
        if target is not None and target.attname == "locale_id":
            value = node.rhs
            if isinstance(node, In):
                values = list(value) if isinstance(value, (list, tuple, set)) else []
                if len(values) != 1:
                    return None
                value = values[0]
            return getattr(value, "pk", value)
        return None
    for child in getattr(node, "children", []):
        if getattr(node, "negated", False) or getattr(node, "connector", "AND") != "AND":
            return None
        found = _locale_filter(child)
        if found:
            return found
    return None


class LocaleSearchBackend(PostgresSearchBackend):
    query_compiler_class = LocaleSearchQueryCompiler
    autocomplete_query_compiler_class = LocaleAutocompleteQueryCompiler
    index_class = LocaleIndex

    def __init__(self, params):
        super().__init__(params)
        self.config = params.get("SEARCH_CONFIG") or DEFAULT_CONFIG


SearchBackend = LocaleSearchBackend
