"""What an evaluation reads: predictions (JSON lines, e.g. `mlsum summarize --json` output), references
and source articles, joined by id into `EvalRecord`s, one list per system compared. Every malformed input
is an InputError naming the file and line or the id."""

from __future__ import annotations

import glob
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..jsonl import read_jsonl


@dataclass
class EvalRecord:
    """One summary to score, with the texts its figures are checked against (`sources`: the article,
    and for a translated article its original too) and, optionally, a reference summary. `original` and
    `translation` are set for translated articles, whose figures are compared as well."""

    id: str
    summary: str
    sources: list[str]
    reference: str | None = None
    original: str | None = None
    translation: str | None = None
    model: str | None = None
    source_labels: list[str] = field(default_factory=list)  # what each of `sources` is, for reports


@dataclass
class System:
    """One system's predictions, under the name the reports give it."""

    name: str
    records: list[EvalRecord]
    path: str | None = None


Note = Callable[[str], None]


def load_records(predictions: str | Path, references: str | Path | None = None,
                 sources: str | Path | None = None, note: Note = lambda message: None) -> list[EvalRecord]:
    """The predictions joined with their references and sources.

    A prediction's source is its `text` (with `original` when it was translated, and `title`), as
    `mlsum summarize --json` prints them, else its `source` field, else the file `<sources>/<id>.*`.
    Records carrying `error` (inputs that failed in a batch) are skipped and reported through `note`,
    as are predictions with no reference in `references`.
    """
    reference_by_id = _load_references(references) if references else {}
    source_dir = Path(sources) if sources else None
    if source_dir is not None and not source_dir.is_dir():
        raise InputError(f"--sources {source_dir}: no such directory")
    records: list[EvalRecord] = []
    first_line: dict[str, int] = {}
    skipped = 0
    for lineno, raw in read_jsonl(predictions):
        where = f"{predictions}: line {lineno}"
        if raw.get("id") is None:
            raise InputError(f"{where}: record has no 'id'")
        id_ = str(raw["id"])
        where = f"{where} (id {id_})"
        if raw.get("error"):
            note(f"{where}: skipped, the input failed: {raw['error']}")
            skipped += 1
            continue
        if id_ in first_line:
            raise InputError(f"{where}: duplicate id, first seen on line {first_line[id_]}")
        first_line[id_] = lineno
        summary = raw.get("summary")
        if not isinstance(summary, str):
            raise InputError(f"{where}: record has no 'summary'")
        record = _with_sources(EvalRecord(id_, summary, [], model=_text_field(raw, "model", where)),
                               raw, source_dir, where)
        record.reference = _text_field(raw, "reference", where)
        if record.reference is None and id_ in reference_by_id:
            record.reference = reference_by_id[id_]
        elif record.reference is None and references:
            note(f"{where}: no reference in {references}; left out of ROUGE, BLEU, chrF and figure recall")
        records.append(record)
    if not records:
        failed = f" ({skipped} failed inputs skipped)" if skipped else ""
        raise InputError(f"{predictions}: no predictions to evaluate{failed}")
    return records


def _load_references(path: str | Path) -> dict[str, str]:
    """id → reference summary, from records with `id` and `reference` (or `summary`)."""
    found: dict[str, str] = {}
    for lineno, raw in read_jsonl(path):
        where = f"{path}: line {lineno}"
        if raw.get("id") is None:
            raise InputError(f"{where}: record has no 'id'")
        id_ = str(raw["id"])
        text = _text_field(raw, "reference", f"{where} (id {id_})")
        if text is None:
            text = _text_field(raw, "summary", f"{where} (id {id_})")
        if text is None:
            raise InputError(f"{where} (id {id_}): record has no 'reference'")
        if id_ in found:
            raise InputError(f"{where}: duplicate id {id_!r}")
        found[id_] = text
    return found


def _text_field(raw: dict[str, Any], name: str, where: str) -> str | None:
    value = raw.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"{where}: '{name}' must be a string, got {type(value).__name__}")
    return value


def _with_sources(record: EvalRecord, raw: dict[str, Any], source_dir: Path | None, where: str) -> EvalRecord:
    """`text` wins over `source`: in `mlsum summarize --json` records, `source` names the outlet."""
    text = _text_field(raw, "text", where)
    source = _text_field(raw, "source", where)
    if text is not None:
        original = _text_field(raw, "original", where)
        title = _text_field(raw, "title", where)
        translated = bool(original and raw.get("translated"))
        _set_sources(record, [("article (English translation)" if translated else "article", text),
                              ("original (French)" if translated else "original", original), ("title", title)])
        if translated:
            record.original, record.translation = original, text
    elif source is not None:
        _set_sources(record, [("article", source)])
    elif source_dir is not None:
        _set_sources(record, labelled_source(source_dir, record.id, where))
    else:
        raise InputError(f"{where}: no source: the record has no 'source' or 'text' field "
                         f"(pass --sources DIR to read DIR/{record.id}.txt)")
    return record


