"""The packages' re-exported surfaces: a change to them is a deliberate decision, made here too."""

from __future__ import annotations

import pytest

import index
import rag

pytestmark = pytest.mark.unit

RAG_SURFACE = {
    "ABSTAIN_MESSAGE",
    "Answer",
    "ChatMessage",
    "Citation",
    "GenerationError",
    "InvalidQuestionError",
    "ModelUnavailableError",
    "PromptCacheError",
    "RagError",
    "Settings",
    "Timings",
    "get_settings",
}

INDEX_SURFACE = {
    "DEFAULT_EMBEDDING_MODEL",
    "Article",
    "BuildReport",
    "Chunk",
    "ChunkerConfig",
    "DocumentStore",
    "Embedder",
    "EmbeddingModelError",
    "FileStore",
    "HybridRetriever",
    "IndexCorruptError",
    "IndexStoreError",
    "IndexMismatchError",
    "IndexNotFoundError",
    "LoadReport",
    "LoadedIndex",
    "Manifest",
    "MemoEncoder",
    "NoArticlesError",
    "RetrieverConfig",
    "SearchHit",
    "Sentence",
    "StoreChange",
    "StoreIndex",
    "StoreTimeoutError",
    "StoreUnavailableError",
    "StoreUnsupportedError",
    "TextEncoder",
    "build_index",
    "bundled_model_path",
    "chunk_article",
    "clean_text",
    "load_articles",
    "load_index",
    "split_sentences",
    # documents uploaded to the running service (issue 15)
    "DocumentChange",
    "DocumentRecord",
    "DocumentTooLargeError",
    "EmptyDocumentError",
    "ExtractLimits",
    "ExtractedDocument",
    "ExtractionError",
    "FormatMismatchError",
    "UnreadableDocumentError",
    "UnsupportedFormatError",
    "add_document",
    "extract_document",
    "list_documents",
    "remove_document",
}


@pytest.mark.parametrize(("package", "surface"), [(rag, RAG_SURFACE), (index, INDEX_SURFACE)])
def test_surface_is_what_it_says(package, surface: set[str]) -> None:
    assert set(package.__all__) == surface
    for name in package.__all__:
        assert getattr(package, name) is not None


def test_every_rag_error_is_a_rag_error() -> None:
    for name in (
        "GenerationError",
        "InvalidQuestionError",
        "ModelUnavailableError",
        "PromptCacheError",
    ):
        assert issubclass(getattr(rag, name), rag.RagError)
