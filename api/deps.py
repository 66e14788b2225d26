"""Dependencies the routes declare: settings, the answering service, the loaded pipeline, the API key check."""

from __future__ import annotations

import asyncio
import hmac
from collections.abc import Awaitable
from typing import Annotated, Any, TypeVar, cast

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.types import Receive

from api.errors import ClientGoneError, UnauthorizedError
from api.service import AnswerService
from rag.pipeline import AnswerPipeline
from rag.settings import Settings

__all__ = [
    "ApiKeyDep",
    "PipelineDep",
    "ServiceDep",
    "SettingsDep",
    "require_api_key",
    "until_disconnected",
]

T = TypeVar("T")


def get_settings(request: Request) -> Settings:
    return cast(Settings, request.app.state.settings)


def get_service(request: Request) -> AnswerService:
    return cast(AnswerService, request.app.state.service)


SettingsDep = Annotated[Settings, Depends(get_settings)]
ServiceDep = Annotated[AnswerService, Depends(get_service)]


def get_pipeline(service: ServiceDep) -> AnswerPipeline:
    """The loaded pipeline; 503 while the index and model are loading."""
    return service.pipeline()


PipelineDep = Annotated[AnswerPipeline, Depends(get_pipeline)]

# auto_error=False: a missing header must give our 401 with its message, and only when a key is configured.
_bearer = HTTPBearer(auto_error=False, description="`Authorization: Bearer <RAG_API_KEY>` when the server has a key")


def require_api_key(
    settings: SettingsDep, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> None:
    """With RAG_API_KEY set, the request must carry it as a bearer token (compared in constant time)."""
    key = settings.api_key.get_secret_value() if settings.api_key is not None else ""
    if not key:
        return
    if credentials is None:
        raise UnauthorizedError("missing API key: send the header 'Authorization: Bearer <key>'")
    expected = key.encode()
    if not hmac.compare_digest(credentials.credentials.encode(), expected):
        raise UnauthorizedError("wrong API key")


ApiKeyDep = Depends(require_api_key)


async def until_disconnected(request: Request, work: Awaitable[T]) -> T:
    """Await ``work``, but cancel it (and so the model job) if the client closes the connection first."""
    task = asyncio.ensure_future(work)
    watcher = asyncio.ensure_future(_disconnected(request.receive))
    try:
        done, _ = await asyncio.wait([task, watcher], return_when=asyncio.FIRST_COMPLETED)
        if task in done:
            return task.result()
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)  # let its cleanup cancel the job
        raise ClientGoneError("the client closed the connection before the answer")
    finally:
        watcher.cancel()
        if not task.done():
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)


async def _disconnected(receive: Receive) -> None:
    # The body was read before the endpoint ran, so the next message can only be the disconnect.
    message: dict[str, Any] = dict(await receive())
    while message["type"] != "http.disconnect":
        message = dict(await receive())
