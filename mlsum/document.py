"""The one record that flows through every stage of the pipeline."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Removal:
    """A line the normalizer took out of the body, and the step that took it (for audit)."""

    text: str
    step: str


@dataclass
class Document:
    """An article on its way through detect → translate → normalize → summarize.

    `text` always holds the current body: raw at first, then cleaned, then English. The earlier forms
    that later stages still need are kept beside it (`original` is the cleaned source-language text,
    which the figure checker compares a summary against).

    `paragraph_languages` is set for a mixed article (e.g. English with French quotes): the language of
    each paragraph of `text`, so that only the French ones are translated. `warnings` says what was
    done that the user should know (bytes replaced while decoding, paragraphs translated).
    """

    id: str
    text: str
    path: str | None = None
    format: str = "text"  # "text" or "html": how the normalizer must read `text`
    language: str | None = None
    probability: float | None = None
    paragraph_languages: list[str] | None = None
    title: str | None = None
    date: str | None = None
    source: str | None = None
    original: str | None = None
    translated: bool = False
    removed: list[Removal] = field(default_factory=list)
    summary: str | None = None
    model: str | None = None
    backend: str | None = None
    parts: int | None = None
    rerank: dict[str, Any] | None = None  # how the summary was chosen among candidates (--rerank figures)
    timings: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
