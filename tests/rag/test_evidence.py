"""The sentences shown in retrieval mode: an article's sentences together, its title once above them."""

from __future__ import annotations

import pytest

from index import SearchHit, Sentence
from rag.models import Evidence
from rag.prompts import answer_messages, format_evidence
from rag.stages.evidence import EvidenceSelector

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


def test_without_the_sentences_line_the_answer_is_the_same_and_streams_from_its_first_token(fake_index) -> None:
    from rag.prompts import SYSTEM, SYSTEM_INLINE
    from rag.runtime import assemble_pipeline
    from rag.settings import Settings
    from tests.fakes import ScriptedGenerator, as_fake
    from tests.rag.test_pipeline import _evidence_with

    index, encoder = fake_index
    question = "How much revenue did Scale AI make last year?"

    def reply(messages) -> str:
        n = _evidence_with(messages, "870 million")
        claim = f"Scale AI made US$870 million in revenue last year [{n}]."
        return f"Sentences: {n}\nAnswer: {claim}" if messages[0]["content"] == SYSTEM else f"Answer: {claim}"

    answers, streams, systems = [], [], []
    for line in (True, False):
        settings = Settings(support_threshold=0.2, min_relevance=0.0, judge=False, sentences_line=line)
        pipeline = assemble_pipeline(settings, ScriptedGenerator(reply), index, encoder)
        pieces: list[str] = []
        answers.append(pipeline.ask(question, on_token=pieces.append).model_dump(exclude={"timings"}))
        streams.append(pieces)
        systems.append(as_fake(pipeline.generator, ScriptedGenerator).calls[-1][0]["content"])
    assert answers[0]["answerable"] and answers[0] == answers[1]
    assert systems == [SYSTEM, SYSTEM_INLINE]
    assert streams[0][0].startswith("Scale") and streams[1][0].startswith("Scale"), streams
