"""Each ranking rule on its own (website.search.ranking), with pages made for the test around a word no demo page
uses, so that only the rule under test tells the pages apart; and the query objects both backends receive.

The page a rule should put first is always made first: equal scores put the newest page first, so a rule that
did nothing would leave the pages the other way round.
"""

import datetime

import pytest
from modelsearch.query import Boost, Fuzzy, Or, Phrase, PlainText

from knowledge.models import TopicPage
from programme.models import MeetingReportIndexPage
from tests.factories import ExplainerPageFactory, MeetingReportPageFactory
from website.search import ranking
from website.search.service import Hit, find_matches, load_objects

pytestmark = pytest.mark.django_db
WORD = "quokkaflux"


@pytest.fixture
def dns(locale):
    return TopicPage.objects.get(locale=locale("en"), topic="dns")


def made_here(query):
    """The matches among the pages this test made (titled "Zz ..."), best first."""
    hits = find_matches(query, "en")
    load_objects(hits)
    return [hit for hit in hits if getattr(hit.object, "title", "").startswith("Zz")]


def order(query):
    return [hit.object.title for hit in made_here(query)]


def body(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def test_a_match_in_the_title_weighs_more_than_one_in_the_body(dns):
    ExplainerPageFactory(parent=dns, title=f"Zz {WORD} in the title", body=body("Nothing else."))
    ExplainerPageFactory(parent=dns, title="Zz body", body=body(f"Mentions {WORD} once in passing."))
    assert order(WORD) == [f"Zz {WORD} in the title", "Zz body"]


def test_a_match_in_the_summary_weighs_more_than_one_in_the_body(dns):
    ExplainerPageFactory(parent=dns, title="Zz summary", summary=f"About {WORD}.", body=body("Plain."))
    ExplainerPageFactory(parent=dns, title="Zz body", summary="Plain.", body=body(f"About {WORD}."))
    assert order(WORD) == ["Zz summary", "Zz body"], [(h.object.title, h.score) for h in made_here(WORD)]


def test_an_explainer_answers_before_a_report_that_says_the_same(dns, locale):
    reports = MeetingReportIndexPage.objects.get(locale=locale("en"))
    text = f"What {WORD} is."
    ExplainerPageFactory(parent=dns, title="Zz explainer", summary=text, level="advanced")
    MeetingReportPageFactory(parent=reports, title="Zz report", summary=text, date_published=datetime.date.today())
    assert order(WORD) == ["Zz explainer", "Zz report"]


def test_introductory_explainers_come_first_for_short_queries_only(dns):
    text = f"How {WORD} resolution works across networks."
    ExplainerPageFactory(parent=dns, title="Zz introductory", summary=text, level="introductory")
    ExplainerPageFactory(parent=dns, title="Zz advanced", summary=text, level="advanced")
    assert order(WORD) == ["Zz introductory", "Zz advanced"]
    long_query = f"how {WORD} resolution works"
    scores = {hit.object.title: hit.score for hit in made_here(long_query)}
    assert scores["Zz introductory"] == pytest.approx(scores["Zz advanced"])


def test_recency_orders_reports_only():
    today = datetime.date(2026, 12, 1)
    new = Hit("wagtailcore.page", 1, 1.0, kind="report", date=datetime.date(2024, 1, 1))
    old = Hit("wagtailcore.page", 2, 1.0, kind="report", date=datetime.date(2012, 1, 1))
    assert ranking.factor(new, False, today) > ranking.factor(old, False, today)
    # An explainer's date (when it was last reviewed) says nothing of how well it answers.
    recent = Hit("wagtailcore.page", 3, 1.0, kind="explainer", date=datetime.date(2026, 11, 1))
    reviewed_long_ago = Hit("wagtailcore.page", 4, 1.0, kind="explainer", date=datetime.date(2015, 1, 1))
    assert ranking.factor(recent, False, today) == ranking.factor(reviewed_long_ago, False, today)


def test_the_whole_phrase_weighs_more_than_its_words_apart(dns):
    ExplainerPageFactory(parent=dns, title="Zz phrase", body=body(f"When the {WORD} resolver failed, nothing came."))
    ExplainerPageFactory(
        parent=dns, title="Zz apart", body=body(f"The {WORD} came first. Later, much later, a resolver failed.")
    )
    assert order(f"{WORD} resolver") == ["Zz phrase", "Zz apart"]


def test_a_question_finds_its_page_though_not_every_word_is_on_it(dns):
    ExplainerPageFactory(parent=dns, title=f"Zz who operates the {WORD} servers", body=body("Twelve operators."))
    assert order(f"who really runs the {WORD} servers nowadays") == [f"Zz who operates the {WORD} servers"]


def test_the_query_object_is_built_from_classes_both_backends_compile():
    query = ranking.backend_query("dns resolver", "en", fuzzy=True)
    assert isinstance(query, Or)
    parts = [(type(part.subquery), part.boost) for part in query.subqueries]
    assert (PlainText, ranking.ALL_WORDS) in parts
    assert (Phrase, ranking.WHOLE_PHRASE) in parts
    assert (PlainText, ranking.ANY_WORD) in parts
    assert (Fuzzy, ranking.TYPO) in parts
    # One word: neither a phrase nor "any word"; no fuzzy part for the database (it corrects typos beforehand).
    single = ranking.backend_query(WORD, "en")
    assert [type(part.subquery) for part in single.subqueries] == [PlainText]
    assert all(isinstance(part, Boost) for part in single.subqueries)


def test_chinese_counts_a_word_per_two_characters():
    assert ranking.word_count("根服务器") == 2
    assert ranking.word_count("谁管理根服务器") == 4
    assert ranking.word_count("DNS 域名") == 2
    assert ranking.is_short("域名") and not ranking.is_short("谁管理根服务器")
