"""What a "besides X" question asks for: the others a sentence lists beside X.

"Besides Microsoft and OpenAI, which customers of Scale AI are named?" is answered by the sentence that lists
Microsoft and OpenAI among Scale's customers, less those two: "Scale sells its services to companies such as
Microsoft, Cohere, Etsy and OpenAI." A small model shown that sentence tends to hand back the very names the
question excludes, or to add them to the list ("the Federal Reserve, the ECB, …" for "apart from the Federal
Reserve"), or to answer from another sentence altogether. The question says where its answer is: beside X, in a
list that names X. This stage reads it there, model-free, and cites the sentence.

A sentence is read only when it names every excluded name in one list with others, names the question's subjects
(itself or in its title), is of a year the question names, and states what the question asks of the things listed
(one of its content words, by stem, family or embedding neighbour): "Besides Chrysler, which carmaker did Fiat take
a stake in?" is not answered by "the Big Three automakers -- Chrysler, Ford, and General Motors".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from index import Sentence
from rag.stages.binding import BindingCheck
from rag.stages.frame import QuestionFrame, family_of
from rag.stages.lists import SELLS_TO, GatheredList, ListItem

__all__ = ["Remainder"]

# One listed name, "the" and a short parenthesis ("the European Central Bank (ECB)") kept off its text.
# A hyphen joins a name's parts ("Coca-Cola"), not a name and the next word ("General Motors-had pleaded").
_WORD = r"(?:[A-Z]|[a-z]+[A-Z])[\w&'’.]*(?:-[A-Z0-9][\w&'’.]*)*"  # "Cohere", "xAI", "Coca-Cola"
_ITEM = rf"(?:the\s+)?({_WORD}(?:\s+(?:of\s+|de\s+|the\s+)?{_WORD})*)(?:\s+\([^()]{{1,20}}\))?"
# "A, B and C", "A, B, and C", "A and B"; "…, as well as emerging players like D" goes on the same list.
_LIST = re.compile(
    _ITEM + r"(?:\s*,\s*(?:and\s+)?" + _ITEM + r"|\s+and\s+" + _ITEM
    + r"|,?\s+as well as\s+(?:[a-z-]+\s+){0,4}?" + _ITEM + r")+"
)  # fmt: skip
_ONE = re.compile(_ITEM)
# A question that asks for names: "which …", "what other …", "…, name a company …", "who else …".
_ASKS_NAMES = re.compile(r"\b(?:which|what|who|name|list)\b", re.I)
# The kind of thing asked for, its one or two words after "which", "what other", "name a": "which central banks
# cut rates" asks for banks, and what they did (cut rates) is what the sentence must state.
_KIND = re.compile(
    r"\b(?:which|what|name\s+(?:a|an|the|one|some|another))\s+(?:other\s+)?([a-z-]+)"
    r"(?:\s+(?!(?:has|have|had|did|do|does|is|are|was|were|will|would|could|that|of|for|which|who|other|else)\b)"
    r"([a-z-]+))?"
)
# A number just before a capitalised word makes it a unit or a model ("At 0800 UTC, the Bank of Canada, …").
_AFTER_NUMBER = re.compile(r"\d\s*$")


class Remainder:
    """Model-free; ``binding`` supplies the subject test and the word matching of the question-aware gate."""

    def __init__(self, binding: BindingCheck):
        self.binding = binding

    def run(self, frame: QuestionFrame, sentences: Iterable[Sentence]) -> GatheredList | None:
        """The names listed beside the excluded ones in the first sentence (in the order given, best first) that
        lists them all and answers the question; None where no sentence does."""
        if not frame.excluded or not _ASKS_NAMES.search(frame.question):
            return None
        for sentence in sentences:
            others = self._others(frame, sentence.text)
            if not others or not self.binding.named_with(frame, sentence):
                continue
            if not self.binding.in_asked_year(frame.question, sentence):
                continue
            if not self._asked_of(frame, sentence.text):
                continue
            items = tuple(ListItem(name, (sentence,)) for name in others)
            return GatheredList(kind="", items=items, besides=frame.excluded_text)
        return None

    def _others(self, frame: QuestionFrame, text: str) -> list[str]:
        """The names of one list in ``text`` that holds every excluded name, less those and the question's own."""
        asked = frame.subjects | frame.excluded
        for listed in _LIST.finditer(text):
            names = [
                m.group(1).rstrip(".")
                for m in _ONE.finditer(listed.group(0))
                if not _AFTER_NUMBER.search(text[: listed.start() + m.start()])
            ]
            words = [_words(n) for n in names]
            held = set().union(*words) if words else set()
            if not frame.excluded <= held:
                continue
            others = [n for n, w in zip(names, words, strict=True) if w and not w & asked]
            if others:
                return list(dict.fromkeys(others))
        return []

    def _asked_of(self, frame: QuestionFrame, text: str) -> bool:
        """Whether the sentence states what the question asks of the things listed (one of its content words other
        than the kind asked for, by stem, family or embedding neighbour), or, where it asks nothing else, the
        kind: "Besides Lockheed Martin, which defence contractor did Meta sue?" is not answered by a sentence
        naming Meta's defence contractors."""
        words = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text)}
        kind = _kind(frame.question)
        asked = [a for a in frame.attributes if a not in kind] or list(kind)
        if "customers" in {family_of(a) for a in asked} and SELLS_TO.search(text):
            return True  # "Scale sells its services to companies such as …" names its customers
        return any(self.binding.matches(a, words) for a in asked)


def _kind(question: str) -> set[str]:
    if not (m := _KIND.search(question)):
        return set()
    first, second = m.group(1), m.group(2)
    # "which company backed …": a participle after the noun is what it did.
    return {first} if second is None or second.endswith("ed") else {first, second}


def _words(name: str) -> set[str]:
    return {w.lower().strip(".,;:'’").removesuffix("'s").removesuffix("’s") for w in name.split()}
