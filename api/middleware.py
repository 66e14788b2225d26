"""The outermost layer of every request: its id, its one log line, its metrics, and the last-resort 500.

Plain ASGI rather than ``BaseHTTPMiddleware``, which would buffer the event stream of ``/ask/stream`` and hide
client disconnects from it.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from typing import Any

from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.context import LOG_FIELDS_KEY, REQUEST_ID_KEY, request_id
from api.logs import ACCESS_LOGGER
from api.metrics import Metrics

__all__ = ["BodyLimitMiddleware", "RequestBodyTooLargeError", "RequestContextMiddleware"]

access_log = logging.getLogger(ACCESS_LOGGER)
log = logging.getLogger(__name__)

# A client may pass its own id for tracing; anything else (too long, odd characters) could forge log lines.
_CLIENT_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")
# Fields a route may add that can carry the user's words; written only with RAG_LOG_QUESTIONS=true.
_PRIVATE_FIELDS = frozenset({"question"})


class RequestContextMiddleware:
    """Gives each request an id (``X-Request-ID``), logs one JSON line and counts it when it ends."""

    def __init__(self, app: ASGIApp, *, metrics: Metrics, log_questions: bool = False):
        self.app = app
        self.metrics = metrics
        self.log_questions = log_questions

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = Headers(scope=scope).get("x-request-id", "")
        rid = incoming if _CLIENT_ID.fullmatch(incoming) else uuid.uuid4().hex
        scope[REQUEST_ID_KEY] = rid
        fields: dict[str, Any] = scope.setdefault(LOG_FIELDS_KEY, {})
        status: int | None = None
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                MutableHeaders(scope=message).append("X-Request-ID", rid)
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception:  # the edge: whatever escaped every handler is logged here and answered as one JSON line
            log.exception("unhandled error in request %s", rid)
            if status is None:
                body = {"detail": "internal error: the server could not answer; the log has the details"}
                await JSONResponse({**body, "request_id": rid}, status_code=500)(scope, receive, send_with_id)
        finally:
            self._record(scope, rid, status, time.perf_counter() - started, fields)

    def _record(self, scope: Scope, rid: str, status: int | None, seconds: float, fields: dict[str, Any]) -> None:
        route = _route_template(scope)
        method = scope["method"]
        code = status if status is not None else 499  # no response started: the client went away first
        self.metrics.requests.labels(method, route, str(code)).inc()
        self.metrics.request_seconds.labels(method, route).observe(seconds)
        line: dict[str, Any] = {
            "request_id": rid,
            "method": method,
            "path": scope["path"],
            "status": code,
            "duration_ms": round(seconds * 1000, 1),
        }
        line.update({k: v for k, v in fields.items() if self.log_questions or k not in _PRIVATE_FIELDS})
        access_log.info("request", extra={"fields": line})


def _route_template(scope: Scope) -> str:
    """``/articles/{article_id}`` rather than each id, so metrics stay a bounded set of series."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) and path else "unmatched"


class RequestBodyTooLargeError(HTTPException):
    """Raised from ``receive`` once a body passes the limit; an HTTPException, so FastAPI passes it on as is."""

    def __init__(self, limit: int):
        super().__init__(413, f"the request body is too large: the limit is {limit} bytes")


class BodyLimitMiddleware:
    """Refuses bodies over ``max_bytes`` with 413: by Content-Length before reading any of it, and a body
    without one (chunked) as soon as what arrived passes the limit."""

    def __init__(self, app: ASGIApp, *, max_bytes: int, path_limits: dict[str, int] | None = None):
        self.app = app
        self.max_bytes = max_bytes
        self.path_limits = path_limits or {}  # paths that take larger bodies (uploads)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.path_limits.get(scope["path"], self.max_bytes)
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await self._refuse(scope, receive, send, limit)
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise RequestBodyTooLargeError(limit)
            return message

        async def watch_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, watch_send)
        except RequestBodyTooLargeError:
            if started:
                raise
            await self._refuse(scope, receive, send, limit)  # a route that read the body outside FastAPI's handling

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        body = {"detail": f"the request body is too large: the limit is {limit} bytes"}
        rid = request_id(scope)
        await JSONResponse({**body, "request_id": rid} if rid else body, status_code=413)(scope, receive, send)
