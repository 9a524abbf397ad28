"""Query helpers shared by the apps."""

from django.db.models import Exists, F, OuterRef, Subquery
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def under_view_restriction():
    """A condition true for pages in a private section (the restricted page or below it).

    The same pages as Wagtail's ``PageQuerySet.private_q()``, but as a subquery, so listing
    public pages costs no extra query for the restrictions.
    """
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length(F("page__path"))),
        )
    )


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
