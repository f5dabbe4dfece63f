"""The HTML report: corpus scores with intervals (and the paired tests, for several systems), then every
document with its summaries beside its source, each summary figure coloured by its status and linked to
its evidence, highlighted in the source.

One self-contained file: styles and script inline, no fetches (its Content-Security-Policy allows nothing
else: only the inline style and script whose hashes it names), every text autoescaped by jinja2 — a
summary that says `<script>` shows those characters. Documents off screen are not laid out
(`content-visibility`), so a report of a thousand documents opens quickly (bench/report.py measures it).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..figures import SUPPORTED
from .records import EvalRecord, System
from .report import LABELS, METRICS, SACREBLEU_TIES, flagged

FLAGGED = "flagged"  # the filter for any figure its source does not support


def status_class(status: str) -> str:
    """The CSS class of a figure status; statuses the stylesheet does not know are shown neutral."""
    return "s-" + re.sub(r"[^a-z0-9]+", "-", status.lower()).strip("-")


@dataclass
class _Mark:
    """A figure's place in a text: in a summary (linked to its evidence) or in a source (evidence)."""

    start: int
    end: int
    css: str
    anchor: str | None = None  # summary: the evidence's id; source: its own id
    title: str = ""


@dataclass
class _Source:
    label: str
    text: str
    marks: dict[tuple[int, int], _Mark] = field(default_factory=dict)


def _segments(text: str, marks: Sequence[_Mark]) -> list[tuple[str, _Mark | None]]:
    """`text` cut into plain and marked pieces; a mark overlapping an earlier one is left out."""
    pieces, at = [], 0
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if mark.start < at or not 0 <= mark.start < mark.end <= len(text):
            continue
        if mark.start > at:
            pieces.append((text[at:mark.start], None))
        pieces.append((text[mark.start:mark.end], mark))
        at = mark.end
    if at < len(text):
        pieces.append((text[at:], None))
    return pieces


def _source_label(record: EvalRecord, index: int) -> str:
    if index < len(record.source_labels):
        return record.source_labels[index]
    return "article" if index == 0 else f"source {index + 1}"


def _figure_title(item: dict[str, Any]) -> str:
    status = item["status"] + (" (vague: not scored)" if item["vague"] else "")
    if item.get("evidence"):
        return f"{status}: the source says “{item['evidence']}”"
    return f"{status}: not in the source"


def _document(number: int, doc_id: str, records: Sequence[EvalRecord],
              documents: Sequence[dict[str, Any]], names: Sequence[str]) -> dict[str, Any]:
    """One document's view: each system's summary with its figure marks, and the sources they point to
    (identical texts of several systems shown once)."""
    sources: list[_Source] = []
    summaries, flags = [], set()
    for name, record, document in zip(names, records, documents):
        index_of = []
        for i, text in enumerate(record.sources):
            found = next((k for k, s in enumerate(sources) if s.text == text), None)
            if found is None:
                sources.append(_Source(_source_label(record, i), text))
                found = len(sources) - 1
            index_of.append(found)
        marks = []
        for item in document["figures"]["items"]:
            css = status_class(item["status"]) + (" vague" if item["vague"] else "")
            if flagged(item):
                flags.update((FLAGGED, status_class(item["status"])))
            anchor = None
            if item.get("evidence_source") is not None and item["evidence_source"] < len(index_of):
                k = index_of[item["evidence_source"]]
                span = (item["evidence_start"], item["evidence_end"])
                anchor = f"e{number}-{k}-{span[0]}-{span[1]}"
                sources[k].marks.setdefault(span, _Mark(*span, css=css, anchor=anchor))
            marks.append(_Mark(item["start"], item["end"], css, anchor, _figure_title(item)))
        figures = document["figures"]
        summaries.append({
            "system": name, "segments": _segments(record.summary, marks),
            "scores": [(LABELS[m], document[m]) for m in ("rouge1", "rougeL", "bleu", "chrf")],
            "figures": f"{figures['supported']}/{figures['total']}" if figures["total"] else None})
    return {"number": number, "id": doc_id, "flags": " ".join(sorted(flags)), "summaries": summaries,
            "sources": [{"label": s.label, "segments": _segments(s.text, list(s.marks.values())),
                         "open": k == 0 or bool(s.marks)} for k, s in enumerate(sources)]}


def _corpus_rows(systems: Sequence[dict[str, Any]], comparison: dict[str, Any] | None) -> list[dict]:
    rows = []
    for name in METRICS:
        cells = [{"score": s["corpus"][name], **s["corpus"]["intervals"][name]} for s in systems]
        tests = []
        for other in (comparison or {}).get("systems", []):
            c = other["metrics"][name]
            significant = c["p_bootstrap"] is not None and max(c["p_bootstrap"], c["p_randomization"]) < 0.05
            tests.append({**c, "significant": significant})
        rows.append({"label": LABELS[name], "cells": cells, "tests": tests})
    return rows


@lru_cache(maxsize=1)
def _environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(loader=PackageLoader("mlsum.evaluate", "templates"),
                       autoescape=select_autoescape(["html", "j2"], default=True),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def to_html(report: dict[str, Any], systems: Sequence[System]) -> str:
    """The report (one system's, or a comparison's) as a page; `systems` are the records it scored, in
    the report's order, for their summaries and sources."""
    from markupsafe import Markup

    scored = report["systems"] if "systems" in report else [{"name": systems[0].name, **report}]
    names = [s["name"] for s in scored]
    comparison = report.get("comparison")
    documents = [_document(i, records[0].id, records, docs, names)
                 for i, (records, docs) in enumerate(zip(zip(*(s.records for s in systems)),
                                                        zip(*(s["documents"] for s in scored))))]
    statuses = Counter(item["status"] for s in scored for d in s["documents"] for item in d["figures"]["items"]
                       if not item["vague"])
    env = _environment()
    style, script = (env.loader.get_source(env, name)[0] for name in ("report.css", "report.js"))
    corpus = scored[0]["corpus"]
    settings = comparison["resampling"] if comparison else corpus["resampling"]
    return env.get_template("report.html.j2").render(
        names=names, baseline=names[0], corpus_rows=_corpus_rows(scored, comparison),
        comparisons=[o["name"] for o in (comparison or {}).get("systems", [])], settings=settings,
        comparison_notes=(comparison or {}).get("systems", []), ties=SACREBLEU_TIES,
        documents=documents, corpus=corpus, signatures=corpus["signatures"],
        statuses=[(status, status_class(status), n) for status, n in sorted(
            statuses.items(), key=lambda kv: (kv[0] != SUPPORTED, kv[0]))],
        filters=[(status, status_class(status), sum(status_class(status) in d["flags"].split()
                                                     for d in documents))
                 for status in sorted(statuses) if status != SUPPORTED],
        flagged=FLAGGED, flagged_count=sum(FLAGGED in d["flags"].split() for d in documents),
        style=Markup(style), script=Markup(script),
        csp=f"default-src 'none'; style-src {_csp_hash(style)}; script-src {_csp_hash(script)}")
