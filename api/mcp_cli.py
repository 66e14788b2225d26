"""``rag mcp``: the MCP tools over stdio, for an MCP client (Claude Desktop, an agent) to launch as a process."""

from __future__ import annotations

import typer

from rag.settings import get_settings

__all__ = ["mcp", "register"]


def mcp() -> None:
    """Serve the MCP tools (ask, search, get_article, list_articles) over stdin/stdout; logs go to stderr."""
    from api.mcp_server import serve_stdio  # the SDK is imported only when the command runs

    serve_stdio(get_settings())


def register(app: typer.Typer) -> None:
    """Add ``mcp`` to the ``rag`` command."""
    app.command("mcp")(mcp)


if __name__ == "__main__":  # `python -m api.mcp_cli`: the same server, without the installed `rag` script
    typer.run(mcp)
