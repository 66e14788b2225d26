"""From a folder of articles to a persisted FAISS + BM25 index (or a PostgreSQL store), and hybrid search over it.

This package knows nothing of answering questions; ``rag`` builds on it.
"""

from index._exceptions import (
    IndexCorruptError,
    IndexMismatchError,
    IndexNotFoundError,
    IndexStoreError,
    NoArticlesError,
    StoreTimeoutError,
    StoreUnavailableError,
    StoreUnsupportedError,
)
from index.backend import DocumentStore, FileStore, StoreChange, StoreIndex
from index.chunking import ChunkerConfig, chunk_article, split_sentences
from index.cleaning import clean_text
from index.embedding import (
    DEFAULT_EMBEDDING_MODEL,
    Embedder,
    EmbeddingModelError,
    MemoEncoder,
    TextEncoder,
    bundled_model_path,
)
from index.extract import (
    DocumentTooLargeError,
    EmptyDocumentError,
    ExtractedDocument,
    ExtractionError,
    ExtractLimits,
    FormatMismatchError,
    UnreadableDocumentError,
    UnsupportedFormatError,
    extract_document,
)
from index.loader import LoadReport, load_articles
from index.models import Article, Chunk, SearchHit, Sentence
from index.retriever import HybridRetriever, RetrieverConfig
from index.store import (
    BuildReport,
    DocumentChange,
    DocumentRecord,
    LoadedIndex,
    Manifest,
    add_document,
    build_index,
    list_documents,
    load_index,
    remove_document,
)

__all__ = [
    "DEFAULT_EMBEDDING_MODEL",
    "Article",
    "BuildReport",
    "Chunk",
    "ChunkerConfig",
    "DocumentChange",
    "DocumentRecord",
    "DocumentStore",
    "DocumentTooLargeError",
    "Embedder",
    "EmbeddingModelError",
    "EmptyDocumentError",
    "ExtractLimits",
    "ExtractedDocument",
    "ExtractionError",
    "FileStore",
    "FormatMismatchError",
    "HybridRetriever",
    "IndexCorruptError",
    "IndexMismatchError",
    "IndexNotFoundError",
    "IndexStoreError",
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
    "UnreadableDocumentError",
    "UnsupportedFormatError",
    "add_document",
    "build_index",
    "bundled_model_path",
    "chunk_article",
    "clean_text",
    "extract_document",
    "list_documents",
    "load_articles",
    "load_index",
    "remove_document",
    "split_sentences",
]
