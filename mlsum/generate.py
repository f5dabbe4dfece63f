"""Length-bucketed batched generation, the one inference loop that translation and summarization share."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .models import Generation, LoadedModel


def token_lengths(loaded: LoadedModel, texts: Sequence[str]) -> list[int]:
    """Token counts with the model's prefix and special tokens, as the encoder will see them."""
    if not texts:
        return []
    prefix = loaded.spec.prefix
    encoded = loaded.tokenizer([prefix + t for t in texts], add_special_tokens=True)["input_ids"]
    return [len(ids) for ids in encoded]


def buckets(lengths: Sequence[int], batch_size: int, max_batch_tokens: int | None = None) -> Iterator[list[int]]:
    """Indices grouped into batches of similar length, longest first.

    Sorting keeps padding (wasted FLOPs) low; longest-first makes an out-of-memory error show up in the
    first batch instead of after an hour. `max_batch_tokens` caps padded tokens per batch.
    """
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    batch: list[int] = []
    for index in order:
        longest = lengths[batch[0]] if batch else lengths[index]
        too_many_tokens = max_batch_tokens is not None and longest * (len(batch) + 1) > max_batch_tokens
        if batch and (len(batch) >= batch_size or too_many_tokens):
            yield batch
            batch = []
        batch.append(index)
    if batch:
        yield batch


def generate(loaded: LoadedModel, texts: Sequence[str], settings: Generation, batch_size: int = 8,
             max_batch_tokens: int | None = None) -> list[str]:
    """One output per input text, in input order.

    Callers split their inputs to fit `max_input_tokens` first (sentences, chunks); the truncation
    here is only a guard against an off-by-one in that split, never a way to drop text.
    """
    import torch

    outputs: list[str] = [""] * len(texts)
    prefix = loaded.spec.prefix
    lengths = token_lengths(loaded, texts)
    for batch in buckets(lengths, batch_size, max_batch_tokens):
        encoded = loaded.tokenizer([prefix + texts[i] for i in batch], return_tensors="pt", padding=True,
                                   truncation=True, max_length=loaded.max_input_tokens)
        encoded = encoded.to(loaded.device)
        with torch.inference_mode():
            generated = loaded.model.generate(**encoded, **settings.kwargs())
        for index, text in zip(batch, loaded.tokenizer.batch_decode(generated, skip_special_tokens=True)):
            outputs[index] = text.strip()
    return outputs
