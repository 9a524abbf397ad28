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
from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

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
        """Index ``objs`` with each one's own language; drop aliases from the index.

        Follows ``PostgresIndex.add_items`` of modelsearch 1.3.2 line for line, except that it builds
        ``LocaleObjectIndexer`` rather than ``ObjectIndexer`` (the upstream method names its indexer
        class directly) and skips aliases. tests/website/test_search_backend.py fails if upstream
        changes shape.
        """
        search_fields = model.get_search_fields()
        if not search_fields:
            return

        objs = list(objs)
        aliases = [obj for obj in objs if is_alias(obj)]
        for alias in aliases:
            self.delete_item(alias)
        facts.forget(aliases)
        objs = [obj for obj in objs if not is_alias(obj)]

        indexers = [LocaleObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return

        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        title_sql = []
        autocomplete_sql = []
        body_sql = []
        data_params = []

        for indexer in indexers:
            data_params.extend((content_type_pk, indexer.id))
            for field_name, vector, sql_list in (
                ("title", indexer.title, title_sql),
                ("autocomplete", indexer.autocomplete, autocomplete_sql),
                ("body", indexer.body, body_sql),
            ):
                value = compiler.prepare_value(IndexEntry._meta.get_field(field_name), vector)
                sql, params = value.as_sql(compiler, self.write_connection)
                sql_list.append(sql)
                data_params.extend(params)
            data_params.append(indexer.title_text)
            data_params.append(indexer.body_text)

        data_sql = ", ".join(
            f"(%s, %s, {a}, {b}, {c}, 1.0, %s, %s)"
            for a, b, c in zip(title_sql, autocomplete_sql, body_sql, strict=True)
        )
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {IndexEntry._meta.db_table}
                    (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
                (VALUES {data_sql})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title,
                              title_norm = 1.0,
                              autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text,
                              body_text = EXCLUDED.body_text
                """,  # noqa: S608 - table name from the model, values as parameters
                data_params,
            )
        self._refresh_title_norms()
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
