"""JSON-lines reading and crash-safe appending, shared by corpus runs, result files and evaluation.

Lines are read as bytes and decoded one by one, so one line that is not UTF-8 (or not JSON) is
reported alone, with its number, and the lines around it are still read.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .errors import InputError

MAX_LINE_BYTES = 20_000_000
"""The longest JSONL line read: an article at the 5 MB input cap, with room for its JSON escapes."""

_CHUNK = 1 << 20
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def parse_line(line: bytes | str, lineno: int, path: str | os.PathLike) -> dict[str, Any]:
    """One JSONL line as a dict, or an InputError that names the file and line and what is wrong."""
    where = f"{path}: line {lineno}"
    if isinstance(line, bytes):
        if len(line) > MAX_LINE_BYTES:
            raise InputError(f"{where}: longer than {MAX_LINE_BYTES // 1_000_000} MB")
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"{where}: not UTF-8 (byte 0x{line[exc.start]:02x} at column {exc.start + 1}); "
                             f"JSON lines must be UTF-8") from None
    else:
        text = line
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: invalid JSON ({exc.msg}, column {exc.colno})") from None
    except (ValueError, RecursionError) as exc:  # an integer too long to convert, nesting too deep
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc).split(";")[0]
        raise InputError(f"{where}: invalid JSON ({reason})") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object, got {_json_type(record)}")
    if _SURROGATE_ESCAPE.search(line if isinstance(line, bytes) else line.encode("utf-8", "replace")):
        try:
            json.dumps(record, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise InputError(f"{where}: a \\u escape is half of a UTF-16 surrogate pair, not a character") from None
    return record


def _json_type(value: Any) -> str:
    return {list: "an array", str: "a string", bool: "a boolean", int: "a number", float: "a number",
            type(None): "null"}.get(type(value), type(value).__name__)


def iter_lines(path: str | os.PathLike) -> Iterator[tuple[int, bytes]]:
    """Non-blank lines as bytes, without their line end, with their 1-based numbers.

    A UTF-8 byte-order mark before the first line is dropped. A line longer than
    :data:`MAX_LINE_BYTES` is cut to one byte over the limit (the rest is skipped, never held in
    memory), so that :func:`parse_line` reports it. A missing, unreadable, non-regular or UTF-16 file
    is an InputError.
    """
    p = Path(path)
    try:
        fh = p.open("rb")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    with fh:
        if not _is_regular(fh):
            raise InputError(f"{path}: not a regular file")
        head = fh.read(4)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise InputError(f"{path}: UTF-16 text; JSON lines must be UTF-8")
        fh.seek(len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0)
        lineno = 0
        while True:
            line = fh.readline(MAX_LINE_BYTES + 1)
            if not line:
                return
            lineno += 1
            if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
                while (rest := fh.readline(_CHUNK)) and not rest.endswith(b"\n"):
                    pass
            line = line.rstrip(b"\r\n")
            if line.strip():
                yield lineno, line


def _is_regular(fh) -> bool:
    return stat.S_ISREG(os.fstat(fh.fileno()).st_mode)


def read_jsonl(path: str | os.PathLike) -> Iterator[tuple[int, dict[str, Any]]]:
    """Every record of a JSONL file, failing on the first malformed line (for inputs that must be whole)."""
    for lineno, line in iter_lines(path):
        yield lineno, parse_line(line, lineno, path)


def dumps(record: dict[str, Any]) -> str:
    """A record as one JSON line (no newline): non-ASCII kept as is."""
    return json.dumps(record, ensure_ascii=False)


def write_record(fh: IO[str], record: dict[str, Any]) -> None:
    """Append one record as a single line and flush it, so a crash loses at most the line being written."""
    fh.write(dumps(record) + "\n")
    fh.flush()
