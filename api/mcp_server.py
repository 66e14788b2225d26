"""The Model Context Protocol face: tools ``ask``, ``search``, ``get_article`` and ``list_articles``.

Built with the official ``mcp`` SDK over the same ``AnswerService`` as the HTTP routes, so a question from an
agent waits in the same queue, under the same deadline, as one from ``/ask``. Two transports:

- stdio (``rag mcp``, ``serve_stdio``): the process owns its service, started when the client connects;
- streamable HTTP at ``/mcp`` in the web service (``mount_mcp``), behind the same API key.

A bad argument (an empty question, ``k`` out of range, an unknown article) is a tool error the agent can read,
never a crash of the server.
"""

from __future__ import annotations

import asyncio
import hmac
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Annotated, Any, TypeVar

import anyio
from fastapi import FastAPI
from mcp.server import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.server.streamable_http_manager import StreamableHTTPASGIApp
from pydantic import BaseModel, Field
from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from api.errors import ApiError, describe
from api.metrics import Metrics
from api.schemas import ArticleDetail, ArticleList, ArticleSummary
from api.service import AnswerService, PipelineFactory, Question, default_pipeline_factory
from api.worker import ServiceBusyError
from index import IndexStoreError
from rag import RagError
from rag.models import Answer, ChatMessage
from rag.pipeline import AnswerPipeline
from rag.settings import Settings

__all__ = ["MCP_PATH", "Passage", "SearchResults", "build_mcp", "mount_mcp", "serve_stdio"]

MCP_PATH = "/mcp"
MAX_K = 50
MAX_HISTORY_TURNS = 50
_POLL_S = 0.1

T = TypeVar("T")

INSTRUCTIONS = (
    "Questions about a collection of news articles, answered by a local model. `ask` gives a verified answer "
    "whose every claim cites the exact sentence of an article that states it (or says the articles do not "
    "say); `search` finds passages; `get_article` returns an article's text, into which citations' "
    "start/end offsets index; `list_articles` lists what is indexed."
)


class Turn(BaseModel):
    """An earlier turn of the conversation."""

    role: Annotated[str, Field(pattern="^(user|assistant)$")]
    content: Annotated[str, Field(max_length=20_000)]


class Passage(BaseModel):
    """A retrieved passage: ``get_article(article_id).text[start:end] == text``."""

    article_id: str
    chunk_id: str
    title: str
    date: str | None
    start: int
    end: int
    text: str
    score: float


class SearchResults(BaseModel):
    results: list[Passage]


def build_mcp(service: AnswerService, *, ready_wait_s: float = 0.0, stdio: bool = False) -> MCPServer[None]:
    """The MCP server with its four tools over ``service``.

    ``ready_wait_s``: how long a tool call waits for the index and model to load before it reports "still
    loading" (stdio: the client started the process just now and should not have to retry). ``stdio``: the
    server also starts and stops the service when a client connects and leaves.
    """

    async def guarded(work: Awaitable[T]) -> T:
        try:
            return await work
        except (ApiError, ServiceBusyError, RagError, IndexStoreError) as exc:
            raise ToolError(describe(exc)[1]) from exc

    async def ready() -> AnswerPipeline:
        deadline = time.monotonic() + ready_wait_s
        while service.state == "loading" and time.monotonic() < deadline:
            await asyncio.sleep(_POLL_S)
        return service.pipeline()  # NotReadyError (a tool error) while loading or after a failed load

    lifespan = None
    if stdio:

        @asynccontextmanager
        async def own_service(_server: MCPServer[None]) -> AsyncIterator[None]:
            service.start()
            try:
                yield
            finally:
                service.stop()

        lifespan = own_service

    server: MCPServer[None] = MCPServer("newsrag", instructions=INSTRUCTIONS, lifespan=lifespan)

    @server.tool()
    async def ask(
        question: Annotated[str, Field(min_length=1, description="a question about the articles, in plain language")],
        history: Annotated[
            list[Turn] | None,
            Field(max_length=MAX_HISTORY_TURNS, description="earlier turns, oldest first, for a follow-up"),
        ] = None,
    ) -> Answer:
        """Answer a question from the articles. Every claim in `answer` carries [n] markers whose citations quote
        the exact supporting sentence (with offsets into the article's text); when the articles do not state the
        answer, `answerable` is false and the answer says so."""
        if not question.strip():
            raise ToolError("the question is empty")
        turns = [
            ChatMessage(role="user" if t.role == "user" else "assistant", content=t.content) for t in history or ()
        ]

        async def answer() -> Answer:
            await ready()
            return await service.ask(Question(question, turns))

        return await guarded(answer())

    @server.tool()
    async def search(
        query: Annotated[str, Field(min_length=1, description="what to look for")],
        k: Annotated[int, Field(ge=1, le=MAX_K, description="how many passages")] = 5,
    ) -> SearchResults:
        """The passages hybrid retrieval (dense + BM25) ranks highest for `query`, with article, date and offsets."""
        if not query.strip():
            raise ToolError("the query is empty")

        async def find() -> SearchResults:
            pipeline = await ready()
            # Off the event loop, beside the model worker: a search takes milliseconds, not a place in its queue.
            hits = await anyio.to_thread.run_sync(lambda: pipeline.retriever.search(query, k=k))
            return SearchResults(
                results=[
                    Passage(
                        article_id=h.chunk.article_id,
                        chunk_id=h.chunk.chunk_id,
                        title=h.chunk.title,
                        date=h.chunk.date,
                        start=h.chunk.start,
                        end=h.chunk.end,
                        text=h.chunk.text,
                        score=h.score,
                    )
                    for h in hits
                ]
            )

        return await guarded(find())

    @server.tool()
    async def get_article(
        article_id: Annotated[str, Field(min_length=1, max_length=256, description="as in a citation or a passage")],
    ) -> ArticleDetail:
        """One article's cleaned text and metadata; citations' and passages' start/end offsets index into `text`."""
        pipeline = await guarded(ready())
        # Looked up among the loaded index's ids only: an id never reaches the file system.
        article = pipeline.index.articles.get(article_id)
        if article is None:
            raise ToolError(f"no article with id {article_id!r}; list_articles gives the ids")
        return ArticleDetail.of(article)

    @server.tool()
    async def list_articles(
        limit: Annotated[int, Field(ge=1, le=1000, description="articles per page")] = 100,
        offset: Annotated[int, Field(ge=0, description="articles to skip")] = 0,
    ) -> ArticleList:
        """The indexed articles (id, title, date), ordered by id, without their text."""
        pipeline = await guarded(ready())
        articles = sorted(pipeline.index.articles.values(), key=lambda a: a.article_id)
        page = [ArticleSummary.of(a) for a in articles[offset : offset + limit]]
        return ArticleList(total=len(articles), offset=offset, limit=limit, articles=page)

    return server


