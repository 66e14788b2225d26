"""The ``rag`` command: a thin shell over the rag package. Errors become one line and an exit code."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from importlib.metadata import entry_points
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from index import Embedder
from rag.cli_errors import EXIT_USAGE, cli_errors
from rag.documents_cli import app as documents_app
from rag.models import Answer, ChatMessage
from rag.pipeline import AnswerPipeline
from rag.prompt_cache import prepare_corpus
from rag.question import validate_question
from rag.runtime import build, make_embedder, make_generator, make_pipeline, make_retriever, open_index
from rag.settings import Settings, get_settings

PLUGIN_GROUP = "newsrag.commands"

app = typer.Typer(
    help="Ask questions about a folder of news articles, answered by a local model with citations.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True)
out = Console()


def _edge() -> AbstractContextManager[None]:
    """Turn the packages' exceptions into one clear message and an exit code."""
    return cli_errors(err)


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
    prompt_cache: Annotated[
        bool, typer.Option(help="also build the corpus-mode prompt cache (when the context mode allows it)")
    ] = True,
    watch: Annotated[bool, typer.Option(help="then keep following the folder, re-indexing on each change")] = False,
) -> None:
    """Build or update the index (only new or changed articles are embedded), then the prompt cache."""
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
    else:
        out.print(
            f"Indexed {settings.articles_dir} -> {settings.index_dir}: {len(report.added)} added, "
            f"{len(report.updated)} updated, {len(report.removed)} removed, {len(report.unchanged)} unchanged; "
            f"{report.embedded_chunks} chunks embedded, {report.n_chunks} in total ({report.faiss_type}) "
            f"in {report.seconds:.1f}s."
        )
    if prompt_cache and settings.context_mode != "retrieval" and settings.backend == "llama_cpp":
        _build_prompt_cache(settings, embedder)
    if watch:
        from rag.watch_cli import follow

        follow(settings, embedder, out, err)


def _build_prompt_cache(settings: Settings, embedder: Embedder) -> None:
    """Load the model and make sure a matching corpus prompt cache is saved beside the index."""
    with _edge():
        loaded = open_index(settings, embedder)
        with _progress("model") as progress:
            generator = make_generator(settings, progress=progress)
        with _progress("prompt cache") as progress:
            setup = prepare_corpus(settings, generator, loaded.articles.values(), progress=progress, rebuild=True)
    if setup.prompt is None:
        out.print(f"Prompt cache: not built; answers use retrieval mode ({setup.reason}).")
    elif setup.build_s is not None:
        out.print(
            f"Prompt cache built: {setup.prompt.n_tokens} tokens, {(setup.cache_bytes or 0) / 1e6:.0f} MB, "
            f"in {setup.build_s:.1f}s ({setup.cache_path})."
        )
    else:
        out.print(f"Prompt cache is up to date: {setup.prompt.n_tokens} tokens ({setup.cache_path}).")


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


def _load_pipeline(settings: Settings) -> AnswerPipeline:
    """The answer pipeline, with a progress bar for first-time work (index, model assembly, prompt cache)."""
    with _progress("preparing (index, model, prompt cache)") as progress:
        return make_pipeline(settings, progress=progress)


def _print_answer(answer: Answer) -> None:
    style = "bold" if answer.answerable else "yellow"
    out.print(f"[{style}]{answer.answer}[/{style}]", highlight=False)
    if answer.abstention is not None:
        out.print(f"[dim]Why: {answer.abstention.message}[/dim]", highlight=False)
    if answer.citations:
        out.print("[dim]Sources:[/dim]")
    for c in answer.citations:
        where = " · ".join(x for x in (c.source, c.date) if x)
        out.print(f"  [{c.n}] {c.article_id} — {c.title}" + (f" ({where})" if where else ""), highlight=False)
        out.print(f'      "{c.quote}" [dim](chars {c.start}-{c.end})[/dim]', highlight=False)
    t = answer.timings
    err.print(
        f"[dim]{answer.model} · {answer.context_mode} · {t.total_ms / 1000:.1f}s "
        f"(retrieve {t.retrieve_ms:.0f} ms, generate {t.generate_ms:.0f} ms, "
        f"{t.prompt_tokens} prompt + {t.completion_tokens} completion tokens)[/dim]"
    )


def _streamed(pipeline: AnswerPipeline, question: str, history: list[ChatMessage], k: int | None) -> Answer:
    """Show the model's draft as it is written (dim), then return the verified answer."""

    def on_token(piece: str) -> None:
        err.print(piece, end="", style="dim", highlight=False, soft_wrap=True)

    answer = pipeline.ask(question, history=history, top_k=k, on_token=on_token)
    err.print()
    return answer


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="a question about the articles")],
    k: Annotated[int | None, typer.Option("-k", min=1, max=20, help="passages to retrieve")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the Answer as JSON only")] = False,
) -> None:
    """Answer QUESTION from the articles, with verified citations."""
    settings = _settings()
    with _edge():
        question = validate_question(question, [], settings)  # before minutes of loading, not after
        pipeline = _load_pipeline(settings)
        if as_json:
            answer = pipeline.ask(question, top_k=k)
            sys.stdout.write(answer.model_dump_json() + "\n")
            return
        answer = _streamed(pipeline, question, [], k)
    _print_answer(answer)


_CHAT_HELP = "Commands: /sources (citations of the last answer), /reset (forget the conversation), /quit."


@app.command()
def chat(
    k: Annotated[int | None, typer.Option("-k", min=1, max=20, help="passages to retrieve")] = None,
) -> None:
    """Interactive questions with follow-ups. Reads one question a line when stdin is not a terminal."""
    settings = _settings()
    interactive = sys.stdin.isatty()
    with _edge():
        pipeline = _load_pipeline(settings)
    if interactive:
        out.print(f"Ask about the articles. {_CHAT_HELP} Ctrl-D ends.")
    history: list[ChatMessage] = []
    last: Answer | None = None
    while True:
        try:
            line = input("you> ") if interactive else sys.stdin.readline()
        except EOFError:
            break
        except KeyboardInterrupt:
            out.print()
            continue
        if not interactive and line == "":
            break
        question = line.strip()
        if not question:
            continue
        if question in {"/quit", "/exit"}:
            break
        if question == "/reset":
            history, last = [], None
            out.print("[dim]Conversation cleared.[/dim]")
            continue
        if question == "/sources":
            if last is None or not last.citations:
                out.print("[dim]No sources yet.[/dim]")
            else:
                _print_answer(last)
            continue
        if question.startswith("/"):
            out.print(f"[dim]Unknown command. {_CHAT_HELP}[/dim]")
            continue
        try:
            with _edge():
                last = _streamed(pipeline, question, history, k)
        except KeyboardInterrupt:
            err.print("[dim](cancelled)[/dim]")
            continue
        except typer.Exit:
            continue  # the error was printed; the conversation goes on
        _print_answer(last)
        history += [ChatMessage(role="user", content=question), ChatMessage(role="assistant", content=last.answer)]
        history = history[-12:]


def _register_plugins() -> None:
    """Add the commands other packages register (``rag serve`` from api, ``rag eval`` from eval).

    The shells depend on this package, never the reverse: each names a ``register(app)`` function in the
    ``newsrag.commands`` entry-point group (pyproject.toml), and nothing here imports them.
    """
    for entry in sorted(entry_points(group=PLUGIN_GROUP), key=lambda e: e.name):
        entry.load()(app)


app.add_typer(documents_app, name="documents")
_register_plugins()
