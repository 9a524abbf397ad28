"""The term base and the terminology check: one rendering for one glossary term, in content and interface alike.

The glossary is the term base. In each language a term's approved renderings are its translated name, its
abbreviation and its approved variants (``GlossaryTerm.variants``, one per line: a synonym, an older or a
shorter form). A translated string whose English contains a glossary term (or its abbreviation) while the
translation contains none of that term's renderings has drifted, and is a finding.

Inflection is not a variant to list: words are compared by their Snowball stems (the kept stemmer behind
Sphinx and many search engines), so Russian «рабочей группы» is «Рабочая группа» and Arabic «النطاقات» is
«نطاقات». Chinese is compared character by character. A parenthesised gloss in a rendering
(«Запрос комментариев (Request for Comments)») is optional. In English the longest term wins, so
"Regional Internet Registry" asks for the RIR's rendering, not for "Registry"'s. Abbreviations are matched
as written ("AS" is a term, "as" is not).

The same check runs over the content PO files and interface catalogues (``make test``) and over the
translations in the database (the admin's Reports > Terminology). Findings a reviewer has accepted are listed,
each with its reason, in ``content/locale/<language>/terminology-exceptions.yaml``.
"""

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import polib
import snowballstemmer
import yaml
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from knowledge.models import GlossaryTerm
from website.blocks import anchor_for
from website.locales import source_locale
from website.style_rules import catalogue_path, checkable_text
from website.text import HAN_RANGES

# Snowball's algorithm per language; Chinese has none and is compared character by character.
STEMMERS = {
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "pt": "portuguese",
    "ru": "russian",
    "ar": "arabic",
}
UNSEGMENTED = {"zh-hans"}
# A word: a Han character alone (Chinese has no spaces between words), or a run of other letters and digits.
_TOKEN = re.compile(f"[{HAN_RANGES}]|[^\\W_{HAN_RANGES}]+")
# Arabic short vowels, shadda, tanwin and the tatweel: optional in writing, so not part of a word's identity.
_ARABIC_MARKS = re.compile(r"[\u0640\u064b-\u065f\u0670]")
# Arabic attaches conjunctions, prepositions and the article to the word and forms plurals with suffixes that
# Snowball's Arabic stemmer removes unevenly, so an Arabic stem matches a word that contains it.
CONTAINED_STEMS = {"ar"}
_GLOSS = re.compile(r"\s*[(（][^)）]*[)）]")
EXCEPTIONS_FILE = "terminology-exceptions.yaml"


@cache
def _stemmer(language: str):
    return snowballstemmer.stemmer(STEMMERS[language])


# Arabic writes a conjunction or preposition against a Latin acronym («وIAB», «لـDNS»): two words.
_SCRIPT_CHANGE = re.compile(r"(?<=[\u0600-\u06ff])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[\u0600-\u06ff])")


def words(text: str) -> list[str]:
    """The words of ``text`` as written; a run of Han characters is split into characters, and a word where
    Arabic and Latin letters meet into its two parts."""
    return _TOKEN.findall(_SCRIPT_CHANGE.sub(" ", _ARABIC_MARKS.sub("", text)))


@cache
def _stem(word: str, language: str) -> str:
    return _stemmer(language).stemWord(word) if language in STEMMERS else word


@cache
def _unmarked(stem: str) -> str:
    """``stem`` without accents: «estándar» and «estandar» are one stem, «отчёт» is «отчет»."""
    return unicodedata.normalize(
        "NFC", "".join(c for c in unicodedata.normalize("NFD", stem) if not unicodedata.combining(c))
    )


def stems(text: str, language: str) -> tuple[str, ...]:
    """The words of ``text``, lower case, each reduced to its stem where the language has a stemmer, then without
    accents. Accents are the style rules' concern (ё in Russian), not the terminology's."""
    return tuple(_unmarked(_stem(word.lower(), language)) for word in words(text))


