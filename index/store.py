"""The index on disk: build (incrementally, atomically), load, and validate.

Layout of an index directory::

    CURRENT                 name of the live generation (replaced atomically)
    gen-<time>-<rand>/      one complete generation
        manifest.json       embedding model, chunker, content hashes, versions, format
        articles.jsonl      cleaned articles (for citations in context and corpus mode)
        chunks.jsonl        chunk records, row i <-> vector i
        vectors.npy         float32 unit vectors (re-used by incremental builds)
        faiss.index         dense index (flat or HNSW, see manifest)
        bm25/               lexical index
        documents.jsonl     uploaded documents' metadata (their text is in articles.jsonl); absent before any

A build writes a new generation beside the live one and only then swaps ``CURRENT``,
so a crash or Ctrl-C mid-build leaves the last good index in place.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import secrets
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import faiss
import numpy as np
from pydantic import BaseModel, ValidationError

from index._exceptions import IndexCorruptError, IndexMismatchError, IndexNotFoundError
from index.chunking import ChunkerConfig, chunk_article
from index.cleaning import CLEANER_VERSION
from index.embedding import TextEncoder
from index.lexical import LexicalIndex
from index.loader import load_articles
from index.models import Article, Chunk

__all__ = [
    "FORMAT_VERSION",
    "BuildReport",
    "DocumentChange",
    "DocumentRecord",
    "IndexStore",
    "LoadedIndex",
    "Manifest",
    "add_document",
    "build_index",
    "list_documents",
    "load_index",
    "remove_document",
    "writer_lock",
]

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
_CURRENT = "CURRENT"
_FILES = ("manifest.json", "articles.jsonl", "chunks.jsonl", "vectors.npy", "faiss.index")
_DOCUMENTS = "documents.jsonl"
_LOCK = ".writer.lock"


class ChunkerManifest(BaseModel):
    chunk_tokens: int
    overlap_sentences: int
    cleaner_version: str


class Manifest(BaseModel):
    """What an index was built from and with; a mismatch means rebuild."""

    format_version: int
    embedding_model: str
    embedding_dim: int
    chunker: ChunkerManifest
    faiss_type: str
    n_articles: int
    n_chunks: int
    articles: dict[str, str]  # article id -> content hash
    library_versions: dict[str, str]
    created_at: str


class DocumentRecord(BaseModel):
    """An uploaded document: what it was and what it became. Its cleaned text is its article's."""

    document_id: str
    title: str
    date: str | None = None
    source: str | None = None  # the outlet or site, given at upload or found in the page
    filename: str
    format: str
    size_bytes: int
    chars: int
    n_chunks: int
    added_at: str
    content_hash: str


@dataclass
class BuildReport:
    """What a build did."""

    index_dir: Path
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    embedded_chunks: int = 0
    n_chunks: int = 0
    faiss_type: str = "flat"
    seconds: float = 0.0

    @property
    def noop(self) -> bool:
        return not (self.added or self.updated or self.removed)


@dataclass
class LoadedIndex:
    """An index in memory: the records, the dense and the lexical index."""

    path: Path
    manifest: Manifest
    articles: dict[str, Article]
    chunks: list[Chunk]
    vectors: np.ndarray
    dense: faiss.Index
    lexical: LexicalIndex
    documents: dict[str, DocumentRecord] = field(default_factory=dict)  # uploaded ones, by id
    generation: str = ""  # the directory name CURRENT pointed at when this was loaded


