"""A list asked of the whole collection ("Which defence contractors has Meta worked with, across all the
reports?", "List every customer of Scale AI"): gathered from every article, de-duplicated, each item cited.

A model shown a few sentences lists what those sentences name; the items a question asks for are spread over
articles ("Booz Allen and Lockheed Martin" in one, "Anduril Industries Inc" in another). This stage finds the
sentences that name the asked kind of thing ("contractors", or a word of its family: "clients" for customers)
of the asked subject, and reads the names listed right after that word ("… contractors Booz Allen and Lockheed
Martin", "clients include some of the biggest names in tech, like Microsoft and OpenAI").

Only a question that asks for every item (all, every, list, across) is answered this way: "Which contractors
did Meta team up with on its November initiatives?" asks for the ones of one event, which the usual path reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from index import Sentence
from rag.stages.binding import BindingCheck, name_groups
from rag.stages.frame import QuestionFrame, family_of, stem

__all__ = ["SELLS_TO", "GatheredList", "ListGatherer", "ListItem", "asked_kind"]

_ASKS_ALL = re.compile(r"\b(?:list|all|every|across|each of)\b", re.I)
# "Which defence contractors …", "List every customer of …", "Name all the firms …": the kind asked for.
_KIND = re.compile(
    r"^\s*(?:which|what|list|name)\s+(?:(?:every|all|each|of|the|different|kinds?|types?)\s+)*"
    r"((?:[a-z-]+\s+){0,2}?[a-z-]+?)(?=\s+(?:has|have|had|did|do|does|is|are|was|were|that|of|for|which|who)\b)",
    re.I,
)
# Sellers name their customers after "sells (its services) to (companies such as)".
SELLS_TO = re.compile(r"\bsells?\b[^.;]{0,30}?\bto\b", re.I)
_NAME = r"[A-Z][\w&'’.-]*(?:\s+(?:of\s+)?[A-Z][\w&'’.-]*)*"
# The names listed right after the kind: up to 60 characters of lower-case words first ("include some of the
# biggest names in tech, like"), then "A, B and C".
_LISTED = re.compile(
    r"^[^A-Z.;]{0,60}?(" + _NAME + r"(?:\s*,\s*" + _NAME + r")*(?:\s*,?\s+(?:and|&)\s+" + _NAME + r")?)"
)
_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+")
# Words that do not tell two companies apart ("Microsoft Corp" is Microsoft).
_SUFFIXES = frozenset(
    "inc inc. corp corp. corporation co co. ltd ltd. llc plc industries group holdings company".split()
)
_WEAK = frozenset("ai us u.s. the a an".split())


@dataclass(frozen=True)
class ListItem:
    """One thing the articles name, in the shortest form they name it, with every sentence naming it."""

    text: str
    sentences: tuple[Sentence, ...]

    @property
    def articles(self) -> frozenset[str]:
        return frozenset(s.article_id for s in self.sentences)


@dataclass(frozen=True)
class GatheredList:
    kind: str  # as the question words it: "defence contractors"
    items: tuple[ListItem, ...]
    besides: str = ""  # what a "besides X" question excludes ("Microsoft and OpenAI"), its items the others
    kinds: bool = False  # the items are kinds of the thing asked ("images", "videos"), not names

    @property
    def decides(self) -> bool:
        # One name is the answer to "besides X, which …": the list is not the collection's, but a sentence's.
        return len(self.items) >= (1 if self.besides else 2)


def asked_kind(frame: QuestionFrame) -> str | None:
    """The kind of thing a list-all question asks for ("defence contractors"); None for other questions."""
    if not _ASKS_ALL.search(frame.question) or not frame.subjects or frame.excluded or frame.count:
        return None
    m = _KIND.match(frame.question)
    return m.group(1).lower() if m else None


class ListGatherer:
    """Model-free; ``binding`` supplies the subject test the question-aware gate uses."""

    def __init__(self, binding: BindingCheck):
        self.binding = binding

    def run(self, frame: QuestionFrame, sentences: Iterable[Sentence]) -> GatheredList | None:
        kind = asked_kind(frame)
        if kind is None:
            return None
        head = kind.split()[-1]
        family = family_of(head)
        head_stem = stem(head)
        asked = {w for g in name_groups(frame.question, ()) for w in g}
        found: dict[frozenset[str], list[tuple[str, Sentence]]] = {}
        seen: set[tuple[str, int]] = set()
        for sentence in sentences:
            if (sentence.article_id, sentence.start) in seen:
                continue
            seen.add((sentence.article_id, sentence.start))
            starts = [
                m.end()
                for m in re.finditer(r"[A-Za-z][A-Za-z'-]*", sentence.text)
                if stem(m.group(0)) == head_stem or (family and family_of(m.group(0)) == family)
            ]
            if family == "customers":
                starts += [m.end() for m in SELLS_TO.finditer(sentence.text)]
            if not starts or not self.binding.about(frame, sentence):
                continue
            for start in starts:
                listed = _LISTED.match(sentence.text[start:])
                if not listed:
                    continue
                for name in _SPLIT.split(listed.group(1)):
                    key = _key(name)
                    if key and not key <= asked:
                        found.setdefault(key, []).append((name.strip().rstrip(".,;:"), sentence))
        items = _merge(found)
        return GatheredList(kind, tuple(items)) if items else None


def _key(name: str) -> frozenset[str]:
    words = {w.lower().strip(".,;:'’") for w in name.split()}
    return frozenset(words - _SUFFIXES - _WEAK)


def _merge(found: dict[frozenset[str], list[tuple[str, Sentence]]]) -> list[ListItem]:
    """One item per company however it is named: "Anduril Industries Inc" and "Anduril Industries" are one."""
    keys = sorted(found, key=len)
    merged: list[tuple[frozenset[str], list[tuple[str, Sentence]]]] = []
    for key in keys:
        for other, mentions in merged:
            if other <= key:
                mentions.extend(found[key])
                break
        else:
            merged.append((key, list(found[key])))
    items = []
    for _, mentions in merged:
        shortest = min((n for n, _ in mentions), key=len)
        sentences = tuple(dict.fromkeys(s for _, s in mentions))
        items.append(ListItem(shortest, sentences))
    # In the order the collection first names them.
    return sorted(items, key=lambda i: (i.sentences[0].article_id, i.sentences[0].start))
