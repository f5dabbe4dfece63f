"""The CTranslate2 engine: a checkpoint converted once, then run without torch or transformers.

CTranslate2 (the engine behind Argos Translate) runs seq2seq Transformers with int8 weights on CPU and
float16 / int8_float16 on GPU, at a third of torch's memory. mlsum converts a checkpoint the first time
it is asked for and keeps the result beside the Hugging Face cache (:func:`cache_root`), keyed by the
checkpoint's content (its files, or for hub snapshots the content hashes git-lfs names them by) and the
quantization. Conversion needs torch and transformers; every later run imports neither: the tokenizer
is the checkpoint's own ``tokenizer.json`` run by `tokenizers`, or for Marian its sentencepiece models
(:class:`MarianTokenizer`), which keeps the start-up of a run short.

Decoding follows ``model.generate()``'s semantics (see :func:`translate_options`): the checkpoint's
generation config under mlsum's settings, a forced first token as a target prefix, a forced last token
at the length limit emulated by stopping one token earlier. At fp32 that gives generate()'s outputs
(tests/test_backends.py), with one documented difference: CTranslate2 renormalizes the distribution after
banning tokens (minimum length, repeated n-grams) where transformers does not, so beam search under
those constraints can keep a different, higher-scoring hypothesis.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from .errors import ModelNotAvailable, MlsumError

FORMAT = 1
"""Bumped when the converted layout or :data:`META` changes, so that old conversions are redone."""
META = "mlsum-ct2.json"
FAMILIES = {"bart", "marian", "t5", "mt5", "pegasus", "mbart"}
"""Model types CTranslate2's transformers converter handles among mlsum's seq2seq families."""
CPU_BATCH_TOKENS = 2048
"""On CPU, the most padded input tokens one CTranslate2 batch takes unless --max-batch-tokens says
otherwise: about two articles, or a batch of sentences. bench/throughput.py, summarizing 550-1000-token
articles on 2 cores: 2048 gives 1.06 docs/s greedy and 0.43-0.45 at 4 beams, 4096 0.85 and 0.41, 1024
0.99 and 0.40 (bigger encoder batches only add padding and cache misses)."""


def available() -> bool:
    try:
        import ctranslate2  # noqa: F401
    except ImportError:
        return False
    return True


def supports(family: str) -> bool:
    return family in FAMILIES


# -- conversion --------------------------------------------------------------------------------------

def register_loaders() -> None:
    """Make CTranslate2's BART and Pegasus loaders work under transformers v5.

    ctranslate2 4.x reads ``config.normalize_before`` (and ``normalize_embedding``), which transformers
    v5's configs dropped. The loaders below give them the architectures' fixed values (BART is
    post-norm with a layer norm on the embeddings; Pegasus is pre-norm without one) and otherwise are
    the stock loaders, registered through the converter's own ``register_loader`` hook; upstream the
    fix is a ``getattr`` default in ``BartLoader.get_model_spec``.
    """
    from ctranslate2.converters import transformers as ct2t

    def fixed(base, normalize_before: bool, normalize_embedding: bool):
        class Loader(base):
            def get_model_spec(self, model):
                if not hasattr(model.config, "normalize_before"):
                    model.config.normalize_before = normalize_before
                if not hasattr(model.config, "normalize_embedding"):
                    model.config.normalize_embedding = normalize_embedding
                return super().get_model_spec(model)

        Loader.__name__ = Loader.__qualname__ = base.__name__
        return Loader

    global _registered
    if _registered:
        return
    for config_name, base, pre, embedding in (("BartConfig", ct2t.BartLoader, False, True),
                                              ("PegasusConfig", ct2t.PegasusLoader, True, False)):
        ct2t.register_loader(config_name)(fixed(base, pre, embedding))
    _registered = True


_registered = False


def cache_root() -> Path:
    """``$MLSUM_CT2_CACHE``, else ``mlsum-ct2/`` in the Hugging Face home (``$HF_HOME``, by default
    ``~/.cache/huggingface``), next to the hub cache the checkpoints come from."""
    if os.environ.get("MLSUM_CT2_CACHE"):
        return Path(os.environ["MLSUM_CT2_CACHE"]).expanduser()
    from huggingface_hub import constants

    return Path(constants.HF_HOME) / "mlsum-ct2"


_SMALL = 16 * 2 ** 20


def fingerprint(checkpoint: Path) -> str:
    """A digest of what the checkpoint is: every file's name with its content for small files (configs,
    tokenizers); for large weight files the blob name a hub snapshot links them to (git-lfs names blobs
    by their sha256), else size and modification time, so that a fingerprint costs no pass over GBs."""
    digest = hashlib.sha256()
    for path in sorted(p for p in checkpoint.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(checkpoint)).encode())
        if path.is_symlink():
            digest.update(Path(os.readlink(path)).name.encode())
        elif path.stat().st_size <= _SMALL:
            digest.update(path.read_bytes())
        else:
            stat = path.stat()
            digest.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def converted_dir(checkpoint: Path, quantization: str) -> Path:
    """Where `checkpoint` converted at `quantization` lives in the cache (it may not exist yet)."""
    import ctranslate2

    key = hashlib.sha256(f"{fingerprint(checkpoint)}|{quantization}|{ctranslate2.__version__}|{FORMAT}"
                         .encode()).hexdigest()[:16]
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", checkpoint.resolve().name).strip("-") or "model"
    return cache_root() / f"{name}-{quantization}-{key}"


def convert(checkpoint: Path, quantization: str) -> Path:
    """The CTranslate2 model of `checkpoint` at `quantization`, converted now unless it is cached.

    Safe when several processes ask at once: one converts (the others wait on a file lock) into a
    temporary directory that is renamed into place when complete, so a reader never sees half a model
    and an interrupted conversion leaves nothing behind but a temporary directory.
    """
    from filelock import FileLock

    target = converted_dir(checkpoint, quantization)
    if (target / META).is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(target) + ".lock"):
        if (target / META).is_file():
            return target
        scratch = Path(tempfile.mkdtemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent))
        try:
            _convert_into(checkpoint, scratch / "model", quantization)
            os.replace(scratch / "model", target)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    return target


def _convert_into(checkpoint: Path, out: Path, quantization: str) -> None:
    import transformers
    from ctranslate2.converters import TransformersConverter

    register_loaders()
    verbosity = transformers.logging.get_verbosity()
    transformers.logging.set_verbosity_error()  # the "loading weights" chatter of a one-off conversion
    try:
        TransformersConverter(str(checkpoint)).convert(str(out), quantization=quantization)
        tokenizer = transformers.AutoTokenizer.from_pretrained(str(checkpoint), trust_remote_code=False)
        config = transformers.AutoConfig.from_pretrained(str(checkpoint), trust_remote_code=False)
        if (checkpoint / "generation_config.json").is_file():
            generation = transformers.GenerationConfig.from_pretrained(str(checkpoint))
        else:
            generation = transformers.GenerationConfig.from_model_config(config)
    finally:
        transformers.logging.set_verbosity(verbosity)
    if hasattr(tokenizer, "backend_tokenizer"):
        tokenizer.backend_tokenizer.save(str(out / "tokenizer.json"))
        kind = "tokenizers"
    elif type(tokenizer).__name__ == "MarianTokenizer":
        for name in ("source.spm", "target.spm", "vocab.json", "target_vocab.json"):
            if (checkpoint / name).is_file():
                shutil.copy(checkpoint / name, out / name)
        kind = "marian"
    else:
        raise MlsumError(f"{checkpoint}: CTranslate2 backend has no tokenizer for {type(tokenizer).__name__}")
    vocabulary = set(_target_vocabulary(out))
    token = tokenizer.convert_ids_to_tokens

    def tokens(ids):
        return None if ids is None else token(ids)

    meta = {
        "format": FORMAT, "quantization": quantization, "source": str(checkpoint), "tokenizer": kind,
        "model_type": config.model_type,
        "special_tokens": list(tokenizer.all_special_tokens), "eos_token": tokenizer.eos_token,
        "unk_token": tokenizer.unk_token,
        "clean_up_tokenization_spaces": bool(getattr(tokenizer, "clean_up_tokenization_spaces", False)),
        "separate_vocabs": bool(getattr(tokenizer, "separate_vocabs", False)),
        "model_max_length": getattr(tokenizer, "model_max_length", None),
        "max_position_embeddings": getattr(config, "max_position_embeddings", None),
        "generation": {key: getattr(generation, key, None) for key in _GENERATION_KEYS},
        "forced_bos_token": tokens(generation.forced_bos_token_id),
        "forced_eos": generation.forced_eos_token_id is not None,
        # bad words the converted vocabulary still has (Marian's <pad> is already gone from it)
        "suppress": [seq for seq in (tokens(ids) for ids in generation.bad_words_ids or [])
                     if all(t in vocabulary for t in seq)],
    }
    (out / META).write_text(json.dumps(meta, indent=1), encoding="utf-8")


_GENERATION_KEYS = ("num_beams", "max_length", "max_new_tokens", "min_length", "min_new_tokens",
                    "length_penalty", "no_repeat_ngram_size", "repetition_penalty", "early_stopping")


def _target_vocabulary(model_dir: Path) -> list[str]:
    for name in ("shared_vocabulary.json", "target_vocabulary.json"):
        if (model_dir / name).is_file():
            return json.loads((model_dir / name).read_text(encoding="utf-8"))
    for name in ("shared_vocabulary.txt", "target_vocabulary.txt"):
        if (model_dir / name).is_file():
            return (model_dir / name).read_text(encoding="utf-8").splitlines()
    return []


# -- tokenizers without transformers -----------------------------------------------------------------

class FastTokenizer:
    """The checkpoint's own ``tokenizer.json`` (BART, T5, PEGASUS), as transformers' fast tokenizer runs
    it: special tokens from its post-processor, truncation keeping them, decoding without them."""

    def __init__(self, model_dir: Path, meta: dict[str, Any]):
        from tokenizers import Tokenizer

        self._tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self._tok.no_padding()
        self._tok.no_truncation()
        self.model_max_length = meta["model_max_length"]
        self._clean_up = meta["clean_up_tokenization_spaces"]

    def __call__(self, texts: Sequence[str], add_special_tokens: bool = True) -> dict[str, list[list[int]]]:
        encoded = self._tok.encode_batch(list(texts), add_special_tokens=add_special_tokens)
        return {"input_ids": [e.ids for e in encoded]}

    def tokens(self, texts: Sequence[str], max_length: int) -> list[list[str]]:
        self._tok.enable_truncation(max_length)
        try:
            # by id: an unknown piece is the unknown token, not its text
            return [[self._tok.id_to_token(i) for i in e.ids] for e in self._tok.encode_batch(list(texts))]
        finally:
            self._tok.no_truncation()

    def decode(self, tokens: Sequence[str]) -> str:
        ids = [i for i in map(self._tok.token_to_id, tokens) if i is not None]
        text = self._tok.decode(ids, skip_special_tokens=True)
        return clean_up_tokenization(text) if self._clean_up else text


class MarianTokenizer:
    """MarianTokenizer's encoding and decoding on sentencepiece alone (transformers has no fast Marian
    tokenizer, and importing it costs seconds): a leading ``>>lang<<`` code kept as one token, the
    source model's pieces, ``</s>`` appended; decoding drops special tokens, joins the pieces with the
    source model unless the checkpoint has separate vocabularies, as transformers does."""

    def __init__(self, model_dir: Path, meta: dict[str, Any]):
        import sentencepiece as spm

        self._source = spm.SentencePieceProcessor(model_file=str(model_dir / "source.spm"))
        decoder = "target.spm" if meta["separate_vocabs"] else "source.spm"
        self._decoder = spm.SentencePieceProcessor(model_file=str(model_dir / decoder))
        self._vocab = json.loads((model_dir / "vocab.json").read_text(encoding="utf-8"))
        self._special = set(meta["special_tokens"])
        self._split = re.compile("(" + "|".join(map(re.escape, sorted(self._special, key=len, reverse=True)))
                                 + ")")
        self._eos, self._unk = meta["eos_token"], meta["unk_token"]
        self.model_max_length = meta["model_max_length"]
        self._clean_up = meta["clean_up_tokenization_spaces"]

    def _pieces(self, text: str) -> list[str]:
        pieces: list[str] = []
        for part in self._split.split(text):
            if part in self._special:
                pieces.append(part)
            elif part:
                code = []
                if part.startswith(">>") and (end := part.find("<<")) != -1:
                    code, part = [part[:end + 2]], part[end + 2:]
                pieces += code + self._source.encode(part, out_type=str)
        return pieces

    def tokens(self, texts: Sequence[str], max_length: int) -> list[list[str]]:
        known = [[p if p in self._vocab else self._unk for p in self._pieces(t)] for t in texts]
        return [pieces[:max_length - 1] + [self._eos] for pieces in known]

    def __call__(self, texts: Sequence[str], add_special_tokens: bool = True) -> dict[str, list[list[int]]]:
        unk = self._vocab.get(self._unk)
        ids = [[self._vocab.get(p, unk) for p in self._pieces(t)] for t in texts]
        return {"input_ids": [row + [self._vocab[self._eos]] if add_special_tokens else row for row in ids]}

    def decode(self, tokens: Sequence[str]) -> str:
        text = self._decoder.decode_pieces([t for t in tokens if t not in self._special])
        text = text.replace("\u2581", " ").strip()
        return clean_up_tokenization(text) if self._clean_up else text


def clean_up_tokenization(text: str) -> str:
    """transformers' ``clean_up_tokenization``: the spaces before punctuation and contractions out."""
    for before, after in ((" .", "."), (" ?", "?"), (" !", "!"), (" ,", ","), (" ' ", "'"), (" n't", "n't"),
                          (" 'm", "'m"), (" 's", "'s"), (" 've", "'ve"), (" 're", "'re")):
        text = text.replace(before, after)
    return text


