"""Site-wide views that are not pages: health check, robots.txt, error pages (search: website.search.views)."""

import logging
import sys
import threading

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe

from website.database.availability import is_database_unavailable

# While the database is down: how long a client (or a crawler) is asked to wait before trying again.
RETRY_AFTER_SECONDS = 30

logger = logging.getLogger(__name__)


# A health check answers within this many seconds, even when the database hangs (libpq waits at least 2 s
# for a connection, and a server that accepts connections but does not answer would hold it for ever).
HEALTH_CHECK_SECONDS = 1.5


@require_safe
@never_cache
def healthz(request):
    """Liveness for load balancers and monitors: 200 when the database answers, 503 when it does not.

    The query runs in a thread of its own (with its own connection, closed after) so that the
    answer never waits longer than ``HEALTH_CHECK_SECONDS``.
    """
    outcome = {}

    def check():
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                outcome["ok"] = cursor.fetchone() == (1,)
        except DatabaseError as error:
            outcome["error"] = error
        finally:
            connection.close()

    thread = threading.Thread(target=check, name="healthz", daemon=True)
    thread.start()
    thread.join(HEALTH_CHECK_SECONDS)
    if not outcome.get("ok"):
        logger.warning("Health check: database unavailable: %s", outcome.get("error", "no answer in time"))
        return JsonResponse({"status": "unavailable", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def server_error(request):
    """The error page, rendered without the database, in the language of the URL the reader asked for.

    Django calls this while it handles the exception, so ``sys.exc_info()`` is the error: when the
    database is unreachable the answer is 503 with ``Retry-After`` (the site comes back by itself
    once the database does), anything else is a 500.
    """
    error = sys.exc_info()[1]
    if error is not None and is_database_unavailable(error):
        response = render(request, "503.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    return render(request, "500.html", {"site_name": settings.WAGTAIL_SITE_NAME}, status=500)
