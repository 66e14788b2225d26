"""Turns a follow-up in a chat into a standalone question."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rag.llm.base import Completion, Generator
from rag.models import ChatMessage
from rag.parsing import strip_markers
from rag.prompts import rewrite_messages
from rag.stages.amounts import LEADING_QUALIFIER, find_amounts
from rag.stages.binding import name_groups
from rag.stages.verify import extract_names

__all__ = ["FollowUpRewriter", "Rewrite", "keep_figure", "keep_subject", "names_in", "put_subject"]

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
            rewritten = question
        rewritten = keep_figure(keep_subject(rewritten, history), history)
        if rewritten == question:
            return Rewrite(question, completion)
        if self.log_questions:
            log.info("rewrote follow-up %r as %r", question, rewritten)
        return Rewrite(rewritten, completion)


_SINGULAR = re.compile(r"\b(it|its|he|his|she|her)\b", re.I)
_PLURAL = re.compile(r"\b(they|their|them)\b", re.I)
_POSSESSIVE = frozenset({"its", "his", "her", "their"})
_NAME_RUN = re.compile(r"[A-Z][\w&'’.-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w&'’.-]*)*")


def keep_subject(question: str, history: Sequence[ChatMessage]) -> str:
    """A rewrite that still says "it" or "they" and names no one gets the subject of the last turn back.

    The model sometimes returns the follow-up unchanged ("What product are they building together?"), and a
    question without its subject retrieves anything. "it"/"he"/"she" is the previous question's first name;
    "they" the names of the previous answer (or question).
    """
    if names_in(question) or not history:
        return question
    asked = next((t.content for t in reversed(history) if t.role == "user"), "")
    said = next((t.content for t in reversed(history) if t.role == "assistant"), "")
    if _PLURAL.search(question):
        names = list(dict.fromkeys(names_in(said) or names_in(asked)))[:2]
        pattern = _PLURAL
    else:
        names = names_in(asked)[:1] or names_in(said)[:1]
        pattern = _SINGULAR
    if not names:
        return question
    return put_subject(question, " and ".join(names), plural=pattern is _PLURAL)


# "When did he announce that figure?": the figure of the answer before.
_THAT_FIGURE = re.compile(r"\b(?:that|this|the same)\s+(figure|number|amount|sum|total|estimate)\b", re.I)
# A figure's number and scale without the words that qualify it: "as much as $65 billion" -> "$65 billion".
_FIGURE_CORE = re.compile(
    r"(?:[A-Z]{0,3}\$|[€£])?\d[\d.,]*(?:\s*(?:billion|million|trillion|thousand|bn)\b)?(?:\s*(?:%|percent\b))?"
)


def keep_figure(question: str, history: Sequence[ChatMessage]) -> str:
    """A follow-up that says "that figure" (amount, number …) gets the one figure of the answer before it back:
    "When did Mark Zuckerberg announce that figure?" after "He said Meta would spend as much as $65 billion …" is
    "When did Mark Zuckerberg announce the $65 billion figure?". Unchanged where that answer gives no figure or
    several: which one is meant is then not known."""
    match = _THAT_FIGURE.search(question)
    said = next((t.content for t in reversed(history) if t.role == "assistant"), "")
    if match is None or not said:
        return question
    amounts = {a.key: a for a in find_amounts(strip_markers(said)) if a.value is not None}
    if len(amounts) != 1:
        return question
    (amount,) = amounts.values()
    core = _FIGURE_CORE.search(amount.text)
    figure = core.group(0) if core else LEADING_QUALIFIER.sub("", amount.text)
    return f"{question[: match.start()]}the {figure} {match.group(1)}{question[match.end() :]}"


def put_subject(question: str, subject: str, *, plural: bool = False) -> str:
    """``question`` with its first "it"/"he"/"she" (``plural``: "they") as ``subject``, "its" as "Scale AI's";
    unchanged where it has none."""

    def named(match: re.Match[str]) -> str:
        return f"{subject}'s" if match.group(1).lower() in _POSSESSIVE else subject

    return (_PLURAL if plural else _SINGULAR).sub(named, question, count=1)


def names_in(text: str) -> list[str]:
    """Name runs of ``text`` ("Scale AI", "Anduril Industries"), without capitalised common words, and without
    the possessive they may carry ("Scale AI's valuation" names Scale AI)."""
    names = extract_names(text)
    found = []
    for match in _NAME_RUN.finditer(text):
        words = {w.lower().strip(".,'’") for w in match.group(0).split()}
        if words & names and name_groups(match.group(0), ()):
            found.append(_POSSESSIVE_END.sub("", match.group(0).rstrip(".,;:?")))
    return found


_POSSESSIVE_END = re.compile(r"(?:'s|’s|'|’)$")
