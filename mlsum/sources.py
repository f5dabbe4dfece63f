"""Turning command-line inputs (files, directories, `-`, URLs, JSONL corpora) into Documents.

Inputs are listed first and read later (:meth:`Input.load`), so a resumed corpus run can skip the ids
it already has without reading, decoding or fetching them again. Every input gets an id of its own
(:func:`list_inputs`): a result is never dropped because two inputs share a name.

Reading is bounded: an article (file, stdin, `text` field, URL body) is at most
:data:`MAX_INPUT_BYTES`, and a JSONL record's `path` stays inside the corpus's folder unless the
user allows any path.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .document import Document
from .errors import InputError, MlsumError
from .jsonl import iter_lines, parse_line

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
MAX_INPUT_BYTES = 5_000_000
"""The largest article read from a file, stdin, a JSONL `text` or a URL (a long book is ~1 MB)."""
_BINARY_CONTROL_RATIO = 0.05
WESTERN_ENCODINGS = ["cp1252", "latin_1", "iso8859_15", "mac_roman"]
_BOMS = [(codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),  # before UTF-16's
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]

Warn = Callable[[str], None]


@dataclass
class Input:
    """One article to come: its id and where it is, read only when `load` is called.

    `given` says the id comes from the data (a JSONL `id`); otherwise mlsum derived it (file name,
    corpus line) and `long_id` is the fuller form used when the short one is not unique. `where`
    names the input in a duplicate-id message.
    """

    id: str
    path: str | None
    _read: Callable[[], Document]
    given: bool = False
    long_id: str | None = None
    where: str | None = None

    def load(self) -> Document:
        """The Document, or one carrying `error` when this input cannot be read (never raises)."""
        try:
            doc = self._read()
        except MlsumError as exc:
            return Document(id=self.id, text="", path=self.path, error=str(exc))
        doc.id = self.id
        return doc


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read: `allow_any_path` lets a JSONL `path` leave the corpus folder; `exclude`
    holds real paths that directory listings skip (the run's own --output)."""

    allow_any_path: bool = False
    exclude: frozenset[str] = field(default_factory=frozenset)


def is_url(arg: str) -> bool:
    return arg.lower().startswith(("http://", "https://"))


def list_inputs(args: Sequence[str], options: ReadOptions = ReadOptions()) -> list[Input]:
    """Every input the arguments name, in order, each with a unique id (see :func:`unique_ids`)."""
    return unique_ids(list(iter_inputs(args, options)))


def iter_inputs(args: Sequence[str], options: ReadOptions = ReadOptions()) -> Iterator[Input]:
    """Every article named by the arguments, in order; a bad argument becomes an Input that fails."""
    for arg in args:
        if arg == "-":
            yield Input("stdin", None, _from_stdin, long_id="stdin")
        elif is_url(arg):
            yield Input(arg, arg, lambda url=arg: _from_url(url), long_id=arg)
        elif not arg.strip() or "\x00" in arg:
            yield _failing(arg, None, f"{arg!r}: not a file name")
        else:
            yield from _from_path(Path(arg), options)


def unique_ids(inputs: list[Input]) -> list[Input]:
    """The inputs with ids that are all different, so that every input gets its own result.

    Ids from the data come first: a repeated one fails with a message naming where it was first used
    (its record is filed under its location, `corpus:line`). Derived ids (file names, corpus lines)
    keep their short form when it is unique, else take their long form (the path as given); any
    remaining tie gets `#2`, `#3`.
    """
    taken: dict[str, str] = {}
    result: list[Input | None] = [None] * len(inputs)
    for index, item in enumerate(inputs):
        if not item.given:
            continue
        if item.id in taken:
            message = f"{item.where}: duplicate id {item.id!r}, already used by {taken[item.id]}"
            result[index] = Input(item.long_id or item.id, item.path, _raiser(message),
                                  long_id=item.long_id)
        else:
            taken[item.id] = item.where or item.id
            result[index] = item
    derived = Counter(item.id for item in inputs if not item.given)
    for index, item in enumerate(inputs):
        if result[index] is None:
            result[index] = item
    used = set(taken)
    for item in result:
        if item.given:
            continue
        short_ok = derived[item.id] == 1 and item.id not in used
        candidate = item.id if short_ok else (item.long_id or item.id)
        number = 1
        base = candidate
        while candidate in used:
            number += 1
            candidate = f"{base}#{number}"
        item.id = candidate
        used.add(candidate)
    return result


def _raiser(message: str) -> Callable[[], Document]:
    def fail() -> Document:
        raise InputError(message)

    return fail


def _failing(id_: str, path: str | None, message: str, long_id: str | None = None) -> Input:
    return Input(id_, path, _raiser(message), long_id=long_id or path or id_)


