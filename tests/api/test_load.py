"""One answer at a time: a bounded queue (429 past it), a deadline (504), and clients that leave stop the model.

These run a real uvicorn server on loopback, so disconnects are real socket closes.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from fastapi import FastAPI

from api.app import create_app
from rag.settings import Settings
from tests.api.conftest import QUESTION, PipelineMaker, SlowGenerator, live_server

pytestmark = pytest.mark.unit


def _app(
    fake_settings: Callable[..., Settings], make_pipeline: PipelineMaker, generator: SlowGenerator, **overrides: object
) -> FastAPI:
    settings = fake_settings(judge=False, **overrides)
    pipeline = make_pipeline(settings, generator)
    return create_app(settings, pipeline_factory=lambda _s: pipeline)


def _wait(event: threading.Event, what: str, timeout: float = 10) -> None:
    assert event.wait(timeout), f"timed out waiting for {what}"


def test_past_the_queue_requests_are_refused_at_once_with_retry_after(
    fake_settings: Callable[..., Settings], make_pipeline: PipelineMaker
) -> None:
    gate = threading.Event()
    generator = SlowGenerator(gate=gate)
    app = _app(fake_settings, make_pipeline, generator, queue_size=1)
    with (
        live_server(app) as server,
        httpx.Client(base_url=server.url, timeout=30) as http,
        ThreadPoolExecutor(2) as pool,
    ):
        running = pool.submit(http.post, "/ask", json={"question": QUESTION})
        _wait(generator.started, "the first answer to start")
        waiting = pool.submit(http.post, "/ask", json={"question": QUESTION})
        for _ in range(200):  # until the second one is in the queue
            if "newsrag_queue_depth 2.0" in http.get("/metrics").text:
                break
            time.sleep(0.01)
        started = time.perf_counter()
        refused = http.post("/ask", json={"question": QUESTION})
        refused_stream = http.post("/ask/stream", json={"question": QUESTION})
        assert time.perf_counter() - started < 2  # at once, not after the queue drained
        gate.set()
        assert running.result().status_code == 200
        assert waiting.result().status_code == 200
    for response in (refused, refused_stream):
        assert response.status_code == 429
        assert int(response.headers["Retry-After"]) >= 1
        assert "busy" in response.json()["detail"]


def test_a_slow_answer_times_out_with_504_and_the_model_stops(
    fake_settings: Callable[..., Settings], make_pipeline: PipelineMaker
) -> None:
    generator = SlowGenerator(delay=0.2)  # ~25 tokens: about 5 s
    app = _app(fake_settings, make_pipeline, generator, request_timeout_s=0.5)
    with live_server(app) as server, httpx.Client(base_url=server.url, timeout=30) as http:
        started = time.perf_counter()
        response = http.post("/ask", json={"question": QUESTION})
        assert response.status_code == 504
        assert time.perf_counter() - started < 2
        assert "no answer within 0.5 s" in response.json()["detail"]
        _wait(generator.stopped, "generation to stop")
        assert generator.tokens < 10


def test_a_question_that_waits_out_its_deadline_in_the_queue_is_504(
    fake_settings: Callable[..., Settings], make_pipeline: PipelineMaker
) -> None:
    gate = threading.Event()
    generator = SlowGenerator(gate=gate)
    app = _app(fake_settings, make_pipeline, generator, request_timeout_s=0.5)
    with (
        live_server(app) as server,
        httpx.Client(base_url=server.url, timeout=30) as http,
        ThreadPoolExecutor(1) as pool,
    ):
        first = pool.submit(http.post, "/ask", json={"question": QUESTION})
        _wait(generator.started, "the first answer to start")
        queued = http.post("/ask/stream", json={"question": QUESTION})
        gate.set()
        first.result()
    assert queued.status_code == 504
    assert "waited in the queue" in queued.json()["detail"]


def test_a_client_that_leaves_a_stream_stops_the_model(
    fake_settings: Callable[..., Settings], make_pipeline: PipelineMaker
) -> None:
    generator = SlowGenerator(delay=0.1)
    app = _app(fake_settings, make_pipeline, generator)
    with live_server(app) as server, httpx.Client(base_url=server.url, timeout=30) as http:
        with http.stream("POST", "/ask/stream", json={"question": QUESTION}) as response:
            assert response.status_code == 200
            for line in response.iter_lines():
                if line.startswith("event: token"):
                    break  # one token seen: hang up
        _wait(generator.stopped, "generation to stop after the disconnect")
        assert generator.tokens < 10
        # The worker is free again at once.
        fast = SlowGenerator()
        app.state.service.pipeline().generator = fast
        assert http.post("/ask", json={"question": QUESTION}).status_code == 200


def test_a_client_that_leaves_before_a_plain_answer_stops_the_model(
    fake_settings: Callable[..., Settings], make_pipeline: PipelineMaker
) -> None:
    generator = SlowGenerator(delay=0.1)
    app = _app(fake_settings, make_pipeline, generator)
    with live_server(app) as server:
        with pytest.raises(httpx.ReadTimeout), httpx.Client(base_url=server.url, timeout=0.5) as http:
            http.post("/ask", json={"question": QUESTION})
        _wait(generator.stopped, "generation to stop after the disconnect")
        assert generator.tokens < 15


def test_many_concurrent_clients_get_an_answer_or_a_clear_refusal(
    fake_settings: Callable[..., Settings], make_pipeline: PipelineMaker
) -> None:
    generator = SlowGenerator(delay=0.002)
    app = _app(fake_settings, make_pipeline, generator, queue_size=4)
    outcomes: Counter[int] = Counter()

    def client(http: httpx.Client) -> list[int]:
        codes = []
        for _ in range(3):
            response = http.post("/ask", json={"question": QUESTION})
            if response.status_code == 429:
                assert response.headers["Retry-After"].isdigit()
                assert response.json()["detail"]
            else:
                assert response.json()["answerable"] is True
            codes.append(response.status_code)
        return codes

    with (
        live_server(app) as server,
        httpx.Client(base_url=server.url, timeout=60, limits=httpx.Limits(max_connections=40)) as http,
    ):
        with ThreadPoolExecutor(24) as pool:
            for codes in pool.map(lambda _i: client(http), range(24)):
                outcomes.update(codes)
        assert http.get("/healthz").status_code == 200
        assert "newsrag_queue_depth 0.0" in http.get("/metrics").text
    assert set(outcomes) <= {200, 429}, outcomes
    assert outcomes[200] >= 5 and outcomes[429] > 0 and sum(outcomes.values()) == 72
