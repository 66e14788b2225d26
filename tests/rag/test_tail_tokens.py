"""Fewer tokens before the first answer token: clipped corpus-mode hints (RAG_CORPUS_HINT_WORDS) and hints that point
at a numbered sentence (RAG_CORPUS_HINT_STYLE=pointer); fewer after it: an answer asked for in a few words
(RAG_CORPUS_TERSE)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from index import Article, Sentence
from rag.models import Evidence
from rag.prompts import TERSE, clip_hint, corpus_messages, corpus_system, number_sentences
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


# -- RAG_CORPUS_HINT_STYLE=pointer: a hint is the number of its sentence in the cached collection ------------------


def test_pointer_hints_name_the_numbered_sentence_and_the_answer_is_the_same(
    tmp_path: Path, fake_index, model_file: Path
) -> None:
    reply = "Scale AI made US$870 million in revenue last year."
    question = "How much revenue did Scale AI make last year?"
    answers, users, systems, new_tokens = [], [], [], []
    for style in ("sentence", "pointer"):
        pipeline = _corpus_pipeline(
            tmp_path / style, fake_index, model_file, reply, corpus_hints=2, corpus_hint_style=style
        )
        answer = pipeline.ask(question)
        answers.append(answer.model_dump(exclude={"timings"}))
        system, user = as_fake(pipeline.generator, PrefixCachingFake).calls[-1]
        systems.append(system["content"])
        users.append(user["content"])
        new_tokens.append(answer.timings.prompt_tokens - answer.timings.cached_prompt_tokens)
    assert answers[0] == answers[1], "the verifier, not the hint, decides the Answer"
    assert new_tokens[1] < new_tokens[0]
    pointed = re.fullmatch(
        rf"Sentences that may help: \[(\d+)\], \[(\d+)\]\n\nQuestion: {re.escape(question)}", users[1]
    )
    assert pointed, users[1]
    # Each number stands before the very sentence the text style repeats, on its own line of the collection.
    shown = [line.split("] ", 1)[1] for line in users[0].splitlines() if line.startswith("[")]
    for number, sentence in zip(pointed.groups(), shown, strict=True):
        assert f"\n[{number}] {sentence}\n" in systems[1] + "\n"
    assert systems[0] != systems[1] and "\n[1] " not in systems[0]


def test_number_sentences_counts_through_the_collection_in_order() -> None:
    articles = [
        Article(article_id="a", title="A", text="Alpha rose. Beta fell.", content_hash="a"),
        Article(article_id="b", title="B", text="Gamma held.", content_hash="b"),
    ]
    numbers = number_sentences(articles)
    assert numbers == {("a", "Alpha rose."): 1, ("a", "Beta fell."): 2, ("b", "Gamma held."): 3}
    system = corpus_system(articles, numbers)
    assert "[a] A\n[1] Alpha rose.\n[2] Beta fell.\n\n[b] B\n[3] Gamma held." in system


def test_a_hint_the_numbering_lacks_is_shown_whole() -> None:
    sentence = Sentence(article_id="a", start=0, end=11, text="Alpha rose.")
    hint = Evidence(n=1, sentence=sentence, chunk_id="a-0", title="A", date=None, score=0.9)
    user = corpus_messages("system", "Did Alpha rise?", [hint], numbers={("a", "Beta fell."): 2})[-1]["content"]
    assert user == "Sentences that may help:\n[1] Alpha rose.\n\nQuestion: Did Alpha rise?"
    pointed = corpus_messages("system", "Did Alpha rise?", [hint], numbers={("a", "Alpha rose."): 7})[-1]["content"]
    assert pointed == "Sentence that may help: [7]\n\nQuestion: Did Alpha rise?"


def test_a_second_try_shows_its_sentences_whole(tmp_path: Path, fake_index, model_file: Path) -> None:
    pipeline = _corpus_pipeline(tmp_path, fake_index, model_file, "NOT FOUND", corpus_hint_style="pointer")
    question = "How much revenue did Scale AI make last year?"
    evidence = pipeline.stages.selector.run(question, pipeline.stages.retriever.search(question, k=4))
    first = pipeline.stages.drafter.run(question, evidence)
    again = pipeline.stages.drafter.run(question, evidence, hints=1)
    assert first.messages[-1]["content"].startswith("Sentence that may help: [")
    assert again.messages[-1]["content"].startswith(f"Sentences that may help:\n[1] {evidence[0].sentence.text}")


# -- RAG_CORPUS_TERSE: the answer asked for in a few words, after the question --------------------------------------


def test_a_terse_answer_is_asked_after_the_question_and_the_collection_stays_cached(
    tmp_path: Path, fake_index, model_file: Path
) -> None:
    question = "How much revenue did Scale AI make last year?"
    answers, calls = [], []
    for terse, reply in ((False, "Scale AI made US$870 million in revenue last year."), (True, "US$870 million")):
        pipeline = _corpus_pipeline(tmp_path / str(terse), fake_index, model_file, reply, corpus_terse=terse)
        answers.append(pipeline.ask(question))
        calls.append([m["content"] for m in as_fake(pipeline.generator, PrefixCachingFake).calls[-1]])
    (plain_system, plain_user), (terse_system, terse_user) = calls
    assert terse_system == plain_system, "the cached collection and its rules are the same prompt either way"
    assert plain_user.endswith(f"Question: {question}")
    assert terse_user == f"{plain_user}\n{TERSE}"
    # Both drafts are verified against the same sentence, and both are cited to it.
    assert [a.answerable for a in answers] == [True, True]
    assert "870 million" in answers[1].answer
    assert [c.quote for c in answers[0].citations] == [c.quote for c in answers[1].citations]
