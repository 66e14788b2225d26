"""'What kinds of X …?' is answered by the examples the articles list of X, gathered across them, each cited."""

from __future__ import annotations

import pytest

from rag import Settings
from rag.runtime import assemble_pipeline
from rag.stages.frame import frame_question
from rag.stages.kinds import KindReader, asked_kinds
from tests.citing import assert_cited
from tests.fakes import ScriptedGenerator
from tests.rag.test_gather import _pool_binding

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What kinds of data do Scale AI's workers label or tag?", "data"),
        ("Which types of user information does Meta plan to analyse?", "user information"),
        ("What kind of company is Anduril Industries?", None),  # one kind: a description, not a list
        ("Apart from images, what other kinds of data do Scale AI's workers tag?", None),  # the remainder's
        ("What kinds of data are there?", None),  # no subject to read about
    ],
)
def test_the_kind_a_question_asks_examples_of(question: str, kind: str | None) -> None:
    assert asked_kinds(frame_question(question)) == kind


_SCALE = {
    "a": (
        "Scale AI and its workers",
        "Scale uses contract workers to tidy up and tag images, text and other data that can then be used for AI "
        "training.",
    ),
    "b": (
        "Scale AI's data work",
        "This work involves tagging and organising large amounts of data — like images, videos, or text — so "
        "machines can learn from them.",
    ),
    "c": (
        "Meta's plans",
        "Meta intends to analyse user information, including public posts, comments, and photos, to train its models.",
    ),
}


def _kinds(question: str) -> list[str] | None:
    pool, binding = _pool_binding({k: text for k, (_, text) in _SCALE.items()}, {k: t for k, (t, _) in _SCALE.items()})
    found = KindReader(binding).run(frame_question(question), pool)
    return [item.text for item in found.items] if found else None


def test_the_examples_each_article_lists_are_gathered_once_each() -> None:
    assert _kinds("What kinds of data do Scale AI's workers label or tag?") == ["images", "text", "videos"]


def test_a_list_ends_where_a_clause_begins_and_another_subjects_list_is_not_read() -> None:
    assert _kinds("What kinds of user information does Meta plan to analyse?") == [
        "public posts",
        "comments",
        "photos",
    ]
    assert _kinds("What kinds of user information does Scale AI analyse?") is None


def test_the_pipeline_lists_the_kinds_cited_without_the_model(fake_index) -> None:
    index, encoder = fake_index
    model = ScriptedGenerator("Sentences: 1\nAnswer: images, text, and other data.")
    settings = Settings(judge=False, min_relevance=0.0, context_mode="retrieval", gather_passages=200)
    answer = assemble_pipeline(settings, model, index, encoder).ask(
        "What kinds of data do Scale AI's workers label or tag?"
    )
    assert answer.answerable and answer.answer.startswith("The articles name these kinds of data: "), answer.answer
    assert model.calls == []
    assert sorted(item.text for item in answer.items) == ["images", "text", "videos"]
    assert_cited(answer, index, at_least=2)
    assert len({c.article_id for c in answer.citations}) == 2
