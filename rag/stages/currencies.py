"""Which currency a figure is in, and which one a question asks a figure in.

A figure's currency is read from its sign ("RM42.34 billion", "CA$7.5 billion") or the unit written after it ("500
billion rubles"); a question asks one by its words ("worth in Malaysian ringgit", "in Canadian dollars", "What
US-dollar amount …", "How many euros …").
"""

from __future__ import annotations

import re

from rag.stages.amounts import Amount

__all__ = ["ASKS", "asked_currencies", "currency_of", "currency_read", "currency_words", "unit_after"]

# The words that name a currency in a question, by the key a figure's sign or unit has. A country's dollar comes
# before the plain one, so that "in Canadian dollars" is not read as asking US dollars.
_ASKED = {
    "cad": r"Canadian\s+dollars?",
    "aud": r"Australian\s+dollars?",
    "usd": r"(?:US|U\.S\.|American)[\s-]dollars?|(?<!Canadian )(?<!Australian )dollars?",
    "myr": r"(?:Malaysian\s+)?ringgit",
    "eur": r"euros?",
    "gbp": r"(?:British\s+)?pounds?(?:\s+sterling)?|sterling",
    "rub": r"(?:Russian\s+)?r(?:o)?ubles?",
    "jpy": r"(?:Japanese\s+)?yen",
}
# "worth in ringgit", "in US dollars?", "What US-dollar amount …", "How many euros …".
ASKS = [
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
_WORDS = {
    "cad": "Canadian dollars",
    "aud": "Australian dollars",
    "usd": "US dollars",
    "hkd": "Hong Kong dollars",
    "sgd": "Singapore dollars",
    "myr": "ringgit",
    "eur": "euros",
    "gbp": "pounds",
    "rub": "rubles",
    "jpy": "yen",
}


def currency_of(text: str, amount: Amount) -> str | None:
    """The currency of ``amount`` in ``text`` by its sign ("RM42.34 billion") or the unit after it ("500 billion
    rubles"); None for a figure with neither."""
    return currency_read(amount, _UNIT_AFTER.match(text[amount.end :]))


def currency_read(amount: Amount, unit: re.Match[str] | None) -> str | None:
    """The currency of ``amount`` by its sign, else by ``unit``, the match of a unit written after it."""
    if amount.sign in _SIGNS:
        return _SIGNS[amount.sign]
    return _UNITS[unit.group(1).lower()] if unit else None


def unit_after(text: str) -> re.Match[str] | None:
    """The currency unit that opens ``text`` (what follows a figure), if any."""
    return _UNIT_AFTER.match(text)


def currency_words(key: str) -> str:
    """How a reader names the currency of ``key``: "Canadian dollars" for "cad"."""
    return _WORDS.get(key, key.upper())


def asked_currencies(question: str) -> set[str]:
    """The currencies the question asks a figure in ("in Canadian dollars": {"cad"}); empty when it asks none."""
    return {key for key, asks in ASKS if asks.search(question)}
