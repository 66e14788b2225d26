"""The shared store from settings: PostgreSQL + pgvector when ``RAG_DATABASE_URL`` is set.

``rag index`` adds the articles folder to the database (new and changed articles; articles added by other
means stay), ``--rebuild`` empties it first. Serving replicas open the same database (``open_database``) and
follow each other's writes through ``rag.live`` (the database's generation, checked as each question starts).
Uploads (``rag.documents``: ``POST /documents``, ``rag documents add``) go to it too (``database``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from index import BuildReport, ChunkerConfig, TextEncoder, load_articles
from rag.settings import Settings

if TYPE_CHECKING:
    from index.pg_store import PgStore

__all__ = ["database", "index_database", "open_database"]


def open_database(settings: Settings, embedder: TextEncoder) -> PgStore:
    """The configured database, its schema created or migrated (refused when built with another model)."""
    from index.pg_store import PgStore

    if settings.database_url is None:
        raise ValueError("RAG_DATABASE_URL is not set")
    return PgStore(
        settings.database_url.get_secret_value(),
        embedder,
        ChunkerConfig(chunk_tokens=settings.chunk_tokens, overlap_sentences=settings.chunk_overlap_sentences),
        statement_timeout_ms=settings.database_timeout_ms,
        connect_timeout_s=settings.database_connect_timeout_s,
        ef_search=max(settings.database_ef_search, settings.retrieval_candidates),
    )


@contextmanager
def database(settings: Settings, embedder: TextEncoder) -> Iterator[PgStore]:
    """The configured database for one operation (a CLI command), closed afterwards."""
    store = open_database(settings, embedder)
    try:
        yield store
    finally:
        store.close()


def index_database(settings: Settings, embedder: TextEncoder, *, rebuild: bool = False) -> BuildReport:
    """Add the articles folder to the database in one transaction; the report reads like a file build's."""
    started = time.perf_counter()
    loaded = load_articles(settings.articles_dir)
    store = open_database(settings, embedder)
    try:
        if rebuild:
            store.reset()
        change = store.add_documents(loaded.articles)
    finally:
        store.close()
    return BuildReport(
        index_dir=settings.index_dir,
        added=change.added,
        updated=change.updated,
        unchanged=change.unchanged,
        skipped=loaded.skipped,
        embedded_chunks=change.embedded_chunks,
        n_chunks=change.n_chunks,
        faiss_type="pgvector-hnsw",
        seconds=time.perf_counter() - started,
    )
