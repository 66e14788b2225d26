"""Configurations side by side, each paired against the baseline with an exact McNemar test."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pydantic import BaseModel, Field

from eval.records import QuestionRecord
from eval.stats import mcnemar_exact
from eval.summary import Summary

__all__ = ["SIGNIFICANCE", "Comparison", "PairedTest", "compare"]

SIGNIFICANCE = 0.05


class PairedTest(BaseModel):
    """Exact McNemar test of per-question correctness, this configuration vs the baseline."""

    n: int = Field(description="questions both were scored on")
    only_this: int = Field(description="right here, wrong in the baseline")
    only_baseline: int = Field(description="wrong here, right in the baseline")
    p_value: float
    significant: bool = Field(description=f"p < {SIGNIFICANCE}")
    ids_only_this: list[str] = Field(default_factory=list)
    ids_only_baseline: list[str] = Field(default_factory=list)


class Comparison(BaseModel):
    """``compare.json``."""

    baseline: str
    configs: list[str]
    summaries: dict[str, Summary]
    # config -> scope ("accuracy": all questions, "answer_accuracy": answerable ones) -> test
    mcnemar: dict[str, dict[str, PairedTest]] = Field(default_factory=dict)


def _paired(this: Sequence[QuestionRecord], base: Mapping[str, QuestionRecord]) -> PairedTest:
    pairs = [(r.id, r.correct, base[r.id].correct) for r in this if r.id in base]
    test = mcnemar_exact([a for _, a, _ in pairs], [b for _, _, b in pairs])
    return PairedTest(
        n=len(pairs),
        only_this=test.only_a,
        only_baseline=test.only_b,
        p_value=test.p_value,
        significant=test.p_value < SIGNIFICANCE,
        ids_only_this=[i for i, a, b in pairs if a and not b],
        ids_only_baseline=[i for i, a, b in pairs if b and not a],
    )


def compare(
    summaries: Mapping[str, Summary], records: Mapping[str, Sequence[QuestionRecord]], baseline: str = "pipeline"
) -> Comparison:
    """Every configuration's summary, and a paired test of each against ``baseline`` (when it was run)."""
    tests: dict[str, dict[str, PairedTest]] = {}
    if baseline in records:
        base = {r.id: r for r in records[baseline]}
        answerable_base = {r.id: r for r in records[baseline] if r.gold_answerable}
        for name, recs in records.items():
            if name == baseline:
                continue
            tests[name] = {
                "accuracy": _paired(recs, base),
                "answer_accuracy": _paired([r for r in recs if r.gold_answerable], answerable_base),
            }
    return Comparison(baseline=baseline, configs=list(summaries), summaries=dict(summaries), mcnemar=tests)
