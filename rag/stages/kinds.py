"""What kinds of a thing the articles give: "What kinds of data do Scale AI's workers label or tag?".

The examples of a kind are listed beside its word: "large amounts of data — like images, videos, or text"; "tag
images, text and other data"; "user information from its platforms, including public posts, comments, messaging
patterns, and photos". Each article lists some; the model, shown one, answered "images, text, and other data" and
left out the videos another article names (bundled q176). Model-free: every sentence about the question's subject is
read for the examples it lists of the asked kind, and the examples are gathered, once each, every one cited.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from index import Sentence
from rag.stages.binding import BindingCheck
from rag.stages.frame import QuestionFrame, stem
from rag.stages.lists import GatheredList, ListItem

__all__ = ["KindReader", "asked_kinds"]

# "What kinds of data do …", "Which types of user information does …": the kind, one or two words.
_ASKS = re.compile(
    r"^\s*(?:what|which)\s+(?:kinds|types|sorts)\s+of\s+(?P<kind>[a-z-]+(?:\s+[a-z-]+)?)\s+"
    r"(?:do|does|did|is|are|was|were|will|would|can|could|has|have|had)\b",
    re.I,
)
# Words that open a clause, not an example: "…, and photos, to train its AI models".
_NOT_ITEM = r"(?!(?:and|or|to|so|that|which|who|for|with|in|on|at|by|from|as|than|the|a|an|its|their|other)\b)"
_ITEM = rf"{_NOT_ITEM}[a-z][a-z-]*(?:\s+{_NOT_ITEM}[a-z][a-z-]*){{0,2}}"
_LIST = rf"{_ITEM}(?:\s*,\s*(?:and\s+|or\s+)?{_ITEM}|\s+(?:and|or)\s+{_ITEM})+"
_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_MARKER = r"(?:like|such\s+as|including|includes?|e\.g\.)"


def asked_kinds(frame: QuestionFrame) -> str | None:
    """The kind a "what kinds of X" question asks for ("data", "user information"); None for other questions and
    for those that set some aside ("Apart from images, what other kinds …": the remainder's)."""
    if frame.excluded or not frame.subjects:
        return None
    m = _ASKS.match(frame.question)
    return m.group("kind").lower() if m else None


def _examples(text: str, head: str) -> list[str]:
    """The examples ``text`` lists of the kind whose last word is ``head``."""
    h = rf"\b{re.escape(head)}\b"
    after = re.compile(rf"{h}[^.;:]{{0,40}}?\b{_MARKER}\s+(?P<list>{_LIST})", re.I)
    before = re.compile(rf"(?P<list>[a-z]+(?:\s*,\s*[a-z]+){{0,4}})\s*,?\s+(?:and|or)\s+other\s+{h}", re.I)
    found = [m.group("list") for m in after.finditer(text)] + [m.group("list") for m in before.finditer(text)]
    return [item.strip() for listed in found for item in _SPLIT.split(listed) if item.strip()]


class KindReader:
    """Model-free; ``binding`` supplies the subject test the question-aware gate uses."""

    def __init__(self, binding: BindingCheck):
        self.binding = binding

    def run(self, frame: QuestionFrame, sentences: Iterable[Sentence]) -> GatheredList | None:
        kind = asked_kinds(frame)
        if kind is None:
            return None
        head = kind.split()[-1]
        found: dict[str, list[tuple[str, Sentence]]] = {}
        for sentence in dict.fromkeys(sentences):
            if not re.search(rf"\b{re.escape(head)}\b", sentence.text, re.I):
                continue
            examples = _examples(sentence.text, head)
            if not examples or not self.binding.about(frame, sentence):
                continue
            for example in examples:
                key = " ".join(stem(w) for w in example.lower().split())
                found.setdefault(key, []).append((example, sentence))
        # One example is no list of kinds; the model reads it in its sentence.
        if len(found) < 2:
            return None
        items = [ListItem(mentions[0][0], tuple(dict.fromkeys(s for _, s in mentions))) for mentions in found.values()]
        return GatheredList(kind, tuple(items), kinds=True)
