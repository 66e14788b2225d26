"""A reason the articles give in so many words: asked "Why do large tech companies remain interested in AI
start-ups?", a sentence says "… large tech companies remain interested in start-ups focused on AI amid a heated
contest to be a leader in the technology." The answer is what follows its "amid": read model-free.

The 1.5B model, shown that sentence beside the article's lead ("Meta … is in advanced talks to invest billions of
dollars in Scale AI"), answered "because they are in advanced talks to invest billions …", and every word of it was
in a cited sentence (bundled q181). Only a sentence that says every content word of the question before an explicit
causal link ("because", "due to", "amid", "in order to" …) is read; any other why-question goes the usual way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from index import Sentence
from rag.stages.frame import CAUSAL_LINK, asked_event, root
from rag.stages.naming import Named
from rag.stages.verify import gives_reason

__all__ = ["ReasonReader", "asked_event", "restates_without_reason"]

# Words that say nothing of the event, auxiliaries among them ("Why does his health have ups and downs": "his
# health has ups and downs"): they need not be in the sentence.
_FILLER = frozenset(
    "the a an of in on at to for from by with and or as its it their they his her he she this that these those so "
    "such many much more most some still also even do does did is are was were be been have has had".split()
)
# "The first leg is due to arrive in New York": a schedule, not a cause.
_SCHEDULE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s*$", re.I)
# A reason ends where the sentence goes on to something else: "to help companies train machine-learning models,
# and has become a key beneficiary of …".
_CLAUSE_END = re.compile(r";|,\s+(?:and|but|while|whereas)\s|\s[—–-]\s")
_NEGATION = re.compile(r"\b(?:not|never|no longer|neither|nor)\b|n['’]t\b", re.I)
_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")


# The share of the asked event's words an answer must say again to be read as restating it.
_RESTATED = 0.75
# What an event led to, not what led to it: "…, leading to a rearrangement of its public appearances".
_CONSEQUENCE = re.compile(r"\b(?:leading|led|leads)\s+to\b|\b(?:resulting\s+in|forcing|prompting|causing)\b", re.I)
# An answer that adds no more than this many words to the restated event adds no reason either.
_FEW_ADDED = 2


def restates_without_reason(question: str, answer: str) -> bool:
    """Whether a why-question's answer says again what the question asks about and marks no reason: "The departure
    from France of the new Airbus A380 … on a tour of Asia and Australia has been delayed, leading to a
    rearrangement of its public appearances" for "Why was the A380's 2005 departure … delayed?" (Wikinews w902).
    The reason was in the next sentence; this one only restates the event and what followed it. What the answer
    adds beyond the event, with no link, may be the reason in other words ("Meta is establishing a new AI research
    lab focused on achieving 'superintelligence'", bundled q184): only an addition of a word or two, or one that
    follows a consequence's link, is read as none."""
    event = asked_event(question)
    if event is None:
        return False
    wanted, said = _roots(event), _roots(answer)
    if len(wanted) < 2 or len(wanted & said) < _RESTATED * len(wanted) or gives_reason(answer):
        return False
    return len(said - wanted) <= _FEW_ADDED or bool(_CONSEQUENCE.search(answer))


def _roots(text: str) -> set[str]:
    return {root(w) for w in _WORD.findall(text) if w.lower() not in _FILLER}


class ReasonReader:
    """Model-free: the reason a sentence links to the very event a why-question asks about."""

    def run(self, question: str, sentences: Iterable[Sentence]) -> Named | None:
        event = asked_event(question)
        if event is None:
            return None
        wanted = _roots(event)
        negated = bool(_NEGATION.search(event))
        found: dict[str, Named] = {}
        for sentence in sentences:
            if (reason := _reason(sentence.text, wanted, negated)) is not None:
                found.setdefault(reason.lower(), Named(reason[:1].upper() + reason[1:], "reason", sentence))
        # Two sentences giving two reasons: which the question means, or whether both, is the model's to say.
        return next(iter(found.values())) if len(found) == 1 else None


def _reason(text: str, wanted: set[str], negated: bool) -> str | None:
    """The clause after the first causal link that follows every word of the event in ``text``."""
    for link in CAUSAL_LINK.finditer(text):
        before = text[: link.start()]
        if link.group(0).lower().startswith("due") and _SCHEDULE.search(before):
            continue
        if not wanted <= _roots(before):
            continue
        # "Meta did not invest because …" gives no reason for an investment.
        if bool(_NEGATION.search(before)) != negated:
            return None
        rest = text[link.start() :]
        if end := _CLAUSE_END.search(rest):
            rest = rest[: end.start()]
        return rest.rstrip(" .,") or None
    return None
