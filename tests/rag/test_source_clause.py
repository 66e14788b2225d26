"""A question asked of one report, answered from the articles that state what the question knows it by."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from index import Sentence
from rag.runtime import assemble_pipeline
from rag.stages.source_clause import articles_stating, split_source_clause
from tests.citing import assert_cited
from tests.fakes import ScriptedGenerator, gate_settings

pytestmark = pytest.mark.unit

QUESTION = (
    "The article that puts Scale AI's 2024 valuation at roughly nine billion dollars says its revenue last year "
    "reached what?"
)


@pytest.mark.parametrize(
    ("question", "asked", "clause"),
    [
        (
            QUESTION,
            "Scale AI's revenue last year reached what?",
            "puts Scale AI's 2024 valuation at roughly nine billion dollars",
        ),
        (
            "How many monthly active users does Meta's AI assistant have, according to the report that says the deal "
            "could reach $15 billion?",
            "How many monthly active users does Meta's AI assistant have?",
            "says the deal could reach $15 billion",
        ),
    ],
)
def test_the_report_and_the_question_asked_of_it(question: str, asked: str, clause: str) -> None:
    source = split_source_clause(question)
    assert source is not None
    assert (source.question, source.clause) == (asked, clause)


@pytest.mark.parametrize(
    "question",
    [
        "What was Scale AI's revenue last year?",
        # Known by no figure: which report "cites two sources" is no figure to find it by.
        "Which product has Zuckerberg built AI into, according to the report that cites two sources?",
    ],
)
def test_no_report_known_by_a_figure(question: str) -> None:
    assert split_source_clause(question) is None


def test_the_reports_are_those_with_a_sentence_giving_every_figure_of_the_clause() -> None:
    source = split_source_clause("What did it cost, according to the report that says the deal could top US$10b?")
    assert source is not None

    def said(article_id: str, text: str) -> Sentence:
        return Sentence(article_id=article_id, start=0, end=len(text), text=text)

    sentences = [
        said("a", "The deal could top $10 billion, people said."),
        said("b", "Meta may invest more than 10 billion dollars."),  # the same amount in other words
        said("c", "Meta invested $10 million."),
        said("d", "The deal could reach $15 billion."),
    ]
    assert articles_stating(source, sentences) == {"a", "b"}


def _reads_what_it_is_shown(messages: Sequence[dict[str, str]]) -> str:
    # Like the model: the figure that article gives, where it is shown; else the one the others give.
    if "hundreds of millions" in messages[-1]["content"]:
        return "Sentences: 1\nAnswer: Scale AI's revenue reached hundreds of millions last year."
    return "Sentences: 1\nAnswer: Scale AI made US$870 million in revenue last year."


def _ask(fake_index, **settings: bool):
    index, encoder = fake_index
    base = gate_settings()
    pipeline = assemble_pipeline(
        base.model_copy(update=settings), ScriptedGenerator(_reads_what_it_is_shown), index, encoder
    )
    return index, pipeline.ask(QUESTION)


def test_the_question_is_answered_from_the_report_it_names(fake_index) -> None:
    index, answer = _ask(fake_index)
    assert answer.answerable, answer.abstention
    assert "hundreds of millions" in answer.answer and "870" not in answer.answer
    assert answer.question == QUESTION
    nine = {c.article_id for c in answer.citations}
    assert len(nine) == 1
    assert "nine billion dollars" in index.articles[nine.pop()].text
    assert_cited(answer, index)


def test_without_it_another_reports_figure_is_given(fake_index) -> None:
    _, answer = _ask(fake_index, source_clause=False)
    assert answer.answerable and "870 million" in answer.answer
