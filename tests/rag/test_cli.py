"""The `rag` command through Typer's runner: real index and embedder, a scripted model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rag.cli import app
from tests.fakes import ScriptedGenerator

pytestmark = pytest.mark.integration

runner = CliRunner()


def _reply(messages) -> str:
    content = messages[-1]["content"]
    if "Follow-up question" in content:
        return "Who founded Scale AI?"
    for line in content.splitlines():
        if "Lucy Guo" in line and line.startswith("["):
            n = line[1 : line.index("]")]
            return f"Sentences: {n}\nAnswer: Scale AI was founded by Alexandr Wang and Lucy Guo in 2016 [{n}]."
    return "Sentences: none\nAnswer: NOT FOUND"


@pytest.fixture(autouse=True)
def scripted_model(monkeypatch: pytest.MonkeyPatch) -> ScriptedGenerator:
    fake = ScriptedGenerator(_reply)
    monkeypatch.setattr("rag.runtime.make_generator", lambda settings, progress=None: fake)
    monkeypatch.setenv("RAG_JUDGE", "false")
    return fake


def test_index_then_noop(tmp_path: Path) -> None:
    first = runner.invoke(app, ["index", "--index", str(tmp_path / "idx")])
    assert first.exit_code == 0, first.output
    assert "5 added" in first.output
    second = runner.invoke(app, ["index", "--index", str(tmp_path / "idx")])
    assert second.exit_code == 0 and "up to date" in second.output


def test_search_json() -> None:
    result = runner.invoke(app, ["search", "RM42.34 billion", "-k", "2", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert len(payload["results"]) == 2
    assert set(payload["results"][0]) == {"article_id", "chunk_id", "title", "text", "start", "end", "score"}
    assert "RM42.34 billion" in payload["results"][0]["text"]


def test_ask_json_prints_only_the_answer() -> None:
    result = runner.invoke(app, ["ask", "Who founded Scale AI?", "--json"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert set(answer) >= {"answer", "answerable", "citations", "timings", "model"}
    assert answer["answerable"] and "Lucy Guo" in answer["answer"]
    assert set(answer["citations"][0]) == {
        "n", "article_id", "chunk_id", "title", "quote", "start", "end", "score", "supported", "date", "source",
    }  # fmt: skip
    assert set(answer["timings"]) >= {"retrieve_ms", "generate_ms", "total_ms", "prompt_tokens", "completion_tokens"}


def test_ask_prints_answer_and_sources() -> None:
    result = runner.invoke(app, ["ask", "Who founded Scale AI?"])
    assert result.exit_code == 0, result.output
    assert "Lucy Guo" in result.stdout and "Sources:" in result.stdout and "[1]" in result.stdout


def test_ask_says_why_it_abstains() -> None:
    result = runner.invoke(app, ["ask", "What does Scale AI charge per label?"])
    assert result.exit_code == 0, result.output
    assert "The articles do not say" in result.stdout
    assert "Why: The articles speak of this but do not state the answer." in result.stdout


def test_chat_from_piped_stdin_with_commands() -> None:
    script = "Who founded Scale AI?\n/sources\nAnd when?\n/reset\n/sources\n/bogus\n/quit\nnever asked\n"
    result = runner.invoke(app, ["chat"], input=script)
    assert result.exit_code == 0, result.output
    assert result.stdout.count("Lucy Guo") >= 3  # answer, /sources, the follow-up's answer
    assert "Conversation cleared." in result.stdout and "No sources yet." in result.stdout
    assert "Unknown command" in result.stdout


def test_bad_input_exit_codes(tmp_path: Path) -> None:
    assert runner.invoke(app, ["ask", "   "]).exit_code == 2
    missing = runner.invoke(app, ["index", "--articles", str(tmp_path / "nope"), "--index", str(tmp_path / "i")])
    assert missing.exit_code == 3 and "does not exist" in missing.output


def test_shell_commands_come_from_their_entry_points() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("index", "search", "ask", "chat", "eval", "serve"):
        assert command in result.output, f"`rag {command}` is missing from `rag --help`"
