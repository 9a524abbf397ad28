"""Generated bad input, a longer run than the test's: random seed, as many requests as asked for.

    .venv/bin/python bench/fuzz.py [--count 20000] [--seed N]

The same strategies as tests/website/test_generated_requests.py (tests/generated_requests.py), sent
through Django's test client to a throwaway copy of the seeded test database (the test settings; the
copy is made from the template the test suite seeds, built first if missing, and dropped at the end).
Prints the seed, the number of requests, the statuses seen and every failure with the request that
reproduces it; exits 1 if there was one. The same ``--seed`` and ``--count`` replay the same run.
"""

import argparse
import logging
import os
import random
import sys
import time
import uuid
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")

import django

django.setup()

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402

from tests import demo_database, generated_requests  # noqa: E402


def quiet_expected_logs():
    """404s, CSRF refusals and bad hosts are the expected answers; 5xx tracebacks are still printed."""
    logging.getLogger("django.request").setLevel(logging.ERROR)
    logging.getLogger("django.security.csrf").setLevel(logging.ERROR)
    logging.getLogger("django.security.DisallowedHost").setLevel(logging.CRITICAL)


def run(count: int, run_seed: int) -> tuple[Counter, dict[str, str], int]:
    demo = generated_requests.demo_addresses()
    client = generated_requests.client()
    statuses: Counter = Counter()
    failures: dict[str, str] = {}

    @seed(run_seed)
    @settings(
        max_examples=count,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(generated_requests.requests(demo))
    def send(request):
        response = request.send(client)
        statuses[response.status_code] += 1
        problems = request.problems(response)
        if problems:  # kept, not raised: the run goes on to its count
            failures.setdefault(f"{request}", ", ".join(problems))

    send()
    return statuses, failures, sum(statuses.values())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20_000, help="requests to send (default 20000)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: a new one, printed)")
    args = parser.parse_args()
    run_seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    quiet_expected_logs()
    database = demo_database.worker_database("fuzz", uuid.uuid4().hex)
    try:
        start = time.perf_counter()
        statuses, failures, sent = run(args.count, run_seed)
        elapsed = time.perf_counter() - start
    finally:
        demo_database.drop_worker_database(database)
    print(f"seed {run_seed}: {sent} requests in {elapsed:.0f} s")
    print("statuses: " + ", ".join(f"{status} × {number}" for status, number in sorted(statuses.items())))
    print(f"failures: {len(failures)}")
    for request, problems in failures.items():
        print(f"\n{request}\n  -> {problems}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
