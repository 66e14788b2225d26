"""The FastAPI application: routes, middleware, error handlers, and the pipeline loaded in the background.

``create_app(settings, pipeline_factory=...)`` returns at once; its lifespan starts the model worker and builds
the pipeline on it, so ``/healthz`` answers immediately and ``/readyz`` is 503 until the pipeline is ready.
Tests pass a factory that returns a ready pipeline (e.g. one with a scripted generator).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from api.errors import install_error_handlers
from api.mcp_server import mount_mcp
from api.metrics import Metrics
from api.middleware import BodyLimitMiddleware, RequestContextMiddleware
from api.openapi import has_api_key, openapi_document
from api.routes import articles, ask, docs, documents, health, openai_compat, web
from api.service import AnswerService, PipelineFactory, default_pipeline_factory
from rag.settings import Settings, get_settings

__all__ = ["create_app"]

log = logging.getLogger(__name__)

DESCRIPTION = """Private, local question answering over news articles, with verified citations.

Ask with `POST /ask` (or `POST /ask/stream` for server-sent events). Each citation quotes the article text
returned by `GET /articles/{article_id}`, at `text[start:end]`. One answer is generated at a time: questions
wait in a bounded queue, and past it the service answers 429 with `Retry-After`. When the server has
`RAG_API_KEY`, every endpoint but `/healthz` and the web page's static files needs `Authorization: Bearer <key>`.
"""


def create_app(settings: Settings | None = None, pipeline_factory: PipelineFactory | None = None) -> FastAPI:
    """The HTTP service for ``settings`` (default: the environment's), answering with the factory's pipeline."""
    settings = settings or get_settings()
    metrics = Metrics()
    service = AnswerService(settings, pipeline_factory or default_pipeline_factory, metrics)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        service.start()
        try:
            yield
        finally:
            service.stop()

    app = FastAPI(
        title="newsrag",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        # Served by api.routes.docs instead: behind the API key, and without a CDN.
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.settings = settings
    app.state.service = service
    app.state.metrics = metrics

    install_error_handlers(app)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type", "X-Request-ID"],
            expose_headers=["X-Request-ID", "Retry-After"],
        )
    # Uploads get room for RAG_MAX_UPLOAD_FILES files of RAG_MAX_UPLOAD_BYTES each, plus the multipart framing.
    upload_limit = settings.max_upload_bytes * settings.max_upload_files + 1024 * 1024
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes, path_limits={"/documents": upload_limit})
    # Added last, so it is the outermost: every response, CORS preflights included, gets an id and a log line.
    app.add_middleware(RequestContextMiddleware, metrics=metrics, log_questions=settings.log_questions)

    for module in (ask, articles, documents, health, docs, web):
        app.include_router(module.router)
    app.include_router(openai_compat.router)
    mount_mcp(app, service)
    app.mount("/static", StaticFiles(directory=web.STATIC_DIR), name="static")
    app.mount(docs.DOCS_ASSETS_URL, StaticFiles(directory=docs.DOCS_ASSETS_DIR), name="docs-assets")

    # The document is built once, then adjusted to what this server does (api.openapi).
    app.openapi = partial(openapi_document, app, settings)  # type: ignore[method-assign]
    if settings.api_key is not None and not has_api_key(settings):
        log.warning("RAG_API_KEY is set but empty: the API is open to anyone who can reach it")
    return app
