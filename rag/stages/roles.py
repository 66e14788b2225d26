"""Who holds a role the question names: "Who is the chief executive of Meta?", "Which airline was the first customer
for the Boeing 787 Dreamliner?"

A sentence gives a role's holder in a few fixed shapes: the role as a title just before the name ("chief executive
officer Alexandr Wang", "Launch customer ANA"), or the name set beside the role by commas ("the first customer, All
Nippon Airways, …"; "Mark Zuckerberg, Meta's chief executive, …"). A small model shown such sentences among others
names whoever is nearest ("Boeing" for the 787's first customer), and a title is often another company's ("Meta
chief executive officer Mark Zuckerberg" is no answer to who runs Scale AI). This stage reads the holder where a
sentence binds it to the role, model-free, and cites the sentence.

A sentence is read only when the role is the asked subject's: the question's names are in the sentence or its
article's title; an organisation named on the title ("Meta chief executive officer …", "Meta's chief executive") is
one of them; and with none on it, the sentence itself names the subject or its article's title names nothing else
("Chief executive Mark Zuckerberg …" in an article on Meta and Scale AI is not read). A holder the question names
itself ("Tim Cook", "Timothy D. Cook") is not an answer, nor is a former one ("former Apple CEO …", "… was
replaced").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from index import Sentence
from rag.models import Abstention
from rag.stages.binding import BindingCheck
from rag.stages.frame import ROLE_WORDS, TITLE_ROLES, QuestionFrame
from rag.stages.naming import Named

__all__ = ["RoleHolder"]

# A holder's name: capitalised words with initials ("Timothy D. Cook"), or letters in capitals ("ANA").
_NAME = r"(?:[A-Z][\w&'’-]*\.?)(?:\s+(?:[A-Z][\w&'’-]*\.?))*"
_KEEPS_DOT = re.compile(r"(?:\b[A-Z]|\bInc|\bCorp|\bCo|\bLtd)\.$")
# Words after the holder that make it not the holder now: "chief executive Rick Wagoner was replaced …".
_LEFT = re.compile(
    r"\s*(?:,[^,]{1,40},\s*)?(?:(?:was|has been|had been|is being)\s+(?:replaced|ousted|fired|forced out|succeeded)"
    r"|(?:resigned|stepped down|quit|left|retired)\b)",
    re.I,
)
# Words just before a title that make it not the holder now: "former Apple CEO …", "then-chief executive …".
_FORMER = re.compile(r"\b(?:former|ex|previous|then|late|outgoing)\b", re.I)


class RoleHolder:
    """Model-free; ``binding`` supplies the subject test of the question-aware gate."""

    def __init__(self, binding: BindingCheck):
        self.binding = binding

    def run(self, frame: QuestionFrame, sentences: Iterable[Sentence]) -> Named | None:
        """The holder the first sentence (in the order given, best first) that binds the asked role to a name of
        the asked subject gives; None where none does."""
        role = frame.role
        if role not in TITLE_ROLES or not frame.subjects:
            return None
        words = ROLE_WORDS[role]
        # The title before the name, with the organisation it is of: "Meta chief executive officer Mark
        # Zuckerberg", "Apple Inc. CEO Timothy D. Cook", "Launch customer ANA".
        title = re.compile(
            rf"(?:(?P<org>{_NAME})(?:'s|’s)?\s+)?(?i:(?P<role>{words}))\s*,?\s+(?P<name>{_NAME})(?![\w'’])"
        )
        # "the first customer, All Nippon Airways, …"
        after = re.compile(rf"(?i:\b(?:the|its|their)\s+(?P<role>{words}))\s*,\s+(?P<name>{_NAME})\s*[,(]")
        # "Mark Zuckerberg, Meta's chief executive, …"
        before = re.compile(
            rf"(?P<name>{_NAME}),\s+(?:(?P<org>{_NAME})(?:'s|’s)\s+|the\s+|its\s+)(?i:(?P<role>{words}))\b"
        )
        for sentence in sentences:
            if not self.binding.named_with(frame, sentence):
                continue
            if not self.binding.speaks_of_occasion(frame, sentence.article_id):
                continue  # "… when the A380 was unveiled in January 2005": not the CEO a 2007 report names
            for pattern in (title, after, before):
                for m in pattern.finditer(sentence.text):
                    if name := self._holder(m, sentence, frame):
                        return Named(name, role, sentence)
        return None

    def set_aside(self, frame: QuestionFrame, answer: str, sentences: Iterable[Sentence]) -> Abstention | None:
        """Why an answer naming whom the question sets aside answers another question: "Scale AI has two
        co-founders; what is the name of the one who is not its chief executive?" answered with its chief
        executive. None where the question sets no one aside or the answer does not name them."""
        if frame.not_role not in TITLE_ROLES:
            return None
        held = self.run(replace(frame, role=frame.not_role), sentences)
        if held is None:
            return None
        named = {w.lower() for w in re.findall(r"[\w'’-]+", answer)}
        if not {w.lower().rstrip(".") for w in held.name.split()} & named:
            return None
        message = f"{held.name} is its {frame.not_role}, whom the question sets aside."
        return Abstention(reason="constraint_unmet", gate="constraint", message=message)

    def _holder(self, m: re.Match[str], sentence: Sentence, frame: QuestionFrame) -> str | None:
        """The name the match gives the role, where the role is the subject's and held now; None otherwise."""
        text = sentence.text
        name = m.group("name").rstrip(",;:")
        if name.endswith(".") and not _KEEPS_DOT.search(name):
            name = name[:-1]  # the sentence's full stop, not an initial's ("Timothy D. Cook.") or "Inc."
        if not self.binding.names(name):
            return None  # a capitalised common word: "… customer The …"
        org = m.groupdict().get("org")
        # A title of another organisation ("Meta chief executive officer Mark Zuckerberg"); a capitalised word at
        # the start of the sentence ("Launch customer ANA") is no organisation.
        owner = self.binding.names(org) if org else set()
        if owner and not owner & frame.subjects:
            return None
        if not owner and not self._only_subject(frame, sentence):
            return None  # "Chief executive Mark Zuckerberg …" in an article on Meta and Scale AI: whose?
        if _FORMER.search(text, max(0, m.start() - 20), m.start("role")) or _LEFT.match(text, m.end()):
            return None
        held = {w.lower().rstrip(".") for w in name.split()}
        asked = {w.lower() for w in re.findall(r"[\w&'’-]+", frame.question)}
        if held & asked:
            return None  # the question's own name handed back ("Tim Cook" for "Timothy D. Cook")
        return name

    def _only_subject(self, frame: QuestionFrame, sentence: Sentence) -> bool:
        """Whether a title with no organisation on it ("Launch customer ANA", "the first customer, …") can only be
        the asked subject's: the sentence names it, or the article's title names nothing else."""
        if self.binding.named_with(frame, sentence, title=False):
            return True
        title = self.binding.names(self.binding.titles.get(sentence.article_id, ""))
        others = {w for w in title - frame.subjects if not w.isdigit()}
        return bool(title & frame.subjects) and not others
