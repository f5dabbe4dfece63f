"""The model registry and the one place that loads checkpoints.

Everything that differs between checkpoints (T5's `summarize: ` prefix, how many input tokens the
encoder takes, beam size and length bounds) lives in :data:`REGISTRY`, so the stages never special-case
a model family. `--model` accepts a registry name, a hub id, or a local directory; hub ids and local
directories that are not in the registry get settings inferred from their config.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import MlsumError, ModelNotAvailable, UsageError


@dataclass(frozen=True)
class Generation:
    """Decoding settings; `None` leaves the checkpoint's own generation_config value in force.

    Impossible settings (a minimum above the maximum, no beams) fail when the settings are made, so a
    command refuses them before any work.
    """

    num_beams: int | None = None
    max_new_tokens: int | None = None
    min_new_tokens: int | None = None
    length_penalty: float | None = None
    no_repeat_ngram_size: int | None = None
    early_stopping: bool | None = None

    def __post_init__(self) -> None:
        for name, lowest in (("num_beams", 1), ("max_new_tokens", 1), ("min_new_tokens", 0),
                             ("no_repeat_ngram_size", 0)):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < lowest):
                raise UsageError(f"--{name.replace('_', '-')} must be an integer of at least {lowest}, got {value!r}")
        if self.min_new_tokens is not None and self.max_new_tokens is not None \
                and self.min_new_tokens > self.max_new_tokens:
            raise UsageError(f"--min-new-tokens {self.min_new_tokens} is more than --max-new-tokens "
                             f"{self.max_new_tokens}: no output can be both")

    def merged(self, override: "Generation") -> "Generation":
        """These settings with every non-None field of `override` taking precedence.

        A bound that `override` sets wins over the other bound here: asking for at most 5 tokens
        lowers a default minimum of 56 to 5, asking for at least 200 raises a default maximum of 142.
        """
        changes = {k: v for k, v in override.__dict__.items() if v is not None}
        low, high = changes.get("min_new_tokens"), changes.get("max_new_tokens")
        if high is not None and low is None and self.min_new_tokens is not None and self.min_new_tokens > high:
            changes["min_new_tokens"] = high
        if low is not None and high is None and self.max_new_tokens is not None and self.max_new_tokens < low:
            changes["max_new_tokens"] = low
        return replace(self, **changes)

    def kwargs(self) -> dict[str, Any]:
        """The settings as `generate()` keywords; the beam-search-only ones are left out of greedy
        decoding, where transformers would warn that they do nothing."""
        settings = {k: v for k, v in self.__dict__.items() if v is not None}
        if self.num_beams == 1:
            settings.pop("length_penalty", None)
            settings.pop("early_stopping", None)
        return settings


@dataclass(frozen=True)
class ModelSpec:
    """A known checkpoint: where it lives and how to feed it."""

    name: str
    hub_id: str
    task: str  # "summarization" or "translation"
    family: str  # bart, pegasus, t5, marian; for extractive models the method: lead, lexrank, textrank
    max_input_tokens: int
    prefix: str = ""
    generation: Generation = field(default_factory=Generation)
    about: str = ""
    kind: str = "seq2seq"  # or "extractive": built in (mlsum/extractive.py), nothing to load


# CNN/DailyMail-style defaults: the settings these checkpoints were evaluated with upstream.
_CNN = Generation(num_beams=4, max_new_tokens=142, min_new_tokens=56, length_penalty=2.0,
                  no_repeat_ngram_size=3, early_stopping=True)
_XSUM = Generation(num_beams=6, max_new_tokens=62, min_new_tokens=11, length_penalty=1.0,
                   no_repeat_ngram_size=3, early_stopping=True)
_T5 = Generation(num_beams=4, max_new_tokens=142, min_new_tokens=30, length_penalty=2.0,
                 no_repeat_ngram_size=3, early_stopping=True)
_PEGASUS = Generation(num_beams=8, max_new_tokens=128, min_new_tokens=32, length_penalty=0.8)
_MT = Generation(num_beams=4, max_new_tokens=512)

REGISTRY: dict[str, ModelSpec] = {spec.name: spec for spec in [
    ModelSpec("distilbart-cnn-12-6", "sshleifer/distilbart-cnn-12-6", "summarization", "bart", 1024,
              generation=_CNN, about="default summarizer: news, 3-4 sentence summaries, 306M params"),
    ModelSpec("distilbart-cnn-6-6", "sshleifer/distilbart-cnn-6-6", "summarization", "bart", 1024,
              generation=_CNN, about="faster distilled BART, 230M params"),
    ModelSpec("bart-large-cnn", "facebook/bart-large-cnn", "summarization", "bart", 1024,
              generation=_CNN, about="BART-large fine-tuned on CNN/DailyMail, 406M params"),
    ModelSpec("pegasus-cnn", "google/pegasus-cnn_dailymail", "summarization", "pegasus", 1024,
              generation=_PEGASUS,
              about="PEGASUS-large on CNN/DailyMail, 568M params"),
    ModelSpec("pegasus-xsum", "google/pegasus-xsum", "summarization", "pegasus", 512,
              generation=_XSUM, about="one-sentence summaries (XSum), 568M params"),
    ModelSpec("t5-small", "google-t5/t5-small", "summarization", "t5", 512, prefix="summarize: ",
              generation=_T5, about="small and fast, 60M params"),
    ModelSpec("t5-base", "google-t5/t5-base", "summarization", "t5", 512, prefix="summarize: ",
              generation=_T5, about="T5-base, 220M params"),
    ModelSpec("flan-t5-base", "google/flan-t5-base", "summarization", "t5", 512,
              prefix="Summarize the following news article: ", generation=_T5,
              about="instruction-tuned T5-base, 250M params"),
    ModelSpec("opus-mt-fr-en", "Helsinki-NLP/opus-mt-fr-en", "translation", "marian", 512,
              generation=_MT, about="default fr→en translator (MarianMT), 75M params"),
    ModelSpec("lead-3", "", "summarization", "lead", 0, kind="extractive",
              about="extractive baseline: the first three sentences; no download"),
    ModelSpec("lexrank", "", "summarization", "lexrank", 0, kind="extractive",
              about="extractive: three most central sentences (LexRank, sumy); no download"),
    ModelSpec("textrank", "", "summarization", "textrank", 0, kind="extractive",
              about="extractive: three top sentences by TextRank (sumy); no download"),
]}

DEFAULT_SUMMARIZER = "distilbart-cnn-12-6"
DEFAULT_TRANSLATOR = "opus-mt-fr-en"

_BY_HUB_ID = {spec.hub_id: spec for spec in REGISTRY.values() if spec.hub_id}
_PREFIX_BY_FAMILY = {"t5": "summarize: "}
_SUMMARY_BY_FAMILY = {"bart": _CNN, "pegasus": _PEGASUS, "t5": _T5, "mt5": _T5}


def resolve(name: str, task: str) -> tuple[ModelSpec, str]:
    """The spec for `name` and the location to load it from (local directory or hub id).

    A local directory wins over a registry name of the same spelling; it is checked first
    (:func:`check_model_dir`), so a broken checkpoint is one line naming what is wrong. Unknown
    checkpoints get a spec inferred from their config (see :func:`_infer_spec`).
    """
    path = Path(name).expanduser()
    if path.is_dir():
        return _infer_spec(name, task, check_model_dir(path), path), str(path)
    if path.exists():
        raise ModelNotAvailable(f"model {name!r} is a file; pass a checkpoint directory, a registry name "
                                f"or a hub id")
    if name in REGISTRY:
        spec = REGISTRY[name]
        return spec, spec.hub_id
    if name in _BY_HUB_ID:
        return _BY_HUB_ID[name], name
    if name.startswith((".", "/", "~")) or name.count("/") > 1 or not name.strip():
        raise ModelNotAvailable(f"model directory {name!r} does not exist")
    return _infer_spec(name, task, None), name


_WEIGHTS = ("model.safetensors.index.json", "model.safetensors", "pytorch_model.bin.index.json",
            "pytorch_model.bin")
_TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "vocab.json", "spiece.model", "source.spm",
                    "sentencepiece.bpe.model", "vocab.txt", "tokenizer.model")
_JSON_FILES = ("generation_config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json")


def check_model_dir(path: Path) -> dict[str, Any]:
    """The config of a local checkpoint directory, after checking what transformers would otherwise
    fail on with a traceback (or, for custom code, refuse deep inside loading): a readable config of a
    built-in sequence-to-sequence architecture without custom code, weights that are whole (the
    safetensors headers and shards), a tokenizer, well-formed JSON files. Raises ModelNotAvailable
    naming the directory and the problem."""
    def bad(problem: str) -> ModelNotAvailable:
        return ModelNotAvailable(f"model directory {path}: {problem}")

    if not (path / "config.json").is_file():
        raise bad("no config.json (not a checkpoint directory)")
    config = _read_json(path / "config.json", bad)
    for name in _JSON_FILES:
        if (path / name).is_file():
            _read_json(path / name, bad)
    for name in ("config.json", "tokenizer_config.json"):
        custom = (_read_json(path / name, bad) if (path / name).is_file() else {}).get("auto_map")
        if custom:
            code = ", ".join(sorted({str(v) for v in custom.values()} if isinstance(custom, dict) else {str(custom)}))
            raise bad(f"{name} asks for custom code (auto_map: {code}); mlsum never runs code from a "
                      f"checkpoint (remove auto_map to load it with the built-in architecture)")
    _check_architecture(config, bad)
    _check_weights(path, bad)
    if not any((path / name).is_file() for name in _TOKENIZER_FILES):
        raise bad("no tokenizer (tokenizer.json, or its family's vocabulary files such as spiece.model)")
    return config


def _read_json(file: Path, bad) -> dict[str, Any]:
    try:
        value = json.loads(file.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise bad(f"cannot read {file.name} ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise bad(f"{file.name} is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise bad(f"{file.name} is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    except (ValueError, RecursionError):
        raise bad(f"{file.name} is not valid JSON") from None
    if not isinstance(value, dict):
        raise bad(f"{file.name} is not a JSON object")
    return value


SEQ2SEQ_FAMILIES = frozenset({"bart", "mbart", "pegasus", "pegasus_x", "bigbird_pegasus", "t5", "mt5", "umt5",
                              "longt5", "marian", "led", "m2m_100", "fsmt", "prophetnet", "plbart"})
"""Encoder-decoder model types recognised without importing transformers (2.5 s with torch), so that a
ct2 run, which needs neither, starts at once; any other type is checked against transformers' mapping."""


