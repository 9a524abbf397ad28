"""Workarounds for modelsearch 1.3.2 (Wagtail 8.0's search package).

1. **The PostgreSQL index names its indexer class.** ``PostgresIndex.add_items`` builds
   ``ObjectIndexer`` objects itself, so a backend cannot choose the text-search configuration per
   object. ``insert_entries`` is the rest of that method line for line, taking indexers the caller
   has built (``website.search.postgres.LocaleObjectIndexer``: each object in its own language).
2. **Auto-update has no off switch.** Saving an indexed object always indexes it through
   ``post_save_signal_handler``; ``search_auto_update_paused`` disconnects that handler and
   connects it again (``website.bulk`` then indexes each saved object once).
3. **A boosted part of a query warns at every search.** The PostgreSQL compiler ranks ``Boost`` (in
   ``build_tsrank``) but its ``build_tsquery_content`` warns that boosts are "not supported" while building the
   same tsquery; ``website.search.ranking`` boosts the parts of every reader's query, so
   ``website.search.postgres.QueryLanguageMixin.build_tsquery_content`` unwraps a ``Boost`` itself (that method
   is among those ``FOLLOWS`` watches).

Delete (1) when modelsearch lets an index class name its indexer (an ``indexer_class`` attribute),
(2) when it offers a context manager like Wagtail's ``disable_reference_index_auto_update``, and (3) when its
``build_tsquery_content`` takes a ``Boost`` without a warning.
"""

from contextlib import contextmanager

from django.db.models.signals import post_save
from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends.database.postgres.postgres import IndexEntry
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler
from modelsearch.utils import get_content_type_pk

UPSTREAM = ("modelsearch", "1.3.2")
FOLLOWS = {
    "modelsearch.backends.database.postgres.postgres:PostgresIndex.add_items": "dc8aa2b2248e11cd",
    "modelsearch.backends.database.postgres.postgres:ObjectIndexer.as_vector": "46ff1526a2ff9086",
    "modelsearch.backends.database.postgres.postgres:PostgresSearchQueryCompiler.get_config": "7788ec9b4640d801",
    "modelsearch.backends.database.postgres.postgres:PostgresSearchQueryCompiler.build_tsquery_content": (
        "421390cc34f97a10"
    ),
    "modelsearch.signal_handlers:register_signal_handlers": "fc96f077236407d9",
}


def insert_entries(index, model, indexers) -> None:
    """Upsert one ``IndexEntry`` per indexer: ``PostgresIndex.add_items`` after it has built its indexers."""
    content_type_pk = get_content_type_pk(model)
    compiler = InsertQuery(IndexEntry).get_compiler(connection=index.write_connection)
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
            sql, params = value.as_sql(compiler, index.write_connection)
            sql_list.append(sql)
            data_params.extend(params)
        data_params.append(indexer.title_text)
        data_params.append(indexer.body_text)

    data_sql = ", ".join(
        f"(%s, %s, {a}, {b}, {c}, 1.0, %s, %s)" for a, b, c in zip(title_sql, autocomplete_sql, body_sql, strict=True)
    )
    with index.write_connection.cursor() as cursor:
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
            """,  # table name from the model, values as parameters
            data_params,
        )
    index._refresh_title_norms()


@contextmanager
def search_auto_update_paused():
    """modelsearch's per-save handler, disconnected for the block's duration and connected again."""
    models = [model for model in get_indexed_models() if getattr(model, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
