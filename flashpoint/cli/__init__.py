"""The `flashpoint` command: a thin layer over the Python API.

Each command group lives in its own module and registers itself on ``app``; the list below is
the only place that knows them all.
"""
from __future__ import annotations

import contextlib
import sys

import typer

from ..errors import FlashpointError

app = typer.Typer(no_args_is_help=True, add_completion=False,
                  help="flashpoint: news text to PLOVER event data with status and attribution.")


@app.callback()
def _root() -> None:
    """flashpoint: news text to PLOVER event data with status and attribution."""


@contextlib.contextmanager
def cli_errors():
    """Turn a FlashpointError into one line on stderr and exit code 1."""
    try:
        yield
    except FlashpointError as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise typer.Exit(1)


def _register() -> None:
    from . import code_cmd, store_cmd, eval_cmd, classify_cmd, actors_cmd  # noqa: F401


_register()


def main() -> None:
    app()
