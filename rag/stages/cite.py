"""Renders a verified answer: ``[n]`` after each supported claim, one citation per distinct quote."""

from __future__ import annotations

from collections.abc import Sequence

from index import SearchHit, Sentence
from rag.models import Citation
from rag.stages.verify import Verdict

__all__ = ["CitationRenderer"]


class CitationRenderer:
    def __init__(
        self,
        titles: dict[str, str],
        dates: dict[str, str | None] | None = None,
        sources: dict[str, str | None] | None = None,
    ):
        self.titles = titles
        self.dates = dates or {}  # article id -> publication date, shown with each citation
        self.sources = sources or {}  # uploaded document id -> its outlet

    def run(self, verdict: Verdict, hits: Sequence[SearchHit]) -> tuple[str, list[Citation]]:
        numbers: dict[tuple[str, int], int] = {}
        citations: list[Citation] = []
        parts = []
        for check in verdict.checks:
            if not check.supported:
                continue  # generic filler without figures or names; the answerable gate allowed dropping it
            marks = []
            for sentence in check.sentences:
                key = (sentence.article_id, sentence.start)
                if key not in numbers:
                    numbers[key] = len(numbers) + 1
                    citations.append(
                        Citation(
                            n=numbers[key],
                            article_id=sentence.article_id,
                            chunk_id=_chunk_id(sentence, hits),
                            title=self.titles.get(sentence.article_id, ""),
                            quote=sentence.text,
                            start=sentence.start,
                            end=sentence.end,
                            score=round(check.score, 4),
                            supported=True,
                            date=self.dates.get(sentence.article_id),
                            source=self.sources.get(sentence.article_id),
                        )
                    )
                marks.append(f"[{numbers[key]}]")
            claim = check.claim.rstrip()
            end = claim[-1] if claim and claim[-1] in ".!?" else ""
            body = claim[:-1] if end else claim
            parts.append(f"{body} {''.join(marks)}{end or '.'}")
        return " ".join(parts), citations


def _chunk_id(sentence: Sentence, hits: Sequence[SearchHit]) -> str:
    """The retrieved chunk holding the sentence, or a sentence anchor when none of them does (corpus mode)."""
    for hit in hits:
        c = hit.chunk
        if c.article_id == sentence.article_id and c.start <= sentence.start and sentence.end <= c.end:
            return c.chunk_id
    return f"{sentence.article_id}#sentence-{sentence.start}"