def _prefixed(word: str, wanted: str) -> bool:
    """Stemmers leave some endings (Spanish «estándar» is «estand», «estándares» «estandar»): one stem of four
    letters or more beginning the other is the same word."""
    return word == wanted or (min(len(word), len(wanted)) >= 4 and (word.startswith(wanted) or wanted.startswith(word)))


def _held(word: str, wanted: str) -> bool:
    return word == wanted or (min(len(word), len(wanted)) >= 3 and (wanted in word or word in wanted))


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...], match=None) -> bool:
    """Whether ``needle`` occurs in ``haystack`` as consecutive words: equal, or each compared with ``match``."""
    size = len(needle)
    if not size:
        return False
    first = needle[0]
    if match is None:
        return any(word == first and haystack[index : index + size] == needle for index, word in enumerate(haystack))
    rest = needle[1:]
    return any(
        match(haystack[index], first)
        and all(match(haystack[index + offset], wanted) for offset, wanted in enumerate(rest, 1))
        for index in range(len(haystack) - size + 1)
    )


@dataclass(frozen=True)
class Form:
    """One way of writing a term: compared by stems, or (an abbreviation) as written."""

    text: str
    words: tuple[str, ...]
    exact: bool
    written: tuple[str, ...] = ()  # lower case, as written: English forms are checked against it too

    @classmethod
    def of(cls, text: str, language: str, exact: bool = False) -> "Form":
        if exact:
            return cls(text, tuple(words(text)), exact)
        return cls(text, stems(text, language), exact, tuple(word.lower() for word in words(text)))


def inflects(word: str, base: str) -> bool:
    """Whether English ``word`` is ``base`` or a regular inflection of it ("registries", "hijacking", "humming").

    The English stemmer also joins derived words ("transition" and "transit", "peer" and "peering" alike):
    a derived word is another concept, so English mentions are confirmed against the inflections.
    """
    if word == base:
        return True
    for longer, shorter in ((word, base), (base, word)):
        if longer in {shorter + ending for ending in ("s", "es", "ed", "d", "ing", "'s")}:
            return True
        if shorter.endswith("y") and longer in {shorter[:-1] + "ies", shorter[:-1] + "ied"}:
            return True
        if shorter.endswith("e") and longer == shorter[:-1] + "ing":
            return True
        if shorter and longer in {shorter + shorter[-1] + "ing", shorter + shorter[-1] + "ed"}:
            return True
    return False


@dataclass
class Term:
    """One glossary term: how English writes it, and how one language renders it."""

    key: str
    name: str  # the English term, for people reading a finding
    english: list[Form] = field(default_factory=list)
    renderings: list[Form] = field(default_factory=list)

    @property
    def rendering_texts(self) -> list[str]:
        return [form.text for form in self.renderings]


def _forms(texts: Iterable[str], language: str, exact: bool) -> list[Form]:
    forms = []
    for text in texts:
        text = text.strip()
        if not text:
            continue
        options = {text, _GLOSS.sub("", text).strip()}  # the gloss is optional
        forms.extend(Form.of(option, language, exact) for option in sorted(options) if option)
    return [form for form in forms if form.words]


def split_variants(value: str) -> list[str]:
    """``GlossaryTerm.variants``: one form per line."""
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


def own_variants(translation, english) -> str:
    """The variants a translated term has of its own: a translation made by copying the English term starts with
    the English variants, which are not renderings in its language."""
    if english is None or translation.variants != english.variants:
        return translation.variants
    return ""


def variants_file(locale_dir: Path, language: str) -> Path:
    """Where the demo content keeps one language's variants, beside its glossary's PO file."""
    return Path(locale_dir) / language / "knowledge" / "glossary-variants.yaml"


def read_variants(locale_dir: Path, language: str) -> dict[str, list[str]]:
    """The demo content's variants of one language, by term anchor; read again only when the file changes."""
    path = variants_file(locale_dir, language)
    return _variants_file(path, path.stat().st_mtime_ns) if path.exists() else {}


@cache
def _variants_file(path: Path, _mtime_ns: int) -> dict[str, list[str]]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


