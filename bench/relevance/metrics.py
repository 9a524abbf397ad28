"""Graded relevance measures: nDCG@k, reciprocal rank, and whether the answer is near the top.

The gain of a result is ``2**grade - 1`` (the usual exponential gain), discounted by ``log2(rank + 1)``;
nDCG divides by the best ordering of the judged items, so 1.0 means the judged items came first, best first.
"""

import math

TOP_ANSWER = 2


def dcg(grades: list[int], k: int) -> float:
    return sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(grades[:k]))


def ndcg(ranked: list, judged: dict, k: int = 10) -> float:
    """nDCG@k of ``ranked`` (result keys, best first) against ``judged`` (key -> grade)."""
    ideal = dcg(sorted(judged.values(), reverse=True), k)
    if not ideal:
        return 0.0
    return dcg([judged.get(key, 0) for key in ranked], k) / ideal


def reciprocal_rank(ranked: list, judged: dict) -> float:
    """1 / the rank of the first result judged relevant at all (0 when none is found)."""
    for rank, key in enumerate(ranked, start=1):
        if judged.get(key, 0) > 0:
            return 1.0 / rank
    return 0.0


def answer_in_top(ranked: list, judged: dict, top: int = 3) -> bool:
    """Whether an item judged the answer (grade 2) is among the first ``top`` results."""
    return any(judged.get(key, 0) >= TOP_ANSWER for key in ranked[:top])
