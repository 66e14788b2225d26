"""Asking through the app with a scripted model: the Answer JSON, the event stream, follow-ups, failures."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from rag import GenerationError
from rag.models import Answer
from rag.settings import Settings
from tests.api.conftest import QUESTION, PipelineMaker, faithful_reply, parse_sse, ready_client
from tests.fakes import ScriptedGenerator

pytestmark = pytest.mark.unit


def assert_quotes_are_article_text(client: TestClient, answer: Answer) -> None:
    for citation in answer.citations:
        article = client.get(f"/articles/{citation.article_id}").json()
        assert article["text"][citation.start : citation.end] == citation.quote


def test_ask_returns_the_answer_json(client: TestClient) -> None:
    response = client.post("/ask", json={"question": QUESTION})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    answer = Answer.model_validate(response.json())
    assert set(response.json()) == set(Answer.model_fields)  # the same keys as `rag ask --json`
    assert answer.answerable
    assert answer.model == "fake/scripted"
    assert answer.citations and answer.citations[0].supported
    assert "[1]" in answer.answer
    assert_quotes_are_article_text(client, answer)


def test_stream_sends_tokens_then_citations_then_done(client: TestClient) -> None:
    response = client.post("/ask/stream", json={"question": QUESTION})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.headers["cache-control"] == "no-cache"
    events = parse_sse(response.text)
    names = [name for name, _ in events]
    assert names[-2:] == ["citations", "done"]
    assert set(names[:-2]) == {"token"} and len(names) > 5
    streamed = "".join(data["text"] for name, data in events if name == "token")
    answer = Answer.model_validate(events[-2][1])
    assert answer.answerable and answer.citations
    # The tokens are the model's draft after "Answer:"; the verified answer cites the same sentence.
    assert answer.citations[0].quote.rstrip(".") in streamed
    assert_quotes_are_article_text(client, answer)


def test_a_follow_up_sends_the_history_to_the_model(
    fake_settings: Callable[..., Settings], make_pipeline: PipelineMaker
) -> None:
    generator = ScriptedGenerator(faithful_reply)
    settings = fake_settings()
    pipeline = make_pipeline(settings, generator)
    with ready_client(create_app(settings, pipeline_factory=lambda _s: pipeline)) as client:
        first = client.post("/ask", json={"question": QUESTION}).json()
        history = [{"role": "user", "content": QUESTION}, {"role": "assistant", "content": first["answer"]}]
        follow_up = client.post("/ask", json={"question": "Who founded it?", "history": history, "top_k": 3})
        assert follow_up.status_code == 200
        prompts = [call[-1]["content"] for call in generator.calls]
        rewrite = next(p for p in prompts if "Follow-up question: Who founded it?" in p)
        assert QUESTION in rewrite  # the conversation went to the model


def test_abstaining_is_a_normal_answer(fake_settings: Callable[..., Settings], make_pipeline: PipelineMaker) -> None:
    settings = fake_settings()
    pipeline = make_pipeline(settings, ScriptedGenerator("Sentences: none\nAnswer: NOT FOUND"))
    with ready_client(create_app(settings, pipeline_factory=lambda _s: pipeline)) as client:
        response = client.post("/ask", json={"question": "What is the capital of Peru?"})
        assert response.status_code == 200
        answer = Answer.model_validate(response.json())
        assert not answer.answerable and answer.citations == []


def _failing(_messages: Sequence[dict[str, str]]) -> str:
    raise GenerationError("llama.cpp failed: out of memory")


@pytest.mark.parametrize("path", ["/ask", "/ask/stream"])
def test_a_model_failure_is_one_clear_message(
    fake_settings: Callable[..., Settings], make_pipeline: PipelineMaker, path: str
) -> None:
    settings = fake_settings()
    pipeline = make_pipeline(settings, ScriptedGenerator(_failing))
    with ready_client(create_app(settings, pipeline_factory=lambda _s: pipeline)) as client:
        response = client.post(path, json={"question": QUESTION})
        if path == "/ask":
            assert response.status_code == 500
            body = response.json()
            assert body["detail"] == "the model failed while answering: llama.cpp failed: out of memory"
            assert body["request_id"]
        else:
            assert response.status_code == 200  # the stream had started; the failure is its last event
            assert parse_sse(response.text) == [
                (
                    "error",
                    {"status": 500, "detail": "the model failed while answering: llama.cpp failed: out of memory"},
                )
            ]
        assert "Traceback" not in response.text
        assert client.get("/healthz").status_code == 200


def test_an_unexpected_error_is_a_500_without_a_stack_trace(
    fake_settings: Callable[..., Settings], make_pipeline: PipelineMaker
) -> None:
    def broken(_messages: Sequence[dict[str, str]]) -> str:
        raise KeyError("secret internals")

    settings = fake_settings()
    pipeline = make_pipeline(settings, ScriptedGenerator(broken))
    with ready_client(create_app(settings, pipeline_factory=lambda _s: pipeline)) as client:
        response = client.post("/ask", json={"question": QUESTION})
        assert response.status_code == 500
        assert "internal error" in response.json()["detail"]
        assert "secret internals" not in response.text and "Traceback" not in response.text
