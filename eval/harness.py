"""Run gold questions through configurations, score them and write the reports.

``run_evaluation`` is what ``rag eval`` calls: it builds the registered configurations from settings.
``evaluate`` does the work for any ``System``s (tests hand it systems built on fakes).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from eval.citations import SupportFn, VerifierSupport
from eval.compare import Comparison, compare
from eval.gold import GoldItem, load_gold, select
from eval.records import QuestionRecord, failed_record, score_answer
from eval.report import write_comparison, write_run
from eval.summary import Summary, summarise
from eval.systems import BASELINE, REGISTRY, SharedModels, System
from rag.settings import Settings

__all__ = ["BASELINE", "RETRIEVAL_K", "EvalRun", "SystemPlan", "evaluate", "run_evaluation", "run_system"]

log = logging.getLogger(__name__)

RETRIEVAL_K = 5

RecordHook = Callable[[QuestionRecord], None]


@dataclass
class SystemPlan:
    """A configuration to run: how to build it (only when its turn comes) and what its report says of it."""

    build: Callable[[], System]
    description: str = ""
    settings: dict[str, Any] = field(default_factory=dict)


@dataclass
class EvalRun:
    """What a run produced."""

    summaries: dict[str, Summary]
    records: dict[str, list[QuestionRecord]]
    files: list[Path]
    comparison: Comparison | None = None


def run_system(
    system: System,
    items: Sequence[GoldItem],
    *,
    k: int = RETRIEVAL_K,
    supports: SupportFn | None = None,
    on_record: RecordHook | None = None,
) -> list[QuestionRecord]:
    """Answer and score every item with one system, in order."""
    records = []
    for item in items:
        started = time.perf_counter()
        try:
            answer = system.answer(item)
        except Exception as exc:  # one failing question must not lose a long run: it is recorded and counts as wrong
            log.warning("%s failed on %s: %s", system.name, item.id, exc, exc_info=log.isEnabledFor(logging.DEBUG))
            record = failed_record(
                item, config=system.name, latency_s=time.perf_counter() - started, error=f"{type(exc).__name__}: {exc}"
            )
        else:
            latency = time.perf_counter() - started
            # Retrieval is probed separately (not timed) with the question the system actually searched.
            retrieved = system.rank_articles(answer.question or item.question, k)
            record = score_answer(
                item,
                answer,
                config=system.name,
                latency_s=latency,
                retrieved=retrieved,
                k=k,
                supports=supports if system.cites else None,
            )
        records.append(record)
        if on_record is not None:
            on_record(record)
    return records


def _progress(console: Console) -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[status]}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
    )


def evaluate(
    items: Sequence[GoldItem],
    plans: Mapping[str, SystemPlan],
    out_dir: Path,
    *,
    supports: SupportFn | None,
    compare_configs: bool = False,
    k: int = RETRIEVAL_K,
    gold_label: str = "",
    n_gold: int | None = None,
    console: Console | None = None,
) -> EvalRun:
    """Run every plan on ``items``; one config writes to ``out_dir``, a comparison to ``out_dir/<config>/``."""
    console = console or Console(stderr=True)
    summaries: dict[str, Summary] = {}
    records: dict[str, list[QuestionRecord]] = {}
    reports: dict[str, Path] = {}
    files: list[Path] = []
    with _progress(console) as progress:
        for name, plan in plans.items():
            task = progress.add_task(name, total=len(items), status="loading")
            started_at = datetime.now(UTC).isoformat(timespec="seconds")
            started = time.perf_counter()
            system = plan.build()
            progress.update(task, status="")
            target = out_dir / name if compare_configs else out_dir
            target.mkdir(parents=True, exist_ok=True)
            right = 0
            # Answers are appended as they come, so an interrupted run still leaves what it had done.
            with (target / "answers.jsonl").open("w", encoding="utf-8") as partial:

                def tick(record: QuestionRecord, task: Any = task, partial: Any = partial) -> None:
                    nonlocal right
                    right += record.correct
                    partial.write(record.model_dump_json() + "\n")
                    partial.flush()
                    done = progress.tasks[task].completed + 1
                    progress.update(task, advance=1, status=f"right {right}/{done:.0f}")

                recs = run_system(system, items, k=k, supports=supports, on_record=tick)
            model = next((r.model for r in recs if r.model), "")
            summary = summarise(
                recs,
                config=name,
                retrieval_k=k,
                description=plan.description,
                model=model,
                gold=gold_label,
                n_gold=n_gold or len(items),
                settings=plan.settings,
                started_at=started_at,
                elapsed_s=round(time.perf_counter() - started, 1),
            )
            written = write_run(target, summary, recs)
            files += written
            reports[name] = written[-1]
            summaries[name], records[name] = summary, recs
            del system  # a pipeline's index and caches; the shared models stay
    comparison = None
    if compare_configs:
        comparison = compare(summaries, records, baseline=next(iter(plans)))
        files += write_comparison(out_dir, comparison, reports)
    return EvalRun(summaries=summaries, records=records, files=files, comparison=comparison)


def run_evaluation(
    gold: Path,
    out_dir: Path,
    *,
    limit: int | None = None,
    configs: Sequence[str] = (BASELINE,),
    compare_configs: bool = False,
    settings: Settings,
    k: int = RETRIEVAL_K,
    console: Console | None = None,
) -> EvalRun:
    """Load the gold set, build the named configurations from ``settings``, run and report them."""
    every = load_gold(gold)
    items = select(every, limit)
    shared = SharedModels(settings)
    plans = {}
    for name in configs:
        spec = REGISTRY[name]
        config_settings = spec.settings(settings)
        plans[name] = SystemPlan(
            build=partial(spec.build, settings, shared),
            description=spec.description,
            settings=config_settings.model_dump(mode="json"),
        )
    supports = VerifierSupport(shared.embedder, threshold=settings.support_threshold)
    return evaluate(
        items,
        plans,
        out_dir,
        supports=supports,
        compare_configs=compare_configs,
        k=k,
        gold_label=_label(gold),
        n_gold=len(every),
        console=console,
    )


def _label(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
