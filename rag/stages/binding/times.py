"""Dates, years, periods and time units: whether a sentence's figure is of the year, quarter, month or unit the
question asks ("in hours", "in the first quarter of 2008"), not another's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from index import Sentence
from rag.stages.amounts import NUMBER_WORDS, clauses, find_amounts, number_value
from rag.stages.dates import MONTHS, months_named
from rag.stages.verify import (
    extract_quantities,
)

# The hours of a time zone's offset, no count of hours: "(GMT +8)".
ZONE_OFFSET = re.compile(r"\b(?:UTC|GMT)\s*[+−-]\s*$")
# Numbers written as words, as a pattern's alternatives.
_IN_WORDS = "|".join(NUMBER_WORDS)
_YEAR = re.compile(r"(?<![\w$.,])((?:19|20)\d{2})(?![\w.,]\d)")
# "the lowest number since 1981", "its worst crisis since 1989": the year a comparison reaches back to, not the year
# of the figure.
_SINCE_YEAR = re.compile(r"\bsince\s+(?:(?:early|late|mid)[\s-]+)?(?:19|20)\d{2}\b", re.I)

# A span of time counted: "the nine days before it closed", "in the past nine days", "90 minutes".
_PERIOD = re.compile(
    r"\b(\d+|" + _IN_WORDS + r")\s+(?:(?:straight|consecutive|trading|business)\s+)?"
    r"(minute|hour|day|week|month|year|quarter|session)s?\b",
    re.I,
)


def _periods(text: str) -> set[tuple[float, str]]:
    return {(number_value(m.group(1)), m.group(2).lower()) for m in _PERIOD.finditer(text)}


def states_period(question: str, text: str) -> bool:
    """Whether ``text`` counts a span of time the question counts, or the question counts none."""
    asked = _periods(question)
    return not asked or bool(asked & _periods(text))


# "How many months late …" counts a span of time in its unit: "two years late" is no count of months (held-out
# round 33, w884: "two" gathered from "October-two years late").
_TIME_UNITS = r"(minute|hour|day|week|month|year|decade)s?\b"
_UNIT_ASKED = re.compile(r"\bhow\s+many\s+" + _TIME_UNITS, re.I)
_UNIT_AFTER = re.compile(r"[\s-]*" + _TIME_UNITS, re.I)


_COUNT_NUMBER = re.compile(rf"(?<![\w.,])(?:\d+(?:,\d{{3}})*(?:\.\d+)?|{_IN_WORDS})(?![\w,])", re.I)


def other_time_unit(question: str, text: str, end: int) -> str:
    """The unit of time ``text`` writes right after a figure ending at ``end`` where the question counts another
    unit ("years" for "how many months"); '' otherwise, and where nothing follows the figure."""
    asked = _UNIT_ASKED.search(question)
    return _unit_after(text, end, other_than=asked.group(1).lower()) if asked else ""


def _unit_after(text: str, end: int, *, other_than: str) -> str:
    """The unit of time ``text`` writes right after a figure ending at ``end``, where it is not ``other_than``; ''
    otherwise, and where nothing follows the figure."""
    after = _UNIT_AFTER.match(text, end)
    return "" if after is None or after.group(1).lower() == other_than else after.group(1).lower()


def _in_other_unit(question: str, sentences: Sequence[Sentence], values: set[float]) -> tuple[str, str] | None:
    """(the unit written, the unit or thing asked, both as counted) where every time a sentence writes a figure of
    the answer it counts another unit of time than the question ("two years late" for "how many months late"), or
    a span of time where the question counts things ("just one year after launching the iPhone" counts no people
    who turned up: held-out round 42, w1114); None otherwise."""
    if asked := _UNIT_ASKED.search(question):
        unit = asked.group(1).lower()
        counted = unit + "s"
    elif thing := _THING_COUNTED.match(question):
        unit = counted = thing.group(1).lower()
    else:
        return None
    written = ""
    for sentence in sentences:
        for number in _COUNT_NUMBER.finditer(sentence.text):
            if number_value(number.group(0)) not in values:
                continue
            if not (other := _unit_after(sentence.text, number.end(), other_than=unit)):
                return None
            written = written or other + "s"
    return (written, counted) if written else None


# What a "how many" question counts, where it is no unit of time: "How many people turned up …".
_THING_COUNTED = re.compile(
    r"^\W*how\s+many\s+(?:(?:more|new|other|extra|additional|of\s+the|of\s+its|of\s+their)\s+)?"
    r"(?!(?:minute|hour|day|week|month|year|decade|more|new|other|extra|additional|of)s?\b)([A-Za-z][\w-]*)",
    re.I,
)


def _unstated_period(question: str, said: Sequence[str], leads: Sequence[str] = ()) -> str:
    """The span of time the question counts ("in the nine days before it closed") where no sentence that gives the
    answer counts it: the day's fall of 678 points is not the nine days' of over 2,000 (Wikinews w474). The caller
    leaves out a question that describes its subject ("the partner Chrysler was told to sign up within 30 days"):
    that period finds the subject, not the figure. A quarter named ("in the first quarter of 2025") is such a
    span too: "revenue of US$870 million last year" and "sales … to US$2 billion in 2025" give no quarter's
    (bundled q126). A report whose lead names a quarter speaks of it throughout (``leads``: "Most financial
    analysts had forecast the automaker's losses to be over $6.7 billion", Wikinews w500)."""
    quarter = _QUARTER_ASKED.search(question)
    if quarter and not any(_QUARTER_SAID.search(text) for text in [*said, *leads]):
        return quarter.group(0)
    if not _periods(question) or any(states_period(question, text) for text in said):
        return ""
    return next(m.group(0) for m in _PERIOD.finditer(question))


_QUARTER_ASKED = re.compile(r"\b(?:first|second|third|fourth|final|1st|2nd|3rd|4th)\s+quarter\b|\bQ[1-4]\b", re.I)
_QUARTER_SAID = re.compile(r"\bquarter(?:ly|s)?\b|\bQ[1-4]\b|\bthree\s+months\b", re.I)


def asked_years_of(question: str) -> set[int]:
    """The years a question names: "in 2024" asks that year's figure."""
    return {int(y) for y in _YEAR.findall(question)}


_YEARLIKE = re.compile(r"(?:1[89]|20)\d\d")


_ASKS_YEAR = re.compile(r"\b(?:what|which) year\b|\bsince when\b|^\s*when\b", re.I)


def _stated_years(text: str) -> set[int]:
    """The years ``text`` places what it states in (not one a comparison reaches back to)."""
    return {int(y) for y in _YEAR.findall(_SINCE_YEAR.sub(" ", text))}


def _clause_year(question: str, sentences: Sequence[Sentence], values: set[float]) -> str:
    """The years the answer's figures are given for in their own clauses, where a sentence states the asked year
    in another clause only: "He fought pancreatic cancer in 2004 and took six months off in early 2009" gives the
    months off for 2009, not 2004 (round 17, w515). '' where a figure's clause states no year or the asked one."""
    named = asked_years_of(question)
    if not named:
        return ""
    # A year the answer gives ("until October 2007") is what it says, not whose figure it is.
    figures = {v for v in values if not _YEARLIKE.fullmatch(f"{v:g}")}
    stated: set[int] = set()
    for sentence in sentences:
        held = [c for c in clauses(sentence.text) if extract_quantities(c) & figures]
        years = set().union(*(_stated_years(c) for c in held)) if held else set()
        if not years or years & named:
            return ""
        stated |= years
    return ", ".join(str(y) for y in sorted(stated))


def _answers_with_a_year(question: str, added: set[float]) -> bool:
    """Whether the question asks for a year and every figure the claim adds to it (``added``) is one."""
    return bool(_ASKS_YEAR.search(question)) and all(v.is_integer() and 1800 <= v <= 2100 for v in added)


# A figure a month is said to own, right before it: "compared to February's 9.12 million".
_MONTHS_OWN = re.compile(rf"\b({'|'.join(MONTHS)})['’]s\s+(?:US)?\W?$")


# A span of time: "1 hour", "a 12-hour flight", "seven days"; not an age ("56 years old", "a 56-year-old").
_DURATION = re.compile(
    r"(?<![\w.$,])(\d+(?:\.\d+)?|"
    + _IN_WORDS
    + r")(?:\s+|-)(second|minute|hour|day|week|month|year)s?\b(?![\s-]+old\b)",
    re.I,
)


def _unstated_duration(claim: str, sentences: Sequence[Sentence]) -> str:
    """A span of time the answer gives ("1 hour") that no sentence giving it writes with its unit: "How long did
    Henderson's press conference last?" was answered "1 hour", the 1 of "June 1" (Wikinews w564). '' otherwise."""
    stated = {(number_value(m.group(1)), m.group(2).lower()) for s in sentences for m in _DURATION.finditer(s.text)}
    return next(
        (m.group(0) for m in _DURATION.finditer(claim) if (number_value(m.group(1)), m.group(2).lower()) not in stated),
        "",
    )


def _months_figure(question: str, sentences: Sequence[Sentence], values: set[float]) -> str:
    """The month whose figure every sentence holding the answer's figure gives it as, where the question asks of
    another: "… predicted to have dipped below nine million in March, compared to February's 9.12 million" gives
    February's, not March's (Wikinews w680). '' otherwise."""
    asked = months_named(question)
    found = ""
    for sentence in sentences if asked else []:
        text = sentence.text
        held = [a for a in find_amounts(text) if a.value in values]
        if not held:
            return ""
        for amount in held:
            owner = _MONTHS_OWN.search(text, 0, amount.start)
            if owner is None or owner.group(1) in asked:
                return ""
            found = found or owner.group(1)
    return found


# The month and year, or the year, a report's description dates it by: "the January 2005 report", "the report on
# GM's June 2009 filing".
_REPORT_DATE = re.compile(rf"\b(?:({'|'.join(MONTHS)})\s+)?((?:19|20)\d\d)\b")


def _dated_as(published: str | None, dated: re.Match[str]) -> bool:
    """Whether a report published on ``published`` ("2005-01-18") is one a description dates by ``dated``: in its
    month or the next (a report may follow the event it is on by days), or its year or the next January."""
    if not published or not re.match(r"\d{4}-\d\d", published):
        return True
    year, month = int(published[:4]), int(published[5:7])
    asked_year = int(dated.group(2))
    if dated.group(1) is None:
        return year == asked_year or (year == asked_year + 1 and month == 1)
    asked = asked_year * 12 + MONTHS.index(dated.group(1))
    return asked <= year * 12 + month - 1 <= asked + 1
