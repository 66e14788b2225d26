"""The service with its real default pipeline: bundled embedder, FAISS + BM25 index, SmolLM2 through llama.cpp.

The app builds the pipeline itself, in the background, exactly as ``rag serve`` does. SmolLM2 is tiny: its
answers are often abstentions; these tests check the service's contract, not the model's quality.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from rag.llm.model_files import smollm2_gguf
from rag.models import Answer
from rag.settings import Settings
from tests.api.conftest import parse_sse, wait_ready
from tests.api.test_injection import PLANTED_ID, plant
from tests.conftest import ARTICLES

pytestmark = pytest.mark.integration

LOAD_TIMEOUT_S = 600  # the embedder, the index build and two llama.cpp contexts, on a busy 2-core machine
ANSWER_TIMEOUT_S = 600  # the contract is under test here, not the speed: a busy CI machine must not fail it


def _serve(
    articles: Path, index_dir: Path, context_mode: Literal["auto", "corpus", "retrieval"] = "retrieval"
) -> Iterator[TestClient]:
    settings = Settings(
        model_path=smollm2_gguf(),
        context_mode=context_mode,
        articles_dir=articles,
        index_dir=index_dir,
        max_tokens=64,
        request_timeout_s=ANSWER_TIMEOUT_S,
    )
    with TestClient(create_app(settings)) as client:
        started = time.perf_counter()
        assert client.get("/healthz").status_code == 200  # at once, while the pipeline loads
        assert time.perf_counter() - started < 1
        wait_ready(client, timeout=LOAD_TIMEOUT_S)
        yield client


@pytest.fixture(scope="module", params=["retrieval", "corpus"])
def real_client(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The service in each context mode (corpus: the prompt cache is built at start-up, then kept)."""
    yield from _serve(ARTICLES, tmp_path_factory.mktemp("index"), context_mode=request.param)


@pytest.fixture(scope="module")
def planted_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    root = tmp_path_factory.mktemp("planted")
    yield from _serve(plant(root / "articles"), root / "index")


def _check_quotes(client: TestClient, answer: Answer) -> None:
    for citation in answer.citations:
        article = client.get(f"/articles/{citation.article_id}")
        assert article.status_code == 200
        assert article.json()["text"][citation.start : citation.end] == citation.quote


def test_ready_names_the_model(real_client: TestClient, request: pytest.FixtureRequest) -> None:
    ready = real_client.get("/readyz").json()
    assert ready["status"] == "ready"
    assert ready["model"] == "SmolLM2-135M-Instruct.Q4_1"
    assert ready["context_mode"] == request.node.callspec.params["real_client"]
    assert f"RAG_CONTEXT_MODE={ready['context_mode']}" in ready["context_mode_reason"]
    assert ready["articles"] == 5


def test_ask(real_client: TestClient) -> None:
    response = real_client.post("/ask", json={"question": "Who co-founded Scale AI with Alexandr Wang?"})
    assert response.status_code == 200, response.text
    answer = Answer.model_validate(response.json())
    assert answer.model == "SmolLM2-135M-Instruct.Q4_1"
    assert answer.timings.total_ms > 0
    assert answer.answerable == bool(answer.citations)
    _check_quotes(real_client, answer)


def test_ask_stream(real_client: TestClient) -> None:
    response = real_client.post("/ask/stream", json={"question": "How much could Meta invest in Scale AI?"})
    assert response.status_code == 200
    events = parse_sse(response.text)
    names = [name for name, _ in events]
    assert names[-2:] == ["citations", "done"], names
    assert set(names[:-2]) <= {"token"}
    answer = Answer.model_validate(events[-2][1])
    _check_quotes(real_client, answer)


def test_follow_up(real_client: TestClient) -> None:
    history = [
        {"role": "user", "content": "What does Scale AI do?"},
        {"role": "assistant", "content": "Scale AI labels data used to train AI models."},
    ]
    response = real_client.post("/ask", json={"question": "Who founded it?", "history": history})
    assert response.status_code == 200
    _check_quotes(real_client, Answer.model_validate(response.json()))


def test_an_article_with_instructions_changes_nothing(planted_client: TestClient) -> None:
    assert planted_client.get(f"/articles/{PLANTED_ID}").status_code == 200
    response = planted_client.post("/ask", json={"question": "Who co-founded Scale AI?"})
    assert response.status_code == 200
    answer = Answer.model_validate(response.json())
    assert "PWNED" not in answer.answer
    assert "maintenance mode" not in answer.answer
    _check_quotes(planted_client, answer)