def _from_path(path: Path, options: ReadOptions) -> Iterator[Input]:
    name = str(path)
    try:
        is_dir, exists = path.is_dir(), path.exists()
    except (OSError, ValueError) as exc:
        yield _failing(name, name, f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})")
        return
    if is_dir:
        try:
            entries = sorted(path.iterdir())
        except OSError as exc:
            yield _failing(name, name, f"{path}: cannot list the directory ({exc.strerror})")
            return
        files = [p for p in entries if p.suffix.lower() in TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
                 and p.is_file() and os.path.realpath(p) not in options.exclude]
        if not files:
            yield _failing(name, name, f"{path}: directory has no .txt, .html or .jsonl files")
        for file in files:
            yield from _from_path(file, options)
    elif not exists:
        yield _failing(path.stem or name, name, f"{path}: no such file or directory")
    elif path.suffix.lower() in JSONL_SUFFIXES:
        yield from _from_jsonl(path, options)
    else:
        yield Input(path.stem or name, name, lambda: read_file(path, path.stem), long_id=name)


def read_file(path: Path, id_: str, regular_only: bool = False) -> Document:
    """A file as a Document: decoded, and HTML when its suffix or its opening says so.

    At most :data:`MAX_INPUT_BYTES` are read, so `/dev/zero` or a huge file is an error, not a hang.
    `regular_only` refuses devices, pipes and sockets (for paths named inside a corpus).
    """
    data = _read_capped(path, regular_only)
    doc = _from_bytes(data, id_, str(path), html=True if path.suffix.lower() in HTML_SUFFIXES else None)
    return doc


def _read_capped(path: Path, regular_only: bool) -> bytes:
    try:
        if regular_only and not stat.S_ISREG(os.stat(path).st_mode):
            raise InputError(f"{path}: not a regular file")
        with open(path, "rb") as fh:
            if stat.S_ISDIR(os.fstat(fh.fileno()).st_mode):
                raise InputError(f"{path}: is a directory")
            data = fh.read(MAX_INPUT_BYTES + 1)
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or directory") from None
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
    _check_size(len(data), str(path))
    return data


def _check_size(size: int, name: str) -> None:
    if size > MAX_INPUT_BYTES:
        raise InputError(f"{name}: too large (over {MAX_INPUT_BYTES // 1_000_000} MB, the limit for one article)")


def _from_stdin() -> Document:
    data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    _check_size(len(data), "stdin")
    return _from_bytes(data, "stdin", None)


def _from_bytes(data: bytes, id_: str, path: str | None, html: bool | None = None) -> Document:
    warnings: list[str] = []
    text = decode(data, path or id_, warn=warnings.append)
    if html is None:
        html = looks_like_html(text)
    return Document(id=id_, text=text, path=path, format="html" if html else "text", warnings=warnings)


def _from_url(url: str) -> Document:
    from .fetch import fetch_url

    fetched = fetch_url(url, max_bytes=MAX_INPUT_BYTES)
    is_html = "html" in fetched.content_type or looks_like_html(fetched.text)
    return Document(id=url, text=fetched.text, path=url, format="html" if is_html else "text",
                    warnings=list(fetched.warnings))


def _from_jsonl(path: Path, options: ReadOptions) -> Iterator[Input]:
    """One Input per line of a corpus; a malformed line fails alone, with its line number."""
    lines = iter_lines(path)
    count = 0
    while True:
        try:
            lineno, line = next(lines)
        except StopIteration:
            if not count:
                yield _failing(path.stem, str(path), f"{path}: empty corpus (no JSON lines)")
            return
        except InputError as exc:  # the file itself: unreadable, not a regular file, UTF-16
            yield _failing(path.stem, str(path), str(exc))
            return
        count += 1
        short, long = f"{path.stem}:{lineno}", f"{path}:{lineno}"
        try:
            record = parse_line(line, lineno, path)
            id_ = _record_id(record, f"{path}: line {lineno}")
        except InputError as exc:
            yield _failing(short, str(path), str(exc), long_id=long)
            continue
        read = lambda r=record, n=lineno, i=id_: _from_record(r, i, path, n, options)  # noqa: E731
        if id_ is None:
            yield Input(short, str(path), read, long_id=long)
        else:
            yield Input(id_, str(path), read, given=True, long_id=long, where=f"{path}: line {lineno}")


def _record_id(record: dict[str, Any], where: str) -> str | None:
    """A record's `id` as a string; None when it has none (null, empty), which mlsum then derives."""
    value = record.get("id")
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InputError(f"{where}: 'id' must be a string or an integer, got {type(value).__name__}")
    return str(value)


