"""The evaluation report: one JSON-ready object (per-document scores and figure checks, corpus scores
with their 95 % intervals and signatures; for several systems, each one's report and the paired tests
against the first) and its Markdown rendering. Scores are on a 0–100 scale and unrounded, so that they
equal what rouge-score and sacreBLEU print; Markdown rounds them for reading."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..figures import (COMPUTED, CONTRADICTED, OTHER_THING, SAME_VALUE, SUPPORTED, UNSUPPORTED,
                       compare_translation)
from .bleu import Bleu
from .chrf import Chrf
from .figures import FigurePrecision, FigureRecall
from .records import EvalRecord, System
from .rouge import VARIANTS, Rouge
from .significance import Resampling, Scored, compare_ratio

REFERENCE_METRICS = (*VARIANTS, "bleu", "chrf")
METRICS = (*REFERENCE_METRICS, "figure_precision", "figure_recall")
LABELS = {"rouge1": "ROUGE-1", "rouge2": "ROUGE-2", "rougeL": "ROUGE-L", "rougeLsum": "ROUGE-Lsum",
          "bleu": "BLEU", "chrf": "chrF", "figure_precision": "figure precision",
          "figure_recall": "figure recall"}
RATIO_METRICS = (*VARIANTS, "figure_precision", "figure_recall")  # Σ numerator / Σ denominator
SACREBLEU_TIES = ("BLEU's and chrF's p-values are sacreBLEU's, which counts only differences larger than the "
                  "observed one: with few differing documents, ties are common and those p-values too small "
                  "(the others count ties; see mlsum/evaluate/significance.py).")


def flagged(item: dict[str, Any]) -> bool:
    """A scored figure that its source does not support (whatever the checker calls its status)."""
    return item["status"] != SUPPORTED and not item["vague"]


@dataclass
class _Scores:
    """One system's document scores and what its corpus scores are computed from."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    hypotheses: list[str] = field(default_factory=list)  # of the documents with a reference
    references: list[str] = field(default_factory=list)
    ratios: dict[str, list[tuple[float, float]]] = field(
        default_factory=lambda: {name: [] for name in RATIO_METRICS})
    statuses: Counter = field(default_factory=Counter)  # of scored summary figures
    bases: Counter = field(default_factory=Counter)  # "status:basis" of scored summary figures


class _Scorer:
    def __init__(self) -> None:
        self.rouges = [Rouge(variant) for variant in VARIANTS]
        self.bleu, self.chrf = Bleu(), Chrf()
        self.precision, self.recall = FigurePrecision(), FigureRecall()

    def score(self, records: Sequence[EvalRecord]) -> _Scores:
        scores = _Scores()
        for record in records:
            check = self.precision.check(record.summary, record.sources)
            scores.statuses.update(item.status for item in check.scored)
            scores.bases.update(f"{item.status}:{item.basis}" for item in check.scored)
            scores.ratios["figure_precision"].append((100 * check.supported, len(check.scored)))
            figures: dict[str, Any] = {
                "precision": self.precision.aggregate([check]), "recall": None, "supported": check.supported,
                "total": len(check.scored), "items": [item.to_dict() for item in check.items]}
            document: dict[str, Any] = {"id": record.id, "figures": figures}
            if record.reference is not None:
                matches = self.recall.check(record.summary, record.reference)
                found = sum(m.status == SUPPORTED for m in matches)
                scores.ratios["figure_recall"].append((100 * found, len(matches)))
                figures["recall"] = self.recall.aggregate([matches])
                figures["missing_from_summary"] = [m.figure.text for m in matches if m.status == UNSUPPORTED]
                for metric in (*self.rouges, self.bleu, self.chrf):
                    document[metric.name] = metric.sentence_score(record.summary, [record.reference])
                for rouge in self.rouges:
                    scores.ratios[rouge.name].append((document[rouge.name], 1))
                scores.hypotheses.append(record.summary)
                scores.references.append(record.reference)
            else:
                document.update(dict.fromkeys(REFERENCE_METRICS))
            if record.original and record.translation:
                document["translation"] = [issue.to_dict()
                                           for issue in compare_translation(record.original, record.translation)]
            scores.documents.append(document)
        return scores

    def signatures(self, resampling: Resampling, paired: bool) -> dict[str, str]:
        return {m.name: m.signature(resampling, paired)
                for m in (*self.rouges, self.bleu, self.chrf, self.precision, self.recall)}


