"""A question asking the name of a thing answered by the name a sentence gives it, cited to that sentence."""

from __future__ import annotations

import pytest

from index import Sentence
from rag import Settings
from rag.runtime import assemble_pipeline
from rag.stages.binding import BindingCheck
from rag.stages.cite import CitationRenderer
from rag.stages.frame import frame_question
from rag.stages.naming import Naming, asked_kind_of_name
from tests.fakes import HashingEncoder, ScriptedGenerator, sentences_of_text

pytestmark = pytest.mark.unit

TEXTS = {
    "a": "The A380 is late. These problems have led to a recently-announced restructuring program at Airbus, called "
    "Power8, in which 10,000 jobs go.",
    "b": "It developed Defense Llama, a large language model designed for use in military settings.",
}
TITLES = {"a": "Airbus A380 delays cost billions", "b": "Scale AI and Meta in defence work"}


def _sentences(article_id: str) -> list[Sentence]:
    return sentences_of_text(article_id, TEXTS[article_id])


ALL = [s for a in TEXTS for s in _sentences(a)]


def _named(question: str) -> str | None:
    found = Naming(BindingCheck(HashingEncoder(dim=64), _sentences, TITLES)).run(frame_question(question), ALL)
    return None if found is None else found.name


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("What is the name of the restructuring programme Airbus launched?", ("programme", ("restructuring",))),
        ("What military-oriented language model has Scale AI built?", ("model", ("military-oriented", "language"))),
        ("Which specific Meta model was it built on?", ("model", ())),
        ("How much did Airbus lose?", None),
    ],
)
def test_the_kind_of_thing_named_and_the_words_that_say_which(question: str, asked: object) -> None:
    assert asked_kind_of_name(question) == asked


def test_the_name_given_after_called_is_read_in_either_spelling() -> None:
    question = "What is the name of the restructuring programme Airbus launched after the A380 delays?"
    assert _named(question) == "Power8"


def test_the_name_before_what_kind_of_thing_it_is_is_read() -> None:
    assert _named("What military-oriented language model has Scale AI built with Meta's technology?") == (
        "Defense Llama"
    )


@pytest.mark.parametrize(
    "question",
    [
        # Another subject than the sentence's.
        "What is the name of the restructuring programme Boeing launched after the 787 delays?",
        # Another kind of the thing than the sentence's.
        "What medical language model has Scale AI built with Meta's technology?",
        # Nothing else the question asks is in the sentence.
        "What is the name of the programme Airbus cancelled?",
    ],
)
def test_a_name_that_does_not_answer_the_question_is_not_read(question: str) -> None:
    assert _named(question) is None


def test_a_kind_named_after_it_between_commas_is_not_a_clock_times_zone(fake_encoder) -> None:
    # "As of 18:00 UTC, the primary UK index, the FTSE 100, was …" names the index after its kind; "UTC" before
    # "the primary UK index" is a time zone. A report of another day names no index that rose on the asked one.
    texts = {
        "oct": "As of 18:00 UTC, the primary UK index, the FTSE 100, was one of the few indexes to increase in value.",
        "sep": "The Japanese index, the Nikkei, was one of the few indexes to rise in value over the day.",
    }
    pool = [s for k, v in texts.items() for s in sentences_of_text(k, v)]
    dates: dict[str, str | None] = {"oct": "2008-10-07", "sep": "2008-09-17"}
    binding = BindingCheck(fake_encoder, lambda a: [s for s in pool if s.article_id == a], {}, dates=dates)
    found = Naming(binding).run(frame_question("Which index was one of the few to rise on 7 October 2008?"), pool)
    assert found is not None and found.name == "FTSE 100"
    earlier = Naming(binding).run(frame_question("Which index was one of the few to rise on 17 September 2008?"), pool)
    assert earlier is not None and earlier.name == "Nikkei"


def test_the_name_is_cited_to_its_sentence() -> None:
    binding = BindingCheck(HashingEncoder(dim=64), _sentences, TITLES)
    found = Naming(binding).run(frame_question("What is the name of the restructuring programme Airbus launched?"), ALL)
    assert found is not None
    text, citations = CitationRenderer(TITLES).naming(found, [])
    assert text == "Power8 [1]."
    c = citations[0]
    assert TEXTS["a"][c.start : c.end] == c.quote and "Power8" in c.quote


def test_the_name_is_answered_without_the_model(fake_index) -> None:
    index, encoder = fake_index
    model = ScriptedGenerator("Sentences: 1\nAnswer: Scale AI has built a version of Meta's Llama model.")
    settings = Settings(judge=False, context_mode="retrieval", min_relevance=0.0)
    answer = assemble_pipeline(settings, model, index, encoder).ask(
        "What military-oriented language model has Scale AI built with Meta's technology?"
    )
    assert answer.answerable and model.calls == []
    assert answer.answer.startswith("Defense Llama [1]")
    c = answer.citations[0]
    assert index.articles[c.article_id].text[c.start : c.end] == c.quote


def test_a_makers_word_alone_does_not_name_its_product() -> None:
    # Held-out round 39, w1022: Apple's desktop operating system is not the Apple TV's; the articles write "Apple"
    # alone and in other names ("Apple CEO Steve Jobs"), so "Apple" alone does not name the Apple TV.
    texts = {
        "a": "Apple also demonstrated its new desktop operating system, Snow Leopard, at the conference.",
        "b": "The Apple TV connects to a television. Apple CEO Steve Jobs showed it.",
    }
    titles = {"a": "Apple launches new iPhone", "b": "Apple introduces Apple TV"}

    def sentences(article_id: str) -> list[Sentence]:
        return sentences_of_text(article_id, texts[article_id])

    naming = Naming(BindingCheck(HashingEncoder(dim=64), sentences, titles))
    pool = sentences("a")
    assert naming.run(frame_question("What operating system does the Apple TV run?"), pool) is None
    found = naming.run(frame_question("What operating system did Apple demonstrate?"), pool)
    assert found is not None and found.name == "Snow Leopard"
