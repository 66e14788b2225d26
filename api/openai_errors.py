"""Errors of the OpenAI-compatible endpoints, in OpenAI's shape: ``{"error": {message, type, param, code}}``.

The rest of the service answers ``{"detail": ...}``; an OpenAI SDK reads ``error.message`` and raises its usual
exception (``AuthenticationError``, ``BadRequestError``, ``RateLimitError``…) for these. ``OpenAIRoute``
converts whatever a /v1 route raises — validation, the API key check, the service's own errors — using the
same ``describe`` as everywhere else, so the status codes and messages agree with ``/ask``.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Mapping
from typing import Any

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.context import request_id
from api.errors import ApiError, describe
from api.openai_schemas import OpenAIError, OpenAIErrorResponse
from api.worker import ServiceBusyError
from index import IndexStoreError
from rag import RagError

__all__ = ["ChatRequestError", "ModelNotFoundError", "OpenAIRoute", "openai_error_responses"]


class ChatRequestError(ApiError):
    """A request the schema allows but this service cannot answer (e.g. the last message is not the user's)."""

    status_code = 400

    def __init__(self, detail: str, *, param: str | None = None, code: str | None = None):
        super().__init__(detail)
        self.param = param
        self.code = code


class ModelNotFoundError(ChatRequestError):
    status_code = 404

    def __init__(self, detail: str):
        super().__init__(detail, param="model", code="model_not_found")


# OpenAI never answers 422: a malformed body is a 400 invalid_request_error there, and SDKs expect that.
_STATUS = {422: 400}
_TYPES = {
    401: ("invalid_request_error", "invalid_api_key"),
    413: ("invalid_request_error", "request_too_large"),
    429: ("rate_limit_error", "rate_limit_exceeded"),
    499: ("invalid_request_error", "client_closed_request"),
    503: ("server_error", "service_unavailable"),
    504: ("server_error", "timeout"),
}


def openai_error(
    request: Request,
    status: int,
    message: str,
    *,
    param: str | None = None,
    code: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    status = _STATUS.get(status, status)
    kind, default_code = _TYPES.get(status, ("server_error" if status >= 500 else "invalid_request_error", None))
    body = OpenAIErrorResponse(error=OpenAIError(message=message, type=kind, param=param, code=code or default_code))
    out_headers = dict(headers or {})
    rid = request_id(request.scope)
    if rid:
        out_headers.setdefault("X-Request-ID", rid)
    return JSONResponse(body.model_dump(), status_code=status, headers=out_headers)


def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = list(exc.errors())
    parts, param = [], None
    for err in errors[:5]:
        loc = [str(p) for p in err.get("loc", ()) if p != "body"]
        where = ".".join(loc) or "body"
        param = param or where
        msg = str(err.get("msg", "invalid"))
        if err.get("type") == "json_invalid":
            where, msg = "body", "malformed JSON"
        parts.append(f"{where}: {msg}")
    more = "; …" if len(errors) > 5 else ""
    return openai_error(request, 400, "invalid request: " + "; ".join(parts) + more, param=param)


def _convert(request: Request, exc: Exception) -> JSONResponse:
    if isinstance(exc, RequestValidationError):
        return _validation(request, exc)
    if isinstance(exc, StarletteHTTPException):
        detail = str(exc.detail)
        if exc.status_code == 400:  # a body that is not even text: to a client, malformed JSON
            detail = "invalid request: body: malformed JSON"
        return openai_error(request, exc.status_code, detail, headers=exc.headers)
    status, detail, headers = describe(exc)
    param = exc.param if isinstance(exc, ChatRequestError) else None
    code = exc.code if isinstance(exc, ChatRequestError) else None
    return openai_error(request, status, detail, param=param, code=code, headers=headers)


_HANDLED = (RequestValidationError, StarletteHTTPException, ApiError, ServiceBusyError, RagError, IndexStoreError)


class OpenAIRoute(APIRoute):
    """A route whose every error, raised by the endpoint or by request parsing, is answered in OpenAI's shape."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def handle(request: Request) -> Response:
            try:
                return await handler(request)
            except _HANDLED as exc:
                return _convert(request, exc)

        return handle


_DESCRIPTIONS = {
    400: "Invalid request (malformed body, the last message not the user's, a question over the limit)",
    401: "Missing or wrong API key (only when RAG_API_KEY is set)",
    404: "No such model: see GET /v1/models",
    413: "Request body over RAG_MAX_BODY_BYTES",
    429: "The queue in front of the model is full; see Retry-After",
    500: "The model failed while answering",
    503: "The index and model are still loading, or could not be loaded; see Retry-After",
    504: "No answer within RAG_REQUEST_TIMEOUT_S",
}


def openai_error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {code: {"model": OpenAIErrorResponse, "description": _DESCRIPTIONS[code]} for code in codes}
