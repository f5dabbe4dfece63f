"""The `mlsum` command: a thin typer layer over :mod:`mlsum.api`.

Only typer is imported at start-up; torch and transformers load inside the commands that need a
model, so `mlsum --help` and `mlsum detect` stay fast.
"""

from __future__ import annotations

import os
import sys
import warnings
from importlib import import_module
from typing import Annotated

import typer

from .. import __version__
from .common import STATE, Group

app = typer.Typer(
    name="mlsum",
    cls=Group,
    help="Detect, translate (fr→en), clean, summarize and evaluate news articles.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

COMMAND_MODULES = ("pipeline", "models", "evaluate")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mlsum {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    STATE["debug"] = debug
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "info" if debug else "error")
    if not debug:  # as its logging above: transformers' Python warnings are for developers, not users
        warnings.filterwarnings("ignore", module=r"transformers(\.|$)")
    if "transformers" in sys.modules:  # imported before the CLI ran (an embedding program): env vars come too late
        from transformers.utils import logging as transformers_logging

        transformers_logging.set_verbosity(transformers_logging.INFO if debug else transformers_logging.ERROR)
        transformers_logging.disable_progress_bar()


for _module in COMMAND_MODULES:
    import_module(f"{__name__}.{_module}").register(app)


def main() -> None:
    app()
