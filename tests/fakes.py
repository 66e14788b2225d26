"""Deterministic stand-ins for the real models, for unit tests of one part."""

from __future__ import annotations

import hashlib
import re

import numpy as np


class HashingEncoder:
    """Bag-of-words vectors hashed into a small space: same words, same direction."""

    name = "fake/hashing-encoder"

    def __init__(self, dim: int = 64):
        self._dim = dim
        self.calls: list[list[str]] = []

    @property
    def dimension(self) -> int:
        return self._dim

    def encode(self, texts: list[str], batch_size: int = 64, progress: bool = False) -> np.ndarray:
        self.calls.append(list(texts))
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                out[row, int(hashlib.md5(word.encode()).hexdigest(), 16) % self._dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms

    @property
    def embedded(self) -> int:
        return sum(len(c) for c in self.calls)
