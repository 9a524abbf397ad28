"""The search relevance collection: queries per language with graded judgments, and how a ranking is scored.

Each ``<language>.yaml`` holds queries a policymaker would type in that language, each with the pages that
answer it, judged from the content by a reader of the language (2 = the page that answers it, 1 = useful).
Items are named in a way that holds in every language: a page by its English slug (its translation is found
through its translation key), a glossary term as ``term:<English term>``. ``make bench-relevance`` scores the
site's search against it (``bench/relevance_bench.py``) and ``tests/search/test_relevance.py`` holds the floors.
"""
