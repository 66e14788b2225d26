"""What a name is, where a sentence says it beside the name: asked "What is Meta AI?", "… including in smart
glasses and a recently released app, Meta AI." The answer is that description, read model-free.

News copy defines a name by apposition ("Dana Perino, a spokesperson for the White House, said …"; "a recently
released app, Meta AI"; "Defense Llama — a version of Meta's Llama …") or by "is a". The 1.5B model, asked "What
is Meta AI?", made up a definition twice ("a large language model developed by Meta Platforms"; "a company that
provides data labelling services"), which the subject gate refused (bundled q055). Where the sentences give one
description, it is the answer; where they give two, or none, the question goes the usual way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from index import Sentence
from rag.stages.naming import Named

__all__ = ["Definer", "defined_name"]

# "What is Meta AI?", "Who is Lewis W. Teperman?": the question is the name and nothing else.
_ASKS = re.compile(
    r"^\s*(?i:what|who)\s+(?P<verb>(?i:is|are|was|were))\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w'’&.-]*(?:\s+[A-Z0-9][\w'’&.-]*)*?)\s*\?\s*$"
)
# A description: an indefinite noun phrase of a few words with no clause break inside.
_PHRASE = r"(?:a|an)\s+[a-z][^,;:()—–\"“”]{2,90}?"
# "UTC, a slight increase from earlier today", "the US Treasury Department, an increase over their previous
# estimate": an apposition to the figure before the name, not a description of the name.
_NOT_DESCRIPTIONS = re.compile(
    r"\b(?:increase|decrease|rise|fall|drop|gain|loss|jump|decline|cut|rally|slump|per ?cent)\b|\d|%", re.I
)
_ARTICLE = re.compile(r"(?<![\w'’-])(?:a|an)\s+(?=[a-z])")


def defined_name(question: str) -> tuple[str, str] | None:
    """The name a "What is X?" / "Who is X?" question asks about and its verb; None for other questions."""
    m = _ASKS.match(question)
    return (m.group("name"), m.group("verb").lower()) if m else None


class Definer:
    """Model-free: the one description the sentences set beside the asked name."""

    def run(self, question: str, sentences: Iterable[Sentence]) -> Named | None:
        asked = defined_name(question)
        if asked is None:
            return None
        name, verb = asked
        found: dict[str, Named] = {}
        for sentence in sentences:
            for description in _descriptions(sentence.text, name):
                found.setdefault(description.lower(), Named(f"{name} {verb} {description}", "definition", sentence))
        # Two descriptions ("a large language model designed for use in military settings"; "a version of
        # Meta's Llama large language model"): which to give, or how to join them, is the model's to write.
        return next(iter(found.values())) if len(found) == 1 else None


def _descriptions(text: str, name: str) -> list[str]:
    """The indefinite noun phrases ``text`` sets beside ``name`` by apposition or 'is a'."""
    n = rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])"
    # "Dana Perino, a spokesperson for the White House, said", "Defense Llama — a version of …", "X is a …"
    after = re.compile(rf"{n}(?:\s*,\s+|\s+[—–]\s+|\s+(?:is|was|are|were)\s+)(?P<d>{_PHRASE})\s*(?:[,;.—–)]|$)")
    out = [m.group("d") for m in after.finditer(text)]
    # "… and a recently released app, Meta AI.": the nearest "a" before the name opens the description.
    for m in re.finditer(rf",\s+{n}\s*(?:[,.;)]|$)", text):
        before = text[: m.start()]
        starts = list(_ARTICLE.finditer(before))
        if starts and re.fullmatch(_PHRASE, before[starts[-1].start() :]):
            out.append(before[starts[-1].start() :])
    return [d.strip() for d in out if not _NOT_DESCRIPTIONS.search(d) and len(d.split()) <= 14]
