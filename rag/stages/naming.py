"""What a question asks the name of: the name a sentence gives the thing ("a programme called Defense Llama").

"What is the name of the restructuring programme Airbus launched after the A380 delays?" is answered by "a
recently-announced restructuring program at Airbus, called Power8": the question names the kind of thing
(programme), the sentence gives that kind its name. A small model shown the sentence often restates the question
("Airbus launched a restructuring programme…") or describes the thing without naming it ("a version of Meta's Llama
model intended for military use"). This stage reads the name where the sentence gives it, model-free, and cites it.

A sentence is read only when it names the kind (its word, plural or British/American spelling) with "called",
"named", "dubbed" or "known as" just after it (or after the name: "Defense Llama, a large language model"), names
every subject of the question (itself or in its title), holds each word the question says which of its kind with
("restructuring programme"), and states something else the question asks (one of its content words, by stem,
family or embedding neighbour): "What is the name of the programme Airbus cancelled?" is not answered by the
programme it launched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from index import Sentence
from rag.stages.binding import BindingCheck
from rag.stages.frame import QuestionFrame, stem
from rag.stages.verify import spellings

__all__ = ["Named", "Naming", "asked_kind_of_name"]

# Kinds of thing that are given names: "the programme called Power8", "a model named Llama 3".
_KINDS = (
    "programme|program|project|plan|initiative|model|product|app|application|service|system|platform|chip|device|"
    "aircraft|plane|jet|fund|index|event|conference|operation|campaign|scheme|package|bill|act|law|deal|company|firm|"
    "start-?up|venture|unit|division|lab|laboratory|brand|phone|tool|assistant|chatbot|software|feature"
)
# "What is the name of the restructuring programme …", "What military-oriented language model has Scale AI built …",
# "What is its chip called?": the kind of thing, and the words that say which of its kind (restructuring, military).
_ASKS_NAME_OF = [
    re.compile(
        rf"^\s*what\s+is\s+the\s+name\s+of\s+(?:the|its|their|his|her|a|an)\s+(?P<mods>(?:[\w-]+\s+){{0,3}}?)"
        rf"(?P<kind>{_KINDS})s?\b",
        re.I,
    ),
    re.compile(
        rf"^\s*(?:what|which)\s+(?P<mods>(?:[\w-]+\s+){{0,3}}?)(?P<kind>{_KINDS})s?\s+"
        r"(?:has|have|had|did|does|do|is|was|were)\b",
        re.I,
    ),
    re.compile(
        rf"^\s*what\s+(?:is|was)\s+(?:the|its|their)\s+(?P<mods>(?:[\w-]+\s+){{0,3}}?)(?P<kind>{_KINDS})s?\b"
        r".*\bcalled\s*\?\s*$",
        re.I,
    ),
]
# A clock time just before a name: "As of 18:00 UTC".
_CLOCK = re.compile(r"\d\s*$")
# Words before the kind that do not say which one: "which specific Meta model".
_FILLERS = frozenset("specific exact particular actual main new other".split())
# The name right after the naming word: capitalised words, with digits ("Power8", "Llama 3", "A380").
_NAME = r"((?:[A-Z]|[a-z]+[A-Z])[\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|\d[\w.]*))*)"
_NAMING = r"(?:called|named|dubbed|known\s+as|codenamed|code-named)"


@dataclass(frozen=True)
class Named:
    name: str
    kind: str
    sentence: Sentence


def asked_kind_of_name(question: str) -> tuple[str, tuple[str, ...]] | None:
    """The kind of thing whose name the question asks for, and the words before it that say which one
    ("restructuring programme" -> ("programme", ("restructuring",))); None for other questions."""
    for pattern in _ASKS_NAME_OF:
        if m := pattern.search(question):
            mods = tuple(w.lower() for w in m.group("mods").split() if w[0].islower() and w.lower() not in _FILLERS)
            return m.group("kind").lower(), mods
    return None


class Naming:
    """Model-free; ``binding`` supplies the subject test and the word matching of the question-aware gate."""

    def __init__(self, binding: BindingCheck):
        self.binding = binding

    def run(self, frame: QuestionFrame, sentences: Iterable[Sentence]) -> Named | None:
        """The name the first sentence (in the order given, best first) that names the asked kind gives it."""
        asked_name = asked_kind_of_name(frame.question)
        if asked_name is None or not frame.subjects:
            return None
        kind, which = asked_name
        words = "|".join(sorted(spellings(kind)))  # "program|programme"
        # The kind and the naming word in any case, the name capitalised.
        given = re.compile(rf"(?i:\b(?:{words})(?:e?s)?\b(?:\s+[\w-]+){{0,3}}?,?\s+{_NAMING}\s+(?:the\s+)?){_NAME}")
        # "Defense Llama, a large language model designed for …": the name, then what kind of thing it is.
        apposed = re.compile(rf"{_NAME},\s+(?i:(?:a|an|the)\s+(?:[\w-]+\s+){{0,4}}?(?:{words})\b)")
        # "the primary UK index, the FTSE 100, was …": the kind, then its name set off by commas. Tried before
        # ``apposed``, which would read "As of 18:00 UTC, the primary UK index" as an index called UTC.
        kind_first = re.compile(rf"(?i:\b(?:{words})),\s+(?:the\s+)?{_NAME},")
        asked = [a for a in frame.attributes if stem(a) != stem(kind)]
        for sentence in sentences:
            m = given.search(sentence.text) or kind_first.search(sentence.text) or apposed.search(sentence.text)
            if not m or not self.binding.named_with(frame, sentence):
                continue
            if _CLOCK.search(sentence.text, 0, m.start(1)):
                continue  # "18:00 UTC, the primary UK index": a time zone, not the index's name
            if self.binding.other_day(frame.question, [sentence]):
                continue  # "one of the few to rise on 7 October" is not the Nikkei of a 16 September report
            name = m.group(1).rstrip(".,;:")
            if {w.lower() for w in name.split()} <= frame.subjects:
                continue  # the question's own name handed back
            text = sentence.text.lower()
            sentence_words = set(re.findall(r"[a-z][a-z'’-]*", text))
            sentence_words |= {p for w in sentence_words for p in w.split("-")}
            # Each word that says which of its kind must be there ("medical language model" is not Defense
            # Llama, "a large language model … for use in military settings"); of a hyphenated one, a part.
            if not all(any(self.binding.matches(p, sentence_words) for p in w.split("-")) for w in which):
                continue
            if asked and not any(self.binding.matches(a, sentence_words) for a in asked):
                continue
            return Named(name, kind, sentence)
        return None
