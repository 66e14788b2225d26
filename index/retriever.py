"""Hybrid retrieval: dense and lexical candidates (from any store) fused by reciprocal rank, then diversified."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from index.backend import ChunkRows, DocumentStore, FileStore, Ranking
from index.embedding import TextEncoder
from index.models import SearchHit
from index.store import LoadedIndex

__all__ = ["HybridRetriever", "RetrieverConfig", "fuse"]

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
    # A passage BM25 scores this many times above any other holds the query's rare terms (a name, a figure) that the
    # embedding does not weigh: "Who is Jesse Toprak?" ranks its one passage first lexically and nowhere in the
    # dense top 50, and reciprocal-rank fusion then left it 11th. Such a passage is kept among the k. 0 = off.
    lexical_standout: float = 2.0

    def __post_init__(self) -> None:
        if not (self.dense or self.lexical):
            raise ValueError("at least one of dense and lexical retrieval must be on")
        if not 0.0 <= self.mmr_lambda <= 1.0:
            raise ValueError("mmr_lambda must be within [0, 1]")
        if self.candidates < 1 or self.rrf_k < 1 or self.max_per_article < 1:
            raise ValueError("candidates, rrf_k and max_per_article must be positive")
        if self.lexical_standout != 0 and self.lexical_standout < 1:
            raise ValueError("lexical_standout must be 0 (off) or at least 1")


def fuse(dense: Ranking, lexical: Ranking, rrf_k: int) -> dict[int, float]:
    """Reciprocal-rank fusion of the two rankings, ties broken by each side's relative score."""
    fused: dict[int, float] = {}
    for ranking in (dense, lexical):
        for rank, (doc, _) in enumerate(ranking):
            fused[doc] = fused.get(doc, 0.0) + 1.0 / (rrf_k + rank + 1)
    # Equal ranks tie in RRF; break ties by how close each side's score is to that side's best,
    # so a passage that BM25 scores far above the rest (an exact figure) wins the tie.
    for ranking in (dense, lexical):
        if ranking and ranking[0][1] > 0:
            best = ranking[0][1]
            for doc, score in ranking:
                fused[doc] += _TIE_EPSILON * max(score, 0.0) / best
    return fused


class HybridRetriever:
    """Finds the passages of an index (a loaded FAISS + BM25 one, or any ``DocumentStore``) that best answer a query."""

    def __init__(
        self,
        index: LoadedIndex | DocumentStore,
        embedder: TextEncoder,
        config: RetrieverConfig | None = None,
    ):
        self.store: DocumentStore = FileStore(index) if isinstance(index, LoadedIndex) else index
        if self.store.embedding_model != embedder.name:
            raise ValueError("the embedder is not the model the index was built with")
        self.embedder = embedder
        self.config = config or RetrieverConfig()

    def search(self, query: str, k: int = 5, allowed: set[str] | None = None) -> list[SearchHit]:
        """Top ``k`` diverse passages for ``query``, best first; with ``allowed``, only from those article ids."""
        if k < 1:
            raise ValueError("k must be at least 1")
        if not query.strip() or allowed == set():
            return []
        query_vec = self.embedder.encode([query])[0]
        found = self.store.candidates(
            query_vec,
            query,
            self.config.candidates,
            dense=self.config.dense,
            lexical=self.config.lexical,
            allowed=allowed,
        )
        fused = fuse(found.dense, found.lexical, self.config.rrf_k)
        if not fused:
            return []
        order = sorted(fused, key=lambda d: fused[d], reverse=True)
        rows = self.store.rows(order)
        # A store may rank the whole collection and leave the filter to fusion's output (the file store does, so
        # its ranks are those of the unfiltered search; PostgreSQL filters in SQL). A row a concurrent write
        # removed between the two reads is gone from ``rows``.
        order = [d for d in order if d in rows.chunks and (allowed is None or rows.chunks[d].article_id in allowed)]
        if not order:
            return []
        chosen = self._diversify(order, fused, k, rows)
        standout = self._standout(found.lexical, order)
        if standout is not None and standout not in chosen:
            chosen[-1] = standout
        dense_scores = dict(found.dense)
        lexical_scores = dict(found.lexical)
        # Dense scores of lexical-only hits are cheap to fill in from the stored vectors.
        return [
            SearchHit(
                chunk=rows.chunks[d],
                score=fused[d],
                dense_score=dense_scores.get(d, float(rows.vectors[d] @ query_vec)),
                lexical_score=lexical_scores.get(d),
            )
            for d in chosen
        ]

    def _standout(self, lexical: Ranking, order: list[int]) -> int | None:
        """The lexical first whose score is ``lexical_standout`` times the second's, if it survived the filter."""
        ratio = self.config.lexical_standout
        if not ratio or len(lexical) < 2 or lexical[1][1] <= 0 or lexical[0][1] < ratio * lexical[1][1]:
            return None
        doc = lexical[0][0]
        return doc if doc in order else None

    def _diversify(self, order: list[int], fused: dict[int, float], k: int, rows: ChunkRows) -> list[int]:
        """MMR over the fused list with a per-article cap; the best passage always stays first."""
        top = fused[order[0]]
        chunks = rows.chunks
        chosen = [order[0]]
        chosen_vecs = [rows.vectors[order[0]]]
        per_article = {chunks[order[0]].article_id: 1}
        pool = order[1:]
        lam = self.config.mmr_lambda
        while pool and len(chosen) < k:
            best, best_value = None, -np.inf
            stacked = np.stack(chosen_vecs)
            for doc in pool:
                if per_article.get(chunks[doc].article_id, 0) >= self.config.max_per_article:
                    continue
                redundancy = float(np.max(stacked @ rows.vectors[doc]))
                value = lam * fused[doc] / top - (1 - lam) * redundancy
                if value > best_value:
                    best, best_value = doc, value
            if best is None:
                # Every article hit its cap: fill up by rank rather than return fewer than asked.
                best = pool[0]
            chosen.append(best)
            chosen_vecs.append(rows.vectors[best])
            pool.remove(best)
            article = chunks[best].article_id
            per_article[article] = per_article.get(article, 0) + 1
        return chosen
