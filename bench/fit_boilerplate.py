#!/usr/bin/env python3
"""Fit the article model of `mlsum/normalize/zones.py` and write `mlsum/normalize/weights.py`.

Data: the extraction benchmark's browser-copied pages (`../shared/benchmarks/extraction/text/`, real
pages with human-marked article bodies). Only pages whose id starts with 0–7 are fitted on; pages
8–f are held out, and both halves are reported with the benchmark's own metric (score.py's word
4-shingle P/R/F1), so that a rule or weight that only suits the fitted pages shows as a gap.

Each line of a page, after mlsum's furniture steps, is labelled article text when most of its
shingles are in the ground truth (a line too short for a shingle: when its words are). A logistic
regression (L2, Newton steps, each page weighing the same; --power 1 would weigh a line by its words)
is fitted on the line signals; then the thresholds of the decision (span, growth down and up, inner
debris: see zones.py) are chosen on a grid: the best F1 whose recall stays at or above --min-recall.
Thresholds are judged on probabilities the model gives pages it was not fitted on (--folds-fold
cross-validation inside the fitted half): chosen on the model's own training pages, they trusted
probabilities that are sharper there than on any new page, and the held-out half lost recall. The
final model is then fitted on the whole fitted half. The defaults reproduce the weights.py in the
repository.

    python bench/fit_boilerplate.py [--data DIR] [--min-recall 0.99] [--folds 4] [--power 0] [--l2 1]
                                    [--dry-run]
"""

from __future__ import annotations

import argparse
import itertools
import importlib.util
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mlsum.normalize import text_lines  # noqa: E402
from mlsum.normalize.lines import ARTICLE_MODEL_STEPS, STEPS, is_body, run_steps  # noqa: E402
from mlsum.normalize import zones  # noqa: E402
from mlsum.normalize.signals import FEATURES, count_tokens, features, page_language  # noqa: E402

FIT_PREFIXES = tuple("01234567")
FURNITURE = tuple(step for step in STEPS if step.name not in (*ARTICLE_MODEL_STEPS, "title"))
GRID = {
    "span_threshold": (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6),
    "extend_threshold": (0.05, 0.08, 0.1, 0.12, 0.15, 0.2),
    "extend_up_threshold": (0.05, 0.1, 0.2, 0.3),
    "inner_threshold": (0.0, 0.02, 0.05),
}


def load_scorer(data: Path):
    spec = importlib.util.spec_from_file_location("extraction_score", data / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def label(texts: list[str], gold: str, score) -> np.ndarray:
    gold_shingles = score.shingles(gold)
    gold_tokens = " " + " ".join(score.TOKEN.findall(gold)) + " "
    out = []
    for text in texts:
        tokens = score.TOKEN.findall(text)
        if len(tokens) < score.SHINGLE:
            out.append(bool(tokens) and f" {' '.join(tokens)} " in gold_tokens)
        else:
            mine = score.shingles(text)
            out.append(sum((mine & gold_shingles).values()) >= 0.5 * sum(mine.values()))
    return np.array(out, dtype=float)


def prepare(data: Path, score) -> dict[str, dict]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {}
    for page_id in sorted(truth):
        lines = run_steps(text_lines((data / "text" / f"{page_id}.txt").read_text(encoding="utf-8")), FURNITURE)
        texts = [line.text for line in lines]
        removed = np.array([not line.kept for line in lines])
        lang = page_language([t for t, gone in zip(texts, removed) if not gone])
        pages[page_id] = {
            "lines": lines, "texts": texts, "removed": removed, "steps": [line.removed_by for line in lines], "lang": lang, "gold": truth[page_id]["articleBody"],
            "X": np.array(features(texts, list(removed), lang)), "y": label(texts, truth[page_id]["articleBody"], score),
            "tokens": np.array([max(1, count_tokens(t)[0]) for t in texts], dtype=float),
            "prose": np.array([is_body(t) for t in texts]),
        }
    return pages


def fit(pages: dict[str, dict], ids: list[str], l2: float = 1.0, power: float = 1.0):
    """Weighted L2 logistic regression on standardised features; returns (mean, scale, coef)."""
    X = np.vstack([pages[i]["X"][~pages[i]["removed"]] for i in ids])
    y = np.concatenate([pages[i]["y"][~pages[i]["removed"]] for i in ids])
    w = np.concatenate([pages[i]["tokens"][~pages[i]["removed"]] ** power
                        / (pages[i]["tokens"][~pages[i]["removed"]] ** power).sum()
                        for i in ids if (~pages[i]["removed"]).any()])
    w = w / w.mean()
    mean, scale = X.mean(0), X.std(0)
    mean[0], scale[0] = 0.0, 1.0
    scale[scale == 0] = 1.0
    Z = (X - mean) / scale
    coef = np.zeros(X.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-Z @ coef))
        gradient = Z.T @ (w * (p - y)) + l2 * coef
        hessian = (Z * (w * p * (1 - p))[:, None]).T @ Z + l2 * np.eye(len(coef))
        step = np.linalg.solve(hessian, gradient)
        coef -= step
        if np.abs(step).max() < 1e-8:
            break
    return mean, scale, coef


