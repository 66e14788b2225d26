"""A question that offers two figures to choose from: "Is Meta's Scale AI deal reported as more than $10 billion or
as up to $15 billion?".

The question knows the reports differ; a draft picks one of its figures ("More than $10 billion [1].") and says
nothing of the other, which another article states. Model-free: each figure is looked up by value in the sentences
about the question's subject, and where both are stated, as the same attribute, each is reported with its
articles, dates and citations, like any gathered disagreement. Where either is not found the question goes the
usual way: a figure may be worded so that its value is not matched, and the model and the gates may still answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from index import Sentence
from rag.stages.amounts import Amount, figure_clause, find_amounts
from rag.stages.binding import asked_years_of, clause_families
from rag.stages.frame import FIGURE_FAMILIES, QuestionFrame
from rag.stages.gather import Gathered, Gatherer, Reading, ValueGroup

__all__ = ["AlternativeReader", "asked_alternatives"]

# A yes/no question's head: "Is …", "Was it reported as …", "Did the reports give …".
_YES_NO = re.compile(r"^\s*(?:is|was|are|were|does|did|do|has|have|had|will|would|could|can)\b", re.I)
_OR = re.compile(r"\bor\b", re.I)
_BETWEEN_WORDS = 6  # "… more than $10 billion or as up to $15 billion": the two figures are one choice


def asked_alternatives(question: str) -> tuple[Amount, Amount] | None:
    """The two figures a yes/no question offers as a choice ("… $10 billion or … $15 billion?"), or None."""
    if not _YES_NO.match(question):
        return None
    amounts = [a for a in find_amounts(question) if a.value is not None]
    if len(amounts) != 2:
        return None
    first, second = amounts
    between = question[first.end : second.start]
    if not _OR.search(between) or len(between.split()) > _BETWEEN_WORDS:
        return None
    if first.key == second.key or first.percent != second.percent:
        return None
    return first, second


class AlternativeReader:
    """Reads the two figures as ``gatherer`` reads a figure: of the asked subject, in the asked year."""

    def __init__(self, gatherer: Gatherer):
        self.gatherer = gatherer

    def run(self, frame: QuestionFrame, sentences: Iterable[Sentence]) -> Gathered | None:
        """Both figures as the articles about the subject state them (in the year the question names, if any);
        the one stated where the other is stated only of another year; else None: either is not stated, or the
        two are stated as different attributes (a valuation and an investment are no choice between reports)."""
        asked = asked_alternatives(frame.question)
        if asked is None:
            return None
        read = [(sentence, find_amounts(sentence.text)) for sentence in dict.fromkeys(sentences)]
        groups: list[ValueGroup] = []
        given: set[str] = set()
        elsewhen = False
        for alternative in asked:
            readings, families, of_other_year = self._read(frame, alternative, read)
            if readings:
                groups.append(ValueGroup(alternative.key, tuple(readings)))
                given |= families
            elsewhen |= of_other_year and not readings
        if len(given) > 1:
            return None
        if len(groups) == 1 and elsewhen:
            # "Is its 2024 revenue $870 million or $2 billion?": the other figure is stated, of another year.
            return Gathered(family=next(iter(given), "figure"), groups=tuple(groups), asks="values", conflict=False)
        if len(groups) < 2:
            return None
        articles = [group.articles for group in groups]
        return Gathered(
            family=next(iter(given), "figure"),
            groups=tuple(groups),
            asks="values",
            # One article that states both gives a range, not a disagreement between reports.
            conflict=not (articles[0] & articles[1]),
        )

    def _read(
        self, frame: QuestionFrame, alternative: Amount, read: list[tuple[Sentence, list[Amount]]]
    ) -> tuple[list[Reading], set[str], bool]:
        """The sentences (each with its figures) about the subject that state ``alternative`` as the asked
        attribute, the attribute families their clauses give it, and whether it is stated but only of another year
        than the one asked."""
        asked_families = {f for f in frame.families if f in FIGURE_FAMILIES}
        years = asked_years_of(frame.question)
        readings: list[Reading] = []
        families: set[str] = set()
        elsewhen = False
        for sentence, amounts in read:
            for amount in amounts:
                if amount.key != alternative.key or amount.money != alternative.money:
                    continue
                given = clause_families(
                    *figure_clause(sentence.text, amount, amounts), percent=amount.percent, money=amount.money
                )
                if asked_families and given and not given & asked_families:
                    continue  # "valued at $10 billion" is not the investment asked about
                if not self.gatherer.binding.about(frame, sentence):
                    continue
                if years and not self.gatherer.in_asked_year(amount, sentence, years):
                    elsewhen = True  # "US$2 billion in 2025" is no report of 2024's revenue
                    continue
                readings.append(Reading(amount, sentence))
                families |= given
                break
        return readings, families, elsewhen
