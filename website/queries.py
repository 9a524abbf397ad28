"""Query helpers shared by the apps."""

from django.core.cache import cache
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Length, Substr
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction

from website.generations import Generation

RESTRICTIONS = Generation("queries:restrictions:generation")


def _restriction_above(path_ref):
    """A view restriction on the page at ``path_ref`` or on one of its ancestors."""
    return Exists(PageViewRestriction.objects.filter(page__path=Substr(path_ref, 1, Length(F("page__path")))))


def under_view_restriction():
    """A condition true for pages a reader may not see without logging in or a password: pages in a
    private section (the restricted page or below it), and pages in the subtree of an alias of one.

    Wagtail's ``PageQuerySet.public()`` looks at the page's own ancestors only, but when it serves a
    page it resolves each ancestor that is an alias to its original (``Page.get_view_restrictions``):
    an alias of a private English page (the page shown in English in another language) asks for the
    password, yet ``public()`` lists it, so listings in that language showed its title and link.
    This condition agrees with what Wagtail serves. It is a subquery, so listing public pages costs
    no extra query for the restrictions.
    """
    aliased_private_ancestor = Page.objects.filter(
        alias_of__isnull=False,
        path=Substr(OuterRef("path"), 1, Length(F("path"))),
    ).filter(_restriction_above(OuterRef("alias_of__path")))
    return Q(_restriction_above(OuterRef("path"))) | Q(Exists(aliased_private_ancestor))


def any_view_restriction() -> bool:
    """Whether any page is private at all, answered from the cache (no query) once asked.

    ``under_view_restriction`` is a pair of correlated subqueries per listed row, and the one for aliases
    compares the row's path with every alias of the site: 35 ms of a report list's 60 with 200 reports
    and 170 aliases. Most sites have no private page, and then there is nothing to exclude. The answer is
    kept under a generation token that any view restriction saved or deleted renews (now, and again when
    the change is committed), so an answer worked out before the change is never read after it.
    """
    key = f"queries:any-restriction:{RESTRICTIONS.current()}"
    found = cache.get(key)
    if found is None:
        found = PageViewRestriction.objects.exists()
        cache.set(key, found, timeout=None)
    return found


def connect() -> None:
    post_save.connect(RESTRICTIONS.renew, sender=PageViewRestriction, dispatch_uid="website.queries.saved")
    post_delete.connect(RESTRICTIONS.renew, sender=PageViewRestriction, dispatch_uid="website.queries.deleted")


def public_pages(queryset):
    """``queryset`` without the pages under a view restriction, aliases of private pages included."""
    if not any_view_restriction():
        return queryset
    return queryset.exclude(under_view_restriction())


def restricted_page_ids() -> list[int]:
    """Ids of every page under a view restriction (as ``under_view_restriction``), for the search
    backends, which filter on indexed fields only ("id" is one), not on subqueries.

    Worked out from the restricted sections rather than page by page: no query when nothing is
    private, two otherwise, whatever the number of pages.
    """
    if not any_view_restriction():
        return []
    private = Page.objects.not_public()  # Wagtail's: the restricted pages and their subtrees
    tops = []
    for path in sorted(Page.objects.filter(alias_of__in=private).values_list("path", flat=True)):
        if not tops or not path.startswith(tops[-1]):
            tops.append(path)
    condition = Q(pk__in=private.values("pk"))
    for path in tops:
        condition |= Q(path__startswith=path)
    return list(Page.objects.filter(condition).values_list("pk", flat=True))


def linked_pages_in_language(page_model, links, field: str, locale_id: int):
    """Pages that ``links`` (ordered link rows, e.g. "related explainers") point to, in one language.

    Link rows point at the pages chosen in the editor, usually in the source language; each is
    shown through its live, public translation in ``locale_id`` and left out if there is none.
    One query, in the links' own order.
    """
    key = f"{field}__translation_key"
    ordered = links.filter(**{key: OuterRef("translation_key")}).order_by("sort_order").values("sort_order")[:1]
    pages = page_model.objects.live().filter(locale_id=locale_id, translation_key__in=links.values(key))
    return list(public_pages(pages).annotate(link_order=Subquery(ordered)).order_by("link_order"))
