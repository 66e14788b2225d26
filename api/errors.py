"""Every failure becomes one JSON body with a sentence that says what was wrong, at the edge.

The packages raise specific exceptions (``rag.RagError``, ``index.IndexStoreError``) and so does the service
(``ApiError``); ``describe`` maps each to a status code and a message, for the exception handlers and for the
``error`` event of a stream alike. Nothing here ever sends a stack trace to a client.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from api.context import request_id
from api.schemas import ErrorResponse, FieldError
from api.worker import QueueFullError, ServiceBusyError
from index import (
    DocumentTooLargeError,
    ExtractionError,
    FormatMismatchError,
    IndexStoreError,
    UnsupportedFormatError,
)
from rag import GenerationError, InvalidQuestionError, ModelUnavailableError, RagError

__all__ = [
    "AnswerTimeoutError",
    "ApiError",
    "ArticleNotFoundError",
    "ClientGoneError",
    "DocumentNotFoundError",
    "NotReadyError",
    "UnauthorizedError",
    "UploadsDisabledError",
    "describe",
    "error_responses",
    "install_error_handlers",
]

NOT_READY_RETRY_S = 5


class ApiError(Exception):
    """An error the service itself decides on, with its status code and headers."""

    status_code = 500

    def __init__(self, detail: str, *, headers: Mapping[str, str] | None = None):
        super().__init__(detail)
        self.detail = detail
        self.headers = dict(headers or {})


class UnauthorizedError(ApiError):
    status_code = 401

    def __init__(self, detail: str):
        super().__init__(detail, headers={"WWW-Authenticate": "Bearer"})


class ArticleNotFoundError(ApiError):
    status_code = 404


class DocumentNotFoundError(ApiError):
    status_code = 404


class UploadsDisabledError(ApiError):
    """The service answers from an index other than RAG_INDEX_DIR's (made in memory): it cannot follow writes."""

    status_code = 409


class NotReadyError(ApiError):
    status_code = 503

    def __init__(self, detail: str):
        super().__init__(detail, headers={"Retry-After": str(NOT_READY_RETRY_S)})


class AnswerTimeoutError(ApiError):
    status_code = 504


class ClientGoneError(ApiError):
    """The client closed the connection before the answer; nobody reads this response (nginx's 499)."""

    status_code = 499


# A document the service cannot take: too large 413, a type it does not read 415, the rest (a lying name,
# damaged, encrypted, empty) 422. Each message names the file.
_EXTRACTION_STATUS: dict[type[ExtractionError], int] = {
    DocumentTooLargeError: 413,
    UnsupportedFormatError: 415,
    FormatMismatchError: 422,
}


def describe(exc: BaseException) -> tuple[int, str, dict[str, str]]:
    """Status code, message and headers for an exception raised while answering."""
    if isinstance(exc, ApiError):
        return exc.status_code, exc.detail, exc.headers
    if isinstance(exc, QueueFullError):
        return 429, str(exc), {"Retry-After": str(exc.retry_after)}
    if isinstance(exc, ServiceBusyError):
        return 503, str(exc), {"Retry-After": str(NOT_READY_RETRY_S)}
    if isinstance(exc, InvalidQuestionError):
        return 422, f"invalid question: {exc}", {}
    if isinstance(exc, ModelUnavailableError):
        return 503, f"the model is unavailable: {exc}", {}
    if isinstance(exc, GenerationError):
        return 500, f"the model failed while answering: {exc}", {}
    if isinstance(exc, ExtractionError):
        return _EXTRACTION_STATUS.get(type(exc), 422), str(exc), {}
    if isinstance(exc, IndexStoreError):
        return 503, f"index problem: {exc}", {}
    if isinstance(exc, RagError):
        return 500, f"could not answer: {exc}", {}
    return 500, "internal error: the server could not answer; the log has the details", {}


def error_body(request: Request, detail: str, errors: Sequence[FieldError] | None = None) -> dict[str, Any]:
    body = ErrorResponse(detail=detail, request_id=request_id(request.scope), errors=list(errors) if errors else None)
    return body.model_dump(exclude_none=True)


def _json_error(
    request: Request,
    status: int,
    detail: str,
    headers: Mapping[str, str] | None = None,
    errors: Sequence[FieldError] | None = None,
) -> JSONResponse:
    return JSONResponse(error_body(request, detail, errors), status_code=status, headers=dict(headers or {}))


def _loc(parts: Sequence[Any]) -> str:
    return ".".join(str(p) for p in parts) or "body"


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = []
    for err in exc.errors():
        loc, msg = _loc(err.get("loc", ())), str(err.get("msg", "invalid"))
        if err.get("type") == "json_invalid":
            # FastAPI puts the character position in the loc; say it in words instead.
            position = err.get("loc", ("body", "?"))[-1]
            loc, msg = "body", f"malformed JSON at character {position}: {err.get('ctx', {}).get('error', '')}"
        errors.append(FieldError(loc=loc, msg=msg))
    summary = "; ".join(f"{e.loc}: {e.msg}" for e in errors[:5]) + ("; …" if len(errors) > 5 else "")
    return _json_error(request, 422, f"invalid request: {summary}", errors=errors)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = str(exc.detail)
    if exc.status_code == 400 and detail == "There was an error parsing the body":
        # FastAPI's word for a body that is not even text (e.g. not UTF-8): to a client, malformed JSON.
        reason = f": {exc.__cause__}" if exc.__cause__ else ""
        msg = f"malformed JSON{reason}"
        return _json_error(request, 422, f"invalid request: body: {msg}", errors=[FieldError(loc="body", msg=msg)])
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"no such endpoint: {request.url.path}"
    elif exc.status_code == 405:
        detail = f"method {request.method} is not allowed on {request.url.path}"
        # Starlette's Allow names the first route of the path only; /documents has GET and POST on two.
        return _json_error(request, 405, detail, {**(exc.headers or {}), "Allow": _allowed(request)})
    return _json_error(request, exc.status_code, detail, exc.headers)


def _allowed(request: Request) -> str:
    methods: set[str] = set()
    for route in request.app.router.routes:
        match, _ = route.matches(request.scope)  # PARTIAL: the path matches, the method does not
        if match is not Match.NONE:
            methods |= set(getattr(route, "methods", None) or ())
    return ", ".join(sorted(methods))


async def _known_error(request: Request, exc: Exception) -> JSONResponse:
    status, detail, headers = describe(exc)
    return _json_error(request, status, detail, headers)


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers that turn each known exception into one clear JSON body."""
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    for exc_type in (ApiError, ServiceBusyError, RagError, IndexStoreError):
        app.add_exception_handler(exc_type, _known_error)


_DESCRIPTIONS = {
    401: "Missing or wrong API key (only when RAG_API_KEY is set)",
    404: "No such article",
    409: "Uploads are off: the service does not serve the index at RAG_INDEX_DIR",
    413: "Request body over RAG_MAX_BODY_BYTES (a document over RAG_MAX_UPLOAD_BYTES)",
    415: "A file of a type the service does not read (PDF, DOCX, HTML, Markdown, text)",
    422: "Invalid request: the message names each invalid field",
    429: "The queue in front of the model is full; see Retry-After",
    500: "The model failed while answering",
    503: "The index and model are still loading, or could not be loaded; see Retry-After",
    504: "No answer within RAG_REQUEST_TIMEOUT_S",
}


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the error codes an operation can answer with."""
    return {code: {"model": ErrorResponse, "description": _DESCRIPTIONS[code]} for code in codes}
