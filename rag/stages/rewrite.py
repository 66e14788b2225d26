"""Turns a follow-up in a chat into a standalone question."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from rag.llm.base import Completion, Generator
from rag.models import ChatMessage
from rag.prompts import rewrite_messages

__all__ = ["FollowUpRewriter", "Rewrite"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Rewrite:
    question: str
    completion: Completion | None = None  # None when there was no history to rewrite against


class FollowUpRewriter:
    """The model gets the last few turns and writes the question out in full."""

    def __init__(self, generator: Generator, system: str, *, log_questions: bool = False):
        # ``system`` is the answer prompt's system message, so the rewrite shares its cached prefix.
        self.generator = generator
        self.system = system
        self.log_questions = log_questions

    def run(self, question: str, history: Sequence[ChatMessage]) -> Rewrite:
        if not history:
            return Rewrite(question)
        completion = self.generator.chat(rewrite_messages(question, history, self.system), max_tokens=48, stop=["\n"])
        rewritten = completion.text.strip().strip('"').strip()
        if not rewritten or len(rewritten) > 3 * len(question) + 200:
            return Rewrite(question, completion)
        if self.log_questions:
            log.info("rewrote follow-up %r as %r", question, rewritten)
        return Rewrite(rewritten, completion)
