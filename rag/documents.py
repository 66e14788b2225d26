"""Documents in and out of the collection: extract, add, list and remove. The HTTP service and the CLI share it.

An upload is extracted (``index.extract``), cleaned like a bundled article, chunked and embedded, and added
to the live index as a new generation (``index.store.add_document``); a removal writes a generation without
it and deletes the old one, and with it every copy of the document's text, chunks, vectors and postings.
The corpus prompt cache of a collection that held it is deleted too: it holds the document's text.

With ``RAG_DATABASE_URL`` the same operations go to the shared database instead (one transaction each): the
running service hands in the store it answers from; the CLI opens the configured one.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from index import (
    Article,
    ChunkerConfig,
    DocumentChange,
    DocumentRecord,
    DocumentStore,
    ExtractLimits,
    IndexNotFoundError,
    LoadedIndex,
    StoreIndex,
    TextEncoder,
    add_document,
    extract_document,
    list_documents,
    remove_document,
)
from rag.live import discard_corpus_cache
from rag.settings import Settings

__all__ = [
    "Prepared",
    "Upload",
    "add_prepared",
    "add_upload",
    "documents",
    "limits",
    "prepare_upload",
    "remove",
    "shared_store",
]


@dataclass(frozen=True)
class Upload:
    """One document as a client sent it: a file's name and bytes, and optional metadata that overrides it."""

    filename: str
    data: bytes
    title: str | None = None
    date: str | None = None
    source: str | None = None


def limits(settings: Settings) -> ExtractLimits:
    return ExtractLimits(max_bytes=settings.max_upload_bytes, max_chars=settings.max_document_chars)


@dataclass(frozen=True)
class Prepared:
    """An upload extracted and cleaned, ready to be added."""

    article: Article
    record: DocumentRecord


def prepare_upload(settings: Settings, upload: Upload) -> Prepared:
    """Extract and clean ``upload``; raises an ``ExtractionError`` naming the file when it cannot be read."""
    article, extracted = extract_document(
        upload.filename, upload.data, title=upload.title, date=upload.date, limits=limits(settings)
    )
    record = DocumentRecord(
        document_id=article.article_id,
        title=article.title,
        date=article.date,
        source=upload.source or extracted.site,
        filename=article.source,
        format=extracted.format,
        size_bytes=len(upload.data),
        chars=len(article.text),
        n_chunks=0,
        added_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        content_hash=article.content_hash,
    )
    return Prepared(article, record)


def shared_store(index: LoadedIndex | StoreIndex) -> DocumentStore | None:
    """The shared store a running pipeline answers from (None: the index directory)."""
    return index.store if isinstance(index, StoreIndex) else None


@contextmanager
def _database(settings: Settings, encoder: TextEncoder | None, store: DocumentStore | None) -> Iterator[DocumentStore]:
    if store is not None:
        yield store
        return
    from rag.runtime import make_embedder
    from rag.stores import database

    with database(settings, encoder or make_embedder(settings)) as opened:
        yield opened


def _uses_database(settings: Settings, store: DocumentStore | None) -> bool:
    return store is not None or settings.database_url is not None


def add_upload(
    settings: Settings, encoder: TextEncoder, upload: Upload, store: DocumentStore | None = None
) -> DocumentChange:
    """Extract ``upload`` and add it to the collection; the same content again returns the existing document."""
    return add_prepared(settings, encoder, prepare_upload(settings, upload), store)


def add_prepared(
    settings: Settings, encoder: TextEncoder, prepared: Prepared, store: DocumentStore | None = None
) -> DocumentChange:
    """Add an extracted document to the collection: ``store`` or the configured database when there is one, else
    the live index (built from the articles folder first if there is none)."""
    article, record = prepared.article, prepared.record
    if _uses_database(settings, store):
        with _database(settings, encoder, store) as db:
            return db.add_document(article, record)
    config = ChunkerConfig(chunk_tokens=settings.chunk_tokens, overlap_sentences=settings.chunk_overlap_sentences)
    try:
        return add_document(settings.index_dir, article, record, encoder, config, flat_max=settings.faiss_flat_max)
    except IndexNotFoundError:
        # A first upload on a fresh machine: index the articles folder, then add to it.
        from index import build_index

        build_index(settings.articles_dir, settings.index_dir, encoder, config, flat_max=settings.faiss_flat_max)
        return add_document(settings.index_dir, article, record, encoder, config, flat_max=settings.faiss_flat_max)


def remove(
    settings: Settings,
    document_id: str,
    embedding_model: str | None = None,
    store: DocumentStore | None = None,
) -> DocumentChange | None:
    """Remove an uploaded document; None when there is none with that id."""
    if _uses_database(settings, store):
        with _database(settings, None, store) as db:
            change = db.remove_document(document_id)
    else:
        change = remove_document(settings.index_dir, document_id, embedding_model=embedding_model)
    if change is not None:
        # The saved corpus prefix holds the document's words: it goes now, not when it is next rebuilt.
        discard_corpus_cache(settings)
    return change


def documents(settings: Settings, store: DocumentStore | None = None) -> list[DocumentRecord]:
    """The uploaded documents of the collection, oldest first (none without an index)."""
    if _uses_database(settings, store):
        with _database(settings, None, store) as db:
            records = list(db.documents().values())
        return sorted(records, key=lambda d: (d.added_at, d.document_id))
    return list_documents(settings.index_dir)
