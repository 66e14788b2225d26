"""Out or still to come: "Has Meta already launched its Meta AI app, or is it still being built?".

The question knows the reports may differ, and they do: one article calls Meta AI "a recently released app", another
says Meta "is also developing a standalone Meta AI app". The model, shown both, answered NOT FOUND (bundled q077).
Model-free: the sentences that name the thing the question names are read for a word that says it is out
(released, launched, rolled out …) or still to come (developing, building, plans to launch …) beside the name.
Where both are said, by different sentences, each is quoted and cited; where one is, that one; where neither, the
question goes the usual way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from index import Sentence

__all__ = ["Status", "StatusReader", "asked_status"]

_YES_NO = re.compile(r"^\s*(?:has|have|had|is|are|was|were|did|does|do)\b", re.I)
# The question's two sides: "already launched" … "or is it still being built".
_ASKED_OUT = re.compile(
    r"\b(?:launch|launched|release|released|roll(?:ed)? out|out|available|introduced|unveiled)\b", re.I
)
_ASKED_COMING = re.compile(
    r"\bor\b[^?]*\b(?:still|yet)\b[^?]*\b(?:built|developed|building|developing|development|planned|prepared|"
    r"tested|designed|works?|coming)\b",
    re.I,
)
_OUT = r"(?:(?:recently|newly|already|just)\s+)?(?:released|launched|rolled\s+out|introduced|unveiled|debuted)"
_COMING = (
    r"(?:developing|building|working\s+on|preparing|in\s+development|being\s+(?:built|developed)|"
    r"(?:plans?|planning|intends?|set|expected)\s+to\s+(?:launch|release|roll\s+out|introduce|unveil))"
)
_NEGATED = re.compile(r"\b(?:not|never|n't|yet\s+to)\s+(?:\w+\s+)?$", re.I)
# A name, with a model number in it: "Meta AI", "787 Dreamliner", "A350".
_NAME = re.compile(r"(?:\d+\s+)?[A-Z][\w'’-]*(?:\s+[A-Z0-9][\w'’-]*)*")
# What the question says was launched: a name, or a bare model number ("the 797").
_THING = re.compile(rf"{_NAME.pattern}|\b\d{{3,}}\b")
_REACH = 40  # characters between the state word and the name: "a recently released app, Meta AI"


@dataclass(frozen=True)
class Said:
    """What one sentence says of the thing, as its words put it ("recently released app, Meta AI")."""

    words: str
    sentence: Sentence


@dataclass(frozen=True)
class Status:
    thing: str
    out: tuple[Said, ...]
    coming: tuple[Said, ...]

    @property
    def conflict(self) -> bool:
        return bool(self.out and self.coming)


def asked_status(question: str) -> str | None:
    """The thing a question asks is out or still to come ("Meta AI" of "… its Meta AI app, or is it still being
    built?"); None for other questions."""
    said_out = _ASKED_OUT.search(question)
    if not _YES_NO.match(question) or said_out is None or not _ASKED_COMING.search(question):
        return None
    # What was launched: the name after the verb ("launched its Meta AI app", "unveiled the 787 Dreamliner"), not
    # who launched it; else the question's longest name ("Is the Meta AI app out yet, …").
    choice = question.find(" or ", said_out.end())
    after = _THING.search(question, said_out.end(), choice if choice >= 0 else len(question))
    if after:
        return after.group(0)
    first = question.split(maxsplit=1)
    names = [m.group(0) for m in _NAME.finditer(first[1] if len(first) > 1 else "")]
    return max(names, key=lambda n: len(n.split()), default=None)


class StatusReader:
    """Model-free: what the sentences naming the asked thing say of whether it is out."""

    def run(self, question: str, sentences: Iterable[Sentence]) -> Status | None:
        thing = asked_status(question)
        if thing is None:
            return None
        name = re.compile(rf"(?<![\w'’-]){re.escape(thing)}(?![\w'’-])")
        out: dict[tuple[str, int], Said] = {}
        coming: dict[tuple[str, int], Said] = {}
        for sentence in dict.fromkeys(sentences):
            text = sentence.text
            for named in name.finditer(text):
                for pattern, found in ((_OUT, out), (_COMING, coming)):
                    said = _beside(text, named, pattern)
                    if said is not None:
                        found.setdefault((sentence.article_id, sentence.start), Said(said, sentence))
        if not out and not coming:
            return None
        # One sentence saying both ("released in the US, still being developed for Europe") is read by the model.
        if set(out) & set(coming):
            return None
        return Status(thing, tuple(out.values()), tuple(coming.values()))


def _beside(text: str, named: re.Match[str], pattern: str) -> str | None:
    """The words from a state word to the name, where one stands within reach before it (and is not negated:
    "has not yet released")."""
    window_start = max(0, named.start() - _REACH - 30)
    for m in re.finditer(rf"\b{pattern}\b", text[window_start : named.start()], re.I):
        start = window_start + m.start()
        between = text[window_start + m.end() : named.start()]
        if len(between) > _REACH or re.search(r"[.;:!?]", between):
            continue
        if _NEGATED.search(text[:start]):
            continue
        return text[start : named.end()]
    return None
