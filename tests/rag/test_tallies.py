"""'What was the vote?' is answered by the one tally the sentences give beside that word, model-free, or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag import Settings
from rag.runtime import assemble_pipeline
from rag.stages.tallies import TallyReader, asked_tally
from tests.citing import assert_read_off_the_articles
from tests.fakes import ScriptedGenerator, one_article_index, sentences_of_text

pytestmark = pytest.mark.unit

# As Wikinews put them (2008-12), with an incentive's range of figures in the same article.
_TEXT = (
    "Although the House approved the measures, the Senate voted the proposition down with a vote of 52-35. "
    "The CARS act provides a US$3,000 to 5,000 incentive for those who trade in their vehicle. "
    "Negotiations lasted 10-12 hours."
)
_TITLES = {"a": "US automaker bailout deal fails to pass Senate"}


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("What was the vote on the car industry bailout?", "vote"),
        ("What was the final vote count in the Senate?", "vote"),
        ("What is the score?", "score"),
        ("What was the tally?", "tally"),
        ("How did the Senate vote?", None),  # a side, not a count
        ("What was the vote about?", "vote"),
        ("What was the Senate's vote on the $700 billion bailout of Wall Street?", "vote"),
        ("Who won the vote?", None),
    ],
)
def test_the_word_a_question_asks_a_tally_by(question: str, word: str | None) -> None:
    assert asked_tally(question) == word


@pytest.mark.parametrize(
    ("question", "tally"),
    [
        ("What was the vote on the car industry bailout?", "52-35"),
        ("What was the vote?", "52-35"),
        ("What was the vote count in the Senate?", "52-35"),
        # What the question asks about, in neither the sentence nor its article's title.
        ("What was the vote on the Canadian loans?", None),
        ("What was the Senate's vote on the bailout?", "52-35"),
        # A name or figure the question gives that neither says: another bailout (Wikinews w072, adversarial).
        ("What was the Senate's vote on the $700 billion bailout of Wall Street?", None),
        ("What was the vote on the bailout in the House of Lords?", None),
        ("What was the score?", None),  # no sentence gives one
    ],
)
def test_the_tally_is_read_beside_the_word_asked(question: str, tally: str | None) -> None:
    named = TallyReader(_TITLES).run(question, sentences_of_text("a", _TEXT))
    assert (named.name if named else None) == tally
    if named:
        assert named.sentence.text.startswith("Although the House approved")


def test_what_the_question_asks_about_may_be_said_in_a_word_of_its_family() -> None:
    titles = {"a": "White House considering auto rescue plan"}  # the other article: not "bailout"
    reader = TallyReader(titles)
    assert reader.run("What was the vote on the car industry bailout?", sentences_of_text("a", _TEXT)) is not None
    assert reader.run("What was the vote on the car industry merger?", sentences_of_text("a", _TEXT)) is None


def test_the_tally_is_read_in_its_other_forms() -> None:
    text = "The final vote count in the Senate was 52 to 35, eight short of the 60 needed to pass."
    named = TallyReader(_TITLES).run("What was the final vote count?", sentences_of_text("a", text))
    assert named is not None and named.name == "52-35"


@pytest.mark.parametrize(
    "text",
    [
        "Congress voted for a US$3,000 to 5,000 incentive.",
        "The vote came after 10-12 hours of talks.",
        "The vote was set for 2008-09.",
        "The vote moved the index 1.5 to 2 percent.",
    ],
)
def test_a_range_of_figures_is_no_tally(text: str) -> None:
    assert TallyReader(_TITLES).run("What was the vote?", sentences_of_text("a", text)) is None


def test_different_tallies_are_left_to_the_draft() -> None:
    text = _TEXT + " In the House the bill had passed with a vote of 237-170."
    assert TallyReader(_TITLES).run("What was the vote on the bailout?", sentences_of_text("a", text)) is None
    # The same tally in two sentences is one.
    again = _TEXT + " The final vote count in the Senate was 52-35."
    named = TallyReader(_TITLES).run("What was the vote on the bailout?", sentences_of_text("a", again))
    assert named is not None and named.name == "52-35"


@pytest.mark.parametrize("gather", [True, False])
def test_the_pipeline_answers_the_tally_without_the_model_and_cites_the_sentence(tmp_path: Path, gather: bool) -> None:
    index, encoder = one_article_index(tmp_path, f"# {_TITLES['a']}\n\n{_TEXT}")
    model = ScriptedGenerator("NOT FOUND")
    settings = Settings(judge=False, context_mode="retrieval", min_relevance=0.0, gather=gather)
    answer = assemble_pipeline(settings, model, index, encoder).ask("What was the vote on the car industry bailout?")
    if gather:
        assert_read_off_the_articles(answer, model, index, opening="52-35 [1]", quoted="with a vote of 52-35")
    else:
        assert model.calls and not answer.answerable
