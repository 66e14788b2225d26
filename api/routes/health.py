"""Liveness, readiness and Prometheus metrics."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse, PlainTextResponse

from api.deps import ApiKeyDep, ServiceDep
from api.errors import NOT_READY_RETRY_S, error_responses
from api.metrics import CONTENT_TYPE, Metrics
from api.schemas import HealthResponse, ReadyResponse
from index import IndexStoreError

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=HealthResponse, summary="The process is alive")
async def healthz() -> HealthResponse:
    """Always 200 while the process serves requests; needs no API key."""
    return HealthResponse()


@router.get(
    "/readyz",
    response_model=ReadyResponse,
    dependencies=[ApiKeyDep],
    responses={503: {"model": ReadyResponse, "description": "Loading, or loading failed"}, **error_responses(401)},
    summary="The index and model are loaded",
)
async def readyz(service: ServiceDep) -> ReadyResponse | JSONResponse:
    """200 with the model name and context mode once questions can be answered; 503 until then."""
    if service.state != "ready":
        body = ReadyResponse(status=service.state, detail=service.error)
        headers = {"Retry-After": str(NOT_READY_RETRY_S)} if service.state == "loading" else {}
        return JSONResponse(body.model_dump(), status_code=503, headers=headers)
    pipeline = service.pipeline()
    try:
        # A shared database can go away after loading: then no question can be answered until it returns.
        chunks = len(pipeline.index.chunks)
    except IndexStoreError as exc:
        body = ReadyResponse(status="unavailable", model=pipeline.model_name, detail=str(exc))
        return JSONResponse(body.model_dump(), status_code=503, headers={"Retry-After": str(NOT_READY_RETRY_S)})
    return ReadyResponse(
        status="ready",
        model=pipeline.model_name,
        context_mode=pipeline.context_mode,
        context_mode_reason=pipeline.mode_reason,
        articles=len(pipeline.index.articles),
        chunks=chunks,
    )


@router.get(
    "/metrics",
    response_class=PlainTextResponse,
    dependencies=[ApiKeyDep],
    responses=error_responses(401),
    summary="Prometheus metrics",
)
async def metrics(request: Request) -> Response:
    registry: Metrics = request.app.state.metrics
    return Response(registry.render(), media_type=CONTENT_TYPE)
