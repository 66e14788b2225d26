"""Exceptions raised by the index package.

Tree::

    IndexStoreError (base)
    ├── IndexNotFoundError      no index at the given directory
    ├── IndexCorruptError       files missing or unreadable
    ├── IndexMismatchError      built with another embedding model or format version
    ├── NoArticlesError         the articles folder holds nothing indexable
    ├── StoreUnavailableError   the shared database cannot be reached (down, refused, dropped connection)
    │   └── StoreTimeoutError   the database did not answer within the statement timeout
    └── StoreUnsupportedError   the store cannot do this operation (e.g. live edits of the file index)
"""

from __future__ import annotations

__all__ = [
    "IndexCorruptError",
    "IndexMismatchError",
    "IndexNotFoundError",
    "IndexStoreError",
    "NoArticlesError",
    "StoreTimeoutError",
    "StoreUnavailableError",
    "StoreUnsupportedError",
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


class StoreUnavailableError(IndexStoreError):
    """The shared database is down, unreachable or dropped the connection; retrying later may succeed."""


class StoreTimeoutError(StoreUnavailableError):
    """The database did not answer within the configured statement timeout."""


class StoreUnsupportedError(IndexStoreError):
    """The configured store cannot perform this operation."""
