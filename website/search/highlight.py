"""Snippets of each result with the reader's words marked, in their language's analysis.

PostgreSQL's ``ts_headline`` finds the passage and the matching words (stemmed, so "réseaux"
marks "réseau"), whichever backend found the result. Chinese, which PostgreSQL cannot split
into words, is marked by plain substring search. Text is HTML-escaped before ``<mark>`` is added.
"""

import re

from django.db import connection
from django.utils.html import escape
from django.utils.safestring import mark_safe
from modelsearch.backends.database.postgres.postgres import ObjectIndexer

from website.search.backends import get_backend
from website.search.languages import postgres_config, uses_bigrams
from website.text import HAN_CHARACTER

START, STOP = "\x02", "\x03"
OPTIONS = f'StartSel={START}, StopSel={STOP}, MaxWords=40, MinWords=18, MaxFragments=2, FragmentDelimiter=" … "'
EXCERPT_CHARACTERS = 160


def searchable_text(obj) -> str:
    """The object's indexed text other than its title, as the index sees it."""
    indexer = ObjectIndexer(obj, get_backend("default"))
    return indexer.body_text


def _marked(text: str) -> str:
    return escape(text).replace(START, "<mark>").replace(STOP, "</mark>")


def _postgres_headlines(texts: list[str], query: str, language: str) -> list[str]:
    config = postgres_config(language)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT ts_headline(%s::regconfig, t, plainto_tsquery(%s::regconfig, %s), %s) "
            "FROM unnest(%s::text[]) WITH ORDINALITY AS x(t, n) ORDER BY n",
            [config, config, query, OPTIONS, texts],
        )
        return [row[0] for row in cursor.fetchall()]


def _substring_headline(text: str, query: str) -> str:
    terms = sorted({term for term in query.split() if term}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(term) for term in terms), re.IGNORECASE) if terms else None
    match = pattern.search(text) if pattern else None
    start = max(0, match.start() - EXCERPT_CHARACTERS // 3) if match else 0
    excerpt = text[start : start + EXCERPT_CHARACTERS]
    if pattern:
        excerpt = pattern.sub(lambda found: f"{START}{found.group(0)}{STOP}", excerpt)
    return ("…" if start else "") + excerpt + ("…" if start + EXCERPT_CHARACTERS < len(text) else "")


def headlines(hits, query: str, language: str) -> None:
    """Sets ``hit.headline`` (safe HTML) on each hit that has its object loaded."""
    shown = [hit for hit in hits if hit.object is not None]
    texts = [searchable_text(hit.object).replace(START, "").replace(STOP, "") for hit in shown]
    if not shown:
        return
    if uses_bigrams(language) or HAN_CHARACTER.search(query):
        marked = [_substring_headline(text, query) for text in texts]
    else:
        marked = _postgres_headlines(texts, query, language)
    for hit, text in zip(shown, marked, strict=True):
        hit.headline = mark_safe(_marked(text))  # escaped above, only <mark> added
