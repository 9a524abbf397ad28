"""Site-wide views that are not pages: health check, robots.txt, search, error pages."""

import logging

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

logger = logging.getLogger(__name__)

SEARCH_RESULTS_PER_PAGE = 10
SEARCH_QUERY_MAX_LENGTH = 200


@require_GET
def healthz(request):
    """Liveness for load balancers and monitors: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.warning("Health check: database unavailable: %s", error)
        return JsonResponse({"status": "unavailable", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
def search(request):
    """Search the pages written in the reader's language."""
    query = request.GET.get("q", "").replace("\x00", "").strip()[:SEARCH_QUERY_MAX_LENGTH]
    results = None
    if query:
        locale = Locale.get_active()
        # Aliases are untranslated copies: never results in a language they are not written in.
        # (alias_of is not a search filter field, so it is applied through the id.)
        written_here = Page.objects.filter(locale=locale, alias_of__isnull=True).values("id")
        pages = Page.objects.live().public().filter(locale=locale, id__in=written_here)
        paginator = Paginator(pages.search(query), SEARCH_RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            results = paginator.page(1)
        except EmptyPage:
            results = paginator.page(paginator.num_pages)
    return render(request, "website/search.html", {"search_query": query, "search_results": results})


def server_error(request):
    """500 page rendered without the database, in the language of the URL the reader asked for."""
    response = render(request, "500.html", {"site_name": settings.WAGTAIL_SITE_NAME}, status=500)
    return response
