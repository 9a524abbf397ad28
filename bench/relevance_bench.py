"""Search relevance on the demo content: nDCG@10, MRR and the answer in the top three, per language and backend.

    .venv/bin/python bench/relevance_bench.py [--languages en,fr] [--no-readme]   (make bench-relevance)

Scores every query of ``bench/relevance/<language>.yaml`` (graded judgments written from the content) against
what the search page shows first (``website.search.service.results_in_order``), on the database backend and,
when ``ELASTICSEARCH_URL`` is set, on Elasticsearch too. Runs on the development site (``make setup``'s demo
content). Prints the table, the queries whose answer is not in the top three, and puts the table into the
README between its ``bench:relevance`` markers. The floors are held by ``tests/search/test_relevance.py``.
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")
MARKERS = ("<!-- bench:relevance -->", "<!-- /bench:relevance -->")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--languages", default="", help="comma-separated (default: every collection)")
    parser.add_argument("--no-readme", dest="readme", action="store_false", help="leave README.md as it is")
    args = parser.parse_args()

    import django  # noqa: PLC0415

    django.setup()
    from django.conf import settings  # noqa: PLC0415
    from django.test.utils import override_settings  # noqa: PLC0415

    from bench.readme import into_readme  # noqa: PLC0415
    from bench.relevance import collection, scoring  # noqa: PLC0415
    from website.search.backends import DATABASE_BACKEND, forget_backends  # noqa: PLC0415

    languages = [code for code in args.languages.split(",") if code] or collection.languages()
    load_before = os.getloadavg()
    runs = [("database", {"default": dict(DATABASE_BACKEND)})]
    if os.environ.get("ELASTICSEARCH_URL"):
        runs.append(("elasticsearch", settings.WAGTAILSEARCH_BACKENDS))
    scores, problems = [], []
    for backend_name, backends in runs:
        forget_backends()
        with override_settings(WAGTAILSEARCH_BACKENDS=backends):
            for language in languages:
                score, found = scoring.score_language(language, backend_name)
                scores.append(score)
                problems.extend(f"{language}: {problem}" for problem in found)
    forget_backends()
    load_after = os.getloadavg()

    for score in scores:
        for query in score.queries:
            if not query.answer_in_top_three:
                print(f"{score.language} {score.backend}: answer not in the top three: {query.text!r} ({query.type})")
    for problem in problems:
        print(f"collection: {problem}")
    queries = sum(len(collection.load(code).queries) for code in languages)
    text = (
        f"{queries} judged queries in {len(languages)} languages, the first {scoring.CUTOFF} results of each. "
        f"Floors: nDCG@10 at least {scoring.NDCG_FLOOR}, the answer in the top three for at least "
        f"{scoring.TOP_THREE_FLOOR:.0%} of queries. Elasticsearch: "
        f"{'measured' if len(runs) > 1 else 'not measured (no ELASTICSEARCH_URL)'}.\n\n"
        f"Load average: {' '.join(f'{v:.2f}' for v in load_before)} before, "
        f"{' '.join(f'{v:.2f}' for v in load_after)} after.\n\n" + scoring.table(scores) + "\n"
    )
    print(text)
    if args.readme:
        into_readme(text, MARKERS)
    if problems or not all(score.meets_floors for score in scores):
        sys.exit(1)


if __name__ == "__main__":
    main()
