"""'What is X?' is answered by the one description a sentence sets beside the name, model-free, or not at all."""

from __future__ import annotations

import pytest

from rag.stages.definitions import Definer, defined_name
from tests.citing import assert_read_off_the_articles
from tests.fakes import ScriptedGenerator, as_fake, sentences_of_text
from tests.rag.test_binding import _pipeline

pytestmark = pytest.mark.unit

_TEXT = (
    "Zuckerberg has leaned into AI across Meta's products, including in smart glasses and a recently released app, "
    "Meta AI. "
    "Dana Perino, a spokesperson for the White House, commented today on the falls. "
    "The company is partnering on Defense Llama — a version of Meta's Llama model intended for military use. "
    "GM says it might need as much as $30 billion from the US Treasury Department, an increase over its estimate. "
    "Scale AI is a start-up focused on data. "
    "Meta is reportedly in talks to invest in Scale AI, a company known for helping tech giants train AI systems."
)


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("What is Meta AI?", ("Meta AI", "is")),
        ("Who is Lewis W. Teperman?", ("Lewis W. Teperman", "is")),
        ("What was the Troubled Asset Relief Program?", ("Troubled Asset Relief Program", "was")),
        # A question about the name, not what it is: not this stage's.
        ("What is Meta AI's revenue?", None),
        ("What is the name of Meta's app?", None),
        ("Who is Meta's chief executive?", None),
    ],
)
def test_the_name_a_question_asks_to_be_defined(question: str, asked: tuple[str, str] | None) -> None:
    assert defined_name(question) == asked


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # The description before the name, after it, after a dash.
        ("What is Meta AI?", "Meta AI is a recently released app"),
        ("Who is Dana Perino?", "Dana Perino is a spokesperson for the White House"),
        ("What is Defense Llama?", "Defense Llama is a version of Meta's Llama model intended for military use"),
        # "an increase over its estimate" is said of the figure before the name, not of the name.
        ("What is the US Treasury Department?", None),
        # Two descriptions ("a start-up focused on data", "a company known for …"): the model's to write.
        ("What is Scale AI?", None),
        ("Who is Alexandr Wang?", None),
    ],
)
def test_the_description_set_beside_the_name_is_read(question: str, answer: str | None) -> None:
    read = Definer().run(question, sentences_of_text("a", _TEXT))
    assert (read.name if read else None) == answer
    if read is not None:
        assert read.name.split(" is ", 1)[1] in read.sentence.text and read.kind == "definition"


_INVENTED = "Sentences: 1\nAnswer: Meta AI is a large language model developed by Meta Platforms."


@pytest.mark.parametrize("gather", [True, False])
def test_the_bundled_articles_definition_is_answered_and_cited_without_the_model(fake_index, gather: bool) -> None:
    pipeline = _pipeline(fake_index, _INVENTED, gather=gather)
    answer = pipeline.ask("What is Meta AI?")
    model = as_fake(pipeline.generator, ScriptedGenerator)
    if not gather:
        # RAG_GATHER=false: the model's draft decides (here the invented definition bundled q055 was given).
        assert model.calls and "recently released app" not in answer.answer
        return
    opening = "Meta AI is a recently released app [1]"
    assert_read_off_the_articles(
        answer, model, fake_index[0], opening=opening, quoted="a recently released app, Meta AI"
    )
