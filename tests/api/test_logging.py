"""One JSON log line per request; the question appears in no log line unless RAG_LOG_QUESTIONS=true."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable, Iterator, Sequence

import pytest

from api.app import create_app
from api.logs import ACCESS_LOGGER, JsonFormatter, configure_logging
from rag.settings import Settings
from tests.api.conftest import PipelineMaker, faithful_reply, ready_client
from tests.fakes import ScriptedGenerator

pytestmark = pytest.mark.unit

SECRET_QUESTION = "Who founded Scale AI? (private-marker-7731)"


@pytest.fixture
def json_log() -> Iterator[io.StringIO]:
    """The process's logging as ``serve`` sets it up, written to a buffer; restored afterwards."""
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    question_logger = logging.getLogger("rag.pipeline")
    saved_question_level = question_logger.level
    buffer = io.StringIO()
    yield buffer
    root.handlers[:] = saved[0]
    root.setLevel(saved[1])
    question_logger.setLevel(saved_question_level)


def _declines_peru(messages: Sequence[dict[str, str]]) -> str:
    # An abstention makes the pipeline log the question ("abstaining on …") at INFO.
    if "Peru" in messages[-1]["content"]:
        return "Sentences: none\nAnswer: NOT FOUND"
    return faithful_reply(messages)


def _run(
    buffer: io.StringIO,
    fake_settings: Callable[..., Settings],
    make_pipeline: PipelineMaker,
    *,
    log_questions: bool,
) -> list[dict[str, object]]:
    settings = fake_settings(log_questions=log_questions)
    configure_logging(log_questions=log_questions)
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(JsonFormatter())
    logging.getLogger().handlers[:] = [handler]
    pipeline = make_pipeline(settings, ScriptedGenerator(_declines_peru))
    with ready_client(create_app(settings, pipeline_factory=lambda _s: pipeline)) as client:
        buffer.truncate(0)
        buffer.seek(0)
        client.post("/ask", json={"question": SECRET_QUESTION}, headers={"X-Request-ID": "req-1"})
        client.post("/ask", json={"question": "What is the capital of Peru? private-marker-7731"})  # abstains
        client.get("/articles/nope", headers={"X-Request-ID": "req-3"})
    return [json.loads(line) for line in buffer.getvalue().splitlines() if line.strip()]


def test_one_json_line_per_request_without_the_question(
    json_log: io.StringIO, fake_settings: Callable[..., Settings], make_pipeline: PipelineMaker
) -> None:
    lines = _run(json_log, fake_settings, make_pipeline, log_questions=False)
    access = [line for line in lines if line["logger"] == ACCESS_LOGGER]
    assert len(access) == 3
    first, _, third = access
    assert first["request_id"] == "req-1"
    assert first["method"] == "POST" and first["path"] == "/ask" and first["status"] == 200
    assert isinstance(first["duration_ms"], float)
    assert first["answerable"] is True
    assert third["request_id"] == "req-3" and third["status"] == 404
    assert "private-marker-7731" not in json_log.getvalue()  # in no line at all, the pipeline's included


def test_questions_are_logged_when_asked_to(
    json_log: io.StringIO, fake_settings: Callable[..., Settings], make_pipeline: PipelineMaker
) -> None:
    lines = _run(json_log, fake_settings, make_pipeline, log_questions=True)
    access = [line for line in lines if line["logger"] == ACCESS_LOGGER]
    assert access[0]["question"] == SECRET_QUESTION
    # The pipeline's own line about the abstention carries it too: the case the default setting silences.
    assert any("private-marker-7731" in str(line["message"]) for line in lines if line["logger"] == "rag.pipeline")
