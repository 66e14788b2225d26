"""Build the long-lived components (embedder, index, retriever) from one ``Settings``."""

from __future__ import annotations

import logging
from collections.abc import Callable

from index import (
    DEFAULT_EMBEDDING_MODEL,
    BuildReport,
    ChunkerConfig,
    Embedder,
    HybridRetriever,
    IndexNotFoundError,
    LoadedIndex,
    RetrieverConfig,
    build_index,
    load_index,
)
from rag.settings import Settings

__all__ = ["build", "make_embedder", "make_retriever", "open_index"]

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int], None]


def make_embedder(settings: Settings) -> Embedder:
    """The configured embedding model (the bundled one unless a path is set)."""
    if settings.embedding_model_path is not None:
        return Embedder(settings.embedding_model_path, name=str(settings.embedding_model_path))
    return Embedder(name=DEFAULT_EMBEDDING_MODEL)


def build(
    settings: Settings, embedder: Embedder, *, rebuild: bool = False, progress: ProgressFn | None = None
) -> BuildReport:
    """Build or update the index the settings point at."""
    return build_index(
        settings.articles_dir,
        settings.index_dir,
        embedder,
        ChunkerConfig(chunk_tokens=settings.chunk_tokens, overlap_sentences=settings.chunk_overlap_sentences),
        rebuild=rebuild,
        flat_max=settings.faiss_flat_max,
        progress=progress,
    )


def open_index(
    settings: Settings,
    embedder: Embedder,
    *,
    build_if_missing: bool = False,
    progress: ProgressFn | None = None,
) -> LoadedIndex:
    """Load the index; with ``build_if_missing`` a missing one is built first."""
    try:
        return load_index(settings.index_dir, embedding_model=embedder.name)
    except IndexNotFoundError:
        if not build_if_missing:
            raise
        log.info("no index at %s yet: building it from %s", settings.index_dir, settings.articles_dir)
        build(settings, embedder, progress=progress)
        return load_index(settings.index_dir, embedding_model=embedder.name)


def make_retriever(settings: Settings, index: LoadedIndex, embedder: Embedder) -> HybridRetriever:
    """A hybrid retriever configured from settings."""
    return HybridRetriever(
        index,
        embedder,
        RetrieverConfig(
            candidates=settings.retrieval_candidates,
            rrf_k=settings.rrf_k,
            mmr_lambda=settings.mmr_lambda,
            max_per_article=settings.max_per_article,
            dense=settings.retrieval_dense,
            lexical=settings.retrieval_lexical,
        ),
    )
