"""When reports differ on a year or on how long: "the worst day since the country's 1998 financial crisis" in one
article, "its worst financial crisis since 1989" in another; "delivered 18 months behind schedule" and
"deliveries … not due until October, two years late".

The figure gatherer (``rag.stages.gather``) reads money and counts; a year is a date to it, and a delay a length of
time, not an amount. Shown both sentences, the 1.5B model answers with one of them ("1998 [1]"), and the
verifier passes it: the year is in the cited sentence. So two questions of time are read here, model-free:
  * "worst since which year": a year a few words after "since", in a clause that holds the question's
    superlative ("worst") and names no other holder;
  * "how late": a length of time beside a word of lateness ("18 months behind schedule", "two years late",
    "delayed by six months", "a two-year delay"), in a sentence that, with its title, holds every other word the
    question asks with ("delivered": delivery, deliveries).
Each sentence must be about the question's subject (``BindingCheck.about``). As the figure gatherer, this one
decides only where articles disagree: one value, or values of one article, are left to the usual path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import combinations

from index import Sentence
from rag.stages.amounts import NUMBER_WORDS, Amount, number_value
from rag.stages.binding import BindingCheck
from rag.stages.frame import QuestionFrame, root
from rag.stages.gather import Gathered, Reading, ValueGroup

__all__ = ["PeriodGatherer", "asks_period"]

_SINCE_WHICH_YEAR = re.compile(r"\bsince\s+(?:which|what)\s+year\b|\bsince\s+when\b", re.I)
_HOW_LATE = re.compile(r"\bhow\s+(?:late|long\s+(?:was|were|is|are|did|has|had)\b.*\b(?:delayed|delay|late))\b", re.I)
_SUPERLATIVE = re.compile(
    r"\b(?:worst|best|biggest|largest|lowest|highest|greatest|sharpest|steepest|deepest|strongest|weakest|"
    r"heaviest|smallest|fastest|slowest)\b",
    re.I,
)
# "since the country's 1998 financial crisis", "since 1989": the year within two words after "since".
_SINCE_YEAR = re.compile(r"\bsince\s+(?:(?:the|its|their|his|her|[\w.-]+['’]s?)\s+){0,2}((?:19|20)\d{2})\b", re.I)
_REACH = 80  # characters from the superlative to "since"
_CLAUSE = re.compile(r"[,;:]|\b(?:as|while|and|but|whereas|when|after)\b")
_NUMBER = r"\d+(?:\.\d+)?|" + "|".join(NUMBER_WORDS) + r"|an?"
_UNIT_MONTHS = {"day": 1 / 30, "week": 7 / 30, "month": 1.0, "year": 12.0}
_UNIT = r"(?P<unit>(?:day|week|month|year)s?)"
_LATE_AFTER = (
    r"(?:late|overdue|behind(?:\s+schedule)?|(?:later|longer)\s+than\s+(?:\w+\s+)?"
    r"(?:planned|scheduled|expected|promised))\b"
)
# "18 months behind schedule", "October-two years late", "a two-year delay", "delayed by six months".
_DELAYS = (
    re.compile(rf"\b(?P<num>{_NUMBER})[\s-]+{_UNIT}\s+{_LATE_AFTER}", re.I),
    re.compile(rf"\b(?P<num>{_NUMBER})-{_UNIT}\s+(?:delay|postponement|slip)\b", re.I),
    re.compile(
        rf"\b(?:delay(?:ed|s)?|postponed|pushed\s+back|slipped)\s+(?:of\s+|by\s+)(?:about\s+|some\s+|nearly\s+|"
        rf"almost\s+|around\s+|more\s+than\s+)?(?P<num>{_NUMBER})\s+{_UNIT}",
        re.I,
    ),
)
# The question's words of lateness, which are not its event.
_LATENESS = frozenset(("late", "long", "delay", "delayed", "behind", "schedule", "overdue"))


def asks_period(frame: QuestionFrame) -> bool:
    """Whether the question asks "since which year" or how late something was."""
    return bool(_SINCE_WHICH_YEAR.search(frame.question) or _HOW_LATE.search(frame.question))


class PeriodGatherer:
    """Model-free. ``binding`` supplies the subject test the figure gatherer uses."""

    def __init__(self, binding: BindingCheck, dates: dict[str, str | None] | None = None):
        self.binding = binding
        self.dates = dates or {}

    def run(self, frame: QuestionFrame, sentences: Iterable[Sentence]) -> Gathered | None:
        """The years or delays the sentences give for what ``frame`` asks; None when it asks neither or no
        sentence about its subject states one."""
        if _SINCE_WHICH_YEAR.search(frame.question):
            family, read = "year", self._years
        elif _HOW_LATE.search(frame.question):
            family, read = "delay", self._delays
        else:
            return None
        readings: dict[str, list[Reading]] = {}  # by value: "24 months" and "two years" are one delay
        seen: set[tuple[str, int]] = set()
        for sentence in sentences:
            if (sentence.article_id, sentence.start) in seen or not self.binding.about(frame, sentence):
                continue
            seen.add((sentence.article_id, sentence.start))
            for key, amount in read(frame, sentence):
                readings.setdefault(key, []).append(Reading(amount, sentence))
        if not readings:
            return None
        values = tuple(sorted((ValueGroup(key, tuple(rs)) for key, rs in readings.items()), key=self._order))
        return Gathered(family=family, groups=values, asks="values", conflict=_disagree(values))

    def _years(self, frame: QuestionFrame, sentence: Sentence) -> list[tuple[str, Amount]]:
        """Years after "since", in a clause that holds the question's superlative (if it has one) and no other
        subject."""
        text = sentence.text
        wanted = {w.lower() for w in _SUPERLATIVE.findall(frame.question)}
        found = []
        for m in _SINCE_YEAR.finditer(text):
            # The clause the year ends: "Sterling fell as the Bank of England had its worst quarter since 1976"
            # holds the Bank's worst, not Sterling's.
            clause = _CLAUSE.split(text[max(0, m.start() - _REACH) : m.start()])[-1]
            if wanted and not wanted & {w.lower() for w in _SUPERLATIVE.findall(clause)}:
                continue
            if self.binding.held_by_other(frame, clause, sentence.article_id):
                continue
            if m.group(1) in frame.question:
                continue  # the question's own year ("the turmoil of September 2008") is what it asks about
            year = Amount(text=m.group(1), start=m.start(1), end=m.end(1), value=float(m.group(1)), money=False)
            found.append((m.group(1), year))
        return found

    def _delays(self, frame: QuestionFrame, sentence: Sentence) -> list[tuple[str, Amount]]:
        """Lengths of time stated as a delay, where the sentence holds the question's event, if it names one; each
        keyed by its length in months. The amount itself has no value: a reader is told "two years", not 24."""
        text = sentence.text
        # Every other word the question asks with, in the sentence or its title: "arrives on November 11, three days
        # later than planned" is not how late it was delivered, nor is "handed over 14 months behind schedule".
        said = {root(w) for w in re.findall(r"[A-Za-z]+", f"{text} {self.binding.titles.get(sentence.article_id, '')}")}
        if not {root(w) for w in frame.attributes if w not in _LATENESS} <= said:
            return []
        found = []
        for pattern in _DELAYS:
            for m in pattern.finditer(text):
                number, unit = m.group("num"), m.group("unit").lower().removesuffix("s")
                months = number_value(number) * _UNIT_MONTHS[unit]
                words = text[m.start("num") : m.end("unit")]
                found.append((f"{months:.4g}", Amount(words, m.start("num"), m.end("unit"), value=None, money=False)))
        return found

    def _order(self, group: ValueGroup) -> str:
        """Oldest report first, undated last: as the figure gatherer lists its values."""
        return min((d for r in group.readings if (d := self.dates.get(r.sentence.article_id))), default="9999")


def _disagree(groups: Sequence[ValueGroup]) -> bool:
    """Two articles each state a value the other does not."""
    by_article: dict[str, set[str]] = {}
    for group in groups:
        for article in group.articles:
            by_article.setdefault(article, set()).add(group.key)
    return any(a - b and b - a for a, b in combinations(by_article.values(), 2))
