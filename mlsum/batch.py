"""Corpus runs: windows of documents through a stage function, results appended as they are done.

The output file is the run's only state. Every window's records are appended and flushed before the
next window starts, so a run killed at any moment (SIGKILL included) loses at most the window in
flight. Rerunning the same command reads the file back: ids with a result are skipped, ids that
failed are tried again (their old error record is removed first, so that every id ends with exactly
one record), a half-written last line or a damaged line is repaired. A lock keeps a second run off
the same file.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import sys
import time
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TypeVar

from .document import Document
from .errors import OutputError
from .jsonl import write_record
from .sources import Input

Stage = Callable[[list[Document]], list[Document]]
Place = TypeVar("Place", bound=Hashable)  # where a record is: a line number, or (part file, line)


@dataclass
class RunStats:
    done: int = 0
    failed: int = 0
    skipped: int = 0
    interrupted: bool = False
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)


def check_output(path: Path) -> None:
    """Fail at once, in one line, for an --output that cannot be a result file."""
    where = f"--output {path}"
    if path.is_dir():
        raise OutputError(f"{where} is a directory; name a file")
    parent = path.parent
    if not parent.is_dir():
        raise OutputError(f"{where}: folder {parent} does not exist")
    if path.exists() and not stat.S_ISREG(path.stat().st_mode):
        raise OutputError(f"{where} is not a regular file")


class ResultFile:
    """The JSONL results of one command (`kind`), that a rerun resumes from.

    Opening it checks that it can be written, takes its lock (`<file>.lock`, held until `close`), and
    reads it back: it must hold only records of `kind` (an input corpus or another command's results
    are refused, unless `overwrite`). `done_ids` are the ids with a result; `failed_ids` those with an
    error record, to be tried again. Call :meth:`retry` with the ids about to be redone before writing.
    """

    def __init__(self, path: str | os.PathLike, kind: str, overwrite: bool = False):
        self.path = Path(path)
        self.kind = kind
        self.notes: list[str] = []
        self.done_ids: set[str] = set()
        self.failed_ids: set[str] = set()
        self._fh: IO[str] | None = None
        self._drop: dict[int, str] = {}  # line number -> why it goes (damaged, repeated, retried)
        self._error_line: dict[str, int] = {}  # id that failed -> the line of its error record
        self._torn = False
        check_output(self.path)
        self._file = Path(os.path.realpath(self.path))  # a link's target: one lock, and a rewrite keeps the link
        self._lock = self._acquire()
        try:
            if overwrite:
                self._file.write_bytes(b"")
            self._scan()
        except BaseException:
            self._lock.release()
            raise

    def _acquire(self):
        from filelock import FileLock, Timeout

        lock = FileLock(f"{self._file}.lock", timeout=0)
        try:
            lock.acquire()
        except Timeout:
            raise OutputError(f"--output {self.path} is in use by another mlsum run (lock {self._file}.lock); "
                              f"wait for it to finish or choose another file") from None
        except OSError as exc:
            raise OutputError(f"--output {self.path}: cannot write in {self.path.parent} "
                              f"({exc.strerror or exc})") from None
        try:
            with self._file.open("ab"):
                pass
        except OSError as exc:
            lock.release()
            raise OutputError(f"--output {self.path}: cannot write ({exc.strerror or exc})") from None
        return lock

    def _lines(self) -> Iterator[tuple[int, bytes]]:
        with self._file.open("rb") as fh:
            for lineno, line in enumerate(fh, start=1):
                yield lineno, line

    def _scan(self) -> None:
        damaged: list[int] = []
        records: list[tuple[int, str, bool]] = []
        last = 0
        for lineno, raw in self._lines():
            last = lineno
            if not raw.strip():
                self._drop[lineno] = "blank"
                continue
            record = _record(raw)
            if record is None:
                if not raw.endswith(b"\n"):
                    self._torn = True
                    self._drop[lineno] = "torn"
                else:
                    damaged.append(lineno)
                    self._drop[lineno] = "damaged"
                continue
            if record.get("kind") != self.kind:
                found = record.get("kind")
                what = f"a {found!r} record" if isinstance(found, str) else "not an mlsum result"
                raise OutputError(f"--output {self.path} is not a {self.kind!r} result file (line {lineno} is "
                                  f"{what}); choose another file, or --overwrite to replace it")
            records.append((lineno, record["id"], bool(record.get("error"))))
        if damaged and not records:
            raise OutputError(f"--output {self.path} is not a JSON-lines result file (line {damaged[0]} is not a "
                              f"JSON record); choose another file, or --overwrite to replace it")
        self.done_ids, self._error_line, drop = settle(records)
        self._drop.update(drop)
        self.failed_ids = set(self._error_line)
        if self._torn:
            self.notes.append(f"{self.path}: repaired a half-written last line (line {last})")
        if damaged:
            shown = ", ".join(map(str, damaged[:5])) + (", ..." if len(damaged) > 5 else "")
            self.notes.append(f"{self.path}: {len(damaged)} damaged line{'s' if len(damaged) > 1 else ''} "
                              f"(not a JSON record: {shown}) moved to {self.path}.damaged; their inputs are redone")
        repeated = sum(1 for why in self._drop.values() if why == "repeated")
        if repeated:
            self.notes.append(f"{self.path}: removed {repeated} repeated record{'s' if repeated > 1 else ''} of ids "
                              f"already in it")

    def retry(self, ids: Collection[str]) -> None:
        """Drop the error records of `ids` (about to be redone) and every line found unfit, rewriting
        the file atomically (a temporary file renamed over it) when anything goes."""
        for id_ in ids:
            if id_ in self._error_line:
                self._drop.setdefault(self._error_line[id_], "retried")
        if self._drop:
            self._rewrite()
        else:
            self._end_with_newline()
        self._drop.clear()

    def _rewrite(self) -> None:
        temporary = self._file.with_name(f".{self._file.name}.{os.getpid()}.tmp")
        damaged = self.path.with_name(f"{self.path.name}.damaged")
        try:
            with temporary.open("wb") as out, _maybe_open(damaged) as aside:
                for lineno, raw in self._lines():
                    why = self._drop.get(lineno)
                    if why is None:
                        out.write(raw if raw.endswith(b"\n") else raw + b"\n")
                    elif why == "damaged":
                        aside().write(raw)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, self._file)
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            raise OutputError(f"--output {self.path}: cannot rewrite ({exc.strerror or exc})") from None

    def _end_with_newline(self) -> None:
        """A whole last record without its newline (written by hand) must not swallow the next one."""
        size = self._file.stat().st_size
        if size:
            with self._file.open("r+b") as fh:
                fh.seek(size - 1)
                if fh.read(1) != b"\n":
                    fh.write(b"\n")

    def write(self, record: dict[str, Any]) -> None:
        if self._fh is None:
            self._fh = self._file.open("a", encoding="utf-8")
        write_record(self._fh, record)
        (self.failed_ids if record.get("error") else self.done_ids).add(str(record["id"]))

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        self._lock.release()


def settle(records: Iterable[tuple[Place, str, bool]]) -> tuple[set[str], dict[str, Place], dict[Place, str]]:
    """What a run's records, `(place, id, failed)` in the order they were written, leave to do.

    The ids done (with a result); for each id that only failed, the place of its last error record,
    the one kept until it is retried; and the places of the records that go, with why: another result
    of a done id (`repeated`), an error record of an id done since or failed again later (`stale`).
    """
    done: set[str] = set()
    errors: dict[str, list[Place]] = {}
    drop: dict[Place, str] = {}
    for place, id_, failed in records:
        if failed:
            errors.setdefault(id_, []).append(place)
        elif id_ in done:
            drop[place] = "repeated"
        else:
            done.add(id_)
    kept: dict[str, Place] = {}
    for id_, places in errors.items():
        stale = places if id_ in done else places[:-1]
        drop.update((place, "stale") for place in stale)
        if id_ not in done:
            kept[id_] = places[-1]
    return done, kept, drop


def _record(raw: bytes) -> dict[str, Any] | None:
    """A result line as a record with a string id, or None when it is not one (damaged or torn)."""
    try:
        record = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        return None
    if not isinstance(record, dict) or not isinstance(record.get("id"), str):
        return None
    return record


@contextmanager
def _maybe_open(path: Path) -> Iterator[Callable[[], IO[bytes]]]:
    """A file opened for appending only if something is written to it."""
    handle: list[IO[bytes]] = []

    def get() -> IO[bytes]:
        if not handle:
            handle.append(path.open("ab"))
        return handle[0]

    try:
        yield get
    finally:
        for fh in handle:
            fh.close()


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


def pending_inputs(inputs: Sequence[Input], done_ids: Collection[str]) -> tuple[list[Input], int]:
    """Inputs still to do, in order (those whose id is not done); and how many were skipped."""
    todo = [item for item in inputs if item.id not in done_ids]
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