class TermBase:
    """The terms of one language, ready to be looked for in English and checked in the translation."""

    def __init__(self, language: str, terms: list[Term]):
        self.language = language
        self.terms = terms
        self._starts: dict[tuple[bool, str], list[tuple[Form, Term]]] = {}
        for term in terms:
            for form in term.english:
                self._starts.setdefault((form.exact, form.words[0]), []).append((form, term))
        for candidates in self._starts.values():
            candidates.sort(key=lambda pair: -len(pair[0].words))

    @classmethod
    def build(
        cls,
        language: str,
        english: Iterable[tuple[str, str, str, str]],
        translated: dict[str, tuple[str, str, str]],
    ) -> "TermBase":
        """``english``: (key, term, abbreviation, variants); ``translated``: key -> (term, abbreviation, variants).

        A term not translated into the language has no renderings there and is not checked.
        """
        terms = []
        for key, name, abbreviation, variants in english:
            if key not in translated:
                continue
            t_name, t_abbreviation, t_variants = translated[key]
            term = Term(key, name)
            term.english = _forms([name, *split_variants(variants)], "en", exact=False)
            term.english += _forms([abbreviation], "en", exact=True)
            term.renderings = _forms([t_name, *split_variants(t_variants)], language, exact=False)
            term.renderings += _forms([t_abbreviation], language, exact=True)
            if term.renderings:
                terms.append(term)
        return cls(language, terms)

    def terms_in_english(self, text: str) -> list[Term]:
        """The terms ``text`` mentions, longest first at each place, each once."""
        plain = checkable_text(text)
        as_written = tuple(words(plain))
        lowered = tuple(word.lower() for word in as_written)
        stemmed = stems(plain, "en")
        found: dict[str, Term] = {}
        index = 0
        while index < len(stemmed):
            best = None
            for exact, sequence in ((False, stemmed), (True, as_written)):
                for form, term in self._starts.get((exact, sequence[index]), ()):
                    size = len(form.words)
                    if sequence[index : index + size] != form.words:
                        continue
                    if not exact and not all(map(inflects, lowered[index : index + size], form.written)):
                        continue
                    if best is None or size > len(best[0].words):
                        best = (form, term)
                    break
            if best is None:
                index += 1
                continue
            found.setdefault(best[1].key, best[1])
            index += len(best[0].words)
        return list(found.values())

    def renders(self, term: Term, translation: str) -> bool:
        return self._renders(term, *self._readings(translation))

    def _readings(self, translation: str) -> tuple[tuple[str, ...], tuple[str, ...], str]:
        """The translation as written words, as stems, and (Chinese) as one string without spaces."""
        plain = checkable_text(translation)
        as_written = tuple(words(plain))
        if self.language in UNSEGMENTED:
            return as_written, (), "".join(plain.split()).lower()
        return as_written, stems(plain, self.language), ""

    def _renders(self, term: Term, as_written, stemmed, squashed) -> bool:
        for form in term.renderings:
            if form.exact:
                if _contains(as_written, form.words):
                    return True
            elif self.language in UNSEGMENTED:
                if "".join(form.text.split()).lower() in squashed:
                    return True
            elif _contains(stemmed, form.words, _held if self.language in CONTAINED_STEMS else _prefixed):
                return True
        return False

    def missing(self, english: str, translation: str) -> list[Term]:
        """The terms ``english`` mentions that ``translation`` renders in none of their approved forms."""
        mentioned = self.terms_in_english(english)
        if not mentioned:
            return []
        readings = self._readings(translation)
        return [term for term in mentioned if not self._renders(term, *readings)]


@dataclass(frozen=True)
class Pair:
    """A translated string and where it is: a PO file and its entry, or a page or snippet in the database."""

    english: str
    translation: str
    where: str  # a PO file, or the title of the English page or snippet
    context: str = ""  # the msgctxt, or the segment's path in the object
    url: str = ""  # the translation editor, for findings from the database


