"""Asks the model whether the quotes alone make the answer correct."""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass

from rag.llm.base import ChoiceScorer, Completion, Generator
from rag.prompts import judge_followup_messages, judge_messages
from rag.stages.draft import Draft
from rag.stages.verify import Verdict

__all__ = ["Judge", "Judgement", "asks_reason"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Judgement:
    passed: bool
    p_yes: float | None  # None when the backend cannot score choices and its greedy reply decided
    ms: float
    completion: Completion | None = None
    asked: bool = True  # False: not asked (the in-context judge scoped to reasons: RAG_JUDGE_CONTEXT_REASONS_ONLY)


# A question whose answer is a reason: free text no model-free gate can bind to the question.
_ASKS_REASON = re.compile(r"^\W*(?:why|how come|for what reasons?|what (?:was|were|is|are) the reasons?)\b", re.I)


def asks_reason(question: str) -> bool:
    return bool(_ASKS_REASON.match(question))


class Judge:
    """Where the backend can score choices, P(yes) must reach ``threshold``; otherwise the reply decides.

    It may be a second context on the same weights, so that its fixed prompt stays cached too. With
    ``context`` (RAG_JUDGE_IN_CONTEXT, given in corpus mode only: ``rag.runtime``) the question is asked instead as
    a follow-up to the draft in the answering model's context, whose KV cache already holds the prompt and the
    reply.
    """

    def __init__(
        self,
        generator: Generator,
        threshold: float,
        *,
        context: Generator | None = None,
        context_threshold: float | None = None,
        context_reasons_only: bool = False,
    ):
        if not 0.0 <= threshold <= 1.0 or not 0.0 <= (context_threshold or 0.0) <= 1.0:
            raise ValueError("thresholds must be within [0, 1]")
        self.generator = generator
        self.threshold = threshold
        self.context = context
        # Another question in another prompt: its P(yes) is calibrated on its own.
        self.context_threshold = threshold if context_threshold is None else context_threshold
        self.context_reasons_only = context_reasons_only

    def run(self, question: str, verdict: Verdict, draft: Draft | None = None) -> Judgement:
        generator, threshold = self.generator, self.threshold
        if self.context is not None and draft is not None and draft.messages:
            if self.context_reasons_only and not asks_reason(question):
                return Judgement(True, None, 0.0, asked=False)
            generator, threshold = self.context, self.context_threshold
            messages = judge_followup_messages(draft.messages, draft.reply)
        else:
            claims = verdict.supported_text
            quotes = list(dict.fromkeys(s.text for c in verdict.supported for s in c.sentences))
            messages = judge_messages(question, claims, quotes)
        started = time.perf_counter()
        if isinstance(generator, ChoiceScorer):
            probs = generator.choice_probabilities(messages, ["yes", "no"])
            p_yes = probs["yes"] / max(probs["yes"] + probs["no"], 1e-9)
            log.info("judge P(yes)=%.2f", p_yes)
            return Judgement(p_yes >= threshold, p_yes, (time.perf_counter() - started) * 1000)
        completion = generator.chat(messages, max_tokens=2)
        passed = completion.text.strip().lower().startswith("yes")
        return Judgement(passed, None, completion.total_ms, completion)
