"""Exceptions raised by the index package.

Tree::

    IndexError_ (base, named to avoid shadowing the builtin)
    ├── IndexNotFoundError      no index at the given directory
    ├── IndexCorruptError       files missing or unreadable
    ├── IndexMismatchError      built with another embedding model or format version
    └── NoArticlesError         the articles folder holds nothing indexable
"""

from __future__ import annotations

__all__ = [
    "IndexCorruptError",
    "IndexError_",
    "IndexMismatchError",
    "IndexNotFoundError",
    "NoArticlesError",
]


class IndexError_(Exception):
    """Base class of every error the index package raises."""


class IndexNotFoundError(IndexError_):
    """No index exists at the given directory."""


class IndexCorruptError(IndexError_):
    """The index on disk is incomplete or unreadable."""


class IndexMismatchError(IndexError_):
    """The index was built with a different embedding model or format; it must be rebuilt."""


class NoArticlesError(IndexError_):
    """The articles folder has no readable article."""
