"""`mlsum detect | normalize | translate | summarize`: the pipeline stages as commands."""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from ..document import Document
from ..models import DEFAULT_SUMMARIZER, DEFAULT_TRANSLATOR, Generation
from ..records import base_record, metadata, summary_record, timings
from .common import Inputs, LangOpt, Quiet, run_command, user_errors

AsJson = Annotated[bool, typer.Option("--json", help="One JSON object per input (JSON lines).")]
Output = Annotated[Optional[Path], typer.Option(
    "--output", "-o", help="Append JSON results here as they are done; a rerun resumes (skips ids in it).")]
Overwrite = Annotated[bool, typer.Option("--overwrite", help="Start --output afresh instead of resuming.")]
Device = Annotated[str, typer.Option("--device", help="auto, cpu, cuda, cuda:N or mps.")]


class Dtype(str, Enum):
    auto = "auto"
    float32 = "float32"
    float16 = "float16"
    bfloat16 = "bfloat16"
    int8 = "int8"


class Backend(str, Enum):
    auto = "auto"
    torch = "torch"
    ct2 = "ct2"


DtypeOpt = Annotated[Dtype, typer.Option(
    "--dtype", help="auto: int8 (ct2) or fp32 (torch) on CPU, half precision on GPU; int8: ct2 only.")]
BackendOpt = Annotated[Backend, typer.Option(
    "--backend", help="ct2: CTranslate2 (the checkpoint converted once, cached); torch: transformers' "
                      "generate(); auto: ct2 on CPU, torch on GPU.")]
TranslationModel = Annotated[str, typer.Option(
    "--translation-model", help="fr→en model: registry name, hub id or local directory.")]
BatchSize = Annotated[Optional[int], typer.Option(
    "--batch-size", min=1, help="Inputs per generate() call [default: 16 on CPU, 64 on GPU].")]
MaxBatchTokens = Annotated[Optional[int], typer.Option(
    "--max-batch-tokens", min=1, help="Cap on padded tokens per batch (memory bound).")]
NumBeams = Annotated[Optional[int], typer.Option("--num-beams", min=1, help="Beam size (default: model's).")]


def _pipeline(with_models: bool = True, **kwargs):
    """The Pipeline behind a command; one that will load models checks its device first (imports torch)."""
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    from ..api import Pipeline

    pipe = Pipeline(**kwargs)
    if with_models:
        pipe.check_device()
    return pipe


def _window(batch_size: int) -> int:
    """Documents processed together: two batches' worth, enough to sort by length and fill batches,
    few enough that a killed run loses little."""
    return max(16, 2 * batch_size)


def detect(inputs: Inputs, as_json: AsJson = False, quiet: Quiet = False) -> None:
    """Detect the language (en or fr) of each input."""
    with user_errors():
        pipe = _pipeline(with_models=False)
        run_command(inputs, lambda docs: [pipe.prepare(d) for d in docs], as_json=as_json, quiet=quiet,
                    render=lambda d: f"{d.id}\t{d.language}\t{d.probability:.2f}",
                    record=base_record, headers=False)


def normalize(inputs: Inputs, as_json: AsJson = False, lang: LangOpt = None,
              diff: Annotated[bool, typer.Option("--diff", help="Show removed lines and why.")] = False,
              quiet: Quiet = False) -> None:
    """Print the clean article body: boilerplate out, title and date to metadata."""
    def render(doc: Document) -> str:
        if diff:
            return "\n".join(f"- [{r.step}] {r.text}" for r in doc.removed) or "(nothing removed)"
        return doc.text

    def record(doc: Document) -> dict[str, Any]:
        return {**base_record(doc), **metadata(doc), "text": doc.text,
                "removed": [{"text": r.text, "step": r.step} for r in doc.removed]}

    with user_errors():
        pipe = _pipeline(with_models=False, lang=lang.value if lang else None)
        run_command(inputs, lambda docs: [pipe.prepare(d) for d in docs], as_json=as_json, quiet=quiet,
                    render=render, record=record)


def translate(inputs: Inputs, as_json: AsJson = False, lang: LangOpt = None,
              translation_model: TranslationModel = DEFAULT_TRANSLATOR, device: Device = "auto",
              dtype: DtypeOpt = Dtype.auto, backend: BackendOpt = Backend.auto,
              num_beams: NumBeams = None, batch_size: BatchSize = None, output: Output = None,
              overwrite: Overwrite = False, quiet: Quiet = False) -> None:
    """Translate French inputs to English (English inputs pass through, cleaned)."""
    def record(doc: Document) -> dict[str, Any]:
        return {**base_record(doc), **metadata(doc), "translated": doc.translated,
                "model": translation_model if doc.translated else None,
                "backend": pipe.translator.backend if doc.translated else None, "text": doc.text,
                "original": doc.original, "timings": timings(doc)}

    with user_errors():
        pipe = _pipeline(translation_model=translation_model, device=device, dtype=dtype.value,
                         lang=lang.value if lang else None, backend=backend.value,
                         generation=Generation(num_beams=num_beams), batch_size=batch_size)
        run_command(inputs, lambda docs: pipe.translate([pipe.prepare(d) for d in docs]),
                    as_json=as_json, output=output, overwrite=overwrite, quiet=quiet,
                    render=lambda d: d.text, record=record, window=_window(pipe.batch_size))


def summarize(inputs: Inputs, as_json: AsJson = False, lang: LangOpt = None,
              model: Annotated[str, typer.Option(
                  "--model", "-m", help="Summarizer: registry name (see `mlsum models`), hub id or "
                                        "local directory.")] = DEFAULT_SUMMARIZER,
              translation_model: TranslationModel = DEFAULT_TRANSLATOR, device: Device = "auto",
              dtype: DtypeOpt = Dtype.auto, backend: BackendOpt = Backend.auto,
              num_beams: NumBeams = None,
              max_new_tokens: Annotated[Optional[int], typer.Option(min=1, help="Longest summary, tokens.")] = None,
              min_new_tokens: Annotated[Optional[int], typer.Option(min=0, help="Shortest summary, tokens.")] = None,
              batch_size: BatchSize = None, max_batch_tokens: MaxBatchTokens = None,
              output: Output = None, overwrite: Overwrite = False, quiet: Quiet = False) -> None:
    """Summarize each input in English, translating French first."""
    generation = Generation(num_beams=num_beams, max_new_tokens=max_new_tokens,
                            min_new_tokens=min_new_tokens)
    with user_errors():
        pipe = _pipeline(model=model, translation_model=translation_model, device=device,
                         dtype=dtype.value, lang=lang.value if lang else None, backend=backend.value,
                         generation=generation, batch_size=batch_size, max_batch_tokens=max_batch_tokens)
        run_command(inputs, pipe.run, as_json=as_json, output=output, overwrite=overwrite, quiet=quiet,
                    render=lambda d: d.summary or "", record=summary_record, window=_window(pipe.batch_size))


def register(app: typer.Typer) -> None:
    for command in (detect, normalize, translate, summarize):
        app.command(command.__name__)(command)
