"""Scoring summaries: ROUGE, BLEU and chrF against references, figure precision and recall against the
sources, in the style of sacreBLEU (one metric per module, each with a reproducible signature), every
corpus score with a seeded 95 % bootstrap interval, and systems compared by paired tests.

    >>> from mlsum.evaluate import evaluate
    >>> report = evaluate([{"id": "a", "summary": s, "source": article, "reference": ref}])
    >>> report["corpus"]["rougeL"], report["corpus"]["intervals"]["rougeL"]
    >>> report["documents"][0]["figures"]["items"]
    >>> compare_systems(load_systems(["lead-3=eval/lead3.jsonl", "eval/lexrank.jsonl"], "eval/references.jsonl",
    ...                              "seeds"))["comparison"]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .base import Metric
from .bleu import Bleu
from .chrf import Chrf
from .figures import FigurePrecision, FigureRecall
from .records import EvalRecord, System, load_records, load_systems
from .report import build_report, compare_systems, to_markdown
from .rouge import Rouge
from .significance import Resampling

__all__ = ["Bleu", "Chrf", "EvalRecord", "FigurePrecision", "FigureRecall", "Metric", "Resampling", "Rouge",
           "System", "compare_systems", "evaluate", "load_records", "load_systems", "to_markdown"]


def evaluate(records: Iterable[EvalRecord | Mapping[str, Any]],
             resampling: Resampling | None = None) -> dict[str, Any]:
    """The report object of `records`: EvalRecords, or mappings with `id`, `summary`, the source as
    `source` (a text) or `sources` (texts), and optionally `reference`."""
    return build_report([r if isinstance(r, EvalRecord) else _record(r) for r in records], resampling)


def _record(mapping: Mapping[str, Any]) -> EvalRecord:
    sources = mapping.get("sources")
    if sources is None:
        sources = [mapping["source"]] if mapping.get("source") is not None else []
    return EvalRecord(str(mapping["id"]), mapping["summary"], list(sources), mapping.get("reference"))