def _reports(systems: Sequence[Sequence[EvalRecord]], resampling: Resampling) -> tuple[list[dict], dict]:
    """Each system's report, and per metric the Scored results of all systems (first = baseline)."""
    scorer = _Scorer()
    scored = [scorer.score(records) for records in systems]
    results: dict[str, list[Scored]] = {
        name: compare_ratio([np.array(s.ratios[name], dtype=float).reshape(-1, 2) for s in scored], resampling)
        for name in RATIO_METRICS}
    references = [scored[0].references]
    for metric in (scorer.bleu, scorer.chrf):
        results[metric.name] = metric.compare([s.hypotheses for s in scored], references, resampling)
    signatures = scorer.signatures(resampling, paired=len(systems) > 1)
    reports = []
    for i, (records, scores) in enumerate(zip(systems, scored)):
        corpus: dict[str, Any] = {"documents": len(records), "references": len(scores.hypotheses)}
        corpus.update({name: results[name][i].score for name in METRICS})
        corpus["intervals"] = {name: results[name][i].interval() for name in METRICS}
        statuses = scores.statuses
        corpus["figures"] = {"total": sum(statuses.values()), **{s: statuses[s] for s in (
            SUPPORTED, UNSUPPORTED, CONTRADICTED)}, **statuses, "by_basis": dict(scores.bases)}
        corpus["resampling"] = {"samples": resampling.samples, "seed": resampling.seed}
        corpus["signatures"] = signatures
        reports.append({"documents": scores.documents, "corpus": corpus})
    return reports, results


def build_report(records: Sequence[EvalRecord], resampling: Resampling | None = None) -> dict[str, Any]:
    """Score every record and the corpus, with 95 % bootstrap intervals."""
    [report], _ = _reports([records], resampling or Resampling())
    return report


def compare_systems(systems: Sequence[System], resampling: Resampling | None = None) -> dict[str, Any]:
    """Each system's report, and every later system against the first: the difference of each corpus
    score with the paired bootstrap and approximate randomization p-values. The systems must cover the
    same documents in the same order (:func:`mlsum.evaluate.records.align`)."""
    resampling = resampling or Resampling()
    reports, results = _reports([s.records for s in systems], resampling)
    return {
        "systems": [{"name": s.name, "path": s.path, **report} for s, report in zip(systems, reports)],
        "comparison": {
            "baseline": systems[0].name,
            "resampling": {"samples": resampling.samples, "trials": resampling.trials,
                           "seed": resampling.seed},
            "systems": [{"name": s.name, "differing_documents": sum(
                            a.summary != b.summary for a, b in zip(systems[0].records, s.records)),
                         "metrics": {name: results[name][i].comparison() for name in METRICS}}
                        for i, s in enumerate(systems) if i]}}


# Markdown --------------------------------------------------------------------------------------------

def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _with_interval(score: float | None, interval: dict[str, float | None]) -> str:
    """sacreBLEU's form: the score, then the bootstrap mean ± the 95 % half-width."""
    if score is None or interval["mean"] is None:
        return _fmt(score)
    return f"{score:.2f} (μ {interval['mean']:.2f} ± {interval['ci']:.2f})"


def _p(value: float | None) -> str:
    return "–" if value is None else f"{value:.4f}"


def _systems(report: dict[str, Any]) -> list[dict[str, Any]]:
    """A report's systems: one unnamed system for a single-system report."""
    return report["systems"] if "systems" in report else [{"name": None, **report}]


def to_markdown(report: dict[str, Any]) -> str:
    """The corpus table (with the comparison, for several systems), then per system the document
    table, the figures to look at and those lost in translation; the signatures last."""
    systems = _systems(report)
    lines = ["# mlsum evaluation", "", "## Corpus", "", *_corpus_table(report), ""]
    for system in systems:
        corpus = system["corpus"]
        counts = corpus["figures"]
        others = ", ".join(f"{n} {status}" for status, n in counts.items()
                           if status not in ("total", "by_basis", SUPPORTED))
        on_value = counts["by_basis"].get(f"{SUPPORTED}:{SAME_VALUE}", 0)
        who = f"{system['name']}: " if system["name"] else ""
        lines.append(f"- {who}{corpus['documents']} documents, {corpus['references']} with a reference; "
                     f"figures {counts[SUPPORTED]}/{counts['total']} supported ({on_value} on the value "
                     f"alone), {others}")
    for system in systems:
        lines += ["", f"## {system['name']}" if system["name"] else "## Documents", ""]
        lines += _document_lines(system)
    lines += ["", "## Signatures", ""]
    lines += [f"- {name}: `{signature}`" for name, signature in systems[0]["corpus"]["signatures"].items()]
    return "\n".join(lines) + "\n"


