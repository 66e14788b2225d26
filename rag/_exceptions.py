"""Exceptions raised by the rag package; the edges (CLI, HTTP) turn each into one clear message.

Tree::

    RagError
    ├── ModelUnavailableError    generator weights missing, bad hash, backend not installed
    ├── GenerationError          the backend failed while generating
    ├── InvalidQuestionError     empty or over-long question, bad history
    └── PromptCacheError         the saved corpus prompt cache cannot be used (missing, stale, corrupt);
                                 caught where it is loaded: rebuilt, or retrieval mode with a logged reason

Index problems keep their own tree (``index.IndexStoreError``); the HTTP service's own (a full queue,
not ready, timeouts) live in ``api``.
"""

from __future__ import annotations

__all__ = [
    "GenerationError",
    "InvalidQuestionError",
    "ModelUnavailableError",
    "PromptCacheError",
    "RagError",
]


class RagError(Exception):
    """Base class of the rag package's errors."""


class ModelUnavailableError(RagError):
    """The generator cannot be loaded; the message says what to install or set."""


class GenerationError(RagError):
    """The generator failed mid-answer."""


class InvalidQuestionError(RagError, ValueError):
    """The question or chat history is not acceptable."""


class PromptCacheError(RagError):
    """The saved prompt cache is missing, stale (a key changed) or corrupt; the message says which."""
