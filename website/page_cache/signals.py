"""Changes turned into new versions of the pages that show them, once the change is committed.

Pages: published (a scheduled publish and a translation's publish included), unpublished (a deleted live page is
unpublished first, by Wagtail), moved. Whether a publish changed the page's title, URL or being live is read
from the row before it is saved. Pages made live without a publish (an alias the translation sync makes). Page
privacy. Objects (snippets, settings, images, documents): when their live row is saved (a snippet's publish
writes it; a draft saved changes nothing readers see), unpublished, or deleted.

Which pages are affected is worked out at once, inside the change's transaction (a deleted page's parent and
links are still there to be found); their new versions, and the CDN purge of their URLs in every language
(``WAGTAILFRONTENDCACHE``), wait for the commit, so that a page rendered before it is never kept as current.
"""

import functools
import threading
from contextlib import contextmanager

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import DraftStateMixin, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move, unpublished
from wagtail.snippets.models import get_snippet_models

from website.page_cache import store
from website.page_cache.dependencies import PageChange, Shown, pages_showing_object, pages_showing_page

_paused = threading.local()


@contextmanager
def changes_not_followed():
    """For bulk loads (the demo seed): no page is worked out per change; every copy is dropped at the end."""
    _paused.value = True
    try:
        yield
    finally:
        _paused.value = False
        transaction.on_commit(store.forget_all)


def _following() -> bool:
    return store.enabled() and not getattr(_paused, "value", False)


def _purge_batch(shown: Shown):
    """The CDN purge of the affected pages' URLs (in every language: each language's page is one of them)."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return None
    from wagtail.contrib.frontend_cache.utils import PurgeBatch  # noqa: PLC0415 - only with a CDN configured

    batch = PurgeBatch()
    pages = Page.objects.live() if shown.everywhere else Page.objects.live().filter(pk__in=shown.page_ids)
    batch.add_pages(pages.specific(defer=True))
    return batch


def _renew_when_committed(shown: Shown) -> None:
    tags = {store.SITE_TAG} if shown.everywhere else {store.page_tag(pk) for pk in shown.page_ids}
    batch = _purge_batch(shown)

    def renew():
        store.renew(tags)
        if batch is not None:
            batch.purge()

    # Now, for this process's next request inside the same transaction, and again once committed: a copy another
    # process rendered from the rows before the commit is then out of date too.
    store.renew(tags)
    transaction.on_commit(renew)


def remember_row_before_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not _following() or not isinstance(instance, Page) or instance.pk is None:
        return
    if update_fields is not None and not {"title", "url_path", "live"} & set(update_fields):
        return
    instance._page_cache_before = Page.objects.filter(pk=instance.pk).values("title", "url_path", "live").first()


def page_was_published(sender, instance, **kwargs):
    if not _following():
        return
    before = instance.__dict__.pop("_page_cache_before", None)
    moved = before is not None and before["url_path"] != instance.url_path
    shown_differently = before is None or moved or before["title"] != instance.title or not before["live"]
    _renew_when_committed(pages_showing_page(PageChange(instance, shown_differently=shown_differently, moved=moved)))


def page_was_unpublished(sender, instance, **kwargs):
    if _following():
        _renew_when_committed(pages_showing_page(PageChange(instance)))


def page_was_moved(sender, instance, parent_page_before=None, url_path_before=None, url_path_after=None, **kwargs):
    if _following():
        moved = url_path_before != url_path_after
        old_parent = parent_page_before.pk if parent_page_before is not None else None
        _renew_when_committed(pages_showing_page(PageChange(instance, moved=moved, old_parent_id=old_parent)))


# Fields a draft's save writes (save_revision): nothing readers see.
DRAFT_FIELDS = {"latest_revision", "has_unpublished_changes", "draft_title", "latest_revision_created_at"}


def object_changed(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not _following() or sender not in followed_models():
        return
    if kwargs.get("signal") is post_save:
        if update_fields is not None and set(update_fields) <= DRAFT_FIELDS:
            return
        if isinstance(instance, DraftStateMixin) and not instance.live:
            return  # a draft never published: readers do not see it (unpublishing has its own signal)
    _renew_when_committed(pages_showing_object(instance))


def page_saved(sender, instance, created=False, raw=False, **kwargs):
    """A page made live without being published (a copy, an alias made by the translation sync)."""
    if created and not raw and isinstance(instance, Page) and instance.live and _following():
        _renew_when_committed(pages_showing_page(PageChange(instance)))


def privacy_changed(sender, instance, raw=False, **kwargs):
    """A page made private or public again: its section, its aliases' sections, every listing and link to them.
    Rare and about who may see what, so every copy goes."""
    if not raw and _following():
        _renew_when_committed(Shown(everywhere=True))


@functools.cache
def followed_models() -> frozenset:
    """Models whose changes pages show, besides pages: snippets, site settings, images and documents.

    Worked out on first use: snippets are registered by the apps' wagtail_hooks, after the apps are ready.
    """
    models = {*get_snippet_models(), *settings_registry}
    models |= {apps.get_model("wagtailimages", "Image"), apps.get_model("wagtaildocs", "Document")}
    return frozenset(models)


def connect() -> None:
    pre_save.connect(remember_row_before_save, dispatch_uid="website.page_cache.before")
    page_published.connect(page_was_published, dispatch_uid="website.page_cache.published")
    page_unpublished.connect(page_was_unpublished, dispatch_uid="website.page_cache.unpublished")
    post_page_move.connect(page_was_moved, dispatch_uid="website.page_cache.moved")
    # Objects change for readers when their live row is saved (publishing a snippet with drafts writes it), or
    # when a snippet with drafts is unpublished. Deletions
    # are followed before the row goes: Wagtail drops the references to it once it is deleted.
    post_save.connect(page_saved, dispatch_uid="website.page_cache.page_saved")
    post_save.connect(privacy_changed, sender=PageViewRestriction, dispatch_uid="website.page_cache.private")
    post_delete.connect(privacy_changed, sender=PageViewRestriction, dispatch_uid="website.page_cache.public")
    unpublished.connect(object_changed, dispatch_uid="website.page_cache.object_unpublished")
    post_save.connect(object_changed, dispatch_uid="website.page_cache.object_saved")
    pre_delete.connect(object_changed, dispatch_uid="website.page_cache.object_deleted")
