"""Query helpers shared by the apps."""

from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction


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


def public_pages(queryset):
    """``queryset`` without the pages under a view restriction, aliases of private pages included."""
    return queryset.exclude(under_view_restriction())


def restricted_page_ids() -> list[int]:
    """Ids of every page under a view restriction (as ``under_view_restriction``), for the search
    backends, which filter on indexed fields only ("id" is one), not on subqueries.

    Worked out from the restricted sections rather than page by page: one query when nothing is
    private, three otherwise, whatever the number of pages.
    """
    if not PageViewRestriction.objects.exists():
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
    return list(
        page_model.objects.live()
        .filter(locale_id=locale_id, translation_key__in=links.values(key))
        .exclude(under_view_restriction())
        .annotate(link_order=Subquery(ordered))
        .order_by("link_order")
    )
