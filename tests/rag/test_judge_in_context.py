"""RAG_JUDGE_IN_CONTEXT: the judge's yes/no asked after the draft in the answering model's context."""

from __future__ import annotations

from pathlib import Path

import pytest

from index import Sentence
from rag import Settings
from rag.prompt_cache import prepare_corpus
from rag.prompts import JUDGE_FOLLOWUP
from rag.runtime import assemble_pipeline
from rag.stages.draft import Draft
from rag.stages.judge import Judge, asks_reason
from rag.stages.verify import ClaimCheck, Verdict
from tests.fakes import PrefixCachingFake, ScriptedGenerator, as_fake
from tests.rag.test_corpus import _settings
from tests.rag.test_corpus import model_file as model_file  # the fixture
from tests.rag.test_pipeline import _evidence_with, _pipeline

pytestmark = pytest.mark.unit

QUESTION = "How much revenue did Scale AI make last year?"


def _replying(verdict: str):
    def reply(messages):
        if messages[-1]["content"] == JUDGE_FOLLOWUP:
            return verdict
        n = _evidence_with(messages, "870 million")
        return f"Sentences: {n}\nAnswer: Scale AI made US$870 million in revenue last year [{n}]."

    return reply


def test_a_retrieval_draft_goes_to_the_separate_judge(fake_index) -> None:
    # Over numbered sentences the follow-up told right drafts from wrong ones far worse than the judge's own
    # prompt (eval.judge_signals): in retrieval mode the setting changes nothing.
    # The answer's figure is bound literally: the judge is asked only with RAG_JUDGE_SKIP_BOUND off.
    separate = _pipeline(
        fake_index, _replying("unused"), judge=ScriptedGenerator("yes"), judge_in_context=False, judge_skip_bound=False
    ).ask(QUESTION)
    own_judge = ScriptedGenerator("yes")
    pipeline = _pipeline(fake_index, _replying("no"), judge=own_judge, judge_in_context=True, judge_skip_bound=False)
    answer = pipeline.ask(QUESTION)
    assert answer.answerable  # the answering model would have said no
    assert answer.model_dump(exclude={"timings"}) == separate.model_dump(exclude={"timings"})
    assert len(own_judge.calls) == 1
    assert all(call[-1]["content"] != JUDGE_FOLLOWUP for call in as_fake(pipeline.generator, ScriptedGenerator).calls)


def _corpus_pipeline(tmp_path: Path, fake_index, model_file: Path, reply, **settings):
    index, encoder = fake_index
    settings.setdefault("judge_skip_bound", False)  # the revenue answers here are bound literally
    settings.setdefault("judge_context_reasons_only", False)  # by default a revenue answer is not judged in context
    built = _settings(tmp_path, support_threshold=0.2, min_relevance=0.0, judge=True, judge_in_context=True, **settings)
    generator = PrefixCachingFake(model_file, reply=reply)
    setup = prepare_corpus(built, generator, index.articles.values())
    assert setup.prompt is not None
    pipeline = assemble_pipeline(built, generator, index, encoder, corpus=setup.prompt, mode_reason=setup.reason)
    return pipeline, generator


def test_a_no_in_context_abstains_with_the_judge_gate(tmp_path: Path, fake_index, model_file: Path) -> None:
    def reply(messages):
        return "no" if messages[-1]["content"] == JUDGE_FOLLOWUP else "Scale AI made US$870 million in revenue."

    pipeline, _ = _corpus_pipeline(tmp_path, fake_index, model_file, reply)
    answer = pipeline.ask(QUESTION)
    assert not answer.answerable
    assert answer.abstention is not None and answer.abstention.gate == "judge"


def test_by_default_only_a_why_question_is_judged_in_context(tmp_path: Path, fake_index, model_file: Path) -> None:
    # RAG_JUDGE_CONTEXT_REASONS_ONLY is on: the model-free gates bind a figure; the judge is left the reasons.
    def reply(messages):
        return "no" if messages[-1]["content"] == JUDGE_FOLLOWUP else "Scale AI made US$870 million in revenue."

    pipeline, generator = _corpus_pipeline(
        tmp_path, fake_index, model_file, reply, judge_context_reasons_only=Settings().judge_context_reasons_only
    )
    assert pipeline.ask(QUESTION).answerable
    assert all(call[-1]["content"] != JUDGE_FOLLOWUP for call in generator.calls)


