"""Other ways of writing what a reader typed, from the term base: "DNS" is also "Domain Name System".

Apps provide the groups of equivalent forms per language through the ``register_search_synonyms`` hook (the
glossary gives each term with its abbreviation and approved variants). A query that contains one form of a
group, as whole words, gets the query with each other form in its place as an alternative; the search looks for
the query or any alternative, on either backend.
"""

import re

from wagtail import hooks

from website.search.query_text import clean_query
from website.text import HAN_CHARACTER

MAX_ALTERNATIVES = 4


def groups(language_code: str) -> list[list[str]]:
    found = []
    for hook in hooks.get_hooks("register_search_synonyms"):
        found.extend(hook(language_code))
    return found


def _pattern(form: str) -> re.Pattern:
    """``form`` as whole words; Chinese has no spaces between words, so a Chinese form matches anywhere."""
    escaped = re.escape(form)
    if HAN_CHARACTER.search(form):
        return re.compile(escaped, re.IGNORECASE)
    return re.compile(rf"(?<!\w){escaped}(?!\w)", re.IGNORECASE)


def alternatives(query: str, language_code: str, limit: int = MAX_ALTERNATIVES) -> list[str]:
    """The query with a form of a term replaced by each other form of it, longest forms first."""
    found: list[str] = []
    folded = query.casefold()
    for group in groups(language_code):
        forms = [form for form in dict.fromkeys(clean_query(form)[0] for form in group) if form]
        for form in sorted(forms, key=len, reverse=True):
            pattern = _pattern(form)
            if not pattern.search(query):
                continue
            for other in forms:
                if other == form:
                    continue
                alternative = pattern.sub(lambda _match, other=other: other, query)
                if alternative.casefold() != folded and alternative not in found:
                    found.append(alternative)
            break
        if len(found) >= limit:
            break
    return found[:limit]
