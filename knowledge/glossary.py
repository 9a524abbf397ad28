"""Glossary help while reading: mark the first use of each glossary term in each section.

Terms are found with a character trie walked from each word start, so the cost is linear in
the length of the text (times the longest term's length, a constant), whatever the size of the
glossary. The longest term wins ("DNS resolver" over "DNS"); matches are whole words, except in
Chinese, which is written without spaces. Full terms match in any case, abbreviations only as
written ("AS" is a term, "as" is not). Text inside links, headings, code and existing
definitions is left alone, and the glossary of each language is cached until a term changes.
"""

import html
import uuid
from dataclasses import dataclass
from html.parser import HTMLParser

from django.core.cache import cache
from django.utils.translation import gettext

from knowledge.models import GlossaryPage, GlossaryTerm
from website.text import is_han

CACHE_VERSION_KEY = "knowledge:glossary:version"
SKIPPED_TAGS = {
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "code",
    "pre",
    "kbd",
    "samp",
    "dfn",
    "abbr",
    "button",
    "svg",  # a diagram's labels: no control can sit inside a drawing
}
SECTION_TAGS = {"h2"}
VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "source", "wbr", "col", "area", "base", "embed"}


@dataclass(frozen=True)
class Entry:
    key: str
    term: str
    abbreviation: str
    definition: str


def is_word_character(character: str) -> bool:
    return character.isalnum() and not is_han(character)


class Glossary:
    """The terms of one language, ready for matching."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self.trie: dict = {}
        self.longest = 0
        for entry in entries:
            self._add(entry.term, entry, case_sensitive=False)
            if entry.abbreviation:
                self._add(entry.abbreviation, entry, case_sensitive=True)

    def _add(self, phrase: str, entry: Entry, case_sensitive: bool) -> None:
        phrase = phrase.strip()
        if not phrase:
            return
        node = self.trie
        for character in phrase.lower():
            node = node.setdefault(character, {})
        node.setdefault(None, []).append((phrase, entry, case_sensitive))
        self.longest = max(self.longest, len(phrase))

    def find(self, text: str):
        """Yield (start, end, entry) for the longest whole-word matches, left to right, without overlaps."""
        lowered = text.lower()
        length = len(text)
        starts = self.trie
        index = 0
        while index < length:
            # Most characters begin no term: one dict lookup skips them before the word-boundary test.
            if lowered[index] not in starts or (
                index > 0 and is_word_character(text[index - 1]) and is_word_character(text[index])
            ):
                index += 1
                continue
            match = self._longest_at(text, lowered, index)
            if match is None:
                index += 1
                continue
            end, entry = match
            yield index, end, entry
            index = end

    def _longest_at(self, text: str, lowered: str, start: int):
        node = self.trie
        best = None
        position = start
        while position < len(text) and position - start < self.longest:
            node = node.get(lowered[position])
            if node is None:
                break
            position += 1
            if None in node and self._ends_word(text, position):
                for phrase, entry, case_sensitive in node[None]:
                    if not case_sensitive or text[start:position] == phrase:
                        best = (position, entry)
                        break
        return best

    @staticmethod
    def _ends_word(text: str, end: int) -> bool:
        return end == len(text) or not (is_word_character(text[end - 1]) and is_word_character(text[end]))


class _Marker(HTMLParser):
    def __init__(self, glossary: Glossary, glossary_url: str | None, id_prefix: str):
        super().__init__(convert_charrefs=True)
        self.glossary = glossary
        self.glossary_url = glossary_url
        self.id_prefix = id_prefix
        self.output: list[str] = []
        self.skip_depth = 0
        self.seen: set[str] = set()
        self.count = 0

    def handle_starttag(self, tag, attrs):
        if tag in SECTION_TAGS:
            self.seen = set()
        if tag in SKIPPED_TAGS:
            self.skip_depth += 1
        self.output.append(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        self.output.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS and self.skip_depth:
            self.skip_depth -= 1
        if tag not in VOID_TAGS:
            self.output.append(f"</{tag}>")

    def handle_data(self, data):
        if self.skip_depth:
            self.output.append(html.escape(data, quote=False))
            return
        cursor = 0
        for start, end, entry in self.glossary.find(data):
            if entry.key in self.seen:
                continue
            self.seen.add(entry.key)
            self.output.append(html.escape(data[cursor:start], quote=False))
            self.output.append(self._markup(data[start:end], entry))
            cursor = end
        self.output.append(html.escape(data[cursor:], quote=False))

    def handle_comment(self, data):
        pass

    def _markup(self, text: str, entry: Entry) -> str:
        self.count += 1
        popover_id = f"{self.id_prefix}{self.count}"
        name = f"{entry.term} ({entry.abbreviation})" if entry.abbreviation else entry.term
        more = ""
        if self.glossary_url:
            more = ' <a class="gloss__more" href="{}#{}">{}</a>'.format(
                html.escape(self.glossary_url),
                html.escape(entry.key),
                html.escape(gettext("In the glossary")),
            )
        return (
            '<span class="gloss">'
            f'<button type="button" class="gloss__term" popovertarget="{popover_id}">'
            f"{html.escape(text)}</button>"
            f'<span class="gloss__popover" id="{popover_id}" popover role="note">'
            f"<dfn>{html.escape(name)}</dfn>: {html.escape(entry.definition)}{more}"
            "</span></span>"
        )


def mark_terms(rendered_html: str, glossary: Glossary, glossary_url: str | None = None, id_prefix="gloss-") -> str:
    """Return ``rendered_html`` with the first use of each term in each section marked."""
    if not glossary.entries:
        return rendered_html
    marker = _Marker(glossary, glossary_url, id_prefix)
    marker.feed(rendered_html)
    marker.close()
    return "".join(marker.output)


def cache_version() -> str:
    """A token naming the glossary's current state; a new one after any change (or a cache flush),
    so per-process tries built for an older state are never reused."""
    return cache.get_or_set(CACHE_VERSION_KEY, lambda: uuid.uuid4().hex, timeout=None)


def invalidate(**kwargs) -> None:
    """Signal receiver: a term changed, so every language's cached glossary is out of date."""
    cache.set(CACHE_VERSION_KEY, uuid.uuid4().hex, timeout=None)


