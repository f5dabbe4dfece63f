"""Throughput of figure extraction + matching (`check_figures`) over article/summary pairs made from the
seeds. Not a test: run it and read the pairs/s it prints.

    python bench/figures_bench.py                  # 3,000 pairs, one process
    python bench/figures_bench.py --jobs 2         # both cores
    python bench/figures_bench.py --pairs 10000

Summaries are the reference and Lead-3 summaries of eval/, plus copies with every figure's digits
replaced by random ones (so half the figures are flagged, as in a bad system's output). Two settings:
`shared`, where pairs share their five articles (as when several systems' summaries of one corpus are
checked: each article is indexed once and cached), and `distinct`, where every article is made unique
so nothing is cached — the cost of a corpus of all-new articles.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from multiprocessing import Pool
from pathlib import Path

from mlsum.figures import SUPPORTED, check_figures, index_source

ROOT = Path(__file__).resolve().parent.parent


def make_pairs(count: int, distinct: bool, seed: int = 0) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    articles = {p.stem: p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))}
    summaries = []
    for name in ("references.jsonl", "lead3.jsonl"):
        for line in (ROOT / "eval" / name).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            summaries.append((record["id"], record.get("reference") or record["summary"]))
    planted = [(id_, re.sub(r"\d+", lambda m: str(rng.randint(2, 99)), text)) for id_, text in summaries]
    pool = summaries + planted
    pairs = []
    for i in range(count):
        id_, summary = pool[i % len(pool)]
        article = articles[id_] + (f"\n\nArticle {i}." if distinct else "")
        pairs.append((article, summary))
    return pairs


def check(pairs: list[tuple[str, str]]) -> tuple[int, int]:
    figures = supported = 0
    for article, summary in pairs:
        items = check_figures(summary, [article]).scored
        figures += len(items)
        supported += sum(item.status == SUPPORTED for item in items)
    return figures, supported


def check_share(job: tuple[int, bool, int, int]) -> tuple[int, int]:
    """One worker's share of the pairs, built in the worker so that no article crosses processes."""
    count, distinct, worker, workers = job
    return check(make_pairs(count, distinct)[worker::workers])


def run(count: int, distinct: bool, jobs: int) -> tuple[float, int, int]:
    """Seconds to check `count` pairs (pair building excluded in one process, included in several)."""
    if jobs == 1:
        pairs = make_pairs(count, distinct)
        started = time.perf_counter()
        figures, supported = check(pairs)
        return time.perf_counter() - started, figures, supported
    started = time.perf_counter()
    with Pool(jobs) as workers:
        results = workers.map(check_share, [(count, distinct, i, jobs) for i in range(jobs)])
    figures, supported = map(sum, zip(*results))
    return time.perf_counter() - started, figures, supported


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=3000)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    check(make_pairs(20, distinct=True))  # warm-up: imports, pint registry, word caches
    for setting, distinct in (("shared", False), ("distinct", True)):
        index_source.cache_clear()
        seconds, figures, supported = run(args.pairs, distinct, args.jobs)
        print(f"{setting:>8} articles: {args.pairs} pairs in {seconds:.2f} s = {args.pairs / seconds:,.0f} "
              f"pairs/s ({args.jobs} process{'es' if args.jobs > 1 else ''}); {figures} summary figures, "
              f"{supported} supported")


if __name__ == "__main__":
    main()
