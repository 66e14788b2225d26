"""The store seam: what hybrid retrieval and the service need from wherever the chunks live.

Two implementations: ``FileStore`` (the default, today's FAISS + BM25 generation on disk, loaded in memory)
and ``index.pg_store.PgStore`` (PostgreSQL + pgvector, shared by any number of API replicas). Fusion and
diversification stay in ``index.retriever`` for both; a store only supplies candidates and rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

import numpy as np

from index._exceptions import StoreUnsupportedError
from index.models import Article, Chunk
from index.store import DocumentChange, DocumentRecord, IndexStore, LoadedIndex

__all__ = ["Candidates", "ChunkRows", "DocumentStore", "FileStore", "Ranking", "StoreChange", "StoreIndex"]

# (row id, score) pairs, best first; row ids are the store's own (FAISS row, database key).
Ranking = list[tuple[int, float]]


@dataclass(frozen=True)
class Candidates:
    """The two sides of hybrid search, each best first."""

    dense: Ranking
    lexical: Ranking


@dataclass(frozen=True)
class ChunkRows:
    """Chunks and their unit vectors for some row ids (``vectors[i]`` belongs to ``chunks[ids[i]]``)."""

    chunks: dict[int, Chunk]
    vectors: dict[int, np.ndarray]


@dataclass
class StoreChange:
    """What one write did, and the generation it produced."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    embedded_chunks: int = 0
    n_chunks: int = 0
    generation: str = ""
    seconds: float = 0.0


@runtime_checkable
class DocumentStore(Protocol):
    """A collection of articles, chunked and embedded, searchable both ways."""

    @property
    def location(self) -> str:
        """Where the store lives, for messages (never a password)."""
        ...

    @property
    def embedding_model(self) -> str: ...

    def generation(self) -> str:
        """Changes with every committed write; equal values mean the same collection."""
        ...

    def check(self) -> None:
        """Raise ``StoreUnavailableError`` when the store cannot answer now."""
        ...

    def articles(self) -> dict[str, Article]: ...

    def chunk_count(self) -> int: ...

    def documents(self) -> dict[str, DocumentRecord]:
        """The uploaded documents (their articles are among ``articles()``), by id."""
        ...

    def candidates(
        self,
        query_vec: np.ndarray,
        query: str,
        n: int,
        *,
        dense: bool,
        lexical: bool,
        allowed: set[str] | None = None,
    ) -> Candidates:
        """Up to ``n`` dense (cosine) and ``n`` lexical candidates for one query. With ``allowed`` (article ids)
        a store may leave out other articles' chunks, or rank more of the collection and keep them: the retriever
        drops whatever is not allowed after fusion."""
        ...

    def rows(self, ids: Sequence[int]) -> ChunkRows: ...

    def add_documents(self, articles: Sequence[Article]) -> StoreChange:
        """Add or replace articles (by id) in one transaction; unchanged ones (same hash) are skipped."""
        ...

    def remove_documents(self, article_ids: Sequence[str]) -> StoreChange: ...

    def add_document(self, article: Article, record: DocumentRecord) -> DocumentChange:
        """Add one uploaded document (the same content again: the existing record, ``changed=False``)."""
        ...

    def remove_document(self, document_id: str) -> DocumentChange | None:
        """Remove an uploaded document everywhere; None when there is none with that id."""
        ...


_FILE_WRITES = (
    "the file index is changed through its directory (`rag index`, or index.store's add_document and "
    "remove_document for uploads), not through a loaded generation"
)


class FileStore:
    """The default store: one loaded FAISS + BM25 generation (see ``index.store``)."""

    def __init__(self, index: LoadedIndex):
        self.index = index

    @property
    def location(self) -> str:
        return str(self.index.path)

    @property
    def embedding_model(self) -> str:
        return self.index.manifest.embedding_model

    def generation(self) -> str:
        # The generation on disk: differs from the loaded one once `rag index` has published a newer one.
        current = IndexStore(self.index.path).current()
        return current.name if current is not None else ""

    def check(self) -> None:
        return None

    def articles(self) -> dict[str, Article]:
        return self.index.articles

    def documents(self) -> dict[str, DocumentRecord]:
        return self.index.documents

    def chunk_count(self) -> int:
        return len(self.index.chunks)

    def candidates(
        self,
        query_vec: np.ndarray,
        query: str,
        n: int,
        *,
        dense: bool,
        lexical: bool,
        allowed: set[str] | None = None,
    ) -> Candidates:
        n_chunks = len(self.index.chunks)
        # A filter may leave few of the usual candidates: rank them all (exact search is fast at this scale).
        n = n_chunks if allowed is not None else min(n, n_chunks)
        if n == 0 or allowed == set():
            return Candidates([], [])
        dense_hits: Ranking = []
        if dense:
            scores, ids = self.index.dense.search(query_vec[None, :], n)
            dense_hits = [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]
        lexical_hits = self.index.lexical.search(query, n) if lexical else []
        # Other articles' chunks stay in: ranks are those of the whole collection (the retriever filters).
        return Candidates(dense_hits, lexical_hits)

    def rows(self, ids: Sequence[int]) -> ChunkRows:
        return ChunkRows(
            chunks={i: self.index.chunks[i] for i in ids},
            vectors={i: self.index.vectors[i] for i in ids},
        )

    # A loaded generation is immutable; writes publish a new one under the index directory (see index.store).
    def add_documents(self, articles: Sequence[Article]) -> StoreChange:
        raise StoreUnsupportedError(_FILE_WRITES)

    def remove_documents(self, article_ids: Sequence[str]) -> StoreChange:
        raise StoreUnsupportedError(_FILE_WRITES)

    def add_document(self, article: Article, record: DocumentRecord) -> DocumentChange:
        raise StoreUnsupportedError(_FILE_WRITES)

    def remove_document(self, document_id: str) -> DocumentChange | None:
        raise StoreUnsupportedError(_FILE_WRITES)


class _Count:
    """``len()`` of a store's chunks without loading them."""

    def __init__(self, store: DocumentStore):
        self._store = store

    def __len__(self) -> int:
        return self._store.chunk_count()


class StoreIndex:
    """What the answer pipeline reads of a store: its articles and uploaded documents (as of ``generation``) and
    its size; the counterpart of a ``LoadedIndex`` for a shared store."""

    def __init__(self, store: DocumentStore):
        self.store = store
        self.generation = store.generation()
        self.articles: dict[str, Article] = store.articles()
        self.documents: dict[str, DocumentRecord] = store.documents()
        self.chunks = _Count(store)
