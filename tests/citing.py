"""What every cited answer owes its reader, checked the same way wherever a test gets one."""

from __future__ import annotations

from index import LoadedIndex
from rag import Answer
from tests.fakes import ScriptedGenerator


def assert_cited(answer: Answer, index: LoadedIndex, *, at_least: int = 1) -> None:
    """The citations are numbered 1..n, each number is in the answer's text, and each quote is its article's text
    at its offsets exactly."""
    numbers = [c.n for c in answer.citations]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= at_least, numbers
    for c in answer.citations:
        assert f"[{c.n}]" in answer.answer, (c.n, answer.answer)
        assert index.articles[c.article_id].text[c.start : c.end] == c.quote


def assert_read_off_the_articles(
    answer: Answer, model: ScriptedGenerator, index: LoadedIndex, *, opening: str, quoted: str
) -> None:
    """An answer a model-free stage read: no draft was asked for, the answer opens with ``opening`` and is cited
    to one sentence that holds ``quoted``."""
    assert answer.answerable and answer.answer.startswith(opening), answer.answer
    assert not model.calls, "no draft: the answer is read off the articles"
    assert_cited(answer, index)
    (citation,) = answer.citations
    assert quoted in citation.quote, citation.quote
