"""Turns what a reader typed into words a search backend can take safely."""

import re
import unicodedata

from django.utils.translation import gettext as _

MAX_QUERY_LENGTH = 200
# Letters (any script), digits, and the dot and hyphen inside words such as "TLS 1.3" or "e-mail".
_NOT_WORD = re.compile(r"[^\w.\-]+|_")
_LONE_MARKS = re.compile(r"(?<![\w])[.\-]+|[.\-]+(?![\w])")


def clean_query(raw: str) -> tuple[str, list[str]]:
    """The query to search for, and messages for the reader about what was changed.

    Query-syntax characters (" * : ( ) & | ! and the like), control characters and NUL bytes are
    dropped, since readers type words, not query expressions. Arabic short vowels and other
    combining marks are dropped too: texts rarely carry them, and they would stop a match.
    """
    messages = []
    text = raw.replace("\x00", "")
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH]
        messages.append(
            _("Your search was too long; only its first %(count)d characters were used.") % {"count": MAX_QUERY_LENGTH}
        )
    text = "".join(char for char in text if unicodedata.category(char) not in {"Mn", "Cc", "Cf", "Cs", "Co"})
    words = _LONE_MARKS.sub(" ", _NOT_WORD.sub(" ", text))
    query = " ".join(words.split())
    if raw.strip() and not query:
        messages.append(_("Type at least one word to search for."))
    return query, messages
