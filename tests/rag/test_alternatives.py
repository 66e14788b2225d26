"""A yes/no question that offers two figures: each looked up in the articles, both reported where both are stated."""

from __future__ import annotations

import pytest

from index import ChunkerConfig, Sentence
from rag import Settings
from rag.runtime import assemble_pipeline
from rag.stages.alternatives import AlternativeReader, asked_alternatives
from rag.stages.binding import BindingCheck, common_words
from rag.stages.frame import frame_question
from rag.stages.gather import Gatherer
from tests.fakes import HashingEncoder, ScriptedGenerator, articles_index, sentences_of_text

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("question", "offered"),
    [
        ("Is Meta's Scale AI deal reported as more than $10 billion or as up to $15 billion?", [1e10, 1.5e10]),
        ("Did Airbus have 149 or 144 orders for the A380 in 2005?", [149, 144]),
        # Not a choice between two figures: one figure, a choice of two events, a wh-question, or one value twice.
        ("Has Meta already launched its Meta AI app, or is it still being built?", None),
        ("How much is it, $10 billion or $15 billion?", None),
        ("Was GM's aid $13.4 billion, and did it seek $16.6 billion or more?", None),
        ("Is it $10 billion or US$10 billion?", None),
    ],
)
def test_the_two_figures_a_question_offers(question: str, offered: list[float] | None) -> None:
    asked = asked_alternatives(question)
    assert (None if asked is None else [a.value for a in asked]) == offered


ARTICLES = {
    "a": "Meta is in talks to invest in Scale AI. The investment could exceed $10 billion, people said.",
    "b": "Meta may invest up to $15 billion in Scale AI. Scale AI was valued at $14 billion in 2024.",
    "c": "Scale AI made US$870 million in revenue last year and expects US$2 billion in 2025.",
    "d": "OpenAI was valued at $15 billion.",
}
TITLES = {"a": "Meta in talks on Scale AI", "b": "Meta and Scale AI", "c": "Scale AI revenue", "d": "OpenAI"}


def _reader() -> tuple[AlternativeReader, list[Sentence]]:
    pool = [s for k, v in ARTICLES.items() for s in sentences_of_text(k, v)]
    binding = BindingCheck(
        HashingEncoder(dim=64),
        lambda a: [s for s in pool if s.article_id == a],
        TITLES,
        common=common_words(ARTICLES.values()),
    )
    return AlternativeReader(Gatherer(binding, {"c": "2025-06-10"})), pool


def test_both_figures_stated_by_different_reports_are_a_disagreement() -> None:
    reader, pool = _reader()
    question = "Is Meta's investment in Scale AI reported as more than $10 billion or as up to $15 billion?"
    offered = reader.run(frame_question(question), pool)
    assert offered is not None and offered.conflict and offered.family == "investment"
    assert [(g.value, sorted(g.articles)) for g in offered.groups] == [(1e10, ["a"]), (1.5e10, ["b"])]


def test_a_figure_not_stated_of_the_subject_leaves_the_question_to_the_draft() -> None:
    reader, pool = _reader()
    # OpenAI's $15 billion valuation is not Scale AI's, and no article gives Scale AI $20 billion.
    assert reader.run(frame_question("Was Scale AI valued at $14 billion or at $15 billion?"), pool) is None
    assert reader.run(frame_question("Is the Scale AI investment $10 billion or $20 billion?"), pool) is None

    # US$2 billion is 2025's revenue, not 2024's: the answer is the other figure alone.
    asked_2024 = reader.run(
        frame_question("Is Scale AI's 2024 revenue reported as $870 million or as $2 billion?"), pool
    )
    assert asked_2024 is not None and not asked_2024.conflict
    assert [g.value for g in asked_2024.groups] == [870e6]


def test_two_figures_given_as_different_attributes_are_no_choice() -> None:
    reader, pool = _reader()
    # $14 billion is the valuation, $15 billion the investment: no report gives either as the other.
    assert reader.run(frame_question("Is Meta's Scale AI deal $14 billion or up to $15 billion?"), pool) is None


def test_the_pipeline_reports_both_figures_cited_without_the_model(fake_index) -> None:
    index, encoder = fake_index
    model = ScriptedGenerator("Sentences: 1\nAnswer: More than $10 billion.")
    settings = Settings(judge=False, context_mode="retrieval", gather_passages=200, min_relevance=0.0)
    pipeline = assemble_pipeline(settings, model, index, encoder)
    answer = pipeline.ask("Is Meta's Scale AI deal reported as more than $10 billion or as up to $15 billion?")
    assert answer.answerable and model.calls == []
    assert {1e10, 1.5e10} <= {v.amount for v in answer.values} and all(v.citations for v in answer.values)
    for c in answer.citations:
        assert index.articles[c.article_id].text[c.start : c.end] == c.quote
    # With gathering off, the draft answers as before.
    off = assemble_pipeline(settings.model_copy(update={"gather": False}), model, index, encoder)
    off.ask("Is Meta's Scale AI deal reported as more than $10 billion or as up to $15 billion?")
    assert model.calls


def test_outside_corpus_mode_each_figure_is_also_searched_by_its_own_words(tmp_path) -> None:
    # The question's words retrieve one report; the other figure's article is found by its own words.
    filler = " ".join(f"Dealers reported quiet trading on day {n} of the month." for n in range(12))
    index, encoder = articles_index(
        tmp_path,
        {
            "seek.md": "# GM seeks more federal aid\n\nGeneral Motors said it seeks more federal aid and was reported "
            "to have received $13.4 billion in federal aid so far.",
            "loss.md": f"# GM reports losses\n\nGeneral Motors reported a loss. {filler} The manufacturer has received "
            "over $15 billion in bailout money.",
        },
        ChunkerConfig(chunk_tokens=24, overlap_sentences=0),
    )
    question = "Was General Motors' federal aid reported as $13.4 billion or as over $15 billion?"
    settings = Settings(judge=False, context_mode="retrieval", gather_passages=1, min_relevance=0.0)
    model = ScriptedGenerator("Sentences: none\nAnswer: NOT FOUND")
    pipeline = assemble_pipeline(settings, model, index, encoder)
    assert not any("$15" in h.chunk.text for h in pipeline.stages.retriever.search(question, k=1))
    answer = pipeline.ask(question)
    assert answer.conflict and {v.amount for v in answer.values} == {13.4e9, 15e9}, answer
    assert model.calls == []
