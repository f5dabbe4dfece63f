#!/usr/bin/env python3
"""Per-language and per-half tables of an extraction benchmark run, from the dump score.py writes;
and the same metric on the site pages written for the tests (French and English layouts the
benchmark has none of).

    python ../shared/benchmarks/extraction/score.py [--text] --dump pages.jsonl
    python bench/extraction_report.py pages.jsonl [--margin 0.05]
    python bench/extraction_report.py --site-pages

The halves are the pages whose id starts with 0–7 (the ones bench/fit_boilerplate.py fits the article
model on) and 8–f (held out). The metric is score.py's own (imported from beside the dump's data).
The site pages (tests/data/pages) mark their article in the HTML (`data-gold`); each is scored as the
text a browser copies from it and as HTML, with the time normalization takes.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dump", type=Path, nargs="?")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "benchmarks" / "extraction")
    ap.add_argument("--margin", type=float, default=0.05)
    ap.add_argument("--site-pages", action="store_true", help="score the test site pages instead of a dump")
    args = ap.parse_args()
    spec = importlib.util.spec_from_file_location("extraction_score", args.data / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    if args.site_pages or args.dump is None:
        site_pages(score)
        return
    truth = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))

    records = [json.loads(line) for line in args.dump.open(encoding="utf-8")]
    methods = [m for m in records[0]["scores"] if m in records[0]["texts"] or m == "raw_text"]
    groups: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        groups["all"].append(record)
        groups[f"lang {record['lang']}"].append(record)
        groups["ids 0-7 (fitted)" if record["id"][0] in "01234567" else "ids 8-f (held out)"].append(record)
    print(f"{'pages':<20} {'N':>4} " + " ".join(f"{m + ' P/R/F1':>24}" for m in methods))
    for name in ["all", "ids 0-7 (fitted)", "ids 8-f (held out)",
                 *sorted(g for g in groups if g.startswith("lang"))]:
        row = [f"{name:<20} {len(groups[name]):>4}"]
        for method in methods:
            counts = [score.page_counts(truth[r["id"]]["articleBody"], _text(r, method, args.data))
                      for r in groups[name]]
            p, r, f = score.corpus_prf(counts)
            row.append(f"{p:>8.3f}{r:>8.3f}{f:>8.3f}")
        print(" ".join(row))
    reference = "trafilatura" if "trafilatura" in methods else None
    if reference:
        worse = [r["id"][:8] for r in records
                 if r["scores"]["mlsum"][2] < r["scores"][reference][2] - args.margin]
        print(f"\npages where mlsum is worse than {reference} by more than {args.margin}: {len(worse)} {worse}")


SITE_PAGES = ROOT / "tests" / "data" / "pages"


def site_pages(score) -> None:
    """P/R/F1 of every test site page, copied and as HTML, and per language; ms per page."""
    import time

    from lxml import html as lxml_html

    from mlsum.normalize import normalize_as

    rows: dict[str, dict[str, tuple]] = defaultdict(dict)
    seconds: dict[str, float] = defaultdict(float)
    for path in sorted(SITE_PAGES.glob("*.html")):
        page = path.read_text(encoding="utf-8")
        tree = lxml_html.fromstring(page.encode("utf-8"))
        gold = "\n".join(" ".join(e.text_content().split()) for e in tree.iter() if e.get("data-gold"))
        for fmt, source in (("text", path.with_suffix(".txt").read_text(encoding="utf-8")), ("html", page)):
            normalize_as(source, fmt)  # once to warm the imports
            start = time.perf_counter()
            text = normalize_as(source, fmt).text
            seconds[fmt] += time.perf_counter() - start
            rows[path.stem][fmt] = score.page_counts(gold, text)
    print(f"{'site page':<20} {'text P/R/F1':>24} {'html P/R/F1':>24}")
    for name, counts in rows.items():
        cells = [" ".join(f"{v:7.3f}" for v in score.page_prf(counts[fmt])) for fmt in ("text", "html")]
        print(f"{name:<20} {cells[0]:>24} {cells[1]:>24}")
    for lang in sorted({name.rsplit("_", 1)[-1] for name in rows}):
        names = [name for name in rows if name.endswith(f"_{lang}")]
        cells = [" ".join(f"{v:7.3f}" for v in score.corpus_prf([rows[n][fmt] for n in names]))
                 for fmt in ("text", "html")]
        print(f"{'all ' + lang + f' ({len(names)})':<20} {cells[0]:>24} {cells[1]:>24}")
    print(f"\nms per page: text {1000 * seconds['text'] / len(rows):.1f}, html {1000 * seconds['html'] / len(rows):.1f}")


def _text(record: dict, method: str, data: Path) -> str:
    if method == "raw_text":
        return (data / "text" / f"{record['id']}.txt").read_text(encoding="utf-8")
    return record["texts"][method]


if __name__ == "__main__":
    main()
