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
from rag.stages.naming import Named

__all__ = ["Converter", "asked_currency", "currency_of", "equivalents", "restated_figure"]

# The words that name a currency in a question, by the key a figure's sign or unit has.
_ASKED = {
    "usd": r"(?:US|U\.S\.|American)[\s-]dollars?|dollars?",
    "myr": r"(?:Malaysian\s+)?ringgit",
    "eur": r"euros?",
    "gbp": r"(?:British\s+)?pounds?(?:\s+sterling)?|sterling",
    "rub": r"(?:Russian\s+)?r(?:o)?ubles?",
    "jpy": r"(?:Japanese\s+)?yen",
}
# "worth in ringgit", "in US dollars?", "What US-dollar amount …", "How many euros …".
_ASKS = [
    (key, re.compile(rf"\bin\s+(?:{words})\b|\b(?:{words})\s+(?:amount|figure|value|equivalent)\b", re.I))
    for key, words in _ASKED.items()
] + [(key, re.compile(rf"^\s*how\s+many\s+(?:{words})\b", re.I)) for key, words in _ASKED.items()]
# The currency of each sign ``find_amounts`` reads: "A$10 billion" is in Australian dollars, not US ones.
_SIGNS = {
    "US$": "usd",
    "$": "usd",
    "A$": "aud",
    "AU$": "aud",
    "C$": "cad",
    "CA$": "cad",
    "HK$": "hkd",
    "S$": "sgd",
    "RM": "myr",
    "€": "eur",
    "£": "gbp",
}
# A unit written after the figure: "500 billion rubles", "150 million euros".
_UNIT_AFTER = re.compile(r"^\s*(dollars|ringgit|euros?|pounds|r(?:o)?ubles|yen)\b", re.I)
_UNITS = {
    "dollars": "usd",
    "ringgit": "myr",
    "euro": "eur",
    "euros": "eur",
    "pounds": "gbp",
    "rubles": "rub",
    "roubles": "rub",
    "yen": "jpy",
}
# How close the bracket follows the figure: "US$10 billion (RM42.34 billion)", "US$140bn ($96bn, £86bn)".
_BRACKET = re.compile(r"^\s*\(([^()]{1,60})\)")


@dataclass(frozen=True)
class _Figure:
    """An amount of a sentence, with the unit written after it ("500 billion rubles") in ``text``."""

    amount: Amount
    currency: str | None
    text: str


def currency_of(text: str, amount: Amount) -> str | None:
    """The currency of ``amount`` in ``text`` by its sign ("RM42.34 billion") or the unit after it ("500 billion
    rubles"); None for a figure with neither."""
    return _currency(amount, _UNIT_AFTER.match(text[amount.end :]))


def _currency(amount: Amount, unit: re.Match[str] | None) -> str | None:
    if amount.sign in _SIGNS:
        return _SIGNS[amount.sign]
    return _UNITS[unit.group(1).lower()] if unit else None


def asked_currency(question: str) -> tuple[Amount, str] | None:
    """The one figure a question states and the other currency it asks it in; None for any other question."""
    stated = [a for a in find_amounts(question) if a.value is not None]
    if len(stated) != 1:
        return None
    given = currency_of(question, stated[0])
    for key, asks in _ASKS:
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
    unit = _UNIT_AFTER.match(text[amount.end :])
    end = amount.end + (unit.end() if unit else 0)
    return _Figure(amount, _currency(amount, unit), text[amount.start : end])


def _same(figure: _Figure, value: float | None) -> bool:
    return value is not None and figure.amount.value is not None and abs(figure.amount.value - value) < 1e-6 * value
