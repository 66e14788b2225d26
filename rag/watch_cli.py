"""The CLI side of ``rag index --watch``: a line per re-index, Ctrl-C to stop."""

from __future__ import annotations

from rich.console import Console

from index import BuildReport, Embedder, IndexStoreError
from rag.settings import Settings
from rag.watch import watch

__all__ = ["follow"]


def follow(settings: Settings, encoder: Embedder, out: Console, err: Console) -> None:
    def report(outcome: BuildReport | IndexStoreError) -> None:
        if isinstance(outcome, IndexStoreError):
            err.print(f"[red]index error:[/red] {outcome} (still watching)")
        elif not outcome.noop:
            out.print(
                f"re-indexed: {len(outcome.added)} added, {len(outcome.updated)} updated, "
                f"{len(outcome.removed)} removed; {outcome.n_chunks} chunks in {outcome.seconds:.1f}s"
            )

    err.print(f"[dim]watching {settings.articles_dir} (Ctrl-C to stop)[/dim]")
    try:
        watch(settings, encoder, report)
    except KeyboardInterrupt:
        err.print("[dim]stopped watching[/dim]")
