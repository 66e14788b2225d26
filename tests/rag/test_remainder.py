"""A "besides X" question answered from the list that names X: the others in it, cited to that sentence."""

from __future__ import annotations

import pytest

from index import Sentence
from rag import Settings
from rag.runtime import assemble_pipeline
from rag.stages.binding import BindingCheck
from rag.stages.cite import CitationRenderer
from rag.stages.frame import frame_question
from rag.stages.remainder import Remainder
from tests.fakes import HashingEncoder, ScriptedGenerator, sentences_of_text

pytestmark = pytest.mark.unit

TEXTS = {
    "a": "Scale AI labels data. Scale sells its services to companies such as Microsoft, Cohere, Etsy and OpenAI. "
    "The startup was valued at nearly $14 billion in a 2024 funding round that included investments from both "
    "Meta and Microsoft.",
    "b": "Meta is expanding into defence work. The company teamed up with the defence contractors Booz Allen and "
    "Lockheed Martin on the initiatives.",
    "c": "At 0800 UTC, the Bank of Canada, the Bank of England, the European Central Bank (ECB) and the Federal "
    "Reserve jointly announced new swap lines.",
    "d": "Companies like Microsoft, Amazon and Alphabet have invested billions in AI start-ups.",
    "e": "Meta competes with established AI leaders like OpenAI, Google, and Microsoft, as well as emerging players "
    "like xAI.",
}
TITLES = {
    "a": "Scale AI's customers",
    "b": "Meta's defence push",
    "c": "Central banks act",
    "d": "Big Tech",
    "e": "Meta",
}
DATES: dict[str, str | None] = {
    "a": "2025-06-10",
    "b": "2025-06-10",
    "c": "2008-09-18",
    "d": "2025-06-10",
    "e": "2025-06-10",
}


def _sentences(article_id: str) -> list[Sentence]:
    return sentences_of_text(article_id, TEXTS[article_id])


ALL = [s for a in TEXTS for s in _sentences(a)]


def _others(question: str) -> list[str] | None:
    binding = BindingCheck(HashingEncoder(dim=64), _sentences, TITLES, dates=DATES)
    found = Remainder(binding).run(frame_question(question), ALL)
    return None if found is None else [i.text for i in found.items]


def test_the_others_listed_beside_the_excluded_names_are_the_answer() -> None:
    assert _others("Besides Microsoft and OpenAI, which customers of Scale AI are named?") == ["Cohere", "Etsy"]
    assert _others("Besides Booz Allen, which defence contractor worked with Meta on the initiatives?") == [
        "Lockheed Martin"
    ]


def test_a_list_goes_on_past_as_well_as_and_a_name_may_begin_in_lower_case() -> None:
    question = "Besides xAI, which companies are named as Meta's established AI rivals?"
    assert frame_question(question).excluded == {"xai"}
    assert _others(question) == ["OpenAI", "Google", "Microsoft"]


def test_names_of_a_list_are_read_without_their_article_parenthesis_or_a_unit_before_them() -> None:
    others = _others("Apart from the Federal Reserve, which central banks announced swap lines?")
    assert others == ["Bank of Canada", "Bank of England", "European Central Bank"]


def test_the_exclusion_is_the_names_right_after_it() -> None:
    frame = frame_question("Which company other than Meta backed Scale AI's 2024 funding round?")
    assert frame.excluded == {"meta"} and frame.excluded_text == "Meta"
    assert {"scale", "ai"} <= frame.subjects
    assert _others("Which company other than Meta backed Scale AI's 2024 funding round?") == ["Microsoft"]


def test_together_with_a_name_asks_for_the_others_only_in_a_who_or_which_question() -> None:
    question = "Which defence contractor worked with Meta on the initiatives together with Booz Allen?"
    assert frame_question(question).excluded == {"booz", "allen"}
    assert _others(question) == ["Lockheed Martin"]
    assert frame_question("What did Meta announce along with Booz Allen?").excluded == frozenset()


@pytest.mark.parametrize(
    "question",
    [
        # Every name the list holds is excluded: nothing is left to answer with.
        "Besides Microsoft, Amazon and Alphabet, which other company has invested in AI start-ups?",
        # Another subject: the list is Scale AI's customers, not Anthropic's.
        "Besides Microsoft and OpenAI, which customers of Anthropic are named?",
        # The relation asked is not the one the sentence states.
        "Besides Booz Allen, which defence contractor did Meta sue?",
        # Another year than the sentence's and its article's.
        "Which company other than Meta backed Scale AI's 2021 funding round?",
        # An excluded name the list does not hold.
        "Besides Booz Allen and Raytheon, which defence contractor worked with Meta on the initiatives?",
        # Excluding a kind, not a name.
        "Besides funding, which companies teamed up with Meta?",
    ],
)
def test_a_list_that_does_not_answer_the_question_is_not_read(question: str) -> None:
    assert _others(question) is None


def test_the_answer_says_what_it_leaves_out_and_cites_the_sentence() -> None:
    binding = BindingCheck(HashingEncoder(dim=64), _sentences, TITLES, dates=DATES)
    found = Remainder(binding).run(frame_question("Besides Microsoft and OpenAI, which customers of Scale AI?"), ALL)
    assert found is not None and found.decides
    text, citations, items = CitationRenderer(TITLES).listing(found, [])
    assert text == "Besides Microsoft and OpenAI, the articles name Cohere [1] and Etsy [1]."
    assert [i.citations for i in items] == [[1], [1]]
    assert TEXTS["a"][citations[0].start : citations[0].end] == citations[0].quote
    assert "Cohere" in citations[0].quote


def test_besides_is_answered_without_the_model(fake_index) -> None:
    index, encoder = fake_index
    model = ScriptedGenerator("Sentences: 1\nAnswer: Microsoft and OpenAI.")
    settings = Settings(judge=False, context_mode="retrieval", min_relevance=0.0)
    answer = assemble_pipeline(settings, model, index, encoder).ask(
        "Besides Microsoft and OpenAI, which customers of Scale AI are named?"
    )
    assert answer.answerable and model.calls == []
    assert [i.text for i in answer.items] == ["Cohere", "Etsy"]
    assert answer.answer.startswith("Besides Microsoft and OpenAI, the articles name Cohere [1] and Etsy [1]")
    for c in answer.citations:
        assert index.articles[c.article_id].text[c.start : c.end] == c.quote


def test_without_gathering_the_draft_answers(fake_index) -> None:
    index, encoder = fake_index
    model = ScriptedGenerator("Sentences: 1\nAnswer: Cohere and Etsy.")
    settings = Settings(judge=False, gather=False, context_mode="retrieval", min_relevance=0.0)
    assemble_pipeline(settings, model, index, encoder).ask(
        "Besides Microsoft and OpenAI, which customers of Scale AI are named?"
    )
    assert model.calls, "RAG_GATHER=false leaves the question to the model"