@dataclass(frozen=True)
class Finding:
    language: str
    term_key: str
    term: str
    renderings: tuple[str, ...]
    pair: Pair
    reason: str = ""  # set when the finding is an accepted exception

    def __str__(self):
        english = " ".join(self.pair.english.split())
        return (
            f"{self.language} {self.pair.where} [{self.pair.context}]: “{self.term}” ({self.term_key}) is not "
            f"rendered as {' / '.join(self.renderings)}\n    English: {english[:160]}\n"
            f"    Translation: {' '.join(self.pair.translation.split())[:160]}"
        )


@dataclass(frozen=True)
class Exception_:
    term: str
    english: str  # the start of the English string ("" for every string)
    reason: str

    def covers(self, finding: Finding) -> bool:
        return finding.term_key == self.term and " ".join(finding.pair.english.split()).startswith(self.english)


def load_exceptions(path: Path) -> list[Exception_]:
    """The accepted exceptions of one language; each must name its term and give a reason."""
    if not path.exists():
        return []
    exceptions = []
    for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
        reason = " ".join(str(item.get("reason", "")).split())
        if not item.get("term") or not reason:
            raise ValueError(f"{path.name}: every exception names a term and gives a reason: {item!r}")
        exceptions.append(Exception_(item["term"], " ".join(str(item.get("english", "")).split()), reason))
    return exceptions


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    accepted: list[Finding] = field(default_factory=list)
    unused_exceptions: list[Exception_] = field(default_factory=list)


def check(term_base: TermBase, pairs: Iterable[Pair], exceptions: list[Exception_] = ()) -> Report:
    report = Report()
    used = set()
    for pair in pairs:
        if not pair.translation.strip():
            continue
        for term in term_base.missing(pair.english, pair.translation):
            finding = Finding(term_base.language, term.key, term.name, tuple(term.rendering_texts), pair)
            accepted = next((item for item in exceptions if item.covers(finding)), None)
            if accepted is None:
                report.findings.append(finding)
            else:
                used.add(accepted)
                report.accepted.append(
                    Finding(finding.language, term.key, term.name, finding.renderings, pair, accepted.reason)
                )
    report.unused_exceptions = [item for item in exceptions if item not in used]
    return report


# The term base and the strings as the project's files hold them (make test).


def _translations_of(path: Path) -> Iterator[polib.POEntry]:
    for entry in polib.pofile(str(path), wrapwidth=0):
        if entry.obsolete or "fuzzy" in entry.flags:
            continue
        if entry.msgctxt and (entry.msgctxt == "slug" or entry.msgctxt.endswith("::slug")):
            continue
        yield entry


def pairs_from_po(path: Path, shown_as: str) -> Iterator[Pair]:
    for entry in _translations_of(path):
        context = entry.msgctxt or ""
        if entry.msgid_plural:
            english = f"{entry.msgid} {entry.msgid_plural}"
            for _index, translation in sorted(entry.msgstr_plural.items()):
                yield Pair(english, translation, shown_as, context)
        else:
            yield Pair(entry.msgid, entry.msgstr, shown_as, context)


def term_base_from_files(root: Path, language: str) -> TermBase:
    """The term base of ``language`` from ``content/``: the English glossary, its PO translation and variants."""
    content = root / "content"
    entries = yaml.safe_load((content / "knowledge" / "glossary.yaml").read_text(encoding="utf-8"))
    english = []
    for entry in entries:
        key = anchor_for(entry.get("abbreviation") or entry["term"])
        english.append((key, entry["term"], entry.get("abbreviation", ""), "\n".join(entry.get("variants", []))))
    fields: dict[str, dict[str, str]] = {}
    glossary_po = content / "locale" / language / "knowledge" / "glossary.po"
    for entry in _translations_of(glossary_po):
        key, _sep, name = (entry.msgctxt or "").partition("::")
        fields.setdefault(key, {})[name] = entry.msgstr
    variants = read_variants(content / "locale", language)
    translated = {
        key: (values.get("term", ""), values.get("abbreviation", ""), "\n".join(variants.get(key, [])))
        for key, values in fields.items()
        if values.get("term")
    }
    return TermBase.build(language, english, translated)


