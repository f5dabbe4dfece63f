"""Baselines that any summarizer should beat: Lead-N, the article's first N sentences, is hard to beat on
news, where the lede states the essentials."""

from __future__ import annotations

from itertools import islice

from ..text import paragraphs, sentences


def lead_n(text: str, n: int = 3, lang: str = "en") -> str:
    """The first `n` sentences of `text` (pysbd, paragraph by paragraph), joined by spaces."""
    every_sentence = (s for p in paragraphs(text) for s in sentences(p, lang))
    return " ".join(islice(every_sentence, n))
