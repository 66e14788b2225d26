"""The answer pipeline with a scripted model and a hashing encoder: every rule, deterministically."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rag import ABSTAIN_MESSAGE, ChatMessage, InvalidQuestionError, Settings
from rag.pipeline import AnswerPipeline
from rag.prompts import SYSTEM
from rag.runtime import assemble_pipeline
from tests.fakes import ScriptedGenerator, as_fake

pytestmark = pytest.mark.unit


def _pipeline(fake_index, reply, judge=None, **settings) -> AnswerPipeline:
    index, encoder = fake_index
    defaults = {"support_threshold": 0.2, "min_relevance": 0.0, "judge": judge is not None}
    return assemble_pipeline(
        Settings(**{**defaults, **settings}), ScriptedGenerator(reply), index, encoder, judge=judge
    )


def _evidence_with(messages, needle: str) -> int:
    """The number the prompt gave the sentence containing ``needle``."""
    for line in messages[-1]["content"].splitlines():
        m = re.match(r"\[(\d+)\] (.*)", line)
        if m and needle in m.group(2):
            return int(m.group(1))
    raise AssertionError(f"{needle!r} was not shown to the model")


def test_supported_answer_is_cited_with_exact_quotes(fake_index) -> None:
    def reply(messages):
        n = _evidence_with(messages, "870 million")
        return f"Sentences: {n}\nAnswer: Scale AI made US$870 million in revenue last year [{n}]."

    pipeline = _pipeline(fake_index, reply)
    answer = pipeline.ask("How much revenue did Scale AI make last year?")
    assert answer.answerable
    assert "870 million" in answer.answer and "[1]" in answer.answer
    assert answer.citations and all(c.supported for c in answer.citations)
    for c in answer.citations:
        assert pipeline.index.articles[c.article_id].text[c.start : c.end] == c.quote
        assert c.chunk_id.startswith(c.article_id)
    assert answer.timings.prompt_tokens > 0 and answer.timings.total_ms >= answer.timings.generate_ms


def test_citation_is_repointed_to_the_supporting_sentence(fake_index) -> None:
    def reply(messages):
        wrong = _evidence_with(messages, "Defense") if "Defense" in messages[-1]["content"] else 6
        return f"Sentences: {wrong}\nAnswer: Scale AI made US$870 million in revenue last year [{wrong}]."

    answer = _pipeline(fake_index, reply).ask("How much revenue did Scale AI make last year?")
    assert answer.answerable
    assert all("870 million" in c.quote for c in answer.citations[:1])


def test_model_decline_abstains(fake_index) -> None:
    answer = _pipeline(fake_index, "Sentences: none\nAnswer: NOT FOUND").ask("What is Scale AI's ticker?")
    assert not answer.answerable and answer.answer == ABSTAIN_MESSAGE and answer.citations == []


def test_invented_figure_abstains(fake_index) -> None:
    answer = _pipeline(fake_index, "Sentences: 1\nAnswer: Scale AI has 1,200 employees [1].").ask(
        "How many employees does Scale AI have?"
    )
    assert not answer.answerable and answer.citations == []


def test_nothing_relevant_abstains_without_calling_the_model(fake_index) -> None:
    pipeline = _pipeline(fake_index, "Sentences: 1\nAnswer: whatever", min_relevance=0.99)
    answer = pipeline.ask("zzz qqq xxx")
    assert not answer.answerable
    assert as_fake(pipeline.generator, ScriptedGenerator).calls == []


def test_who_is_a_name_a_found_sentence_writes_is_not_refused_as_about_nothing(fake_index) -> None:
    # Held-out round 12, w375: "… said Ray Young, the chief financial officer for GM" is far in meaning from "Who is
    # Ray Young?", yet says who he is. A name no found sentence writes is still about nothing.
    pipeline = _pipeline(fake_index, "Sentences: 1\nAnswer: whatever", min_relevance=0.99)
    answer = pipeline.ask("Who is Alexandr Wang?")
    assert as_fake(pipeline.generator, ScriptedGenerator).calls != []
    assert answer.abstention is None or answer.abstention.gate != "relevance"
    answer = pipeline.ask("Who is Zebulon Quark?")
    assert answer.abstention is not None and answer.abstention.message == "No article names Zebulon Quark."
    # Named in no article at all, he is refused before the search (premise_name); named in some article the search
    # does not reach, by the relevance gate.
    answer = _pipeline(fake_index, "Sentences: 1\nAnswer: whatever", min_relevance=0.99).ask("Who is Quark?")
    assert answer.abstention is not None and answer.abstention.gate == "relevance"


def test_judge_no_abstains_and_yes_answers(fake_index) -> None:
    def reply(messages):
        n = _evidence_with(messages, "870 million")
        return f"Sentences: {n}\nAnswer: Scale AI made US$870 million in revenue last year [{n}]."

    q = "How much revenue did Scale AI make last year?"
    # The judge's own prompt, to a generator of its own; asked even of this literally bound figure.
    own = {"judge_in_context": False, "judge_skip_bound": False}
    assert not _pipeline(fake_index, reply, judge=ScriptedGenerator("no"), **own).ask(q).answerable
    judge = ScriptedGenerator("yes")
    assert _pipeline(fake_index, reply, judge=judge, **own).ask(q).answerable
    assert "870 million" in judge.calls[0][-1]["content"], "the judge sees the quotes"


def test_follow_up_is_rewritten_before_retrieval(fake_index) -> None:
    def reply(messages):
        if "Follow-up question" in messages[-1]["content"]:
            return "How much revenue does Scale AI expect in 2025?"
        return "Sentences: none\nAnswer: NOT FOUND"

    pipeline = _pipeline(fake_index, reply)
    history = [
        ChatMessage(role="user", content="How much revenue did Scale AI make last year?"),
        ChatMessage(role="assistant", content="US$870 million."),
    ]
    answer = pipeline.ask("And this year?", history=history)
    assert answer.question == "How much revenue does Scale AI expect in 2025?"
    calls = as_fake(pipeline.generator, ScriptedGenerator).calls
    assert "US$870 million." in calls[0][-1]["content"]
    assert "Question: How much revenue does Scale AI expect in 2025?" in calls[1][-1]["content"]


def test_prompt_is_short_and_starts_with_the_shared_system_message(fake_index) -> None:
    pipeline = _pipeline(fake_index, "Sentences: none\nAnswer: NOT FOUND", evidence_sentences=6)
    pipeline.ask("Who co-founded Scale AI with Alexandr Wang?")
    messages = as_fake(pipeline.generator, ScriptedGenerator).calls[-1]
    assert messages[0] == {"role": "system", "content": SYSTEM}
    numbered = [line for line in messages[-1]["content"].splitlines() if re.match(r"\[\d+\]", line)]
    assert 1 <= len(numbered) <= 6
    assert len(messages[-1]["content"].split()) < 400, "the prompt stays within a small-model budget"


@pytest.mark.parametrize("question", ["", "   ", "x" * 2001])
def test_bad_questions_are_rejected(fake_index, question: str) -> None:
    with pytest.raises(InvalidQuestionError):
        _pipeline(fake_index, "unused").ask(question)


def test_tokens_stream_then_the_verified_answer(fake_index) -> None:
    def reply(messages):
        n = _evidence_with(messages, "870 million")
        return f"Sentences: {n}\nAnswer: Scale AI made US$870 million in revenue last year [{n}]."

    tokens: list[str] = []
    answer = _pipeline(fake_index, reply).ask("How much revenue did Scale AI make last year?", on_token=tokens.append)
    assert tokens and "Sentences" not in "".join(tokens), "bookkeeping lines are not streamed"
    assert "870" in "".join(tokens)
    assert answer.answerable


def test_model_failure_reaches_the_caller(fake_index) -> None:
    def boom(messages):
        raise RuntimeError("model crashed")

    pipeline = _pipeline(fake_index, boom)
    with pytest.raises(RuntimeError, match="model crashed"):
        pipeline.ask("How much revenue did Scale AI make?")
    assert pipeline._lock.acquire(timeout=1), "a failed answer releases the pipeline"
    pipeline._lock.release()


def test_a_caller_that_goes_away_stops_generation(fake_index) -> None:
    long_reply = "Sentences: 1\nAnswer: " + " ".join(["word"] * 500)
    pipeline = _pipeline(fake_index, long_reply)
    seen: list[str] = []

    def gone(piece: str) -> bool:
        seen.append(piece)
        return False  # the client went away

    pipeline.ask("How much revenue did Scale AI make last year?", on_token=gone)
    assert len(seen) == 1, "the model stopped at the first token after the caller left"
    assert as_fake(pipeline.generator, ScriptedGenerator).calls, "the model was asked"


def test_settings_are_validated(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        Settings(top_k=0)
    with pytest.raises(ValueError):
        Settings(retrieval_dense=False, retrieval_lexical=False)


def test_a_reply_that_stops_after_naming_sentences_is_continued(fake_index) -> None:
    replies: list[str] = []

    def reply(messages):
        n = _evidence_with(messages, "870 million")
        text = f"Sentences: {n}" if not replies else f"Sentences: {n}\nAnswer: Scale AI made US$870 million [{n}]."
        replies.append(text)
        return text

    pipeline = _pipeline(fake_index, reply)
    answer = pipeline.ask("How much revenue did Scale AI make last year?")
    assert len(replies) == 2, "one continuation call"
    assert answer.answerable and "870 million" in answer.answer


def test_an_unlabelled_answer_line_is_used_as_is(fake_index) -> None:
    def reply(messages):
        n = _evidence_with(messages, "870 million")
        return f"Sentences: {n}\nScale AI made US$870 million in revenue last year."

    pipeline = _pipeline(fake_index, reply)
    answer = pipeline.ask("How much revenue did Scale AI make last year?")
    assert len(as_fake(pipeline.generator, ScriptedGenerator).calls) == 1
    assert answer.answerable and "870 million" in answer.answer


@pytest.mark.parametrize(
    "pieces",
    [
        [" 2", ",", " 5", "\n", "Answer", ":", " Lucy", " Guo", "."],
        [" 2\n", "Lucy", " Guo", "."],
        [" 2\nAnswer: Lucy", " Guo."],
    ],
)
def test_only_the_answer_line_is_streamed(pieces: list[str]) -> None:
    from rag.stages.relay import AnswerRelay

    seen: list[str] = []
    relay = AnswerRelay(seen.append)
    for piece in pieces:
        relay(piece)
    assert "".join(seen).strip() == "Lucy Guo."


@pytest.mark.parametrize("open_", [True, False])
def test_the_first_piece_streamed_is_the_answers_first_word(open_: bool) -> None:
    # A bare space first would reach the page as the first token, early by a word and showing nothing.
    from rag.stages.relay import AnswerRelay

    seen: list[str] = []
    relay = AnswerRelay(seen.append, open=open_)
    for piece in ([] if open_ else ["Sentences: 1\n", "Answer:"]) + [" ", " Lucy", " Guo."]:
        relay(piece)
    assert seen == ["Lucy", " Guo."]


def test_question_built_on_a_figure_no_article_states_is_refused_unasked(fake_index) -> None:
    pipeline = _pipeline(fake_index, "Because it wanted the data business.")
    answer = pipeline.ask("Why did Meta acquire all of Scale AI for $30 billion?")
    assert not answer.answerable and answer.answer == ABSTAIN_MESSAGE
    assert as_fake(pipeline.generator, ScriptedGenerator).calls == []  # refused before the model was asked


def test_question_naming_someone_no_article_names_is_refused_unasked(fake_index) -> None:
    # Held-out round 48, w1251: asked what "Federal Reserve chairman Ben Bernanke" said where no article names him,
    # the model gave another's words to him.
    pipeline = _pipeline(fake_index, "Sentences: 1\nAnswer: He said the investment was a bold bet.")
    answer = pipeline.ask("What did Meta's chief scientist Ben Bernanke say about the Scale AI deal?")
    assert answer.abstention is not None and answer.abstention.gate == "premise_name"
    assert answer.abstention.reason == "no_evidence" and answer.abstention.message == "No article names Ben Bernanke."
    assert as_fake(pipeline.generator, ScriptedGenerator).calls == []


def test_figures_the_articles_state_and_small_counts_do_not_refuse(fake_index) -> None:
    pipeline = _pipeline(fake_index, "Sentences: none\nAnswer: NOT FOUND")
    # Past the premise check: the conversion the article gives is read, and the count goes to the model.
    converted = pipeline.ask("What is the potential $10 billion investment worth in ringgit?")
    assert converted.answerable and "RM42.34 billion" in converted.answer
    counted = pipeline.ask("Name 3 rivals of Meta.")
    assert counted.abstention is not None and counted.abstention.gate == "model"
    assert len(as_fake(pipeline.generator, ScriptedGenerator).calls) == 1
