"""One scored question: what the system said, and every per-question figure the summary is made of."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from eval.citations import CitedSentence, SupportFn, score_citations
from eval.gold import GoldItem
from eval.matching import match_answer
from eval.retrieval import recall_at_k, reciprocal_rank
from rag.models import Answer, Citation, Timings
from rag.parsing import strip_markers

__all__ = ["QuestionRecord", "failed_record", "score_answer"]


class QuestionRecord(BaseModel):
    """A line of ``answers.jsonl``."""

    id: str
    kind: str
    question: str
    config: str
    gold_answers: list[str]
    gold_answerable: bool
    gold_sources: list[str]
    answer: str
    answerable: bool = Field(description="the system's own flag; False is an abstention")
    citations: list[Citation] = Field(default_factory=list)
    standalone_question: str | None = Field(default=None, description="the question as the system searched it")
    retrieved: list[str] = Field(default_factory=list, description="article id of each top-k passage, best first")
    latency_s: float
    first_token_s: float | None = None
    timings: Timings = Field(default_factory=Timings)
    model: str = ""
    error: str | None = Field(default=None, description="the question failed; it counts as wrong")
    abstention_reason: str | None = Field(default=None, description="the system's typed reason for abstaining")
    abstention_gate: str | None = Field(default=None, description="the check that decided the abstention")
    abstention_message: str | None = None
    correct: bool = Field(description="answerable gold: answered and matched; unanswerable gold: abstained")
    f1: float | None = Field(default=None, description="best SQuAD F1 over aliases (answerable gold only)")
    matched_alias: str | None = None
    match: str | None = Field(default=None, description="contains | recall")
    recall_at_k: float | None = None
    hit_at_k: bool | None = None
    reciprocal_rank: float | None = None
    citation_recall: float | None = None
    citation_precision: float | None = None
    citation_checks: list[CitedSentence] = Field(default_factory=list)

    @property
    def abstained(self) -> bool:
        return not self.answerable and self.error is None

    @property
    def outcome(self) -> str:
        """right / refused / wrong (answered, not right; with citations when the system cites) for answerable
        gold; abstained / invented for gold to abstain on. A failed question is wrong or invented."""
        if self.gold_answerable:
            if self.correct:
                return "right"
            return "refused" if self.abstained else "wrong"
        return "abstained" if self.abstained else "invented"


def score_answer(
    item: GoldItem,
    answer: Answer,
    *,
    config: str,
    latency_s: float,
    retrieved: list[str] | None,
    k: int,
    supports: SupportFn | None,
) -> QuestionRecord:
    """Score one answer against its gold item.

    ``retrieved`` is None for a system that does not retrieve; ``supports`` is None for one that does not
    cite (both leave their metrics unset rather than zero).
    """
    text = strip_markers(answer.answer)
    correct = not answer.answerable
    f1: float | None = None
    alias = how = None
    if item.answerable:
        match = match_answer(text, item.answers)
        # "Do the sources agree?" and "which three…" questions list every value the answer must give.
        every = all(match_answer(text, [value]).correct for value in item.answers) if item.all_answers else True
        correct = answer.answerable and match.correct and every
        f1 = match.f1 if answer.answerable else 0.0
        alias, how = (match.alias, match.how) if correct else (None, None)
    record = QuestionRecord(
        **_gold_fields(item, config),
        answer=answer.answer,
        answerable=answer.answerable,
        citations=answer.citations,
        standalone_question=answer.question,
        retrieved=retrieved or [],
        latency_s=latency_s,
        first_token_s=answer.timings.first_token_ms / 1000 if answer.timings.first_token_ms is not None else None,
        timings=answer.timings,
        model=answer.model,
        abstention_reason=answer.abstention.reason if answer.abstention else None,
        abstention_gate=answer.abstention.gate if answer.abstention else None,
        abstention_message=answer.abstention.message if answer.abstention else None,
        correct=correct,
        f1=f1,
        matched_alias=alias,
        match=how,
    )
    if retrieved is not None and item.answerable and item.sources:
        record.recall_at_k = recall_at_k(retrieved, item.sources, k)
        record.hit_at_k = record.recall_at_k > 0
        record.reciprocal_rank = reciprocal_rank(retrieved, item.sources)
    if supports is not None and answer.answerable:
        scored = score_citations(answer.answer, answer.citations, answer.question or item.question, supports)
        record.citation_recall, record.citation_precision = scored.recall, scored.precision
        record.citation_checks = scored.sentences
    return record


def _gold_fields(item: GoldItem, config: str) -> dict[str, Any]:
    """What every record of ``item`` carries, answered or failed."""
    return {
        "id": item.id,
        "kind": item.kind,
        "question": item.question,
        "config": config,
        "gold_answers": item.answers,
        "gold_answerable": item.answerable,
        "gold_sources": item.sources,
    }


def failed_record(item: GoldItem, *, config: str, latency_s: float, error: str) -> QuestionRecord:
    """The record of a question whose answering raised: wrong, whatever the gold says."""
    return QuestionRecord(
        **_gold_fields(item, config),
        answer="",
        answerable=False,
        latency_s=latency_s,
        error=error,
        correct=False,
        f1=0.0 if item.answerable else None,
    )
