"""Counts what readers search for, per language, so editors see what to write or translate next.

The table is bounded, since every distinct query would otherwise add a row for good (a scanner
sends thousands): a query is recorded only if it is of a sane length (``MAX_RECORDED_LENGTH``
characters, ``MAX_RECORDED_WORDS`` words, after the search page's own cleaning and normalising),
no new row is added once the table holds ``SEARCH_TERMS_MAX_ROWS`` (queries already there keep
counting), and ``manage.py prune_search_terms``, run daily (README, "Production schedule"), deletes
queries nobody searched for in a year and those searched once, in vain, over a month ago.
"""

from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone

from website.search.models import SearchQueryStat

MAX_RECORDED_LENGTH = 100
MAX_RECORDED_WORDS = 10
DEFAULT_MAX_ROWS = 20_000
KEEP_DAYS = 365
KEEP_UNFOUND_DAYS = 30


def normalise(query: str) -> str:
    return " ".join(query.casefold().split())


def worth_recording(query: str) -> bool:
    """Whether a (normalised) query is one a reader typed, not a pasted paragraph or a probe's junk."""
    return (
        0 < len(query) <= MAX_RECORDED_LENGTH
        and len(query.split()) <= MAX_RECORDED_WORDS
        and any(char.isalnum() for char in query)
        and query.isprintable()
    )


def max_rows() -> int:
    return getattr(settings, "SEARCH_TERMS_MAX_ROWS", DEFAULT_MAX_ROWS)


def record_search(language_code: str, query: str, found: int) -> None:
    """One search by a reader: one upsert, so two readers at once do not lose a count."""
    query = normalise(query)
    if not worth_recording(query):
        return
    table = SearchQueryStat._meta.db_table
    zero = 1 if found == 0 else 0
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {table} (language_code, query, searches, zero_result_searches, last_searched)
            SELECT %s, %s, 1, %s, %s
            WHERE (SELECT count(*) FROM {table}) < %s
               OR EXISTS (SELECT 1 FROM {table} WHERE language_code = %s AND query = %s)
            ON CONFLICT (language_code, query) DO UPDATE
            SET searches = {table}.searches + 1,
                zero_result_searches = {table}.zero_result_searches + EXCLUDED.zero_result_searches,
                last_searched = EXCLUDED.last_searched
            """,  # table name from the model, values as parameters
            [language_code, query, zero, timezone.now(), max_rows(), language_code, query],
        )


def prune(now=None, keep_days: int = KEEP_DAYS, keep_unfound_days: int = KEEP_UNFOUND_DAYS) -> int:
    """Delete queries not searched for in ``keep_days``, and those searched for once without a result
    more than ``keep_unfound_days`` ago (typing mistakes, probes); returns how many rows went."""
    now = now or timezone.now()
    stale = SearchQueryStat.objects.filter(last_searched__lt=now - timedelta(days=keep_days))
    unfound = SearchQueryStat.objects.filter(
        searches=1, zero_result_searches=1, last_searched__lt=now - timedelta(days=keep_unfound_days)
    )
    deleted, _by_model = (stale | unfound).delete()
    return deleted
