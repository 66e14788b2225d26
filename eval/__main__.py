"""``python -m eval``: the ``rag eval`` command on its own."""

import typer

from eval.cli import run_eval

app = typer.Typer(add_completion=False)
app.command("eval")(run_eval)

if __name__ == "__main__":
    app()
