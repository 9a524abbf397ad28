"""Runs a language's collection through the site's search and scores the ranking (needs Django set up)."""

from dataclasses import dataclass, field
from statistics import mean

from bench.relevance import collection, metrics

# The floors ``make test`` holds on the demo content, in every language.
NDCG_FLOOR = 0.75
TOP_THREE_FLOOR = 0.80
CUTOFF = 10


@dataclass
class QueryScore:
    text: str
    type: str
    ndcg: float
    reciprocal_rank: float
    answer_in_top_three: bool
    ranked: list = field(default_factory=list)  # result keys, best first (the first ten)


@dataclass
class LanguageScore:
    language: str
    backend: str
    queries: list[QueryScore]

    @property
    def ndcg(self) -> float:
        return mean(query.ndcg for query in self.queries)

    @property
    def mrr(self) -> float:
        return mean(query.reciprocal_rank for query in self.queries)

    @property
    def top_three(self) -> float:
        return mean(1.0 if query.answer_in_top_three else 0.0 for query in self.queries)

    @property
    def meets_floors(self) -> bool:
        return self.ndcg >= NDCG_FLOOR and self.top_three >= TOP_THREE_FLOOR


def judged_keys(judged: collection.Judged, items: collection.Items) -> tuple[dict, list[str]]:
    """The query's judgments as result keys, and the items that have no version in the language."""
    keys, missing = {}, []
    for item, grade in judged.relevant.items():
        key = items.key(item)
        if key is None:
            missing.append(item)
        else:
            keys[key] = grade
    return keys, missing


def score_language(language: str, backend_name: str = "database") -> tuple[LanguageScore, list[str]]:
    """Every query of the language's collection, scored; and the problems found in the collection."""
    from website.search.service import results_in_order  # noqa: PLC0415 - Django is set up by the caller

    judged_collection = collection.load(language)
    problems = collection.problems(judged_collection)
    items = collection.Items(language)
    scores = []
    for judged in judged_collection.queries:
        keys, missing = judged_keys(judged, items)
        problems.extend(f"{judged.text!r}: {item} has no page of its own in {language}" for item in missing)
        ranked = [(hit.model, hit.object_id) for hit in results_in_order(judged.text, language)[:CUTOFF]]
        scores.append(
            QueryScore(
                judged.text,
                judged.type,
                metrics.ndcg(ranked, keys, CUTOFF),
                metrics.reciprocal_rank(ranked, keys),
                metrics.answer_in_top(ranked, keys, 3),
                ranked,
            )
        )
    return LanguageScore(language, backend_name, scores), problems


def table(scores: list[LanguageScore]) -> str:
    lines = [
        "| language | backend | queries | nDCG@10 | MRR | answer in top 3 |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for score in scores:
        lines.append(
            f"| {score.language} | {score.backend} | {len(score.queries)} | {score.ndcg:.3f} | {score.mrr:.3f} "
            f"| {score.top_three:.0%} |"
        )
    return "\n".join(lines) + "\n"
