"""The search page, the autocomplete endpoint for the search box, and the editors' search-terms report."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from website.locales import active_locale
from website.search import stats
from website.search.query_text import MAX_QUERY_LENGTH
from website.search.service import autocomplete, run_search, topic_choices


@require_GET
def search(request):
    """Search the pages and glossary terms written in the reader's language; works without JavaScript."""
    outcome = run_search(request.GET, request)
    if outcome.request.query and outcome.request.page in ("", "1") and not any(outcome.request.filters.values()):
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


@require_GET
def search_autocomplete(request):
    """Titles for the search box as the reader types: ``{"query": ..., "results": [{"title", "url"}]}``."""
    language = active_locale().language_code
    query = request.GET.get("q", "")
    results = autocomplete(query, language, request)
    response = JsonResponse({"query": query[:MAX_QUERY_LENGTH], "results": results})
    response["Cache-Control"] = "public, max-age=300"
    return response


class SearchTermsReportView(WagtailAdminTemplateMixin, TemplateView):
    """What readers searched for in each language, and what found nothing (to write or translate next)."""

    template_name = "website/admin/search_terms.html"
    page_title = _("Search terms")
    header_icon = "search"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        codes = [code for code, _name in settings.LANGUAGES]
        language = self.request.GET.get("language", "")
        language = language if language in codes else ""
        context.update(
            {
                "languages": settings.LANGUAGES,
                "selected_language": language,
                "top_queries": stats.top_queries(language or None),
                "zero_result_queries": stats.zero_result_queries(language or None),
            }
        )
        return context
