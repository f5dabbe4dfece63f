"""Turning command-line inputs (files, directories, `-`, URLs, JSONL corpora) into Documents.

Inputs are listed first and read later (:meth:`Input.load`), so a resumed corpus run can skip the ids
it already has without reading, decoding or fetching them again.
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .document import Document
from .errors import InputError, MlsumError
from .jsonl import iter_lines, parse_line

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
_BINARY_CONTROL_RATIO = 0.05
WESTERN_ENCODINGS = ["cp1252", "latin_1", "iso8859_15", "mac_roman"]


@dataclass
class Input:
    """One article to come: its id and where it is, read only when `load` is called."""

    id: str
    path: str | None
    _read: Callable[[], Document]

    def load(self) -> Document:
        """The Document, or one carrying `error` when this input cannot be read (never raises)."""
        try:
            return self._read()
        except MlsumError as exc:
            return Document(id=self.id, text="", path=self.path, error=str(exc))


def is_url(arg: str) -> bool:
    return arg.startswith(("http://", "https://"))


def iter_inputs(args: Sequence[str]) -> Iterator[Input]:
    """Every article named by the arguments, in order; a bad argument becomes an Input that fails."""
    for arg in args:
        if arg == "-":
            yield Input("stdin", None, lambda: _from_bytes(sys.stdin.buffer.read(), "stdin", None))
        elif is_url(arg):
            yield Input(arg, arg, lambda url=arg: _from_url(url, url))
        else:
            yield from _from_path(Path(arg))


def _from_path(path: Path) -> Iterator[Input]:
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in
                       TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES)
        if not files:
            yield _failing(str(path), str(path), f"{path}: directory has no .txt, .html or .jsonl files")
        for file in files:
            yield from _from_path(file)
    elif not path.exists():
        yield _failing(path.stem or str(path), str(path), f"{path}: no such file or directory")
    elif path.suffix.lower() in JSONL_SUFFIXES:
        yield from _from_jsonl(path)
    else:
        yield Input(path.stem, str(path), lambda: read_file(path, path.stem))


def _failing(id_: str, path: str | None, message: str) -> Input:
    def fail() -> Document:
        raise InputError(message)

    return Input(id_, path, fail)


def read_file(path: Path, id_: str) -> Document:
    """A file as a Document: decoded, and HTML when its suffix or its opening says so."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return _from_bytes(data, id_, str(path), html=True if path.suffix.lower() in HTML_SUFFIXES else None)


def _from_bytes(data: bytes, id_: str, path: str | None, html: bool | None = None) -> Document:
    text = decode(data, path or id_)
    if html is None:
        html = looks_like_html(text)
    return Document(id=id_, text=text, path=path, format="html" if html else "text")


def _from_url(url: str, id_: str) -> Document:
    from .fetch import fetch_url

    fetched = fetch_url(url)
    is_html = "html" in fetched.content_type or looks_like_html(fetched.text)
    return Document(id=id_, text=fetched.text, path=url, format="html" if is_html else "text")


def _from_jsonl(path: Path) -> Iterator[Input]:
    """One Input per line of a corpus; a malformed line fails alone, with its line number."""
    for lineno, line in iter_lines(path):
        fallback_id = f"{path.stem}:{lineno}"
        try:
            record = parse_line(line, lineno, path)
        except InputError as exc:
            yield _failing(fallback_id, str(path), str(exc))
            continue
        id_ = str(record.get("id", fallback_id))
        yield Input(id_, str(path), lambda r=record, i=id_, n=lineno: _from_record(r, i, path, n))


def _from_record(record: dict, id_: str, corpus: Path, lineno: int) -> Document:
    where = f"{corpus}: line {lineno} (id {id_})"
    if isinstance(record.get("text"), str):
        if not record["text"].strip():
            raise InputError(f"{where}: empty text")
        doc = Document(id=id_, text=record["text"], path=str(corpus),
                       format="html" if looks_like_html(record["text"]) else "text")
    elif isinstance(record.get("url"), str):
        doc = _from_url(record["url"], id_)
    elif isinstance(record.get("path"), str):
        file = Path(record["path"])
        if not file.is_absolute() and not file.exists():
            file = corpus.parent / file
        doc = read_file(file, id_)
    else:
        raise InputError(f"{where}: record has no 'text', 'url' or 'path' field")
    if record.get("lang"):
        doc.language = str(record["lang"])
    return doc


def decode(data: bytes, name: str) -> str:
    """Bytes as text: UTF-8 first, then the encoding charset detection finds (Latin-1 / cp1252 French
    files are common); empty and binary files are input errors."""
    if not data.strip():
        raise InputError(f"{name}: empty file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked_text(data.decode("utf-16"), name)
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        # mlsum reads English and French only, so detection is limited to the encodings those are
        # written in; unrestricted, short French texts come out as Central European cp1250.
        best = from_bytes(data, cp_isolation=WESTERN_ENCODINGS).best()
        if best is None:
            raise InputError(f"{name}: binary file, not text (no text encoding fits)") from None
        text = str(best)
    return _checked_text(text, name)


def _checked_text(text: str, name: str) -> str:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > _BINARY_CONTROL_RATIO * len(text):
        raise InputError(f"{name}: binary file, not text")
    if not text.strip():
        raise InputError(f"{name}: empty file")
    return text


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)
