"""The evaluation report: one JSON-ready object (per-document scores and figure checks, corpus scores
with their signatures) and its Markdown rendering. Scores are on a 0–100 scale and unrounded, so that
they equal what rouge-score and sacreBLEU print; Markdown rounds them for reading."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from statistics import fmean
from typing import Any

from ..figures import COMPUTED, CONTRADICTED, OTHER_THING, SAME_VALUE, SUPPORTED, UNSUPPORTED, compare_translation
from .bleu import Bleu
from .chrf import Chrf
from .figures import FigurePrecision, FigureRecall
from .records import EvalRecord
from .rouge import VARIANTS, Rouge

REFERENCE_METRICS = (*VARIANTS, "bleu", "chrf")


def build_report(records: Sequence[EvalRecord]) -> dict[str, Any]:
    """Score every record and the corpus."""
    rouges = [Rouge(variant) for variant in VARIANTS]
    bleu, chrf = Bleu(), Chrf()
    precision, recall = FigurePrecision(), FigureRecall()
    documents, checks, reference_matches = [], [], []
    for record in records:
        check = precision.check(record.summary, record.sources)
        checks.append(check)
        figures: dict[str, Any] = {
            "precision": precision.aggregate([check]), "recall": None, "supported": check.supported,
            "total": len(check.scored), "items": [item.to_dict() for item in check.items]}
        document: dict[str, Any] = {"id": record.id, "figures": figures}
        if record.reference is not None:
            matches = recall.check(record.summary, record.reference)
            reference_matches.append(matches)
            figures["recall"] = recall.aggregate([matches])
            figures["missing_from_summary"] = [m.figure.text for m in matches if m.status == UNSUPPORTED]
            for metric in (*rouges, bleu, chrf):
                document[metric.name] = metric.sentence_score(record.summary, [record.reference])
        else:
            document.update(dict.fromkeys(REFERENCE_METRICS))
        if record.original and record.translation:
            document["translation"] = [issue.to_dict()
                                       for issue in compare_translation(record.original, record.translation)]
        documents.append(document)

    scored = [r for r in records if r.reference is not None]
    hypotheses, references = [r.summary for r in scored], [[r.reference] for r in scored]
    corpus: dict[str, Any] = {"documents": len(records), "references": len(scored)}
    for rouge in rouges:
        values = [d[rouge.name] for d in documents if d[rouge.name] is not None]
        corpus[rouge.name] = fmean(values) if values else None
    corpus["bleu"] = bleu.corpus_score(hypotheses, references)
    corpus["chrf"] = chrf.corpus_score(hypotheses, references)
    corpus["figure_precision"] = precision.aggregate(checks)
    corpus["figure_recall"] = recall.aggregate(reference_matches)
    items = [item for check in checks for item in check.scored]
    corpus["figures"] = {"total": len(items), "supported": sum(c.supported for c in checks),
                         "unsupported": sum(i.status == UNSUPPORTED for i in items),
                         "contradicted": sum(i.status == CONTRADICTED for i in items),
                         "by_basis": dict(Counter(f"{i.status}:{i.basis}" for i in items))}
    corpus["signatures"] = {**{r.name: r.signature() for r in rouges}, "bleu": bleu.signature(),
                            "chrf": chrf.signature(), "figure_precision": precision.signature(),
                            "figure_recall": recall.signature()}
    return {"documents": documents, "corpus": corpus}


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def to_markdown(report: dict[str, Any]) -> str:
    """A per-document table, the corpus line, the figures to look at, and the signatures."""
    corpus = report["corpus"]
    lines = ["# mlsum evaluation", "",
             "| id | ROUGE-1 | ROUGE-2 | ROUGE-L | ROUGE-Lsum | BLEU | chrF | figure precision "
             "| figure recall |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for doc in report["documents"]:
        figures = doc["figures"]
        counted = f" ({figures['supported']}/{figures['total']})" if figures["total"] else ""
        cells = [_fmt(doc[name]) for name in REFERENCE_METRICS]
        lines.append(f"| {doc['id']} | " + " | ".join(cells)
                     + f" | {_fmt(figures['precision'])}{counted} | {_fmt(figures['recall'])} |")
    counts = corpus["figures"]
    lines += ["", f"**Corpus** ({corpus['documents']} documents, {corpus['references']} with a reference): "
              + " · ".join(f"{label} {_fmt(corpus[key])}" for label, key in (
                  ("ROUGE-1", "rouge1"), ("ROUGE-2", "rouge2"), ("ROUGE-L", "rougeL"),
                  ("ROUGE-Lsum", "rougeLsum"), ("BLEU", "bleu"), ("chrF", "chrf"),
                  ("figure precision", "figure_precision"), ("figure recall", "figure_recall")))
              + f" · figures {counts['supported']}/{counts['total']} supported"
                f" ({counts['by_basis'].get(f'{SUPPORTED}:{SAME_VALUE}', 0)} on the value alone), "
                f"{counts['contradicted']} contradicted, {counts['unsupported']} unsupported",
              "", "## Unsupported figures", ""]
    flagged = False
    for doc in report["documents"]:
        bad = [item for item in doc["figures"]["items"]
               if item["status"] != "supported" and not item["vague"]]
        if bad:
            flagged = True
            lines.append(f"- **{doc['id']}**: " + "; ".join(_describe(item) for item in bad))
    if not flagged:
        lines.append("None: every figure of every summary is in its source.")
    translated = [doc for doc in report["documents"] if doc.get("translation")]
    if translated:
        lines += ["", "## Figures lost in translation", ""]
        for doc in translated:
            lines.append(f"- **{doc['id']}**: " + "; ".join(
                f"“{issue['text']}” {issue['status']}"
                + (f" (translated as “{issue['translation']}”)" if issue["translation"] else "")
                for issue in doc["translation"]))
    lines += ["", "## Signatures", ""]
    lines += [f"- {name}: `{signature}`" for name, signature in corpus["signatures"].items()]
    return "\n".join(lines) + "\n"


def _describe(item: dict[str, Any]) -> str:
    what = f"“{item['text']}”" + (f" {item['noun']}" if item.get("noun") else "")
    if item["status"] == CONTRADICTED and item.get("evidence"):
        return f"{what} (contradicted: source says “{item['evidence']}”)"
    if item.get("basis") == OTHER_THING and item.get("evidence"):
        return f"{what} (unsupported: the source's “{item['evidence']}” is about something else)"
    if item.get("basis") == COMPUTED and item.get("evidence"):
        return f"{what} (unsupported: not stated; perhaps computed from figures near “{item['evidence']}”)"
    return f"{what} ({item['status']})"
