"""Paragraph and sentence splitting shared by translation (sentence batches) and summarization (chunks)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def paragraphs(text: str) -> list[str]:
    """Non-empty paragraphs, each with its inner line breaks folded into spaces."""
    return [" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(text) if p.strip()]


@lru_cache(maxsize=4)
def _segmenter(lang: str):
    import pysbd

    return pysbd.Segmenter(language=lang if lang in ("en", "fr") else "en", clean=False)


def sentences(paragraph: str, lang: str = "en") -> list[str]:
    """Sentences of one paragraph (pysbd), with its false splits mended.

    pysbd splits after abbreviations it does not know ("le 3 déc. 2024"); a segment that starts with a
    lowercase letter or a digit continues the previous sentence far more often than it starts a new one,
    and joining two real sentences costs the translator and chunker nothing.
    """
    merged: list[str] = []
    for segment in _segmenter(lang).segment(paragraph):
        segment = segment.strip()
        if not segment:
            continue
        if merged and (segment[0].islower() or segment[0].isdigit()):
            merged[-1] = f"{merged[-1]} {segment}"
        else:
            merged.append(segment)
    return merged


def split_to_fit(units: list[str], lengths: list[int], limit: int,
                 count: Callable[[list[str]], list[int]]) -> list[str]:
    """The units, with each one longer than `limit` tokens cut at word boundaries into pieces that fit.

    `count` gives token counts for a list of strings; it is only called for the rare overlong unit.
    """
    fitted: list[str] = []
    for unit, length in zip(units, lengths):
        if length <= limit:
            fitted.append(unit)
            continue
        words = unit.split()
        while words:
            take = max(1, int(len(words) * limit / max(length, 1) * 0.9))
            while take > 1 and count([" ".join(words[:take])])[0] > limit:
                take = max(1, int(take * 0.8))
            fitted.append(" ".join(words[:take]))
            words = words[take:]
            if words:
                length = count([" ".join(words)])[0]
                if length <= limit:
                    fitted.append(" ".join(words))
                    words = []
    return fitted


def pack(lengths: list[int], limit: int) -> list[list[int]]:
    """Consecutive units grouped into the fewest chunks of at most `limit` tokens, sizes evened out.

    The greedy fill gives the fewest chunks; a binary search then finds the smallest cap that still needs
    no more chunks, so a long article is cut into even parts instead of full ones and a stub.
    """
    if not lengths:
        return []
    fewest = len(_greedy(lengths, limit))
    low, high = max(min(max(lengths), limit), 1), limit
    while low < high:
        cap = (low + high) // 2
        if len(_greedy(lengths, cap)) <= fewest:
            high = cap
        else:
            low = cap + 1
    return _greedy(lengths, low)


def _greedy(lengths: list[int], cap: int) -> list[list[int]]:
    chunks: list[list[int]] = [[]]
    size = 0
    for index, length in enumerate(lengths):
        if chunks[-1] and size + length > cap:
            chunks.append([])
            size = 0
        chunks[-1].append(index)
        size += length
    return chunks
