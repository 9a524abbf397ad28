"""Search latency per language on a generated corpus, ours beside Wagtail's stock database backend.

    .venv/bin/python bench/search_bench.py [--pages 2000] [--queries 40]

Runs in a database of its own (``bench_search``, created and dropped here): migrates, loads the demo
content, then adds ``--pages`` generated pages per language, written from that language's own demo
sentences reshuffled, and indexes them. For each language it times, with the same queries:

- ``ours``: the locale-aware backend's top ten results (``website.search.postgres``);
- ``stock``: Wagtail's PostgreSQL backend with its single configuration, on the same table;
- ``page``: the whole search page's work (all matches, facts, facets, snippets), for the record.

Prints median and p95 in milliseconds, and how many pages each backend found per query on average
(the stock backend parses every language as English, so it finds fewer inflected forms and has less
to rank). Nothing is asserted: the README quotes what it printed.
"""

import argparse
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402
from django.utils import translation  # noqa: E402
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402

from bench.corpus import generate  # noqa: E402
from website.models import StandardPage  # noqa: E402
from website.search.backends import get_backend  # noqa: E402
from website.search.highlight import searchable_text  # noqa: E402
from website.search.service import find_matches, ranked, run_search  # noqa: E402
from website.text import HAN_CHARACTER  # noqa: E402


def queries_for(locale, rng, count):
    words = []
    for text in (searchable_text(page) for page in Page.objects.filter(locale=locale).specific()[:200]):
        if HAN_CHARACTER.search(text):
            runs = re.findall(r"[\u4e00-\u9fff]{2,}", text)
            words.extend(run[i : i + 2] for run in runs for i in range(0, len(run) - 1, 2))
        else:
            words.extend(word for word in re.findall(r"\w{5,}", text) if not word.isdigit())
    return rng.sample(sorted(set(words)), k=min(count, len(set(words))))


def timed(function, runs):
    samples = []
    for argument in runs:
        start = time.perf_counter()
        function(argument)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument(
        "--keep", action="store_true", help="keep the generated database, and reuse it if it is there (faster reruns)"
    )
    args = parser.parse_args()
    rng = random.Random(20261129)

    # A database of its own, apart from the test suite's.
    settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = "bench_search"
    old_config = setup_databases(verbosity=0, interactive=False, keepdb=args.keep)
    try:
        started = time.perf_counter()
        if not StandardPage.objects.filter(slug=f"bench-{args.pages - 1}").exists():
            call_command("seed_demo", verbosity=0)
            for locale in Locale.objects.order_by("pk"):
                generate(locale, args.pages, rng)
                print(f"{locale.language_code}: {args.pages} pages generated", flush=True)
            call_command("update_index", verbosity=0)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(f"corpus ready in {time.perf_counter() - started:.0f} s: {Page.objects.count()} pages", flush=True)

        ours = get_backend("default")
        stock = PostgresSearchBackend({"SEARCH_CONFIG": "english"})
        print(
            f"{'language':10} {'queries':>7} {'ours median':>12} {'ours p95':>9} "
            f"{'stock median':>13} {'stock p95':>10} {'page median':>12} {'page p95':>9} "
            f"{'ours found':>11} {'stock found':>12}"
        )
        for locale in Locale.objects.order_by("pk"):
            code = locale.language_code
            queries = queries_for(locale, random.Random(code), args.queries)
            pages = Page.objects.live().public().filter(locale=locale)

            def top_ten_ours(query, pages=pages):
                return ranked(ours, pages, query, 10)

            def top_ten_stock(query, pages=pages):
                return [p.pk for p in stock.search(query, pages, operator="and")[:10]]

            def whole_page(query, code=code):
                with translation.override(code):
                    request = RequestFactory().get(f"/{code}/search/", {"q": query})
                    run_search(request.GET, request)

            for query in queries[:3]:  # warm up caches and plans
                top_ten_ours(query), top_ten_stock(query), find_matches(query, code)
            ours_median, ours_p95 = timed(top_ten_ours, queries)
            stock_median, stock_p95 = timed(top_ten_stock, queries)
            page_median, page_p95 = timed(whole_page, queries)
            ours_found = statistics.mean(len(ranked(ours, pages, query, 100_000)) for query in queries)
            stock_found = statistics.mean(len(stock.search(query, pages, operator="and")) for query in queries)
            print(
                f"{code:10} {len(queries):>7} {ours_median:>12.1f} {ours_p95:>9.1f} "
                f"{stock_median:>13.1f} {stock_p95:>10.1f} {page_median:>12.1f} {page_p95:>9.1f} "
                f"{ours_found:>11.0f} {stock_found:>12.0f}",
                flush=True,
            )
    finally:
        if not args.keep:
            teardown_databases(old_config, verbosity=0)


if __name__ == "__main__":
    main()
