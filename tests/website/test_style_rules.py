"""The style guides' mechanical rules (``website.style_rules``): each catches what it is for, and the project's
own catalogues break none of them."""

from pathlib import Path

import polib
import pytest

from website import style_rules

ROOT = Path(__file__).resolve().parents[2]

# (language, a translation that breaks the rule, the same written right, the rule).
CASES = [
    ("fr", "Trier par : pertinence", "Trier par\u00a0: pertinence", "a no-break space, not a space, before : ; ! ?"),
    ("fr", "Pourquoi?", "Pourquoi\u00a0?", "a no-break space before : ; ! ? (none found)"),
    ("fr", "le « best effort »", "le «\u00a0best effort\u00a0»", "no-break spaces inside « » (not spaces)"),
    ("fr", "le «best effort»", "le «\u00a0best effort\u00a0»", "no-break spaces inside « » (none found)"),
    ("es", "el « mejor esfuerzo »", "el «mejor esfuerzo»", "« » without spaces inside"),
    ("pt", 'o serviço "de melhor esforço"', "o serviço “de melhor esforço”", "“ ” quotation marks, not straight ones"),
    ("ru", 'принцип "по возможности"', "принцип «по возможности»", "«ёлочки», not straight quotation marks"),
    ("ru", "около 65 000 номеров", "около 65\u00a0000 номеров", "thousands with a no-break space"),
    ("ar", "الشبكات, والمسارات", "الشبكات، والمسارات", "the Arabic comma ، in Arabic text"),
    ("ar", "الأسماء; والعناوين", "الأسماء؛ والعناوين", "the Arabic semicolon ؛ in Arabic text"),
    ("ar", "ما الذي يفعله DNSSEC ?", "ما الذي يفعله DNSSEC؟", "the Arabic question mark ؟ in Arabic text"),
    ("ar", "نحو 65,535 رقمًا", "نحو 65535 رقمًا", "no Latin thousands comma in a number"),
    ("ar", "في نوفمبر/تشرين الثاني 2013", "في نوفمبر 2013", "one month name, not two"),
    ("zh-hans", "第 83 届 IETF 会议", "第83届IETF会议", "no space between Han characters and Latin letters or digits"),
    ("zh-hans", "路由泄露,前缀劫持", "路由泄露，前缀劫持", "full-width punctuation after Han characters"),
]


def po_file(path: Path, language: str, translations: list[str]) -> Path:
    po = polib.POFile()
    po.metadata = {"Language": language, "Content-Type": "text/plain; charset=utf-8"}
    for number, text in enumerate(translations):
        po.append(polib.POEntry(msgctxt=f"body.{number}", msgid=f"English {number}", msgstr=text))
    po.save(str(path))
    return path


@pytest.mark.parametrize(("language", "wrong", "right", "rule"), CASES)
def test_a_string_that_breaks_a_rule_is_flagged_and_the_right_one_is_not(tmp_path, language, wrong, right, rule):
    findings = style_rules.check_po(po_file(tmp_path / "wrong.po", language, [right, wrong]), language)
    assert [(finding.msgctxt, finding.rule) for finding in findings] == [("body.1", rule)]
    assert style_rules.check_po(po_file(tmp_path / "right.po", language, [right]), language) == []


def test_every_rule_has_a_case():
    assert {rule.name for rules in style_rules.RULES.values() for rule in rules} == {case[3] for case in CASES}


def test_markup_placeholders_code_and_addresses_follow_no_language():
    assert style_rules.check_text('Voir <a id="a1">RFC 8484</a>\u00a0: %(count)s <code>a : b</code>', "fr") == []
    assert style_rules.check_text("الرابط https://example.org/a,b?x=1 هنا", "ar") == []
    assert style_rules.check_text("阅读约需%(minutes)s分钟", "zh-hans") == []


def test_the_project_catalogues_break_no_rule():
    """Every content PO file and interface catalogue of the six languages, as the translators left them."""
    findings = style_rules.check_project(ROOT)
    assert not findings, "\n".join(map(str, findings))
