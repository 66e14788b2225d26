"""The ``rag`` command: a thin shell over the rag package. Errors become one line and an exit code."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from index import IndexError_
from rag._exceptions import InvalidQuestionError, RagError
from rag.runtime import build, make_embedder, make_retriever, open_index
from rag.settings import Settings, get_settings

app = typer.Typer(
    help="Ask questions about a folder of news articles, answered by a local model with citations.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True)
out = Console()

EXIT_USAGE = 2
EXIT_INDEX = 3
EXIT_MODEL = 4


@contextmanager
def _edge() -> Iterator[None]:
    """Turn the packages' exceptions into one clear message and an exit code."""
    try:
        yield
    except IndexError_ as exc:
        err.print(f"[red]index error:[/red] {exc}")
        raise typer.Exit(EXIT_INDEX) from None
    except InvalidQuestionError as exc:
        err.print(f"[red]invalid question:[/red] {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    except RagError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(EXIT_MODEL) from None


def _settings(articles: Path | None = None, index: Path | None = None) -> Settings:
    base = get_settings()
    updates: dict[str, object] = {}
    if articles is not None:
        updates["articles_dir"] = articles
    if index is not None:
        updates["index_dir"] = index
    return base.model_copy(update=updates) if updates else base


@contextmanager
def _progress(label: str) -> Iterator[Callable[[int, int], None]]:
    """A progress bar that appears only once work is reported (a no-op build shows nothing)."""
    bar: Progress | None = None
    task = None

    def update(done: int, total: int) -> None:
        nonlocal bar, task
        if bar is None:
            bar = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err)
            bar.start()
            task = bar.add_task(label, total=total)
        assert task is not None
        bar.update(task, completed=done, total=total)

    try:
        yield update
    finally:
        if bar is not None:
            bar.stop()


@app.callback()
def _main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="log what happens")] = False) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )


@app.command("index")
def index_cmd(
    articles: Annotated[Path | None, typer.Option(help="folder of .txt/.md/.html articles")] = None,
    index: Annotated[Path | None, typer.Option(help="index directory")] = None,
    rebuild: Annotated[bool, typer.Option(help="re-embed everything")] = False,
) -> None:
    """Build or update the index (only new or changed articles are embedded)."""
    settings = _settings(articles, index)
    with _edge():
        embedder = make_embedder(settings)
        with _progress("embedding") as progress:
            report = build(settings, embedder, rebuild=rebuild, progress=progress)
    for path, reason in report.skipped:
        err.print(f"[yellow]skipped[/yellow] {path}: {reason}")
    if report.noop:
        out.print(
            f"Index is up to date: {len(report.unchanged)} articles, {report.n_chunks} chunks ({settings.index_dir})."
        )
        return
    out.print(
        f"Indexed {settings.articles_dir} -> {settings.index_dir}: {len(report.added)} added, "
        f"{len(report.updated)} updated, {len(report.removed)} removed, {len(report.unchanged)} unchanged; "
        f"{report.embedded_chunks} chunks embedded, {report.n_chunks} in total ({report.faiss_type}) "
        f"in {report.seconds:.1f}s."
    )


@app.command()
def search(
    question: Annotated[str, typer.Argument(help="what to look for")],
    k: Annotated[int, typer.Option("-k", min=1, max=100, help="passages to return")] = 5,
    index: Annotated[Path | None, typer.Option(help="index directory")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON only")] = False,
) -> None:
    """Print the passages hybrid retrieval ranks highest for QUESTION."""
    if not question.strip():
        err.print("[red]invalid question:[/red] the question is empty")
        raise typer.Exit(EXIT_USAGE)
    settings = _settings(index=index)
    with _edge():
        embedder = make_embedder(settings)
        with _progress("building index") as progress:
            loaded = open_index(settings, embedder, build_if_missing=True, progress=progress)
        hits = make_retriever(settings, loaded, embedder).search(question, k=k)
    if as_json:
        results = [
            {
                "article_id": h.chunk.article_id,
                "chunk_id": h.chunk.chunk_id,
                "title": h.chunk.title,
                "text": h.chunk.text,
                "start": h.chunk.start,
                "end": h.chunk.end,
                "score": h.score,
            }
            for h in hits
        ]
        sys.stdout.write(json.dumps({"results": results}, ensure_ascii=False) + "\n")
        return
    if not hits:
        out.print("No passages found.")
    for rank, hit in enumerate(hits, 1):
        out.print(f"[bold]{rank}. {hit.chunk.article_id}[/bold] — {hit.chunk.title} (score {hit.score:.4f})")
        out.print(f"   {hit.chunk.text}\n", highlight=False)