def test_corpus_mode_asks_after_the_cached_collection(
    tmp_path: Path, fake_index, model_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drafted = "Scale AI made US$870 million in revenue."

    def reply(messages):
        return "yes" if messages[-1]["content"] == JUDGE_FOLLOWUP else drafted

    pipeline, generator = _corpus_pipeline(tmp_path, fake_index, model_file, reply)
    evaluated: list[int] = []  # tokens each call had to evaluate past the fake's KV cache
    chat = generator.chat

    def counting_chat(*args, **kwargs):
        before = generator.evaluated
        completion = chat(*args, **kwargs)
        evaluated.append(generator.evaluated - before)
        return completion

    monkeypatch.setattr(generator, "chat", counting_chat)
    answer = pipeline.ask(QUESTION)
    assert answer.answerable and "870 million" in answer.answer
    fake = as_fake(pipeline.generator, PrefixCachingFake)
    assert fake.calls[-1][-1]["content"] == JUDGE_FOLLOWUP
    assert pipeline.corpus is not None and fake.calls[-1][0]["content"] == pipeline.corpus.system
    # Only the reply (the fake keeps no generated tokens in its cache; llama.cpp does), the question and the
    # role markers were new: the collection and the hints came from the cache.
    assert evaluated[-1] <= len(drafted.split()) + len(JUDGE_FOLLOWUP.split()) + 12
    assert pipeline.corpus.n_tokens > 10 * evaluated[-1]


class _Scoring(ScriptedGenerator):
    """A judge backend that scores choices: P(yes) = 0.67 whatever it is asked."""

    def choice_probabilities(self, messages, choices):
        self.calls.append(list(messages))
        return {"yes": 0.67, "no": 0.33}


def test_in_context_the_judge_has_its_own_threshold() -> None:
    said = Sentence(article_id="a", start=0, end=10, text="Scale AI made US$870 million.")
    verdict = Verdict([ClaimCheck("Scale AI made US$870 million.", [said], 0.9, True)])
    draft = Draft(reply="Answer: US$870 million", shown=1, messages=[{"role": "user", "content": "Question"}])
    own, context = _Scoring("unused"), _Scoring("unused")
    judge = Judge(own, 0.70, context=context, context_threshold=0.65)
    assert judge.run(QUESTION, verdict, draft).passed  # 0.67 in context: over 0.65
    assert context.calls and not own.calls
    assert not judge.run(QUESTION, verdict, None).passed  # no draft context: its own prompt, 0.67 under 0.70
    assert len(own.calls) == 1


def test_scoped_to_reasons_the_in_context_judge_asks_only_about_why_questions() -> None:
    said = Sentence(article_id="a", start=0, end=10, text="Scale AI made US$870 million.")
    verdict = Verdict([ClaimCheck("Scale AI made US$870 million.", [said], 0.9, True)])
    draft = Draft(reply="Answer: US$870 million", shown=1, messages=[{"role": "user", "content": "Question"}])
    context = ScriptedGenerator("no")
    judge = Judge(ScriptedGenerator("unused"), 0.70, context=context, context_reasons_only=True)
    skipped = judge.run(QUESTION, verdict, draft)
    assert skipped.passed and not skipped.asked and not context.calls
    asked = judge.run("Why did Scale AI's revenue grow?", verdict, draft)
    assert asked.asked and not asked.passed and len(context.calls) == 1
    # The separate judge (retrieval mode) is not scoped: it reads the quotes, and tells far better.
    separate = Judge(ScriptedGenerator("no"), 0.70, context=None, context_reasons_only=True)
    assert not separate.run(QUESTION, verdict, draft).passed


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("Why did Meta invest in Scale AI?", True),
        ("How come the deal was delayed?", True),
        ("What was the reason for the delay?", True),
        ("What were the reasons Apple gave?", True),
        ("How much did Meta invest?", False),
        ("Who said why the deal mattered?", False),
    ],
)
def test_which_questions_ask_for_a_reason(question: str, reason: bool) -> None:
    assert asks_reason(question) is reason


def test_warming_up_keeps_the_collection_cached_for_the_first_question(
    tmp_path: Path, fake_index, model_file: Path
) -> None:
    # The judge shares the answering context here: warming its own prompt there evicted the collection, and the
    # first question after start-up re-read all of it.
    def reply(messages):
        return "yes" if messages[-1]["content"] == JUDGE_FOLLOWUP else "Scale AI made US$870 million in revenue."

    pipeline, generator = _corpus_pipeline(tmp_path, fake_index, model_file, reply)
    assert pipeline.stages.judge is not None and pipeline.stages.judge.generator is generator
    pipeline.warm_up()
    prefix = len(generator.held)
    before = generator.evaluated
    answer = pipeline.ask(QUESTION)
    assert answer.answerable
    assert prefix > 100
    assert generator.evaluated - before < prefix / 2
