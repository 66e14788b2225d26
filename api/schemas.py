"""What goes over the wire: request bodies, response bodies and the one error shape.

Requests are strict (no type coercion, no unknown keys) so a client's mistake is a 422 that says what was
wrong rather than a guess. ``/ask`` answers with ``rag.models.Answer`` unchanged, the same JSON as
``rag ask --json``.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from index import Article
from rag.filters import ArticleFilter
from rag.models import Answer, ChatMessage

__all__ = [
    "Answer",
    "ArticleDetail",
    "ArticleList",
    "ArticleSummary",
    "AskRequest",
    "ErrorResponse",
    "FieldError",
    "HealthResponse",
    "HistoryTurn",
    "ReadyResponse",
]


class HistoryTurn(BaseModel):
    """One earlier turn of the conversation, so a follow-up question can refer to it."""

    model_config = ConfigDict(strict=True, extra="forbid")

    role: Literal["user", "assistant"]
    content: str = Field(max_length=20_000)


class AskRequest(BaseModel):
    """A question about the indexed articles, optionally a follow-up in a conversation."""

    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"question": "How much could Meta invest in Scale AI?"},
                {
                    "question": "Who leads it?",
                    "top_k": 4,
                    "history": [
                        {"role": "user", "content": "What does Scale AI do?"},
                        {"role": "assistant", "content": "It labels data for AI companies [1]."},
                    ],
                },
            ]
        },
    )

    # The limits are settings (RAG_MAX_QUESTION_CHARS, RAG_MAX_HISTORY_TURNS): rag.question.validate_question
    # checks them and the app writes them into the OpenAPI schema. The pattern documents: not blank.
    question: str = Field(
        min_length=1, json_schema_extra={"pattern": r"\S"}, description="the question, in plain language"
    )
    top_k: Annotated[int, Field(ge=1, le=20)] | None = Field(
        default=None, description="passages to retrieve (default RAG_TOP_K)"
    )
    history: list[HistoryTurn] = Field(default_factory=list, description="earlier turns, oldest first")
    since: str | None = Field(
        default=None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="only articles dated on or after (YYYY-MM-DD)"
    )
    until: str | None = Field(
        default=None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="only articles dated on or before (YYYY-MM-DD)"
    )
    sources: list[Annotated[str, Field(min_length=1, max_length=200)]] = Field(
        default_factory=list, max_length=50, description="only these outlets or file names"
    )

    @model_validator(mode="before")
    @classmethod
    def _whole_top_k(cls, data: object) -> object:
        # JSON does not tell 3 from 3.0 and JSON Schema calls both integers; strict mode alone would refuse 3.0.
        if isinstance(data, dict) and isinstance(data.get("top_k"), float) and data["top_k"].is_integer():
            return {**data, "top_k": int(data["top_k"])}
        return data

    def article_filter(self) -> ArticleFilter | None:
        if not (self.since or self.until or self.sources):
            return None
        return ArticleFilter(since=self.since, until=self.until, sources=tuple(self.sources))

    def chat_history(self) -> list[ChatMessage]:
        return [ChatMessage(role=turn.role, content=turn.content) for turn in self.history]


class FieldError(BaseModel):
    """One problem with the request: where and what."""

    loc: str = Field(description="where, e.g. body.question")
    msg: str


class ErrorResponse(BaseModel):
    """Every error: one sentence saying what was wrong, and the request id to find it in the logs."""

    detail: str
    request_id: str | None = None
    errors: list[FieldError] | None = Field(default=None, description="each invalid field, for 422")


class HealthResponse(BaseModel):
    status: Literal["ok"] = "ok"


class ReadyResponse(BaseModel):
    """Whether questions can be answered yet; 503 until the index and the model are loaded."""

    status: Literal["loading", "ready", "failed", "unavailable"]
    model: str | None = None
    context_mode: str | None = None
    context_mode_reason: str | None = Field(default=None, description="why this context mode (corpus/retrieval)")
    articles: int | None = None
    chunks: int | None = None
    detail: str | None = Field(default=None, description="why loading failed")


class ArticleSummary(BaseModel):
    article_id: str
    title: str
    date: str | None = None
    source: str = Field(description="the article's file name")
    chars: int = Field(description="length of the cleaned text")

    @classmethod
    def of(cls, article: Article) -> ArticleSummary:
        return cls(
            article_id=article.article_id,
            title=article.title,
            date=article.date,
            source=_file_name(article.source),
            chars=len(article.text),
        )


class ArticleList(BaseModel):
    total: int
    offset: int
    limit: int
    articles: list[ArticleSummary]


class ArticleDetail(ArticleSummary):
    """The cleaned text that citations' ``start``/``end`` offsets index into."""

    text: str
    content_hash: str

    @classmethod
    def of(cls, article: Article) -> ArticleDetail:
        return cls(
            **ArticleSummary.of(article).model_dump(),
            text=article.text,
            content_hash=article.content_hash,
        )


def _file_name(source: str) -> str:
    # The index stores the absolute path; clients need no view of the server's file system.
    return PurePath(source).name if source else ""
