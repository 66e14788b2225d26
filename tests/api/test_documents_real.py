"""Upload and delete on the real stack: bundled embedder, FAISS + BM25, SmolLM2 through llama.cpp; in corpus
mode the prompt cache is rebuilt on a real second llama.cpp context while retrieval mode answers (slow: three
prefix evaluations of the collection on a busy 2-core machine, about 5 minutes)."""

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
from tests.api.conftest import wait_ready
from tests.conftest import ARTICLES
from tests.documents_fixtures import make_pdf

pytestmark = pytest.mark.integration

FACT = "Quorvex Dynamics moved its headquarters to Tromso in 2031, the board said."
TIMEOUT_S = 600


def _serve(tmp_path_factory: pytest.TempPathFactory, mode: Literal["corpus", "retrieval"]) -> Iterator[TestClient]:
    settings = Settings(
        model_path=smollm2_gguf(),
        context_mode=mode,
        articles_dir=ARTICLES,
        index_dir=tmp_path_factory.mktemp("index"),
        max_tokens=48,
        request_timeout_s=TIMEOUT_S,
    )
    with TestClient(create_app(settings)) as c:
        wait_ready(c, timeout=TIMEOUT_S)
        yield c


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    yield from _serve(tmp_path_factory, "corpus")


@pytest.fixture(scope="module")
def retrieval_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    yield from _serve(tmp_path_factory, "retrieval")


def _leftovers(index_dir: Path, word: bytes) -> list[Path]:
    return [p for p in index_dir.rglob("*") if p.is_file() and word in p.read_bytes()]


def test_upload_ask_delete_in_retrieval_mode(retrieval_client: TestClient) -> None:
    client = retrieval_client
    index_dir = Path(client.app.state.settings.index_dir)  # type: ignore[attr-defined]
    pdf = make_pdf(["Quorvex annual report", FACT], title="Quorvex annual report")
    response = client.post("/documents", files=[("files", ("report.pdf", pdf, "application/pdf"))])
    assert response.status_code == 201, response.text
    doc_id = response.json()["documents"][0]["document_id"]
    answer = Answer.model_validate(client.post("/ask", json={"question": "Where did Quorvex move?"}).json())
    for citation in answer.citations:  # SmolLM2 often abstains; whatever it cites must quote the text exactly
        text = client.get(f"/articles/{citation.article_id}").json()["text"]
        assert text[citation.start : citation.end] == citation.quote
    assert client.get("/readyz").json()["articles"] == 6
    assert client.delete(f"/documents/{doc_id}").status_code == 200
    assert client.get("/readyz").json()["articles"] == 5
    assert _leftovers(index_dir, b"Quorvex") == []


def _wait_mode(client: TestClient, mode: str) -> dict[str, object]:
    deadline = time.monotonic() + TIMEOUT_S
    while (ready := client.get("/readyz").json())["context_mode"] != mode:
        assert time.monotonic() < deadline, ready
        time.sleep(0.2)
    return ready


@pytest.mark.slow
def test_upload_rebuild_and_delete_in_corpus_mode(client: TestClient) -> None:
    index_dir = Path(client.app.state.settings.index_dir)  # type: ignore[attr-defined]
    assert client.get("/readyz").json()["context_mode"] == "corpus"
    pdf = make_pdf(["Quorvex annual report", FACT], title="Quorvex annual report")
    response = client.post("/documents", files=[("files", ("report.pdf", pdf, "application/pdf"))])
    assert response.status_code == 201, response.text
    doc_id = response.json()["documents"][0]["document_id"]
    assert response.json()["context_mode"] == "retrieval"  # until the new collection's cache is built
    answer = Answer.model_validate(client.post("/ask", json={"question": "Where did Quorvex move?"}).json())
    assert answer.context_mode in {"retrieval", "corpus"}
    for citation in answer.citations:  # SmolLM2 often abstains; whatever it cites must quote the text exactly
        text = client.get(f"/articles/{citation.article_id}").json()["text"]
        assert text[citation.start : citation.end] == citation.quote
    ready = _wait_mode(client, "corpus")  # a second llama.cpp context built the cache; the service restored it
    assert ready["articles"] == 6
    assert (index_dir / "prompt-cache" / "corpus.kv").is_file()
    assert "Tromso" in client.app.state.service.pipeline().corpus.system  # type: ignore[attr-defined]

    assert client.delete(f"/documents/{doc_id}").status_code == 200
    assert client.get(f"/articles/{doc_id}").status_code == 404
    assert client.get("/readyz").json()["articles"] == 5
    assert _leftovers(index_dir, b"Quorvex") == []  # the new collection's prompt cache went with it
