""" "Did you mean": the closest word of the language's titles and glossary terms to a word that found nothing.

PostgreSQL's ``pg_trgm`` measures how alike two words are by the three-letter sequences they share, so one
dropped, doubled, swapped or wrong letter in a word of five letters or more still leaves it closest to the
intended word ("enrutamento" is nearest "enrutamiento"). The candidates are the words of the titles of the
language's live pages and of the objects the site search offers besides pages (glossary terms): the words a
reader is most likely to have meant. Used whichever backend searches, since the database always holds the site.
"""

import re

from django.db import connection
from wagtail.models import Page

from website.text import HAN_CHARACTER

MIN_LENGTH = 5  # shorter words have too few trigrams for one typo to leave a clear nearest word
MIN_SIMILARITY = 0.35
_WORD = re.compile(r"\w+")


def candidate_words(locale, extra_models) -> list[str]:
    """Lower-cased words of four letters or more from the titles of the language's pages and extra objects."""
    texts = list(Page.objects.live().filter(locale=locale).values_list("title", flat=True))
    for model in extra_models:
        texts.extend(str(obj) for obj in model.objects.filter(locale=locale))
    words = {word.casefold() for text in texts for word in _WORD.findall(text)}
    return sorted(word for word in words if len(word) >= MIN_LENGTH - 1 and not word.isdigit())


def may_be_typo(word: str) -> bool:
    return len(word) >= MIN_LENGTH and not word.isdigit() and not HAN_CHARACTER.search(word)


def closest_word(word: str, candidates: list[str]) -> str | None:
    """The candidate most similar to ``word`` by trigrams, if similar enough (and not the word itself)."""
    if not candidates:
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT candidate FROM unnest(%s::text[]) AS candidate"
            " WHERE similarity(candidate, %s) >= %s AND candidate <> %s"
            " ORDER BY similarity(candidate, %s) DESC, candidate LIMIT 1",
            [candidates, word.casefold(), MIN_SIMILARITY, word.casefold(), word.casefold()],
        )
        row = cursor.fetchone()
    return row[0] if row else None


def corrected_query(query: str, candidates: list[str], finds_something) -> str | None:
    """The query with each word that finds nothing replaced by its closest candidate; ``None`` if none is.

    ``finds_something(word)`` says whether the word alone matches anything in the language (asked only of
    words that may be typos, and only when a candidate exists for them).
    """
    words = query.split()
    changed = False
    known = set(candidates)
    for position, word in enumerate(words):
        if not may_be_typo(word) or word.casefold() in known:
            continue
        replacement = closest_word(word, candidates)
        if replacement and not finds_something(word):
            words[position] = replacement
            changed = True
    return " ".join(words) if changed else None
