"""A question about a described subject, answered in two verified steps."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from rag import Settings
from rag.runtime import assemble_pipeline
from rag.stages.bridge import resolved_name, split_description
from rag.stages.frame import frame_question
from tests.citing import assert_cited
from tests.fakes import ScriptedGenerator, gate_settings

pytestmark = pytest.mark.unit

QUESTION = "In which city was the company that developed Defense Llama founded?"


@pytest.mark.parametrize(
    ("question", "description", "sub_question", "named"),
    [
        (
            QUESTION,
            "the company that developed Defense Llama",
            "Which company developed Defense Llama?",
            "In which city was Scale AI founded?",
        ),
        (
            "How much revenue did the start-up backed by Index Ventures and Founders Fund generate in 2024?",
            "the start-up backed by Index Ventures and Founders Fund",
            "Which start-up was backed by Index Ventures and Founders Fund?",
            "How much revenue did Scale AI generate in 2024?",
        ),
        (
            # Nested: the innermost description first.
            "Which Meta model underpins the military language model built by the company whose customers include "
            "Cohere and Etsy?",
            "the company whose customers include Cohere and Etsy",
            "Which company's customers include Cohere and Etsy?",
            "Which Meta model underpins the military language model built by Scale AI?",
        ),
        (
            "In which city was the company whose Series F round valued it at US$13.8 billion founded?",
            "the company whose Series F round valued it at US$13.8 billion",
            "Which company's Series F round valued it at US$13.8 billion?",
            "In which city was Scale AI founded?",
        ),
        (
            # A title in capitals is a kind too, and a name may begin in lower case.
            "By how much did Apple's shares slide when the CEO who unveiled the iPhone 4 resigned?",
            "the CEO who unveiled the iPhone 4",
            "Which CEO unveiled the iPhone 4?",
            "By how much did Apple's shares slide when Scale AI resigned?",
        ),
    ],
)
def test_a_description_becomes_a_question_of_its_own(
    question: str, description: str, sub_question: str, named: str
) -> None:
    bridge = split_description(question)
    assert bridge is not None
    assert (bridge.description, bridge.sub_question) == (description, sub_question)
    assert bridge.substitute(question, "Scale AI") == named


def test_no_description_no_bridge() -> None:
    assert split_description("In which city was Scale AI founded?") is None
    assert split_description("Which company did the thing that mattered?") is None  # no name to end it


def test_the_resolved_name_is_the_answer_name_the_collection_mentions_most() -> None:
    counts = {"Alexandr Wang": 2, "Scale AI": 5}
    answer = "Alexandr Wang and Lucy Guo co-founded Scale AI [1]."
    assert resolved_name(answer, "Which start-up was co-founded by Lucy Guo?", lambda n: counts.get(n, 0)) == "Scale AI"
    assert resolved_name("General Motors' chief was replaced [1].", "Which carmaker's chief was replaced?") == (
        "General Motors"
    )
    assert resolved_name("Defense Llama [1].", "Which company developed Defense Llama?") is None


def _two_steps(messages: Sequence[dict[str, str]]) -> str:
    user = messages[-1]["content"]
    if "Which company developed Defense Llama?" in user:
        return "Sentences: 1\nAnswer: Scale AI developed Defense Llama, a large language model."
    if "In which city was Scale AI founded?" in user:
        return "Sentences: 1\nAnswer: Scale AI was founded in San Francisco by Alexandr Wang and Lucy Guo in 2016."
    return "Sentences: 1\nAnswer: not found"


@pytest.mark.parametrize("model_free", [True, False])
def test_the_pipeline_answers_in_two_cited_steps(fake_index, model_free: bool) -> None:
    """The first step is read off the sentence that states the description ("It developed Defense Llama"); with
    the question-aware gate off (no model-free reader), the model is asked it."""
    index, encoder = fake_index
    model = ScriptedGenerator(_two_steps)
    settings = gate_settings(binding_check=model_free)
    streamed: list[str] = []
    answer = assemble_pipeline(settings, model, index, encoder).ask(QUESTION, on_token=streamed.append)
    assert answer.answerable, answer.abstention
    assert "Defense Llama" in answer.answer and "San Francisco" in answer.answer
    assert answer.question == QUESTION
    assert len(model.calls) == (1 if model_free else 2)
    # The first step streams before the second is asked; the pieces make the answer.
    assert len(streamed) == 2 and "".join(streamed) == answer.answer
    assert "Scale AI" in streamed[0] and "San Francisco" not in streamed[0]
    if model_free:
        assert answer.answer.startswith("The company that developed Defense Llama is Scale AI [1][2]. ")
        assert "In which city was Scale AI founded?" in model.calls[0][-1]["content"]
    assert_cited(answer, index, at_least=2)
    assert any("Defense Llama" in c.quote for c in answer.citations)
    assert any("San Francisco" in c.quote for c in answer.citations)


def test_when_a_step_fails_the_question_is_answered_as_asked(fake_index) -> None:
    index, encoder = fake_index
    model = ScriptedGenerator("Sentences: 1\nAnswer: not found")
    settings = Settings(judge=False, context_mode="retrieval", min_relevance=0.0)
    answer = assemble_pipeline(settings, model, index, encoder).ask(QUESTION)
    assert not answer.answerable
    assert len(model.calls) == 2  # the first step, then the question as asked


def test_bridging_off(fake_index) -> None:
    index, encoder = fake_index
    model = ScriptedGenerator(_two_steps)
    settings = Settings(judge=False, context_mode="retrieval", min_relevance=0.0, bridge=False)
    assemble_pipeline(settings, model, index, encoder).ask(QUESTION)
    assert len(model.calls) == 1


def test_a_named_subject_that_leaves_a_description_of_its_own_is_resolved_too(fake_index) -> None:
    """Scale (whose customers include Cohere and Etsy) built a model described, not named: Defense Llama. Only the
    last question, about Defense Llama by name, goes to the model."""
    index, encoder = fake_index
    model = ScriptedGenerator(
        lambda messages: (
            "Sentences: 1\nAnswer: Defense Llama is based on Meta's Llama 3."
            if "Question: Which Meta model underpins Defense Llama?" in messages[-1]["content"]
            else "Sentences: 1\nAnswer: not found"
        )
    )
    settings = gate_settings()
    question = (
        "Which Meta model underpins the military language model built by the company whose customers include "
        "Cohere and Etsy?"
    )
    answer = assemble_pipeline(settings, model, index, encoder).ask(question)
    assert answer.answerable, answer.abstention
    assert answer.answer.startswith(
        "The company whose customers include Cohere and Etsy is Scale [1]. The military language model built by "
        "Scale is Defense Llama [2]. "
    )
    assert "Llama 3" in answer.answer
    assert len(model.calls) == 1


@pytest.mark.parametrize(
    ("question", "description", "named"),
    [
        (
            "The executive Jobs left in charge during his January 2011 leave had earlier worked at which two "
            "companies?",
            "The executive Jobs left in charge during his January 2011 leave",
            "Tim Cook had earlier worked at which two companies?",
        ),
        (
            # "was told" is inside the description; the question's own verb is the last before "what".
            "The partner Chrysler was told to sign up within 30 days in April 2009 was to begin with what share?",
            "The partner Chrysler was told to sign up within 30 days in April 2009",
            "Tim Cook was to begin with what share?",
        ),
    ],
)
def test_a_description_by_whoever_did_something_to_the_subject(question: str, description: str, named: str) -> None:
    assert frame_question(question).described
    bridge = split_description(question)
    assert bridge is not None
    assert bridge.description == description
    assert bridge.sub_question == f"Who or what is {description[:1].lower()}{description[1:]}?"
    assert bridge.substitute(question, "Tim Cook") == named


@pytest.mark.parametrize(
    ("question", "description", "sub_question", "named"),
    [
        (
            # No name closes the description: the question's own verb does, just before the question word.
            "The Japanese index that had hit an all-time low the day before the 17 September 2008 report fell by how "
            "much on 10 October 2008?",
            "The Japanese index that had hit an all-time low the day before the 17 September 2008 report",
            "Which Japanese index had hit an all-time low the day before the 17 September 2008 report?",
            "the Nikkei fell by how much on 10 October 2008?",
        ),
        (
            # The auxiliary goes with the question's verb.
            "The start-up that built the chatbot was valued at what in 2024?",
            "The start-up that built the chatbot",
            "Which start-up built the chatbot?",
            "the Nikkei was valued at what in 2024?",
        ),
    ],
)
def test_a_description_opening_a_question_asked_in_place(
    question: str, description: str, sub_question: str, named: str
) -> None:
    assert frame_question(question).described
    bridge = split_description(question)
    assert bridge is not None
    assert (bridge.description, bridge.sub_question) == (description, sub_question)
    assert bridge.substitute(question, "the Nikkei") == named


def test_a_description_opening_a_question_needs_a_clause_and_a_question_asked_in_place() -> None:
    assert split_description("The company that won fell by how much?") is None  # one word: no clause left
    assert split_description("The company that built the chatbot was valued highly?") is None  # no question word
    # A name still closes a description where one follows close behind.
    named = split_description("The company that developed Defense Llama was valued at what?")
    assert named is not None and named.description == "The company that developed Defense Llama"


def test_an_object_description_needs_a_name_and_a_verb_of_the_questions_own() -> None:
    assert split_description("The company said what about its plans?") is None  # no name after the kind
    assert split_description("The company Meta what?") is None  # no verb before the question word
    assert not frame_question("The deal Meta struck was worth how much?").described  # a deal is no kind of subject
