"""Typed records that cross the index package's boundary."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Article", "Chunk", "SearchHit", "Sentence"]


class Article(BaseModel):
    """One cleaned article; offsets of chunks and quotes index into ``text``."""

    model_config = ConfigDict(frozen=True)

    article_id: str
    title: str
    date: str | None = None
    text: str
    source: str = ""
    content_hash: str


class Chunk(BaseModel):
    """A passage of an article: ``article.text[start:end] == text``."""

    model_config = ConfigDict(frozen=True)

    chunk_id: str
    article_id: str
    title: str
    date: str | None = None
    start: int
    end: int
    text: str


class Sentence(BaseModel):
    """One sentence of an article, with its offsets into the cleaned text."""

    model_config = ConfigDict(frozen=True)

    article_id: str
    start: int
    end: int
    text: str


class SearchHit(BaseModel):
    """A ranked chunk with the scores that placed it."""

    chunk: Chunk
    score: float = Field(description="fused reciprocal-rank score")
    dense_score: float | None = Field(default=None, description="cosine similarity, when the dense side saw it")
    lexical_score: float | None = Field(default=None, description="BM25 score, when the lexical side saw it")
