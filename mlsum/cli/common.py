"""What every command shares: error reporting, input listing, output (text, JSON lines, result file).

Exit codes: 0 when every input was done, 1 when some failed (the others are still done and printed),
2 for usage errors (including a device this machine lacks and an --output that cannot be used), 130
when interrupted. A user error is one line on stderr, never a traceback;
`mlsum --debug` shows the traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from typer.core import TyperGroup

from ..document import Document
from ..errors import MlsumError, OutputError, UsageError
from ..jsonl import dumps
from ..records import failure_record, with_kind

STATE = {"debug": False}

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class Lang(str, Enum):
    en = "en"
    fr = "fr"


Inputs = Annotated[list[str], typer.Argument(metavar="INPUT", help="Files, directories (their .txt/.html/.jsonl files), "
                                                  "http(s) URLs, JSONL corpora, or - for stdin.")]
AllowAnyPath = Annotated[bool, typer.Option(
    "--allow-any-path", help="Let a JSONL record's `path` name a file outside the corpus file's folder.")]
LangOpt = Annotated[Optional[Lang], typer.Option("--lang", help="Skip detection: the input language.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary line.")]


def error_line(message: str) -> None:
    note_line(message, "error")


def note_line(message: str, label: str = "warning") -> None:
    typer.echo(f"mlsum: {label}: {one_line(message)}", err=True)


_LINE_BREAKING = {ord(ch): ch.encode("unicode_escape").decode() for ch in
                  [*map(chr, range(32)), "\x7f", "\x85", "\u2028", "\u2029"]}


def one_line(message: str) -> str:
    """The message with the characters that would break or garble its line (newlines, other control
    characters, Unicode line separators, as a hostile file name or URL may hold) escaped."""
    return message.translate(_LINE_BREAKING)


class Group(TyperGroup):
    """typer's command group, with help that leaves out the type typer 0.29 prints after every flag
    (`<bool>`) and after an argument that has a metavar (`<list[str]>` after INPUT): a flag takes no
    value, and the metavar already names the argument. Other types (`<en|fr>`, `<path>`) stay."""

    def format_help(self, ctx, formatter) -> None:
        _hide_needless_types(self.get_params(ctx))
        super().format_help(ctx, formatter)

    def get_command(self, ctx, cmd_name):
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            _hide_needless_types(command.get_params(ctx))
        return command


def _hide_needless_types(params) -> None:
    for param in params:
        if getattr(param, "is_flag", False) or (param.param_type_name == "argument" and param.metavar):
            param.display_type_rich = _no_type


def _no_type(ctx=None) -> None:
    return None


@contextmanager
def user_errors() -> Iterator[None]:
    """MlsumError → one line on stderr and a non-zero exit (2 for a device that is not here)."""
    try:
        yield
    except MlsumError as exc:
        if STATE["debug"]:
            raise
        error_line(str(exc))
        raise typer.Exit(EXIT_USAGE if isinstance(exc, UsageError) else EXIT_FAILED) from None


Render = Callable[[Document], str]
Record = Callable[[Document], dict[str, Any]]


def run_command(args: Sequence[str], stage: Callable[[list[Document]], list[Document]], *,
                render: Render, record: Record, as_json: bool, kind: str | None = None,
                output: Path | None = None, overwrite: bool = False, quiet: bool = False, window: int = 32,
                headers: bool = True, allow_any_path: bool = False) -> None:
    """List the inputs, run them through `stage` window by window, print or append every result, exit.

    Records are stamped with `kind` (the command's kind of result). With `output`, everything that
    can be checked is checked before any input is read: the file can be written, is not an input,
    holds only `kind` records, and no other run holds it. In text mode several inputs are printed
    under `==> path <==` headers (as `head` does) unless the rendering is already one line per input
    (`headers=False`).
    """
    from .. import batch
    from ..sources import ReadOptions, input_paths, list_inputs

    target = os.path.realpath(output) if output else None
    if output:
        batch.check_output(output)
    inputs = list_inputs(args, ReadOptions(allow_any_path=allow_any_path,
                                           exclude=frozenset({target} if target else ())))
    if target and target in input_paths(inputs):
        raise OutputError(f"--output {output} is also an input; choose another file")
    result_file = batch.ResultFile(output, kind or "result", overwrite) if output else None
    try:
        _run(inputs, stage, result_file, render=render, record=record, as_json=as_json, kind=kind,
             quiet=quiet, window=window, headers=headers)
    finally:
        if result_file is not None:
            result_file.close()


def _run(inputs, stage, result_file, *, render: Render, record: Record, as_json: bool, kind: str | None,
         quiet: bool, window: int, headers: bool) -> None:
    from .. import batch

    todo, skipped = batch.pending_inputs(inputs, result_file.done_ids if result_file else set())
    retried = 0
    if result_file is not None:
        retried = len(result_file.failed_ids & {item.id for item in todo})
        result_file.retry([item.id for item in todo])
        for message in result_file.notes:
            note_line(message, "note")
    headers = headers and not as_json and result_file is None and len(todo) > 1

    def emit(doc: Document) -> None:
        for message in doc.warnings:
            note_line(message)
        if doc.error:
            error_line(doc.error)
        data = failure_record(doc) if doc.error else record(doc)
        if kind:
            data = with_kind(data, kind)
        if result_file is not None:
            result_file.write(data)
        elif as_json:
            typer.echo(dumps(data))
        elif not doc.error:
            if headers:
                typer.echo(f"==> {one_line(_label(doc))} <==")
            typer.echo(render(doc) + ("\n" if headers else ""))

    stop = batch.StopFlag()
    with stop.installed(), progress_bar(len(todo), quiet) as advance:
        stats = batch.run(todo, stage, emit, window=window, stop=stop, progress=advance)
    if result_file is not None and not quiet:
        again = f"; {retried} that had failed were tried again" if retried else ""
        typer.echo(f"mlsum: {stats.done} done, {stats.failed} failed, {skipped} already in "
                   f"{one_line(str(result_file.path))}{again} ({stats.seconds:.1f} s)", err=True)
    if stats.interrupted:
        hint = "rerun the same command to resume" if result_file else "use --output FILE to make runs resumable"
        typer.echo(f"mlsum: interrupted after {stats.done + stats.failed} inputs; {hint}", err=True)
        raise typer.Exit(EXIT_INTERRUPTED)
    if stats.failed:
        raise typer.Exit(EXIT_FAILED)


def _label(doc: Document) -> str:
    """What names a document in text output: its file or URL, and its id for a corpus record."""
    from ..sources import JSONL_SUFFIXES

    if doc.path and doc.path.lower().endswith(JSONL_SUFFIXES):
        return f"{doc.path}: {doc.id}"
    return doc.path or doc.id


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
