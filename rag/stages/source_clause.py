"""A question asked of one report ("How many users does Meta's AI assistant have, according to the report that says
the deal could reach $15 billion?") is answered from the articles that report says what it is known by.

Reports differ, and the question says which one it wants: "The article that puts Scale AI's 2024 valuation at
roughly nine billion dollars says its revenue last year reached what?" is "hundreds of millions" in that article,
not the US$870 million another reports. Answered from the whole collection, the model gives the figure it sees
most. This module reads the question (the report's description, and the question asked of it) and finds the
articles that state the description's figures; the pipeline answers the question from those alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from index import Sentence
from rag.models import ChatMessage
from rag.stages.amounts import find_amounts
from rag.stages.rewrite import keep_subject

__all__ = ["SourceClause", "articles_stating", "split_source_clause"]

_REPORT = r"(?:article|report|story|piece)"
# "The article that puts … at roughly nine billion dollars says its revenue last year reached what?"
_LEADING = re.compile(
    rf"^(?:In\s+)?[Tt]he\s+{_REPORT}\s+(?:that|which)\s+(?P<clause>.+?)\s+"
    r"(?P<verb>says|said|reports|reported|states|stated|writes|wrote|puts|put|gives|gave)\s+(?P<rest>.+\?)$"
)
# "How many …, according to the report that says the deal could reach $15 billion?"
_TRAILING = re.compile(rf"^(?P<rest>.+?),?\s+according\s+to\s+the\s+{_REPORT}\s+(?:that|which)\s+(?P<clause>.+)\?$")


@dataclass(frozen=True)
class SourceClause:
    """What the question knows its report by, and the question it asks of that report."""

    clause: str  # "says the deal could reach $15 billion"
    question: str  # "How many monthly active users does Meta's AI assistant have?"
    figures: frozenset[str]  # the clause's figures as keys of equal amounts ("1.5e+10")


def split_source_clause(question: str) -> SourceClause | None:
    """The report ``question`` is asked of and the question it asks; None where it names no report, or knows it
    by no figure (one report among several is told apart by what it alone says, and its figure is what that
    can be checked by without a model)."""
    if m := _TRAILING.match(question):
        rest = m.group("rest").rstrip(" ,") + "?"
    elif m := _LEADING.match(question):
        rest = m.group("rest")
        rest = rest[:1].upper() + rest[1:]
        # "says its revenue last year reached what?": "its" is the subject the clause names.
        rest = keep_subject(rest, [ChatMessage(role="user", content=m.group("clause"))])
    else:
        return None
    figures = frozenset(a.key for a in find_amounts(m.group("clause")) if a.value is not None)
    if not figures:
        return None
    return SourceClause(clause=m.group("clause"), question=rest, figures=figures)


def articles_stating(source: SourceClause, sentences: Iterable[Sentence]) -> set[str]:
    """The ids of the articles with a sentence that gives every figure of the clause."""
    return {s.article_id for s in sentences if source.figures <= {a.key for a in find_amounts(s.text)}}
