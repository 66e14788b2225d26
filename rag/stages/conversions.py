"""A figure asked for in another currency: "What is the potential $10 billion investment worth in Malaysian
ringgit?", "What US-dollar amount corresponds to the RM42.34 billion …?".

News reports give a conversion in brackets beside the figure: "US$10 billion (RM42.34 billion)", "500 billion
rubles (US$19.7 billion)". The answer is that bracket, read model-free. A small model shown the sentence says it
finds nothing ("NOT FOUND"), or computes a conversion of its own, which no sentence states. Nothing here converts:
where no sentence gives the question's figure beside one in the asked currency, the question goes the usual way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from index import Sentence
from rag.stages.amounts import Amount, find_amounts
from rag.stages.currencies import ASKS, currency_of, currency_read, unit_after
from rag.stages.naming import Named

__all__ = ["Converter", "asked_currency", "equivalents", "restated_figure"]

# How close the bracket follows the figure: "US$10 billion (RM42.34 billion)", "US$140bn ($96bn, £86bn)".
_BRACKET = re.compile(r"^\s*\(([^()]{1,60})\)")


@dataclass(frozen=True)
class _Figure:
    """An amount of a sentence, with the unit written after it ("500 billion rubles") in ``text``."""

    amount: Amount
    currency: str | None
    text: str


def asked_currency(question: str) -> tuple[Amount, str] | None:
    """The one figure a question states and the other currency it asks it in; None for any other question."""
    stated = [a for a in find_amounts(question) if a.value is not None]
    if len(stated) != 1:
        return None
    given = currency_of(question, stated[0])
    for key, asks in ASKS:
        if key != given and asks.search(question):
            return stated[0], key
    return None


class Converter:
    """Model-free: reads the bracketed conversion of the question's figure."""

    def run(self, question: str, sentences: Iterable[Sentence]) -> Named | None:
        asked = asked_currency(question)
        if asked is None:
            return None
        figure, wanted = asked
        found: dict[float, Named] = {}
        for sentence in sentences:
            for converted in _conversions(sentence.text, figure.value, wanted):
                assert converted.amount.value is not None
                found.setdefault(converted.amount.value, Named(converted.text, wanted, sentence))
        # Two rates for one figure (two reports, two days): which one is meant is not for this stage to guess.
        return next(iter(found.values())) if len(found) == 1 else None


def equivalents(text: str, values: Iterable[float]) -> set[float]:
    """The amounts ``text`` gives in brackets beside a figure of one of ``values`` in another currency, either way
    round: "500 billion rubles (US$19.7 billion)" restates the 500 billion rubles as 1.97e10."""
    return {f.amount.value for value in values for f in _conversions(text, value, None) if f.amount.value is not None}


def restated_figure(question: str, claim: str, sentences: Iterable[Sentence]) -> str:
    """The answer's figure where it only restates the question's own in another currency: "How much of the 500
    billion rubles … was to come from the federal budget?" is not answered by the US$19.7 billion its sentence gives
    beside them (Wikinews w447). '' otherwise, and for a question that asks for that conversion."""
    asked = {a.value for a in find_amounts(question) if a.value is not None}
    if not asked or asked_currency(question):
        return ""
    said = [a for a in find_amounts(claim) if a.value is not None and a.value not in asked]
    if not said:
        return ""
    same = {value for sentence in sentences for value in equivalents(sentence.text, asked)}
    return said[0].text if all(a.value in same for a in said) else ""


def _conversions(text: str, value: float | None, wanted: str | None) -> list[_Figure]:
    """The amounts in the asked currency (None: in any other) that ``text`` gives beside a figure of ``value``,
    either way round: the figure, then its conversion in brackets; or the asked figure, then the question's in
    brackets."""
    figures = [_figure(text, a) for a in find_amounts(text)]
    out = []
    for outside in figures:
        end = outside.amount.start + len(outside.text)
        bracket = _BRACKET.match(text[end:])
        if not bracket:
            continue
        start = end + bracket.start(1)
        inside = [f for f in figures if start <= f.amount.start < start + len(bracket.group(1))]
        if _same(outside, value):
            out += [f for f in inside if wanted in (None, f.currency) and f.currency != outside.currency]
        elif wanted in (None, outside.currency) and any(
            _same(f, value) and f.currency != outside.currency for f in inside
        ):
            out.append(outside)
    return out


def _figure(text: str, amount: Amount) -> _Figure:
    unit = unit_after(text[amount.end :])
    end = amount.end + (unit.end() if unit else 0)
    return _Figure(amount, currency_read(amount, unit), text[amount.start : end])


def _same(figure: _Figure, value: float | None) -> bool:
    return value is not None and figure.amount.value is not None and abs(figure.amount.value - value) < 1e-6 * value