def exceptions_path(root: Path, language: str) -> Path:
    return root / "content" / "locale" / language / EXCEPTIONS_FILE


def check_files(root: Path, language: str) -> Report:
    """Every content PO file and the interface catalogue of ``language``, against its term base."""
    term_base = term_base_from_files(root, language)
    paths = sorted((root / "content" / "locale" / language).rglob("*.po")) + [catalogue_path(root, language)]
    pairs = (pair for path in paths for pair in pairs_from_po(path, str(path.relative_to(root))))
    return check(term_base, pairs, load_exceptions(exceptions_path(root, language)))


# The term base and the translations as the database holds them (the admin report).


def term_base_from_database(locale) -> TermBase:
    """The term base of ``locale`` from the live glossary terms; a translation's variants that are still the
    English ones (not overridden in that language) are not renderings of it."""
    english = list(GlossaryTerm.objects.filter(locale=source_locale(), live=True))
    translated = {
        term.translation_key: term
        for term in GlossaryTerm.objects.filter(
            locale=locale, live=True, translation_key__in=[term.translation_key for term in english]
        )
    }
    rows = []
    renderings = {}
    for term in english:
        other = translated.get(term.translation_key)
        if other is None:
            continue
        rows.append((term.anchor, term.term, term.abbreviation, term.variants))
        renderings[term.anchor] = (other.term, other.abbreviation, own_variants(other, term))
    return TermBase.build(locale.language_code, rows, renderings)


def pairs_from_database(locale) -> list[Pair]:
    """Every translated segment of every translation into ``locale``, with the English page or snippet it is from
    and a link to the translation's editor; a fixed number of queries (a few per translated model)."""

    translations = list(Translation.objects.filter(target_locale=locale, enabled=True).select_related("source"))
    segments = list(
        StringSegment.objects.filter(source_id__in=[item.source_id for item in translations])
        .select_related("string", "context")
        .order_by("source_id", "order")
    )
    translated = {
        (row.translation_of_id, row.context_id): row.data
        for row in StringTranslation.objects.filter(
            locale=locale, translation_of_id__in={segment.string_id for segment in segments}, has_error=False
        ).only("translation_of_id", "context_id", "data")
    }
    where: dict[int, tuple[str, str]] = {}
    by_model: dict = {}
    for item in translations:
        by_model.setdefault(item.source.specific_content_type.model_class(), []).append(item.source)
    for model, sources in by_model.items():
        keys = [source.object_id for source in sources]
        root = Page if issubclass(model, Page) else model
        names = {
            obj.translation_key: str(obj)
            for obj in root.objects.filter(translation_key__in=keys, locale_id=sources[0].locale_id)
        }
        targets = {
            obj.translation_key: obj.pk
            for obj in root.objects.filter(translation_key__in=keys, locale=locale).only("pk", "translation_key")
        }
        viewset = getattr(model, "snippet_viewset", None)
        for source in sources:
            target = targets.get(source.object_id)
            if target is None:
                url = ""
            elif root is Page:
                url = reverse("wagtailadmin_pages:edit", args=[target])
            else:
                url = reverse(viewset.get_url_name("edit"), args=[target]) if viewset else ""
            where[source.pk] = (names.get(source.object_id, str(source.object_id)), url)
    pairs = []
    for segment in segments:
        translation = translated.get((segment.string_id, segment.context_id))
        if translation is None or segment.context.path == "slug":  # a URL, not prose (and kept in English)
            continue
        name, url = where.get(segment.source_id, ("", ""))
        pairs.append(Pair(segment.string.data, translation, name, segment.context.path, url))
    return pairs


def check_database(locale, root: Path) -> Report:
    """The translations into ``locale`` and its interface catalogue under ``root``, against the glossary."""
    term_base = term_base_from_database(locale)
    catalogue = catalogue_path(root, locale.language_code)
    pairs = pairs_from_database(locale)
    if catalogue.exists():
        pairs += list(pairs_from_po(catalogue, str(catalogue.relative_to(root))))
    return check(term_base, pairs, load_exceptions(exceptions_path(root, locale.language_code)))
