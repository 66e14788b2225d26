"""A yes/no question answered "no" by the sentence that states its claim negated, model-free."""

from __future__ import annotations

import pytest

from index import Sentence
from rag import Settings
from rag.runtime import assemble_pipeline
from rag.stages.binding import BindingCheck, common_words
from rag.stages.frame import frame_question
from rag.stages.polarity import Polarity, asks_yes_or_no
from tests.fakes import HashingEncoder, ScriptedGenerator, as_fake, sentences_of_text

pytestmark = pytest.mark.unit

TEXTS = {
    "deal": "Meta is in talks to invest in Scale AI. "
    "The terms of the deal are not finalised and could still change, according to the people, who asked not to "
    "be identified.",
    "meta": "If an investment happens, it will be an outlier for Meta, which typically does not invest in outside "
    "companies.",
    "apple": "In response to critics saying that Apple had not addressed the reception problem quickly enough, Jobs "
    "said the iPhone 4 had only been out for 22 days.",
    "labor": "The Department of Labor investigated whether Scale AI had not paid its workers.",
}
TITLES = {
    "deal": "Meta in talks for Scale AI investment",
    "meta": "Meta considers Scale AI investment",
    "apple": "Apple to give free cases",
    "labor": "Scale AI investigated",
}


def _sentences(article_id: str) -> list[Sentence]:
    return sentences_of_text(article_id, TEXTS[article_id])


ALL = [s for a in TEXTS for s in _sentences(a)]


def _denied(question: str) -> str | None:
    # The collection's lower-case words, as the service builds them: "Does" opening a question is no name.
    common = common_words([*TEXTS.values(), "It does. It is. It has. It did. They are. They have."])
    binding = BindingCheck(HashingEncoder(dim=64), _sentences, TITLES, common=common)
    negated = Polarity(binding).run(frame_question(question), ALL)
    return negated.sentence.text if negated else None


def test_yes_or_no_questions_are_told_from_choices_and_negated_ones() -> None:
    assert asks_yes_or_no("Are the terms of the Meta-Scale AI deal final?")
    assert asks_yes_or_no("Does Meta typically invest in outside companies?")
    assert not asks_yes_or_no("Has Meta already launched its Meta AI app, or is it still being built?")
    assert not asks_yes_or_no("Isn't the deal final?")
    assert not asks_yes_or_no("What are the terms of the deal?")


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("Are the terms of the Meta-Scale AI deal final?", "The terms of the deal are not finalised"),
        ("Have the Meta and Scale AI terms been finalised?", "The terms of the deal are not finalised"),
        ("Does Meta typically invest in outside companies?", "If an investment happens"),
    ],
)
def test_a_claim_stated_negated_is_denied(question: str, start: str) -> None:
    denied = _denied(question)
    assert denied is not None and denied.startswith(start)


@pytest.mark.parametrize(
    "question",
    [
        # Only how fast: "had not addressed the reception problem quickly enough".
        "Has Apple addressed the iPhone 4 reception problem?",
        # Inside what was investigated, not a finding.
        "Has Scale AI paid its workers?",
        # One word asked meets the negation of another clause ("who asked not to be identified").
        "Has Scale AI been identified?",
        # Stated, not negated: left to the model.
        "Is Meta in talks to invest in Scale AI?",
        # Another subject's negation.
        "Does Apple typically invest in outside companies?",
    ],
)
def test_no_denial_without_a_plain_negation_of_the_asked_claim(question: str) -> None:
    assert _denied(question) is None


def test_the_pipeline_answers_no_with_the_sentence_cited_and_asks_no_model(fake_index) -> None:
    index, encoder = fake_index
    settings = Settings(support_threshold=0.2, min_relevance=0.0, judge=False)
    pipeline = assemble_pipeline(settings, ScriptedGenerator("Sentences: none\nAnswer: NOT FOUND"), index, encoder)
    answer = pipeline.ask("Are the terms of the Meta-Scale AI deal final?")
    assert answer.answerable
    assert answer.answer.startswith("No. The terms of the deal are not finalised") and answer.answer.endswith("[1].")
    [citation] = answer.citations
    assert index.articles[citation.article_id].text[citation.start : citation.end] == citation.quote
    assert "not finalised" in citation.quote
    assert as_fake(pipeline.generator, ScriptedGenerator).calls == []


def test_with_gathering_off_the_question_goes_to_the_model(fake_index) -> None:
    index, encoder = fake_index
    settings = Settings(support_threshold=0.2, min_relevance=0.0, judge=False, gather=False)
    pipeline = assemble_pipeline(settings, ScriptedGenerator("Sentences: none\nAnswer: NOT FOUND"), index, encoder)
    assert not pipeline.ask("Are the terms of the Meta-Scale AI deal final?").answerable
    assert len(as_fake(pipeline.generator, ScriptedGenerator).calls) == 1
