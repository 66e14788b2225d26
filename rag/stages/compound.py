"""A question that asks two things ("How old was Steve Jobs when he went on medical leave in January 2011, and how
old was he when he died?") is two questions when answered as one fails.

A model shown a few sentences tends to give one part's figure to both ("56 when he went on medical leave …, and
56 when he died"); the gate refuses that, rightly. Asked apart, each part is a plain question the pipeline answers
and verifies as usual. This module only reads the question: it splits it at ", and <question word>" and gives the
second part the first part's subject where it says "he" or "it".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.models import ChatMessage
from rag.stages.bridge import split_description
from rag.stages.rewrite import keep_subject, names_in, put_subject

__all__ = ["Compound", "split_compound"]

_QUESTION_WORD = r"(?:how|what|which|who|whom|when|where|why|in\s+what|by\s+how)\b"
# ", and how old was he …": a second question, not a list ("Meta, Booz Allen and Lockheed Martin").
_JOINT = re.compile(rf",\s+and\s+(?={_QUESTION_WORD})", re.I)
_ASKS = re.compile(_QUESTION_WORD, re.I)


@dataclass(frozen=True)
class Compound:
    """The two questions a compound question asks, each standing alone."""

    first: str  # "How old was Steve Jobs when he went on medical leave in January 2011?"
    second: str  # "How old was Steve Jobs when he died?"


def split_compound(question: str) -> Compound | None:
    """The two questions of ``question``; None unless it is two questions joined by ", and", each led by a
    question word."""
    joints = list(_JOINT.finditer(question))
    if len(joints) != 1:
        return None
    head = question[: joints[0].start()].strip()
    tail = question[joints[0].end() :].strip()
    if not _ASKS.match(head) or not tail.endswith("?"):
        return None
    first = head.rstrip("?.,;: ") + "?"
    second = tail[:1].upper() + tail[1:]
    described = split_description(first)
    # "…the start-up co-founded by Lucy Guo make last year, and what does it expect": "it" is the start-up, not
    # the name that describes it; the second part's own bridge then resolves the description.
    put = put_subject(second, described.description) if described else second
    # "how old was he when he died?" after a question about Steve Jobs is the follow-up a chat rewrites.
    second = put if put != second else keep_subject(second, [ChatMessage(role="user", content=first)])
    # "and what is the lowest?" names nothing to answer about on its own.
    if not names_in(second):
        return None
    return Compound(first=first, second=second)
