"""Refuses a question built on a figure or a name that no article states, before the model sees it."""

from __future__ import annotations

import re
from collections.abc import Iterable

from index import Article
from rag.models import Abstention
from rag.stages.verify import extract_quantities, premise_figures

__all__ = ["PremiseCheck"]

# A name the question writes in two or more capitalised words of letters: "Federal Reserve chairman Ben Bernanke".
# Its last word is the one a report keeps ("Bernanke said"); one word alone may be another's way of naming what
# the articles name otherwise ("Ottawa" for the Canadian government, "Britain" for the UK); "Power8" is a model's
# code, which the figure check reads.
_NAME_RUN = re.compile(r"(?<![\w'’-])[A-Z][A-Za-z'’-]*[a-z](?:\s+[A-Z][A-Za-z'’-]*[a-z])+(?![\w'’-])")
_WORD = re.compile(r"[a-z0-9]+")
_POSSESSIVE = re.compile(r"['’]s?$")
# Last words that say what kind of name it is rather than whose: the articles may write "the UK" for the United
# Kingdom, "the UAE" for the United Arab Emirates.
_KIND_ENDINGS = frozenset("kingdom states republic union nations emirates islands".split())


class PremiseCheck:
    """Every figure and word the collection states: a question asserting another figure has a false premise, and
    one naming someone whose name no article writes asks of what the articles hold nothing about."""

    def __init__(self, articles: Iterable[Article]):
        self._figures: set[float] = set()
        self._words: set[str] = set()
        for article in articles:
            self._figures |= extract_quantities(article.text) | extract_quantities(article.title)
            self._words |= set(_WORD.findall(f"{article.title} {article.text}".lower()))

    def run(self, question: str) -> Abstention | None:
        """Why the question's premise is not in the articles, or None where its figures (amounts, percentages,
        years) and the names it writes in capitalised words are stated.

        A small model asked "Why did Meta buy Scale AI for $30 billion?" with the collection in view explains
        the purchase; no article states that figure, so the premise is not in the articles. Asked what "Federal
        Reserve chairman Ben Bernanke" said at a press conference that only President Bush is reported speaking at,
        it gave Bush's words to Bernanke, whom no article names (Wikinews held-out round 48, w1251).
        """
        unknown = sorted(premise_figures(question) - self._figures)
        if unknown:
            figures = ", ".join(f"{q:g}" for q in unknown)
            message = f"No article states the figure {figures} that the question takes for granted."
            return Abstention(reason="false_premise", gate="premise_figure", message=message)
        if name := self._unnamed(question):
            # Nothing in the articles is about someone they never name; a misspelt name is told so too.
            return Abstention(reason="no_evidence", gate="premise_name", message=f"No article names {name}.")
        return None

    def _unnamed(self, question: str) -> str:
        """The first name of two or more capitalised words in ``question`` whose last word no article writes
        (its capitalised hyphened parts may be written apart: "Frankfurt-to-Chicago"); '' where every one is
        written."""
        for m in _NAME_RUN.finditer(question):
            words = m.group(0).split()
            if not question[: m.start()].strip(" \"“'‘("):
                words = words[1:]  # the question's first word ("Which Democratic senator …") is capitalised anyway
            if len(words) < 2:
                continue
            last = _POSSESSIVE.sub("", words[-1])
            if last.lower() in _KIND_ENDINGS:
                continue
            # Of a hyphened word only its capitalised parts name: "Toyota's US-traded shares" names the US.
            parts = [w for p in last.split("-") if p[:1].isupper() for w in _WORD.findall(p.lower())]
            if not all(p in self._words for p in parts):
                return _POSSESSIVE.sub("", " ".join(words))
        return ""
