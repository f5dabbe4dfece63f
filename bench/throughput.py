"""Throughput of mlsum's batched summarization against the loop a user would write (a benchmark, not a test).

What it runs
    A random-init BART with the real dimensions of ``distilbart-cnn-6-6`` (6+6 layers, d_model 1024, 16
    heads, FFN 4096, vocab 50264, 1024 positions; random weights cost the same FLOPs as trained ones),
    built once with ``models/tiny.py`` into ``--model-dir`` and reused. Its lm_head is untied from the
    embeddings (``tie_word_embeddings=False``): a tied random BART copies its last token forever, which
    would make every output identical and the agreement figure meaningless. That costs no FLOPs, but adds
    the 206 MB fp32 lm_head matrix to every fp32 mode's RSS, which the real, tied checkpoint does not have.

    N article-length inputs (default 16) are made from the seed articles: the sentences of seed ``i % 5``,
    rotated by ``13 * (i // 5)`` so that no two inputs are the same, taken whole up to ``--max-input-tokens``
    (1000 by default, under the encoder's 1024). Every mode gets the same texts, none needs truncation or
    chunking (checked), and decoding is fixed-length (``min_new_tokens = max_new_tokens``), so every mode
    does exactly the same work.

    Each mode runs in its own subprocess of this script, so its peak RSS is its own:

    naive       what a user writes with transformers v5 (no pipelines there): for each article,
                ``tok(article, return_tensors="pt", truncation=True, max_length=1024)``,
                ``model.generate(**enc, num_beams=B, max_new_tokens=M, min_new_tokens=M)``, decode.
    mlsum       ``mlsum.models.load(dir, "summarization", device="cpu")`` then
                ``summarize_texts(loaded, texts, Generation(num_beams, M, M), batch_size)``.
    mlsum-int8  the same after ``mlsum.backends.apply_backend(loaded, "int8")`` (torch dynamic int8).
    mlsum-packed  the same with every fp32 ``nn.Linear`` swapped for a oneDNN pre-packed one
                (:func:`pack_linears`, an experiment, not an mlsum backend yet).
    ct2-int8    CTranslate2 (optional; skipped with a note when ``ctranslate2`` is not installed):
    ct2-fp32    the checkpoint converted once with ``TransformersConverter`` (quantization int8 / float32),
                ``Translator.translate_batch(tokens, beam_size, max/min_decoding_length=M,
                max_batch_size=batch_size)``, tokenization and detokenization included in the time.

    Each mode first runs one untimed warm-up generation (a short input, 4 new tokens), then the timed run
    over all N inputs.

Figures
    docs/s, its ratio to the naive loop, effective GFLOP/s (useful FLOPs below divided by the timed
    seconds; for int8 modes that is fp32-equivalent work) against a measured fp32 peak (best of
    ``torch.mm`` on 2048x2048 fp32 matrices), the peak RSS of the mode's whole process (``VmHWM``, load
    included) and during inference only (``VmHWM`` again, reset through ``/proc/self/clear_refs`` after
    the warm-up), and agreement with the fp32 outputs of the naive loop: the share of generated token ids
    that are identical at the same position, over the first ``M - 1`` positions (transformers forces
    ``</s>`` at the last one, CTranslate2 does not), and the share of documents whose ids all agree.
    With random weights the agreement is a rough proxy: greedy decoding diverges for good after the
    first different token, and random logits are closer together than a trained model's.

Useful FLOPs (multiply-add = 2 FLOPs; only non-pad tokens; layer norms, softmax, GELU and embedding
lookups left out), for an input of T tokens and G generated tokens, d = d_model, f = ffn dim,
Le/Ld = encoder/decoder layers, V = vocab_size::

    encoder                 Le * (8 d^2 T + 4 d f T + 4 d T^2)        q,k,v,o + FFN + scores and values
    cross-attention k, v    Ld * 4 d^2 T                              once per document
    decoder step t=1..G     Ld * (12 d^2 + 4 d f + 4 d t + 4 d T)     self q,k,v,o + cross q,o + FFN
                                                                      + self-attention over t + cross over T
                            + 2 V d                                   lm_head over the full vocabulary

For T = 750, G = 48 that is about 127 + 19 + 14 = 160 GFLOP per document: the encoder dominates, and
batching cannot make it cheaper (it already multiplies T-row matrices); batching pays off in the
decoder, whose steps multiply one row per document and are bound by memory bandwidth.

Usage::

    python bench/throughput.py                       # all modes, N=16, B=16, greedy, 48 new tokens
    python bench/throughput.py --modes naive,mlsum --docs 32 --batch-size 32 --json out.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

DIMS = {"encoder_layers": 6, "decoder_layers": 6, "d_model": 1024, "encoder_attention_heads": 16,
        "decoder_attention_heads": 16, "encoder_ffn_dim": 4096, "decoder_ffn_dim": 4096, "vocab_size": 50264,
        "max_position_embeddings": 1024, "tie_word_embeddings": False}
MODES = ("naive", "mlsum", "mlsum-int8", "mlsum-packed", "ct2-int8", "ct2-fp32")
DEFAULT_MODEL_DIR = Path(tempfile.gettempdir()) / "mlsum-bench-distilbart-cnn-6-6-random"


# -- setup (parent) ----------------------------------------------------------------------------------

def build_model(model_dir: Path) -> Path:
    """The random-init distilbart-cnn-6-6-sized checkpoint, built once and reused."""
    stamp = model_dir / "bench-dims.json"
    if stamp.is_file() and json.loads(stamp.read_text()) == DIMS and (model_dir / "config.json").is_file():
        return model_dir
    import importlib.util

    spec = importlib.util.spec_from_file_location("tiny_models", ROOT / "models" / "tiny.py")
    tiny = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tiny)
    started = time.perf_counter()
    tiny.build_bart(model_dir, **DIMS)
    stamp.write_text(json.dumps(DIMS))
    print(f"built {model_dir} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return model_dir


def make_inputs(tokenizer, n: int, max_tokens: int) -> list[str]:
    """N distinct article-length texts from the seeds, each at most `max_tokens` tokens."""
    from mlsum.text import paragraphs, sentences

    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    units = [[s for p in paragraphs(text) for s in sentences(p)] for text in seeds]
    texts = []
    for i in range(n):
        pool = units[i % len(units)]
        shift = (13 * (i // len(units))) % len(pool)
        pool = pool[shift:] + pool[:shift]
        taken: list[str] = []
        for sentence in pool:
            if len(tokenizer(" ".join(taken + [sentence]))["input_ids"]) > max_tokens:
                break
            taken.append(sentence)
        texts.append(" ".join(taken))
    if len(set(texts)) != len(texts):
        raise SystemExit("inputs are not distinct: raise the rotation or lower --docs")
    return texts


def useful_flops(config, input_lengths: list[int], new_tokens: int, beams: int = 1) -> float:
    """The formula of the module docstring, summed over documents (beams multiply the decoder)."""
    d, L_e, L_d = config.d_model, config.encoder_layers, config.decoder_layers
    f_e, f_d, V = config.encoder_ffn_dim, config.decoder_ffn_dim, config.vocab_size
    total = 0.0
    for T in input_lengths:
        total += L_e * (8 * d * d * T + 4 * d * f_e * T + 4 * d * T * T)
        total += L_d * 4 * d * d * T
        step = sum(L_d * (12 * d * d + 4 * d * f_d + 4 * d * t + 4 * d * T) + 2 * V * d
                   for t in range(1, new_tokens + 1))
        total += beams * step
    return total


def matmul_peak(n: int = 2048, reps: int = 10, rounds: int = 3) -> float:
    """Best fp32 GFLOP/s of torch.mm on n x n matrices over a few rounds."""
    import torch

    a, b = torch.randn(n, n), torch.randn(n, n)
    for _ in range(2):
        torch.mm(a, b)
    best = 0.0
    for _ in range(rounds):
        started = time.perf_counter()
        for _ in range(reps):
            torch.mm(a, b)
        best = max(best, 2 * n ** 3 * reps / (time.perf_counter() - started) / 1e9)
    return best


def convert_ct2(model_dir: Path, quantization: str) -> Path:
    """The checkpoint converted for CTranslate2, once.

    ctranslate2 4.x's BART loader reads ``config.normalize_before``, which transformers v5 dropped (BART
    is post-norm: False; a real checkpoint needs this too), and takes its vocabulary from the tokenizer,
    which here (1,500 tokens trained on the seeds) is smaller than the 50,264-row embedding matrix, so
    the vocabulary is padded with unused tokens (a real checkpoint's tokenizer covers its matrix).
    """
    out = model_dir / f"ct2-{quantization}"
    if (out / "model.bin").is_file():
        return out
    from ctranslate2.converters import transformers as ct2t

    class BartLoader(ct2t.BartLoader):
        def get_model_spec(self, model):
            if not hasattr(model.config, "normalize_before"):
                model.config.normalize_before = False
            return super().get_model_spec(model)

        def get_vocabulary(self, model, tokenizer):
            tokens = super().get_vocabulary(model, tokenizer)
            return tokens + [f"<unused_{i}>" for i in range(len(tokens), model.config.vocab_size)]

    previous = ct2t._MODEL_LOADERS["BartConfig"]
    ct2t._MODEL_LOADERS["BartConfig"] = BartLoader()
    try:
        started = time.perf_counter()
        ct2t.TransformersConverter(str(model_dir)).convert(str(out), quantization=quantization, force=True)
        print(f"converted {out} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    finally:
        ct2t._MODEL_LOADERS["BartConfig"] = previous
    return out


def pack_linears(model) -> int:
    """Swap every fp32 ``nn.Linear`` for one whose weight is pre-packed for oneDNN (experimental).

    On this AMD CPU, MKL's sgemm (what ``F.linear`` calls) runs the decoder's few-row products at a third
    of oneDNN's speed; ``torch.ops.mkldnn._reorder_linear_weight`` / ``_linear_pointwise`` are the private
    ops that inductor's CPU freezing uses. Same fp32 arithmetic, another summation order. Returns the count.
    """
    import torch

    class PackedLinear(torch.nn.Module):
        def __init__(self, linear):
            super().__init__()
            self.in_features, self.out_features = linear.in_features, linear.out_features
            self.packed = torch.ops.mkldnn._reorder_linear_weight(linear.weight.detach())
            self.bias = None if linear.bias is None else linear.bias.detach()

        def forward(self, x):
            return torch.ops.mkldnn._linear_pointwise(x, self.packed, self.bias, "none", [], "")

    swapped = 0
    for module in list(model.modules()):
        for name, child in list(module.named_children()):
            if type(child) is torch.nn.Linear and child.weight.dtype == torch.float32:
                setattr(module, name, PackedLinear(child))
                swapped += 1
    return swapped


# -- one mode (child) --------------------------------------------------------------------------------

def _rss_reset() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _hwm_mb() -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def run_mode(mode: str, model_dir: Path, texts: list[str], args) -> dict:
    import torch

    started = time.perf_counter()
    beams, new = args.num_beams, args.max_new_tokens
    warm_text = texts[0][:400]
    if mode == "naive":
        from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

        tok = AutoTokenizer.from_pretrained(model_dir)
        model = AutoModelForSeq2SeqLM.from_pretrained(model_dir)
        model.eval()
        forward_model = model

        def run(batch, new_tokens, keep):
            outputs = []
            for article in batch:
                enc = tok(article, return_tensors="pt", truncation=True, max_length=1024)
                ids = model.generate(**enc, num_beams=beams, max_new_tokens=new_tokens,
                                     min_new_tokens=new_tokens)
                outputs.append(tok.decode(ids[0], skip_special_tokens=True))
                keep.append(ids[0, 1:].tolist())
            return outputs
    elif mode in ("mlsum", "mlsum-int8", "mlsum-packed"):
        from mlsum import models
        from mlsum.backends import apply_backend
        from mlsum.summarize import summarize_texts

        loaded = models.load(str(model_dir), "summarization", device="cpu")
        if mode == "mlsum-int8":
            apply_backend(loaded, "int8")
        elif mode == "mlsum-packed":
            pack_linears(loaded.model)
        tok = loaded.tokenizer
        forward_model = loaded.model
        captured: list[list[int]] = []
        inner = loaded.model.generate

        def capturing_generate(*a, **kw):
            out = inner(*a, **kw)
            captured.extend(row[1:].tolist() for row in out)
            return out

        loaded.model.generate = capturing_generate
        chunks = []

        def run(batch, new_tokens, keep):
            captured.clear()
            chunks.clear()
            settings = models.Generation(num_beams=beams, max_new_tokens=new_tokens, min_new_tokens=new_tokens)
            summaries = summarize_texts(loaded, batch, settings, batch_size=args.batch_size)
            chunks.extend(s.parts for s in summaries)
            # ids by their text: independent of how generate.py orders and batches its work
            by_text = {tok.decode(ids, skip_special_tokens=True).strip(): ids for ids in captured}
            keep.extend(by_text[s.text] for s in summaries)
            return [s.text for s in summaries]
    elif mode in ("ct2-int8", "ct2-fp32"):
        import ctranslate2
        from transformers import AutoTokenizer

        tok = AutoTokenizer.from_pretrained(model_dir)
        path = model_dir / ("ct2-int8" if mode == "ct2-int8" else "ct2-float32")
        translator = ctranslate2.Translator(str(path), device="cpu", inter_threads=1,
                                            intra_threads=torch.get_num_threads())
        bos = tok.convert_ids_to_tokens(0)
        forward_model = None

        def run(batch, new_tokens, keep):
            tokens = [tok.convert_ids_to_tokens(tok(t, truncation=True, max_length=1024)["input_ids"])
                      for t in batch]
            # transformers' BART generation forces <s> first (forced_bos_token_id); the prefix does that here
            results = translator.translate_batch(
                tokens, beam_size=beams, max_decoding_length=new_tokens, min_decoding_length=new_tokens,
                max_batch_size=args.batch_size, target_prefix=[[bos]] * len(tokens), return_end_token=True)
            outputs = []
            for r in results:
                ids = tok.convert_tokens_to_ids(r.hypotheses[0])
                keep.append(ids)
                outputs.append(tok.decode(ids, skip_special_tokens=True))
            return outputs
    else:
        raise SystemExit(f"unknown mode {mode}")
    load_s = time.perf_counter() - started

    started = time.perf_counter()
    run([warm_text], 4, [])
    warmup_s = time.perf_counter() - started
    load_peak = _hwm_mb()
    reset = load_peak is not None and _rss_reset()

    ids: list[list[int]] = []
    started = time.perf_counter()
    outputs = run(texts, new, ids)
    seconds = time.perf_counter() - started
    if mode.startswith("mlsum") and any(parts != 1 for parts in chunks):
        raise SystemExit("an input was chunked: lower --max-input-tokens")
    inference_peak = _hwm_mb() if reset else None
    # VmHWM belongs to this process's own address space; ru_maxrss also counts the parent's RSS at fork
    peak = max(load_peak, inference_peak or 0) if load_peak is not None \
        else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "mode": mode, "docs": len(texts), "seconds": seconds, "docs_per_s": len(texts) / seconds,
        "load_s": load_s, "warmup_s": warmup_s, "threads": torch.get_num_threads(),
        "peak_rss_mb": peak, "load_peak_rss_mb": load_peak, "inference_peak_rss_mb": inference_peak,
        "ids": ids, "outputs": outputs,
        "teacher_forced": teacher_forced(forward_model, tok, texts, args.reference, new),
    }


def teacher_forced(model, tok, texts: list[str], reference: Path | None, new_tokens: int) -> float | None:
    """Share of the reference's free positions where this model's next-token argmax is the reference token,
    fed the reference's own prefix: agreement per decision, without greedy decoding's cascade.

    Positions 1 .. M-2 of the generated ids (after transformers' forced <s>, before its forced </s>);
    </s> is masked as ``min_new_tokens`` does. None for CTranslate2 (no per-position logits in its API).
    """
    if model is None or reference is None:
        return None
    import torch

    ref_ids = json.loads(reference.read_text(encoding="utf-8"))
    start = model.config.decoder_start_token_id
    eos = model.config.eos_token_id
    same = total = 0
    with torch.inference_mode():
        for text, ref in zip(texts, ref_ids):
            enc = tok(text, return_tensors="pt", truncation=True, max_length=1024)
            decoder_input_ids = torch.tensor([[start] + ref[:-1]])
            logits = model(**enc, decoder_input_ids=decoder_input_ids).logits[0]
            logits[:, eos] = float("-inf")
            predicted = logits.argmax(-1).tolist()
            free = range(1, min(new_tokens - 1, len(ref)))
            same += sum(predicted[j] == ref[j] for j in free)
            total += len(free)
    return same / total if total else None


# -- report (parent) ---------------------------------------------------------------------------------

def agreement(a: list[list[int]], b: list[list[int]], positions: int) -> dict[str, float]:
    """Free-running agreement of two runs' generated ids over their first `positions`: the share of
    identical ids, the share of documents identical throughout, the mean position of the first difference
    (`positions` when none)."""
    same = docs = 0
    first: list[int] = []
    for x, y in zip(a, b):
        equal = [i < len(x) and i < len(y) and x[i] == y[i] for i in range(positions)]
        same += sum(equal)
        docs += all(equal)
        first.append(equal.index(False) if not all(equal) else positions)
    return {"ids": same / (positions * len(a)), "docs": docs / len(a), "first_diff": sum(first) / len(first)}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model-dir", type=Path, default=DEFAULT_MODEL_DIR,
                        help="where the random-init checkpoint is built, and reused (default: %(default)s)")
    parser.add_argument("--modes", default=",".join(MODES), help="comma-separated, from: " + ", ".join(MODES))
    parser.add_argument("--docs", type=int, default=16, help="N inputs (default 16)")
    parser.add_argument("--batch-size", type=int, default=16, help="mlsum and CTranslate2 batch size")
    parser.add_argument("--num-beams", type=int, default=1, help="1: greedy (default)")
    parser.add_argument("--max-new-tokens", type=int, default=48, help="also min_new_tokens (default 48)")
    parser.add_argument("--max-input-tokens", type=int, default=1000, help="cap on each input's length")
    parser.add_argument("--json", type=Path, help="also write every figure here")
    parser.add_argument("--mode", help=argparse.SUPPRESS)  # internal: run one mode in this process
    parser.add_argument("--inputs", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--reference", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.mode:
        texts = json.loads(args.inputs.read_text(encoding="utf-8"))
        result = run_mode(args.mode, args.model_dir, texts, args)
        args.result.write_text(json.dumps(result), encoding="utf-8")
        return

    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    unknown = set(modes) - set(MODES)
    if unknown:
        parser.error(f"unknown modes: {', '.join(sorted(unknown))}")
    import torch
    from transformers import AutoConfig, AutoTokenizer

    model_dir = build_model(args.model_dir)
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    config = AutoConfig.from_pretrained(model_dir)
    texts = make_inputs(tokenizer, args.docs, args.max_input_tokens)
    lengths = [len(tokenizer(t)["input_ids"]) for t in texts]
    if max(lengths) > min(1024, config.max_position_embeddings):
        raise SystemExit("an input exceeds the encoder limit")
    notes = []
    if any(m.startswith("ct2") for m in modes):
        try:
            import ctranslate2  # noqa: F401
        except ImportError:
            notes.append("ct2 modes skipped: ctranslate2 is not installed (pip install ctranslate2)")
            modes = [m for m in modes if not m.startswith("ct2")]
        else:
            for m in modes:
                if m.startswith("ct2"):
                    convert_ct2(model_dir, "int8" if m == "ct2-int8" else "float32")

    if "naive" in modes:  # first: its ids are the reference the others are scored against
        modes = ["naive"] + [m for m in modes if m != "naive"]
    peak = matmul_peak()
    flops = useful_flops(config, lengths, args.max_new_tokens, args.num_beams)
    load_before = os.getloadavg()
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "inputs.json"
        inputs.write_text(json.dumps(texts), encoding="utf-8")
        reference = Path(tmp) / "reference.json"
        for mode in modes:
            result_file = Path(tmp) / f"{mode}.json"
            command = [sys.executable, str(Path(__file__).resolve()), "--mode", mode, "--inputs", str(inputs),
                       "--result", str(result_file), "--model-dir", str(model_dir),
                       "--batch-size", str(args.batch_size), "--num-beams", str(args.num_beams),
                       "--max-new-tokens", str(args.max_new_tokens)]
            if reference.is_file() and args.num_beams == 1:
                command += ["--reference", str(reference)]
            print(f"running {mode} ...", file=sys.stderr, flush=True)
            done = subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                  text=True)
            if done.returncode != 0:
                print(done.stderr[-3000:], file=sys.stderr)
                raise SystemExit(f"mode {mode} failed")
            results[mode] = json.loads(result_file.read_text(encoding="utf-8"))
            if mode == "naive":
                reference.write_text(json.dumps(results[mode]["ids"]), encoding="utf-8")
    load_after = os.getloadavg()

    ref_name = "naive" if "naive" in results else next(iter(results))
    positions = args.max_new_tokens - 1
    for r in results.values():
        r["gflops_effective"] = flops / r["seconds"] / 1e9
        r["peak_fraction"] = r["gflops_effective"] / peak
        r["speedup_vs_naive"] = r["docs_per_s"] / results["naive"]["docs_per_s"] if "naive" in results else None
        r["agreement"] = agreement(results[ref_name]["ids"], r["ids"], positions)
    pairs = [("mlsum", "naive"), ("mlsum-int8", "mlsum"), ("mlsum-packed", "mlsum"), ("ct2-fp32", "mlsum"),
             ("ct2-int8", "mlsum"), ("ct2-int8", "ct2-fp32"), ("ct2-int8", "mlsum-int8")]
    cross = {f"{a} vs {b}": agreement(results[b]["ids"], results[a]["ids"], positions)
             for a, b in pairs if a in results and b in results}

    print(f"\nmlsum throughput: random-init distilbart-cnn-6-6 dims, {len(texts)} inputs of "
          f"{min(lengths)}-{max(lengths)} tokens (mean {sum(lengths) / len(lengths):.0f}), "
          f"{'greedy' if args.num_beams == 1 else f'{args.num_beams} beams'}, {args.max_new_tokens} new tokens, "
          f"batch {args.batch_size}")
    print(f"CPU: {_cpu_name()}, torch {torch.__version__}, {torch.get_num_threads()} threads; "
          f"fp32 matmul peak {peak:.1f} GFLOP/s; useful work {flops / 1e9 / len(texts):.1f} GFLOP/doc; "
          f"load average {load_before[0]:.2f} before, {load_after[0]:.2f} after")
    header = (f"{'mode':<12} {'docs/s':>7} {'s':>6} {'x naive':>7} {'GFLOP/s':>7} {'%peak':>5} "
              f"{'RSS MB':>6} {'infer':>5} {'same ids':>8} {'docs':>5} {'1st diff':>8} {'forced':>6}")
    print(header)
    print("-" * len(header))
    for mode, r in results.items():
        a = r["agreement"]
        speed = f"{r['speedup_vs_naive']:.2f}" if r["speedup_vs_naive"] is not None else "-"
        infer = f"{r['inference_peak_rss_mb']:.0f}" if r["inference_peak_rss_mb"] else "-"
        forced = f"{100 * r['teacher_forced']:.1f}%" if r.get("teacher_forced") is not None else "-"
        print(f"{mode:<12} {r['docs_per_s']:>7.3f} {r['seconds']:>6.1f} {speed:>7} {r['gflops_effective']:>7.1f} "
              f"{100 * r['peak_fraction']:>4.0f}% {r['peak_rss_mb']:>6.0f} {infer:>5} "
              f"{100 * a['ids']:>7.1f}% {100 * a['docs']:>4.0f}% {a['first_diff']:>8.1f} {forced:>6}")
    print(f"RSS MB: peak of the mode's process, load included; infer: peak during the timed run.\n"
          f"same ids / docs / 1st diff: free-running agreement with {ref_name}'s generated ids over the first "
          f"{positions} positions (share of ids, of documents identical throughout, mean position of the first "
          f"difference); forced: next-token argmax agreement fed {ref_name}'s ids (teacher forcing).")
    for name, a in cross.items():
        print(f"agreement {name}: {100 * a['ids']:.1f}% ids, {100 * a['docs']:.0f}% docs, "
              f"first difference at {a['first_diff']:.1f} on average")
    for note in notes:
        print("note:", note)
    if args.json:
        figures = {
            "model": "random-init distilbart-cnn-6-6 dims", "dims": DIMS, "docs": len(texts),
            "input_tokens": lengths, "num_beams": args.num_beams, "max_new_tokens": args.max_new_tokens,
            "batch_size": args.batch_size, "cpu": _cpu_name(), "threads": torch.get_num_threads(),
            "matmul_peak_gflops": peak, "useful_gflop": flops / 1e9,
            "loadavg_before": load_before, "loadavg_after": load_after, "notes": notes, "agreement": cross,
            "modes": {m: {k: v for k, v in r.items() if k not in ("ids", "outputs")} for m, r in results.items()},
        }
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


if __name__ == "__main__":
    main()
