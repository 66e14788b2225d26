"""The configurations, on fakes: closed book, the LlamaIndex baseline, refusal detection, the registry."""

from __future__ import annotations

import pytest

from eval.gold import GoldItem
from eval.llamaindex_baseline import LlamaIndexSystem
from eval.refusal import is_refusal
from eval.systems import REGISTRY, ClosedBookSystem
from index import LoadedIndex
from rag.models import ChatMessage
from rag.settings import Settings
from tests.fakes import HashingEncoder, ScriptedGenerator

pytestmark = pytest.mark.unit

FACT = GoldItem(id="q1", question="Who co-founded Scale AI?", answers=["Lucy Guo"], sources=["a"], answerable=True)
FOLLOWUP = GoldItem(
    id="q2",
    question="Where was it founded?",
    answers=["San Francisco"],
    sources=["a"],
    answerable=True,
    kind="followup",
    history=[ChatMessage(role="user", content="Who founded Scale AI?"), ChatMessage(role="assistant", content="Wang.")],
)


@pytest.mark.parametrize(
    "text",
    [
        "I don't know.",
        "I do not know the answer to that.",
        "The articles do not provide any information about that.",
        "None of the sources mention it.",
        "This is not mentioned in the provided sources.",
        "Empty Response",
        "",
        "I'm not sure.",
    ],
)
def test_refusals(text: str) -> None:
    assert is_refusal(text)


@pytest.mark.parametrize(
    "text",
    [
        "Lucy Guo.",
        "Representatives for Scale and Meta declined to comment [2].",
        "The terms are not finalised and could still change.",
        "The Department of Labor dropped its investigation.",
    ],
)
def test_answers_are_not_refusals(text: str) -> None:
    assert not is_refusal(text)


def test_registry_has_the_five_configurations() -> None:
    assert {"pipeline", "dense", "bm25", "closed_book", "llamaindex"} <= set(REGISTRY)
    base = Settings()
    assert REGISTRY["dense"].settings(base).retrieval_lexical is False
    assert REGISTRY["bm25"].settings(base).retrieval_dense is False
    assert REGISTRY["pipeline"].settings(base) is base
    assert REGISTRY["corpus_nojudge"].settings(base).judge is False
    assert REGISTRY["corpus_nojudge"].settings(base).context_mode == "corpus"


def test_closed_book_asks_directly_and_abstains_by_declining() -> None:
    generator = ScriptedGenerator("Lucy Guo and Alexandr Wang.")
    system = ClosedBookSystem("closed_book", generator, max_tokens=40)
    answer = system.answer(FOLLOWUP)
    assert answer.answerable and answer.citations == [] and answer.context_mode == "closed_book"
    roles = [m["role"] for m in generator.calls[0]]
    assert roles == ["system", "user", "assistant", "user"]  # the history goes in as chat turns
    assert system.rank_articles("anything", 5) is None
    assert not ClosedBookSystem("cb", ScriptedGenerator("I don't know."), 40).answer(FACT).answerable


Hashed = tuple[LoadedIndex, HashingEncoder]


def _llamaindex(hashed_index: Hashed, reply: str) -> tuple[LlamaIndexSystem, ScriptedGenerator]:
    index, encoder = hashed_index
    generator = ScriptedGenerator(reply)
    system = LlamaIndexSystem(
        "llamaindex", list(index.articles.values()), encoder, generator, context_window=4096, max_tokens=100
    )
    return system, generator


def test_llamaindex_citations_are_the_cited_source_nodes(hashed_index: Hashed) -> None:
    system, generator = _llamaindex(hashed_index, "Lucy Guo co-founded it [2]. See also [9].")
    answer = system.answer(FACT)
    assert answer.answerable and [c.n for c in answer.citations] == [2]  # [9] names no source
    (citation,) = answer.citations
    article = hashed_index[0].articles[citation.article_id]
    assert citation.quote and not citation.quote.startswith("Source")
    assert article.text[citation.start : citation.end] == citation.quote
    prompt = generator.calls[0][-1]["content"]
    assert "Source 1:" in prompt and "Query: Who co-founded Scale AI?" in prompt
    assert answer.timings.completion_tokens > 0
    ranked = system.rank_articles("Who co-founded Scale AI?", 5)
    assert ranked is not None and len(ranked) == 5 and set(ranked) <= set(hashed_index[0].articles)


def test_llamaindex_refusal_is_an_abstention(hashed_index: Hashed) -> None:
    system, _ = _llamaindex(hashed_index, "None of the sources are helpful for this question [1].")
    answer = system.answer(FACT)
    assert not answer.answerable and answer.citations == []


def test_llamaindex_followup_condenses_the_question(hashed_index: Hashed) -> None:
    system, generator = _llamaindex(hashed_index, "Where was Scale AI founded?")
    answer = system.answer(FOLLOWUP)
    assert len(generator.calls) == 2  # condense, then answer
    assert "Where was it founded?" in generator.calls[0][-1]["content"]
    assert answer.question == "Where was Scale AI founded?"
