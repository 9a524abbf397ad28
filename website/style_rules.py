"""The mechanical typography rules of each language's style guide (``content/locale/<lang>/STYLE.md``), checked.

The guides mark as "mechanical" the rules a script can decide: French no-break spaces, Chinese spacing and
full-width punctuation, Arabic punctuation and numbers, quotation marks. This module applies them to every
translated string of the content PO files and of the interface catalogues, so that drift is caught by
``make test`` (``tests/website/test_style_rules.py``) instead of by the next review. Markup, placeholders and
inline code are taken out of a string before it is checked: ``<a id="a1">`` or ``%(name)s`` follow no language.
Terminology (one rendering per glossary term) is a different check, over the term base.
"""

import re
from dataclasses import dataclass
from pathlib import Path

import polib
from django.utils.translation import to_locale

HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
ARABIC = r"\u0600-\u06ff"
ARABIC_MONTHS = "يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر"
# What no language rule applies to: inline code, tags, placeholders, URLs and addresses.
_NEUTRAL = re.compile(
    r"<code>.*?</code>|<[^>]+>|%\([a-z_]+\)[sd]|%[sd]|\{[a-z_]+\}|https?://\S+|\S+@\S+\.\S+", re.DOTALL
)


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern


@dataclass(frozen=True)
class Finding:
    path: str
    msgctxt: str
    msgid: str
    rule: str
    excerpt: str

    def __str__(self):
        return f"{self.path} [{self.msgctxt}] {self.rule}: …{self.excerpt}…"


def _rule(name: str, pattern: str) -> Rule:
    return Rule(name, re.compile(pattern))


RULES: dict[str, list[Rule]] = {
    "fr": [
        _rule("a no-break space, not a space, before : ; ! ?", r"(?<=\S) [:;!?](?=\s|$)"),
        _rule("a no-break space before : ; ! ? (none found)", r"(?<=[^\s\d\u00a0\u202f])[;!?](?=\s|$)"),
        _rule("no-break spaces inside « » (not spaces)", r"« | »"),
        _rule("no-break spaces inside « » (none found)", r"«(?=[^\s\u00a0\u202f])|(?<=[^\s\u00a0\u202f])»"),
    ],
    "es": [
        _rule("« » without spaces inside", r"«[\s\u00a0]|[\s\u00a0]»"),
    ],
    "pt": [
        _rule("“ ” quotation marks, not straight ones", r'"'),
    ],
    "ru": [
        _rule("«ёлочки», not straight quotation marks", r'"'),
        _rule("thousands with a no-break space", r"(?<![\d.,])\d{1,3} \d{3}(?!\d)"),
    ],
    "ar": [
        _rule("the Arabic comma ، in Arabic text", rf"[{ARABIC}],"),
        _rule("the Arabic semicolon ؛ in Arabic text", rf"[{ARABIC}];"),
        _rule("the Arabic question mark ؟ in Arabic text", r"\?(?=\s|$)"),
        _rule("no Latin thousands comma in a number", r"(?<![\d,])\d{1,3},\d{3}(?!\d)"),
        _rule(
            "one month name, not two",
            r"(يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر)\s*/",
        ),
    ],
    "zh-hans": [
        _rule(
            "no space between Han characters and Latin letters or digits", rf"[{HAN}] [A-Za-z0-9]|[A-Za-z0-9] [{HAN}]"
        ),
        _rule("full-width punctuation after Han characters", rf"[{HAN}][,;:?!](?!\d)|[{HAN}]\.(?=\s|$)"),
    ],
}


def checkable_text(text: str) -> str:
    """``text`` with its markup, placeholders, code and addresses replaced by a neutral character."""
    return _NEUTRAL.sub("\u2060", text)


def check_text(text: str, language: str) -> list[tuple[str, str]]:
    """(rule name, excerpt) for each rule of ``language`` that ``text`` breaks."""
    plain = checkable_text(text)
    broken = []
    for rule in RULES.get(language, []):
        match = rule.pattern.search(plain)
        if match:
            broken.append((rule.name, plain[max(0, match.start() - 20) : match.end() + 20].replace("\u2060", "…")))
    return broken


def check_po(path: Path, language: str, shown_as: str | None = None) -> list[Finding]:
    findings = []
    for entry in polib.pofile(str(path)):
        if entry.obsolete or entry.msgctxt == "slug":
            continue
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for translation in translations:
            for rule, excerpt in check_text(translation, language):
                findings.append(Finding(shown_as or str(path), entry.msgctxt or "", entry.msgid, rule, excerpt))
    return findings


def catalogue_path(root: Path, language: str) -> Path:
    """The interface catalogue of ``language`` in the project under ``root``."""
    return root / "locale" / to_locale(language) / "LC_MESSAGES" / "django.po"


def check_project(root: Path) -> list[Finding]:
    """Every content PO file and interface catalogue of the project under ``root``."""
    findings = []
    for language in RULES:
        paths = sorted((root / "content" / "locale" / language).rglob("*.po"))
        paths.append(catalogue_path(root, language))
        for path in paths:
            findings += check_po(path, language, shown_as=str(path.relative_to(root)))
    return findings
