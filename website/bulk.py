"""Bulk loading: bring the search and reference indexes up to date once per object, not once per save.

While the demo content is loaded each object is saved many times (created, revised, published,
aliased into six languages, then translated), and Wagtail updates its reference index and the
search index on every save: a third of a seed's time. Inside ``indexes_updated_at_the_end()``
those per-save updates are off, the saved objects are remembered, and when the block ends each of
them still there is indexed once, in bulk per model, through the same backends and index classes
the per-save updates use. Deletions are not deferred (their handlers stay connected).
"""

from collections import defaultdict
from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch.backends import get_search_backends_with_name
from modelsearch.index import class_is_indexed
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from website.compat.modelsearch import search_auto_update_paused


@contextmanager
def indexes_updated_at_the_end():
    saved: dict[type, set] = defaultdict(set)

    def remember(sender, instance, raw=False, **kwargs):
        if not raw:
            model = instance.specific_class if isinstance(instance, Page) else type(instance)
            saved[model or type(instance)].add(instance.pk)

    post_save.connect(remember, weak=False, dispatch_uid="website.bulk.remember")
    try:
        with disable_reference_index_auto_update(), search_auto_update_paused():
            yield
    finally:
        post_save.disconnect(dispatch_uid="website.bulk.remember")
    update_indexes(saved)


def update_indexes(saved: dict[type, set]) -> None:
    backends = [backend for _name, backend in get_search_backends_with_name(with_auto_update=True)]
    for model, pks in saved.items():
        if ReferenceIndex.is_indexed(model):
            for instance in model._default_manager.filter(pk__in=pks):
                ReferenceIndex.create_or_update_for_object(instance)
        if class_is_indexed(model):
            instances = list(model.get_indexed_objects().filter(pk__in=pks))
            for backend in backends:
                backend.add_bulk(model, instances)
