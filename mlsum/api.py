"""The Python API: a Pipeline runs Documents through detect → translate → normalize → summarize.

The CLI is a thin layer over this. Models load lazily, once per Pipeline, so a run over a corpus pays
for each model one time and `mlsum detect` never loads one at all.

    >>> from mlsum import Pipeline, Document
    >>> pipe = Pipeline(model="distilbart-cnn-12-6")
    >>> [doc] = pipe.run([Document(id="a", text=open("article.txt").read())])
    >>> doc.summary, doc.parts
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from functools import cached_property

from . import detect, models
from .document import Document
from .errors import LanguageError, MlsumError
from .models import Generation, LoadedModel


class Pipeline:
    def __init__(self, model: str = models.DEFAULT_SUMMARIZER,
                 translation_model: str = models.DEFAULT_TRANSLATOR, *, device: str = "auto",
                 dtype: str = "auto", lang: str | None = None, generation: Generation | None = None,
                 batch_size: int | None = None, max_batch_tokens: int | None = None, backend: str = "auto"):
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

    # -- models, loaded on first use -------------------------------------------------------------
    @cached_property
    def summarizer(self) -> LoadedModel:
        return self._load(self.model_name, "summarization")

    @cached_property
    def translator(self) -> LoadedModel:
        return self._load(self.translation_model_name, "translation")

    def _load(self, name: str, task: str) -> LoadedModel:
        return models.load(name, task, device=self.device, dtype=self.dtype, backend=self.backend)

    @cached_property
    def torch_device(self):
        from .device import resolve

        return resolve(self.device)

    @cached_property
    def device_name(self) -> str:
        """The device models will run on (``cpu``, ``cuda:0``, ...), found without importing torch
        where CTranslate2 can tell."""
        from .device import probe

        return probe(self.device)

    def check_device(self) -> str:
        """The device models will run on; fails before any work when this machine does not have it."""
        return self.device_name

    @property
    def batch_size(self) -> int:
        """The batch size asked for, else the device's default (larger on GPUs)."""
        from .device import default_batch_size

        return self._batch_size or default_batch_size(self.device_name)

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
        if doc.language == "en":
            from .normalize import repair_translation

            doc.text = repair_translation(doc.text)
        doc.timings["detect"] = time.perf_counter() - started

    def translate(self, docs: Sequence[Document]) -> list[Document]:
        """French documents to English, in one batched stream; the French is kept in `original`."""
        from .normalize import repair_translation
        from .translate import translate_texts

        french = [d for d in docs if not d.error and d.language == "fr"]
        if french:
            started = time.perf_counter()
            settings = Generation(num_beams=self.generation.num_beams)
            english = translate_texts(self.translator, [d.text for d in french], settings,
                                      batch_size=max(self.batch_size, 16))
            share = (time.perf_counter() - started) / len(french)
            for doc, text in zip(french, english):
                doc.original, doc.text, doc.translated = doc.text, repair_translation(text), True
                doc.timings["translate"] = share
        return list(docs)

    def summarize(self, docs: Sequence[Document]) -> list[Document]:
        """English documents summarized together; per-document time is the batch's time shared out."""
        from .summarize import summarize_texts

        ready = [d for d in docs if not d.error]
        if ready:
            started = time.perf_counter()
            summaries = summarize_texts(self.summarizer, [d.text for d in ready], self.generation,
                                        self.batch_size, self.max_batch_tokens)
            share = (time.perf_counter() - started) / len(ready)
            for doc, summary in zip(ready, summaries):
                doc.summary, doc.parts, doc.model = summary.text, summary.parts, self.model_name
                doc.backend = self.summarizer.backend
                doc.timings["summarize"] = share
        return list(docs)

    def run(self, docs: Sequence[Document]) -> list[Document]:
        """The whole job: prepare, translate what is French, summarize."""
        return self.summarize(self.translate([self.prepare(d) for d in docs]))


def _with_context(doc: Document, exc: Exception) -> str:
    where = doc.path or doc.id
    message = str(exc)
    return message if message.startswith(where) else f"{where}: {message}"
