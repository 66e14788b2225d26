"""Prompts, kept short: on this CPU every prompt token costs about 10 ms.

Every prompt starts with the same system message, so the model's KV cache keeps it across answer,
judge and rewrite calls and only the varying tail is evaluated.
"""

from __future__ import annotations

from collections.abc import Sequence

from rag.evidence import Evidence
from rag.llm.base import Message
from rag.models import ChatMessage

__all__ = ["JUDGE_SYSTEM", "PROMPT_VERSION", "SYSTEM", "answer_messages", "judge_messages", "rewrite_messages"]

PROMPT_VERSION = "3"

SYSTEM = (
    "You answer questions about news articles using only the numbered sentences given. "
    "Never use outside knowledge. Never guess.\n"
    "Reply in two lines.\n"
    "Sentences: the numbers of the sentences that state the answer, or none\n"
    "Answer: a short answer in one or two sentences, each claim ending with its [n]\n"
    "If the sentences disagree, give both versions, each with its [n]. "
    "If no sentence states the answer, reply:\nSentences: none\nAnswer: NOT FOUND"
)


def _short_title(title: str, words: int = 6) -> str:
    parts = title.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def format_evidence(evidence: Sequence[Evidence]) -> str:
    """Numbered sentences, with the article's short title and date on each."""
    lines = []
    for ev in evidence:
        source = _short_title(ev.title) + (f", {ev.date}" if ev.date else "")
        lines.append(f"[{ev.n}] ({source}) {ev.sentence.text}")
    return "\n".join(lines)


def answer_messages(question: str, evidence: Sequence[Evidence]) -> list[Message]:
    """The answer prompt: sentences, question, output rules."""
    user = f"{format_evidence(evidence)}\n\nQuestion: {question}"
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}]


JUDGE_SYSTEM = "You are a careful reader. Reply with one word: yes or no."


def judge_messages(question: str, answer: str, quotes: Sequence[str]) -> list[Message]:
    """A yes/no check of the answer against only its quotes (own system prompt, own KV cache)."""
    text = " ".join(quotes)
    user = (
        f"Text: {text}\n\nQuestion: {question}\nProposed answer: {answer}\n\n"
        "Is the proposed answer correct according to the text alone?"
    )
    return [{"role": "system", "content": JUDGE_SYSTEM}, {"role": "user", "content": user}]


def rewrite_messages(question: str, history: Sequence[ChatMessage]) -> list[Message]:
    """Turn a follow-up into a standalone question using the conversation so far."""
    turns = "\n".join(f"{m.role}: {m.content[:400]}" for m in history[-6:])
    user = (
        f"Conversation:\n{turns}\n\nFollow-up question: {question}\n\n"
        "Ignore the two-line format for this task. Rewrite the follow-up as one standalone question that names "
        "what it refers to. Reply with the question only."
    )
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}]
