"""Glossary help: the right term, once per section, never in links, headings or code, longest first."""

import pytest

from knowledge.glossary import Entry, Glossary, mark_terms
from tests.html import parse, text_of

GLOSSARY = Glossary(
    [
        Entry("dns", "Domain Name System", "DNS", "The Internet's naming system."),
        Entry("recursive-resolver", "DNS resolver", "", "A server that looks up names."),
        Entry("as", "Autonomous System", "AS", "A network with one routing policy."),
        Entry("ixp", "Internet Exchange Point", "IXP", "Where networks meet to exchange traffic."),
        Entry("yuming", "域名", "", "网络上的名字。"),
    ]
)


def term_buttons(html):
    return [
        button
        for button in parse(html).select('button.gloss__term[type="button"][popovertarget]')
        if button["popovertarget"]
    ]


def marked_terms(html):
    return [text_of(button) for button in term_buttons(html)]


def test_marks_the_first_use_in_each_section_only():
    html = "<p>DNS here and DNS again.</p><h2>Next</h2><p>DNS once more, DNS twice.</p>"
    result = mark_terms(html, GLOSSARY)
    assert marked_terms(result) == ["DNS", "DNS"]
    assert result.count("DNS again") == 1 and result.count("DNS twice") == 1


def test_longest_term_wins():
    result = mark_terms("<p>Ask your DNS resolver, then the DNS.</p>", GLOSSARY)
    assert marked_terms(result) == ["DNS resolver", "DNS"]


def test_whole_words_only():
    result = mark_terms("<p>DNSSEC and ADNS are not DNS.</p>", GLOSSARY)
    assert marked_terms(result) == ["DNS"]
    assert "DNSSEC and ADNS" in result


def test_abbreviations_match_only_as_written():
    result = mark_terms("<p>As far as we know, each AS has a policy.</p>", GLOSSARY)
    assert marked_terms(result) == ["AS"]


def test_full_terms_match_in_any_case():
    assert marked_terms(mark_terms("<p>An internet exchange point.</p>", GLOSSARY)) == ["internet exchange point"]


@pytest.mark.parametrize(
    "html",
    [
        '<p><a href="/x/">DNS</a></p>',
        "<h2>DNS</h2>",
        "<h3>What DNS does</h3>",
        "<p><code>DNS</code></p>",
        "<pre>DNS</pre>",
        "<p><abbr>DNS</abbr></p>",
    ],
)
def test_never_inside_links_headings_or_code(html):
    assert marked_terms(mark_terms(html, GLOSSARY)) == []


def test_text_after_a_skipped_element_is_still_marked():
    result = mark_terms('<p><a href="/x/">DNS</a> and then DNS.</p>', GLOSSARY)
    assert marked_terms(result) == ["DNS"]


def test_chinese_terms_match_inside_a_sentence():
    result = mark_terms("<p>每个域名都有所有者。</p>", GLOSSARY)
    assert marked_terms(result) == ["域名"]


def test_markup_is_an_accessible_disclosure_that_needs_no_script():
    result = mark_terms("<p>The DNS.</p>", GLOSSARY, glossary_url="/en/knowledge/glossary/")
    button = next((button for button in term_buttons(result) if text_of(button) == "DNS"), None)
    assert button is not None
    popover_id = button["popovertarget"]
    assert f'<span class="gloss__popover" id="{popover_id}" popover role="note">' in result
    assert "<dfn>Domain Name System (DNS)</dfn>: The Internet&#x27;s naming system." in result
    assert '<a class="gloss__more" href="/en/knowledge/glossary/#dns">' in result


def test_text_and_entities_survive_unchanged():
    html = '<p>Tom &amp; Jerry <b>say</b> 1 &lt; 2 &mdash; fine.<br/>Next</p><img src="a.png" alt="x">'
    assert (
        mark_terms(html, GLOSSARY)
        == '<p>Tom &amp; Jerry <b>say</b> 1 &lt; 2 — fine.<br/>Next</p><img src="a.png" alt="x">'
    )


def test_matching_is_linear_in_the_text_length():
    """Trie walks start only where a word may start, and each walk is bounded by the longest term."""

    def walks(text):
        calls = 0
        original = GLOSSARY._longest_at

        def counting(*args):
            nonlocal calls
            calls += 1
            return original(*args)

        GLOSSARY._longest_at = counting
        try:
            list(GLOSSARY.find(text))
        finally:
            del GLOSSARY._longest_at
        return calls

    sentence = "Networks exchange traffic at an Internet Exchange Point near the DNS resolver. "
    single = walks(sentence * 1000)
    assert walks(sentence * 2000) == 2 * single
    assert single <= len(sentence * 1000)
