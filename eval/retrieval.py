"""Retrieval against the gold source articles: recall@k and reciprocal rank.

``retrieved`` is the article id of each retrieved passage, best first (an article may appear more than once,
since several of its passages can rank); ``sources`` are the articles that state the answer.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["recall_at_k", "reciprocal_rank"]


def recall_at_k(retrieved: Sequence[str], sources: Sequence[str], k: int) -> float:
    """Share of the gold source articles that have a passage among the top ``k``."""
    if k < 1:
        raise ValueError("k must be at least 1")
    gold = set(sources)
    if not gold:
        raise ValueError("recall needs at least one gold source")
    return len(gold & set(retrieved[:k])) / len(gold)


def reciprocal_rank(retrieved: Sequence[str], sources: Sequence[str]) -> float:
    """1 / rank of the first passage from a gold source article (0 when none was retrieved)."""
    gold = set(sources)
    for rank, article_id in enumerate(retrieved, 1):
        if article_id in gold:
            return 1.0 / rank
    return 0.0