def _check_architecture(config: dict[str, Any], bad) -> None:
    model_type = config.get("model_type")
    if not isinstance(model_type, str) or not model_type:
        raise bad("config.json has no model_type")
    if model_type in SEQ2SEQ_FAMILIES:
        return
    from transformers import CONFIG_MAPPING, MODEL_FOR_SEQ_TO_SEQ_CAUSAL_LM_MAPPING

    if model_type not in CONFIG_MAPPING:
        raise bad(f"unknown model_type {model_type!r} (not an architecture transformers has built in)")
    if CONFIG_MAPPING[model_type] not in MODEL_FOR_SEQ_TO_SEQ_CAUSAL_LM_MAPPING:
        raise bad(f"a {model_type} model is not a sequence-to-sequence model; summarization and translation "
                  f"need an encoder-decoder such as BART, PEGASUS, T5 or Marian")


def _check_weights(path: Path, bad) -> None:
    """The weights transformers would load (safetensors first) exist; safetensors files are whole."""
    present = [name for name in _WEIGHTS if (path / name).is_file()]
    if not present:
        raise bad("no weights (model.safetensors or pytorch_model.bin)")
    chosen = present[0]
    if chosen.endswith(".index.json"):
        weight_map = _read_json(path / chosen, bad).get("weight_map")
        if not isinstance(weight_map, dict) or not weight_map:
            raise bad(f"{chosen} has no weight_map")
        shards = sorted({str(v) for v in weight_map.values()})
        missing = [s for s in shards if not (path / s).is_file() or Path(s).name != s]
        if missing:
            raise bad(f"{chosen} lists shards that are not in the directory: {', '.join(missing[:3])}")
    else:
        shards = [chosen]
    for shard in shards:
        if shard.endswith(".safetensors"):
            _check_safetensors(path / shard, bad)


