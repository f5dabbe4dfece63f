"""`mlsum detect | normalize | translate | summarize`: the pipeline stages as commands."""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from ..document import Document
from ..errors import UsageError
from ..models import DEFAULT_SUMMARIZER, DEFAULT_TRANSLATOR, Generation
from ..records import base_record, metadata, summary_record, timings
from .common import AllowAnyPath, Inputs, LangOpt, Quiet, one_line, run_command, user_errors

AsJson = Annotated[bool, typer.Option("--json", help="One JSON object per input (JSON lines).")]
Output = Annotated[Optional[Path], typer.Option(
    "--output", "-o", help="Append JSON results here as they are done; a rerun resumes (skips ids done, "
                           "retries ids that failed).")]
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
TranslateModel = Annotated[str, typer.Option(
    "--model", "-m", "--translation-model", help="fr→en model: registry name, hub id or local directory.")]
BatchSize = Annotated[Optional[int], typer.Option(
    "--batch-size", min=1, help="Inputs per generate() call \\[default: 16 on CPU, 64 on GPU].")]
MaxBatchTokens = Annotated[Optional[int], typer.Option(
    "--max-batch-tokens", min=1, help="Cap on padded tokens per batch (memory bound).")]
NumBeams = Annotated[Optional[int], typer.Option("--num-beams", min=1, help="Beam size (default: model's).")]


class RerankMethod(str, Enum):
    none = "none"
    figures = "figures"


RerankOpt = Annotated[RerankMethod, typer.Option(
    "--rerank", help="figures: of the beam's candidates, keep the summary with the fewest figures the "
                     "article does not support (ties: model score); costs K candidates per article.")]
Candidates = Annotated[Optional[int], typer.Option(
    "--candidates", min=2, help="Candidates --rerank figures chooses from, at most the beam \\[default: the beam].")]


def _pipeline(*tasks: str, **kwargs):
    """The Pipeline behind a command; one that will load models for `tasks` checks its device and
    those models' directories first (imports torch), so that neither fails after work has begun."""
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    from ..api import Pipeline

    pipe = Pipeline(**kwargs)
    if tasks:
        pipe.check_device()
        pipe.check_models(*tasks)
    return pipe


def _window(batch_size: int) -> int:
    """Documents processed together: two batches' worth, enough to sort by length and fill batches,
    few enough that a killed run loses little."""
    return max(16, 2 * batch_size)


def _shown_probability(doc: Document) -> str:
    """The probability column of `mlsum detect`: `-` when the language was given, not detected."""
    shown = "-" if doc.probability is None else f"{doc.probability:.2f}"
    if doc.paragraph_languages:
        shown += "\tmixed:" + ",".join(doc.paragraph_languages)
    return shown


def detect(inputs: Inputs, as_json: AsJson = False, allow_any_path: AllowAnyPath = False,
           quiet: Quiet = False) -> None:
    """Detect the language (en or fr) of each input."""
    with user_errors():
        pipe = _pipeline()
        run_command(inputs, lambda docs: [pipe.prepare(d) for d in docs], as_json=as_json, quiet=quiet,
                    render=lambda d: f"{one_line(d.id)}\t{d.language}\t{_shown_probability(d)}", kind="detection",
                    record=base_record, headers=False, allow_any_path=allow_any_path)


def normalize(inputs: Inputs, as_json: AsJson = False, lang: LangOpt = None,
              diff: Annotated[bool, typer.Option("--diff", help="Show removed lines and why.")] = False,
              allow_any_path: AllowAnyPath = False, quiet: Quiet = False) -> None:
    """Print the clean article body: boilerplate out, title and date to metadata."""
    def render(doc: Document) -> str:
        if diff:
            return "\n".join(f"- [{r.step}] {r.text}" for r in doc.removed) or "(nothing removed)"
        return doc.text

    def record(doc: Document) -> dict[str, Any]:
        return {**base_record(doc), **metadata(doc), "text": doc.text,
                "removed": [{"text": r.text, "step": r.step} for r in doc.removed]}

    with user_errors():
        pipe = _pipeline(lang=lang.value if lang else None)
        run_command(inputs, lambda docs: [pipe.prepare(d) for d in docs], as_json=as_json, quiet=quiet,
                    render=render, record=record, kind="normalization", allow_any_path=allow_any_path)


