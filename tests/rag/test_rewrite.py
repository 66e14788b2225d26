"""A follow-up keeps the subject of the conversation, whether or not the model's rewrite names it."""

from __future__ import annotations

import pytest

from rag.models import ChatMessage
from rag.stages.rewrite import FollowUpRewriter, keep_figure, keep_subject
from tests.fakes import ScriptedGenerator

pytestmark = pytest.mark.unit

REVENUE = [
    ChatMessage(role="user", content="How much revenue did Scale AI make last year?"),
    ChatMessage(role="assistant", content="Scale AI made US$870 million in revenue last year [1]."),
]
PARTNERS = [
    ChatMessage(role="user", content="Which defence contractor did Meta announce a partnership with last week?"),
    ChatMessage(role="assistant", content="Meta announced a partnership with Anduril Industries for the US military."),
]


@pytest.mark.parametrize(
    ("question", "history", "expected"),
    [
        ("And what does it expect to make this year?", REVENUE, "And what does Scale AI expect to make this year?"),
        ("What is its valuation?", REVENUE, "What is Scale AI's valuation?"),
        ("What are they building together?", PARTNERS, "What are Meta and Anduril Industries building together?"),
        ("What does OpenAI expect?", REVENUE, "What does OpenAI expect?"),  # names its own subject
        ("What happened next?", REVENUE, "What happened next?"),  # no pronoun to resolve
        # The subject without the possessive it was asked with.
        (
            "What does it expect?",
            [ChatMessage(role="user", content="What was Scale AI's revenue?")],
            "What does Scale AI expect?",
        ),
    ],
)
def test_a_pronoun_without_a_name_gets_the_subject_back(
    question: str, history: list[ChatMessage], expected: str
) -> None:
    assert keep_subject(question, history) == expected


def test_a_rewrite_that_forgets_the_subject_is_repaired() -> None:
    # The model hands the follow-up back unchanged: the subject comes from the last turn instead.
    model = ScriptedGenerator("What are they building together?")
    rewrite = FollowUpRewriter(model, "system").run("What are they building together?", PARTNERS)
    assert rewrite.question == "What are Meta and Anduril Industries building together?"
    assert rewrite.completion is not None


def test_a_good_rewrite_is_kept() -> None:
    model = ScriptedGenerator("What does Scale AI expect to make in 2025?")
    rewrite = FollowUpRewriter(model, "system").run("And this year?", REVENUE)
    assert rewrite.question == "What does Scale AI expect to make in 2025?"


SPENDING = [
    ChatMessage(role="user", content="How much does Mark Zuckerberg say Meta will spend on AI this year?"),
    ChatMessage(role="assistant", content="He said Meta would spend as much as $65 billion on AI-related projects."),
]


@pytest.mark.parametrize(
    ("question", "history", "expected"),
    [
        (
            "When did Mark Zuckerberg announce that figure?",
            SPENDING,
            "When did Mark Zuckerberg announce the $65 billion figure?",
        ),
        (
            "Who gave that figure?",
            [ChatMessage(role="assistant", content="Roughly nine billion dollars [1].")],
            "Who gave the nine billion dollars figure?",
        ),
        # Two figures in the answer before: which one is meant is not known.
        (
            "Who reported that figure?",
            [*REVENUE, ChatMessage(role="assistant", content="$2 billion, up from $870 million.")],
            "Who reported that figure?",
        ),
        ("When was that figure reported?", PARTNERS, "When was that figure reported?"),  # no figure to give back
    ],
)
def test_that_figure_gets_the_figure_of_the_answer_before(
    question: str, history: list[ChatMessage], expected: str
) -> None:
    assert keep_figure(question, history) == expected


def test_the_rewrite_keeps_the_figure_as_it_keeps_the_subject() -> None:
    # The model resolves "he" but hands "that figure" back as it was.
    model = ScriptedGenerator("When did Mark Zuckerberg announce that figure?")
    rewrite = FollowUpRewriter(model, "system").run("When did he announce that figure?", SPENDING)
    assert rewrite.question == "When did Mark Zuckerberg announce the $65 billion figure?"
