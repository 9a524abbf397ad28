"""A private page is private in every language, from the moment it is made private.

Wagtail keeps a view restriction on the page it is set on and applies it to that page's subtree;
an alias (a page not translated yet, shown in English) follows its original's restrictions when
served. A translation is a page of its own, in its language's tree: wagtail-localize copies the
original's restriction onto it only when the translation is synchronised (``sync_view_restrictions``).
So an English page made private in the admin ("Privacy") stayed public in French, Spanish and every
other language where it was translated, until someone synchronised it. Here every change to a
restriction (made, changed, its groups set, taken off) is passed on to the translations at once,
with wagtail-localize's own ``TranslationSource.sync_view_restrictions``.

Only a page that is a translation source passes its restrictions on (its translations follow it,
as they do when synchronised); a restriction set on a translation alone stays that translation's.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction


def sync_translations(page) -> None:
    """Give each translation of ``page`` (if ``page`` is a translation source) the same restriction."""
    from wagtail_localize.models import TranslationSource  # noqa: PLC0415 - models need the app registry

    source = TranslationSource.objects.get_for_instance_or_none(page)
    if source is None:
        return
    for translation in page.get_translations().filter(alias_of__isnull=True):
        source.sync_view_restrictions(page, translation)


def restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        sync_translations(page)


def restriction_deleted(sender, instance, origin=None, **kwargs):
    """A restriction taken off (the admin's "Public"), not one deleted with its page: the translations of a
    deleted page stay, and must not become public because their original went."""
    if origin is instance:
        restriction_changed(sender, instance)


def groups_changed(sender, instance, action, reverse, **kwargs):
    if not reverse and action in ("post_add", "post_remove", "post_clear"):
        restriction_changed(sender, instance)


def connect() -> None:
    post_save.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="website-privacy-saved")
    post_delete.connect(restriction_deleted, sender=PageViewRestriction, dispatch_uid="website-privacy-deleted")
    m2m_changed.connect(
        groups_changed, sender=PageViewRestriction.groups.through, dispatch_uid="website-privacy-groups"
    )