def translate(inputs: Inputs, as_json: AsJson = False, lang: LangOpt = None,
              model: TranslateModel = DEFAULT_TRANSLATOR, device: Device = "auto",
              dtype: DtypeOpt = Dtype.auto, backend: BackendOpt = Backend.auto,
              num_beams: NumBeams = None, batch_size: BatchSize = None, output: Output = None,
              overwrite: Overwrite = False, allow_any_path: AllowAnyPath = False, quiet: Quiet = False) -> None:
    """Translate French inputs to English (English inputs pass through, cleaned)."""
    def record(doc: Document) -> dict[str, Any]:
        return {**base_record(doc), **metadata(doc), "translated": doc.translated,
                "model": model if doc.translated else None,
                "backend": pipe.translator.backend if doc.translated else None, "text": doc.text,
                "original": doc.original, "timings": timings(doc)}

    with user_errors():
        pipe = _pipeline("translation", translation_model=model, device=device, dtype=dtype.value,
                         lang=lang.value if lang else None, backend=backend.value,
                         generation=Generation(num_beams=num_beams), batch_size=batch_size)
        run_command(inputs, lambda docs: pipe.translate([pipe.prepare(d) for d in docs]),
                    as_json=as_json, output=output, overwrite=overwrite, quiet=quiet, kind="translation",
                    render=lambda d: d.text, record=record, window=_window(pipe.batch_size),
                    allow_any_path=allow_any_path)


def summarize(inputs: Inputs, as_json: AsJson = False, lang: LangOpt = None,
              model: Annotated[str, typer.Option(
                  "--model", "-m", help="Summarizer: registry name (see `mlsum models`), hub id or "
                                        "local directory.")] = DEFAULT_SUMMARIZER,
              translation_model: TranslationModel = DEFAULT_TRANSLATOR, device: Device = "auto",
              dtype: DtypeOpt = Dtype.auto, backend: BackendOpt = Backend.auto,
              num_beams: NumBeams = None,
              max_new_tokens: Annotated[Optional[int], typer.Option(min=1, help="Longest summary, tokens.")] = None,
              min_new_tokens: Annotated[Optional[int], typer.Option(min=0, help="Shortest summary, tokens.")] = None,
              rerank: RerankOpt = RerankMethod.none, candidates: Candidates = None,
              batch_size: BatchSize = None, max_batch_tokens: MaxBatchTokens = None,
              output: Output = None, overwrite: Overwrite = False, allow_any_path: AllowAnyPath = False,
              quiet: Quiet = False) -> None:
    """Summarize each input in English, translating French first."""
    from ..rerank import Rerank

    with user_errors():
        generation = Generation(num_beams=num_beams, max_new_tokens=max_new_tokens,
                                min_new_tokens=min_new_tokens)
        if candidates is not None and rerank is RerankMethod.none:
            raise UsageError("--candidates applies to --rerank figures; add it, or leave --candidates out")
        pipe = _pipeline("summarization", "translation", model=model, translation_model=translation_model,
                         device=device, dtype=dtype.value, lang=lang.value if lang else None,
                         backend=backend.value, generation=generation, batch_size=batch_size,
                         max_batch_tokens=max_batch_tokens,
                         rerank=Rerank(candidates) if rerank is RerankMethod.figures else None)
        run_command(inputs, pipe.run, as_json=as_json, output=output, overwrite=overwrite, quiet=quiet,
                    render=lambda d: d.summary or "", record=summary_record, kind="summary",
                    window=_window(pipe.batch_size), allow_any_path=allow_any_path)


def register(app: typer.Typer) -> None:
    for command in (detect, normalize, translate, summarize):
        app.command(command.__name__)(command)
