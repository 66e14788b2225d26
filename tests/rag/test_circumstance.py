"""Held-out round 3 (Wikinews w165–w188): a clause of circumstance is no attribute asked, a share's price is worded
by the shares, a change "by CA$19", and a relation the articles state the other way round."""

from __future__ import annotations

import pytest

from index import Sentence
from rag.stages.amounts import find_amounts
from rag.stages.binding import BindingCheck
from rag.stages.currencies import currency_of
from rag.stages.frame import frame_question
from rag.stages.gather import Gatherer, asked_family
from rag.stages.verify import ClaimCheck, Verdict
from tests.fakes import HashingEncoder, sentences_of_text


def _gate(question: str, claim: str, text: str, title: str = "Report") -> str | None:
    said = Sentence(article_id="a", start=0, end=len(text), text=text)
    check = BindingCheck(HashingEncoder(dim=64), lambda _: [said], {"a": title})
    problem = check.run(frame_question(question), Verdict([ClaimCheck(claim, [said], 1.0, True)]))
    return problem.gate if problem else None


def test_a_when_clause_places_the_figure_and_is_not_the_attribute_asked() -> None:
    # w171: "died" said when; the market value is what is asked.
    value = "Jobs has built the most valuable technology company in the world, with a market value of $348.8 billion."
    question = "What was Apple's market value when Steve Jobs died?"
    assert frame_question(question).circumstance == {"died"}
    assert _gate(question, "$348.8 billion.", value, "Apple Inc. co-founder Steve Jobs dies") is None
    # w188: a market value is a valuation; "since market open" a share price is not one.
    price = "Since market open, Apple shares rose to $373.72, a drop of only $2.46 since Wednesday's close."
    asked = "What was Apple's market value when Steve Jobs resigned as CEO?"
    assert _gate(asked, "$373.72.", price, "Apple executive Steve Jobs resigns") == "attribute"
    # Asked outright, the death is the attribute, and a market value does not state it.
    assert _gate("How many people died at Apple?", "348.8 billion.", value, "Apple Inc.") == "attribute"


def test_on_the_day_opens_a_clause_and_until_when_does_not() -> None:
    frame = frame_question("To what price did GM shares slip on the day GM reported a 45% drop in March sales?")
    assert frame.circumstance == {"drop", "sales"} and asked_family(frame) == "price"
    # w123: "bad loans" are the day's news, not aid the question asks about.
    rise = frame_question("By how many points did the FTSE 100 rise on the day the US said it would buy bad loans?")
    assert asked_family(rise) is None
    assert frame_question("Until when does that offer run?").circumstance == frozenset()
    # A phrase read as one attribute is in the clause where its words are.
    fall = frame_question("How far did Apple shares fall when its market value passed $300 billion?")
    assert "valuation" in fall.circumstance and "fall" not in fall.circumstance


def test_a_shares_price_is_worded_by_the_shares() -> None:
    question = "To what price did GM shares slip on the day GM reported a 45% drop in March sales?"
    assert _gate(question, "$1.92.", "GM shares slipped 1.6% down to $1.92.", "GM sales plunge") is None
    # Without shares in the question, a price is still stated as a price.
    assert _gate("What was the price of GM's new car?", "$1.92.", "GM shares slipped to $1.92.", "GM") == "attribute"


def test_slipping_is_a_fall() -> None:
    assert "fall" in frame_question("How far did GM shares slip?").families


@pytest.mark.parametrize(
    ("claim", "text", "gate"),
    [
        # w176: "by CA$19 per hour" words the change, whatever dollar it is in.
        ("By CA$19 per hour.", "A new CAW contract must reduce all-in costs by CA$19 per hour.", None),
        ("By CA$19 per hour.", "The contract sets all-in costs at CA$19 per hour.", "constraint"),
    ],
)
def test_a_change_in_any_dollar_is_worded_as_a_change(claim: str, text: str, gate: str | None) -> None:
    question = "By how much per hour did Chrysler want a new CAW contract to reduce all-in costs?"
    assert _gate(question, claim, text, "GM and Chrysler receive Canadian loans") == gate


@pytest.mark.parametrize(
    ("question", "text", "gate"),
    [
        # w186: the plan "had the support of" the unions: they did not oppose it.
        (
            "Which unions opposed Henderson's plan for General Motors?",
            "Henderson said the plan for General Motors had the support of the United Auto Workers union.",
            "relation",
        ),
        (
            "Which unions supported Henderson's plan for General Motors?",
            "Henderson said the plan for General Motors had the support of the United Auto Workers union.",
            None,
        ),
        # A sentence that states both sides answers either.
        (
            "Which unions opposed Henderson's plan for General Motors?",
            "The United Auto Workers union opposed the plan for General Motors that Henderson said had support.",
            None,
        ),
        (
            "Which union approved the General Motors contract?",
            "The United Auto Workers union rejected the General Motors contract.",
            "relation",
        ),
    ],
)
def test_a_relation_stated_the_other_way_round_is_refused(question: str, text: str, gate: str | None) -> None:
    assert _gate(question, "The United Auto Workers union.", text, "CEO of GM outlines plan") == gate


@pytest.mark.parametrize(
    ("question", "claim", "text", "gate"),
    [
        # Round 28, w772: those who voted with the Republicans against the bill are no count of those for it.
        (
            "How many Democrats voted for the auto bailout bill in the Senate?",
            "Three.",
            "Three Democrats voted with thirty-one Republicans against it.",
            "relation",
        ),
        (
            "How many Democrats voted for the auto bailout bill in the Senate?",
            "Forty.",
            "Only ten Republicans joined forty Democrats and two independents in voting for the bill.",
            None,
        ),
        (
            "How many Democrats voted against the auto bailout bill in the Senate?",
            "Three.",
            "Three Democrats voted with thirty-one Republicans against it.",
            None,
        ),
    ],
)
def test_a_vote_cast_the_other_way_is_refused(question: str, claim: str, text: str, gate: str | None) -> None:
    assert _gate(question, claim, text, "US automaker bailout deal fails to pass Senate") == gate


def test_a_canadian_dollar_is_a_figure_in_canadian_dollars() -> None:
    # Wikinews 123881 gives every Canadian loan as "CA$…": without the sign they were no figures at all.
    text = "Chrysler will receive CA$1 billion and may be eligible for as much as AU$4 billion."
    first, second = find_amounts(text)
    assert (first.value, first.sign, currency_of(text, first)) == (1e9, "CA$", "cad")
    assert (second.value, currency_of(text, second)) == (4e9, "aud")


def test_the_size_of_a_cut_is_not_the_value_gathered() -> None:
    # w076 once the "CA$19" became a figure: "reduce all-in costs by CA$19 per hour" gave "the price Fiat paid".
    text = "Chrysler must agree a contract to reduce all-in costs by CA$19 per hour. A Chrysler car costs CA$20,000."
    pool = sentences_of_text("c", text)
    binding = BindingCheck(HashingEncoder(dim=64), lambda _: pool, {"c": "Chrysler receives Canadian loans"})
    gathered = Gatherer(binding).run(frame_question("How much does a Chrysler car cost?"), pool)
    assert gathered is not None and [g.value for g in gathered.groups] == [20_000]