def article(page: dict, p: np.ndarray, thresholds: dict[str, float]) -> str:
    """What zones.py keeps of the page with these probabilities and thresholds."""
    lines = page["lines"]
    zones.place_article(lines, page["lang"], list(p), **thresholds)
    return "\n".join(line.text for line in lines if line.kept and line.zone == "article")


def probabilities(page: dict, model) -> np.ndarray:
    mean, scale, coef = model
    return 1 / (1 + np.exp(-((page["X"] - mean) / scale) @ coef))


def evaluate(pages, ids, model, thresholds, score, probability=None):
    """score.py's P/R/F1 of the pages `ids`, with the model's probabilities or the given ones."""
    probability = probability or {i: probabilities(pages[i], model) for i in ids}
    return score.corpus_prf([score.page_counts(pages[i]["gold"], article(pages[i], probability[i], thresholds))
                             for i in ids])


def out_of_fold(pages, ids, folds: int, l2: float, power: float) -> dict[str, np.ndarray]:
    """Every page's probabilities from a model fitted on the other folds (page k is in fold k % folds)."""
    probability = {}
    for fold in range(folds):
        test = ids[fold::folds]
        model = fit(pages, [i for i in ids if i not in test], l2, power)
        probability.update({i: probabilities(pages[i], model) for i in test})
    return probability


def thresholds_grid():
    for values in itertools.product(*GRID.values()):
        thresholds = dict(zip(GRID, values))
        if (thresholds["inner_threshold"] <= thresholds["extend_threshold"] <= thresholds["span_threshold"]
                and thresholds["extend_up_threshold"] <= thresholds["span_threshold"]):
            yield thresholds


def write_weights(path: Path, model, thresholds: dict[str, float], note: str) -> None:
    mean, scale, coef = model

    def row(values):
        return "(" + ", ".join(f"{v:.6g}" for v in values) + ",)"

    path.write_text(
        '"""The article model\'s weights, written by bench/fit_boilerplate.py (do not edit by hand).\n\n'
        f"{note}\n\"\"\"\n\n"
        f"FEATURES = {FEATURES!r}\n"
        f"MEAN = {row(mean)}\nSCALE = {row(scale)}\nCOEF = {row(coef)}\n"
        + "".join(f"{name.upper()} = {value}\n" for name, value in thresholds.items()),
        encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "benchmarks" / "extraction")
    ap.add_argument("--min-recall", type=float, default=0.99)
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--power", type=float, default=0.0, help="a line weighs its words to this power")
    ap.add_argument("--dry-run", action="store_true", help="report, do not write weights.py")
    args = ap.parse_args()
    score = load_scorer(args.data)
    pages = prepare(args.data, score)
    fitted = [i for i in pages if i.startswith(FIT_PREFIXES)]
    held_out = [i for i in pages if not i.startswith(FIT_PREFIXES)]
    unseen = out_of_fold(pages, fitted, args.folds, args.l2, args.power)
    best = None
    for thresholds in thresholds_grid():
        p, r, f = evaluate(pages, fitted, None, thresholds, score, unseen)
        if r >= args.min_recall and (best is None or f > best[0][2]):
            best = ((p, r, f), thresholds)
    if best is None:
        sys.exit(f"no thresholds keep recall >= {args.min_recall} on the fitted pages")
    (cp, cr, cf), thresholds = best
    model = fit(pages, fitted, args.l2, args.power)
    p, r, f = evaluate(pages, fitted, model, thresholds, score)
    hp, hr, hf = evaluate(pages, held_out, model, thresholds, score)
    lines = [f"fitted on {len(fitted)} pages (ids 0-7): P {p:.3f} R {r:.3f} F1 {f:.3f}"
             f" ({args.folds}-fold cross-validated: P {cp:.3f} R {cr:.3f} F1 {cf:.3f})",
             f"held out {len(held_out)} pages (ids 8-f): P {hp:.3f} R {hr:.3f} F1 {hf:.3f}",
             f"thresholds {thresholds}; l2 {args.l2}; power {args.power}; min recall {args.min_recall}"
             f" (cross-validated)",
             "(the model's stage alone, before the title step)"]
    if not args.dry_run:
        write_weights(ROOT / "mlsum" / "normalize" / "weights.py", model, thresholds, "\n".join(lines))
    print("\n".join(lines))
    for name, c in sorted(zip(FEATURES, model[2]), key=lambda x: -abs(x[1])):
        print(f"  {name:<24} {c:+.3f}")


if __name__ == "__main__":
    main()
