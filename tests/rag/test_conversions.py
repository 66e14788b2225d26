"""A figure asked for in another currency is read from the bracket beside it, model-free, or not at all."""

from __future__ import annotations

import pytest

from rag.stages.conversions import Converter, asked_currency, equivalents, restated_figure
from tests.citing import assert_read_off_the_articles
from tests.fakes import ScriptedGenerator, as_fake, sentences_of_text
from tests.rag.test_binding import _pipeline

pytestmark = pytest.mark.unit

_TEXT = (
    "Meta is in talks to invest more than US$10 billion (RM42.34 billion) in Scale AI. "
    "Kudrin said 500 billion rubles (US$19.7 billion) would go into the markets. "
    "Belgium will give up to 150 million (US$199 million) in aid."
)


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("What is the potential $10 billion investment worth in Malaysian ringgit?", ("$10 billion", "myr")),
        ("What US-dollar amount corresponds to the RM42.34 billion?", ("RM42.34 billion", "usd")),
        ("How many rubles was the US$19.7 billion?", ("US$19.7 billion", "rub")),
        # Another dollar is another currency.
        ("What is the A$5 billion worth in US dollars?", ("A$5 billion", "usd")),
        ("What were the 500 billion rubles worth in euros?", ("500 billion", "eur")),
        # Asked in its own currency, with no figure, or with two: not a conversion.
        ("How much is the $10 billion in dollars?", None),
        ("How much is Meta investing in Scale AI, in US dollars?", None),
        ("Is the US$10 billion more than the RM40 billion in ringgit?", None),
        ("How much did Meta invest in Scale AI in 2024?", None),
    ],
)
def test_the_figure_and_the_currency_a_question_asks_it_in(question: str, asked: tuple[str, str] | None) -> None:
    found = asked_currency(question)
    assert (None if found is None else (found[0].text, found[1])) == asked


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("What is the potential $10 billion investment worth in Malaysian ringgit?", "RM42.34 billion"),
        # The other way round: the asked figure is outside the bracket, the question's inside.
        ("What US-dollar amount corresponds to the RM42.34 billion?", "more than US$10 billion"),
        # A unit after the figure, before the bracket; and a figure the question gives with no currency.
        ("What were the 500 billion rubles worth in US dollars?", "US$19.7 billion"),
        ("How many rubles was the US$19.7 billion?", "500 billion rubles"),
        ("What is the aid of up to 150 million worth in US dollars?", "US$199 million"),
        # No sentence gives it in euros, or gives 20 billion at all: nothing is converted here.
        ("What is the $10 billion worth in euros?", None),
        ("What is the $20 billion worth in Malaysian ringgit?", None),
    ],
)
def test_the_conversion_is_read_from_the_bracket(question: str, answer: str | None) -> None:
    said = sentences_of_text("a", _TEXT)
    named = Converter().run(question, said)
    assert (named.name if named else None) == answer
    if named is not None:
        assert answer is not None and answer in named.sentence.text


def test_two_rates_for_one_figure_are_not_chosen_between() -> None:
    said = sentences_of_text("a", "Meta may invest US$10 billion (RM42.34 billion).") + sentences_of_text(
        "b", "The US$10 billion (RM44.1 billion) deal is Meta's largest."
    )
    assert Converter().run("What is the US$10 billion worth in ringgit?", said) is None
    assert Converter().run("What is the US$10 billion worth in ringgit?", said[:1]) is not None


_NOT_FOUND = "Sentences: none\nAnswer: NOT FOUND"


@pytest.mark.parametrize("gather", [True, False])
def test_the_bundled_articles_conversion_is_answered_and_cited_without_the_model(fake_index, gather: bool) -> None:
    pipeline = _pipeline(fake_index, _NOT_FOUND, gather=gather)
    answer = pipeline.ask("What is the potential $10 billion investment worth in Malaysian ringgit?")
    model = as_fake(pipeline.generator, ScriptedGenerator)
    if not gather:
        # RAG_GATHER=false: the model's draft decides, and this one found nothing.
        assert answer.abstention is not None and answer.abstention.gate == "model" and model.calls
        return
    assert_read_off_the_articles(
        answer, model, fake_index[0], opening="RM42.34 billion [1]", quoted="(RM42.34 billion)"
    )


def test_a_currency_no_article_gives_goes_the_usual_way(fake_index) -> None:
    pipeline = _pipeline(fake_index, _NOT_FOUND)
    answer = pipeline.ask("What is the potential US$10 billion investment in Scale AI worth in euros?")
    assert answer.abstention is not None and answer.abstention.gate == "model"


def test_a_bracketed_conversion_is_the_same_amount_either_way_round() -> None:
    assert equivalents(_TEXT, [5e11]) == {1.97e10}
    assert equivalents(_TEXT, [1.97e10]) == {5e11}
    assert equivalents(_TEXT, [1.5e8]) == {1.99e8}
    assert equivalents(_TEXT, [42.34e9]) == {1e10}
    # A figure with none beside it, or one in brackets in the same currency ("2.36% (118.40 points)"), restates none.
    assert equivalents(_TEXT, [3.0]) == set()
    assert equivalents("The FTSE fell 2.36% (118.40 points) today.", [2.36]) == set()


@pytest.mark.parametrize(
    ("question", "claim", "restated"),
    [
        # Wikinews w447: the part asked of the rubles is not the rubles in dollars.
        (
            "How much of the 500 billion rubles was to come from the federal budget?",
            "US$19.7 billion.",
            "US$19.7 billion",
        ),
        ("How much of the 500 billion rubles was to come from the federal budget?", "Half of it.", ""),
        ("How much of the 500 billion rubles was to come from the federal budget?", "US$9.85 billion.", ""),
        # Asked for the conversion, the bracket is the answer.
        ("What were the 500 billion rubles worth in US dollars?", "US$19.7 billion.", ""),
        # A question that gives no figure restates none.
        ("How much did Russia put into its markets?", "US$19.7 billion.", ""),
    ],
)
def test_an_answer_that_only_converts_the_questions_figure_restates_it(
    question: str, claim: str, restated: str
) -> None:
    assert restated_figure(question, claim, sentences_of_text("a", _TEXT)) == restated


def test_the_question_s_figure_in_another_currency_is_refused_as_its_answer(fake_index) -> None:
    question = "How much of the financing of more than US$10 billion could come from Meta?"
    answer = _pipeline(fake_index, "Sentences: 1\nAnswer: RM42.34 billion").ask(question)
    assert answer.abstention is not None and answer.abstention.gate == "constraint", answer
    assert "RM42.34 billion" in answer.abstention.message
