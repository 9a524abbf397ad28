"""Keeps the index right when a page moves: its descendants' paths (and topics) change too.

Wagtail re-saves the moved page itself, which re-indexes it; its descendants are not saved, so
their path filters (Elasticsearch) and topic facts would be stale until the next rebuild.
"""

from modelsearch.index import insert_or_update_object
from wagtail.signals import post_page_move


def reindex_descendants(sender, instance, **kwargs):
    for page in instance.get_descendants().specific():
        insert_or_update_object(page)


def connect() -> None:
    post_page_move.connect(reindex_descendants, dispatch_uid="website.search.reindex_descendants")
