"""The search page, the autocomplete endpoint for the search box, and the editors' search-terms report."""

import threading

import django_filters
from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView

from website.locales import active_locale
from website.search import stats
from website.search.models import SearchQueryStat
from website.search.query_text import MAX_QUERY_LENGTH
from website.search.service import autocomplete, run_search, topic_choices

# A search is the heaviest request (100 to 150 ms of processor and up to 6 MB for its results and their
# highlighting, against 0.5 MB for an explainer). A worker's threads share one processor (the GIL), so more
# searches at once only hold more results in memory: under 32 connections of searches a worker grew to 240 MB.
# At most SEARCH_CONCURRENCY run at once in a worker; the others wait their turn, as they would for the processor.
_running_searches = threading.BoundedSemaphore(settings.SEARCH_CONCURRENCY)


@require_safe
def search(request):
    """Search the pages and glossary terms written in the reader's language; works without JavaScript."""
    with _running_searches:
        return _search(request)


def _search(request):
    outcome = run_search(request.GET, request)
    first_page = outcome.request.page in ("", "1") and not any(outcome.request.filters.values())
    if request.method == "GET" and outcome.request.query and first_page:
        stats.record_search(outcome.language, outcome.request.query, outcome.matched_in_language)
    return render(
        request,
        "website/search.html",
        {
            "search": outcome,
            "search_query": outcome.request.query,
            "max_query_length": MAX_QUERY_LENGTH,
            "topics": topic_choices(),
        },
    )


@require_safe
def search_autocomplete(request):
    """Titles for the search box as the reader types: ``{"query": ..., "results": [{"title", "url"}]}``."""
    language = active_locale().language_code
    query = request.GET.get("q", "")
    results = autocomplete(query, language, request)
    response = JsonResponse({"query": query[:MAX_QUERY_LENGTH], "results": results})
    response["Cache-Control"] = "public, max-age=300"
    return response


class SearchTermsFilterSet(WagtailFilterSet):
    language_code = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)
    found_nothing = django_filters.BooleanFilter(
        label=_("Found nothing"), method="filter_found_nothing", widget=django_filters.widgets.BooleanWidget
    )

    class Meta:
        model = SearchQueryStat
        fields = ["language_code"]

    def filter_found_nothing(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(zero_result_searches__gt=0) if value else queryset.filter(zero_result_searches=0)


class SearchTermsReportView(ReportView):
    """What readers searched for, per language, and what found nothing (to write or translate next).

    It replaces ``wagtail.contrib.search_promotions``' own "Search terms" report, whose menu item is
    taken out (``website.wagtail_hooks``): that one counts ``Query.add_hit()`` calls, which the
    site search does not make, and knows no language. Anyone allowed to view the counts (the
    model's ``view`` permission; superusers) may open it: the check is in the view, not only the menu.
    """

    page_title = _("Search terms")
    header_icon = "search"
    model = SearchQueryStat
    permission_required = "view"
    filterset_class = SearchTermsFilterSet
    is_searchable = True
    search_fields = ["query"]
    default_ordering = "-searches"
    index_url_name = "search_terms"
    index_results_url_name = "search_terms_results"
    columns = [
        Column("query", label=_("Query"), sort_key="query"),
        Column("language_code", label=_("Language"), sort_key="language_code"),
        NumberColumn("searches", label=_("Searches"), sort_key="searches"),
        NumberColumn("zero_result_searches", label=_("Searches with no result"), sort_key="zero_result_searches"),
        DateColumn("last_searched", label=_("Last searched"), sort_key="last_searched"),
    ]
    list_export = ["query", "language_code", "searches", "zero_result_searches", "last_searched"]
    export_headings = {
        "query": _("Query"),
        "language_code": _("Language"),
        "searches": _("Searches"),
        "zero_result_searches": _("Searches with no result"),
        "last_searched": _("Last searched"),
    }
