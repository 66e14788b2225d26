"""`rag index` and `rag search` against a real PostgreSQL (RAG_DATABASE_URL), with the real embedder."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from index.pg_store import PgStore
from rag.cli import app

pytestmark = pytest.mark.integration

runner = CliRunner()


def test_index_and_search_through_the_database(pg_url: str, real_embedder, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAG_DATABASE_URL", pg_url)
    first = runner.invoke(app, ["index"])
    assert first.exit_code == 0, first.output
    assert "5 added" in first.output
    second = runner.invoke(app, ["index"])
    assert second.exit_code == 0 and "up to date" in second.output, second.output

    store = PgStore(pg_url, real_embedder)
    assert len(store.articles()) == 5 and store.chunk_count() > 5
    store.close()

    found = runner.invoke(app, ["search", "RM42.34 billion", "-k", "2", "--json"])
    assert found.exit_code == 0, found.output
    results = json.loads(found.output)["results"]
    assert results and "RM42.34 billion" in results[0]["text"]

    rebuilt = runner.invoke(app, ["index", "--rebuild"])
    assert rebuilt.exit_code == 0 and "5 added" in rebuilt.output, rebuilt.output


def test_a_database_built_with_another_model_is_refused(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.fakes import HashingEncoder

    PgStore(pg_url, HashingEncoder()).close()
    monkeypatch.setenv("RAG_DATABASE_URL", pg_url)
    result = runner.invoke(app, ["search", "Scale AI"])
    output = " ".join(result.output.split())  # the console wraps long lines
    assert result.exit_code != 0
    assert "built with embedding model 'fake/hashing-encoder'" in output
    assert "rag index --rebuild" in output


def test_documents_add_list_rm_go_to_the_database(
    pg_url: str, real_embedder, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RAG_DATABASE_URL", pg_url)
    note = tmp_path / "note.md"
    note.write_text("# Marmot Observatory\n\nQuillon Brevard founded the Marmot Observatory in 2019.\n")
    added = runner.invoke(app, ["documents", "add", str(note), "--source", "Marmot Gazette"])
    assert added.exit_code == 0 and "added doc-" in added.output, added.output
    assert "already indexed" in runner.invoke(app, ["documents", "add", str(note)]).output

    listed = runner.invoke(app, ["documents", "list", "--json"])
    records = [json.loads(line) for line in listed.output.splitlines() if line.strip()]
    assert [(r["title"], r["source"]) for r in records] == [("Marmot Observatory", "Marmot Gazette")]
    store = PgStore(pg_url, real_embedder)
    assert set(store.documents()) == {records[0]["document_id"]}

    removed = runner.invoke(app, ["documents", "rm", records[0]["document_id"]])
    assert removed.exit_code == 0, removed.output
    assert store.documents() == {} and store.articles() == {}
    assert runner.invoke(app, ["documents", "rm", records[0]["document_id"]]).exit_code == 2
    store.close()
