"""Sentence-aware chunking with exact character offsets into the cleaned article text."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from index.models import Article, Chunk, Sentence

__all__ = ["ChunkerConfig", "chunk_article", "split_sentences"]

# Abbreviations whose full stop does not end a sentence in news copy.
_ABBREVIATIONS = frozenset(
    (
        "mr mrs ms dr prof sr jr st inc corp co ltd plc llc bros vs etc e.g i.e u.s u.k u.n no jan feb mar apr "
        "jun jul aug sep sept oct nov dec gov sen rep gen col lt mt fig approx dept est"
    ).split()
)
_BOUNDARY = re.compile(r"[.!?…]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9$£€])|\n+")


def split_sentences(article: Article) -> list[Sentence]:
    """Split an article into sentences; ``article.text[s.start:s.end] == s.text`` for each."""
    text = article.text
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end() if match.group().strip() else match.start()
        if match.group().strip():
            word = re.search(r"(\S+)$", text[start : match.start()])
            token = word.group(1).lower().rstrip(".") if word else ""
            # "U.S." / "Corp." / single initials do not end a sentence.
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
        _append(sentences, article.article_id, text, start, end)
        start = match.end()
    _append(sentences, article.article_id, text, start, len(text))
    return sentences


def _append(out: list[Sentence], article_id: str, text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(article_id=article_id, start=start, end=end, text=text[start:end]))


@dataclass(frozen=True)
class ChunkerConfig:
    """How passages are cut: a token budget per chunk and sentences shared between neighbours."""

    chunk_tokens: int = 128
    overlap_sentences: int = 1
    chars_per_token: float = 4.0

    def __post_init__(self) -> None:
        if self.chunk_tokens < 16:
            raise ValueError("chunk_tokens must be at least 16")
        if self.overlap_sentences < 0:
            raise ValueError("overlap_sentences must be >= 0")

    @property
    def max_chars(self) -> int:
        return int(self.chunk_tokens * self.chars_per_token)


def _chunk_id(article_id: str, text: str, seen: dict[str, int]) -> str:
    # Content-derived, so unchanged text keeps its id across rebuilds; a repeat gets a suffix.
    digest = hashlib.sha1(text.encode()).hexdigest()[:12]
    count = seen.get(digest, 0)
    seen[digest] = count + 1
    return f"{article_id}#{digest}" + (f"-{count}" if count else "")


def chunk_article(article: Article, config: ChunkerConfig | None = None) -> list[Chunk]:
    """Pack consecutive sentences into chunks of about ``config.chunk_tokens`` tokens."""
    config = config or ChunkerConfig()
    sentences = split_sentences(article)
    chunks: list[Chunk] = []
    seen: dict[str, int] = {}
    first = 0
    while first < len(sentences):
        last = first
        while last + 1 < len(sentences) and sentences[last + 1].end - sentences[first].start <= config.max_chars:
            last += 1
        start, end = sentences[first].start, sentences[last].end
        text = article.text[start:end]
        chunks.append(
            Chunk(
                chunk_id=_chunk_id(article.article_id, text, seen),
                article_id=article.article_id,
                title=article.title,
                date=article.date,
                start=start,
                end=end,
                text=text,
            )
        )
        if last + 1 >= len(sentences):
            break
        # Step forward, keeping `overlap_sentences` of context, but always making progress.
        first = max(first + 1, last + 1 - config.overlap_sentences)
    return chunks
