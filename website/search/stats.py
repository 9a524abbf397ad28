"""Counts what readers search for, per language, so editors see what to write or translate next."""

from django.db import connection
from django.utils import timezone

from website.search.models import SearchQueryStat


def normalise(query: str) -> str:
    return " ".join(query.casefold().split())[:200]


def record_search(language_code: str, query: str, found: int) -> None:
    """One search by a reader: one upsert, so two readers at once do not lose a count."""
    table = SearchQueryStat._meta.db_table
    zero = 1 if found == 0 else 0
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {table} (language_code, query, searches, zero_result_searches, last_searched)
            VALUES (%s, %s, 1, %s, %s)
            ON CONFLICT (language_code, query) DO UPDATE
            SET searches = {table}.searches + 1,
                zero_result_searches = {table}.zero_result_searches + EXCLUDED.zero_result_searches,
                last_searched = EXCLUDED.last_searched
            """,  # table name from the model, values as parameters
            [language_code, normalise(query), zero, timezone.now()],
        )
