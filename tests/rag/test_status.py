"""'Is it out, or still to come?' is answered by what the sentences naming the thing say; both where they differ."""

from __future__ import annotations

import pytest

from rag import Settings
from rag.runtime import assemble_pipeline
from rag.stages.status import StatusReader, asked_status
from tests.citing import assert_cited
from tests.fakes import ScriptedGenerator, sentences_of_text

pytestmark = pytest.mark.unit

_RELEASED = "Zuckerberg has leaned into AI across Meta's products, including in a recently released app, Meta AI."
_DEVELOPING = "The company is also developing a standalone Meta AI app to compete directly with ChatGPT."


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("Has Meta already launched its Meta AI app, or is it still being built?", "Meta AI"),
        ("Is the Meta AI app out yet, or is Meta still developing it?", "Meta AI"),
        ("Has Boeing already unveiled the 787 Dreamliner, or is it still being developed?", "787 Dreamliner"),
        ("Has Boeing already launched the 797, or is it still being developed?", "797"),
        ("Has Meta launched Meta AI?", None),  # no choice offered: a yes/no question
        ("Is Meta AI still being built?", None),
        ("When did Meta launch Meta AI, or is it still being built?", None),
    ],
)
def test_the_thing_a_question_asks_is_out_or_still_to_come(question: str, thing: str | None) -> None:
    assert asked_status(question) == thing


def _read(*texts: str) -> tuple[list[str], list[str]] | None:
    sentences = [s for n, text in enumerate(texts) for s in sentences_of_text(f"a{n}", text)]
    status = StatusReader().run("Has Meta already launched its Meta AI app, or is it still being built?", sentences)
    if status is None:
        return None
    return [s.words for s in status.out], [s.words for s in status.coming]


def test_reports_that_differ_are_both_read() -> None:
    assert _read(_RELEASED, _DEVELOPING) == (
        ["recently released app, Meta AI"],
        ["developing a standalone Meta AI"],
    )


def test_one_side_said_is_read_alone_and_a_negated_release_is_not_a_release() -> None:
    assert _read(_RELEASED) == (["recently released app, Meta AI"], [])
    assert _read("Meta has not yet released Meta AI in Europe.", _DEVELOPING) == (
        [],
        ["developing a standalone Meta AI"],
    )


def test_a_state_word_out_of_reach_or_across_a_clause_break_is_not_read() -> None:
    assert _read("Meta released its earnings today; analysts discussed Meta AI.") is None
    assert _read("Meta AI was mentioned, and the company released a long list of unrelated new features today.") is None


def test_one_sentence_saying_both_is_left_to_the_model() -> None:
    assert _read("Meta recently released Meta AI in the US and is developing Meta AI for Europe.") is None


def test_the_pipeline_reports_both_sides_cited_without_the_model(fake_index) -> None:
    index, encoder = fake_index
    model = ScriptedGenerator("Sentences: none\nAnswer: NOT FOUND")
    settings = Settings(judge=False, min_relevance=0.0, context_mode="retrieval")
    answer = assemble_pipeline(settings, model, index, encoder).ask(
        "Has Meta already launched its Meta AI app, or is it still being built?"
    )
    assert answer.answerable and answer.conflict, answer
    assert answer.answer.startswith("Reports differ on Meta AI: out — ")
    assert "still to come — " in answer.answer
    assert model.calls == []
    assert_cited(answer, index, at_least=2)
    assert [v.value for v in answer.values] == ["recently released app, Meta AI", "developing a standalone Meta AI"]
    assert len({c.article_id for c in answer.citations}) == 2
