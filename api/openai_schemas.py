"""The OpenAI-compatible face's wire format: chat completion requests, responses, stream chunks, errors.

Requests accept the parameters OpenAI clients send (unknown ones are ignored, as chat front-ends send many),
but each known field is checked strictly, so a malformed body is an ``invalid_request_error`` rather than a
guess. Responses follow OpenAI's shapes; the one addition is ``citations``, the verified ``Answer`` in full,
on the message and on the final stream chunk.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from rag.models import Answer

__all__ = [
    "MODEL_ID",
    "AssistantMessage",
    "ChatCompletion",
    "ChatCompletionChunk",
    "ChatCompletionRequest",
    "ChatTurn",
    "Choice",
    "ChunkChoice",
    "ContentPart",
    "Delta",
    "ModelCard",
    "ModelList",
    "OpenAIError",
    "OpenAIErrorResponse",
    "StreamOptions",
    "Usage",
]

MODEL_ID = "newsrag"  # the id /v1/models lists; the generator's own model name is accepted too

_LENIENT = ConfigDict(strict=True, extra="ignore")


class ContentPart(BaseModel):
    """One part of a message's content; only ``text`` parts can be answered from articles."""

    model_config = _LENIENT

    type: str = Field(min_length=1)
    text: str | None = None


class ChatTurn(BaseModel):
    """One message of the conversation. ``system``, ``developer`` and ``tool`` turns are accepted and not used:
    the answer follows the service's own fixed rules."""

    model_config = _LENIENT

    role: Literal["system", "developer", "user", "assistant", "tool"]
    content: str | list[ContentPart] | None = None
    name: str | None = None


class StreamOptions(BaseModel):
    model_config = _LENIENT

    include_usage: bool = False


class ChatCompletionRequest(BaseModel):
    """``POST /v1/chat/completions``: the last message is the question, the earlier ones its history."""

    model_config = ConfigDict(
        strict=True,
        extra="ignore",
        json_schema_extra={
            "examples": [
                {
                    "model": MODEL_ID,
                    "messages": [{"role": "user", "content": "How much could Meta invest in Scale AI?"}],
                }
            ]
        },
    )

    model: str = Field(min_length=1, description=f"'{MODEL_ID}' (see GET /v1/models) or the generator's model name")
    messages: list[ChatTurn] = Field(min_length=1, description="oldest first; the last must be the user's question")
    stream: bool = Field(default=False, description="server-sent `chat.completion.chunk` events, then `[DONE]`")
    stream_options: StreamOptions | None = None
    max_tokens: Annotated[int, Field(ge=1)] | None = Field(
        default=None, description="accepted and ignored: the answer's length is RAG_MAX_TOKENS"
    )
    max_completion_tokens: Annotated[int, Field(ge=1)] | None = Field(default=None, description="as max_tokens")
    temperature: Annotated[float, Field(ge=0, le=2)] | None = Field(
        default=None, description="accepted and ignored: answers are decoded greedily, so they can be verified"
    )
    top_p: Annotated[float, Field(ge=0, le=1)] | None = Field(default=None, description="accepted and ignored")
    n: Annotated[int, Field(ge=1, le=1)] | None = Field(default=None, description="one choice only")
    user: str | None = None


class Usage(BaseModel):
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int


class AssistantMessage(BaseModel):
    role: Literal["assistant"] = "assistant"
    content: str = Field(description="the verified answer with [n] markers, then a Sources block")
    citations: Answer = Field(description="the verified Answer in full, as POST /ask returns it")


class Choice(BaseModel):
    index: int = 0
    message: AssistantMessage
    finish_reason: Literal["stop"] = "stop"
    logprobs: None = None


class ChatCompletion(BaseModel):
    id: str
    object: Literal["chat.completion"] = "chat.completion"
    created: int
    model: str
    choices: list[Choice]
    usage: Usage


class Delta(BaseModel):
    role: Literal["assistant"] | None = None
    content: str | None = None
    reasoning_content: str | None = Field(
        default=None, description="the model's draft as it is written (front-ends show it as 'thinking')"
    )


class ChunkChoice(BaseModel):
    index: int = 0
    delta: Delta
    finish_reason: Literal["stop"] | None = None
    logprobs: None = None


class ChatCompletionChunk(BaseModel):
    id: str
    object: Literal["chat.completion.chunk"] = "chat.completion.chunk"
    created: int
    model: str
    choices: list[ChunkChoice]
    usage: Usage | None = None
    citations: Answer | None = Field(default=None, description="on the final chunk: the verified Answer in full")


class ModelCard(BaseModel):
    id: str
    object: Literal["model"] = "model"
    created: int
    owned_by: str = "newsrag"
    generator: str | None = Field(default=None, description="the local model that writes the answers, once loaded")


class ModelList(BaseModel):
    object: Literal["list"] = "list"
    data: list[ModelCard]


class OpenAIError(BaseModel):
    message: str
    type: str = Field(description="invalid_request_error, authentication_error, rate_limit_error, server_error…")
    param: str | None = None
    code: str | None = None


class OpenAIErrorResponse(BaseModel):
    """Every error of the /v1 endpoints, in OpenAI's shape, so the SDKs raise their usual exceptions."""

    error: OpenAIError
