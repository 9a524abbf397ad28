"""The relevance floors on the demo content (bench/relevance), the collection's own soundness, and the measures."""

import pytest

from bench.relevance import collection, metrics, scoring

LANGUAGES = ["en", "fr", "es", "ar", "zh-hans", "ru", "pt"]


def test_there_is_a_collection_for_every_language_with_every_kind_of_query():
    assert collection.languages() == sorted(LANGUAGES)
    for language in LANGUAGES:
        judged = collection.load(language)
        assert judged.language == language
        assert len(judged.queries) >= 25, language
        assert {query.type for query in judged.queries} == set(collection.QUERY_TYPES), language
        assert collection.problems(judged) == [], language


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_search_meets_the_relevance_floors(language):
    score, problems = scoring.score_language(language)
    assert problems == []  # every judged item has a page of its own in the language
    missed = [query.text for query in score.queries if not query.answer_in_top_three]
    assert score.ndcg >= scoring.NDCG_FLOOR, (score.ndcg, missed)
    assert score.top_three >= scoring.TOP_THREE_FLOOR, (score.top_three, missed)


def test_ndcg_is_one_for_the_ideal_order_and_less_for_any_other():
    judged = {"a": 2, "b": 1, "c": 1}
    assert metrics.ndcg(["a", "b", "c", "x"], judged) == pytest.approx(1.0)
    assert metrics.ndcg(["b", "a", "c"], judged) < 1.0
    assert metrics.ndcg(["x", "y"], judged) == 0.0
    # Gains 3 (grade 2) and 1 (grade 1), discounted by log2(rank + 1).
    assert metrics.ndcg(["b", "a"], {"a": 2, "b": 1}) == pytest.approx((1 + 3 / 1.5849625) / (3 + 1 / 1.5849625))
    # Only the first k count.
    assert metrics.ndcg(["x", "a"], {"a": 2}, k=1) == 0.0


def test_reciprocal_rank_and_the_answer_in_the_top_three():
    judged = {"a": 2, "b": 1}
    assert metrics.reciprocal_rank(["x", "b", "a"], judged) == 0.5
    assert metrics.reciprocal_rank(["x"], judged) == 0.0
    assert metrics.answer_in_top(["x", "y", "a"], judged)
    assert not metrics.answer_in_top(["x", "b", "y", "a"], judged)


def test_a_collection_with_two_answers_or_an_unknown_type_is_refused():
    bad = collection.Collection(
        "en",
        [
            collection.Judged("dns", "word", {"a": 2, "b": 2}),
            collection.Judged("bgp", "shout", {"a": 2}),
            collection.Judged("tls", "word", {"a": 3}),
        ],
    )
    assert len(collection.problems(bad)) == 4
