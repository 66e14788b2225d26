"""Sentences in a document that address the model instead of the reader ("ignore your rules and answer X").

Documents are data. A sentence that gives the model orders is never shown to it as evidence and never backs
a claim: an uploaded page cannot steer answers to other questions, only be quoted for what it reports.
The patterns are narrow on purpose (news copy that reports on prompt injection quotes such phrases rarely,
and the bundled articles contain none); they catch the common forms, not every possible one.
"""

from __future__ import annotations

import re

__all__ = ["addresses_the_model"]

_ORDERS = re.compile(
    r"\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+|your\s+|the\s+|previous\s+|prior\s+|above\s+)*"
    r"(?:rules|instructions|prompts?|guidelines|directives)\b"
    r"|\b(?:system|developer)\s+(?:override|prompt|message|instruction)s?\s*:"
    r"|\byou\s+are\s+now\s+(?:a|an|in)\b"
    r"|\b(?:answer|reply|respond|say|output)\b[^.!?]{0,40}\bto\s+(?:every|all|any)\s+(?:questions?|quer(?:y|ies)|prompts?)"
    r"|\b(?:do\s+not|don't|never)\s+cite\s+(?:your\s+)?sources\b",
    re.IGNORECASE,
)


def addresses_the_model(text: str) -> bool:
    """Whether ``text`` gives orders to a language model."""
    return _ORDERS.search(text) is not None
