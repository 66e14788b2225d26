"""From a folder of articles to a persisted FAISS + BM25 index (or a PostgreSQL store), and hybrid search over it.

This package knows nothing of answering questions; ``rag`` builds on it.
"""

from index._exceptions import (
    IndexCorruptError,
    IndexError_,
    IndexMismatchError,
    IndexNotFoundError,
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
    TextEncoder,
    bundled_model_path,
)
from index.loader import LoadReport, load_articles
from index.models import Article, Chunk, SearchHit, Sentence
from index.retriever import HybridRetriever, RetrieverConfig
from index.store import BuildReport, LoadedIndex, Manifest, build_index, load_index

__all__ = [
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
    "IndexError_",
    "IndexMismatchError",
    "IndexNotFoundError",
    "LoadReport",
    "LoadedIndex",
    "Manifest",
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
]
