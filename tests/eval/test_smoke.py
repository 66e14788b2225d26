"""A real run, small: SmolLM2-135M, the bundled embedder and FAISS, through the Typer command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from eval.cli import run_eval
from rag.llm.model_files import smollm2_gguf
from rag.settings import get_settings

pytestmark = pytest.mark.integration

GOLD = [
    {
        "id": "f1",
        "question": "Who co-founded Scale AI together with Alexandr Wang?",
        "answers": ["Lucy Guo", "Guo"],
        "sources": ["000_2525434c86abfa7a"],
        "answerable": True,
        "kind": "fact",
        "reviewer": "ignored",
    },
    {
        "id": "n1",
        "question": "How much revenue did Scale AI bring in during 2024?",
        "answers": ["870 million"],
        "sources": ["002_6c5dc42569a46d62", "003_60812e53e86d1152", "004_c524a854faa8738c"],
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
    },
]
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
}


@pytest.fixture
def smollm2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAG_MODEL_PATH", str(smollm2_gguf()))
    # One llama.cpp thread: on a busy 2-core machine, threads that spin-wait for each other make a
    # 2-thread run 30-100x slower (measured: 216 s against 6.7 s for one 450-token prompt).
    monkeypatch.setenv("RAG_N_THREADS", "1")
    get_settings.cache_clear()


def _invoke(args: list[str]) -> None:
    app = typer.Typer()
    app.command("eval")(run_eval)
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output + repr(result.exception)


def _check_run(folder: Path, n: int) -> dict:
    rows = [json.loads(line) for line in (folder / "answers.jsonl").read_text().splitlines()]
    assert len(rows) == n and all(set(r) >= ANSWER_KEYS for r in rows)
    summary = json.loads((folder / "summary.json").read_text())
    assert set(summary) >= SUMMARY_KEYS and summary["n"] == n and summary["n_errors"] == 0
    report = (folder / "report.md").read_text()
    for png in ("accuracy_by_kind.png", "latency.png"):
        assert (folder / png).stat().st_size > 1000 and f"]({png})" in report
    return summary


def test_smoke_pipeline(smollm2: None, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(row) for row in GOLD) + "\n")
    out = tmp_path / "out"
    _invoke(["--gold", str(gold), "--out", str(out)])
    summary = _check_run(out, 3)
    assert summary["model"].startswith("SmolLM2") and summary["retrieval_k"] == 5
    assert summary["retrieval_recall_at_k"] is not None and summary["mrr"] is not None


def test_smoke_compare_every_configuration(smollm2: None, tmp_path: Path) -> None:
    # One question through each of the five configurations: the factories, with real models, end to end.
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(row) for row in GOLD) + "\n")
    out = tmp_path / "out"
    _invoke(["--gold", str(gold), "--out", str(out), "--compare", "dense,bm25,closed_book,llamaindex", "--limit", "1"])
    configs = ["pipeline", "dense", "bm25", "closed_book", "llamaindex"]
    for name in configs:
        _check_run(out / name, 1)
    data = json.loads((out / "compare.json").read_text())
    assert data["configs"] == configs and set(data["mcnemar"]) == set(configs[1:])
    assert {"only_this", "only_baseline", "p_value"} <= set(data["mcnemar"]["llamaindex"]["accuracy"])
    assert data["summaries"]["dense"]["settings"]["retrieval_lexical"] is False
    assert data["summaries"]["closed_book"]["retrieval_recall_at_k"] is None
    assert "exact McNemar" in (out / "compare.md").read_text() and (out / "compare_accuracy.png").is_file()
