"""Autocomplete latency on the demo corpus, through the real endpoint, per language.

    .venv/bin/python bench/autocomplete_bench.py [--rounds 5]

Uses the development database with the demo content (``make run`` or ``make setup`` first) and
Django's test client, so each timing covers URL routing, the search and the JSON response. The
prefixes are the first two to five letters of each title in that language. Prints median and p95
in milliseconds; nothing is asserted.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")

import django

django.setup()

from django.test import Client  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402


def prefixes(locale):
    found = set()
    for title in Page.objects.live().filter(locale=locale, alias_of__isnull=True).values_list("title", flat=True):
        word = title.split()[0] if title.split() else ""
        for length in (2, 3, 5):
            if len(word) >= length:
                found.add(word[:length])
    return sorted(found)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{'language':10} {'requests':>8} {'median ms':>10} {'p95 ms':>8}")
    everything = []
    for locale in Locale.objects.order_by("pk"):
        code = locale.language_code
        queries = prefixes(locale)
        for query in queries[:3]:
            client.get(f"/{code}/search/autocomplete/", {"q": query})
        samples = []
        for _round in range(args.rounds):
            for query in queries:
                start = time.perf_counter()
                response = client.get(f"/{code}/search/autocomplete/", {"q": query})
                samples.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200
        samples.sort()
        everything.extend(samples)
        p95 = samples[max(0, int(len(samples) * 0.95) - 1)]
        print(f"{code:10} {len(samples):>8} {statistics.median(samples):>10.1f} {p95:>8.1f}")
    everything.sort()
    print(
        f"{'all':10} {len(everything):>8} {statistics.median(everything):>10.1f} "
        f"{everything[max(0, int(len(everything) * 0.95) - 1)]:>8.1f}"
    )


if __name__ == "__main__":
    main()
