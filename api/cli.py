"""``rag serve``: registered into the ``rag`` command through the ``newsrag.commands`` entry point."""

from __future__ import annotations

from typing import Annotated

import typer

__all__ = ["register", "serve"]


def serve(
    host: Annotated[str | None, typer.Option(help="interface to listen on (default RAG_HOST, 127.0.0.1)")] = None,
    port: Annotated[int | None, typer.Option(min=1, max=65535, help="port (default RAG_PORT, 8000)")] = None,
) -> None:
    """Serve the HTTP API (/ask, /ask/stream, /articles, /metrics, /docs) and the web page at /."""
    # Imported when the command runs: `rag --help` loads no web framework.
    from api.server import serve as run_server

    run_server(host, port)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
