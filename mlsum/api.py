"""The Python API: a Pipeline runs Documents through detect → translate → normalize → summarize.

The CLI is a thin layer over this. Models load lazily, once per Pipeline, so a run over a corpus pays
for each model one time and `mlsum detect` never loads one at all.

    >>> from mlsum import Pipeline, Document
    >>> pipe = Pipeline(model="distilbart-cnn-12-6")
    >>> [doc] = pipe.run([Document(id="a", text=open("article.txt").read())])
    >>> doc.summary, doc.parts
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Sequence
from functools import cached_property

from pathlib import Path

from . import detect, models
from .document import Document
from .errors import LanguageError, MlsumError, ModelNotAvailable, UsageError
from .models import Generation, LoadedModel
from .rerank import Rerank
from .text import paragraphs


class Pipeline:
    def __init__(self, model: str = models.DEFAULT_SUMMARIZER,
                 translation_model: str = models.DEFAULT_TRANSLATOR, *, device: str = "auto",
                 dtype: str = "auto", lang: str | None = None, generation: Generation | None = None,
                 batch_size: int | None = None, max_batch_tokens: int | None = None, backend: str = "auto",
                 rerank: Rerank | None = None):
        if lang is not None and lang not in detect.SUPPORTED:
            raise LanguageError(f"--lang {lang}: mlsum handles {' and '.join(detect.SUPPORTED)}")
        self.model_name = model
        self.translation_model_name = translation_model
        self.device = device
        self.dtype = dtype
        self.lang = lang
        self.generation = generation or Generation()
        self._batch_size = batch_size
        self.max_batch_tokens = max_batch_tokens
        self.backend = backend
        self.rerank = rerank
        if rerank and self.extractive:
            raise UsageError(f"--rerank figures: {model} is extractive (it copies the article's sentences), "
                             f"there are no candidates to rerank; use a seq2seq model or --rerank none")

    # -- models, loaded on first use -------------------------------------------------------------
    @cached_property
    def summarizer(self) -> LoadedModel:
        return self._load(self.model_name, "summarization")

    @cached_property
    def translator(self) -> LoadedModel:
        return self._load(self.translation_model_name, "translation")

    def _load(self, name: str, task: str) -> LoadedModel:
        """The model; a local directory that passed :meth:`check_models` but still fails to load (a
        damaged pickle, a tokenizer file transformers cannot read) is one line naming it."""
        try:
            return models.load(name, task, device=self.device, dtype=self.dtype, backend=self.backend)
        except MlsumError:
            raise
        except Exception as exc:
            if not Path(name).expanduser().is_dir():
                raise
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            if isinstance(exc, KeyError):
                reason = f"an expected entry {reason} is missing from its files"
            raise ModelNotAvailable(f"model directory {name}: cannot load it ({reason})") from exc

    def check_models(self, *tasks: str) -> None:
        """Check the models of these tasks ("summarization", "translation") without loading them: a
        local directory that is not a usable checkpoint fails now, before any input is read, and so
        does reranking with more candidates than the summarizer's beam (when its spec says the beam;
        a hub checkpoint's own default is only known once it loads)."""
        names = {"summarization": self.model_name, "translation": self.translation_model_name}
        for task in tasks:
            spec, _ = models.resolve(names[task], task)
            beams = spec.generation.merged(self.generation).num_beams
            if task == "summarization" and self.rerank and beams:
                self.rerank.width(beams)

    @cached_property
    def torch_device(self):
        from .device import resolve

        return resolve(self.device)

    @cached_property
    def extractive(self) -> models.ModelSpec | None:
        """The summarizer's spec when it is a built-in extractive one, which loads nothing (no torch)."""
        from .extractive import extractive_spec

        return extractive_spec(self.model_name)

    @cached_property
    def device_name(self) -> str:
        """The device models will run on (``cpu``, ``cuda:0``, ...), found without importing torch
        where CTranslate2 can tell."""
        from .device import probe

        return probe(self.device)

    def check_device(self) -> str | None:
        """The device models will run on; fails before any work when this machine does not have it.
        An extractive summarizer needs none (a French input's translator checks it when it loads)."""
        return None if self.extractive else self.device_name

    @property
    def batch_size(self) -> int:
        """The batch size asked for, else the device's default (larger on GPUs); an extractive
        summarizer does not ask the device, so that English inputs never import torch."""
        from .device import default_batch_size
        from .extractive import WINDOW

        if self._batch_size:
            return self._batch_size
        return WINDOW if self.extractive else default_batch_size(self.device_name)

    # -- stages ----------------------------------------------------------------------------------
    def prepare(self, doc: Document) -> Document:
        """Clean the text and find its language; an input error is recorded on the document."""
        if doc.error:
            return doc
        try:
            self._normalize(doc)
            self._detect(doc)
        except MlsumError as exc:
            doc.error = _with_context(doc, exc)
        return doc

    def _normalize(self, doc: Document) -> None:
        from .normalize import normalize_as

        started = time.perf_counter()
        cleaned = normalize_as(doc.text, doc.format, url=doc.path, lang=self.lang or doc.language)
        if not cleaned.text.strip():
            raise MlsumError("no article text left after removing boilerplate")
        doc.text, doc.format = cleaned.text, "text"
        doc.title, doc.date, doc.source, doc.removed = cleaned.title, cleaned.date, cleaned.source, cleaned.removed
        doc.timings["normalize"] = time.perf_counter() - started

    def _detect(self, doc: Document) -> None:
        started = time.perf_counter()
        forced = self.lang or doc.language
        if forced:
            if forced not in detect.SUPPORTED:
                raise LanguageError(f"language {forced!r} is not supported: mlsum handles en and fr")
            doc.language, doc.probability = forced, None
        else:
            doc.language, doc.probability = detect.detect(doc.text)
            self._detect_paragraphs(doc)
        if doc.language == "en":
            from .normalize import repair_translation

            doc.text = repair_translation(doc.text)
        doc.timings["detect"] = time.perf_counter() - started

    @staticmethod
    def _detect_paragraphs(doc: Document) -> None:
        """Mark a mixed article's paragraphs with their languages, and say so."""
        parts = paragraphs(doc.text)
        doc.paragraph_languages = detect.paragraph_languages(parts, doc.language)
        if doc.paragraph_languages:
            other = "fr" if doc.language == "en" else "en"
            numbers = [str(i + 1) for i, lang in enumerate(doc.paragraph_languages) if lang == other]
            doc.warnings.append(
                f"{doc.path or doc.id}: mixed languages: paragraph{'s' if len(numbers) > 1 else ''} "
                f"{', '.join(numbers)} of {len(parts)} in {detect.LANGUAGE_NAMES[other]}, the rest in "
                f"{detect.LANGUAGE_NAMES[doc.language]}; only French paragraphs are translated")

    def translate(self, docs: Sequence[Document]) -> list[Document]:
        """The French paragraphs of the documents in English, in one batched stream; English ones of a
        mixed article stay as they are. The text before translation is kept in `original`."""
        _isolating_out_of_memory(self._translate, [d for d in docs if not d.error], "translating")
        return list(docs)

    def _translate(self, docs: list[Document]) -> None:
        from .normalize import repair_translation
        from .translate import translate_texts

        jobs: list[tuple[Document, list[str], list[int]]] = []
        for doc in docs:
            if doc.error:
                continue
            parts = paragraphs(doc.text)
            languages = doc.paragraph_languages or [doc.language] * len(parts)
            french = [i for i, lang in enumerate(languages) if lang == "fr"]
            if french:
                jobs.append((doc, parts, french))
        if not jobs:
            return
        started = time.perf_counter()
        settings = Generation(num_beams=self.generation.num_beams)
        english = iter(translate_texts(self.translator, [parts[i] for _, parts, french in jobs for i in french],
                                       settings, batch_size=max(self.batch_size, 16)))
        share = (time.perf_counter() - started) / len(jobs)
        for doc, parts, french in jobs:
            for i in french:
                parts[i] = next(english)
            text = repair_translation("\n\n".join(p for p in parts if p.strip()))
            doc.timings["translate"] = share
            if not text.strip():
                doc.error = f"{doc.path or doc.id}: the translation model produced no text"
                continue
            doc.original, doc.text, doc.translated = doc.text, text, True

    def summarize(self, docs: Sequence[Document]) -> list[Document]:
        """English documents summarized together; per-document time is the batch's time shared out."""
        _isolating_out_of_memory(self._summarize, [d for d in docs if not d.error], "summarizing")
        return list(docs)

    def _summarize(self, ready: list[Document]) -> None:
        started = time.perf_counter()
        if self.extractive:
            from .extractive import summarize_texts as extract

            summaries = [(text, 1, None) for text in extract(self.extractive, [d.text for d in ready])]
            backend = None
        else:
            from .summarize import summarize_texts

            from .rerank import article_sources

            summaries = [(s.text, s.parts, s.rerank) for s in summarize_texts(
                self.summarizer, [d.text for d in ready], self.generation, self.batch_size,
                self.max_batch_tokens, rerank=self.rerank, sources=[article_sources(d) for d in ready])]
            backend = self.summarizer.backend
        share = (time.perf_counter() - started) / len(ready)
        for doc, (summary, parts, rerank) in zip(ready, summaries):
            doc.summary, doc.parts, doc.model, doc.backend = summary, parts, self.model_name, backend
            doc.rerank = rerank
            doc.timings["summarize"] = share
            if not summary.strip():
                doc.summary = None
                doc.error = f"{doc.path or doc.id}: the model produced an empty summary"

    def run(self, docs: Sequence[Document]) -> list[Document]:
        """The whole job: prepare, translate what is French, summarize."""
        return self.summarize(self.translate([self.prepare(d) for d in docs]))


