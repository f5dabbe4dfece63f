"""Corpus runs: windows of documents through a stage function, results appended as they are done.

The output file is the run's only state. Every window's records are appended and flushed before the
next window starts, so a run killed at any moment (SIGKILL included) loses at most the window in
flight; rerunning the same command reads the ids already written, repairs a half-written last line,
and carries on. Every id ends up in the output exactly once.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .document import Document
from .jsonl import write_record
from .sources import Input

Stage = Callable[[list[Document]], list[Document]]


@dataclass
class RunStats:
    done: int = 0
    failed: int = 0
    skipped: int = 0
    interrupted: bool = False
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)


class ResultFile:
    """An append-only JSONL of results that a rerun resumes from."""

    def __init__(self, path: str | os.PathLike, overwrite: bool = False):
        self.path = Path(path)
        self.repaired = False
        if overwrite and self.path.exists():
            self.path.unlink()
        self.done_ids = self._recover()
        self._fh: IO[str] | None = None

    def _recover(self) -> set[str]:
        """Ids already in the file; a last line cut short by a crash is truncated away."""
        if not self.path.exists():
            return set()
        data = self.path.read_bytes()
        keep = data.rfind(b"\n") + 1
        if keep < len(data):
            with self.path.open("r+b") as fh:
                fh.truncate(keep)
            self.repaired = True
        ids = set()
        for line in data[:keep].decode("utf-8", errors="replace").splitlines():
            try:
                ids.add(str(json.loads(line)["id"]))
            except (ValueError, KeyError, TypeError):
                continue  # a foreign or damaged line: its id (if any) will be redone
        return ids

    def write(self, record: dict[str, Any]) -> None:
        if self._fh is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = self.path.open("a", encoding="utf-8")
        write_record(self._fh, record)
        self.done_ids.add(str(record["id"]))

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


class StopFlag:
    """SIGINT asks the run to stop after the window in flight; a second SIGINT stops at once."""

    def __init__(self) -> None:
        self.requested = False

    @contextmanager
    def installed(self) -> Iterator["StopFlag"]:
        def on_sigint(signum, frame):
            if self.requested:
                raise KeyboardInterrupt
            self.requested = True
            print("mlsum: stopping after the current batch (Ctrl-C again to stop now)", file=sys.stderr)

        try:
            previous = signal.signal(signal.SIGINT, on_sigint)
        except ValueError:  # not the main thread (e.g. inside a test runner's worker)
            yield self
            return
        try:
            yield self
        finally:
            signal.signal(signal.SIGINT, previous)


def pending_inputs(inputs: Sequence[Input], done_ids: set[str]) -> tuple[list[Input], int]:
    """Inputs still to do, in order, without ids already done or repeated; and how many were skipped."""
    seen = set(done_ids)
    todo = []
    for item in inputs:
        if item.id not in seen:
            seen.add(item.id)
            todo.append(item)
    return todo, len(inputs) - len(todo)


def windows(items: Sequence[Input], size: int) -> Iterator[Sequence[Input]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def run(inputs: Sequence[Input], stage: Stage, emit: Callable[[Document], None], *, window: int,
        stop: StopFlag | None = None, progress: Callable[[int], None] | None = None) -> RunStats:
    """Load, process and emit the inputs window by window; failures are emitted too, never raised."""
    stats = RunStats()
    started = time.perf_counter()
    for group in windows(inputs, window):
        docs = stage([item.load() for item in group])
        for doc in docs:
            emit(doc)
            if doc.error:
                stats.failed += 1
                stats.failures.append(doc.error)
            else:
                stats.done += 1
        if progress:
            progress(len(docs))
        if stop is not None and stop.requested:
            stats.interrupted = True
            break
    stats.seconds = time.perf_counter() - started
    return stats
