"""``rag documents add|list|rm``: documents in and out of the local index, or of the database when RAG_DATABASE_URL
is set. A running service picks the change up before its next question."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from index import ExtractionError
from rag import documents as library
from rag.cli_errors import EXIT_USAGE, cli_errors
from rag.runtime import make_embedder
from rag.settings import Settings, get_settings

__all__ = ["app"]

app = typer.Typer(
    help="Add, list and remove uploaded documents of the collection (the local index, or RAG_DATABASE_URL's database).",
    no_args_is_help=True,
)
err = Console(stderr=True)
out = Console()

IndexOption = Annotated[Path | None, typer.Option("--index", help="index directory (default RAG_INDEX_DIR)")]


def _settings(index: Path | None) -> Settings:
    base = get_settings()
    return base.model_copy(update={"index_dir": index}) if index is not None else base


@app.command("add")
def add(
    files: Annotated[list[Path], typer.Argument(help="PDF, DOCX, HTML, Markdown or text files")],
    title: Annotated[str | None, typer.Option(help="title (one file only)")] = None,
    date: Annotated[str | None, typer.Option(help="publication date, YYYY-MM-DD")] = None,
    source: Annotated[str | None, typer.Option(help="outlet or site, e.g. Reuters")] = None,
    index: IndexOption = None,
) -> None:
    """Extract each file and add it to the index; the same content twice is added once."""
    settings = _settings(index)
    if title is not None and len(files) > 1:
        err.print("[red]error:[/red] --title needs exactly one file")
        raise typer.Exit(EXIT_USAGE)
    if date is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        err.print(f"[red]error:[/red] --date {date!r} is not YYYY-MM-DD")
        raise typer.Exit(EXIT_USAGE)
    prepared = []
    for path in files:
        try:
            size = path.stat().st_size
            if size > settings.max_upload_bytes:
                err.print(
                    f"[red]cannot add[/red] {path}: {size} bytes, over RAG_MAX_UPLOAD_BYTES={settings.max_upload_bytes}"
                )
                raise typer.Exit(EXIT_USAGE)
            upload = library.Upload(path.name, path.read_bytes(), title, date, source)
            prepared.append(library.prepare_upload(settings, upload))
        except OSError as exc:
            err.print(f"[red]cannot read[/red] {path}: {exc.strerror or exc}")
            raise typer.Exit(EXIT_USAGE) from None
        except ExtractionError as exc:
            err.print(f"[red]cannot add[/red] {exc}")
            raise typer.Exit(EXIT_USAGE) from None
    with cli_errors(err):
        encoder = make_embedder(settings)
        for item in prepared:
            change = library.add_prepared(settings, encoder, item)
            doc = change.document
            verb = "added" if change.changed else "already indexed"
            out.print(
                f"{verb} {doc.document_id}: {doc.title!r} ({doc.format}, {doc.chars} characters, "
                f"{doc.n_chunks} chunks{', ' + doc.date if doc.date else ''})"
            )


@app.command("list")
def list_cmd(
    as_json: Annotated[bool, typer.Option("--json", help="one JSON object per line")] = False,
    index: IndexOption = None,
) -> None:
    """The uploaded documents of the index, oldest first."""
    settings = _settings(index)
    with cli_errors(err):
        records = library.documents(settings)
    if as_json:
        for record in records:
            out.print_json(json.dumps(record.model_dump()), indent=None)
        return
    if not records:
        out.print("No uploaded documents.")
        return
    table = Table("id", "title", "date", "source", "format", "chunks", "added")
    for r in records:
        table.add_row(r.document_id, r.title, r.date or "", r.source or "", r.format, str(r.n_chunks), r.added_at)
    out.print(table)


@app.command("rm")
def rm(
    document_id: Annotated[str, typer.Argument(help="as shown by `rag documents list`")],
    index: IndexOption = None,
) -> None:
    """Remove an uploaded document: its text, chunks, vectors and postings leave the index."""
    settings = _settings(index)
    with cli_errors(err):
        change = library.remove(settings, document_id)
    if change is None:
        err.print(f"[red]no uploaded document[/red] with id {document_id!r}")
        raise typer.Exit(EXIT_USAGE)
    out.print(f"removed {document_id}: {change.document.title!r}")
