"""Hybrid retrieval: dense (FAISS) and BM25 fused by reciprocal rank, then diversified."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from index.embedding import TextEncoder
from index.models import SearchHit
from index.store import LoadedIndex

__all__ = ["HybridRetriever", "RetrieverConfig"]

_TIE_EPSILON = 1e-6


@dataclass(frozen=True)
class RetrieverConfig:
    """Knobs of hybrid search; validated here so a bad setting fails at start-up, not per query."""

    candidates: int = 50
    rrf_k: int = 60
    mmr_lambda: float = 0.7
    max_per_article: int = 2
    dense: bool = True
    lexical: bool = True

    def __post_init__(self) -> None:
        if not (self.dense or self.lexical):
            raise ValueError("at least one of dense and lexical retrieval must be on")
        if not 0.0 <= self.mmr_lambda <= 1.0:
            raise ValueError("mmr_lambda must be within [0, 1]")
        if self.candidates < 1 or self.rrf_k < 1 or self.max_per_article < 1:
            raise ValueError("candidates, rrf_k and max_per_article must be positive")


class HybridRetriever:
    """Finds the passages of a loaded index that best answer a query."""

    def __init__(self, index: LoadedIndex, embedder: TextEncoder, config: RetrieverConfig | None = None):
        if index.manifest.embedding_model != embedder.name:
            raise ValueError("the embedder is not the model the index was built with")
        self.index = index
        self.embedder = embedder
        self.config = config or RetrieverConfig()

    def _dense(self, query_vec: np.ndarray, n: int) -> list[tuple[int, float]]:
        scores, ids = self.index.dense.search(query_vec[None, :], n)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]

    def search(self, query: str, k: int = 5, allowed: set[str] | None = None) -> list[SearchHit]:
        """Top ``k`` diverse passages for ``query``, best first; with ``allowed``, only from those article ids."""
        if k < 1:
            raise ValueError("k must be at least 1")
        n_chunks = len(self.index.chunks)
        if n_chunks == 0 or not query.strip() or allowed == set():
            return []
        # A filter may leave few of the usual candidates: rank them all (exact search is fast at this scale).
        n = n_chunks if allowed is not None else min(self.config.candidates, n_chunks)
        query_vec = self.embedder.encode([query])[0]
        dense = self._dense(query_vec, n) if self.config.dense else []
        lexical = self.index.lexical.search(query, n) if self.config.lexical else []

        fused: dict[int, float] = {}
        for ranking in (dense, lexical):
            for rank, (doc, _) in enumerate(ranking):
                fused[doc] = fused.get(doc, 0.0) + 1.0 / (self.config.rrf_k + rank + 1)
        dense_scores = dict(dense)
        lexical_scores = dict(lexical)
        # Equal ranks tie in RRF; break ties by how close each side's score is to that side's best,
        # so a passage that BM25 scores far above the rest (an exact figure) wins the tie.
        for ranking in (dense, lexical):
            if ranking and ranking[0][1] > 0:
                best = ranking[0][1]
                for doc, score in ranking:
                    fused[doc] += _TIE_EPSILON * max(score, 0.0) / best
        if allowed is not None:
            fused = {d: v for d, v in fused.items() if self.index.chunks[d].article_id in allowed}
        order = sorted(fused, key=lambda d: fused[d], reverse=True)
        chosen = self._diversify(order, fused, k)
        # Dense scores of lexical-only hits are cheap to fill in from the stored vectors.
        return [
            SearchHit(
                chunk=self.index.chunks[d],
                score=fused[d],
                dense_score=dense_scores.get(d, float(self.index.vectors[d] @ query_vec)),
                lexical_score=lexical_scores.get(d),
            )
            for d in chosen
        ]

    def _diversify(self, order: list[int], fused: dict[int, float], k: int) -> list[int]:
        """MMR over the fused list with a per-article cap; the best passage always stays first."""
        if not order:
            return []
        top = fused[order[0]]
        vectors = self.index.vectors
        chosen = [order[0]]
        per_article = {self.index.chunks[order[0]].article_id: 1}
        pool = order[1:]
        lam = self.config.mmr_lambda
        while pool and len(chosen) < k:
            best, best_value = None, -np.inf
            chosen_vecs = vectors[chosen]
            for doc in pool:
                if per_article.get(self.index.chunks[doc].article_id, 0) >= self.config.max_per_article:
                    continue
                redundancy = float(np.max(chosen_vecs @ vectors[doc]))
                value = lam * fused[doc] / top - (1 - lam) * redundancy
                if value > best_value:
                    best, best_value = doc, value
            if best is None:
                # Every article hit its cap: fill up by rank rather than return fewer than asked.
                best = pool[0]
            chosen.append(best)
            pool.remove(best)
            article = self.index.chunks[best].article_id
            per_article[article] = per_article.get(article, 0) + 1
        return chosen
