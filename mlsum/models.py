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

from .errors import MlsumError, ModelNotAvailable


@dataclass(frozen=True)
class Generation:
    """Decoding settings; `None` leaves the checkpoint's own generation_config value in force."""

    num_beams: int | None = None
    max_new_tokens: int | None = None
    min_new_tokens: int | None = None
    length_penalty: float | None = None
    no_repeat_ngram_size: int | None = None
    early_stopping: bool | None = None

    def merged(self, override: "Generation") -> "Generation":
        """These settings with every non-None field of `override` taking precedence."""
        changes = {k: v for k, v in override.__dict__.items() if v is not None}
        return replace(self, **changes)

    def kwargs(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass(frozen=True)
class ModelSpec:
    """A known checkpoint: where it lives and how to feed it."""

    name: str
    hub_id: str
    task: str  # "summarization" or "translation"
    family: str  # bart, pegasus, t5, marian
    max_input_tokens: int
    prefix: str = ""
    generation: Generation = field(default_factory=Generation)
    about: str = ""


# CNN/DailyMail-style defaults: the settings these checkpoints were evaluated with upstream.
_CNN = Generation(num_beams=4, max_new_tokens=142, min_new_tokens=56, length_penalty=2.0,
                  no_repeat_ngram_size=3, early_stopping=True)
_XSUM = Generation(num_beams=6, max_new_tokens=62, min_new_tokens=11, length_penalty=1.0,
                   no_repeat_ngram_size=3, early_stopping=True)
_T5 = Generation(num_beams=4, max_new_tokens=142, min_new_tokens=30, length_penalty=2.0,
                 no_repeat_ngram_size=3, early_stopping=True)
_MT = Generation(num_beams=4, max_new_tokens=512)

REGISTRY: dict[str, ModelSpec] = {spec.name: spec for spec in [
    ModelSpec("distilbart-cnn-12-6", "sshleifer/distilbart-cnn-12-6", "summarization", "bart", 1024,
              generation=_CNN, about="default summarizer: news, 3-4 sentence summaries, 306M params"),
    ModelSpec("distilbart-cnn-6-6", "sshleifer/distilbart-cnn-6-6", "summarization", "bart", 1024,
              generation=_CNN, about="faster distilled BART, 230M params"),
    ModelSpec("bart-large-cnn", "facebook/bart-large-cnn", "summarization", "bart", 1024,
              generation=_CNN, about="BART-large fine-tuned on CNN/DailyMail, 406M params"),
    ModelSpec("pegasus-cnn", "google/pegasus-cnn_dailymail", "summarization", "pegasus", 1024,
              generation=Generation(num_beams=8, max_new_tokens=128, min_new_tokens=32, length_penalty=0.8),
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
]}

DEFAULT_SUMMARIZER = "distilbart-cnn-12-6"
DEFAULT_TRANSLATOR = "opus-mt-fr-en"

_BY_HUB_ID = {spec.hub_id: spec for spec in REGISTRY.values()}
_PREFIX_BY_FAMILY = {"t5": "summarize: "}


def resolve(name: str, task: str) -> tuple[ModelSpec, str]:
    """The spec for `name` and the location to load it from (local directory or hub id).

    A local directory wins over a registry name of the same spelling. Unknown checkpoints get a spec
    inferred from their config (input limit from `max_position_embeddings`, T5 prefix by model type).
    """
    path = Path(name).expanduser()
    if path.is_dir():
        return _infer_spec(name, task, _read_config(path)), str(path)
    if name in REGISTRY:
        spec = REGISTRY[name]
        return spec, spec.hub_id
    if name in _BY_HUB_ID:
        return _BY_HUB_ID[name], name
    if name.startswith((".", "/", "~")) or name.count("/") > 1:
        raise ModelNotAvailable(f"model directory {name!r} does not exist")
    return _infer_spec(name, task, None), name


def _read_config(path: Path) -> dict[str, Any]:
    config = path / "config.json"
    if not config.is_file():
        raise ModelNotAvailable(f"{path} is not a model directory (no config.json)")
    return json.loads(config.read_text(encoding="utf-8"))


def _infer_spec(name: str, task: str, config: dict[str, Any] | None) -> ModelSpec:
    config = config or {}
    family = config.get("model_type", "")
    limit = config.get("max_position_embeddings") or config.get("n_positions") or 512
    prefix = _PREFIX_BY_FAMILY.get(family, "") if task == "summarization" else ""
    return ModelSpec(name, name, task, family, int(limit), prefix=prefix)


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
            _require_hub(name)
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


def _require_hub(name: str) -> None:
    if not hub_reachable():
        raise ModelNotAvailable(
            f"model {name!r} is not available offline and the hub ({hub_endpoint()}) cannot be reached: "
            f"run `mlsum models pull {name}` on a connected machine (HF_HOME sets the cache), "
            f"or pass --model PATH to a local checkpoint")


def pull(name: str) -> str:
    """Download a checkpoint's tokenizer, config and weights into the HF cache; safetensors weights
    when the repository has them, PyTorch pickles only when it has nothing else."""
    from huggingface_hub import list_repo_files, snapshot_download

    spec, location = resolve(name, "summarization")
    if Path(location).is_dir():
        return location
    _require_hub(name)
    files = list_repo_files(location)
    weights = ["*.safetensors"] if any(f.endswith(".safetensors") for f in files) else ["pytorch_model*.bin"]
    return snapshot_download(location, allow_patterns=["*.json", "*.model", "*.spm", "*.txt", *weights])