_glossaries: dict[tuple[str, str], Glossary] = {}


def glossary_for(language_code: str) -> Glossary:
    """The glossary of a language: entries from the cache (one query when cold), the trie built once per process."""
    version = cache_version()
    key = (language_code, version)
    if key not in _glossaries:
        cache_key = f"knowledge:glossary:{language_code}:{version}"
        entries = cache.get(cache_key)
        if entries is None:
            entries = [
                Entry(term.anchor, term.term, term.abbreviation, term.definition)
                for term in GlossaryTerm.objects.filter(locale__language_code=language_code, live=True)
            ]
            cache.set(cache_key, entries, timeout=None)
        for stale in [known for known in _glossaries if known[1] != version]:
            del _glossaries[stale]
        _glossaries[key] = Glossary(entries)
    return _glossaries[key]


def glossary_page_url(language_code: str) -> str | None:
    """The URL of the glossary page in a language, cached like the terms (pages published invalidate it)."""
    cache_key = f"knowledge:glossary-page:{language_code}:{cache_version()}"
    url = cache.get(cache_key)
    if url is None:
        page = GlossaryPage.objects.live().filter(locale__language_code=language_code).first()
        url = (page.get_url() if page else "") or ""
        cache.set(cache_key, url, timeout=None)
    return url or None


def synonym_groups(language_code: str) -> list[list[str]]:
    """The term base as search synonyms: each live term of a language with its abbreviation and approved
    variants ("Domain Name System", "DNS"), for ``website.search.synonyms``; cached like the terms."""
    cache_key = f"knowledge:synonyms:{language_code}:{cache_version()}"
    groups = cache.get(cache_key)
    if groups is None:
        groups = []
        for term in GlossaryTerm.objects.filter(locale__language_code=language_code, live=True):
            forms = [term.term, term.abbreviation, *term.variants.splitlines()]
            forms = list(dict.fromkeys(form.strip() for form in forms if form.strip()))
            if len(forms) > 1:
                groups.append(forms)
        cache.set(cache_key, groups, timeout=None)
    return groups
