"""What every cited answer owes its reader, checked the same way wherever a test gets one."""

from __future__ import annotations

from index import LoadedIndex
from rag import Answer


def assert_cited(answer: Answer, index: LoadedIndex, *, at_least: int = 1) -> None:
    """The citations are numbered 1..n, each number is in the answer's text, and each quote is its article's text
    at its offsets exactly."""
    numbers = [c.n for c in answer.citations]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= at_least, numbers
    for c in answer.citations:
        assert f"[{c.n}]" in answer.answer, (c.n, answer.answer)
        assert index.articles[c.article_id].text[c.start : c.end] == c.quote
