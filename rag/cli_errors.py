"""The one place where the packages' exceptions become a message and an exit code, for every command."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console

from index import IndexStoreError
from rag._exceptions import InvalidQuestionError, RagError

__all__ = ["EXIT_INDEX", "EXIT_MODEL", "EXIT_USAGE", "cli_errors"]

EXIT_USAGE = 2
EXIT_INDEX = 3
EXIT_MODEL = 4


@contextmanager
def cli_errors(console: Console) -> Iterator[None]:
    """Turn index and rag errors into one clear line on ``console`` and a typer exit code."""
    try:
        yield
    except IndexStoreError as exc:
        console.print(f"[red]index error:[/red] {exc}")
        raise typer.Exit(EXIT_INDEX) from None
    except InvalidQuestionError as exc:
        console.print(f"[red]invalid question:[/red] {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    except RagError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(EXIT_MODEL) from None
