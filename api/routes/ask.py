"""Questions: ``POST /ask`` answers with the verified ``Answer``; ``POST /ask/stream`` streams it as it is written."""

from __future__ import annotations

from fastapi import APIRouter, Request

from api.context import log_field
from api.deps import ApiKeyDep, ServiceDep, SettingsDep, until_disconnected
from api.errors import error_responses
from api.schemas import Answer, AskRequest
from api.service import Question
from api.streaming import EventStreamResponse
from rag.question import validate_question
from rag.settings import Settings

router = APIRouter(tags=["ask"], dependencies=[ApiKeyDep], responses=error_responses(401))

_ERRORS = error_responses(413, 422, 429, 500, 503, 504)


def _event(name: str, data: dict[str, object]) -> dict[str, object]:
    """One kind of event: its name, and its ``data`` line as JSON with the given schema."""
    payload = {"type": "string", "contentMediaType": "application/json", "contentSchema": data}
    return {
        "type": "object",
        "required": ["event", "data"],
        "properties": {"event": {"const": name}, "data": payload},
    }


# Open API 3.1 (before `itemSchema`): the schema of a text/event-stream describes one event. FastAPI merges
# its own `"type": "string"` into a streaming route's schema, so api.openapi puts this in place afterwards.
STREAM_EVENT_SCHEMA = {
    "oneOf": [
        _event(
            "token",
            {
                "type": "object",
                "required": ["text"],
                "properties": {"text": {"type": "string"}},
                "additionalProperties": False,
            },
        ),
        _event("citations", {"$ref": "#/components/schemas/Answer"}),
        _event("done", {"type": "object", "maxProperties": 0}),
        _event(
            "error",
            {
                "type": "object",
                "required": ["status", "detail"],
                "properties": {"status": {"type": "integer"}, "detail": {"type": "string"}},
            },
        ),
    ]
}

_STREAM_DOC = {
    "description": (
        "Server-sent events, each with a JSON `data` line: `token` (`{text}`) as the model writes, then "
        "`citations` carrying the whole verified Answer, then `done`; or one `error` (`{status, detail}`). "
        "Tokens are the model's draft; the `answer` in `citations` is the verified text to show."
    ),
    "content": {"text/event-stream": {"schema": STREAM_EVENT_SCHEMA}},
}


def _question(body: AskRequest, request: Request, settings: Settings) -> Question:
    # Checked here as well as in the pipeline (the same function) so a bad question never waits in the queue.
    history = body.chat_history()
    text = validate_question(body.question, history, settings)
    log_field(request.scope, "question", text)  # written only with RAG_LOG_QUESTIONS=true
    return Question(text, history, body.top_k, body.article_filter())


@router.post("/ask", response_model=Answer, responses=_ERRORS, summary="Answer a question with verified citations")
async def ask(body: AskRequest, request: Request, service: ServiceDep, settings: SettingsDep) -> Answer:
    """The verified answer; citations quote the articles, with offsets into ``GET /articles/{id}`` text."""
    answer = await until_disconnected(request, service.ask(_question(body, request, settings)))
    log_field(request.scope, "answerable", answer.answerable)
    return answer


@router.post(
    "/ask/stream",
    response_class=EventStreamResponse,
    responses={200: _STREAM_DOC, **_ERRORS},
    summary="Answer a question, streamed as server-sent events",
)
async def ask_stream(
    body: AskRequest, request: Request, service: ServiceDep, settings: SettingsDep
) -> EventStreamResponse:
    """Like ``/ask``, streamed. Closing the connection stops the model."""
    stream = await until_disconnected(request, service.open_stream(_question(body, request, settings)))
    return EventStreamResponse(stream.events(), on_close=stream.close)
