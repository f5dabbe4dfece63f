"""JSON-lines reading and crash-safe appending, shared by corpus runs and evaluation."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, IO

from .errors import InputError


def parse_line(line: str, lineno: int, path: str | os.PathLike) -> dict[str, Any]:
    """One JSONL line as a dict, or an InputError that names the file and line."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: line {lineno}: invalid JSON ({exc.msg})") from None
    if not isinstance(record, dict):
        raise InputError(f"{path}: line {lineno}: expected a JSON object, got {type(record).__name__}")
    return record


def iter_lines(path: str | os.PathLike) -> Iterator[tuple[int, str]]:
    """Non-blank lines with their 1-based numbers; a missing file is an InputError."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path}: no such file")
    with p.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if line.strip():
                yield lineno, line


def read_jsonl(path: str | os.PathLike) -> Iterator[tuple[int, dict[str, Any]]]:
    """Every record of a JSONL file, failing on the first malformed line (for inputs that must be whole)."""
    for lineno, line in iter_lines(path):
        yield lineno, parse_line(line, lineno, path)


def write_record(fh: IO[str], record: dict[str, Any]) -> None:
    """Append one record as a single line and flush it, so a crash loses at most the line being written."""
    fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    fh.flush()
