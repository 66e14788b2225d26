"""The harness end to end on fakes: records, summary keys, reports, comparison, failures, the CLI edge."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from eval.cli import run_eval
from eval.gold import GoldItem, load_gold
from eval.harness import SystemPlan, evaluate
from eval.systems import ClosedBookSystem, PipelineSystem, parse_configs
from index import LoadedIndex
from rag.llm.base import Message
from rag.models import Answer
from rag.runtime import assemble_pipeline
from rag.settings import Settings
from tests.fakes import HashingEncoder, ScriptedGenerator

pytestmark = pytest.mark.unit

GOLD = [
    {
        "id": "f1",
        "question": "Who co-founded Scale AI with Alexandr Wang?",
        "answers": ["Lucy Guo", "Guo"],
        "sources": ["000_2525434c86abfa7a"],
        "answerable": True,
        "kind": "fact",
    },
    {
        "id": "n1",
        "question": "In what year was Scale AI founded?",
        "answers": ["2016"],
        "sources": ["000_2525434c86abfa7a"],
        "answerable": True,
        "kind": "number",
    },
    {
        "id": "u1",
        "question": "How old is Alexandr Wang?",
        "answers": [],
        "sources": [],
        "answerable": False,
        "kind": "unanswerable",
        "note": "extra keys are ignored",
    },
]
ANSWER_KEYS = {
    "id",
    "question",
    "answer",
    "answerable",
    "citations",
    "retrieved",
    "latency_s",
    "correct",
    "f1",
    "kind",
    "gold_answerable",
    "first_token_s",
    "timings",
    "citation_recall",
    "citation_precision",
    "recall_at_k",
    "reciprocal_rank",
    "citation_checks",
}
SUMMARY_KEYS = {
    "n",
    "answer_accuracy",
    "answer_f1",
    "abstention_accuracy",
    "false_abstention_rate",
    "citation_precision",
    "citation_recall",
    "retrieval_recall_at_k",
    "mrr",
    "latency_p50_s",
    "latency_p95_s",
    "by_kind",
    "ci95",
}


def scripted_reply(messages: Sequence[Message]) -> str:
    question = messages[-1]["content"].rsplit("Question:", 1)[-1]
    if "co-founded" in question:
        return "Sentences: 1\nAnswer: Lucy Guo co-founded Scale AI with Alexandr Wang [1]."
    return "Sentences: none\nAnswer: NOT FOUND"


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in GOLD) + "\n")
    return path


def _pipeline(hashed_index: tuple[LoadedIndex, HashingEncoder]) -> PipelineSystem:
    index, encoder = hashed_index
    # The hashing encoder's cosines are low: relax the thresholds; names and figures are still checked.
    settings = Settings(min_relevance=-1.0, support_threshold=0.05, judge=False)
    return PipelineSystem("pipeline", assemble_pipeline(settings, ScriptedGenerator(scripted_reply), index, encoder))


class Exploding:
    name = "exploding"
    cites = True

    def answer(self, item: GoldItem) -> Answer:
        raise RuntimeError("model fell over")

    def rank_articles(self, query: str, k: int) -> list[str] | None:
        return []


def test_single_run_writes_every_file_and_key(
    hashed_index: tuple[LoadedIndex, HashingEncoder], gold_file: Path, tmp_path: Path
) -> None:
    from eval.citations import VerifierSupport

    out = tmp_path / "out"
    items = load_gold(gold_file)
    plans = {"pipeline": SystemPlan(lambda: _pipeline(hashed_index), "fake pipeline", {"top_k": 4})}
    run = evaluate(items, plans, out, supports=VerifierSupport(hashed_index[1], threshold=0.05))
    for name in ("answers.jsonl", "summary.json", "report.md", "accuracy_by_kind.png", "latency.png"):
        assert (out / name).is_file(), name
    rows = [json.loads(line) for line in (out / "answers.jsonl").read_text().splitlines()]
    assert [r["id"] for r in rows] == ["f1", "n1", "u1"]
    assert all(set(r) >= ANSWER_KEYS for r in rows)
    f1, n1, u1 = rows
    assert f1["answerable"] and f1["correct"] and f1["citations"] and f1["citation_recall"] == 1.0
    assert f1["retrieved"] and len(f1["retrieved"]) == 5 and 0 < f1["reciprocal_rank"] <= 1
    assert not n1["answerable"] and not n1["correct"] and n1["f1"] == 0.0  # abstaining on an answerable question
    assert not u1["answerable"] and u1["correct"] and u1["recall_at_k"] is None
    summary = json.loads((out / "summary.json").read_text())
    assert set(summary) >= SUMMARY_KEYS
    assert summary["n"] == 3 and summary["answer_accuracy"] == 0.5 and summary["abstention_accuracy"] == 1.0
    assert summary["false_abstention_rate"] == 0.5 and summary["citation_recall"] == 1.0
    # The answer adds only a name to its question, so it is cited to the one sentence that names both founders
    # (not also "led by CEO Alexandr Wang", which ALCE would count as irrelevant; test_citations covers that).
    assert f1["citation_checks"][0]["precise"] == [True] and summary["citation_precision"] == 1.0
    assert set(summary["by_kind"]) == {"fact", "number", "unanswerable"}
    assert len(summary["ci95"]["answer_accuracy"]) == 2
    report = (out / "report.md").read_text()
    assert "](accuracy_by_kind.png)" in report and "](latency.png)" in report and "How the metrics" in report
    assert run.comparison is None


def test_comparison_pairs_each_config_with_the_pipeline(
    hashed_index: tuple[LoadedIndex, HashingEncoder], gold_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    items = load_gold(gold_file)
    plans = {
        "pipeline": SystemPlan(lambda: _pipeline(hashed_index)),
        "closed_book": SystemPlan(lambda: ClosedBookSystem("closed_book", ScriptedGenerator("I don't know."), 20)),
        "exploding": SystemPlan(Exploding),
    }
    run = evaluate(items, plans, out, supports=None, compare_configs=True)
    for name in ("compare.md", "compare.json", "compare_accuracy.png"):
        assert (out / name).is_file()
    for config in plans:
        assert (out / config / "summary.json").is_file() and (out / config / "report.md").is_file()
    data = json.loads((out / "compare.json").read_text())
    assert data["baseline"] == "pipeline" and data["configs"] == ["pipeline", "closed_book", "exploding"]
    test = data["mcnemar"]["closed_book"]["accuracy"]
    assert (test["n"], test["only_this"], test["only_baseline"]) == (3, 0, 1) and test["p_value"] == 1.0
    assert test["ids_only_baseline"] == ["f1"] and test["ids_only_this"] == []
    exploding = run.records["exploding"]
    assert all(r.error and "model fell over" in r.error and not r.correct for r in exploding)
    assert run.summaries["exploding"].n_errors == 3 and run.summaries["exploding"].abstention_accuracy == 0.0
    assert run.summaries["closed_book"].citation_recall is None  # it does not cite: n/a, not 0
    assert "exact McNemar" in (out / "compare.md").read_text()


def test_parse_configs() -> None:
    assert parse_configs(None) == ["pipeline"]
    assert parse_configs("dense, bm25") == ["pipeline", "dense", "bm25"]
    assert parse_configs("bm25,pipeline,bm25") == ["pipeline", "bm25"]
    with pytest.raises(ValueError, match="unknown configuration nope"):
        parse_configs("dense,nope")


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command("eval")(run_eval)
    return app


def test_cli_rejects_unknown_configs_and_bad_gold(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(_app(), ["--compare", "pipeline,nope", "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "nope" in result.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n")
    result = runner.invoke(_app(), ["--gold", str(bad), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "bad.jsonl:1" in result.output
    assert not (tmp_path / "o").exists()


def test_all_answers_needs_every_value_and_outcomes_count_both_sides() -> None:
    from eval.gold import GoldItem
    from eval.records import QuestionRecord, score_answer
    from eval.summary import gates, outcomes
    from rag.models import Abstention

    conflict = GoldItem(
        id="c1",
        question="What valuation do the articles give?",
        answers=["9 billion", "14 billion"],
        answerable=True,
        kind="conflict",
        all_answers=True,
    )
    one = Answer(answer="About 14 billion dollars [1].", answerable=True, model="m")
    both = Answer(answer="Reports differ: 9 billion [1] or 14 billion [2].", answerable=True, model="m")

    def score(item: GoldItem, answer: Answer) -> QuestionRecord:
        return score_answer(item, answer, config="c", latency_s=1.0, retrieved=None, k=5, supports=None)

    assert not score(conflict, one).correct, "one of two disagreeing values is not the answer"
    assert score(conflict, both).correct

    trap = GoldItem(id="u1", question="What was OpenAI's revenue?", answerable=False, kind="adversarial")
    refusal = Answer(
        answer="-",
        answerable=False,
        model="m",
        abstention=Abstention(reason="off_target", gate="subject", message="not about OpenAI"),
    )
    records = [
        score(conflict, one),  # wrong, with an answer
        score(conflict, refusal),  # a false refusal by the subject gate
        score(trap, refusal),  # caught by the subject gate
        score(trap, both),  # invented
    ]
    o = outcomes(records)
    assert (o.right, o.refused, o.wrong, o.abstained, o.invented) == (0, 1, 1, 1, 1)
    assert o.trust == (0 - 1 - 1) / 4
    g = gates(records)["subject"]
    assert (g.caught, g.false_refusals, g.reason) == (1, 1, "off_target")
