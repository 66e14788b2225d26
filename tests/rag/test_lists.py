"""A list asked of the whole collection: items gathered from every article, de-duplicated, each cited."""

from __future__ import annotations

import pytest

from index import Sentence
from rag import Settings
from rag.runtime import assemble_pipeline
from rag.stages.binding import BindingCheck
from rag.stages.cite import CitationRenderer
from rag.stages.frame import frame_question
from rag.stages.lists import ListGatherer, asked_kind
from tests.fakes import HashingEncoder, ScriptedGenerator, sentences_of_text

pytestmark = pytest.mark.unit

TEXTS = {
    "a": "Meta is expanding into defence work. The company teamed up with the defence contractors Booz Allen and "
    "Lockheed Martin on the initiatives.",
    "b": "Last week, Meta announced a partnership with defence contractor Anduril Industries Inc to build a helmet.",
    "c": "Meta and Scale deepened their ties through collaborations with military contractors like Anduril "
    "Industries. Meta has also let defence contractors use its AI models.",
}


def _sentences(article_id: str) -> list[Sentence]:
    return sentences_of_text(article_id, TEXTS[article_id])


ALL = [s for a in TEXTS for s in _sentences(a)]
TITLES = {"a": "Meta's defence push", "b": "Meta and Anduril", "c": "Scale and Meta"}


def _lister() -> ListGatherer:
    return ListGatherer(BindingCheck(HashingEncoder(dim=64), _sentences, TITLES))


def test_items_are_gathered_across_articles_and_named_once() -> None:
    frame = frame_question("Which defence contractors has Meta worked with, across all the reports?")
    listed = _lister().run(frame, ALL)
    assert listed is not None and listed.decides
    assert [i.text for i in listed.items] == ["Booz Allen", "Lockheed Martin", "Anduril Industries"]
    anduril = listed.items[2]
    assert anduril.articles == {"b", "c"}  # "Anduril Industries Inc" and "Anduril Industries" are one
    assert "AI" not in {i.text for i in listed.items}  # "its AI models" names no contractor


def test_every_item_is_cited_to_an_exact_sentence() -> None:
    frame = frame_question("Which defence contractors has Meta worked with, across all the reports?")
    listed = _lister().run(frame, ALL)
    assert listed is not None
    text, citations, items = CitationRenderer(TITLES).listing(listed, [])
    assert text.startswith("The articles name these defence contractors: Booz Allen [1]")
    assert [i.text for i in items] == ["Booz Allen", "Lockheed Martin", "Anduril Industries"]
    for item in items:
        assert item.citations and all(item.text.split()[0] in citations[n - 1].quote for n in item.citations)
    for c in citations:
        assert TEXTS[c.article_id][c.start : c.end] == c.quote


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Which defence contractors has Meta worked with, across all the reports?", "defence contractors"),
        ("List every customer of Scale AI that the articles name.", "customer"),
        # One event's contractors, not every one: the usual path answers.
        ("Which defence contractors did Meta team up with in November?", None),
        ("Besides Booz Allen, which contractors has Meta worked with across all reports?", None),
    ],
)
def test_which_questions_ask_for_a_whole_list(question: str, kind: str | None) -> None:
    assert asked_kind(frame_question(question)) == kind


def test_every_customer_through_the_pipeline(fake_index) -> None:
    index, encoder = fake_index
    model = ScriptedGenerator("Sentences: 1\nAnswer: Microsoft and OpenAI.")
    settings = Settings(judge=False, context_mode="retrieval", gather_passages=200, min_relevance=0.0)
    answer = assemble_pipeline(settings, model, index, encoder).ask(
        "List every customer of Scale AI that the articles name."
    )
    assert answer.answerable and model.calls == []
    assert {"Microsoft", "OpenAI", "Cohere", "Etsy"} <= {i.text for i in answer.items}
    assert answer.answer.startswith("The articles name these customers: ")
    for c in answer.citations:
        assert index.articles[c.article_id].text[c.start : c.end] == c.quote
