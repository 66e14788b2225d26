"""Fixtures for the HTTP service: a model-free pipeline, a ready TestClient, and a real uvicorn server."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.app import create_app
from index import LoadedIndex, build_index, load_index
from rag.pipeline import AnswerPipeline
from rag.runtime import assemble_pipeline
from rag.settings import Settings
from tests.conftest import ARTICLES
from tests.fakes import HashingEncoder, ScriptedGenerator

# A question the scripted model answers from the first evidence sentence, which then verifies; the pipeline's
# rules may refuse others (e.g. a "how much" whose sentence holds no figure).
QUESTION = "Who founded Scale AI?"

# The first numbered sentence, under its article's title line (retrieval mode; corpus hints have no titles).
_EVIDENCE = re.compile(r"^\(.*\)\n\[(\d+)\] (.*)$", re.MULTILINE)
_FOLLOW_UP = re.compile(r"Follow-up question: (.*)")


def faithful_reply(messages: Sequence[dict[str, str]]) -> str:
    """A well-behaved model: answers with evidence sentence 1 verbatim (so it verifies), says yes as judge,
    and rewrites a follow-up as itself. Tells the prompts apart by their shape, not their wording."""
    user = messages[-1]["content"]
    first = _EVIDENCE.search(user)
    if first:
        return f"Sentences: {first.group(1)}\nAnswer: {first.group(2)} [{first.group(1)}]"
    follow_up = _FOLLOW_UP.search(user)
    if follow_up:
        return follow_up.group(1).strip()
    return "yes"


class SlowGenerator(ScriptedGenerator):
    """A scripted model that takes ``delay`` seconds per token and records whether it was told to stop.

    ``gate`` (when given) holds every answer until it is set, to keep the model busy on demand.
    """

    def __init__(self, reply: Any = faithful_reply, *, delay: float = 0.0, gate: threading.Event | None = None):
        super().__init__(reply, name="fake/slow")
        self.delay = delay
        self.gate = gate
        self.started = threading.Event()
        self.stopped = threading.Event()
        self.tokens = 0

    def chat(self, messages: Any, *, max_tokens: int, stop: Any = (), on_token: Any = None, **kw: Any) -> Any:
        self.started.set()
        if self.gate is not None:
            self.gate.wait(30)

        def slow(piece: str) -> bool | None:
            time.sleep(self.delay)
            self.tokens += 1
            if on_token is None:
                return None
            result = on_token(piece)
            if result is False:
                self.stopped.set()
            return result

        return super().chat(messages, max_tokens=max_tokens, stop=stop, on_token=slow, **kw)


@dataclass(frozen=True)
class FakeCorpus:
    index: LoadedIndex
    index_dir: Path


@pytest.fixture(scope="session")
def fake_corpus(tmp_path_factory: pytest.TempPathFactory) -> FakeCorpus:
    """The real five articles indexed with the hashing encoder: retrieval and verification without models."""
    root = tmp_path_factory.mktemp("fake-index")
    build_index(ARTICLES, root, HashingEncoder())
    return FakeCorpus(load_index(root), root)


PipelineMaker = Callable[..., AnswerPipeline]


@pytest.fixture
def make_pipeline(fake_corpus: FakeCorpus) -> PipelineMaker:
    """``make_pipeline(settings, generator)``: a model-free pipeline over the fake corpus."""

    def make(settings: Settings, generator: Any = None) -> AnswerPipeline:
        return assemble_pipeline(
            settings, generator or ScriptedGenerator(faithful_reply), fake_corpus.index, HashingEncoder()
        )

    return make


@pytest.fixture
def fake_settings(fake_corpus: FakeCorpus) -> Callable[..., Settings]:
    """``fake_settings(**overrides)``: settings for the fake corpus."""

    def make(**overrides: Any) -> Settings:
        return Settings(index_dir=fake_corpus.index_dir, articles_dir=ARTICLES, **overrides)

    return make


def wait_ready(client: Any, timeout: float = 30.0) -> dict[str, Any]:
    """Poll ``/readyz`` until 200 (the pipeline loads in the background)."""
    deadline = time.monotonic() + timeout
    while True:
        response = client.get("/readyz")
        if response.status_code == 200:
            return dict(response.json())
        body = response.json()
        assert body.get("status") != "failed", body
        if time.monotonic() > deadline:
            raise AssertionError(f"not ready after {timeout} s: {body}")
        time.sleep(0.02)


@contextmanager
def ready_client(app: FastAPI, **kwargs: Any) -> Iterator[TestClient]:
    """A TestClient (lifespan running) once the app is ready."""
    with TestClient(app, **kwargs) as client:
        wait_ready(client)
        yield client


@pytest.fixture
def client(fake_settings: Callable[..., Settings], make_pipeline: PipelineMaker) -> Iterator[TestClient]:
    """A ready app with default settings and the faithful fake model."""
    settings = fake_settings()
    pipeline = make_pipeline(settings)
    with ready_client(create_app(settings, pipeline_factory=lambda _s: pipeline)) as c:
        yield c


class LiveServer:
    """A real uvicorn server on 127.0.0.1 and a free port, in a thread (real sockets: real disconnects)."""

    def __init__(self, app: FastAPI):
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self.port = self._sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, log_config=None, access_log=False, lifespan="on", timeout_graceful_shutdown=2)
        self.server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self._sock]}, daemon=True)

    def __enter__(self) -> LiveServer:
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.01)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self._thread.join(10)
        self._sock.close()


@contextmanager
def live_server(app: FastAPI) -> Iterator[LiveServer]:
    """A started server whose pipeline is ready."""
    import httpx

    with LiveServer(app) as server, httpx.Client(base_url=server.url, timeout=10) as http:
        wait_ready(http)
        yield server


def parse_sse(text: str) -> list[tuple[str, Any]]:
    """``[(event, data)]`` from an event-stream body (comments skipped)."""
    import json

    events = []
    for block in text.split("\n\n"):
        name, data = "message", []
        for line in block.splitlines():
            if line.startswith("event:"):
                name = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].strip())
        if data:
            events.append((name, json.loads("\n".join(data))))
    return events
