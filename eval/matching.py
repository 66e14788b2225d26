"""Is an answer right? SQuAD-style normalisation, number forms, containment / gold-token recall, token F1.

Normalisation is SQuAD's (lower case, no punctuation, no articles, single spaces) with three changes:
  * numbers are rewritten to one canonical form first: currency marks go ("US$870 million" = "$870 million"
    = "870 million"), scale words multiply ("US$65b" = "$65 billion" = "65bn" = "65000000000"), number
    words become digits ("one billion" = "1 billion") and a bare number in a range takes the scale of its
    partner ("10 to 15 billion" = "10 billion to 15 billion");
  * punctuation becomes a space rather than vanishing ("AI-powered" = "AI powered"), except the decimal
    point inside a number, and a possessive "'s" is dropped ("Meta's" = "Meta");
  * "a"/"an" before a scale word is the number one ("over a billion" = "over 1 billion").
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

__all__ = [
    "DEFAULT_RECALL_THRESHOLD",
    "Match",
    "gold_recall",
    "match_answer",
    "normalize_answer",
    "normalize_numbers",
    "token_f1",
]

DEFAULT_RECALL_THRESHOLD = 0.8

_SCALE = {
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "mn": 10**6,
    "m": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
}
_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# "thirty-one" is 31, not "30 1" (Wikinews w1000's gold).
_WORDS |= {
    f"{tens}-{unit}": _WORDS[tens] + _WORDS[unit]
    for tens in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
    for unit in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
}
# Single letters ("870m", "65b") only count as a scale when glued to the figure; words may stand apart.
_NUMBER = re.compile(
    r"(?<![\w.$])(?:us\$|usd\s?|s\$|a\$|rm|\$|£|€)?\s?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    + "|".join(sorted(_WORDS, key=len, reverse=True))
    + r"|an?(?=\s+(?:thousand|million|billion|trillion)\b))"
    r"(?:(?P<glued>k|m|mn|b|bn|tn)|\s*-?\s*(?P<word>thousand|million|billion|trillion|bn|mn|tn))?"
    r"(?![\w])",
)
_RANGE_GAP = re.compile(r"\s*(?:to|-|–|—|or|and)\s*")
_POSSESSIVE = re.compile(r"['’]s\b")
_PUNCT = re.compile("[" + re.escape(string.punctuation + "‘’“”–—…") + "]")
_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")
_ARTICLES = re.compile(r"\b(?:a|an|the)\b")


def _canonical(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def normalize_numbers(text: str) -> str:
    """``text`` (lower-cased) with every figure in one canonical digit form: 'US$0.87 billion' -> '870000000'."""
    text = text.lower()
    matches = list(_NUMBER.finditer(text))
    if not matches:
        return text
    values: list[tuple[Decimal, int | None]] = []
    for match in matches:
        raw = match.group("num")
        if raw in _WORDS:
            base = Decimal(_WORDS[raw])
        elif raw in ("a", "an"):
            base = Decimal(1)
        else:
            try:
                base = Decimal(raw.replace(",", ""))
            except InvalidOperation:  # pragma: no cover - the pattern only admits numbers
                base = Decimal(0)
        unit = match.group("glued") or match.group("word")
        values.append((base, _SCALE[unit] if unit else None))
    # "10 to 15 billion": the bare first figure shares the scale of the second.
    for i in range(len(matches) - 2, -1, -1):
        base, scale = values[i]
        nxt = values[i + 1][1]
        gap = text[matches[i].end() : matches[i + 1].start()]
        if scale is None and nxt is not None and _RANGE_GAP.fullmatch(gap):
            values[i] = (base, nxt)
    out: list[str] = []
    last = 0
    for match, (base, scale) in zip(matches, values, strict=True):
        out.append(text[last : match.start()])
        prefix = " " if match.start() > 0 and not text[match.start() - 1].isspace() else ""
        out.append(prefix + _canonical(base * (scale or 1)))
        last = match.end()
    out.append(text[last:])
    return "".join(out)


def normalize_answer(text: str) -> str:
    """SQuAD normalisation plus number forms (see the module docstring)."""
    text = normalize_numbers(text)
    text = _POSSESSIVE.sub("", text)
    text = _DECIMAL_POINT.sub("\0", text)  # shield decimal points from the punctuation pass
    text = _PUNCT.sub(" ", text).replace("\0", ".")
    text = _ARTICLES.sub(" ", text)
    return " ".join(text.split())


def _tokens(text: str) -> list[str]:
    return normalize_answer(text).split()


def token_f1(prediction: str, gold: str) -> float:
    """SQuAD token F1 between one prediction and one gold answer (after normalisation)."""
    pred, ref = _tokens(prediction), _tokens(gold)
    if not pred or not ref:
        return float(pred == ref)
    same = sum((Counter(pred) & Counter(ref)).values())
    if same == 0:
        return 0.0
    precision, recall = same / len(pred), same / len(ref)
    return 2 * precision * recall / (precision + recall)


def gold_recall(prediction: str, gold: str) -> float:
    """Share of the gold answer's tokens that the prediction contains (multiset, order ignored)."""
    pred, ref = _tokens(prediction), _tokens(gold)
    if not ref:
        return 0.0
    return sum((Counter(pred) & Counter(ref)).values()) / len(ref)


@dataclass(frozen=True)
class Match:
    """How an answer fared against the best of its gold aliases."""

    correct: bool
    f1: float
    alias: str | None = None
    how: str | None = None  # "contains" | "recall"


def match_answer(prediction: str, aliases: Sequence[str], threshold: float = DEFAULT_RECALL_THRESHOLD) -> Match:
    """Correct when some alias appears in the answer (as whole tokens) or enough of its tokens do.

    ``f1`` is the best SQuAD F1 over the aliases, whether or not the answer counts as correct.
    """
    pred = normalize_answer(prediction)
    best_f1 = max((token_f1(prediction, a) for a in aliases), default=0.0)
    padded = f" {pred} "
    for alias in aliases:
        gold = normalize_answer(alias)
        if gold and f" {gold} " in padded:
            return Match(True, best_f1, alias, "contains")
    for alias in aliases:
        if normalize_answer(alias) and gold_recall(prediction, alias) >= threshold:
            return Match(True, best_f1, alias, "recall")
    return Match(False, best_f1)