def _isolating_out_of_memory(work, docs: list[Document], doing: str) -> None:
    """`work` on the documents together; when memory runs out, again one document at a time, so that
    only a document too large on its own fails, with an error record that a rerun retries."""
    if not docs:
        return
    try:
        work(docs)
        return
    except Exception as exc:  # noqa: BLE001 - only out-of-memory errors are handled, the rest re-raised
        if not _out_of_memory(exc):
            raise
    _free_memory()
    for doc in docs:
        try:
            work([doc])
        except Exception as exc:  # noqa: BLE001
            if not _out_of_memory(exc):
                raise
            _free_memory()
            reason = (str(exc).strip().splitlines() or ["out of memory"])[0][:200]
            doc.error = (f"{doc.path or doc.id}: out of memory while {doing} ({reason}); rerun to retry, "
                         f"with a smaller --batch-size or --max-batch-tokens")


def _out_of_memory(exc: BaseException) -> bool:
    """torch's CUDA/MPS out-of-memory errors, a CPU allocation failure, or Python's MemoryError."""
    if isinstance(exc, MemoryError):
        return True
    torch = sys.modules.get("torch")
    if torch is not None and isinstance(exc, getattr(torch, "OutOfMemoryError", ())):
        return True
    message = str(exc).lower()
    return isinstance(exc, RuntimeError) and ("out of memory" in message or "can't allocate memory" in message)


def _free_memory() -> None:
    gc.collect()
    torch = sys.modules.get("torch")
    if torch is not None and torch.cuda.is_available():
        torch.cuda.empty_cache()


def _with_context(doc: Document, exc: Exception) -> str:
    where = doc.path or doc.id
    message = str(exc)
    return message if message.startswith(where) else f"{where}: {message}"
