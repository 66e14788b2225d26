"""eval.judge_signals with fakes: every draft scored by each judge prompt, both sides of each threshold counted."""

from __future__ import annotations

import pytest

from eval.gold import GoldItem
from eval.judge_signals import PROMPTS, Scored, run, tabulate
from rag import Settings
from rag.runtime import assemble_pipeline
from tests.fakes import ScriptedGenerator
from tests.rag.conftest import fake_index as fake_index  # the fixture
from tests.rag.test_pipeline import _evidence_with

pytestmark = pytest.mark.unit


class _Scoring(ScriptedGenerator):
    """Scores choices: P(yes) 0.9 for the separate judge's prompt, 0.6 asked after a draft."""

    def choice_probabilities(self, messages, choices):
        self.calls.append(list(messages))
        yes = 0.6 if len(messages) > 2 else 0.9  # after a draft: prompt, reply, question
        return {"yes": yes, "no": 1 - yes}


def _reply(messages):
    n = _evidence_with(messages, "870 million")
    return f"Sentences: {n}\nAnswer: Scale AI made US$870 million in revenue last year [{n}]."


def test_every_draft_is_scored_by_every_prompt_and_passed_through(fake_index) -> None:
    index, encoder = fake_index
    settings = Settings(
        support_threshold=0.2,
        min_relevance=0.0,
        context_mode="retrieval",
        judge_in_context=False,
        judge_skip_bound=False,  # as `python -m eval.judge_signals` runs it: every draft scored
    )
    pipeline = assemble_pipeline(settings, _Scoring(_reply), index, encoder, judge=_Scoring("unused"))
    items = [
        GoldItem(
            id="a", question="How much revenue did Scale AI make last year?", answers=["870 million"], answerable=True
        ),
        GoldItem(id="b", question="What revenue did Scale AI make last year?", answers=["2 billion"], answerable=True),
    ]
    scored = run(pipeline, items)
    assert [s.right for s in scored] == [True, False]  # scored as `rag eval` scores the final answer
    assert all(set(s.p_yes) == set(PROMPTS) for s in scored)
    assert scored[0].p_yes["own"] == pytest.approx(0.9) and scored[0].p_yes["in_context"] == pytest.approx(0.6)


def test_only_the_prompts_asked_for_are_scored(fake_index) -> None:
    # In corpus mode the separate prompts would run on the answering model and evict the collection's KV cache.
    index, encoder = fake_index
    settings = Settings(support_threshold=0.2, min_relevance=0.0, context_mode="retrieval", judge_skip_bound=False)
    judge = _Scoring("unused")
    pipeline = assemble_pipeline(settings, _Scoring(_reply), index, encoder, judge=judge)
    item = GoldItem(id="a", question="How much revenue did Scale AI make last year?", answers=["870"], answerable=True)
    scored = run(pipeline, [item], ["in_context"])
    assert [set(s.p_yes) for s in scored] == [{"in_context"}]
    assert judge.calls == []


def test_both_sides_of_each_threshold_and_the_auc() -> None:
    scored = [
        Scored("q1", {"own": 0.9}, right=True),
        Scored("q2", {"own": 0.72}, right=True),
        Scored("q3", {"own": 0.68}, right=False),
        Scored("q4", {"own": 0.5}, right=False),
    ]
    table = tabulate(scored)
    assert (table.right, table.bad) == (2, 2)
    assert table.auc["own"] == 1.0 and table.auc["in_context"] is None
    assert table.sides["own"][0.7] == (0, 2)  # refuses no right draft, catches both bad ones
    assert table.sides["own"][0.75] == (1, 2)
