"""A why-question is answered by the reason a sentence links to the asked event, model-free, or not at all."""

from __future__ import annotations

import pytest

from rag.stages.reasons import ReasonReader, asked_event, restates_without_reason
from tests.citing import assert_read_off_the_articles
from tests.fakes import ScriptedGenerator, as_fake, sentences_of_text
from tests.rag.test_binding import _pipeline

pytestmark = pytest.mark.unit

_TEXT = (
    "The potential investment is a sign that large tech companies remain interested in start-ups focused on AI "
    "amid a heated contest to be a leader in the technology. "
    "Trading was suspended for a second day due to the turmoil in markets around the world. "
    "Scale AI provides data labelling services to help companies train machine-learning models, and has become a "
    "key beneficiary of the boom. "
    "The first flight is due to arrive in New York on Friday. "
    "Meta did not buy Anduril because the talks failed."
)


@pytest.mark.parametrize(
    ("question", "event"),
    [
        (
            "Why do large tech companies remain interested in AI start-ups, according to the coverage?",
            "large tech companies remain interested in AI start-ups",
        ),
        ("Why was trading suspended?", "trading suspended"),
        ("How did Meta pay for it?", None),
        ("What is the reason for the delay?", None),
    ],
)
def test_the_event_a_why_question_takes_for_granted(question: str, event: str | None) -> None:
    assert asked_event(question) == event


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        # The asked event's words in another order ("AI start-ups", "start-ups focused on AI"), the source dropped.
        (
            "Why do large tech companies remain interested in AI start-ups, according to the coverage?",
            "Amid a heated contest to be a leader in the technology",
        ),
        ("Why was trading suspended?", "Due to the turmoil in markets around the world"),
        # The reason ends where the sentence goes on to something else.
        ("Why does Scale AI provide data labelling services?", "To help companies train machine-learning models"),
        # A word of the event the sentence does not say: not this reader's to guess.
        ("Why do small tech companies remain interested in AI start-ups?", None),
        # "is due to arrive" is a schedule, not a cause.
        ("Why is the first flight arriving in New York?", None),
        # A reason given for an event that did not happen is no reason for it.
        ("Why did Meta buy Anduril?", None),
    ],
)
def test_the_reason_is_read_after_the_causal_link(question: str, reason: str | None) -> None:
    read = ReasonReader().run(question, sentences_of_text("a", _TEXT))
    assert (read.name if read else None) == reason
    if read is not None:
        assert read.name[1:] in read.sentence.text and read.kind == "reason"


def test_a_negated_event_is_read_from_a_negated_sentence() -> None:
    read = ReasonReader().run("Why did Meta not buy Anduril?", sentences_of_text("a", _TEXT))
    assert read is not None and read.name == "Because the talks failed"


def test_two_reasons_for_one_event_are_not_chosen_between() -> None:
    said = sentences_of_text("a", "Trading was suspended due to the turmoil.") + sentences_of_text(
        "b", "Trading was suspended because of an order of the regulator."
    )
    assert ReasonReader().run("Why was trading suspended?", said) is None
    assert ReasonReader().run("Why was trading suspended?", said[:1]) is not None


_WRONG_REASON = (
    "Sentences: 1, 2\nAnswer: Large tech companies remain interested in AI start-ups because they are in advanced "
    "talks to invest billions of dollars in Scale AI."
)
_Q181 = "Why do large tech companies remain interested in AI start-ups, according to the coverage?"


@pytest.mark.parametrize("gather", [True, False])
def test_the_bundled_articles_reason_is_answered_and_cited_without_the_model(fake_index, gather: bool) -> None:
    pipeline = _pipeline(fake_index, _WRONG_REASON, gather=gather)
    answer = pipeline.ask(_Q181)
    model = as_fake(pipeline.generator, ScriptedGenerator)
    if not gather:
        # RAG_GATHER=false: the model's draft decides (here the wrong reason bundled q181 was given).
        assert model.calls and "heated contest" not in answer.answer
        return
    opening = "Amid a heated contest to be a leader in the technology [1]"
    assert_read_off_the_articles(answer, model, fake_index[0], opening=opening, quoted="amid a heated contest")


def test_a_why_question_no_sentence_links_a_reason_to_goes_the_usual_way(fake_index) -> None:
    pipeline = _pipeline(fake_index, "Sentences: none\nAnswer: NOT FOUND")
    answer = pipeline.ask("Why does Scale AI rely on so many contract workers?")
    assert as_fake(pipeline.generator, ScriptedGenerator).calls
    assert answer.abstention is not None and answer.abstention.gate == "model"


_Q902 = "Why was the A380's 2005 departure from France on its tour of Asia and Australia delayed?"


@pytest.mark.parametrize(
    ("question", "answer", "restates"),
    [
        # Held-out round 34, w902: the event said again, then what it led to.
        (
            _Q902,
            "The departure from France of the new Airbus A380 superjumbo airliner on a tour of Asia and Australia has "
            "been delayed, leading to a rearrangement of its public appearances.",
            True,
        ),
        (_Q902, "The A380's departure from France on its tour of Asia and Australia was delayed.", True),
        (
            _Q902,
            "The A380's departure on its tour of Asia and Australia was delayed because two engines failed.",
            False,
        ),
        (_Q902, "Two of the Rolls-Royce Trent 900 engines on the prototype would be replaced before the tour.", False),
        # Bundled q184: the reason in other words, with no link before it.
        (
            "Why is Meta establishing a new AI research lab?",
            'Meta is establishing a new AI research lab focused on achieving "superintelligence".',
            False,
        ),
        ("Who delayed the A380's departure?", "The A380's departure was delayed, leading to a rearrangement.", False),
    ],
)
def test_a_why_answer_that_only_restates_the_event_gives_no_reason(question: str, answer: str, restates: bool) -> None:
    assert restates_without_reason(question, answer) is restates


def test_a_draft_that_restates_the_event_is_refused_when_the_second_draft_does_too(fake_index) -> None:
    reply = "Sentences: 1\nAnswer: Large tech companies remain interested in AI start-ups, leading to a heated contest."
    pipeline = _pipeline(fake_index, reply, gather=False)
    answer = pipeline.ask("Why do large tech companies remain interested in AI start-ups?")
    model = as_fake(pipeline.generator, ScriptedGenerator)
    assert len(model.calls) == 2  # the second draft was told to give the reason
    assert answer.abstention is not None and answer.abstention.gate == "answer_type"
