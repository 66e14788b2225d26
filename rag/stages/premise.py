"""Refuses a question built on a figure that no article states, before the model sees it."""

from __future__ import annotations

from collections.abc import Iterable

from index import Article
from rag.stages.verify import extract_quantities, premise_figures

__all__ = ["PremiseCheck"]


class PremiseCheck:
    """Every figure the collection states; a question asserting any other has a false premise."""

    def __init__(self, articles: Iterable[Article]):
        self._figures: set[float] = set()
        for article in articles:
            self._figures |= extract_quantities(article.text) | extract_quantities(article.title)

    def run(self, question: str) -> str | None:
        """What no article states, or None when the question's figures (amounts, percentages, years) are stated.

        A small model asked "Why did Meta buy Scale AI for $30 billion?" with the collection in view explains
        the purchase; no article states that figure, so the premise is not in the articles.
        """
        unknown = sorted(premise_figures(question) - self._figures)
        if not unknown:
            return None
        return f"the figure {', '.join(f'{q:g}' for q in unknown)} that the question takes for granted"