def _set_sources(record: EvalRecord, labelled: list[tuple[str, str | None]]) -> None:
    present = [(label, text) for label, text in labelled if text]
    record.sources = [text for _, text in present]
    record.source_labels = [label for label, _ in present]


def read_source(directory: Path, id_: str, where: str = "") -> list[str]:
    """The article `<directory>/<id>.*` as the texts to check figures against: its cleaned body and
    title (what a summarizer saw) and the file as it is (so that a figure from a dateline or caption,
    true to the file, is not flagged)."""
    return [text for _, text in labelled_source(directory, id_, where)]


def labelled_source(directory: Path, id_: str, where: str = "") -> list[tuple[str, str]]:
    """:func:`read_source`'s texts, each with what it is."""
    if Path(id_).name != id_ or id_ in (".", ".."):  # an id like "../secret" must not leave the folder
        raise InputError(f"{where or id_}: id {id_!r} is not a file name, so it has no source file in {directory}")
    candidates = sorted(Path(p) for p in glob.glob(str(directory / f"{glob.escape(id_)}.*")))
    if not candidates:
        raise InputError(f"{where or id_}: no source file {directory}/{id_}.* for this id")
    path = next((p for p in candidates if p.suffix == ".txt"), candidates[0])
    from ..normalize import normalize_as
    from ..sources import read_file

    doc = read_file(path, id_)
    cleaned = normalize_as(doc.text, doc.format, url=str(path))
    labelled = [("article (cleaned)", cleaned.text), ("title", cleaned.title), ("file as given", doc.text)]
    return [(label, text) for label, text in labelled if text]


def split_name(value: str) -> tuple[str | None, Path]:
    """`NAME=PATH` as (NAME, PATH); a plain path (even one with `=` in it, if it exists) as (None, PATH)."""
    name, sep, path = value.partition("=")
    if sep and name and path and "/" not in name and not Path(value).exists():
        return name, Path(path)
    return None, Path(value)


def load_systems(predictions: Sequence[str], references: str | Path | None = None,
                 sources: str | Path | None = None, note: Note = lambda message: None) -> list[System]:
    """Each `--predictions` value (`PATH` or `NAME=PATH`) as a System, its records in the order of the
    first system's. A system is named by NAME, else by the `model` its records share, else by its file
    (by its file too when two systems share a model); every system must cover the same documents with
    the same references."""
    systems, named = [], []
    for value in predictions:
        name, path = split_name(value)
        records = load_records(path, references, sources, note)
        models = {r.model for r in records}
        shared_model = models.pop() if len(models) == 1 and None not in models else None
        systems.append(System(name or shared_model or path.stem, records, str(path)))
        named.append(name is not None)
    if len({s.name for s in systems}) < len(systems):
        for system, explicit in zip(systems, named):
            if not explicit:
                system.name = Path(system.path).stem
    names = [s.name for s in systems]
    for name in names:
        if names.count(name) > 1:
            raise InputError(f"two systems are named {name!r}: name them with --predictions NAME=PATH")
    return align(systems)


def align(systems: list[System]) -> list[System]:
    """The systems with their records in the first one's order; a document missing from a system, or
    given another reference, is an error: scores over different documents cannot be compared."""
    first = systems[0]
    order = {r.id: i for i, r in enumerate(first.records)}
    references = {r.id: r.reference for r in first.records}
    for system in systems[1:]:
        ids = {r.id for r in system.records}
        missing = [r.id for r in first.records if r.id not in ids]
        extra = sorted(ids - order.keys())
        for odd, how in ((missing, f"lacks {len(missing)} document(s) of {first.name}"),
                         (extra, f"has {len(extra)} document(s) that {first.name} lacks")):
            if odd:
                shown = ", ".join(odd[:5]) + (f" and {len(odd) - 5} more" if len(odd) > 5 else "")
                raise InputError(f"{system.name} ({system.path}) {how}: {shown}; every system must be "
                                 f"scored on the same documents (failed inputs count as missing)")
        system.records.sort(key=lambda r: order[r.id])
        for record in system.records:
            if record.reference != references[record.id]:
                raise InputError(f"{system.name} ({system.path}), id {record.id}: its reference differs "
                                 f"from {first.name}'s; compare systems against the same references")
    return systems
