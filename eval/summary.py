"""From per-question records to the figures of ``summary.json``: headline metrics, per kind, with 95% CIs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pydantic import BaseModel, Field

from eval.records import QuestionRecord
from eval.stats import bootstrap_ci, mean, percentile

__all__ = ["CI", "GateSummary", "KindSummary", "Outcomes", "Summary", "summarise"]

CI = tuple[float, float] | None


class KindSummary(BaseModel):
    """The figures of one kind of question."""

    n: int
    n_answerable: int
    accuracy: float = Field(description="share correct: answered right (answerable) or abstained (unanswerable)")
    accuracy_ci95: CI = None
    answer_f1: float | None = None
    abstention_rate: float = Field(description="share of the kind's questions the system abstained on")
    retrieval_recall_at_k: float | None = None
    mrr: float | None = None
    citation_recall: float | None = None
    citation_precision: float | None = None
    latency_p50_s: float | None = None


class Outcomes(BaseModel):
    """What happened to each question, CRAG-style: an invented or wrong answer costs what a right one earns."""

    right: int = Field(description="answerable, answered right")
    refused: int = Field(description="answerable, abstained on (a false refusal)")
    wrong: int = Field(description="answerable, answered wrong (with citations, where the system cites)")
    abstained: int = Field(description="to abstain on (unanswerable, false premise, adversarial), abstained on")
    invented: int = Field(description="to abstain on, answered anyway")
    trust: float = Field(description="(right - wrong - invented) / n")


class GateSummary(BaseModel):
    """Both sides of one abstention gate: what it caught and what it refused wrongly."""

    caught: int = Field(description="questions to abstain on that this gate abstained on")
    false_refusals: int = Field(description="answerable questions that this gate abstained on")
    reason: str = ""


def outcomes(records: Sequence[QuestionRecord]) -> Outcomes:
    counts = {name: 0 for name in ("right", "refused", "wrong", "abstained", "invented")}
    for record in records:
        counts[record.outcome] += 1
    trust = (counts["right"] - counts["wrong"] - counts["invented"]) / len(records) if records else 0.0
    return Outcomes(**counts, trust=round(trust, 4))


def gates(records: Sequence[QuestionRecord]) -> dict[str, GateSummary]:
    out: dict[str, GateSummary] = {}
    for record in records:
        if not record.abstained or record.abstention_gate is None:
            continue
        gate = out.setdefault(
            record.abstention_gate, GateSummary(caught=0, false_refusals=0, reason=record.abstention_reason or "")
        )
        if record.gold_answerable:
            gate.false_refusals += 1
        else:
            gate.caught += 1
    return dict(sorted(out.items()))


class Summary(BaseModel):
    """``summary.json`` of one configuration."""

    config: str
    description: str = ""
    model: str = ""
    gold: str = ""
    n_gold: int = Field(default=0, description="questions in the gold file (n < n_gold: a --limit sample)")
    n: int
    n_answerable: int
    n_unanswerable: int
    n_errors: int
    accuracy: float = Field(description="all questions: answerable ones answered right, the others abstained on")
    answer_accuracy: float | None = Field(description="answerable questions answered correctly (abstaining is wrong)")
    answer_f1: float | None = Field(description="mean best-alias SQuAD F1 on answerable questions (abstaining: 0)")
    abstention_accuracy: float | None = Field(description="unanswerable and false-premise questions abstained on")
    false_abstention_rate: float | None = Field(description="answerable questions abstained on")
    citation_recall: float | None = Field(description="ALCE, mean over answers given")
    citation_precision: float | None = Field(description="ALCE, mean over answers given")
    n_cited: int = Field(description="answers whose citations were scored")
    retrieval_k: int
    retrieval_recall_at_k: float | None = Field(description="mean share of gold source articles in the top k")
    retrieval_hit_at_k: float | None = Field(description="share of answerable questions with a gold source in top k")
    mrr: float | None = Field(description="mean reciprocal rank of the first passage from a gold source article")
    latency_p50_s: float | None
    latency_p95_s: float | None
    latency_mean_s: float | None
    first_token_p50_s: float | None = None
    outcomes: Outcomes | None = Field(default=None, description="right / refused / wrong, abstained / invented, trust")
    gates: dict[str, GateSummary] = Field(default_factory=dict, description="per abstention gate: caught, refused")
    ci95: dict[str, CI] = Field(default_factory=dict, description="bootstrap 95% intervals of the means above")
    by_kind: dict[str, KindSummary] = Field(default_factory=dict)
    settings: dict[str, Any] = Field(default_factory=dict)
    started_at: str = ""
    elapsed_s: float = 0.0


def _values(records: Sequence[QuestionRecord], get: Callable[[QuestionRecord], float | bool | None]) -> list[float]:
    return [float(v) for r in records if (v := get(r)) is not None]


def summarise(records: Sequence[QuestionRecord], *, config: str, retrieval_k: int, **context: Any) -> Summary:
    """Aggregate the records of one configuration (``context``: description, model, gold, settings, ...)."""
    answerable = [r for r in records if r.gold_answerable]
    unanswerable = [r for r in records if not r.gold_answerable]
    answered = [r for r in records if r.citation_recall is not None]
    metrics: dict[str, list[float]] = {
        "accuracy": _values(records, lambda r: r.correct),
        "answer_accuracy": _values(answerable, lambda r: r.correct),
        "answer_f1": _values(answerable, lambda r: r.f1),
        "abstention_accuracy": _values(unanswerable, lambda r: r.correct),
        "false_abstention_rate": _values(answerable, lambda r: r.abstained),
        "citation_recall": _values(answered, lambda r: r.citation_recall),
        "citation_precision": _values(answered, lambda r: r.citation_precision),
        "retrieval_recall_at_k": _values(answerable, lambda r: r.recall_at_k),
        "retrieval_hit_at_k": _values(answerable, lambda r: r.hit_at_k),
        "mrr": _values(answerable, lambda r: r.reciprocal_rank),
    }
    latencies = [r.latency_s for r in records]
    by_kind: dict[str, KindSummary] = {}
    for kind in dict.fromkeys(r.kind for r in records):
        group = [r for r in records if r.kind == kind]
        correct = _values(group, lambda r: r.correct)
        by_kind[kind] = KindSummary(
            n=len(group),
            n_answerable=sum(r.gold_answerable for r in group),
            accuracy=mean(correct) or 0.0,
            accuracy_ci95=bootstrap_ci(correct),
            answer_f1=mean(_values(group, lambda r: r.f1)),
            abstention_rate=mean(_values(group, lambda r: r.abstained)) or 0.0,
            retrieval_recall_at_k=mean(_values(group, lambda r: r.recall_at_k)),
            mrr=mean(_values(group, lambda r: r.reciprocal_rank)),
            citation_recall=mean(_values(group, lambda r: r.citation_recall)),
            citation_precision=mean(_values(group, lambda r: r.citation_precision)),
            latency_p50_s=percentile([r.latency_s for r in group], 50),
        )
    return Summary(
        config=config,
        n=len(records),
        n_answerable=len(answerable),
        n_unanswerable=len(unanswerable),
        n_errors=sum(r.error is not None for r in records),
        accuracy=mean(metrics["accuracy"]) or 0.0,
        answer_accuracy=mean(metrics["answer_accuracy"]),
        answer_f1=mean(metrics["answer_f1"]),
        abstention_accuracy=mean(metrics["abstention_accuracy"]),
        false_abstention_rate=mean(metrics["false_abstention_rate"]),
        citation_recall=mean(metrics["citation_recall"]),
        citation_precision=mean(metrics["citation_precision"]),
        n_cited=len(answered),
        retrieval_k=retrieval_k,
        retrieval_recall_at_k=mean(metrics["retrieval_recall_at_k"]),
        retrieval_hit_at_k=mean(metrics["retrieval_hit_at_k"]),
        mrr=mean(metrics["mrr"]),
        latency_p50_s=percentile(latencies, 50),
        latency_p95_s=percentile(latencies, 95),
        latency_mean_s=mean(latencies),
        first_token_p50_s=percentile(_values(records, lambda r: r.first_token_s), 50),
        outcomes=outcomes(records),
        gates=gates(records),
        ci95={name: bootstrap_ci(values) for name, values in metrics.items()},
        by_kind=by_kind,
        **context,
    )
