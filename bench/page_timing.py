"""Server time, SQL queries and response size of each page type, measured in-process.

A request goes through the whole Django stack (middleware, routing, the view, the templates) with
Django's test client, on the database the caller set up: ``time.perf_counter`` around it,
``CaptureQueriesContext`` for its queries, and the gzip size of the body. Each URL is asked for once
first (the caches of templates, URL modules and the glossary fill as on a running site), then
``runs`` times; the table shows the median and 95th percentile.

"Uncached" and "cached" are the site without and with its whole-page cache: ``PAGE_CACHE`` off or on,
given both as the setting and as the environment variable the settings read it from (the cache
itself is not part of this module).
"""

import gzip
import os
import statistics
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from knowledge.models import ExplainerPage, GlossaryPage, GlossaryTerm, TopicPage
from programme.models import MeetingPage, MeetingReportIndexPage, MeetingReportPage, ProgrammePage
from website.models import HomePage

PAGE_TYPES = [
    "home",
    "topic",
    "explainer",
    "glossary",
    "programme",
    "meeting",
    "report index",
    "report",
    "feed",
    "search",
]
# The framework's own page, the yardstick for requests per second.
REFERENCE = ("admin login", "/admin/login/")
HOST = "127.0.0.1"


@dataclass
class Timing:
    median: float
    p95: float
    queries: int


@dataclass
class Row:
    kind: str
    language: str
    url: str
    status: int = 0
    gzip_bytes: int = 0
    uncached: Timing | None = None
    cached: Timing | None = None
    rps: dict = field(default_factory=dict)  # "uncached"/"cached": requests per second under load
    p99: dict = field(default_factory=dict)  # "uncached"/"cached": 99th percentile latency under load, ms


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def _first(queryset, slug_prefix=None):
    """A live page of ``queryset``: a generated one when asked for and there, else the first original."""
    queryset = queryset.live()
    if slug_prefix:
        generated = queryset.filter(slug__startswith=slug_prefix).order_by("path").first()
        if generated is not None:
            return generated
    return queryset.filter(alias_of__isnull=True).order_by("path").first() or queryset.order_by("path").first()


def urls_for(language_code: str) -> dict[str, str]:
    """The URL of one page of each type in a language (generated explainers and reports when there are)."""

    def of(model, slug_prefix=None):
        page = _first(model.objects.filter(locale__language_code=language_code), slug_prefix)
        return page.url if page is not None else None

    index = _first(MeetingReportIndexPage.objects.filter(locale__language_code=language_code))
    term = GlossaryTerm.objects.filter(locale__language_code=language_code, live=True).order_by("pk").first()
    query = (term.abbreviation or term.term) if term else "IETF"
    urls = {
        "home": of(HomePage),
        "topic": of(TopicPage),
        "explainer": of(ExplainerPage, "bench-explainer-"),
        "glossary": of(GlossaryPage),
        "programme": of(ProgrammePage),
        "meeting": of(MeetingPage),
        "report index": index.url if index else None,
        "report": of(MeetingReportPage, "bench-report-"),
        "feed": index.url + index.reverse_subpage("rss") if index else None,
        "search": f"/{language_code}/search/?{urlencode({'q': query})}",
    }
    return {kind: url for kind, url in urls.items() if url}


@contextmanager
def page_cache(enabled: bool):
    """The whole-page cache on or off, as the setting and as the environment variable."""
    previous = os.environ.get("PAGE_CACHE")
    if enabled:
        os.environ.pop("PAGE_CACHE", None)
    else:
        os.environ["PAGE_CACHE"] = "off"
    try:
        with override_settings(PAGE_CACHE=enabled):
            yield
    finally:
        if previous is None:
            os.environ.pop("PAGE_CACHE", None)
        else:
            os.environ["PAGE_CACHE"] = previous


def measure(client: Client, url: str, runs: int):
    """(Timing, status, body) of ``runs`` requests for ``url`` after one to warm up."""
    response = client.get(url)
    samples, queries = [], []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            samples.append((time.perf_counter() - started) * 1000)
        queries.append(len(captured))  # now: the next request would reset the log it reads
    timing = Timing(statistics.median(samples), percentile(samples, 0.95), max(queries))
    return timing, response.status_code, response.content


def measure_all(language_codes: list[str], runs: int, say=print) -> list[Row]:
    """A row per page type and language, and one for the admin login page, uncached then cached."""
    rows = []
    for code in language_codes:
        for kind, url in urls_for(code).items():
            rows.append(Row(kind, code, url))
    rows.append(Row(REFERENCE[0], "en", REFERENCE[1]))
    client = Client(HTTP_HOST=HOST)
    for enabled in (False, True):
        with page_cache(enabled):
            for row in rows:
                timing, status, body = measure(client, row.url, runs)
                if enabled:
                    row.cached = timing
                else:
                    row.uncached, row.status = timing, status
                    row.gzip_bytes = len(gzip.compress(body))
        say(f"in-process timings done, page cache {'on' if enabled else 'off'}")
    return rows


def fmt(value, spec=".1f"):
    return "" if value is None else format(value, spec)


def table(rows, rss, reference) -> str:
    lines = [
        "| page | lang | status | gzip B | uncached: SQL | median ms | p95 ms | req/s | ×admin | p99 ms "
        "| cached: SQL | median ms | p95 ms | req/s | ×admin | p99 ms |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        cells = [row.kind, row.language, str(row.status), str(row.gzip_bytes)]
        for mode, timing in (("uncached", row.uncached), ("cached", row.cached)):
            rps, ref = row.rps.get(mode), reference.rps.get(mode)
            cells += [str(timing.queries), fmt(timing.median), fmt(timing.p95)]
            cells += [fmt(rps, ".0f"), fmt(rps / ref if rps and ref else None, ".2f"), fmt(row.p99.get(mode), ".0f")]
        lines.append("| " + " | ".join(cells) + " |")
    for mode, sizes in rss.items():
        lines.append(f"\nResident memory per worker after the {mode} load: {', '.join(sizes)}")
    return "\n".join(lines)


def page_count() -> int:
    return Page.objects.count()