# -- stdio ------------------------------------------------------------------------------------------


def serve_stdio(settings: Settings, factory: PipelineFactory | None = None) -> None:
    """Serve the tools over stdin/stdout until the client closes them (``rag mcp``).

    The index and model load in the background once the client connects; a tool call waits for them up to
    RAG_REQUEST_TIMEOUT_S. Logs go to stderr: stdout is the protocol.
    """
    service = AnswerService(settings, factory or default_pipeline_factory, Metrics())
    server = build_mcp(service, ready_wait_s=settings.request_timeout_s, stdio=True)
    anyio.run(server.run_stdio_async)


# -- streamable HTTP, mounted in the web service -----------------------------------------------------


class _Endpoint:
    """The ASGI app at /mcp: checks the API key, then hands over to the SDK's session manager of this run."""

    def __init__(self, settings: Settings):
        key = settings.api_key.get_secret_value() if settings.api_key is not None else ""
        self._expected = f"Bearer {key}".encode() if key else None
        self.app: Callable[[Scope, Receive, Send], Awaitable[None]] | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self._expected is not None:
            given = Headers(scope=scope).get("authorization", "").encode()
            if not hmac.compare_digest(given, self._expected):
                detail = (
                    "missing API key: send the header 'Authorization: Bearer <key>'" if not given else "wrong API key"
                )
                response = JSONResponse({"detail": detail}, status_code=401, headers={"WWW-Authenticate": "Bearer"})
                await response(scope, receive, send)
                return
        if self.app is None:
            await JSONResponse({"detail": "the MCP endpoint is not running"}, status_code=503)(scope, receive, send)
            return
        await self.app(scope, receive, send)


def mount_mcp(app: FastAPI, service: AnswerService) -> None:
    """Serve the tools at ``/mcp`` (streamable HTTP, stateless) in ``app``, alongside its own lifespan.

    The SDK's session manager runs once per instance, and an app's lifespan may run more than once (tests),
    so each run gets a fresh one. On a loopback address the SDK also refuses requests whose Host or Origin
    is not loopback (DNS rebinding).
    """
    server = build_mcp(service)
    endpoint = _Endpoint(service.settings)
    app.router.routes.append(Route(MCP_PATH, endpoint, methods=["GET", "POST", "DELETE"], include_in_schema=False))
    outer: Callable[[Any], AbstractAsyncContextManager[Any]] = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(asgi_app: Any) -> AsyncIterator[Any]:
        async with outer(asgi_app) as state:
            server.streamable_http_app(
                streamable_http_path=MCP_PATH, stateless_http=True, json_response=True, host=service.settings.host
            )
            manager = server.session_manager
            async with manager.run():
                endpoint.app = StreamableHTTPASGIApp(manager)
                try:
                    yield state
                finally:
                    endpoint.app = None

    app.router.lifespan_context = lifespan
