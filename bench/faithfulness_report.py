#!/usr/bin/env python3
"""Per-half tables of a figure-faithfulness benchmark run, from the dump score.py writes.

    python ../shared/benchmarks/faithfulness/score.py --dump items.jsonl
    python bench/faithfulness_report.py items.jsonl

The figure checker's rules were designed on the `fit` half only: the items whose SHA-256 of
"dataset<TAB>id" starts with an even byte (a summary's strict and broad views share a half). The `held`
half is the check that they generalize; both should tell the same story. Rates are score.py's own:
recall = flagged positives / positives, false alarm = flagged negatives / negatives.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import defaultdict
from pathlib import Path

# score.py's pooled "number errors" views: the labels concern the numbers themselves
NUMERIC = {("summedits-news", "edit"), ("xsumfaith", "strict"), ("cliff", "strict")}
CHECKERS = ("mlsum", "baseline")


def half(record: dict) -> str:
    digest = hashlib.sha256(f"{record['dataset']}\t{record['id']}".encode()).digest()
    return "fit" if digest[0] % 2 == 0 else "held"


def rates(records: list[dict], checker: str) -> str:
    positives = [r for r in records if r["positive"]]
    negatives = [r for r in records if not r["positive"]]
    caught = sum(bool(r[checker]) for r in positives)
    alarms = sum(bool(r[checker]) for r in negatives)
    recall = 100 * caught / len(positives) if positives else float("nan")
    false_alarm = 100 * alarms / len(negatives) if negatives else float("nan")
    return f"{recall:5.1f} {false_alarm:5.1f} ({caught:>3}/{len(positives):<4} {alarms:>3}/{len(negatives):<4})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dump", type=Path)
    args = parser.parse_args()
    records = [json.loads(line) for line in args.dump.open(encoding="utf-8")]
    header = f"{'':<28} " + " ".join(f"{c + ': recall FA (caught/pos alarms/neg)':<38}" for c in CHECKERS)
    for name in ("fit", "held", "all"):
        chosen = [r for r in records if name == "all" or half(r) == name]
        views: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for record in chosen:
            views[(record["dataset"], record["view"])].append(record)
        crashes = sum(r["mlsum_crashed"] for r in chosen)
        print(f"== {name} half ({len(chosen)} items, {crashes} mlsum crashes)" if name != "all"
              else f"== all ({len(chosen)} items, {crashes} mlsum crashes)")
        print(header)
        for (dataset, view), group in views.items():
            print(f"{dataset + ' ' + view:<28} " + " ".join(f"{rates(group, c):<38}" for c in CHECKERS))
        numeric = [r for r in chosen if (r["dataset"], r["view"]) in NUMERIC]
        print(f"{'number errors (edit+strict)':<28} " + " ".join(f"{rates(numeric, c):<38}" for c in CHECKERS))
        print()


if __name__ == "__main__":
    main()
