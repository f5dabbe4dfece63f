"""The JSON records mlsum writes for a Document, shared by the CLI, result files and Ray part files.

`summary_record` is also what `mlsum evaluate --predictions` reads back. The CLI adds the `kind` of
record (which command made it) to each, so that a result file is only ever resumed by its own command.
"""

from __future__ import annotations

from typing import Any

from .document import Document


def base_record(doc: Document) -> dict[str, Any]:
    return {"id": doc.id, "path": doc.path, "language": doc.language, "probability": doc.probability,
            "paragraph_languages": doc.paragraph_languages, "warnings": doc.warnings}


def metadata(doc: Document) -> dict[str, Any]:
    return {"title": doc.title, "date": doc.date, "source": doc.source}


def timings(doc: Document) -> dict[str, float]:
    return {k: round(v, 4) for k, v in doc.timings.items()}


def summary_record(doc: Document) -> dict[str, Any]:
    return {**base_record(doc), **metadata(doc), "summary": doc.summary, "translated": doc.translated,
            "model": doc.model, "backend": doc.backend, "parts": doc.parts, "rerank": doc.rerank, "text": doc.text,
            "original": doc.original, "timings": timings(doc)}


def failure_record(doc: Document) -> dict[str, Any]:
    return {"id": doc.id, "path": doc.path, "error": doc.error, "warnings": doc.warnings}


def result_record(doc: Document) -> dict[str, Any]:
    """A summarized document's record, or its failure."""
    return failure_record(doc) if doc.error else summary_record(doc)


def with_kind(record: dict[str, Any], kind: str) -> dict[str, Any]:
    """The record with its `kind` second, after the id."""
    return {"id": record["id"], "kind": kind, **record}