def _check_safetensors(file: Path, bad) -> None:
    from safetensors import SafetensorError, safe_open

    try:
        with safe_open(str(file), framework="numpy") as handle:  # reads the header only; "pt" imports torch
            handle.keys()
    except (SafetensorError, OSError) as exc:
        raise bad(f"{file.name} is damaged ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})") from None


def _infer_spec(name: str, task: str, config: dict[str, Any] | None, directory: Path | None = None) -> ModelSpec:
    """A spec for a checkpoint that is not in the registry.

    For a local directory the generation settings are its family's registry defaults (CNN-style
    summaries; translation's long outputs) with the checkpoint's own values (generation_config.json,
    or the config's generation fields and `task_specific_params`) taking precedence, so that
    transformers' 20-token default length never applies. A hub id keeps the checkpoint's own
    generation config, which only loading reads.
    """
    config = config or {}
    family = config.get("model_type", "")
    limit = config.get("max_position_embeddings") or config.get("n_positions") or 512
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
        limit = 512
    task_params = (config.get("task_specific_params") or {}).get(task, {}) if isinstance(
        config.get("task_specific_params"), dict) else {}
    task_params = task_params if isinstance(task_params, dict) else {}
    prefix = _PREFIX_BY_FAMILY.get(family, "") if task == "summarization" else ""
    if isinstance(task_params.get("prefix"), str):
        prefix = task_params["prefix"]
    generation = Generation()
    if directory is not None:
        base = _MT if task == "translation" else _SUMMARY_BY_FAMILY.get(family, _CNN)
        own = _read_json(directory / "generation_config.json", _never) if (
            directory / "generation_config.json").is_file() else config
        generation = base.merged(_checkpoint_generation({**own, **task_params}))
    return ModelSpec(name, name, task, family, int(limit), prefix=prefix, generation=generation)


