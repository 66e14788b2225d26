"""Bad input gets a 4xx whose body says what was wrong; article ids never reach the file system."""

from __future__ import annotations

import socket
from collections.abc import Callable

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.app import create_app
from rag.settings import Settings
from tests.api.conftest import QUESTION, PipelineMaker, live_server, ready_client

pytestmark = pytest.mark.unit


@pytest.fixture
def app(fake_settings: Callable[..., Settings], make_pipeline: PipelineMaker) -> FastAPI:
    settings = fake_settings()
    pipeline = make_pipeline(settings)
    return create_app(settings, pipeline_factory=lambda _s: pipeline)


@pytest.mark.parametrize(
    ("body", "mentions"),
    [
        ('{"question": ""}', "body.question"),
        ('{"question": "   \\n\\t "}', "empty"),
        ("{}", "body.question"),
        ('{"question": 42}', "valid string"),
        ('{"question": null}', "body.question"),
        ('{"question": ["a"]}', "body.question"),
        ('{"question": "ok", "top_k": "3"}', "body.top_k"),
        ('{"question": "ok", "top_k": 0}', "body.top_k"),
        ('{"question": "ok", "top_k": 21}', "body.top_k"),
        ('{"question": "ok", "top_k": 2.5}', "body.top_k"),
        ('{"question": "ok", "history": [{"role": "system", "content": "x"}]}', "body.history.0.role"),
        ('{"question": "ok", "history": "earlier"}', "body.history"),
        ('{"question": "ok", "surprise": 1}', "body.surprise"),
        ('{"question": "ok"', "malformed JSON"),
        ("not json at all", "malformed JSON"),
        (b'{"question": "\xff\xfe"}', "malformed JSON"),  # not UTF-8
        ("[]", "body"),
    ],
)
@pytest.mark.parametrize("path", ["/ask", "/ask/stream"])
def test_bad_bodies_are_422_with_a_reason(client: TestClient, path: str, body: str | bytes, mentions: str) -> None:
    response = client.post(path, content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert detail.startswith("invalid")
    assert mentions in detail


def test_question_length_limit_comes_from_settings(
    fake_settings: Callable[..., Settings], make_pipeline: PipelineMaker
) -> None:
    settings = fake_settings()
    assert settings.max_question_chars == 2000
    pipeline = make_pipeline(settings)
    with ready_client(create_app(settings, pipeline_factory=lambda _s: pipeline)) as client:
        ok = client.post("/ask", json={"question": "Meta " + "x" * 1995})
        assert ok.status_code == 200
        too_long = client.post("/ask", json={"question": "x" * 2001})
        assert too_long.status_code == 422
        assert "2001 characters; the limit is 2000" in too_long.json()["detail"]
        stream = client.post("/ask/stream", json={"question": "x" * 2001})
        assert stream.status_code == 422


def test_too_many_history_turns(client: TestClient) -> None:
    history = [{"role": "user", "content": "hi"}] * 51
    response = client.post("/ask", json={"question": QUESTION, "history": history})
    assert response.status_code == 422
    assert "history has more than 50 turns" in response.json()["detail"]


def _raw_exchange(port: int, head: bytes, parts: list[bytes]) -> bytes:
    """Send a request's head and some body parts over a real socket and return what the server answers."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(head)
        for part in parts:
            sock.sendall(part)
        received = b""
        while b"\r\n\r\n" not in received or not received.rstrip().endswith(b"}"):
            chunk = sock.recv(65536)
            if not chunk:
                break
            received += chunk
        return received


def test_a_body_over_the_limit_by_content_length_is_refused_unread(app: FastAPI) -> None:
    # Ten megabytes declared, a hundred bytes sent: the answer comes without waiting for the rest.
    with live_server(app) as server:
        head = (
            b"POST /ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: 10000000\r\n\r\n"
        )
        answer = _raw_exchange(server.port, head, [b'{"question": "' + b"x" * 100])
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b"the limit is 65536 bytes" in answer


def test_a_chunked_body_over_the_limit_is_cut_off(app: FastAPI) -> None:
    # No Content-Length: 80 KiB of chunks and no final chunk. Waiting for the whole body would hang.
    with live_server(app) as server:
        head = (
            b"POST /ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )
        chunk = b"x" * 8192
        parts = [b"%x\r\n%s\r\n" % (len(chunk), chunk)] * 10
        answer = _raw_exchange(server.port, head, parts)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b"too large" in answer


def test_a_body_just_under_the_limit_is_read(client: TestClient) -> None:
    padding = [{"role": "user", "content": "x" * 15_000}] * 4  # ~60 KB
    response = client.post("/ask", json={"question": QUESTION, "history": padding})
    assert response.status_code == 200, response.text


def test_unknown_article_is_404(client: TestClient) -> None:
    response = client.get("/articles/no-such-article")
    assert response.status_code == 404
    assert "no-such-article" in response.json()["detail"]


@pytest.mark.parametrize(
    "path",
    [
        "/articles/..%2F..%2F..%2Fetc%2Fpasswd",
        "/articles/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/articles/%2E%2E",
        "/articles/...",
        "/articles/%2Fetc%2Fpasswd",
        "/articles/..%5C..%5Cpyproject.toml",
        "/articles/000_2525434c86abfa7a.txt",
        "/articles/..%2Fdata%2Farticles%2F000_2525434c86abfa7a",
        "/articles/%00",
    ],
)
def test_article_ids_cannot_traverse_paths(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404, response.text
    assert "root:" not in response.text
    assert "[build-system]" not in response.text
    assert "Meta" not in response.text


def test_articles_list_and_pages(client: TestClient) -> None:
    listing = client.get("/articles").json()
    assert listing["total"] == 5
    ids = [a["article_id"] for a in listing["articles"]]
    assert ids == sorted(ids)
    assert all("/" not in a["source"] for a in listing["articles"])  # a file name, not a server path
    page = client.get("/articles", params={"limit": 2, "offset": 2}).json()
    assert [a["article_id"] for a in page["articles"]] == ids[2:4]
    assert client.get("/articles", params={"limit": 0}).status_code == 422
    assert client.get("/articles", params={"limit": "many"}).status_code == 422


def test_unknown_route_and_method(client: TestClient) -> None:
    missing = client.get("/nothing-here")
    assert missing.status_code == 404
    assert "/nothing-here" in missing.json()["detail"]
    wrong = client.get("/ask")
    assert wrong.status_code == 405
    assert "GET" in wrong.json()["detail"]