def _versions() -> dict[str, str]:
    out = {}
    for dist in ("faiss-cpu", "sentence-transformers", "bm25s", "numpy", "torch"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = "unknown"
    return out


def choose_faiss_type(n_vectors: int, flat_max: int) -> str:
    """Exact search while it is fast enough, HNSW above ``flat_max`` vectors."""
    return "flat" if n_vectors <= flat_max else "hnsw"


def make_faiss_index(vectors: np.ndarray, kind: str, hnsw_m: int = 32, ef_search: int = 64) -> faiss.Index:
    """Build an inner-product FAISS index of ``kind`` over unit ``vectors``."""
    dim = vectors.shape[1]
    index: faiss.Index
    if kind == "flat":
        index = faiss.IndexFlatIP(dim)
    elif kind == "hnsw":
        index = faiss.IndexHNSWFlat(dim, hnsw_m, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        index.hnsw.efSearch = ef_search
    else:
        raise ValueError(f"unknown FAISS index type {kind!r}")
    if len(vectors):
        index.add(vectors)
    return index


class IndexStore:
    """Reads and swaps generations inside one index directory."""

    def __init__(self, root: Path):
        self.root = root

    def current(self) -> Path | None:
        pointer = self.root / _CURRENT
        if not pointer.is_file():
            return None
        name = pointer.read_text().strip()
        return self.root / name if name else None

    def new_generation(self) -> Path:
        self.root.mkdir(parents=True, exist_ok=True)
        path = self.root / f"gen-{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}.tmp"
        path.mkdir()
        return path

    def publish(self, staged: Path) -> Path:
        """Make ``staged`` the live generation atomically, then remove the older ones."""
        final = staged.with_suffix("")
        staged.rename(final)
        tmp_pointer = self.root / f".{_CURRENT}.{secrets.token_hex(3)}"
        tmp_pointer.write_text(final.name + "\n")
        with open(tmp_pointer, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp_pointer, self.root / _CURRENT)
        self.prune(keep=final)
        return final

    def prune(self, keep: Path | None = None) -> None:
        """Delete generations other than ``keep`` (and leftovers of interrupted builds)."""
        keep = keep or self.current()
        for child in self.root.glob("gen-*"):
            if child != keep and child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
        for leftover in self.root.glob(f".{_CURRENT}.*"):
            leftover.unlink(missing_ok=True)


def _write_jsonl(path: Path, records: list[Article] | list[Chunk] | list[DocumentRecord]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for record in records:
            fh.write(record.model_dump_json() + "\n")


def _read_manifest(gen: Path) -> Manifest:
    try:
        return Manifest.model_validate_json((gen / "manifest.json").read_text())
    except (OSError, ValidationError, ValueError) as exc:
        raise IndexCorruptError(f"index manifest at {gen} is unreadable ({exc}); run `rag index --rebuild`") from exc


def load_index(root: Path, embedding_model: str | None = None) -> LoadedIndex:
    """Load the live index under ``root``; raises a clear error when missing, corrupt or mismatched."""
    gen = IndexStore(root).current()
    if gen is None or not gen.is_dir():
        raise IndexNotFoundError(f"no index at {root}; build one with `rag index`")
    manifest = _read_manifest(gen)
    if manifest.format_version != FORMAT_VERSION:
        raise IndexMismatchError(
            f"index at {root} has format {manifest.format_version}, this version reads {FORMAT_VERSION}; "
            "run `rag index --rebuild`"
        )
    if embedding_model is not None and manifest.embedding_model != embedding_model:
        raise IndexMismatchError(
            f"index at {root} was built with embedding model {manifest.embedding_model!r}, "
            f"but {embedding_model!r} is configured; run `rag index --rebuild`"
        )
    try:
        articles = [Article.model_validate_json(line) for line in (gen / "articles.jsonl").open(encoding="utf-8")]
        chunks = [Chunk.model_validate_json(line) for line in (gen / "chunks.jsonl").open(encoding="utf-8")]
        vectors = np.load(gen / "vectors.npy")
        dense = faiss.read_index(str(gen / "faiss.index"))
        lexical = LexicalIndex.load(gen / "bm25", size=len(chunks))
        documents = _read_documents(gen)
    except (OSError, ValidationError, ValueError, RuntimeError) as exc:
        raise IndexCorruptError(f"index at {root} is damaged ({exc}); run `rag index --rebuild`") from exc
    if not (len(chunks) == len(vectors) == dense.ntotal == manifest.n_chunks):
        raise IndexCorruptError(
            f"index at {root} is inconsistent ({len(chunks)} chunks, {len(vectors)} vectors, "
            f"{dense.ntotal} in FAISS, manifest says {manifest.n_chunks}); run `rag index --rebuild`"
        )
    if vectors.ndim != 2 or vectors.shape[1] != manifest.embedding_dim:
        raise IndexCorruptError(f"index at {root} has vectors of the wrong shape; run `rag index --rebuild`")
    return LoadedIndex(
        path=root,
        manifest=manifest,
        articles={a.article_id: a for a in articles},
        chunks=chunks,
        vectors=vectors,
        dense=dense,
        lexical=lexical,
        documents=documents,
        generation=gen.name,
    )


def _read_documents(gen: Path) -> dict[str, DocumentRecord]:
    path = gen / _DOCUMENTS
    if not path.is_file():
        return {}
    records = [DocumentRecord.model_validate_json(line) for line in path.open(encoding="utf-8") if line.strip()]
    return {r.document_id: r for r in records}


@contextlib.contextmanager
def writer_lock(root: Path) -> Iterator[None]:
    """One writer at a time per index directory, across threads and processes (the service, the CLI)."""
    root.mkdir(parents=True, exist_ok=True)
    with open(root / _LOCK, "a+b") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _previous(root: Path, embedder: TextEncoder, config: ChunkerConfig) -> LoadedIndex | None:
    """The live index if its chunks and vectors can be re-used by this build."""
    try:
        old = load_index(root, embedding_model=embedder.name)
    except IndexNotFoundError:
        return None
    except (IndexCorruptError, IndexMismatchError) as exc:
        log.warning("not re-using the existing index: %s", exc)
        return None
    same_chunker = old.manifest.chunker == ChunkerManifest(
        chunk_tokens=config.chunk_tokens,
        overlap_sentences=config.overlap_sentences,
        cleaner_version=CLEANER_VERSION,
    )
    return old if same_chunker else None


ProgressFn = Callable[[int, int], None]


def build_index(
    articles_dir: Path,
    root: Path,
    embedder: TextEncoder,
    config: ChunkerConfig | None = None,
    *,
    rebuild: bool = False,
    flat_max: int = 50_000,
    progress: ProgressFn | None = None,
) -> BuildReport:
    """Build or update the index under ``root`` from ``articles_dir``; re-embeds only changed articles.

    Uploaded documents (``add_document``) are kept: they are part of the collection, not of the folder.
    """
    with writer_lock(root):
        return _build_index(articles_dir, root, embedder, config, rebuild=rebuild, flat_max=flat_max, progress=progress)


def _build_index(
    articles_dir: Path,
    root: Path,
    embedder: TextEncoder,
    config: ChunkerConfig | None,
    *,
    rebuild: bool,
    flat_max: int,
    progress: ProgressFn | None,
) -> BuildReport:
    started = time.perf_counter()
    config = config or ChunkerConfig()
    loaded = load_articles(articles_dir)
    uploads, uploaded_articles = _uploaded(root)
    folder_ids = {a.article_id for a in loaded.articles}
    all_articles = loaded.articles + [a for a in uploaded_articles if a.article_id not in folder_ids]
    report = BuildReport(index_dir=root, skipped=loaded.skipped)
    old = None if rebuild else _previous(root, embedder, config)
    old_hashes = old.manifest.articles if old else {}
    new_ids = {a.article_id for a in all_articles}
    report.removed = sorted(set(old_hashes) - new_ids)

    reuse: dict[str, list[int]] = {}
    if old is not None:
        for row, chunk in enumerate(old.chunks):
            reuse.setdefault(chunk.article_id, []).append(row)

    chunks: list[Chunk] = []
    vector_parts: list[np.ndarray] = []
    to_embed: list[Chunk] = []
    for article in all_articles:
        previous = old_hashes.get(article.article_id)
        if old is not None and previous == article.content_hash:
            report.unchanged.append(article.article_id)
            rows = reuse.get(article.article_id, [])
            chunks.extend(old.chunks[r] for r in rows)
            vector_parts.append(old.vectors[rows])
            continue
        (report.updated if previous else report.added).append(article.article_id)
        to_embed.extend(chunk_article(article, config))
    if old is not None and report.noop and not rebuild:
        report.n_chunks = len(old.chunks)
        report.faiss_type = old.manifest.faiss_type
        report.seconds = time.perf_counter() - started
        return report

    batch = 64
    new_vectors = []
    for i in range(0, len(to_embed), batch):
        new_vectors.append(embedder.encode([c.text for c in to_embed[i : i + batch]]))
        if progress:
            progress(min(i + batch, len(to_embed)), len(to_embed))
    if new_vectors:
        vector_parts.append(np.concatenate(new_vectors))
    chunks.extend(to_embed)
    report.embedded_chunks = len(to_embed)
    vectors = (
        np.concatenate(vector_parts).astype(np.float32)
        if vector_parts
        else np.zeros((0, embedder.dimension), dtype=np.float32)
    )
    report.n_chunks = len(chunks)
    report.faiss_type = choose_faiss_type(len(chunks), flat_max)

    _write_generation(
        root,
        all_articles,
        chunks,
        vectors,
        embedder_name=embedder.name,
        config=config,
        faiss_type=report.faiss_type,
        documents=[d for d in uploads.values() if d.document_id in new_ids],
    )
    report.seconds = time.perf_counter() - started
    return report


def _write_generation(
    root: Path,
    articles: list[Article],
    chunks: list[Chunk],
    vectors: np.ndarray,
    *,
    embedder_name: str,
    config: ChunkerConfig,
    faiss_type: str,
    documents: list[DocumentRecord],
    dense: faiss.Index | None = None,
) -> Path:
    """Write a complete generation beside the live one and publish it; a failure leaves the live one as it was."""
    store = IndexStore(root)
    staged = store.new_generation()
    try:
        _write_jsonl(staged / "articles.jsonl", articles)
        _write_jsonl(staged / "chunks.jsonl", chunks)
        _write_jsonl(staged / _DOCUMENTS, documents)
        np.save(staged / "vectors.npy", vectors)
        dense = dense if dense is not None else make_faiss_index(vectors, faiss_type)
        faiss.write_index(dense, str(staged / "faiss.index"))
        LexicalIndex.build([c.text for c in chunks]).save(staged / "bm25")
        manifest = Manifest(
            format_version=FORMAT_VERSION,
            embedding_model=embedder_name,
            embedding_dim=int(vectors.shape[1]),
            chunker=ChunkerManifest(
                chunk_tokens=config.chunk_tokens,
                overlap_sentences=config.overlap_sentences,
                cleaner_version=CLEANER_VERSION,
            ),
            faiss_type=faiss_type,
            n_articles=len(articles),
            n_chunks=len(chunks),
            articles={a.article_id: a.content_hash for a in articles},
            library_versions=_versions(),
            created_at=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        )
        # The manifest goes last: a generation without one is never published.
        (staged / "manifest.json").write_text(json.dumps(manifest.model_dump(), indent=2))
        return store.publish(staged)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise


def _uploaded(root: Path) -> tuple[dict[str, DocumentRecord], list[Article]]:
    """The live generation's uploaded documents and their articles, read without loading the vectors."""
    gen = IndexStore(root).current()
    if gen is None or not gen.is_dir():
        return {}, []
    try:
        documents = _read_documents(gen)
        if not documents:
            return {}, []
        articles = [Article.model_validate_json(line) for line in (gen / "articles.jsonl").open(encoding="utf-8")]
    except (OSError, ValidationError, ValueError) as exc:
        raise IndexCorruptError(f"the uploaded documents in {gen} are unreadable ({exc})") from exc
    return documents, [a for a in articles if a.article_id in documents]


@dataclass
class DocumentChange:
    """What ``add_document``/``remove_document`` did, and what each step cost."""

    document: DocumentRecord
    changed: bool  # False: the same content was already there, nothing was written
    generation: str = ""
    embed_s: float = 0.0
    write_s: float = 0.0
    n_chunks: int = 0  # chunks in the whole index afterwards


def list_documents(root: Path) -> list[DocumentRecord]:
    """The uploaded documents of the live generation, oldest first."""
    documents, _ = _uploaded(root)
    return sorted(documents.values(), key=lambda d: (d.added_at, d.document_id))


def add_document(
    root: Path,
    article: Article,
    record: DocumentRecord,
    embedder: TextEncoder,
    config: ChunkerConfig | None = None,
    *,
    flat_max: int = 50_000,
) -> DocumentChange:
    """Add one document to the live index as a new generation: only its chunks are embedded.

    The same content again is not an error: the existing record comes back with ``changed=False``.
    """
    config = config or ChunkerConfig()
    with writer_lock(root):
        old = load_index(root, embedding_model=embedder.name)
        if article.article_id in old.articles:
            existing = old.documents.get(article.article_id)
            if existing is None:
                raise IndexMismatchError(
                    f"document id {article.article_id!r} is already taken by an article of the folder"
                )
            return DocumentChange(existing, changed=False, generation=old.generation, n_chunks=len(old.chunks))
        started = time.perf_counter()
        new_chunks = chunk_article(article, config)
        new_vectors = embedder.encode([c.text for c in new_chunks]).astype(np.float32)
        embed_s = time.perf_counter() - started
        started = time.perf_counter()
        chunks = old.chunks + new_chunks
        vectors = np.concatenate([old.vectors, new_vectors]) if len(old.vectors) else new_vectors
        faiss_type = choose_faiss_type(len(chunks), flat_max)
        dense = None
        if faiss_type == old.manifest.faiss_type:
            # The live FAISS index plus the new vectors: no re-indexing of what is there.
            dense = faiss.clone_index(old.dense)
            dense.add(new_vectors)
        record = record.model_copy(update={"n_chunks": len(new_chunks), "chars": len(article.text)})
        gen = _write_generation(
            root,
            [*old.articles.values(), article],
            chunks,
            vectors,
            embedder_name=embedder.name,
            config=config,
            faiss_type=faiss_type,
            documents=[*old.documents.values(), record],
            dense=dense,
        )
        return DocumentChange(
            record,
            changed=True,
            generation=gen.name,
            embed_s=embed_s,
            write_s=time.perf_counter() - started,
            n_chunks=len(chunks),
        )


def remove_document(root: Path, document_id: str, embedding_model: str | None = None) -> DocumentChange | None:
    """Remove an uploaded document: its text, chunks, vectors and postings leave the index (None: no such one).

    The previous generation, which still held it, is deleted once the new one is live.
    """
    with writer_lock(root):
        old = load_index(root, embedding_model=embedding_model)
        record = old.documents.get(document_id)
        if record is None:
            return None
        started = time.perf_counter()
        keep = [row for row, chunk in enumerate(old.chunks) if chunk.article_id != document_id]
        chunks = [old.chunks[row] for row in keep]
        vectors = old.vectors[keep] if keep else np.zeros((0, old.manifest.embedding_dim), dtype=np.float32)
        config = ChunkerConfig(
            chunk_tokens=old.manifest.chunker.chunk_tokens, overlap_sentences=old.manifest.chunker.overlap_sentences
        )
        gen = _write_generation(
            root,
            [a for a in old.articles.values() if a.article_id != document_id],
            chunks,
            np.ascontiguousarray(vectors, dtype=np.float32),
            embedder_name=old.manifest.embedding_model,
            config=config,
            faiss_type=old.manifest.faiss_type,
            documents=[d for d in old.documents.values() if d.document_id != document_id],
        )
        return DocumentChange(
            record, changed=True, generation=gen.name, write_s=time.perf_counter() - started, n_chunks=len(chunks)
        )
