"""Query helpers shared by the apps."""

from django.db.models import Exists, F, OuterRef
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
