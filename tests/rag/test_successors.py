"""'Who took X's place?' is answered by the one person a sentence names as X's successor, model-free, or not at all."""

from __future__ import annotations

import pytest

from rag import Settings
from rag.runtime import assemble_pipeline
from rag.stages.successors import SuccessorReader, predecessor
from tests.citing import assert_read_off_the_articles
from tests.fakes import ScriptedGenerator, one_article_index, sentences_of_text

pytestmark = pytest.mark.unit

# As Wikinews put them (2008-11, 2009-03, 2011-08).
_TEXT = (
    "Papermaster's post will be filled by Bob Mansfield, Apple's senior vice president for Macintosh engineering. "
    "As part of the companies restructuring, General Motor's chief executive Rick Wagoner was replaced Sunday with "
    "Fritz Henderson, the current chief operating officer. "
    "The former Chief Operating Officer, Tim Cook will be succeeding Jobs as CEO. "
    "Carol Bartz replaced chief executive Jerry Yang in January."
)


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Who took over Mark Papermaster's job at Apple after he left?", "Mark Papermaster"),
        ("Who replaced Rick Wagoner at the head of General Motors?", "Rick Wagoner"),
        ("Who will succeed Steve Jobs as Apple's chief executive?", "Steve Jobs"),
        ("Who took over from Jobs?", "Jobs"),
        ("Who is Tim Cook?", None),
        ("Whom did Fritz Henderson replace?", None),
    ],
)
def test_the_person_whose_place_the_question_asks_about(question: str, asked: str | None) -> None:
    assert predecessor(question) == asked


@pytest.mark.parametrize(
    ("question", "successor"),
    [
        ("Who took over Mark Papermaster's job at Apple after he left?", "Bob Mansfield"),
        ("Who replaced Rick Wagoner at the head of General Motors?", "Fritz Henderson"),
        ("Who will succeed Steve Jobs as Apple's chief executive?", "Tim Cook"),
        ("Who replaced Jerry Yang as Yahoo's chief executive?", "Carol Bartz"),
        # The relation has a direction: Wagoner was replaced with Henderson, not Henderson with Wagoner.
        ("Who replaced Fritz Henderson at the head of General Motors?", None),
        ("Who took over Bob Mansfield's job?", None),
        ("Who succeeded Tim Cook?", None),
    ],
)
def test_the_successor_is_read_off_the_sentence_that_names_them(question: str, successor: str | None) -> None:
    named = SuccessorReader().run(question, sentences_of_text("a", _TEXT))
    assert (named.name if named else None) == successor


@pytest.mark.parametrize(
    ("question", "earlier"),
    [
        ("Who replaced Fritz Henderson at the head of General Motors?", "Rick Wagoner"),
        ("Who succeeded Carol Bartz as chief executive?", "Jerry Yang"),
        ("Who took over Bob Mansfield's job?", None),  # Mansfield took a post; whose is not in the relation read
        ("Who replaced Rick Wagoner?", None),
    ],
)
def test_whose_place_the_asked_person_took_is_read_the_other_way_round(question: str, earlier: str | None) -> None:
    named = SuccessorReader().replaced(question, sentences_of_text("a", _TEXT))
    assert (named.name if named else None) == earlier


def test_two_successors_named_are_left_to_the_draft() -> None:
    text = _TEXT + " Rick Wagoner was succeeded by Kent Kresa as chairman."
    assert SuccessorReader().run("Who replaced Rick Wagoner?", sentences_of_text("a", text)) is None


@pytest.mark.parametrize("gather", [True, False])
def test_the_pipeline_answers_the_successor_without_the_model_and_cites_the_sentence(tmp_path, gather: bool) -> None:
    index, encoder = one_article_index(
        tmp_path,
        "# Apple executive leaves company after iPhone 4 antenna problems\n\n"
        "Mark Papermaster, Apple's senior vice president of devices hardware engineering, has left the company. "
        "Papermaster's post will be filled by Bob Mansfield, Apple's senior vice president for Macintosh "
        "engineering. Mansfield was already involved in iPhone development.",
    )
    model = ScriptedGenerator("Sentences: 1\nAnswer: Steve Jobs took over Mark Papermaster's job.")
    settings = Settings(judge=False, context_mode="retrieval", min_relevance=0.0, gather=gather)
    answer = assemble_pipeline(settings, model, index, encoder).ask(
        "Who took over Mark Papermaster's job at Apple after he left?"
    )
    if gather:
        assert_read_off_the_articles(
            answer, model, index, opening="Bob Mansfield [1]", quoted="Papermaster's post will be filled by"
        )
    else:
        assert model.calls and "Bob Mansfield" not in answer.answer


def test_the_pipeline_refuses_to_turn_a_succession_round(tmp_path) -> None:
    index, encoder = one_article_index(
        tmp_path,
        "# GM restructures\n\nAs part of the restructuring, General Motors' chief executive Rick Wagoner was "
        "replaced Sunday with Fritz Henderson, the current chief operating officer.",
    )
    model = ScriptedGenerator("Sentences: 1\nAnswer: Rick Wagoner replaced Fritz Henderson.")
    settings = Settings(judge=False, context_mode="retrieval", min_relevance=0.0)
    answer = assemble_pipeline(settings, model, index, encoder).ask(
        "Who replaced Fritz Henderson at the head of General Motors?"
    )
    assert not answer.answerable and answer.abstention is not None
    assert answer.abstention.gate == "successor" and "Rick Wagoner" in answer.abstention.message
    assert model.calls == []  # refused before drafting
