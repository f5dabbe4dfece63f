"""Throughput, peak memory and load time of mlsum's engines against the loops a user would write
(a benchmark, not a test). One command prints the README's table::

    flock /tmp/mlsum-bench.lock python bench/throughput.py            # 3 repetitions, ~30 min on 2 cores
    python bench/throughput.py --reps 1 --scenarios translate-beam    # a quick look

Models
    Random-init checkpoints with the real dimensions of the two default models, built once with
    ``models/tiny.py`` into ``--model-dir`` and reused (random weights cost the same FLOPs as trained
    ones): ``distilbart-cnn-12-6`` (12+6 layers, d_model 1024, 16 heads, FFN 4096, vocab 50264) and
    ``opus-mt-fr-en`` (6+6 layers, d_model 512, 8 heads, FFN 2048, swish, vocab 59514). The BART lm_head
    is untied from the embeddings: a tied random BART copies its last token forever. The tokenizers
    are trained on the seeds and padded to the embedding matrix, as real tokenizers cover theirs.

Scenarios (inputs from the seed articles; every mode gets the same ones)
    summarize-beam   N article-length inputs (default 8, 550-1000 tokens: none needs chunking), the
                     registry's decoding for distilbart-cnn-12-6: 4 beams, 56-142 new tokens, length
                     penalty 2, no repeated trigram, early stopping.
    summarize-greedy the same articles (default 16), greedy, exactly 48 new tokens.
    translate-beam   100 seed sentences (mean 42 tokens), the registry's 4 beams for opus-mt-fr-en, at
                     most 64 new tokens (a random model never ends a sentence; 64 is a long one).

Modes (each run in its own subprocess, so that its peak RSS and load time are its own)
    naive       what a user writes with transformers v5: per input, tokenize, ``model.generate(**enc,
                **settings)``, decode.
    mlsum-torch ``mlsum.models.load(dir, backend="torch")`` then ``summarize_texts`` (summaries) or
                ``generate`` (the loop ``translate_texts`` runs sentences through): fp32, same outputs.
    torch-int8  the same after ``torch.ao.quantization.quantize_dynamic`` of the linear layers: mlsum's
                CPU default before the CTranslate2 backend, kept here to show why it was dropped.
    mlsum-ct2   ``mlsum.models.load(dir, backend="ct2")`` (int8 on CPU), then the same calls.
    ct2         CTranslate2 as its documentation shows it for Transformers models, on the same converted
                model: transformers' tokenizer, ``Translator(path, device="cpu", compute_type="int8")``,
                one ``translate_batch(tokens, max_batch_size=16, ...)`` with the same decoding.

Each repetition runs every scenario and mode once, the order of the modes rotated between repetitions
(the machine is shared: ratios within a repetition are what compares), after one untimed warm-up.
Figures: docs/s (sentences/s), the median over repetitions of each repetition's ratio to the naive
loop and of mlsum-ct2 to ct2, peak RSS of the mode's whole process (``VmHWM``, load included), load
time (imports and model load, in the process), and the share of outputs identical to the naive loop's.
Last, time to first summary: ``mlsum summarize`` on one seed article with a tiny local BART, wall time
of the whole command once the conversion is cached, for each backend.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

BART_DIMS = {"encoder_layers": 12, "decoder_layers": 6, "d_model": 1024, "encoder_attention_heads": 16,
             "decoder_attention_heads": 16, "encoder_ffn_dim": 4096, "decoder_ffn_dim": 4096,
             "vocab_size": 50264, "max_position_embeddings": 1024, "tie_word_embeddings": False}
MARIAN_DIMS = {"encoder_layers": 6, "decoder_layers": 6, "d_model": 512, "encoder_attention_heads": 8,
               "decoder_attention_heads": 8, "encoder_ffn_dim": 2048, "decoder_ffn_dim": 2048,
               "vocab_size": 59514, "max_position_embeddings": 512}
MODES = ("naive", "mlsum-torch", "torch-int8", "mlsum-ct2", "ct2")
SCENARIOS = ("summarize-beam", "summarize-greedy", "translate-beam")
BATCH = 16
DEFAULT_MODEL_DIR = Path(tempfile.gettempdir()) / "mlsum-bench-models"


def load_tiny():
    import importlib.util

    spec = importlib.util.spec_from_file_location("tiny_models", ROOT / "models" / "tiny.py")
    tiny = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tiny)
    return tiny


def build(model_dir: Path, name: str, builder: str, dims: dict) -> Path:
    """A random-init checkpoint of `dims`, built once and reused."""
    out = model_dir / name
    stamp = out / "bench-dims.json"
    if stamp.is_file() and json.loads(stamp.read_text()) == dims:
        return out
    started = time.perf_counter()
    getattr(load_tiny(), builder)(out, **dims)
    stamp.write_text(json.dumps(dims))
    print(f"built {out} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return out


def settings_for(scenario: str):
    from mlsum.models import REGISTRY, Generation

    if scenario == "summarize-beam":
        return REGISTRY["distilbart-cnn-12-6"].generation
    if scenario == "summarize-greedy":
        return Generation(num_beams=1, max_new_tokens=48, min_new_tokens=48)
    return REGISTRY["opus-mt-fr-en"].generation.merged(Generation(max_new_tokens=64))


def make_inputs(scenario: str, tokenizer, docs: int) -> list[str]:
    """Article-length texts (distinct rotations of the seeds' sentences, under 1000 tokens) or the
    first 100 distinct seed sentences."""
    from mlsum.text import paragraphs, sentences

    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    units = [[s for p in paragraphs(text) for s in sentences(p)] for text in seeds]
    if scenario.startswith("translate"):
        return list(dict.fromkeys(s for pool in units for s in pool))[:100]
    texts = []
    for i in range(docs):
        pool = units[i % len(units)]
        shift = (13 * (i // len(units))) % len(pool)
        pool = pool[shift:] + pool[:shift]
        taken: list[str] = []
        for sentence in pool:
            if len(tokenizer(" ".join(taken + [sentence]))["input_ids"]) > 1000:
                break
            taken.append(sentence)
        texts.append(" ".join(taken))
    return texts


# -- one mode (child process) ------------------------------------------------------------------------

def _hwm_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run_mode(mode: str, scenario: str, model: Path, texts: list[str]) -> dict:
    started = time.perf_counter()
    settings = settings_for(scenario)
    task = "translation" if scenario.startswith("translate") else "summarization"
    if mode == "naive":
        import torch
        from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

        tok = AutoTokenizer.from_pretrained(model)
        net = AutoModelForSeq2SeqLM.from_pretrained(model).eval()

        def run(batch, settings):
            outputs = []
            with torch.inference_mode():
                for text in batch:
                    enc = tok(text, return_tensors="pt", truncation=True, max_length=1024)
                    ids = net.generate(**enc, **settings.kwargs())
                    outputs.append(tok.decode(ids[0], skip_special_tokens=True).strip())
            return outputs
    elif mode.startswith(("mlsum", "torch")):
        from mlsum import models
        from mlsum.generate import generate
        from mlsum.summarize import summarize_texts

        backend = "ct2" if mode == "mlsum-ct2" else "torch"
        loaded = models.load(str(model), task, device="cpu", backend=backend)
        if mode == "torch-int8":
            import warnings

            import torch

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                torch.ao.quantization.quantize_dynamic(loaded.model, {torch.nn.Linear}, dtype=torch.qint8,
                                                       inplace=True)

        def run(batch, settings):
            if task == "translation":
                return generate(loaded, batch, settings, batch_size=BATCH)
            summaries = summarize_texts(loaded, batch, settings, batch_size=BATCH)
            if any(s.parts != 1 for s in summaries):
                raise SystemExit("an input was chunked")
            return [s.text for s in summaries]
    elif mode == "ct2":
        import ctranslate2
        from transformers import AutoTokenizer

        from mlsum import ct2 as mlsum_ct2

        tok = AutoTokenizer.from_pretrained(model)
        path = mlsum_ct2.converted_dir(model, "int8")
        translator = ctranslate2.Translator(str(path), device="cpu", compute_type="int8",
                                            intra_threads=os.cpu_count() or 1)
        meta = json.loads((path / mlsum_ct2.META).read_text())
        prefix, forced_eos = meta["forced_bos_token"], int(meta["forced_eos"])

        def run(batch, settings):
            kw = settings.kwargs()
            tokens = [tok.convert_ids_to_tokens(tok(t, truncation=True, max_length=1024)["input_ids"])
                      for t in batch]
            results = translator.translate_batch(
                tokens, [[prefix]] * len(tokens) if prefix else None, max_batch_size=BATCH,
                beam_size=kw.get("num_beams", 1), length_penalty=kw.get("length_penalty", 1.0),
                no_repeat_ngram_size=kw.get("no_repeat_ngram_size", 0),
                max_decoding_length=kw["max_new_tokens"] - forced_eos,
                min_decoding_length=min(kw.get("min_new_tokens", 0), kw["max_new_tokens"] - forced_eos))
            return [tok.decode(tok.convert_tokens_to_ids(r.hypotheses[0]), skip_special_tokens=True).strip()
                    for r in results]
    else:
        raise SystemExit(f"unknown mode {mode}")
    from mlsum.models import Generation

    run(texts[:1], settings.merged(Generation(max_new_tokens=4, min_new_tokens=4)))  # warm-up
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    outputs = run(texts, settings)
    seconds = time.perf_counter() - started
    return {"mode": mode, "scenario": scenario, "seconds": seconds, "docs_per_s": len(texts) / seconds,
            "load_s": load_s, "peak_rss_mb": _hwm_mb(), "outputs": outputs}


# -- time to first summary ---------------------------------------------------------------------------

def first_summary(model_dir: Path, backend: str) -> float:
    """Wall time of ``mlsum summarize`` on one seed with the tiny BART (conversion cached first)."""
    tiny = model_dir / "tiny-bart"
    if not (tiny / "config.json").is_file():
        load_tiny().build_bart(tiny)
    command = [sys.executable, "-m", "mlsum", "summarize", "--model", str(tiny), "--device", "cpu",
               "--backend", backend, "--num-beams", "4", "--max-new-tokens", "30", "--quiet",
               str(sorted((ROOT / "seeds").glob("*.txt"))[0])]
    best = float("inf")
    for _ in range(3):  # the first ct2 run converts; the best of three is the start-up cost
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        best = min(best, time.perf_counter() - started)
    return best


# -- parent ------------------------------------------------------------------------------------------

def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model-dir", type=Path, default=DEFAULT_MODEL_DIR,
                        help="where the random-init checkpoints are built, and reused (default: %(default)s)")
    parser.add_argument("--modes", default=",".join(MODES), help="comma-separated, from: " + ", ".join(MODES))
    parser.add_argument("--scenarios", default=",".join(SCENARIOS), help="from: " + ", ".join(SCENARIOS))
    parser.add_argument("--reps", type=int, default=3, help="repetitions (default 3)")
    parser.add_argument("--docs", type=int, default=8, help="articles for summarize-beam (greedy: twice)")
    parser.add_argument("--json", type=Path, help="also write every figure here")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)  # mode scenario inputs result
    args = parser.parse_args(argv)

    if args.child:
        mode, scenario, inputs, result = args.child
        spec = json.loads(Path(inputs).read_text(encoding="utf-8"))
        figures = run_mode(mode, scenario, Path(spec["model"]), spec["texts"])
        Path(result).write_text(json.dumps(figures), encoding="utf-8")
        return

    modes = [m for m in args.modes.split(",") if m]
    scenarios = [s for s in args.scenarios.split(",") if s]
    if set(modes) - set(MODES) or set(scenarios) - set(SCENARIOS):
        parser.error("unknown mode or scenario")
    from tokenizers import Tokenizer

    from mlsum import ct2

    bart = build(args.model_dir, "distilbart-cnn-12-6-random", "build_bart", BART_DIMS)
    marian = build(args.model_dir, "opus-mt-fr-en-random", "build_marian", MARIAN_DIMS)
    os.environ.setdefault("MLSUM_CT2_CACHE", str(args.model_dir / "ct2-cache"))
    for model in (bart, marian):
        ct2.convert(model, "int8")
    tok = Tokenizer.from_file(str(bart / "tokenizer.json"))
    counter = lambda s: {"input_ids": tok.encode(s).ids}  # noqa: E731
    work = {s: {"model": str(marian if s.startswith("translate") else bart),
                "texts": make_inputs(s, counter, args.docs * (2 if s.endswith("greedy") else 1))}
            for s in scenarios}

    runs: dict[tuple[str, str], list[dict]] = {}
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        for rep in range(args.reps):
            order = modes[rep % len(modes):] + modes[:rep % len(modes)]
            for scenario in scenarios:
                inputs = Path(tmp) / f"{scenario}.json"
                inputs.write_text(json.dumps(work[scenario]), encoding="utf-8")
                for mode in order:
                    result = Path(tmp) / "result.json"
                    print(f"rep {rep + 1}/{args.reps} {scenario} {mode} ...", file=sys.stderr, flush=True)
                    done = subprocess.run([sys.executable, __file__, "--child", mode, scenario, str(inputs),
                                           str(result)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                          text=True, env=os.environ)
                    if done.returncode:
                        raise SystemExit(f"{scenario} {mode} failed:\n{done.stderr[-3000:]}")
                    runs.setdefault((scenario, mode), []).append(json.loads(result.read_text()))
        startup = {b: first_summary(args.model_dir, b) for b in ("ct2", "torch")}
    report(runs, scenarios, modes, work, startup, args, load_before)


def report(runs, scenarios, modes, work, startup, args, load_before) -> None:
    def median_ratio(scenario, mode, base):
        pairs = zip(runs[(scenario, mode)], runs[(scenario, base)])
        return statistics.median(a["docs_per_s"] / b["docs_per_s"] for a, b in pairs)

    names = {"naive": "naive loop", "mlsum-torch": "mlsum torch", "torch-int8": "torch int8 (dropped)",
             "mlsum-ct2": "mlsum ct2 (CPU default)", "ct2": "CTranslate2 int8"}
    labels = {"summarize-beam": f"summarize, 4 beams (registry), {len(work.get('summarize-beam', {}).get('texts', []))} articles",
              "summarize-greedy": "summarize, greedy 48 tokens", "translate-beam": "translate, 4 beams, 100 sentences"}
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), "?")
    print(f"\n{cpu}, {os.cpu_count()} cores; {args.reps} repetitions, load average "
          f"{load_before:.2f} before, {os.getloadavg()[0]:.2f} after\n")
    print("| | " + " | ".join(names[m] for m in modes) + " |")
    print("|---|" + "---:|" * len(modes))
    for s in scenarios:
        cells = {m: runs[(s, m)] for m in modes}
        rows = [(f"{labels[s]}: docs/s", lambda m: f"{statistics.median(r['docs_per_s'] for r in cells[m]):.3f}")]
        if "naive" in modes:
            rows.append((f"{labels[s]}: × naive", lambda m: f"{median_ratio(s, m, 'naive'):.2f}"))
        rows += [(f"{labels[s]}: peak RSS", lambda m: f"{max(r['peak_rss_mb'] for r in cells[m]) / 1024:.2f} GB"),
                 (f"{labels[s]}: load time", lambda m: f"{statistics.median(r['load_s'] for r in cells[m]):.1f} s")]
        if "naive" in modes:
            reference = cells["naive"][0]["outputs"]
            rows.append((f"{labels[s]}: outputs = naive's",
                         lambda m: f"{100 * sum(a == b for a, b in zip(cells[m][0]['outputs'], reference)) / len(reference):.0f}%"))
        for label, cell in rows:
            print(f"| {label} | " + " | ".join(cell(m) for m in modes) + " |")
    if "mlsum-ct2" in modes and "ct2" in modes:
        print()
        for s in scenarios:
            per_rep = [a["docs_per_s"] / b["docs_per_s"] for a, b in zip(runs[(s, "mlsum-ct2")], runs[(s, "ct2")])]
            rss = max(r["peak_rss_mb"] for r in runs[(s, "mlsum-ct2")]) / max(r["peak_rss_mb"] for r in runs[(s, "ct2")])
            print(f"{labels[s]}: mlsum ct2 / CTranslate2 = {statistics.median(per_rep):.2f}× "
                  f"(per repetition {', '.join(f'{x:.2f}' for x in per_rep)}), peak RSS {rss:.2f}×")
    print("time to first summary (tiny local BART, whole `mlsum summarize` command): "
          + ", ".join(f"--backend {b} {t:.2f} s" for b, t in startup.items()))
    if args.json:
        args.json.write_text(json.dumps({"runs": {f"{s}/{m}": [{k: v for k, v in r.items() if k != "outputs"}
                                                              for r in rs] for (s, m), rs in runs.items()},
                                         "startup": startup}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
