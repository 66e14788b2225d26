"""Which day a question asks about, and which days a sentence can be speaking of.

"How far did Bank of America's shares fall on 17 September 2008?" is not answered by a fall reported in an
article of 7 October: the day is part of what is asked, as the year is.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

__all__ = [
    "MONTHS",
    "asked_days",
    "asks_about_time",
    "days_named",
    "days_spoken_of",
    "months_named",
    "names_a_day",
    "without_days",
    "writes_day_of_month",
]

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip
_MONTHS = {m: i + 1 for i, m in enumerate(MONTHS)}
# Capitalised only: "it may 2…" is no date.
_MONTH = "|".join(_MONTHS)
# "17 September 2008", "September 17, 2008", "17 September" (the year then comes from elsewhere).
_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\b(?:,?\s+((?:19|20)\d\d))?")
_MONTH_FIRST = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+((?:19|20)\d\d))?")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(rf"\b({'|'.join(_WEEKDAYS)})\b", re.I)
# "last week", "days ago": another day, but which cannot be told.
_VAGUE_DAY = re.compile(r"\b(?:last week|earlier this week|days? (?:ago|before)|weeks? (?:ago|before)|week)\b", re.I)
# Words that place a sentence's event on a day other than its article's without a date: a weekday, which is one of
# the week around the report (``_weekdays_near``), or a vaguer one.
_OTHER_DAY = re.compile(f"{_WEEKDAY.pattern}|{_VAGUE_DAY.pattern}", re.I)


def _days(text: str, default_year: int | None) -> set[date]:
    found: set[date] = set()
    for day, month, year in _DAY_FIRST.findall(text):
        found |= _make(year, month, day, default_year)
    for month, day, year in _MONTH_FIRST.findall(text):
        found |= _make(year, month, day, default_year)
    return found


def _make(year: str, month: str, day: str, default_year: int | None) -> set[date]:
    y = int(year) if year else default_year
    if y is None:
        return set()
    try:
        return {date(y, _MONTHS[month], int(day))}
    except ValueError:
        return set()


# A question about time: when, which day or year, before or since what, the latest report. Broad on purpose: a
# question it misses is drafted without its articles' dates.
_ABOUT_TIME = re.compile(
    r"\b(?:when|dates?|dated|days?|years?|months?|weeks?|times?|how long|since|until|till|before|after|ago|"
    r"latest|recent(?:ly)?|earliest|earlier|later|first|last|yesterday|today|tomorrow|now|current(?:ly)?|still|"
    r"previous(?:ly)?|next|during|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"(?:19|20)\d\d)\b",
    re.I,
)


def asks_about_time(question: str) -> bool:
    """Whether ``question`` asks when, or about a day, a year or an order in time (a month named counts)."""
    return bool(_ABOUT_TIME.search(question) or months_named(question))


def months_named(text: str) -> set[str]:
    """The months ``text`` names ("November"), capitalised as written."""
    return set(re.findall(rf"\b({_MONTH})\b", text))


def writes_day_of_month(text: str) -> bool:
    """Whether the text writes a date with its day of the month ("November 11", "10 October 2008"), not a month
    alone."""
    return bool(_DAY_FIRST.search(text) or _MONTH_FIRST.search(text))


def without_days(text: str) -> str:
    """``text`` with the dates that write a day of the month ("June 1st", "10 October 2008") taken out."""
    return _MONTH_FIRST.sub(" ", _DAY_FIRST.sub(" ", text))


def asked_days(question: str) -> set[date]:
    """The days a question names with day, month and year ("on 17 September 2008"); a day without a year is
    given the question's only year, if it names one."""
    years = {int(y) for y in _YEAR.findall(question)}
    return _days(question, next(iter(years)) if len(years) == 1 else None)


def days_named(text: str, article_date: str | None) -> set[date]:
    """The days a sentence names ("On August 24, …"), a day without a year in its article's year."""
    published = parse_day(article_date)
    return _days(text, published.year if published else None)


def days_spoken_of(text: str, article_date: str | None, lead: str = "") -> set[date] | None:
    """The days a sentence may be reporting: the ones it names, else its article's day and the day before
    ("yesterday", or news filed the morning after); for a weekday ("on Monday"), that day in the week before the
    article or the week after. None when that cannot be told: the article has no date, or the sentence places its
    event on another day vaguely ("last week", "days ago").

    ``lead``, the article's opening, places the sentences that say nothing of their day: a report that opens
    "Stock markets around the world continued to fall dramatically today" gives YRC's "loss of 27.30%" a few
    sentences on as that day's, not the day before's (held-out round 27, w755)."""
    published = parse_day(article_date)
    named = _days(text, published.year if published else None)
    if named:
        return named
    if published is None:
        return None
    if _OTHER_DAY.search(text):
        return _weekdays_near(text, published)
    for said in (text, lead):
        if _YESTERDAY.search(said) or _OTHER_DAY.search(said) or days_named(said, article_date):
            break  # the opening itself speaks of another day: the sentence may be that day's
        if _TODAY.search(said):
            return {published}  # "continued to fall today" in an article of 7 October is no report of 6 October
    return {published, published - timedelta(days=1)}


def names_a_day(text: str, article_date: str | None) -> bool:
    """Whether a sentence names the day it speaks of (a date or a weekday), rather than taking its report's."""
    return bool(days_named(text, article_date) or _WEEKDAY.search(text))


def _weekdays_near(text: str, published: date) -> set[date] | None:
    """The days a sentence's weekdays may be, in the week before its article or the week after: "An iOS update
    released Thursday", in a report of Saturday 17 July 2010, is of the 15th (or, told of what is to come, the
    22nd), not of 2 July (Wikinews w456). None where the sentence also places its event vaguely ("last week")."""
    if _VAGUE_DAY.search(text):
        return None
    days: set[date] = set()
    for m in _WEEKDAY.finditer(text):
        ahead = (_WEEKDAYS.index(m.group(1).lower()) - published.weekday()) % 7
        days |= {published + timedelta(days=ahead), published - timedelta(days=(7 - ahead) % 7)}
    return days or None


_TODAY = re.compile(r"\btoday\b", re.I)
_YESTERDAY = re.compile(r"\byesterday\b|\blast night\b", re.I)


def parse_day(value: str | None) -> date | None:
    """A report's date ("2009-05-28…"), or None where it has none or another shape."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
