"""Asks the model whether the quotes alone make the answer correct."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from rag.llm.base import ChoiceScorer, Completion, Generator
from rag.prompts import judge_messages
from rag.stages.verify import Verdict

__all__ = ["Judge", "Judgement"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Judgement:
    passed: bool
    p_yes: float | None  # None when the backend cannot score choices and its greedy reply decided
    ms: float
    completion: Completion | None = None


class Judge:
    """Where the backend can score choices, P(yes) must reach ``threshold``; otherwise the reply decides.

    It may be a second context on the same weights, so that its fixed prompt stays cached too.
    """

    def __init__(self, generator: Generator, threshold: float):
        if not 0.0 <= threshold <= 1.0:
            raise ValueError("threshold must be within [0, 1]")
        self.generator = generator
        self.threshold = threshold

    def run(self, question: str, verdict: Verdict) -> Judgement:
        claims = " ".join(c.claim for c in verdict.supported)
        quotes = list(dict.fromkeys(s.text for c in verdict.supported for s in c.sentences))
        messages = judge_messages(question, claims, quotes)
        started = time.perf_counter()
        if isinstance(self.generator, ChoiceScorer):
            probs = self.generator.choice_probabilities(messages, ["yes", "no"])
            p_yes = probs["yes"] / max(probs["yes"] + probs["no"], 1e-9)
            log.info("judge P(yes)=%.2f", p_yes)
            return Judgement(p_yes >= self.threshold, p_yes, (time.perf_counter() - started) * 1000)
        completion = self.generator.chat(messages, max_tokens=2)
        passed = completion.text.strip().lower().startswith("yes")
        return Judgement(passed, None, completion.total_ms, completion)
