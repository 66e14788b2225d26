"""Exceptions raised by the index package.

Tree::

    IndexStoreError (base)
    ├── IndexNotFoundError      no index at the given directory
    ├── IndexCorruptError       files missing or unreadable
    ├── IndexMismatchError      built with another embedding model or format version
    └── NoArticlesError         the articles folder holds nothing indexable
"""

from __future__ import annotations

__all__ = [
    "IndexCorruptError",
    "IndexMismatchError",
    "IndexNotFoundError",
    "IndexStoreError",
    "NoArticlesError",
]


class IndexStoreError(Exception):
    """Base class of every error the index package raises."""


class IndexNotFoundError(IndexStoreError):
    """No index exists at the given directory."""


class IndexCorruptError(IndexStoreError):
    """The index on disk is incomplete or unreadable."""


class IndexMismatchError(IndexStoreError):
    """The index was built with a different embedding model or format; it must be rebuilt."""


class NoArticlesError(IndexStoreError):
    """The articles folder has no readable article."""
