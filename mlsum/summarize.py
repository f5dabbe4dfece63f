"""Abstractive summarization with any seq2seq checkpoint; long articles are chunked, never truncated."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .generate import beam_width, generate, token_lengths
from .models import Generation, LoadedModel
from .rerank import Choice, Rerank, generate_reranked, report
from .text import pack, paragraphs, sentences, split_to_fit


@dataclass
class Summary:
    text: str
    parts: int  # how many chunks of the article were summarized separately (1: it fit whole)
    rerank: dict[str, Any] | None = None  # with reranking, the choices made (see mlsum.rerank.report)


def chunk(loaded: LoadedModel, text: str, lang: str = "en") -> list[str]:
    """The text cut on sentence boundaries into the fewest even parts that each fit the encoder."""
    limit = loaded.max_input_tokens
    if token_lengths(loaded, [text])[0] <= limit:
        return [text]
    units = [s for p in paragraphs(text) for s in sentences(p, lang)]
    overhead = token_lengths(loaded, [""])[0]  # prefix and special tokens, paid once per chunk
    budget = limit - overhead
    count = lambda xs: [n - overhead for n in token_lengths(loaded, xs)]  # noqa: E731
    units = split_to_fit(units, count(units), budget, count)
    # +1 per unit for the space that joins it to its neighbour
    return [" ".join(units[i] for i in part) for part in pack([n + 1 for n in count(units)], budget)]


def summarize_texts(loaded: LoadedModel, texts: Sequence[str], settings: Generation | None = None,
                    batch_size: int = 8, max_batch_tokens: int | None = None, *, rerank: Rerank | None = None,
                    sources: Sequence[Sequence[str]] | None = None) -> list[Summary]:
    """A summary of each text.

    All chunks of all texts go through generation together, sorted by length, so a long article's parts
    share batches with short articles. Texts cut into several parts go round again: their part
    summaries, joined, are summarized (and re-chunked if they still do not fit) until one remains.
    A text whose every part comes back empty gets an empty summary (the caller's failure to report).

    With `rerank`, every generation keeps its candidates and the one whose figures its evidence
    supports best (:mod:`mlsum.rerank`). A part of a chunked article is checked against that part
    alone: it is all the model read, so a figure from elsewhere in the article is one it made up (and
    a translated article's original is not cut into the same parts). Every other generation, of a
    whole article or of a later round over part summaries, is checked against the article's
    `sources` (default: the text; the Pipeline adds the original and the title, as evaluation checks
    them), never against the part summaries it read: they are model output, and may carry the very
    figures reranking is there to keep out.
    """
    settings = loaded.spec.generation.merged(settings or Generation())
    width = rerank.width(beam_width(loaded, settings)) if rerank else 0
    article = sources or [[text] for text in texts]
    pending = {i: chunk(loaded, text) for i, text in enumerate(texts)}
    parts = {i: len(chunks) for i, chunks in pending.items()}
    choices: dict[int, list[list[Choice]]] = {i: [] for i in pending}
    results: dict[int, str] = {}
    first_round = True
    while pending:
        owners = [i for i, chunks in pending.items() for _ in chunks]
        inputs = [c for chunks in pending.values() for c in chunks]
        if rerank:
            evidence = [[part] if first_round and parts[owner] > 1 else article[owner]
                        for owner, part in zip(owners, inputs)]
            picked = generate_reranked(loaded, inputs, evidence, settings, width, batch_size, max_batch_tokens)
            outputs = [text for text, _ in picked]
            for owner in pending:
                choices[owner].append([choice for o, (_, choice) in zip(owners, picked) if o == owner])
        else:
            outputs = generate(loaded, inputs, settings, batch_size, max_batch_tokens)
        first_round = False
        grouped: dict[int, list[str]] = {}
        for owner, output in zip(owners, outputs):
            grouped.setdefault(owner, []).append(output)
        next_round: dict[int, list[str]] = {}
        for owner, summaries in grouped.items():
            summaries = [s for s in summaries if s.strip()]  # an empty part summary adds nothing
            joined = "\n\n".join(summaries)
            if len(summaries) <= 1:
                results[owner] = joined
                continue
            rechunked = chunk(loaded, joined)
            if len(rechunked) >= len(summaries):
                # The part summaries are as long as their inputs (max_new_tokens close to the input
                # limit): another round would not shrink them, so they stand as the summary.
                results[owner] = joined
            else:
                next_round[owner] = rechunked
        pending = next_round
    return [Summary(results.get(i, ""), parts[i], report(width, choices[i]) if rerank else None)
            for i in range(len(texts))]
