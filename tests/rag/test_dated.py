"""The reports of an asked day shown beside the search's best passages (rag.stages.dated)."""

from __future__ import annotations

from pathlib import Path

import pytest

from index import HybridRetriever, LoadedIndex, RetrieverConfig
from rag.runtime import assemble_pipeline
from rag.stages.dated import DatedSearch
from tests.fakes import HashingEncoder, ScriptedGenerator, articles_index, as_fake, gate_settings

# Three reports of other days use the question's words more than the one report of 7 October does: the search
# ranks them first (Wikinews w301 and w302 were such questions). Ranked by relevance alone (``mmr_lambda`` 1), as
# the near-copies here would otherwise make diversity, not the day, bring the 7 October report in.
_ARTICLES = {
    f"oct{day}.txt": f" date 2008-10-{day} Bank shares fall on world markets\n\n"
    f"Bank of America shares fell on world markets in the 2008 crisis as bank shares fall. "
    f"Bank of America shares fell {pct}% today."
    for day, pct in (("13", "3.1"), ("15", "4.2"), ("16", "5.3"))
} | {
    "oct7.txt": " date 2008-10-07 Stock markets worldwide continue to fall\n\n"
    "The Dow Jones index continued to fall today in the 2008 crisis. Among banks, Bank of America lost 7.9%.",
}
_ASKED = "How far did Bank of America shares fall on 7 October 2008?"


@pytest.fixture
def dated_index(tmp_path: Path) -> tuple[LoadedIndex, HashingEncoder]:
    return articles_index(tmp_path, _ARTICLES)


def _search(index: LoadedIndex, encoder: HashingEncoder) -> tuple[HybridRetriever, DatedSearch]:
    retriever = HybridRetriever(index, encoder, RetrieverConfig(mmr_lambda=1.0))
    return retriever, DatedSearch(retriever, {a.article_id: a.date for a in index.articles.values()})


def test_the_asked_days_report_is_shown_where_the_search_ranked_others_first(dated_index) -> None:
    retriever, dated = _search(*dated_index)
    hits = retriever.search(_ASKED, k=2)
    assert all(h.chunk.article_id != "oct7" for h in hits), "the case: the search alone misses the day's report"
    shown = dated.run(_ASKED, hits, k=2)
    assert len(shown) == 2
    assert shown[0] == hits[0], "the best passage stays first"
    assert any("lost 7.9%" in h.chunk.text for h in shown)


def test_the_report_of_the_day_after_counts_as_the_days(dated_index) -> None:
    retriever, dated = _search(*dated_index)
    asked = _ASKED.replace("7 October", "6 October")
    shown = dated.run(asked, retriever.search(asked, k=2), k=2)
    assert any(h.chunk.article_id == "oct7" for h in shown)


def test_the_hits_are_left_alone_without_a_day_or_a_report_of_it(dated_index) -> None:
    retriever, dated = _search(*dated_index)
    undated = "How far did Bank of America shares fall in October 2008?"
    hits = retriever.search(undated, k=2)
    assert dated.run(undated, hits, k=2) == hits
    no_report = _ASKED.replace("7 October", "1 October")
    hits = retriever.search(no_report, k=2)
    assert dated.run(no_report, hits, k=2) == hits
    # The request's filters leave the day's report out: it is not brought back.
    hits = retriever.search(_ASKED, k=2, allowed={"oct13", "oct15"})
    assert dated.run(_ASKED, hits, k=2, allowed={"oct13", "oct15"}) == hits


def test_a_first_hit_of_the_day_leaves_the_search_as_it_is(dated_index) -> None:
    retriever, dated = _search(*dated_index)
    asked = _ASKED.replace("7 October", "15 October")
    hits = retriever.search(asked, k=2)
    if hits[0].chunk.article_id not in {"oct15", "oct16"}:
        pytest.fail(f"the case needs the 15 or 16 October report first, got {hits[0].chunk.article_id}")
    assert dated.run(asked, hits, k=2) == hits


def test_the_best_passage_is_never_given_up(dated_index) -> None:
    retriever, dated = _search(*dated_index)
    hits = retriever.search(_ASKED, k=1)
    assert dated.run(_ASKED, hits, k=1) == hits


def test_extra_must_be_positive(dated_index) -> None:
    index, encoder = dated_index
    with pytest.raises(ValueError):
        DatedSearch(HybridRetriever(index, encoder), {}, extra=0)


@pytest.mark.parametrize("on", [True, False])
def test_the_pipeline_shows_the_days_report_to_the_model(dated_index, on: bool) -> None:
    index, encoder = dated_index
    pipeline = assemble_pipeline(
        gate_settings(top_k=2, mmr_lambda=1.0, dated_search=on, gather=False),
        ScriptedGenerator("unused"),
        index,
        encoder,
    )
    pipeline.generator = pipeline.stages.drafter.generator = ScriptedGenerator(
        "Sentences: 1\nAnswer: Bank of America lost 7.9%."
    )
    pipeline.ask(_ASKED)
    prompt = as_fake(pipeline.generator, ScriptedGenerator).calls[0][-1]["content"]
    assert ("lost 7.9%" in prompt) is on
