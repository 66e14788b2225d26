"""Figures as a sentence states them: "about US$14 billion", "roughly nine billion dollars", "several billion".

Reports are compared by value: the same amount written two ways (US$10b, $10 billion, ten billion dollars) is one
value; 9 billion, 13.8 billion and 14 billion are three. A vague amount ("several billion", "billions of
dollars") has no value but is still what an outlet reported, so it is kept as its own words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "A_SCALE",
    "MONTH",
    "NUMBER_WORDS",
    "SCALES",
    "Amount",
    "clauses",
    "figure_clause",
    "find_amounts",
    "number_value",
]

SCALES = {  # the words and letters that scale a figure (also the claim verifier's)
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "b": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_UNIT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEEN_WORDS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16}
_TEEN_WORDS |= {"seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80}
_TENS_WORDS |= {"ninety": 90}
# Numbers written as words, the hyphenated ones first: every pattern joins these in this order, and "thirty-one"
# must be read before "thirty" is (Wikinews w1000: "thirty-one Republicans" was 30 and 1, and "31" unstated).
NUMBER_WORDS = {
    **{f"{tens}-{unit}": n + u for tens, n in _TENS_WORDS.items() for unit, u in _UNIT_WORDS.items()},
    # The teens before the units they start with: "fourteen" is no "four".
    **_TEEN_WORDS,
    **_UNIT_WORDS,
    **_TENS_WORDS,
    "hundred": 100,
}
_QUALIFIER = (
    r"(?:(?P<qual>about|around|roughly|nearly|almost|approximately|some|close to|more than|over|exceeding|"
    r"in excess of|at least|up to|as much as|as many as|as high as|less than|under|fewer than|top|topping)\s+)?"
)
# The qualifier a figure's text starts with ("as much as $65 billion"), for a caller that wants the figure bare.
LEADING_QUALIFIER = re.compile("^" + _QUALIFIER, re.I)
_CURRENCY = r"(?P<cur>US\$|CA\$|AU\$|A\$|C\$|HK\$|S\$|RM|\$|€|£)?\s?"
# "over a billion monthly active users": one, where a scale follows ("half a billion" is not).
A_SCALE = r"(?<!half )a(?=\s+(?:trillion|billion|million|thousand)\b)"
_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + "|".join(NUMBER_WORDS) + "|" + A_SCALE + r")"
_SCALE_WORD = r"(?:\s*-?\s*(?P<scale>trillion|billion|million|thousand|bn|mn|tn|b|m|k)\b)?"
_DOLLARS = r"(?P<dollars>\s+(?:US\s+|U\.S\.\s+)?dollars\b)?"
_PERCENT = r"(?P<pct>\s*(?:%|percent\b|per cent\b))?"
# Before the number: not part of a word or a model name ("A380-800"). After it: not a letter, unless it is a
# scale ("US$10b", "$2bn").
# Nor the start of a longer number: "787s" holds no 78 (held-out round 43, w1120, answered "78 flights").
_AFTER = r"(?![.,]?\d)(?=[^A-Za-z]|$|(?:bn|mn|tn|b|m|k)\b)"
_AMOUNT = re.compile(
    r"(?<![\w.$-])" + _QUALIFIER + _CURRENCY + _NUMBER + _AFTER + _SCALE_WORD + _DOLLARS + _PERCENT, re.I
)
_VAGUE = re.compile(
    r"\b(?P<vague>(?:several|a few|many|tens of|hundreds of|multiple)\s+(?:billion|million)s?"
    r"|(?:billions|millions)(?=\s+of\s+dollars)|multi-?billion|multi-?million)"
    r"(?:\s+(?:of\s+)?dollars|-dollar)?",
    re.I,
)
# A bare year is a date, not an amount: "founded in 2016", "in 2024"; nor is the day of a month.
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
# A month's name, in full or cut short (a pattern to build others with).
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY_BEFORE = re.compile(r"^\s*(?:st|nd|rd|th)?\s*(?:of\s+)?" + MONTH + r"\b", re.I)
_DAY_AFTER = re.compile(r"\b" + MONTH + r"\.?\s*$", re.I)


@dataclass(frozen=True)
class Amount:
    """One figure in a sentence: its words (``text``, e.g. "about US$14 billion"), where they are, and its value.

    ``value`` is None for a vague amount; ``key`` is what two statements of the same amount share.
    """

    text: str
    start: int
    end: int
    value: float | None
    money: bool  # a currency sign, "dollars", or a vague money phrase
    percent: bool = False
    sign: str = ""  # the currency sign as written before the number ("US$", "RM"), if any

    @property
    def key(self) -> str:
        if self.value is None:
            return _vague_key(self.text)
        return f"{self.value:.6g}{'%' if self.percent else ''}"


def number_value(number: str) -> float:
    """The value of a number as written: digits ("1,200"), a word ("three"), or the "a" of "a billion" (and the
    "an" of "an hour late")."""
    word = number.lower()
    if word in ("a", "an"):
        return 1.0
    return float(NUMBER_WORDS[word]) if word in NUMBER_WORDS else float(word.replace(",", ""))


def find_amounts(text: str) -> list[Amount]:
    """The amounts of ``text`` in order: money, counts and percentages; years and lone digits of dates are not."""
    found: list[Amount] = []
    for m in _AMOUNT.finditer(text):
        number = m.group("num").lower()
        has_unit = bool(m.group("cur") or m.group("scale") or m.group("dollars") or m.group("pct"))
        if _YEAR.match(number) and not has_unit:
            continue
        if not has_unit and (_DAY_BEFORE.match(text[m.end() :]) or _DAY_AFTER.search(text[: m.start()])):
            continue
        if number in NUMBER_WORDS and not has_unit:
            continue  # "one of the founders", "two sources": counts worded as words are rarely reported figures
        base = number_value(number)
        scale = (m.group("scale") or "").lower()
        if scale in ("b", "m", "k") and not m.group("cur"):
            continue  # "3 m" of height, "5 k" of distance: a lone letter scales only money
        value = base * SCALES.get(scale, 1.0)
        found.append(
            Amount(
                text=m.group(0).strip(),
                start=m.start(),
                end=m.end(),
                value=value,
                money=bool(m.group("cur") or m.group("dollars")),
                percent=bool(m.group("pct")),
                sign=m.group("cur") or "",
            )
        )
    for m in _VAGUE.finditer(text):
        if any(a.start <= m.start() < a.end for a in found):
            continue
        qualifier = re.search(r"(?:more than|over|exceeding|up to|as much as)\s+$", text[: m.start()], re.I)
        start = qualifier.start() if qualifier else m.start()
        found.append(Amount(text=text[start : m.end()].strip(), start=start, end=m.end(), value=None, money=True))
    return sorted(found, key=lambda a: a.start)


def _vague_key(text: str) -> str:
    """ "billions of dollars" and "multibillion-dollar" are one vague amount; "several billion" another."""
    words = text.lower()
    for prefix in ("more than ", "over ", "exceeding ", "up to ", "as much as "):
        words = words.removeprefix(prefix)
    words = re.sub(r"\s+(?:of\s+)?dollars|-dollar", "", words)
    if words.startswith("multi") or words in ("billions", "millions"):
        return "billions" if "billion" in words else "millions"
    return re.sub(r"\s+", " ", words).rstrip("s")


# Where the words that say what a figure is begin or end: "which raised US$1 billion and valued Scale AI at US$13.8
# billion" says "raised" of the first figure and "valued Scale AI at" of the second. A comma inside a number
# ("1,200") is no boundary.
_CLAUSE_BOUNDARY = re.compile(r"[;:()]|,(?!\d{3})|\b(?:and|while|whereas|but|which|who|after|before|with)\b", re.I)
_AFTER_WORDS = 4  # "US$870 million in revenue last year": what a figure is, when said after it, is said at once


def clauses(text: str) -> list[str]:
    """``text`` cut where a clause may end, as ``figure_clause`` cuts it."""
    return _CLAUSE_BOUNDARY.split(text)


def figure_clause(
    text: str, amount: Amount, amounts: Sequence[Amount], *, after_words: int = _AFTER_WORDS
) -> tuple[str, str]:
    """(before, after): the words of ``text`` in the figure's own clause before ``amount``, back to a boundary or
    the figure before it (of ``amounts``, ``find_amounts(text)``), and the first ``after_words`` after it, up to a
    boundary or the next figure."""
    start = max((a.end for a in amounts if a.end <= amount.start), default=0)
    before = _CLAUSE_BOUNDARY.split(text[start : amount.start])[-1]
    end = min((a.start for a in amounts if a.start >= amount.end), default=len(text))
    after = _CLAUSE_BOUNDARY.split(text[amount.end : end])[0]
    return before.strip(), " ".join(after.split()[:after_words])
