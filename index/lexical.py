"""BM25 over chunk texts (bm25s), where exact numbers and names beat embeddings."""

from __future__ import annotations

import logging
from pathlib import Path

import bm25s
import numpy as np
import Stemmer

__all__ = ["LexicalIndex"]

_STEMMER = Stemmer.Stemmer("english")
# bm25s logs every build step at DEBUG through its own handler.
logging.getLogger("bm25s").setLevel(logging.WARNING)


def _tokens(texts: list[str]) -> list[list[str]]:
    tokenized = bm25s.tokenize(texts, stopwords="en", stemmer=_STEMMER, return_ids=False, show_progress=False)
    return [list(doc) for doc in tokenized]


class LexicalIndex:
    """A BM25 index whose document i is chunk i of the index."""

    def __init__(self, retriever: bm25s.BM25, size: int):
        self._retriever = retriever
        self.size = size

    @classmethod
    def build(cls, texts: list[str]) -> LexicalIndex:
        """Index ``texts`` (document ids are their positions)."""
        retriever = bm25s.BM25()
        retriever.index(_tokens(texts), show_progress=False)
        return cls(retriever, len(texts))

    def save(self, folder: Path) -> None:
        self._retriever.save(str(folder))

    @classmethod
    def load(cls, folder: Path, size: int) -> LexicalIndex:
        return cls(bm25s.BM25.load(str(folder)), size)

    def search(self, query: str, k: int) -> list[tuple[int, float]]:
        """Top ``k`` (document id, BM25 score) pairs with a positive score."""
        vocab = self._retriever.vocab_dict
        query_tokens = [t for t in _tokens([query])[0] if t in vocab]
        if not query_tokens or self.size == 0:
            return []
        k = min(k, self.size)
        docs, scores = self._retriever.retrieve([query_tokens], k=k, show_progress=False, n_threads=1)
        pairs = zip(np.asarray(docs)[0].tolist(), np.asarray(scores)[0].tolist(), strict=True)
        return [(int(d), float(s)) for d, s in pairs if s > 0]
