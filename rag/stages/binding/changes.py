"""Rises and falls: whether an answer states a change where one is asked ("by how much") rather than the end value,
and the direction, bound ("below 9,000") or close a sentence gives against the question's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from index import Sentence
from rag.stages.amounts import NUMBER_WORDS, Amount, find_amounts
from rag.stages.binding.times import _IN_WORDS
from rag.stages.frame import (
    ATTRIBUTE_FAMILIES,
    MOVE_FAMILIES,
    asking_part,
)
from rag.stages.verify import (
    ClaimCheck,
    multiples,
)

# How an answer states a change in words: "by $2 billion", "from X to Y", "up 40%" (``_states_change`` adds the
# multiples: "doubled", "tenfold"). "Up to $65 billion" is a ceiling, not a rise.
_CHANGE_WORDS = re.compile(
    # "by CA$19 per hour", "by HK$2": any dollar's country letters.
    r"\bby\s+(?:about\s+|nearly\s+|almost\s+|more than\s+|roughly\s+)?(?:[A-Z]{0,3}\$|€|£)?\d|\bfrom\b.*\bto\b"
    r"|\b(?:up(?!\s+to\b)|down|rose|fell|grew|increased|decreased|jumped|dropped|slid|slipped|plunged|plummeted|tumbled|"
    # "up two hours from the 3GS": a figure in words moves too.
    r"lost|gained|climbed|soared|declined|surged|sank|shed|added|cut|"
    # "with the FTSE-100 index of leading shares falling 176.3 points to a level of 4,211" (Wikinews w1001).
    r"rising|falling|growing|increasing|decreasing|jumping|dropping|sliding|slipping|plunging|plummeting|tumbling|"
    r"losing|gaining|climbing|soaring|declining|surging|sinking|shedding|rises|falls|drops|gains|loses)"
    r"\b[^.]*?(?:\d|%|percent|\b(?:" + _IN_WORDS + r")\b)|%|percent",
    re.I,
)
# "By how many dollars did Apple lower the price?", "By how many points did it fall?": a change asked in a unit.
_BY_HOW_MANY = re.compile(r"\bby how many\b", re.I)
# What states a level a figure is at or goes to, not a change: "projected to reach $2 billion", "rose to 40%".
_END_VALUE = re.compile(
    r"\b(?:to|reach(?:ed|es|ing)?|hit(?:s|ting)?|at|total(?:l?ed|l?ing|s)?|earn(?:s|ed|ing)?|"
    r"generat(?:e|es|ed|ing)|ma(?:ke|kes|de|king)|revenue of|sales of|spen(?:d|ds|ding|t)|cost(?:s|ing)?)\s+"
    r"(?:about\s+|nearly\s+|almost\s+|around\s+|roughly\s+|some\s+|more than\s+|over\s+|as much as\s+)?$",
    re.I,
)


# How far before a figure its sentence's change word may stand: "slid $19.37", "has fallen by 3.16%".
_CHANGE_REACH = 40
# An answer that words its figure as a difference: "two more hours"; "more than $2 billion" is a level.
_COMPARATIVE = re.compile(
    r"\b(?:more|fewer|less|longer|shorter|higher|lower)\b(?!\s+than\s+(?:about\s+)?(?:[A-Z]{0,3}\$|€|£)?\d)", re.I
)
# A figure that compares is a difference too: "will use 20 percent less fuel per passenger than similarly sized
# aircraft" answers "How much less fuel …?" (Wikinews w280).
_COMPARED = re.compile(r"\s*(?:%|percent|per cent)?\s*(?:[a-z]+\s+)?(?:more|less|fewer|higher|lower)\b", re.I)


def _states_change(text: str) -> bool:
    """Whether ``text`` words a change: a change word before a figure, or a multiple ("doubled", "tenfold")."""
    return bool(_CHANGE_WORDS.search(text) or multiples(text))


def _worded_as_change(answer: str, claims: Sequence[ClaimCheck]) -> bool:
    """Whether the answer's one figure is, where a sentence gives it, worded as a change there: "$19.37" answers
    "by how much did the shares slide" where the sentence says "Apple shares (AAPL) slid $19.37". The answer's own
    wording decides only where no sentence gives the figure (one it converted): "grew by $65 billion" cited to
    "has earmarked up to $65 billion" is a level the draft called a change."""
    places = _places_of_the_figure(answer, claims)
    if not places:
        return _states_change(answer) or bool(_COMPARATIVE.search(answer))
    return any(
        _states_change(text[max(0, amount.start - _CHANGE_REACH) : amount.end]) or _COMPARED.match(text, amount.end)
        for text, amount in places
    )


def _ends_at(answer: str, claims: Sequence[ClaimCheck]) -> bool:
    """Whether the answer's one figure is, wherever its sentences give it, the level reached: "By $2 billion" for
    "revenue is projected to reach $2 billion in 2025 from $870 million" hands back the end value as the change."""
    places = _places_of_the_figure(answer, claims)
    return bool(places) and all(_END_VALUE.search(text[: amount.start]) for text, amount in places)


def _places_of_the_figure(answer: str, claims: Sequence[ClaimCheck]) -> list[tuple[str, Amount]]:
    """Each (sentence text, amount) where the claims' sentences give the answer's figure; none unless the answer
    gives exactly one."""
    figures = [a.value for a in _amounts_or_words(answer) if a.value is not None]
    if len(figures) != 1:
        return []
    return [
        (s.text, a) for c in claims for s in c.sentences for a in _amounts_or_words(s.text) if a.value == figures[0]
    ]


_NUMBER_WORD = re.compile(r"\b(?:" + _IN_WORDS + r")\b", re.I)


def _amounts_or_words(text: str) -> list[Amount]:
    """The amounts of ``text`` and its numbers in words, in order: "up two hours from the 3GS" gives the change
    that "How many more hours …?" asks (find_amounts leaves words out: "two sources" is rarely a reported figure,
    but an answer's one figure is sought where its sentence writes it)."""
    found = find_amounts(text)
    taken = [(a.start, a.end) for a in found]
    words = [
        Amount(
            text=m.group(0), start=m.start(), end=m.end(), value=float(NUMBER_WORDS[m.group(0).lower()]), money=False
        )
        for m in _NUMBER_WORD.finditer(text)
        if not any(start <= m.start() < end for start, end in taken)
    ]
    return sorted([*found, *words], key=lambda a: a.start)


# A question asks a move by its verb (the move families' words); a sentence may state it by an adverb too ("ended
# up 1.2%", "closed down 3%"), but not "up to $15 billion" (a limit).
_MOVES = {m: re.compile(rf"\b(?:{'|'.join(sorted(ATTRIBUTE_FAMILIES[m]))})\b", re.I) for m in sorted(MOVE_FAMILIES)}
# A sentence states a move by its adverb too, and a fall by a cut ("1,600 jobs cut", "cut production by 10%"); a
# question asking how much was cut asks a cut, which the attribute words read.
_STATED_WORDS = {
    "fall": r"down|lower|lowered|cut|cuts|slashed|axed|reduce|reduces|reduced|reducing",
    "rise": r"up(?!\s+to\b)|higher",
}
_STATED_MOVES = {
    m: re.compile(rf"\b(?:{'|'.join(sorted(ATTRIBUTE_FAMILIES[m]))}|{_STATED_WORDS[m]})\b", re.I)
    for m in sorted(MOVE_FAMILIES)
}
# Where a figure's own clause begins: "It ended up 1.2%, although this follows a large fall".
_CLAUSE_START = re.compile(r".*(?:[,;:]|\b(?:although|though|but|while|after|before|following)\b)", re.I | re.S)


def _move(text: str, moves: dict[str, re.Pattern[str]] = _MOVES) -> str | None:
    """ "fall" or "rise" where ``text`` words a move one way only."""
    found = [m for m, words in moves.items() if words.search(text)]
    return found[0] if len(found) == 1 else None


def moves_apart(question: str, clause: str) -> bool:
    """Whether a clause states one move and the question asks the other: "will see 1,600 and 400 jobs cut" for
    "How many jobs will the United Kingdom gain?" (Wikinews w492)."""
    asked, stated = _move(question), _move(clause, _STATED_MOVES)
    return asked is not None and stated is not None and asked != stated


def opposite_move(question: str, sentences: Sequence[Sentence], values: set[float]) -> str:
    """The move the sentences state the answer's figure with, when it is the opposite of the question's ("fell by
    how much" answered by "it ended up 1.2%"); '' when it is the same, or cannot be told. A question that words
    both moves asks the one before its clause: "Which UK stock gained the most on the day the Dow Jones fell below
    9,000?" asks a gain, which "General Motors, which lost more than 33% of its value" is not (Wikinews w139)."""
    asked = _move(question) or _move(asking_part(question))
    if asked is None:
        return ""
    stated: set[str] = set()
    for sentence in sentences:
        for amount in find_amounts(sentence.text):
            if amount.value not in values:
                continue
            before = sentence.text[max(0, amount.start - 40) : amount.start]
            clause = _CLAUSE_START.sub("", before)
            move = _move(clause, _STATED_MOVES)
            if move is None or move == asked:
                return ""
            stated.add(move)
    return stated.pop() if len(stated) == 1 else ""


# A market's figure asked at the close ("fall by the close of trading", "At what level did the Dow close …?") is
# not given by a sentence of the trading day's middle ("not even half way through the trading day").
_CLOSE_ASKED = re.compile(
    r"\b(?:by|at)\s+the\s+(?:close|end)\s+of\s+(?:the\s+)?(?:trading|day|session)\b|\bat\s+the\s+close\b|"
    r"\bclosing\s+(?:level|value|price|figure)\b|\b(?:level|where)\s+did\s+.{1,40}?\s+close\b",
    re.I,
)
_CLOSE_SAID = re.compile(
    r"\bclos(?:e|ed|es|ing)\b|\bend\s+of\s+(?:the\s+)?(?:trading|day|session)|\b(?:finish|end)ed\b", re.I
)


# A time a question or a clause bounds what it states by, and which side of it: "after September 30" (later),
# "until September 30", "before the press conference" (earlier).
_BOUND = re.compile(
    r"\b(before|until|till|after|since)\s+((?:the\s+)?(?:[A-Z][a-z]+\s+\d{1,2}\b|\d{1,2}\s+[A-Z][a-z]+|[\w-]+))"
)
_EARLIER = frozenset({"before", "until", "till"})
_PRONOUNS = frozenset("it its they them he she him her this that".split())
# A record a "since" dates: "its lowest level since 2003", "the worst day since 1998".
_RECORD = re.compile(r"\b(?:\w+est|worst|best|most|least)\b(?:\s+[\w-]+){0,3}\s+$", re.I)


def _bounds(text: str) -> set[tuple[bool, str, str]]:
    """(later, anchor, as written) of each time ``text`` bounds by: (True, "september 30", "after September 30").
    Not a pronoun ("before it closed at 8,579.19" names no time), nor a record's "since" ("its lowest level since
    2003" bounds nothing the figure is stated for)."""
    return {
        (m.group(1) not in _EARLIER, m.group(2).lower().removeprefix("the "), m.group(0))
        for m in _BOUND.finditer(text)
        if m.group(2).lower() not in _PRONOUNS and not (m.group(1) == "since" and _RECORD.search(text, 0, m.start()))
    }


def other_side(question: str, text: str, *, anchored: bool = True) -> tuple[str, str] | None:
    """(what ``text`` says, what the question asks) where the question bounds what it asks by a time and ``text``
    bounds its statement on the other side (``anchored``: of the same time) and never on the asked side: "will
    be free to anyone with an iPhone 4 until September 30" does not say what the case costs after September 30.
    Without ``anchored`` any time will do: a figure "priced at US$29 before the press conference" is not one
    asked "after September 30"."""
    said = _bounds(text) if _BOUND.search(question) else set()
    for later, anchor, asked in _bounds(question):
        if any(s_later == later and (s_anchor == anchor or not anchored) for s_later, s_anchor, _ in said):
            continue
        if other := next((b for b in said if b[0] != later and (b[1] == anchor or not anchored)), None):
            return other[2], asked
    return None


def unmet_close(question: str, text: str) -> bool:
    """Whether the question asks a figure at the close of trading and ``text`` does not speak of a close."""
    return bool(_CLOSE_ASKED.search(question)) and not _CLOSE_SAID.search(text)
