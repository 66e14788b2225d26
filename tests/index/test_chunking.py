import itertools

import pytest

from index import Article, ChunkerConfig, chunk_article, load_articles, split_sentences
from tests.conftest import ARTICLES

pytestmark = pytest.mark.unit


def _article(text: str) -> Article:
    return Article(article_id="a", title="t", text=text, content_hash="h")


@pytest.fixture(scope="module")
def corpus() -> list[Article]:
    return load_articles(ARTICLES).articles


def test_every_chunk_slices_back_exactly(corpus: list[Article]) -> None:
    for article in corpus:
        chunks = chunk_article(article)
        assert chunks
        for chunk in chunks:
            assert article.text[chunk.start : chunk.end] == chunk.text
            assert chunk.article_id == article.article_id and chunk.title == article.title


def test_chunks_cover_the_whole_article(corpus: list[Article]) -> None:
    for article in corpus:
        covered: set[int] = set()
        for chunk in chunk_article(article):
            covered.update(range(chunk.start, chunk.end))
        for s in split_sentences(article):
            assert set(range(s.start, s.end)) <= covered


def test_chunks_respect_the_budget_and_overlap(corpus: list[Article]) -> None:
    config = ChunkerConfig(chunk_tokens=64, overlap_sentences=1)
    for article in corpus:
        chunks = chunk_article(article, config)
        for chunk in chunks:
            # A single over-long sentence may exceed the budget; packed ones may not.
            assert len(chunk.text) <= config.max_chars or len(split_sentences(_article(chunk.text))) == 1
        for prev, nxt in itertools.pairwise(chunks):
            if len(split_sentences(_article(prev.text))) > 1:
                assert nxt.start < prev.end, "neighbouring chunks share a sentence"
            else:
                assert nxt.start > prev.start, "a one-sentence chunk is followed by the next sentence"


def test_chunk_ids_are_stable_and_unique(corpus: list[Article]) -> None:
    for article in corpus:
        first = [c.chunk_id for c in chunk_article(article)]
        assert first == [c.chunk_id for c in chunk_article(article)]
        assert len(set(first)) == len(first)


def test_editing_one_sentence_keeps_other_chunk_ids() -> None:
    sentences = [f"Sentence number {i} talks about Scale AI and Meta at some length here." for i in range(30)]
    before = chunk_article(_article(" ".join(sentences)), ChunkerConfig(chunk_tokens=32, overlap_sentences=0))
    sentences[-1] = "A changed ending."
    text = " ".join(sentences)
    after = chunk_article(_article(text), ChunkerConfig(chunk_tokens=32, overlap_sentences=0))
    changed_at = text.index("A changed ending.")
    untouched = [c.chunk_id for c in after if c.end <= changed_at]
    assert len(untouched) >= len(before) - 2
    assert untouched == [c.chunk_id for c in before[: len(untouched)]]
    assert after[-1].chunk_id not in {c.chunk_id for c in before}


def test_sentence_split_respects_abbreviations() -> None:
    article = _article("Microsoft Corp. and the U.S. Department of Labor met. Scale grew to US$870 million. It rose.")
    texts = [s.text for s in split_sentences(article)]
    assert texts == [
        "Microsoft Corp. and the U.S. Department of Labor met.",
        "Scale grew to US$870 million.",
        "It rose.",
    ]


def test_decimal_numbers_do_not_split() -> None:
    texts = [s.text for s in split_sentences(_article("It is US$10 billion (RM42.34 billion) in value. Next."))]
    assert texts == ["It is US$10 billion (RM42.34 billion) in value.", "Next."]


def test_bad_config_is_rejected() -> None:
    with pytest.raises(ValueError):
        ChunkerConfig(chunk_tokens=4)
