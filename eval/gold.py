"""The gold question set: one JSON object per line, read into typed ``GoldItem``s."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from rag.models import ChatMessage

__all__ = ["DEFAULT_GOLD", "UNANSWERABLE_KINDS", "GoldError", "GoldItem", "load_gold", "select"]

DEFAULT_GOLD = Path(__file__).resolve().parent / "gold.jsonl"
# Kinds whose right response is to abstain; listed for reports (the per-item flag is what scoring uses).
UNANSWERABLE_KINDS = frozenset(
    {"unanswerable", "false_premise", "adversarial", "attribute_unanswerable", "constraint_unanswerable"}
)


class GoldError(ValueError):
    """The gold file cannot be read; the message names the file and line."""


class GoldItem(BaseModel):
    """One gold question. Keys the harness does not know are ignored, so the set can grow annotations."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str = Field(min_length=1)
    question: str = Field(min_length=1)
    answers: list[str] = Field(default_factory=list, description="accepted answers (aliases)")
    sources: list[str] = Field(default_factory=list, description="ids of the articles that state the answer")
    answerable: bool
    kind: str = "fact"
    history: list[ChatMessage] = Field(default_factory=list, description="earlier turns, for follow-ups")
    all_answers: bool = Field(
        default=False,
        description="every listed answer must appear (a conflict's values, a complete list), not just one alias",
    )

    @model_validator(mode="after")
    def _answerable_has_answers(self) -> GoldItem:
        if self.answerable and not any(a.strip() for a in self.answers):
            raise ValueError("an answerable question needs at least one gold answer")
        if self.all_answers and not self.answerable:
            raise ValueError("all_answers needs an answerable question")
        return self


def load_gold(path: Path) -> list[GoldItem]:
    """Every question of a JSONL gold file, in file order; blank lines are skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldError(f"cannot read the gold file {path}: {exc}") from exc
    items: list[GoldItem] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = GoldItem.model_validate(json.loads(line))
        except (json.JSONDecodeError, ValidationError) as exc:
            raise GoldError(f"{path}:{number}: {exc}") from exc
        if item.id in seen:
            raise GoldError(f"{path}:{number}: duplicate id {item.id!r}")
        seen.add(item.id)
        items.append(item)
    if not items:
        raise GoldError(f"{path} holds no questions")
    return items


def select(items: Sequence[GoldItem], limit: int | None) -> list[GoldItem]:
    """The first ``limit`` questions taken round-robin across kinds (all of them when ``limit`` is None).

    The gold file is grouped by kind, so its first 20 lines are all simple facts; taking kinds in turn
    keeps a short run representative (abstention included) while staying deterministic.
    """
    if limit is None or limit >= len(items):
        return list(items)
    if limit < 1:
        raise ValueError("limit must be at least 1")
    queues: dict[str, list[GoldItem]] = {}
    for item in items:
        queues.setdefault(item.kind, []).append(item)
    chosen: list[GoldItem] = []
    depth = 0
    while len(chosen) < limit:
        for queue in queues.values():
            if depth < len(queue) and len(chosen) < limit:
                chosen.append(queue[depth])
        depth += 1
    order = {item.id: i for i, item in enumerate(items)}
    return sorted(chosen, key=lambda item: order[item.id])
