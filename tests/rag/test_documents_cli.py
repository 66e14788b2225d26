"""`rag documents add|list|rm` against a local index, with the real embedding model and real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from index import load_index
from rag.cli import app
from tests.documents_fixtures import make_docx, make_pdf

pytestmark = pytest.mark.integration

FACT = "Quorvex Dynamics moved its headquarters to Tromso in 2031, the board said."


def test_add_list_rm(tmp_path: Path) -> None:
    runner = CliRunner()
    index = tmp_path / "index"
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(make_pdf(["Quorvex annual report", FACT], title="Quorvex annual report"))
    memo = tmp_path / "memo.docx"
    memo.write_bytes(make_docx(["The Oslo office of Quorvex has 12 desks."], heading="Quorvex memo"))

    # No index yet: the articles folder is indexed first, then the files are added.
    added = runner.invoke(
        app, ["documents", "add", str(pdf), str(memo), "--source", "Quorvex IR", "--index", str(index)]
    )
    assert added.exit_code == 0, added.output
    assert added.output.count("added doc-") == 2 and "'Quorvex annual report' (pdf" in added.output
    again = runner.invoke(app, ["documents", "add", str(pdf), "--index", str(index)])
    assert again.exit_code == 0 and "already indexed" in again.output

    listed = runner.invoke(app, ["documents", "list", "--json", "--index", str(index)])
    assert listed.exit_code == 0, listed.output
    records = [json.loads(line) for line in listed.output.splitlines() if line.strip()]
    assert {r["format"] for r in records} == {"pdf", "docx"} and {r["source"] for r in records} == {"Quorvex IR"}
    live = load_index(index)
    assert len(live.articles) == 7 and set(live.documents) == {r["document_id"] for r in records}
    assert any(FACT in a.text for a in live.articles.values())

    pdf_id = next(r["document_id"] for r in records if r["format"] == "pdf")
    removed = runner.invoke(app, ["documents", "rm", pdf_id, "--index", str(index)])
    assert removed.exit_code == 0 and f"removed {pdf_id}" in removed.output
    assert pdf_id not in load_index(index).articles
    assert runner.invoke(app, ["documents", "rm", pdf_id, "--index", str(index)]).exit_code == 2
    left = runner.invoke(app, ["documents", "list", "--json", "--index", str(index)])
    assert [json.loads(line)["title"] for line in left.output.splitlines() if line.strip()] == ["Quorvex memo"]
    assert runner.invoke(app, ["documents", "list", "--index", str(index)]).exit_code == 0


def test_bad_files_exit_2_and_add_nothing(tmp_path: Path) -> None:
    runner = CliRunner()
    index = tmp_path / "index"
    fake = tmp_path / "fake.pdf"
    fake.write_text("not a pdf")
    good = tmp_path / "good.txt"
    good.write_text(FACT)
    result = runner.invoke(app, ["documents", "add", str(good), str(fake), "--index", str(index)])
    assert result.exit_code == 2 and "fake.pdf: named PDF but its content is not a PDF" in result.output
    assert not index.exists()  # nothing was written, not even the index of the folder
    missing = runner.invoke(app, ["documents", "add", str(tmp_path / "nope.txt"), "--index", str(index)])
    assert missing.exit_code == 2 and "cannot read" in missing.output
    bad_date = runner.invoke(app, ["documents", "add", str(good), "--date", "June", "--index", str(index)])
    assert bad_date.exit_code == 2