def _from_record(record: dict[str, Any], id_: str | None, corpus: Path, lineno: int,
                 options: ReadOptions) -> Document:
    where = f"{corpus}: line {lineno}" + (f" (id {id_})" if id_ is not None else "")
    text, url, file = (_string_field(record, name, where) for name in ("text", "url", "path"))
    if text is not None:
        if not text.strip():
            raise InputError(f"{where}: empty text")
        _check_size(len(text.encode("utf-8", "surrogatepass")), f"{where}: text")
        doc = Document(id=id_ or "", text=text, path=str(corpus),
                       format="html" if looks_like_html(text) else "text")
    elif url is not None or file is not None:
        try:
            doc = _from_url(url) if url is not None else read_file(
                _corpus_file(file, corpus, options.allow_any_path, where), id_ or "", regular_only=True)
        except InputError as exc:
            message = str(exc)
            raise InputError(message if message.startswith(where) else f"{where}: {message}") from None
    else:
        raise InputError(f"{where}: record has no 'text', 'url' or 'path' field")
    lang = _string_field(record, "lang", where)
    if lang is not None and lang.strip():
        from .detect import SUPPORTED

        lang = lang.strip().lower()
        if lang not in SUPPORTED:
            raise InputError(f"{where}: 'lang' is {lang!r}; mlsum handles {' and '.join(SUPPORTED)}")
        doc.language = lang
    return doc


def _string_field(record: dict[str, Any], name: str, where: str) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value
    raise InputError(f"{where}: '{name}' must be a string, got {type(value).__name__}")


def _corpus_file(value: str, corpus: Path, allow_any: bool, where: str) -> Path:
    """A record's `path`, relative to the corpus file's folder, and (unless `allow_any`) inside it,
    symbolic links followed: a corpus cannot make mlsum read `/etc/passwd` or `../../secret`."""
    if "\x00" in value or not value.strip():
        raise InputError(f"{where}: 'path' {value!r} is not a file name")
    file = Path(value)
    if not file.is_absolute():
        file = corpus.parent / file
    if not allow_any:
        root = os.path.realpath(corpus.parent)
        real = os.path.realpath(file)
        if os.path.commonpath([root, real]) != root:
            raise InputError(f"{where}: 'path' {value!r} is outside the corpus folder {root} "
                             f"(pass --allow-any-path to read files anywhere)")
    return file


def decode(data: bytes, name: str, warn: Warn | None = None) -> str:
    """Bytes as text; empty and binary files are input errors.

    A byte-order mark decides first (UTF-32, UTF-8, UTF-16), then the zero bytes of BOM-less UTF-16;
    then UTF-8, with stray invalid bytes replaced by U+FFFD (and a warning) when the rest is UTF-8;
    else the Western encoding charset detection finds (Latin-1 / cp1252 French files are common).
    """
    warn = warn or (lambda message: None)
    if not data.strip():
        raise InputError(f"{name}: empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _checked_text(_decode_replacing(data[len(bom):], codec, name, warn), name)
    utf16 = _bomless_utf16(data)
    if utf16:
        return _checked_text(_decode_replacing(data, utf16, name, warn), name)
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file, not text")
    try:
        return _checked_text(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd") - data.count("\ufffd".encode())
    good = sum(1 for ch in replaced if ord(ch) > 127) - bad - data.count("\ufffd".encode())
    if good > bad:  # UTF-8 with a few damaged bytes, not a file in another encoding
        warn(_replaced_message(name, bad, "UTF-8"))
        return _checked_text(replaced, name)
    from charset_normalizer import from_bytes

    # mlsum reads English and French only, so detection is limited to the encodings those are
    # written in; unrestricted, short French texts come out as Central European cp1250.
    best = from_bytes(data, cp_isolation=WESTERN_ENCODINGS).best()
    if best is None:
        raise InputError(f"{name}: binary file, not text (no text encoding fits)")
    return _checked_text(str(best), name)


def _decode_replacing(data: bytes, codec: str, name: str, warn: Warn) -> str:
    text = data.decode(codec, errors="replace")
    bad = text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
    if bad:
        warn(_replaced_message(name, bad, codec.upper().replace("-LE", "").replace("-BE", "")))
    return text


def _replaced_message(name: str, count: int, codec: str) -> str:
    return f"{name}: {count} invalid {codec} byte sequence{'s' if count > 1 else ''} replaced with U+FFFD"


def _bomless_utf16(data: bytes) -> str | None:
    """`utf-16-le`/`-be` when zero bytes fill one byte position of the pairs and not the other, as in
    UTF-16 text of a Latin-script language (every character below U+0100 has a zero high byte).
    charset-normalizer restricted to Western encodings cannot see this, and unrestricted it
    misreads short French texts (see :func:`decode`)."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 0.3 * pairs and even < 0.05 * pairs:
        return "utf-16-le"
    if even > 0.3 * pairs and odd < 0.05 * pairs:
        return "utf-16-be"
    return None


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


def input_paths(inputs: Iterable[Input]) -> set[str]:
    """The real paths of the local files the inputs read (files and JSONL corpora)."""
    return {os.path.realpath(item.path) for item in inputs if item.path and not is_url(item.path)}
