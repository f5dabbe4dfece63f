"""Scoring summaries: ROUGE, BLEU and chrF against references, figure precision and recall against the
sources, in the style of sacreBLEU (one metric per module, each with a reproducible signature).

    >>> from mlsum.evaluate import evaluate
    >>> report = evaluate([{"id": "a", "summary": s, "source": article, "reference": ref}])
    >>> report["corpus"]["rougeL"], report["documents"][0]["figures"]["items"]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .base import Metric
from .bleu import Bleu
from .chrf import Chrf
from .figures import FigurePrecision, FigureRecall
from .records import EvalRecord, load_records
from .report import build_report, to_markdown
from .rouge import Rouge

__all__ = ["Bleu", "Chrf", "EvalRecord", "FigurePrecision", "FigureRecall", "Metric", "Rouge", "evaluate",
           "load_records", "to_markdown"]


def evaluate(records: Iterable[EvalRecord | Mapping[str, Any]]) -> dict[str, Any]:
    """The report object of `records`: EvalRecords, or mappings with `id`, `summary`, the source as
    `source` (a text) or `sources` (texts), and optionally `reference`."""
    return build_report([r if isinstance(r, EvalRecord) else _record(r) for r in records])


def _record(mapping: Mapping[str, Any]) -> EvalRecord:
    sources = mapping.get("sources")
    if sources is None:
        sources = [mapping["source"]] if mapping.get("source") is not None else []
    return EvalRecord(str(mapping["id"]), mapping["summary"], list(sources), mapping.get("reference"))
