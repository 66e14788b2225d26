"""``rag eval``: score the pipeline (and, with --compare, other configurations) on the gold questions.

``run_eval`` is a plain Typer-annotated function; ``register`` adds it to the ``rag`` command through the
``newsrag.commands`` entry point (``python -m eval`` runs it on its own).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from eval.gold import DEFAULT_GOLD, GoldError
from eval.systems import REGISTRY, parse_configs
from rag.cli_errors import EXIT_USAGE, cli_errors
from rag.settings import Settings, get_settings

if TYPE_CHECKING:
    from eval.harness import EvalRun

__all__ = ["DEFAULT_OUT", "register", "run_eval"]

DEFAULT_OUT = Path("eval/out")

err = Console(stderr=True)
stdout = Console()


def run_eval(
    gold: Annotated[
        Path,
        typer.Option(help="gold questions, one JSON object per line", dir_okay=False, show_default="eval/gold.jsonl"),
    ] = DEFAULT_GOLD,
    out: Annotated[
        Path,
        typer.Option(help="folder for answers.jsonl, summary.json, report.md and plots", file_okay=False),
    ] = DEFAULT_OUT,
    limit: Annotated[
        int | None, typer.Option(min=1, help="only N questions, taken in turn from each kind (a quick check)")
    ] = None,
    articles: Annotated[
        Path | None,
        typer.Option(
            help="another collection to answer from (e.g. eval/collections/wikinews/articles); it gets its own "
            "index under OUT/index unless --index is given",
            file_okay=False,
        ),
    ] = None,
    index: Annotated[Path | None, typer.Option(help="index directory for --articles", file_okay=False)] = None,
    compare: Annotated[
        str | None,
        typer.Option(
            help=f"run these configurations side by side, comma-separated ({', '.join(REGISTRY)}); "
            "the first is the baseline if it is pipeline, corpus or retrieval, else pipeline is added first; "
            "each gets DIR/<name>/, plus DIR/compare.md",
            metavar="NAME,...",
        ),
    ] = None,
) -> None:
    """Score answers on the gold questions: accuracy, abstention, citations, retrieval and latency."""
    try:
        configs = parse_configs(compare)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--compare") from None
    # Imported here: matplotlib and the report code load only when an evaluation actually runs.
    from eval.harness import run_evaluation

    try:
        with cli_errors(err):
            run = run_evaluation(
                gold,
                out,
                limit=limit,
                configs=configs,
                compare_configs=compare is not None,
                settings=_settings(out, articles, index),
                console=err,
            )
    except GoldError as exc:
        err.print(f"[red]gold file error:[/red] {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    _print(run, out, compared=compare is not None)


def _settings(out: Path, articles: Path | None, index: Path | None) -> Settings:
    """The configured settings; another collection is answered from its own index, never the default one."""
    settings = get_settings()
    if articles is None:
        return settings if index is None else settings.model_copy(update={"index_dir": index})
    return settings.model_copy(update={"articles_dir": articles, "index_dir": index or out / "index"})


def _share(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def _print(run: EvalRun, out_dir: Path, *, compared: bool) -> None:
    for name, s in run.summaries.items():
        f1 = "n/a" if s.answer_f1 is None else f"{s.answer_f1:.2f}"
        mrr = "n/a" if s.mrr is None else f"{s.mrr:.2f}"
        stdout.print(
            f"[bold]{name}[/bold] ({s.n} questions): answer accuracy {_share(s.answer_accuracy)}, F1 {f1}, "
            f"abstention accuracy {_share(s.abstention_accuracy)}, false abstention {_share(s.false_abstention_rate)}, "
            f"citation recall {_share(s.citation_recall)} / precision {_share(s.citation_precision)}, "
            f"recall@{s.retrieval_k} {_share(s.retrieval_recall_at_k)}, MRR {mrr}, "
            f"latency p50 {s.latency_p50_s or 0:.1f} s / p95 {s.latency_p95_s or 0:.1f} s"
            + (
                f"; answerable right/refused/wrong {s.outcomes.right}/{s.outcomes.refused}/{s.outcomes.wrong}, "
                f"to abstain on abstained/answered {s.outcomes.abstained}/{s.outcomes.invented}, "
                f"trust {s.outcomes.trust:.2f}"
                if s.outcomes
                else ""
            )
            + (f", [red]{s.n_errors} errors[/red]" if s.n_errors else ""),
            highlight=False,
        )
        for gate, g in s.gates.items():
            stdout.print(f"  gate {gate}: caught {g.caught}, false refusals {g.false_refusals}", highlight=False)
    if run.comparison is not None:
        for name, scopes in run.comparison.mcnemar.items():
            t = scopes["accuracy"]
            verdict = "significant" if t.significant else "not significant"
            stdout.print(
                f"{name} vs {run.comparison.baseline}: right only here {t.only_this}, only there {t.only_baseline}, "
                f"exact McNemar p = {t.p_value:.3g} ({verdict})",
                highlight=False,
            )
    report = out_dir / ("compare.md" if compared else "report.md")
    stdout.print(f"Report: {report}", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("eval")(run_eval)
