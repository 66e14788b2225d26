"""A question whose subject is a description ("In which city was the company that developed Defense Llama
founded?") is two questions: which company developed Defense Llama, then where that company was founded.

The sentence that answers the second rarely says the first: one article says Scale AI built Defense Llama,
another that Scale AI was founded in San Francisco. Asked at once, a model shown a few sentences finds neither
link. Split, each step is a plain question the pipeline answers and verifies as usual. This module only reads the
question: it finds the description, words the question that names its subject, and puts the name back.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rag.models import Answer, Citation
from rag.stages.amounts import find_amounts
from rag.stages.binding import name_groups
from rag.stages.frame import KINDS, OBJECT_HEAD
from rag.stages.verify import extract_names

__all__ = ["NAME_LIST", "NAME_RUN", "Bridge", "bare_name", "join_answers", "resolved_name", "split_description"]

# "the company that …", "the start-up co-founded by …", "the carmaker whose …".
_HEAD = re.compile(
    rf"\b[Tt]he\s+((?:[a-z-]+\s+){{0,2}}?(?i:{KINDS}))"
    r"\s+(that|which|who|whose|(?:co-)?founded|backed|led|run|built|developed|named|owned|created|launched|"
    r"investigated|acquired|bought|sued|fined)\b"
)
# The question's own verb after such a description: the last one before the question word.
_MAIN_VERB = re.compile(r"\b(?:had|has|have|was|were|is|are|did|does|do|will|would|could|can)\b")
_QUESTION_WORD = re.compile(r"\b(?:which|what|who|whom|how|when|where)\b", re.I)
# A description that opens the question, a modifier before its kind in any case ("The Japanese index that …").
_FRONTED = re.compile(rf"^\s*[Tt]he\s+((?:[\w-]+\s+){{0,2}}?(?i:{KINDS}))\s+(that|which|who|whose)\s+")
# The question word of a question asked in place ("… fell by how much on 10 October?", "… was valued at what?").
_IN_PLACE = re.compile(
    r"(?:\s+(?:by|to|at|for|of|in|on|from|with))?\s+(?:how\s+(?:much|many|long|far|old)|what|which|whom?|when|where)\b"
)
# A name may begin in lower case before a capital ("iPhone 4", "eBay").
_NAME = r"(?:[A-Z]|[a-z]+[A-Z])[\w&'’.$-]*(?:\s+(?:of\s+|the\s+|de\s+)?(?:[A-Z0-9]|[a-z]+[A-Z])[\w&'’.$-]*)*"
# The first list of names after the connector ("Index Ventures and Founders Fund", "Meta, Booz Allen and
# Lockheed Martin"): where the description ends, unless a figure follows close behind.
NAME_LIST = re.compile(_NAME + r"(?:\s*,\s*" + _NAME + r")*(?:\s*,?\s+(?:and|&)\s+" + _NAME + r")?")
# One run of capitalised words, a possessive "'s" still on it ("Meta’s").
NAME_RUN = re.compile(_NAME)


@dataclass(frozen=True)
class Bridge:
    """The description in the question, and the question that asks which subject it describes."""

    description: str  # "the company that developed Defense Llama"
    sub_question: str  # "Which company developed Defense Llama?"
    kind: str  # "company"
    connector: str  # "that", "whose", "backed"; "" for "the partner Chrysler was told …"
    clause: str  # "developed Defense Llama": what the description says of its subject

    def substitute(self, question: str, name: str) -> str:
        """The question about ``name`` itself."""
        return question.replace(self.description, name, 1)


def split_description(question: str) -> Bridge | None:
    """The described subject of ``question`` and the question that resolves it; None when there is none, or
    when the description's end cannot be told (no name in it)."""
    # The innermost description is resolved first: in "the model built by the company whose customers include
    # Cohere and Etsy" that is the company; the question about it may then be answered as it stands.
    heads = list(_HEAD.finditer(question))
    if not heads:
        return _object_description(question) or _fronted_description(question)
    head = heads[-1]
    rest_start = head.end(2)
    names = NAME_LIST.search(question, rest_start)
    if not names or names.start() - rest_start > 40:
        return _fronted_description(question)
    end = names.end()
    # "whose Series F round valued it at US$13.8 billion": the description runs to the figure.
    for amount in find_amounts(question[end:]):
        if amount.start <= 30:
            end += amount.end
        break
    description = question[head.start() : end].rstrip(" ,")
    kind, connector = head.group(1), head.group(2)
    clause = question[rest_start:end].strip(" ,")
    if connector in ("that", "which", "who"):
        sub = f"Which {kind} {clause}?"
    elif connector == "whose":
        sub = f"Which {kind}'s {clause}?"
    else:
        sub = f"Which {kind} was {connector} {clause}?"
    return Bridge(description=description, sub_question=sub, kind=kind, connector=connector, clause=clause)