def _corpus_table(report: dict[str, Any]) -> list[str]:
    systems = _systems(report)
    others = report["comparison"]["systems"] if "comparison" in report else []
    baseline = systems[0]["name"]
    header = ["metric", *(s["name"] or "corpus score" for s in systems)]
    header += [f"{o['name']} − {baseline}: Δ (p bootstrap / randomization)" for o in others]
    lines = ["| " + " | ".join(header) + " |", "|---|" + "---:|" * (len(header) - 1)]
    for name in METRICS:
        cells = [LABELS[name]] + [_with_interval(s["corpus"][name], s["corpus"]["intervals"][name])
                                  for s in systems]
        for other in others:
            c = other["metrics"][name]
            mark = " *" if c["p_bootstrap"] is not None and max(c["p_bootstrap"], c["p_randomization"]) < 0.05 else ""
            cells.append("–" if c["difference"] is None else
                         f"{c['difference']:+.2f} ({_p(c['p_bootstrap'])} / {_p(c['p_randomization'])}){mark}")
        lines.append("| " + " | ".join(cells) + " |")
    settings = report["comparison"]["resampling"] if others else systems[0]["corpus"]["resampling"]
    tests = f", {settings['trials']} randomization trials" if others else ""
    lines += ["", f"Scores 0–100; in brackets the bootstrap mean ± half the 95 % interval "
                  f"({settings['samples']} resamples{tests}, seed {settings['seed']})"
              + ("; * both tests give p < 0.05." if others else ".")]
    lines += [""] * bool(others)
    lines += [f"{o['name']}'s summaries differ from {baseline}'s on {o['differing_documents']} of "
              f"{systems[0]['corpus']['documents']} documents. {SACREBLEU_TIES}" for o in others]
    return lines


def _document_lines(system: dict[str, Any]) -> list[str]:
    lines = ["| id | " + " | ".join(LABELS[name] for name in METRICS) + " |",
             "|---|" + "---:|" * len(METRICS)]
    for doc in system["documents"]:
        figures = doc["figures"]
        counted = f" ({figures['supported']}/{figures['total']})" if figures["total"] else ""
        cells = [_fmt(doc[name]) for name in REFERENCE_METRICS]
        lines.append(f"| {doc['id']} | " + " | ".join(cells)
                     + f" | {_fmt(figures['precision'])}{counted} | {_fmt(figures['recall'])} |")
    lines += ["", "Unsupported figures:", ""]
    bad_documents = [(doc, [i for i in doc["figures"]["items"] if flagged(i)]) for doc in system["documents"]]
    bad_documents = [(doc, bad) for doc, bad in bad_documents if bad]
    lines += [f"- **{doc['id']}**: " + "; ".join(_describe(item) for item in bad) for doc, bad in bad_documents]
    if not bad_documents:
        lines.append("None: every figure of every summary is in its source.")
    translated = [doc for doc in system["documents"] if doc.get("translation")]
    if translated:
        lines += ["", "Figures lost in translation:", ""]
        for doc in translated:
            lines.append(f"- **{doc['id']}**: " + "; ".join(
                f"“{issue['text']}” {issue['status']}"
                + (f" (translated as “{issue['translation']}”)" if issue["translation"] else "")
                for issue in doc["translation"]))
    return lines


def _describe(item: dict[str, Any]) -> str:
    what = f"“{item['text']}”" + (f" {item['noun']}" if item.get("noun") else "")
    if item["status"] == CONTRADICTED and item.get("evidence"):
        return f"{what} (contradicted: source says “{item['evidence']}”)"
    if item.get("basis") == OTHER_THING and item.get("evidence"):
        return f"{what} (unsupported: the source's “{item['evidence']}” is about something else)"
    if item.get("basis") == COMPUTED and item.get("evidence"):
        return f"{what} (unsupported: not stated; perhaps computed from figures near “{item['evidence']}”)"
    return f"{what} ({item['status']})"
