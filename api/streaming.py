"""Server-sent events: the wire format, and a response that stops the model when the stream ends early."""

from __future__ import annotations

import json
from collections.abc import AsyncIterable, Callable

from starlette.responses import StreamingResponse
from starlette.types import Receive, Scope, Send

__all__ = ["EventStreamResponse", "sse_comment", "sse_event"]


def sse_event(event: str, data: object) -> bytes:
    """One event; ``data`` as one line of JSON (JSON escapes newlines, so it cannot break the framing)."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"event: {event}\ndata: {payload}\n\n".encode()


def sse_comment(text: str) -> bytes:
    return f": {text}\n\n".encode()


class EventStreamResponse(StreamingResponse):
    """``text/event-stream`` that runs ``on_close`` however the stream ends: finished, failed or disconnected.

    Starlette cancels the body iterator when the client disconnects; the iterator may then be left suspended
    rather than closed, so the stop signal for the model must not depend on its ``finally``.
    """

    media_type = "text/event-stream"

    def __init__(
        self, content: AsyncIterable[bytes], status_code: int = 200, *, on_close: Callable[[], None] | None = None
    ):
        # no-cache: never replay an answer; X-Accel-Buffering: a proxy must pass each token on at once.
        super().__init__(content, status_code, headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
        self._on_close = on_close

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            if self._on_close is not None:
                self._on_close()
