"""OpenAI-compatible chat: ``POST /v1/chat/completions`` and ``GET /v1/models``, keeping every citation.

A chat front-end (Open WebUI, LibreChat) or an OpenAI SDK points its base URL at ``/v1``. The last user message
is the question and the earlier user/assistant turns its history; the answer goes through the same service,
queue and pipeline as ``POST /ask``. The message text carries the ``[n]`` markers and a Sources block (title,
date, quote) so any UI shows them; ``citations`` carries the verified ``Answer`` in full for clients that read
it. Streamed, the model's draft arrives as ``reasoning_content`` (front-ends show it as "thinking"), then the
verified text as ``content`` — never the draft, which verification may still reject.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from api.chat_text import chat_text, strip_sources
from api.context import log_field
from api.deps import ApiKeyDep, ServiceDep, SettingsDep, until_disconnected
from api.openai_errors import ChatRequestError, ModelNotFoundError, OpenAIRoute, openai_error_responses
from api.openai_schemas import (
    MODEL_ID,
    AssistantMessage,
    ChatCompletion,
    ChatCompletionChunk,
    ChatCompletionRequest,
    ChatTurn,
    Choice,
    ChunkChoice,
    Delta,
    ModelCard,
    ModelList,
    OpenAIError,
    Usage,
)
from api.service import AnswerService, AnswerStream, Question
from api.streaming import EventStreamResponse, sse_comment
from rag.models import Answer, ChatMessage

__all__ = ["router"]

router = APIRouter(
    prefix="/v1",
    tags=["openai"],
    dependencies=[ApiKeyDep],
    route_class=OpenAIRoute,
    responses=openai_error_responses(401),
)

MAX_HISTORY_TURNS = 50  # the pipeline's limit; a long chat keeps its latest turns rather than failing
MAX_TURN_CHARS = 20_000  # rag.models.ChatMessage's limit
_STARTED = int(time.time())

_STREAM_DOC = (
    "With `stream: true`: `data:` lines of `chat.completion.chunk` JSON — the role, the model's draft as "
    "`reasoning_content`, the verified answer as `content`, a final chunk with `finish_reason: stop` and "
    "`citations` (the Answer), a usage chunk when `stream_options.include_usage` — then `data: [DONE]`; or one "
    '`data: {"error": {...}}` line.'
)
# Models the document already holds as components (through ChatCompletion and the error responses).
_COMPONENTS = {"Answer", "Citation", "Timings", "Usage", "OpenAIErrorResponse", "OpenAIError"}


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    """``node`` with references to pydantic's local ``$defs`` inlined, except those the document holds."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            name = ref.removeprefix("#/$defs/")
            return {"$ref": f"#/components/schemas/{name}"} if name in _COMPONENTS else _inline(defs[name], defs)
        return {k: _inline(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline(v, defs) for v in node]
    return node


def _chunk_schema() -> dict[str, Any]:
    schema = ChatCompletionChunk.model_json_schema(ref_template="#/$defs/{model}")
    return dict(_inline(schema, schema.get("$defs", {})))


# One event of the chunk stream (Open API 3.1, as /ask/stream documents its events): `data: [DONE]` last,
# every other `data:` line JSON, a chunk or an error.
STREAM_EVENT_SCHEMA = {
    "description": _STREAM_DOC,
    "type": "object",
    "required": ["data"],
    "properties": {
        "data": {
            "type": "string",
            "if": {"const": "[DONE]"},
            "else": {
                "contentMediaType": "application/json",
                "contentSchema": {"oneOf": [_chunk_schema(), {"$ref": "#/components/schemas/OpenAIErrorResponse"}]},
            },
        }
    },
}


@router.get("/models", response_model=ModelList, summary="The model to ask")
async def list_models(service: ServiceDep) -> ModelList:
    """One model: this service. Its answers come from the generator named in ``generator`` (once loaded)."""
    generator = service.pipeline().model_name if service.state == "ready" else None
    return ModelList(data=[ModelCard(id=MODEL_ID, created=_STARTED, generator=generator)])


@router.post(
    "/chat/completions",
    response_model=None,
    responses={
        200: {
            "model": ChatCompletion,
            "description": "The verified answer as an assistant message",
            "content": {"text/event-stream": {"schema": STREAM_EVENT_SCHEMA}},
        },
        **openai_error_responses(400, 404, 413, 429, 500, 503, 504),
    },
    summary="OpenAI-compatible chat completion, with verified citations",
)
async def chat_completions(
    body: ChatCompletionRequest, request: Request, service: ServiceDep, settings: SettingsDep
) -> Response:
    """The last user message is the question, the earlier turns its history; ``max_tokens``, ``temperature`` and
    ``top_p`` are accepted and ignored (the answer is decoded greedily and verified)."""
    _check_model(body.model, service)
    text, history = conversation(body.messages, settings.max_question_chars)
    log_field(request.scope, "question", text)  # written only with RAG_LOG_QUESTIONS=true
    question = Question(text, history)
    reply = _Reply(f"chatcmpl-{uuid.uuid4().hex}", int(time.time()), body.model, service)
    if body.stream:
        stream = await until_disconnected(request, service.open_stream(question))
        include_usage = body.stream_options is not None and body.stream_options.include_usage
        return EventStreamResponse(reply.chunks(stream, include_usage), on_close=stream.close)
    answer = await until_disconnected(request, service.ask(question))
    log_field(request.scope, "answerable", answer.answerable)
    return JSONResponse(reply.completion(answer).model_dump(mode="json"))


def _check_model(model: str, service: AnswerService) -> None:
    if model == MODEL_ID:
        return
    name = service.pipeline().model_name  # 503 while loading: the name is not known yet
    if model != name:
        raise ModelNotFoundError(f"no model {model!r} here: use {MODEL_ID!r} (see GET /v1/models)")


def conversation(turns: Sequence[ChatTurn], max_question_chars: int) -> tuple[str, list[ChatMessage]]:
    """The question (the last message, the user's) and the chat history before it.

    System, developer and tool turns are left out: the answer follows the service's fixed rules, which a
    client's system prompt neither replaces nor extends. An assistant turn loses the Sources block this
    service added to it, so the history stays about the conversation.
    """
    last = len(turns) - 1
    if turns[last].role != "user":
        raise ChatRequestError(
            f"the last message must be the user's question, not a {turns[last].role!r} message",
            param=f"messages.{last}.role",
        )
    question = _text(turns[last], last).strip()
    if not question:
        raise ChatRequestError("the question (the last message) is empty", param=f"messages.{last}.content")
    if len(question) > max_question_chars:
        raise ChatRequestError(
            f"the question has {len(question)} characters; the limit is {max_question_chars}",
            param=f"messages.{last}.content",
        )
    history: list[ChatMessage] = []
    for i, turn in enumerate(turns[:last]):
        if turn.role == "user":
            content = _text(turn, i)
        elif turn.role == "assistant":
            content = strip_sources(_text(turn, i))
        else:
            continue
        if content.strip():
            history.append(ChatMessage(role=turn.role, content=content[:MAX_TURN_CHARS]))
    return question, history[-MAX_HISTORY_TURNS:]


def _text(turn: ChatTurn, index: int) -> str:
    if turn.content is None:
        return ""
    if isinstance(turn.content, str):
        return turn.content
    texts = []
    for j, part in enumerate(turn.content):
        if part.type != "text" or part.text is None:
            raise ChatRequestError(
                f"only text content can be answered from the articles; this part is {part.type!r}",
                param=f"messages.{index}.content.{j}",
            )
        texts.append(part.text)
    return "\n".join(texts)


class _Reply:
    """One completion's id, time and model, and its Answer in OpenAI's shapes."""

    def __init__(self, completion_id: str, created: int, model: str, service: AnswerService):
        self.id = completion_id
        self.created = created
        self.model = model
        self.service = service

    def _content(self, answer: Answer) -> str:
        articles = self.service.pipeline().index.articles
        dates: Mapping[str, str | None] = {c.article_id: _date(articles, c.article_id) for c in answer.citations}
        return chat_text(answer, dates)

    @staticmethod
    def _usage(answer: Answer) -> Usage:
        t = answer.timings
        return Usage(
            prompt_tokens=t.prompt_tokens,
            completion_tokens=t.completion_tokens,
            total_tokens=t.prompt_tokens + t.completion_tokens,
        )

    def completion(self, answer: Answer) -> ChatCompletion:
        message = AssistantMessage(content=self._content(answer), citations=answer)
        return ChatCompletion(
            id=self.id,
            created=self.created,
            model=self.model,
            choices=[Choice(message=message)],
            usage=self._usage(answer),
        )

    def _chunk(
        self,
        delta: Delta | None,
        *,
        finish: bool = False,
        citations: Answer | None = None,
        usage: Usage | None = None,
    ) -> bytes:
        choices = [] if delta is None else [ChunkChoice(delta=delta, finish_reason="stop" if finish else None)]
        chunk = ChatCompletionChunk(
            id=self.id, created=self.created, model=self.model, choices=choices, usage=usage, citations=citations
        )
        data = chunk.model_dump(mode="json", exclude_none=True)
        for choice in data["choices"]:
            choice.setdefault("finish_reason", None)  # OpenAI sends it on every chunk, null until the end
        return _data(data)

    async def chunks(self, stream: AnswerStream, include_usage: bool) -> AsyncIterator[bytes]:
        yield self._chunk(Delta(role="assistant", content=""))
        async for update in stream.updates():
            if update.kind == "token":
                yield self._chunk(Delta(reasoning_content=update.text))
            elif update.kind == "keepalive":
                yield sse_comment("keep-alive")
            elif update.kind == "error":
                error = OpenAIError(
                    message=update.detail, type="server_error" if update.status >= 500 else "invalid_request_error"
                )
                yield _data({"error": error.model_dump()})
                return
            elif update.answer is not None:
                answer = update.answer
                yield self._chunk(Delta(content=self._content(answer)))
                yield self._chunk(Delta(), finish=True, citations=answer)
                if include_usage:
                    yield self._chunk(None, usage=self._usage(answer))
                yield b"data: [DONE]\n\n"


def _date(articles: Mapping[str, object], article_id: str) -> str | None:
    article = articles.get(article_id)
    date = getattr(article, "date", None)
    return date if isinstance(date, str) else None


def _data(payload: object) -> bytes:
    return f"data: {json.dumps(payload, ensure_ascii=False, separators=(',', ':'))}\n\n".encode()
