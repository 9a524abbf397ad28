"""Wagtail's API v2, with ``/api/v2/pages/?search=…&locale=…`` searched in that locale's language.

A restricted page is not listed in any language (its aliases neither). Malformed parameters are the
client's mistake and get a 400 with a message: Wagtail's API lets a NUL character, a non-numeric
``id`` or an ``offset`` beyond PostgreSQL's integers through to the database, which answered 500.
"""

from django.utils.translation import gettext as _
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from website.compat.wagtail import LanguageSearchFilter
from website.queries import restricted_page_ids
from website.text import whole_number

NUMBERS = {"id": 18, "offset": 9, "limit": 9}  # digits at most: a page id is a bigint, an offset far less


class LanguagePagesAPIViewSet(PagesAPIViewSet):
    filter_backends = [
        LanguageSearchFilter if backend is SearchFilter else backend for backend in PagesAPIViewSet.filter_backends
    ]

    def get_base_queryset(self):
        """Wagtail's pages, without restricted pages' aliases and what is below them: a page shown in English
        in another language (an alias) has no restriction of its own, so the API listed a private page's
        title, slug and dates (``website.queries.restricted_page_ids``)."""
        hidden = restricted_page_ids()
        return super().get_base_queryset().exclude(id__in=hidden) if hidden else super().get_base_queryset()

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, values in request.GET.lists():
            if any("\x00" in value for value in [name, *values]):
                raise BadRequestError(_("Query parameters may not contain NUL characters."))
            if name in NUMBERS and any(whole_number(value, NUMBERS[name]) is None for value in values):
                raise BadRequestError(_("%(name)s must be a whole number.") % {"name": name})


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", LanguagePagesAPIViewSet)