# -- decoding ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Hypothesis:
    """One candidate output: its text and the score beam search ranks it by, the sum of its tokens'
    log-probabilities divided by ``length ** length_penalty`` (length: generated tokens, the end token
    included), as transformers' ``sequences_scores``."""

    text: str
    score: float


def compute_type(device: str, dtype: str) -> str:
    """CTranslate2's compute type for `dtype` (auto, float32, float16, bfloat16, int8) on `device`:
    auto is int8 on CPU and float16 on GPU; int8 on GPU is int8_float16 (int8 weights, half activations)."""
    import ctranslate2

    kind = device.split(":")[0]
    wanted = {"auto": "int8" if kind == "cpu" else "float16",
              "int8": "int8" if kind == "cpu" else "int8_float16"}.get(dtype, dtype)
    supported = ctranslate2.get_supported_compute_types(kind)
    if wanted not in supported:
        from .errors import DeviceError

        raise DeviceError(f"--dtype {dtype} is not supported by CTranslate2 on {kind} "
                          f"(supported: {', '.join(sorted(supported))})")
    return wanted


def threads(device: str) -> tuple[int, int]:
    """(inter_threads, intra_threads). On CPU, batches run in parallel one core each (up to four at
    once): the decoder's few-row matrix products scale poorly over cores, independent batches do not
    (bench/throughput.py: 1.4-1.9× the single-batch, all-cores default on 2 cores). One on a GPU."""
    if not device.startswith("cpu"):
        return 1, 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    inter = max(1, min(4, cores))
    return inter, max(1, cores // inter)


class Engine:
    """A converted model loaded on a device, generating for batches of texts."""

    def __init__(self, model_dir: Path, device: str, compute: str):
        import ctranslate2

        self.path = model_dir
        self.meta = json.loads((model_dir / META).read_text(encoding="utf-8"))
        kind, _, index = device.partition(":")
        inter, intra = threads(device)
        self.translator = ctranslate2.Translator(str(model_dir), device=kind, device_index=int(index or 0),
                                                 compute_type=compute, inter_threads=inter,
                                                 intra_threads=intra)
        self.workers = inter
        self.compute_type = compute
        self.config = SimpleNamespace(max_position_embeddings=self.meta["max_position_embeddings"])
        self.tokenizer = (MarianTokenizer if self.meta["tokenizer"] == "marian" else FastTokenizer)(
            model_dir, self.meta)
        self.default_batch_tokens = CPU_BATCH_TOKENS if kind == "cpu" else None

    def options(self, settings: dict[str, Any], num_hypotheses: int) -> dict[str, Any]:
        """`translate_batch` keyword arguments for generate()'s `settings` over the checkpoint's defaults.

        transformers counts ``max_length``/``min_length`` with the decoder's start token, so the new
        tokens are one fewer; a forced end token at the limit (BART, Marian) takes the last position,
        so CTranslate2 stops one token earlier and the end is implied.
        """
        merged = {k: v for k, v in self.meta["generation"].items() if v is not None}
        merged.update({k: v for k, v in settings.items() if v is not None})
        max_new = merged.get("max_new_tokens") or max(1, merged.get("max_length", 20) - 1)
        min_new = merged.get("min_new_tokens")
        if min_new is None:
            min_new = max(0, merged.get("min_length", 0) - 1)
        beams = max(merged.get("num_beams") or 1, num_hypotheses)
        longest = max(1, max_new - (1 if self.meta["forced_eos"] else 0))
        options = dict(
            beam_size=beams, num_hypotheses=num_hypotheses, patience=1,
            length_penalty=float(merged.get("length_penalty", 1.0)),
            no_repeat_ngram_size=int(merged.get("no_repeat_ngram_size") or 0),
            repetition_penalty=float(merged.get("repetition_penalty") or 1.0),
            max_decoding_length=longest, min_decoding_length=min(min_new, longest), max_input_length=0, return_scores=True, return_end_token=True)
        if self.meta["suppress"]:
            options["suppress_sequences"] = self.meta["suppress"]
        return options

    def generate(self, batches: Sequence[Sequence[str]], settings: dict[str, Any], num_hypotheses: int,
                 max_input_tokens: int) -> list[list[list[Hypothesis]]]:
        """For each batch of texts, for each text, its `num_hypotheses` best hypotheses, best first.

        The batches (mlsum's length buckets, longest first) are queued at once, so every worker of the
        translator has one to run while the others are still busy.
        """
        options = self.options(settings, num_hypotheses)
        prefix = self.meta["forced_bos_token"]
        jobs = []
        for batch in batches:
            tokens = self.tokenizer.tokens(batch, max_input_tokens)
            target = [[prefix]] * len(tokens) if prefix else None
            jobs.append(self.translator.translate_batch(tokens, target, asynchronous=True, **options))
        return [[self._hypotheses(job.result(), options) for job in batch_jobs] for batch_jobs in jobs]

    def _hypotheses(self, result, options: dict[str, Any]) -> list[Hypothesis]:
        eos, penalty = self.meta["eos_token"], options["length_penalty"]
        out = []
        for tokens, score in zip(result.hypotheses, result.scores):
            if self.meta["forced_eos"] and (not tokens or tokens[-1] != eos):
                # transformers would have forced the end token here (log-probability 0): one more token
                score *= (len(tokens) / (len(tokens) + 1)) ** penalty
            out.append(Hypothesis(self.tokenizer.decode(tokens).strip(), score))
        return out


def load(checkpoint: Path, device: str, dtype: str) -> Engine:
    """`checkpoint` (a local directory) as a CTranslate2 engine on `device`, converted first if needed."""
    compute = compute_type(device, dtype)
    model_dir = convert(checkpoint, compute)
    return Engine(model_dir, device, compute)


def local_checkpoint(location: str, name: str) -> Path:
    """The directory of `location` (a local directory, or a hub id in the HF cache, fetched into it when
    the hub can be reached): conversion reads files, and the cache key is computed from them."""
    if Path(location).is_dir():
        return Path(location)
    from huggingface_hub import snapshot_download

    try:
        return Path(snapshot_download(location, local_files_only=True))
    except Exception:  # noqa: BLE001 - huggingface_hub raises several kinds for "not in the cache"
        pass
    from . import models

    models._require_hub(name)
    try:
        return Path(models.pull(location))
    except Exception as exc:  # noqa: BLE001
        raise ModelNotAvailable(f"model {name!r} could not be fetched: {exc}") from exc
