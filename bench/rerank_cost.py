"""What `--rerank figures` costs (a benchmark, not a test)::

    flock /tmp/mlsum-bench.lock python bench/rerank_cost.py              # 4 articles, both backends
    python bench/rerank_cost.py --docs 2 --backends ct2                  # a quick look

Generation: ``summarize_texts`` on article-length inputs with the registry's decoding for
distilbart-cnn-12-6 (4 beams, 56-142 new tokens), on the random-init checkpoint of its real
dimensions that ``bench/throughput.py`` builds (same `--model-dir`), without reranking and with 4
candidates, alternated `--reps` times; the figures are the median times. A random model's outputs
hold no figures, so this is the cost of asking beam search for its n-best list.

Figure checks: the checker's time per candidate on real summaries (eval/'s Lead-3 and LexRank
summaries of the seeds, against their articles): the first candidate of an article pays for
indexing the article, the others reuse the index.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def throughput():
    spec = importlib.util.spec_from_file_location("throughput", ROOT / "bench" / "throughput.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generation_cost(bench, model: Path, backend: str, docs: int, reps: int) -> dict[str, float]:
    from tokenizers import Tokenizer

    from mlsum import models
    from mlsum.models import Generation
    from mlsum.rerank import Rerank
    from mlsum.summarize import summarize_texts

    tok = Tokenizer.from_file(str(model / "tokenizer.json"))
    texts = bench.make_inputs("summarize-beam", lambda s: {"input_ids": tok.encode(s).ids}, docs)
    settings = bench.settings_for("summarize-beam")
    loaded = models.load(str(model), "summarization", device="cpu", backend=backend)
    summarize_texts(loaded, texts[:1], settings.merged(Generation(max_new_tokens=4, min_new_tokens=4)))  # warm-up
    times: dict[str, list[float]] = {"none": [], "figures": []}
    for _ in range(reps):
        for method, rerank in (("none", None), ("figures", Rerank(4))):
            started = time.perf_counter()
            summarize_texts(loaded, texts, settings, batch_size=bench.BATCH, rerank=rerank)
            times[method].append(time.perf_counter() - started)
    return {method: statistics.median(values) for method, values in times.items()}


def check_cost() -> tuple[float, float, int]:
    """Median seconds per figure check: the first of each article (indexing it), and the others."""
    from mlsum.figures import index_source
    from mlsum.rerank import flagged_figures

    articles = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "seeds").glob("*.txt")}
    summaries = [json.loads(line) for name in ("lead3", "lexrank")
                 for line in (ROOT / "eval" / f"{name}.jsonl").open(encoding="utf-8")]
    first, again = [], []
    for record in summaries:
        source = record.get("text") or articles.get(record["id"])
        if source is None:
            continue
        index_source.cache_clear()
        for timings in (first, again, again, again):
            started = time.perf_counter()
            flagged_figures(record["summary"], [source])
            timings.append(time.perf_counter() - started)
    return statistics.median(first), statistics.median(again), len(summaries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model-dir", type=Path, default=None, help="as bench/throughput.py's")
    parser.add_argument("--backends", default="ct2,torch")
    parser.add_argument("--docs", type=int, default=4)
    parser.add_argument("--reps", type=int, default=2)
    args = parser.parse_args()
    bench = throughput()
    model_dir = args.model_dir or bench.DEFAULT_MODEL_DIR
    os.environ.setdefault("MLSUM_CT2_CACHE", str(model_dir / "ct2-cache"))
    model = bench.build(model_dir, "distilbart-cnn-12-6-random", "build_bart", bench.BART_DIMS)
    load = os.getloadavg()[0]
    rows = {b: generation_cost(bench, model, b, args.docs, args.reps) for b in args.backends.split(",")}
    first, again, n = check_cost()
    print(f"\n{os.cpu_count()} cores, load average {load:.2f} before, {os.getloadavg()[0]:.2f} after; "
          f"{args.docs} articles, 4 beams, median of {args.reps}\n")
    print("| backend | --rerank none | --rerank figures (4 candidates) | ratio |")
    print("|---|---:|---:|---:|")
    for backend, t in rows.items():
        print(f"| {backend} | {t['none']:.1f} s | {t['figures']:.1f} s | {t['figures'] / t['none']:.2f} |")
    print(f"\nfigure check of one candidate ({n} real summaries): {1000 * first:.1f} ms with the article's "
          f"indexing, {1000 * again:.1f} ms after it")


if __name__ == "__main__":
    main()
