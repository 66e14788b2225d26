"""Who made a purchase: a question that says its subject bought or acquired something is not answered by a sentence
that gives the purchase to someone else.

"In what year did Steve Jobs buy NeXT?" has every word it needs in "In 1996, following Apple Computer's purchase of
NeXT, Jobs returned to Apple": the year, the purchase, NeXT, Jobs. But the buyer the sentence names is Apple
Computer; and "Which company did Apple acquire in 2005?" is not answered by Pixar, "which was acquired by The Walt
Disney Company in 2005" (held-out round 28, w773 and w779). The buyer is read only where the sentence writes it
with the purchase: a passive's agent ("acquired by Disney"), a possessive ("Apple Computer's purchase of"), or a
name just before the verb ("Disney bought Pixar"). A purchase whose buyer is a pronoun or left out may be the
subject's, so a sentence holding one is not refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["other_buyer"]

_NAME = r"(?:[A-Z][\w.&'’-]*\s+){0,4}[A-Z][\w.&-]*"
# "did Apple acquire", "has Fiat bought": the question's subject as the buyer.
_ASKED_BUYER = re.compile(
    rf"\b(?:did|does|do|has|had|have|will|would)\s+(?P<buyer>{_NAME})\s+(?:buy|acquire|purchase|take\s+over)\b"
)
_ACT = re.compile(
    r"\b(?:buy|buys|bought|buying|acquires?|acquired|acquiring|purchases?|purchased|purchasing|"
    r"take[sn]?\s+over|took\s+over|taking\s+over|acquisition|takeover|buyout)\b",
    re.I,
)
_BUYER_WRITTEN = (
    # "was acquired by The Walt Disney Company"
    re.compile(rf"\b(?:acquired|bought|purchased|taken\s+over)\s+by\s+(?P<buyer>{_NAME})"),
    # "Apple Computer's purchase of NeXT", "GM's planned takeover of"
    re.compile(rf"(?P<buyer>{_NAME})['’]s?\s+(?:[a-z]+\s+)?(?:purchase|acquisition|takeover|buyout)\s+of\b"),
    # "Disney bought Pixar", "Fiat has acquired"
    re.compile(rf"(?P<buyer>{_NAME})\s+(?:has\s+|had\s+|have\s+)?(?:bought|acquired|purchased|took\s+over)\b"),
)
# Where one clause of a sentence ends and another begins: "In 1986 he bought Pixar which was acquired by …".
_CLAUSE_BREAK = re.compile(r"[;,]|\b(?:which|who|while|whereas|but)\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Words of a name that name no one: "The Walt Disney Company" is Disney.
_NOT_NAMING = frozenset({"the", "a", "an", "in", "on", "at", "following", "after", "before", "company", "inc", "corp"})


def _words(name: str) -> set[str]:
    return {w.lower().strip(".'’") for w in name.split()} - _NOT_NAMING


def _buyers(clause: str) -> list[str | None]:
    """The buyer of every purchase the clause writes, None where it writes none by name."""
    spans = [(m.start(), m.end(), m.group("buyer")) for p in _BUYER_WRITTEN for m in p.finditer(clause)]
    found: list[str | None] = []
    for act in _ACT.finditer(clause):
        named = [buyer for start, end, buyer in spans if start <= act.start() < end or start <= act.end() <= end]
        found.append(named[0] if named and _words(named[0]) else None)
    return found


def other_buyer(question: str, texts: Iterable[str]) -> tuple[str, str] | None:
    """(buyer written, buyer asked) where the question says its subject bought something and every text that
    writes a purchase gives it, by name, to someone else. Where the question names a year, a text's purchases are
    read in the clauses that write that year, if any does. None otherwise."""
    asked = _ASKED_BUYER.search(question)
    if not asked or not (asked_words := _words(asked.group("buyer"))):
        return None
    years = set(_YEAR.findall(question))
    written: list[str | None] = []
    for text in texts:
        parts = _CLAUSE_BREAK.split(text)
        dated = [p for p in parts if years & set(_YEAR.findall(p))]
        for part in dated or parts:
            written.extend(_buyers(part))
    if not written or any(b is None or _words(b) & asked_words for b in written):
        return None
    first = next(b for b in written if b is not None)
    return first, asked.group("buyer")