def _never(problem: str) -> Exception:  # check_model_dir has already read the file
    return ModelNotAvailable(problem)


def _checkpoint_generation(values: dict[str, Any]) -> Generation:
    """The generation settings a checkpoint states, in mlsum's terms: `max_length`/`min_length` count
    the decoder's start token, so they are one more than the new tokens. Values of the wrong type are
    ignored (transformers would ignore or reject them too)."""
    def integer(key: str, lowest: int) -> int | None:
        value = values.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) and value >= lowest else None

    max_new = integer("max_new_tokens", 1)
    if max_new is None and integer("max_length", 2) is not None:
        max_new = values["max_length"] - 1
    min_new = integer("min_new_tokens", 0)
    if min_new is None and integer("min_length", 1) is not None:
        min_new = values["min_length"] - 1
    if max_new is not None and min_new is not None and min_new > max_new:
        min_new = max_new
    penalty = values.get("length_penalty")
    early = values.get("early_stopping")
    return Generation(num_beams=integer("num_beams", 1), max_new_tokens=max_new, min_new_tokens=min_new,
                      length_penalty=float(penalty) if isinstance(penalty, (int, float))
                      and not isinstance(penalty, bool) else None,
                      no_repeat_ngram_size=integer("no_repeat_ngram_size", 0),
                      early_stopping=early if isinstance(early, bool) else None)


@dataclass
class LoadedModel:
    """A tokenizer and model on a device, with the spec that says how to use them.

    With the torch backend `model` is the transformers model and `device` a torch.device; with ct2,
    `model` is a :class:`mlsum.ct2.Engine`, `tokenizer` its torch-free tokenizer and `device` a name
    (``cpu``, ``cuda:0``). :mod:`mlsum.generate` runs either.
    """

    spec: ModelSpec
    location: str
    tokenizer: Any
    model: Any
    device: Any
    backend: str = "torch"

    @property
    def max_input_tokens(self) -> int:
        """The encoder's real limit: the registry's value capped by what tokenizer and config allow."""
        limits = [self.spec.max_input_tokens]
        tok_limit = getattr(self.tokenizer, "model_max_length", None)
        if isinstance(tok_limit, int) and 0 < tok_limit < 1_000_000:
            limits.append(tok_limit)
        pos_limit = getattr(self.model.config, "max_position_embeddings", None)
        if isinstance(pos_limit, int) and pos_limit > 0:
            limits.append(pos_limit)
        return min(limits)


