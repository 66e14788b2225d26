"""RAG_CORPUS_HINT_WORDS: shorter corpus-mode hints, fewer tokens before the first answer token."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.prompts import clip_hint
from tests.fakes import PrefixCachingFake, as_fake
from tests.rag.test_corpus import _corpus_pipeline
from tests.rag.test_corpus import model_file as model_file  # the fixture

pytestmark = pytest.mark.unit

SENTENCE = (
    "According to people familiar with the matter, the company generated about US$870 million in revenue "
    "last year and expects more than $2 billion this year, a figure that has drawn investors."
)


def test_the_window_keeps_the_words_the_question_asks_about() -> None:
    clipped = clip_hint(SENTENCE, "How much revenue did Scale AI make last year?", 8)
    assert clipped.startswith("…") and clipped.endswith("…")
    assert len(clipped.strip("…").split()) == 8
    assert "revenue" in clipped and "last year" in clipped


def test_short_sentences_and_zero_are_left_whole() -> None:
    assert clip_hint("Scale AI was founded in 2016.", "When was Scale AI founded?", 8) == (
        "Scale AI was founded in 2016."
    )
    assert clip_hint(SENTENCE, "How much revenue?", 0) == SENTENCE


def test_no_shared_word_keeps_the_start() -> None:
    clipped = clip_hint(SENTENCE, "Who?", 5)
    assert clipped == "According to people familiar with…"


def test_clipped_hints_shorten_the_prompt_and_the_answer_is_the_same(
    tmp_path: Path, fake_index, model_file: Path
) -> None:
    reply = "Scale AI made US$870 million in revenue last year."
    question = "How much revenue did Scale AI make last year?"
    answers, users, new_tokens = [], [], []
    for words in (0, 6):
        pipeline = _corpus_pipeline(
            tmp_path / str(words), fake_index, model_file, reply, corpus_hints=2, corpus_hint_words=words
        )
        answer = pipeline.ask(question)
        answers.append(answer.model_dump(exclude={"timings"}))
        users.append(as_fake(pipeline.generator, PrefixCachingFake).calls[-1][-1]["content"])
        new_tokens.append(answer.timings.prompt_tokens - answer.timings.cached_prompt_tokens)
    whole, clipped = users
    assert answers[0] == answers[1], "the verifier, not the hint, decides the Answer"
    assert new_tokens[1] < new_tokens[0]
    hint_lines = [line for line in clipped.splitlines() if line.startswith("[")]
    assert len(hint_lines) == 2
    assert all(len(line.split(" ", 1)[1].strip("…").split()) <= 6 for line in hint_lines)
    assert clipped.endswith(f"Question: {question}") and whole.endswith(f"Question: {question}")
