"""What every command shares: error reporting, input listing, output (text, JSON lines, result file).

Exit codes: 0 when every input was done, 1 when some failed (the others are still done and printed),
2 for usage errors, 130 when interrupted. A user error is one line on stderr, never a traceback;
`mlsum --debug` shows the traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from ..document import Document
from ..errors import DeviceError, MlsumError
from ..records import failure_record

STATE = {"debug": False}

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class Lang(str, Enum):
    en = "en"
    fr = "fr"


Inputs = Annotated[list[str], typer.Argument(metavar="INPUT", help="Files, directories (their .txt/.html/.jsonl files), "
                                                  "http(s) URLs, JSONL corpora, or - for stdin.")]
LangOpt = Annotated[Optional[Lang], typer.Option("--lang", help="Skip detection: the input language.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary line.")]


def error_line(message: str) -> None:
    typer.echo(f"mlsum: error: {message}", err=True)


@contextmanager
def user_errors() -> Iterator[None]:
    """MlsumError → one line on stderr and a non-zero exit (2 for a device that is not here)."""
    try:
        yield
    except MlsumError as exc:
        if STATE["debug"]:
            raise
        error_line(str(exc))
        raise typer.Exit(EXIT_USAGE if isinstance(exc, DeviceError) else EXIT_FAILED) from None


def list_inputs(args: Sequence[str]):
    from ..sources import iter_inputs

    return list(iter_inputs(args))


Render = Callable[[Document], str]
Record = Callable[[Document], dict[str, Any]]


def run_command(args: Sequence[str], stage: Callable[[list[Document]], list[Document]], *,
                render: Render, record: Record, as_json: bool, output: Path | None = None,
                overwrite: bool = False, quiet: bool = False, window: int = 32,
                headers: bool = True) -> None:
    """List the inputs, run them through `stage` window by window, print or append every result, exit.

    In text mode several inputs are printed under `==> path <==` headers (as `head` does) unless the
    rendering is already one line per input (`headers=False`).
    """
    from .. import batch

    inputs = list_inputs(args)
    result_file = batch.ResultFile(output, overwrite) if output else None
    todo, skipped = batch.pending_inputs(inputs, result_file.done_ids if result_file else set())
    if result_file and result_file.repaired:
        typer.echo(f"mlsum: repaired a half-written last line in {output}", err=True)
    headers = headers and not as_json and result_file is None and len(todo) > 1

    def emit(doc: Document) -> None:
        if doc.error:
            error_line(doc.error)
        if result_file is not None:
            result_file.write(failure_record(doc) if doc.error else record(doc))
        elif as_json:
            typer.echo(json.dumps(failure_record(doc) if doc.error else record(doc), ensure_ascii=False))
        elif not doc.error:
            if headers:
                typer.echo(f"==> {doc.path or doc.id} <==")
            typer.echo(render(doc) + ("\n" if headers else ""))

    stop = batch.StopFlag()
    try:
        with stop.installed(), progress_bar(len(todo), quiet) as advance:
            stats = batch.run(todo, stage, emit, window=window, stop=stop, progress=advance)
    finally:
        if result_file is not None:
            result_file.close()
    if result_file is not None and not quiet:
        typer.echo(f"mlsum: {stats.done} done, {stats.failed} failed, {skipped} already in {output} "
                   f"({stats.seconds:.1f} s)", err=True)
    if stats.interrupted:
        hint = "rerun the same command to resume" if output else "use --output FILE to make runs resumable"
        typer.echo(f"mlsum: interrupted after {stats.done + stats.failed} inputs; {hint}", err=True)
        raise typer.Exit(EXIT_INTERRUPTED)
    if stats.failed:
        raise typer.Exit(EXIT_FAILED)


@contextmanager
def progress_bar(total: int, quiet: bool) -> Iterator[Callable[[int], None]]:
    """A rich progress bar (done/total, docs/s, ETA) on stderr when it is a terminal; else nothing."""
    if quiet or total < 2 or not sys.stderr.isatty():
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn, TextColumn,
                               TimeRemainingColumn)

    columns = [TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
               TaskProgressColumn(), TextColumn("{task.fields[rate]}"),
               TimeRemainingColumn()]
    with Progress(*columns, console=Console(stderr=True), transient=False) as progress:
        task = progress.add_task("mlsum", total=total, rate="")

        def advance(n: int) -> None:
            progress.advance(task, n)
            speed = progress.tasks[task].speed
            progress.update(task, rate=f"{speed:.2f} docs/s" if speed else "")

        yield advance
