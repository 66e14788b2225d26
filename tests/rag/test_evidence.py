"""The sentences shown in retrieval mode: an article's sentences together, its title once above them."""

from __future__ import annotations

import pytest

from index import SearchHit, Sentence
from rag.models import Evidence
from rag.prompts import answer_messages, format_evidence
from rag.stages.draft import Drafter
from rag.stages.evidence import EvidenceSelector
from tests.fakes import ScriptedGenerator

pytestmark = pytest.mark.unit

QUESTION = "How much revenue did Scale AI make last year, and what is Meta investing?"


def _interleaved_hits(index) -> list[SearchHit]:
    """Chunks of two articles taken in turn, as a fused ranking mixes them."""
    by_article: dict[str, list] = {}
    for chunk in index.chunks:
        by_article.setdefault(chunk.article_id, []).append(chunk)
    first, second = [chunks[:3] for chunks in list(by_article.values())[:2]]
    mixed = [c for pair in zip(first, second, strict=True) for c in pair]
    return [SearchHit(chunk=c, score=1.0 / (i + 1)) for i, c in enumerate(mixed)]


def test_an_articles_sentences_are_shown_together_best_article_first(fake_index) -> None:
    index, encoder = fake_index
    hits = _interleaved_hits(index)
    evidence = EvidenceSelector(index, encoder, max_sentences=6).run(QUESTION, hits)
    best = EvidenceSelector(index, encoder, max_sentences=1).run(QUESTION, hits)
    assert [e.n for e in evidence] == list(range(1, len(evidence) + 1))
    assert evidence[0].sentence == best[0].sentence, "the best sentence is still [1]"
    articles = [e.sentence.article_id for e in evidence]
    runs = [a for i, a in enumerate(articles) if i == 0 or articles[i - 1] != a]
    assert len(runs) == len(set(articles)) == 2, f"each article's sentences in one run: {articles}"


def _evidence(n: int, article: str, title: str, text: str, date: str | None) -> Evidence:
    sentence = Sentence(article_id=article, start=n * 100, end=n * 100 + len(text), text=text)
    return Evidence(n=n, sentence=sentence, chunk_id=f"{article}:0", title=title, date=date, score=0.5)


EVIDENCE = [
    _evidence(1, "a", "Meta in talks with Scale AI", "Scale AI made $870 million.", "2025-06-10"),
    _evidence(2, "a", "Meta in talks with Scale AI", "It expects $2 billion.", "2025-06-10"),
    _evidence(3, "b", "Meta considers a multibillion-dollar Scale AI investment", "Talks are early.", None),
]


def test_each_articles_title_is_written_once_above_its_sentences() -> None:
    assert format_evidence(EVIDENCE).splitlines() == [
        "(Meta in talks with Scale AI, 2025-06-10)",
        "[1] Scale AI made $870 million.",
        "[2] It expects $2 billion.",
        "(Meta considers a multibillion-dollar Scale AI…)",
        "[3] Talks are early.",
    ]
    assert format_evidence(EVIDENCE, sources=False).splitlines() == [
        "[1] Scale AI made $870 million.",
        "[2] It expects $2 billion.",
        "[3] Talks are early.",
    ]


def test_an_article_met_again_after_another_is_named_again() -> None:
    # The selector keeps an article's sentences together; a caller that does not still gets every sentence
    # under its own title.
    lines = format_evidence([EVIDENCE[0], EVIDENCE[2], EVIDENCE[1]]).splitlines()
    assert lines[0] == lines[4] == "(Meta in talks with Scale AI, 2025-06-10)"
    assert lines[5] == "[2] It expects $2 billion."


def test_the_answer_prompt_holds_the_question_after_the_sentences() -> None:
    user = answer_messages("What did Scale AI make?", EVIDENCE)[-1]["content"]
    assert user.endswith("Question: What did Scale AI make?")
    assert user.count("(Meta in talks with Scale AI, 2025-06-10)") == 1


@pytest.mark.parametrize(
    ("question", "dated"),
    [
        ("When did Scale AI say it expects $2 billion?", True),
        ("What did Scale AI make in 2024?", True),
        ("Which contractors did Meta team up with in November?", True),
        ("What is the latest report of Scale AI's revenue?", True),
        ("How much revenue does Scale AI expect?", False),
        ("Who leads Scale AI?", False),
    ],
)
def test_the_drafts_prompt_dates_its_articles_only_for_a_question_about_time(question: str, dated: bool) -> None:
    model = ScriptedGenerator("Sentences: 1\nAnswer: Scale AI made $870 million [1].")
    Drafter(model, max_tokens=32, corpus=None, corpus_hints=0).run(question, EVIDENCE)
    user = model.calls[-1][-1]["content"]
    assert "(Meta in talks with Scale AI" in user, "the title is always shown"
    assert ("2025-06-10" in user) == dated
    Drafter(model, max_tokens=32, corpus=None, corpus_hints=0, all_dates=True).run(question, EVIDENCE)
    assert "(Meta in talks with Scale AI, 2025-06-10)" in model.calls[-1][-1]["content"]
