"""Workarounds for Wagtail 8.0.

**API v2 search always uses the default backend.** ``wagtail.api.v2.filters.SearchFilter`` calls
``get_search_backend()`` with no argument, so ``/api/v2/pages/?search=…&locale=fr`` could never
reach the French Elasticsearch backend. ``LanguageSearchFilter`` is that filter's
``filter_queryset`` step for step (the ``WAGTAILAPI_SEARCH_ENABLED`` switch, the tag check, the
operator, relevance ordering, the error messages) except that it searches the backend of the locale
asked for, through ``website.search.backends.run_with_fallback`` (an Elasticsearch outage falls
back to the database), and cleans the query as the site search does.

**The workflow status of a snippet needs a URL name its panel may lack.** The status side panel
includes ``wagtailadmin/workflows/workflow_status.html``, which links to ``revisions_compare_url_name``;
Wagtail's page panel sets it, the generic panel wagtail-localize's translation editor builds for a
snippet does not, so a glossary term in review could not be opened. The copy of that template in
``templates/wagtailadmin/workflows/`` falls back to the object's own compare view.

**Page passwords are not throttled.** ``wagtail.views.authenticate_with_password`` checks a page's shared
password as often as it is asked (20 tries took 0.3 s). ``throttled_authenticate_with_password``, at the same
path and URL name, asks django-axes first whether the restriction and the address are locked out, and reports a
wrong password (Wagtail's view answering with the form again rather than a redirect) as a failed sign-in
(``website.sign_in.page_passwords``).

Delete when Wagtail's API lets a viewset choose the search backend per request (no upstream issue
filed yet), when the generic status panel passes the compare URL name itself, and when Wagtail throttles page
passwords or gives their view a hook to do it.
"""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from modelsearch.backends.base import FilterFieldError, OrderByFieldError
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.views import authenticate_with_password

from website.search.backends import run_with_fallback
from website.search.query_text import clean_query
from website.sign_in import page_passwords

UPSTREAM = ("wagtail", "8.0.1")
FOLLOWS = {
    "wagtail.api.v2.filters:SearchFilter.filter_queryset": "413c4f842cce6230",
    "wagtail.views:authenticate_with_password": "eefce56dd8d602c6",
}


class LanguageSearchFilter(SearchFilter):
    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if not getattr(settings, "WAGTAILAPI_SEARCH_ENABLED", True):
            raise BadRequestError("search is disabled")
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


def throttled_authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's page-password view, counted by django-axes: refused while locked out, a wrong password recorded."""
    if request.method != "POST":
        return authenticate_with_password(request, page_view_restriction_id, page_id)
    credentials = page_passwords.credentials_for(page_view_restriction_id)
    if not AxesProxyHandler.is_allowed(request, credentials):
        return get_lockout_response(request, None, credentials)
    response = authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code == 200:  # the form again: the password was wrong (a right one redirects)
        # The failure that reaches the limit flags the request, and axes's middleware answers with the lockout.
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
    return response
