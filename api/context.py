"""Per-request facts kept in the ASGI scope: the request id, and fields for the request's log line."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

__all__ = ["LOG_FIELDS_KEY", "REQUEST_ID_KEY", "log_field", "request_id"]

REQUEST_ID_KEY = "newsrag.request_id"
LOG_FIELDS_KEY = "newsrag.log_fields"


def request_id(scope: MutableMapping[str, Any]) -> str | None:
    """The id the middleware gave this request (also sent back as ``X-Request-ID``)."""
    value = scope.get(REQUEST_ID_KEY)
    return value if isinstance(value, str) else None


def log_field(scope: MutableMapping[str, Any], name: str, value: object) -> None:
    """Add ``name`` to this request's log line (the middleware decides what may be written)."""
    fields = scope.setdefault(LOG_FIELDS_KEY, {})
    fields[name] = value