def _object_description(question: str) -> Bridge | None:
    """ "The partner Chrysler was told to sign up within 30 days …" at the start of a question; None when there is
    none, or no verb of the question's own after it."""
    head = OBJECT_HEAD.match(question)
    asking = _QUESTION_WORD.search(question, head.end()) if head else None
    if not head or not asking:
        return None
    verbs = list(_MAIN_VERB.finditer(question, head.end(), asking.start()))
    doer = NAME_LIST.match(question, head.end())
    if not verbs or not doer or verbs[-1].start() <= doer.end():
        return None
    end = verbs[-1].start()
    description = question[head.start() : end].strip(" ,")
    clause = question[head.end() : end].strip(" ,")
    # No subject-verb question can be worded from an object relative without conjugating: ask what it names.
    return Bridge(
        description=description,
        sub_question=f"Who or what is {description[:1].lower()}{description[1:]}?",
        kind=head.group(1),
        connector="",
        clause=clause,
    )


def _fronted_description(question: str) -> Bridge | None:
    """ "The Japanese index that had hit an all-time low the day before the 17 September 2008 report fell by how
    much …?": a description that opens the question, asked in place, and is closed by no name but by the question's
    own verb, the one just before the question word. None when the question is not of that form."""
    head = _FRONTED.match(question)
    asking = _IN_PLACE.search(question, head.end()) if head else None
    if not head or not asking:
        return None
    before = question[head.end() : asking.start()].split()
    # "… was valued at what?": the auxiliary goes with the question's verb, not with the description.
    verb_words = 2 if len(before) > 1 and _MAIN_VERB.fullmatch(before[-2]) else 1
    clause_words = before[:-verb_words]
    if len(clause_words) < 2 or not before[-1].isalpha() or not before[-1].islower():
        return None
    clause = " ".join(clause_words).strip(" ,")
    kind, connector = head.group(1), head.group(2)
    description = f"{question[head.start() : head.end()].strip()} {clause}"
    sub = f"Which {kind}'s {clause}?" if connector == "whose" else f"Which {kind} {clause}?"
    return Bridge(description=description, sub_question=sub, kind=kind, connector=connector, clause=clause)


def bare_name(run: str) -> str:
    """A name run as a name: "Meta’s" is Meta, "Scale AI." is Scale AI."""
    return re.sub(r"(?:'s|’s|'|’)$", "", run.rstrip(".,;:"))


def resolved_name(answer: str, sub_question: str, mentions: Callable[[str], int] | None = None) -> str | None:
    """The name the first step's answer gives ("Scale AI developed Defense Llama." → "Scale AI"): of the names in
    it that the sub-question does not already hold, the one the collection mentions most (``mentions``; "Alexandr
    Wang and Lucy Guo co-founded Scale AI" answers "which start-up" with Scale AI), else the first."""
    asked = {w for g in name_groups(sub_question, ()) for w in g}
    names = extract_names(answer)
    found: list[str] = []
    for match in NAME_RUN.finditer(re.sub(r"\s*\[\d+\]", "", answer)):
        words = {w.lower().strip(".,'’") for w in match.group(0).split()}
        if words & names and not words & asked and not words <= {"the", "a", "an", "it", "its"}:
            found.append(bare_name(match.group(0)))
    if not found:
        return None
    return max(found, key=mentions) if mentions else found[0]


def join_answers(first: Answer, second: Answer) -> tuple[str, list[Citation]]:
    """Both steps' answers in one text, the second's citations numbered after the first's (one per sentence)."""
    citations = list(first.citations)
    numbers = {(c.article_id, c.start): c.n for c in citations}
    renumber: dict[int, int] = {}
    for c in second.citations:
        key = (c.article_id, c.start)
        if key not in numbers:
            numbers[key] = len(citations) + 1
            citations.append(c.model_copy(update={"n": numbers[key]}))
        renumber[c.n] = numbers[key]
    text = re.sub(r"\[(\d+)\]", lambda m: f"[{renumber.get(int(m.group(1)), int(m.group(1)))}]", second.answer)
    return f"{first.answer} {text}", citations
