"""A question that asks two things, answered as its two questions when answered as one fails."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from rag import Settings
from rag.runtime import assemble_pipeline
from rag.stages.compound import split_compound
from tests.citing import assert_cited
from tests.fakes import ScriptedGenerator, gate_settings

pytestmark = pytest.mark.unit

QUESTION = "How much revenue did Scale AI make last year, and where was it founded?"


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        (
            "How old was Steve Jobs when he went on medical leave in January 2011, and how old was he when he died?",
            "How old was Steve Jobs when he went on medical leave in January 2011?",
            "How old was Steve Jobs when he died?",
        ),
        (QUESTION, "How much revenue did Scale AI make last year?", "Where was Scale AI founded?"),
        (
            # "it" is the described start-up, not the name that describes it.
            "What revenue did the start-up co-founded by Lucy Guo make last year, and what does it expect this year?",
            "What revenue did the start-up co-founded by Lucy Guo make last year?",
            "What does the start-up co-founded by Lucy Guo expect this year?",
        ),
    ],
)
def test_a_compound_question_is_split_into_two_that_stand_alone(question: str, first: str, second: str) -> None:
    parts = split_compound(question)
    assert parts is not None
    assert (parts.first, parts.second) == (first, second)


@pytest.mark.parametrize(
    "question",
    [
        "Which investors backed Meta, Booz Allen and Lockheed Martin?",  # a list, not a second question
        "What is the highest valuation of Scale AI, and what is the lowest?",  # the second names nothing
        "Which article's figure is the only one with an upper limit, and what is that limit?",
        "When did Apple launch the iPhone, and where?",
        "Scale AI was founded in 2016, and who leads it?",  # the first part asks nothing
    ],
)
def test_not_two_questions_that_stand_alone(question: str) -> None:
    assert split_compound(question) is None


def _by_part(messages: Sequence[dict[str, str]]) -> str:
    user = messages[-1]["content"]
    if "How much revenue did Scale AI make last year?" in user:
        return "Sentences: 1\nAnswer: Scale AI made US$870 million in revenue last year."
    if "Where was Scale AI founded?" in user:
        return "Sentences: 1\nAnswer: Scale AI was founded in San Francisco."
    # Asked at once, the model finds no one sentence that answers both.
    return "Sentences: none\nAnswer: NOT FOUND"


def _settings(*, compound: bool = True) -> Settings:
    return gate_settings(compound=compound)


def test_refused_as_one_it_is_answered_as_two_cited_parts(fake_index) -> None:
    index, encoder = fake_index
    model = ScriptedGenerator(_by_part)
    streamed: list[str] = []
    answer = assemble_pipeline(_settings(), model, index, encoder).ask(QUESTION, on_token=streamed.append)
    assert answer.answerable, answer.abstention
    assert "870 million" in answer.answer and "San Francisco" in answer.answer
    assert answer.question == QUESTION
    assert streamed[-1] == answer.answer
    asked = [call[-1]["content"] for call in model.calls]
    assert any("Where was Scale AI founded?" in a for a in asked)
    assert_cited(answer, index, at_least=2)
    assert any("870 million" in c.quote for c in answer.citations)
    assert any("San Francisco" in c.quote for c in answer.citations)


def test_when_a_part_is_refused_the_question_is_refused(fake_index) -> None:
    def reply(messages: Sequence[dict[str, str]]) -> str:
        if "Where was Scale AI founded?" in messages[-1]["content"]:
            return "Sentences: none\nAnswer: NOT FOUND"
        return _by_part(messages)

    index, encoder = fake_index
    answer = assemble_pipeline(_settings(), ScriptedGenerator(reply), index, encoder).ask(QUESTION)
    assert not answer.answerable
    assert answer.citations == []


def test_splitting_off(fake_index) -> None:
    index, encoder = fake_index
    model = ScriptedGenerator(_by_part)
    answer = assemble_pipeline(_settings(compound=False), model, index, encoder).ask(QUESTION)
    assert not answer.answerable
    assert not any("Where was Scale AI founded?" in call[-1]["content"] for call in model.calls)