def load(name: str, task: str, device: str = "auto", dtype: str = "auto", backend: str = "torch") -> LoadedModel:
    """Load a tokenizer and seq2seq model, local files first; fail fast when offline.

    transformers retries an unreachable hub for about 45 s before giving up, so a hub id that is not
    in the local cache is only fetched after a quick reachability probe succeeds. `backend` is one of
    :data:`mlsum.backends.BACKENDS`; ct2 converts the checkpoint on first use (:mod:`mlsum.ct2`) and
    then loads without importing torch or transformers.
    """
    from . import device as devices
    from .backends import resolve_backend

    devices.check_dtype(dtype)
    spec, location = resolve(name, task)
    device_name = devices.probe(device)
    chosen = resolve_backend(backend, device_name, spec.family)  # fails before any model loads
    if chosen == "ct2":
        from . import ct2

        checkpoint = ct2.local_checkpoint(location, name)
        try:
            engine = ct2.load(checkpoint, device_name, dtype)
        except (MlsumError, ValueError, NotImplementedError) as exc:
            if backend != "auto":
                if isinstance(exc, MlsumError):
                    raise
                raise MlsumError(f"{name}: CTranslate2 cannot run this checkpoint ({exc}); "
                                 "use --backend torch") from exc
            chosen = "torch"  # auto: a checkpoint the converter does not take runs on torch
        else:
            return LoadedModel(spec, location, engine.tokenizer, engine, device_name, chosen)
    torch_device = devices.resolve(device)
    torch_dtype = devices.dtype_for(torch_device, dtype)
    if Path(location).is_dir():
        tokenizer, model = _from_pretrained(location, torch_dtype, local_files_only=True)
    else:
        try:
            tokenizer, model = _from_pretrained(location, torch_dtype, local_files_only=True)
        except OSError:
            _require_hub(name, task)
            tokenizer, model = _from_pretrained(location, torch_dtype, local_files_only=False)
    model.to(torch_device)
    model.eval()
    return LoadedModel(spec, location, tokenizer, model, torch_device, chosen)


def _from_pretrained(location: str, dtype, local_files_only: bool):
    """Tokenizer and model, the weights cast to `dtype` as they load (transformers v5 would otherwise
    keep the checkpoint's own dtype, e.g. fp16 weights on a CPU)."""
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(location, local_files_only=local_files_only,
                                              trust_remote_code=False)
    model = AutoModelForSeq2SeqLM.from_pretrained(location, local_files_only=local_files_only,
                                                  trust_remote_code=False, dtype=dtype)
    return tokenizer, model


def hub_endpoint() -> str:
    return os.environ.get("HF_ENDPOINT", "https://huggingface.co").rstrip("/")


def hub_reachable(timeout: float = 5.0) -> bool:
    """Whether the hub answers at all, within `timeout` seconds (any HTTP status counts as an answer)."""
    if os.environ.get("HF_HUB_OFFLINE", "").lower() in {"1", "true", "yes"}:
        return False
    try:
        urllib.request.urlopen(urllib.request.Request(hub_endpoint(), method="HEAD"), timeout=timeout)
    except urllib.error.HTTPError:
        return True
    except (urllib.error.URLError, OSError):
        return False
    return True


def _require_hub(name: str, task: str = "summarization") -> None:
    option = "--translation-model" if task == "translation" else "--model"
    if not hub_reachable():
        raise ModelNotAvailable(
            f"model {name!r} is not available offline and the hub ({hub_endpoint()}) cannot be reached: "
            f"run `mlsum models pull {name}` on a connected machine (HF_HOME sets the cache), "
            f"or pass {option} PATH to a local checkpoint")


def pull(name: str) -> str:
    """Download a checkpoint's tokenizer, config and weights into the HF cache; safetensors weights
    when the repository has them, PyTorch pickles only when it has nothing else."""
    from huggingface_hub import list_repo_files, snapshot_download

    spec, location = resolve(name, "summarization")
    if spec.kind == "extractive":
        return "built in, nothing to download"
    if Path(location).is_dir():
        return location
    _require_hub(name)
    files = list_repo_files(location)
    weights = ["*.safetensors"] if any(f.endswith(".safetensors") for f in files) else ["pytorch_model*.bin"]
    return snapshot_download(location, allow_patterns=["*.json", "*.model", "*.spm", "*.txt", *weights])
