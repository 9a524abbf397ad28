"""Wagtail's API v2, with ``/api/v2/pages/?search=…&locale=…`` searched in that locale's language."""

from django.conf import settings
from modelsearch.backends.base import FilterFieldError, OrderByFieldError
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from website.search.backends import run_with_fallback
from website.search.query_text import clean_query


class LanguageSearchFilter(SearchFilter):
    """``SearchFilter`` of Wagtail 8.0, except that it searches the backend of the ``locale`` asked for.

    The database backend already analyses by locale; with Elasticsearch, each language has its own
    backend, which the stock filter (always ``get_search_backend()``) would not use.
    """

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError("filtering by tag with a search query is not supported")
        query, _messages = clean_query(request.GET["search"])
        if not query:
            return queryset.none()
        language = request.GET.get("locale") or settings.LANGUAGE_CODE
        operator = request.GET.get("search_operator") or None
        if operator not in (None, "and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")
        order_by_relevance = "order" not in request.GET

        def search(backend):
            results = backend.search(query, queryset, operator=operator, order_by_relevance=order_by_relevance)
            results.count()  # asks the backend now, so an Elasticsearch outage falls back here, not mid-response
            return results

        try:
            return run_with_fallback(language, search)
        except FilterFieldError as error:
            raise BadRequestError(
                f"cannot filter by '{error.field_name}' while searching (field is not indexed)"
            ) from error
        except OrderByFieldError as error:
            raise BadRequestError(
                f"cannot order by '{error.field_name}' while searching (field is not indexed)"
            ) from error


class LanguagePagesAPIViewSet(PagesAPIViewSet):
    filter_backends = [*PagesAPIViewSet.filter_backends[:-1], LanguageSearchFilter]


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", LanguagePagesAPIViewSet)
