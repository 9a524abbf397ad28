"""How a reader's query becomes a backend query, and how the matches are put in order, the same on both backends.

The backend scores the text: field boosts weigh a match in a title, a summary or a glossary term above one in
the body, and a whole phrase above scattered words. The query asks for every word (weighted most), the whole
phrase, any of the words (so a question still finds its page), and the same with each synonym from the term
base. Elasticsearch also matches words with a typo (fuzziness); on PostgreSQL a typo is corrected beforehand
("did you mean", ``website.search.suggest``).

Then each match's score is multiplied by what the text cannot say, from ``SearchFacts`` and the kinds apps
register: the kind's prior (an explainer answers a question before a report that mentions it), the object's own
prior, the audience level (introductory pages first for short queries) and, for kinds dated by year, recency.
Multipliers keep the order the same whatever scale the backend's scores are on.
"""

import datetime
import math

from modelsearch.query import Boost, Fuzzy, Or, Phrase, PlainText

from website.search import synonyms
from website.search.kinds import kind_named
from website.text import HAN_CHARACTER

# Weights of the parts of a query, relative to one another.
ALL_WORDS = 3.0
WHOLE_PHRASE = 2.0
ANY_WORD = 1.0
SYNONYM = 2.0
TYPO = 0.5
# Queries of at most this many words are "short": the reader wants an introduction.
SHORT_QUERY_WORDS = 2
INTRODUCTORY = 1.5
# Dated kinds lose half their weight over this many years.
RECENCY_HALF_LIFE_YEARS = 30


def word_count(query: str) -> int:
    """Words in the query; Chinese, written without spaces, counts a word per two characters (its commonest
    word length), so "根服务器" is two words."""
    count = 0
    for word in query.split():
        han = len(HAN_CHARACTER.findall(word))
        count += max(1, math.ceil(han / 2)) if han else 1
    return count


def backend_query(query: str, language_code: str, fuzzy: bool = False):
    """The query object for either backend: all words, the phrase, any word, and the synonyms."""
    parts = [Boost(PlainText(query, operator="and"), ALL_WORDS)]
    if word_count(query) > 1:
        parts.append(Boost(Phrase(query), WHOLE_PHRASE))
        parts.append(Boost(PlainText(query, operator="or"), ANY_WORD))
    parts.extend(
        Boost(PlainText(alternative, operator="and"), SYNONYM)
        for alternative in synonyms.alternatives(query, language_code)
    )
    if fuzzy:
        parts.append(Boost(Fuzzy(query), TYPO))
    return Or(parts)


def is_short(query: str) -> bool:
    return word_count(query) <= SHORT_QUERY_WORDS


def recency(date: datetime.date | None, today: datetime.date) -> float:
    if date is None:
        return 1.0
    years = max((today - date).days, 0) / 365.25
    return math.pow(0.5, years / RECENCY_HALF_LIFE_YEARS)


def factor(hit, short_query: bool, today: datetime.date) -> float:
    """What a hit's text score is multiplied by: kind prior, own prior, level and recency."""
    kind = kind_named(hit.kind)
    value = hit.prior if hit.prior is not None else (kind.prior if kind else 1.0)
    if short_query and hit.introductory:
        value *= INTRODUCTORY
    if kind is not None and kind.by_year:
        value *= recency(hit.date, today)
    return value


def rescore(hits: list, query: str, today: datetime.date | None = None) -> None:
    today = today or datetime.date.today()
    short_query = is_short(query)
    for hit in hits:
        hit.score *= factor(hit, short_query, today)
