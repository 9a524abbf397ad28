"""Wagtail's API v2, with ``/api/v2/pages/?search=…&locale=…`` searched in that locale's language."""

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from website.compat.wagtail import LanguageSearchFilter


class LanguagePagesAPIViewSet(PagesAPIViewSet):
    filter_backends = [
        LanguageSearchFilter if backend is SearchFilter else backend for backend in PagesAPIViewSet.filter_backends
    ]


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", LanguagePagesAPIViewSet)
