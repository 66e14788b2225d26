"""The occasion or deed a question is asked of ("on the day HBOS shares fell 41%", "what was done to it"): the
words that name it, and whether a sentence speaks of it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.stages.binding.figures import _OCCASION
from rag.stages.binding.names import _PLAIN, _WORD
from rag.stages.frame import (
    QuestionFrame,
    family_of,
    root,
)

# Whom a question cites for what it asks: "…, according to Henderson?"
_CITED = re.compile(r"\baccording to ([^,?]+)", re.I)


def _event_words(text: str) -> list[str]:
    """The words of a why-question's event that say what happened, in its order: lower-case, not plain, three
    letters or more ("hold", "back", "software" of "Apple hold back the iPhone 3.0 software")."""
    return [w for w in _WORD.findall(text) if w.islower() and w not in _PLAIN and len(w) > 2]


def _asked_clause(question: str) -> str:
    """The question without whom it cites ("According to the October 2006 report on Airbus's compensation, …") and
    without its occasion ("on the day Russia's stock markets were suspended"): what is asked of."""
    question = _CITED.sub(" ", question)
    if occasion := _OCCASION.search(question):
        question = question[: occasion.start()]
    return question


def _occasion_words(frame: QuestionFrame) -> str:
    """The clause's words in the question's order: "pre-orders swamped"."""
    return " ".join(a for a in frame.attributes if a in frame.circumstance)


def _done_to(frame: QuestionFrame) -> bool:
    """Whether the known attributes a why-question names are what its event was done to ("pull out of the funding
    round"), not the event itself ("acquire") or its subject ("Scale AI's valuation rise"). The event's own verb
    may be of a family too ("drop" is a fall): in "drop OpenAI as a customer" it is still the event, not an
    attribute, and a sentence naming OpenAI as a customer does not state that it was dropped."""
    known = [a for a in frame.attributes if family_of(a) and a != frame.event]
    return bool(frame.event and known and all(a in frame.event_object for a in known))


# What a crowd is asked to have attended: "attended the rollout of the first 787", "watched the unveiling".
_ATTENDED = re.compile(r"\b(?:attend(?:ed|s)?|watch(?:ed|es)?|witness(?:ed|es)?)\s+the\s+([a-z-]+)\b")
# Words for an occasion that name none in particular.
_ANY_OCCASION = frozenset("event ceremony conference meeting show occasion celebration party".split())
# A phrasal verb an occasion is named by: "rolls out" is a rollout.
_ROLLED_OUT = re.compile(r"\broll(?:s|ed|ing)?[\s-]+out\b", re.I)


def _unattended(question: str, texts: Sequence[tuple[str, str]]) -> str:
    """The occasion a question asks a crowd of ("How many people attended the rollout of the first 787?") where no
    sentence that gives the answer, nor its article's title, names it: "The event was attended by 15,000 people",
    under "Boeing unveils new 787 Dreamliner", counts the unveiling's crowd (Wikinews w293). '' otherwise."""
    match = _ATTENDED.search(question)
    if match is None or match.group(1) in _ANY_OCCASION:
        return ""
    asked = root(match.group(1).replace("-", ""))

    def names(text: str) -> bool:
        words = {root(w) for w in _WORD.findall(_ROLLED_OUT.sub(" rollout ", text))}
        return asked in words

    return "" if any(names(text) or names(title) for text, title in texts) else match.group(1)
