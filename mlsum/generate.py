"""Length-bucketed batched generation, the one inference loop that translation and summarization share."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .ct2 import Hypothesis
from .models import Generation, LoadedModel

__all__ = ["Hypothesis", "beam_width", "buckets", "candidates", "generate", "token_lengths"]


def token_lengths(loaded: LoadedModel, texts: Sequence[str]) -> list[int]:
    """Token counts with the model's prefix and special tokens, as the encoder will see them."""
    if not texts:
        return []
    prefix = loaded.spec.prefix
    encoded = loaded.tokenizer([prefix + t for t in texts], add_special_tokens=True)["input_ids"]
    return [len(ids) for ids in encoded]


def beam_width(loaded: LoadedModel, settings: Generation) -> int:
    """The beam `settings` decode with on this model: their `num_beams`, else the checkpoint's own."""
    if settings.num_beams:
        return settings.num_beams
    if loaded.backend == "ct2":
        own = loaded.model.meta["generation"].get("num_beams")
    else:
        own = loaded.model.generation_config.num_beams
    return own or 1


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
    """One output per input text, in input order: the best hypothesis of :func:`candidates`."""
    return [best[0].text for best in candidates(loaded, texts, settings, 1, batch_size, max_batch_tokens,
                                                 scores=False)]


def candidates(loaded: LoadedModel, texts: Sequence[str], settings: Generation, num_hypotheses: int = 1,
               batch_size: int = 8, max_batch_tokens: int | None = None, *,
               scores: bool = True) -> list[list[Hypothesis]]:
    """For each input text, in input order, its `num_hypotheses` best outputs with their model scores,
    best first: the n-best list a reranker picks from, with any backend.

    A :class:`Hypothesis` score is what beam search ranks finished hypotheses by, the sum of the tokens'
    log-probabilities over ``length ** length_penalty`` (transformers' ``sequences_scores``; the
    CTranslate2 backend reports the same quantity, its forced-end correction included). More than one
    hypothesis needs beam search: the beam is widened to `num_hypotheses` when it is narrower. torch
    keeps every step's scores to compute them, which costs memory on long outputs: use smaller batches
    there, or ``scores=False`` (scores come back as NaN) when only the texts are wanted.

    Callers split their inputs to fit `max_input_tokens` first (sentences, chunks); the truncation
    here is only a guard against an off-by-one in that split, never a way to drop text. Inputs go in
    length buckets (:func:`buckets`); CTranslate2 runs the buckets on parallel workers (at least one
    bucket each), capped at :data:`mlsum.ct2.CPU_BATCH_TOKENS` padded tokens on CPU unless
    `max_batch_tokens` is given.
    """
    outputs: list[list[Hypothesis]] = [[] for _ in texts]
    prefix = loaded.spec.prefix
    lengths = token_lengths(loaded, texts)
    if loaded.backend == "ct2":
        engine = loaded.model
        # at least one batch per worker: a worker without a batch is a core left idle
        batch_size = max(1, min(batch_size, -(-len(texts) // engine.workers)))
        batches = list(buckets(lengths, batch_size, max_batch_tokens or engine.default_batch_tokens))
        results = engine.generate([[prefix + texts[i] for i in batch] for batch in batches],
                                  settings.kwargs(), num_hypotheses, loaded.max_input_tokens)
        for batch, hypotheses in zip(batches, results):
            for index, best in zip(batch, hypotheses):
                outputs[index] = best
        return outputs
    import torch

    if not hasattr(loaded.model, "_reorder_cache"):
        loaded.model._reorder_cache = _reorder_self_attention_only
    with torch.inference_mode():
        for batch in buckets(lengths, batch_size, max_batch_tokens):
            inputs = [prefix + texts[i] for i in batch]
            found = _generate_torch(loaded, inputs, [lengths[i] for i in batch], settings, num_hypotheses, scores)
            for index, best in zip(batch, found):
                outputs[index] = best
    return outputs


def _generate_torch(loaded: LoadedModel, inputs: Sequence[str], lengths: Sequence[int], settings: Generation,
                    num_hypotheses: int, scores: bool) -> list[list[Hypothesis]]:
    """One batch through ``model.generate()``.

    On CPU a batch is encoded in small groups of similar length and only decoded as one batch (see
    :func:`_encode_apart`): the encoder is compute-bound and gains nothing from a big batch but its
    padding, while the decoder's one-row-per-document steps are what batching makes cheaper. Beam
    search leaves the cross-attention cache in place (see :func:`_reorder_self_attention_only`).
    """
    model, config = loaded.model, loaded.model.generation_config
    kwargs = settings.kwargs()
    beams = max(beam_width(loaded, settings), num_hypotheses)
    if num_hypotheses > 1:
        kwargs.update(num_beams=beams, num_return_sequences=num_hypotheses)
    if scores:
        kwargs.update(output_scores=True, return_dict_in_generate=True)
    if loaded.device.type == "cpu" and len(inputs) > 1:
        encoder_outputs, mask = _encode_apart(loaded, inputs, lengths)
        generated = model.generate(encoder_outputs=encoder_outputs, attention_mask=mask, **kwargs)
    else:
        encoded = loaded.tokenizer(list(inputs), return_tensors="pt", padding=True, truncation=True,
                                   max_length=loaded.max_input_tokens).to(loaded.device)
        generated = model.generate(**encoded, **kwargs)
    sequences = generated.sequences if scores else generated
    texts = [t.strip() for t in loaded.tokenizer.batch_decode(sequences, skip_special_tokens=True)]
    if not scores:
        values = [float("nan")] * len(texts)
    elif beams > 1:
        values = generated.sequences_scores.tolist()
    else:
        values = _greedy_scores(model, generated, kwargs.get("length_penalty") or config.length_penalty or 1.0)
    found = [Hypothesis(t, v) for t, v in zip(texts, values)]
    return [found[i:i + num_hypotheses] for i in range(0, len(found), num_hypotheses)]


def _greedy_scores(model, generated, length_penalty: float) -> list[float]:
    """Greedy outputs scored as beam search scores finished hypotheses: the log-probabilities of the
    tokens up to the first end token, over ``length ** length_penalty``."""
    steps = model.compute_transition_scores(generated.sequences, generated.scores, normalize_logits=True)
    new = generated.sequences[:, -steps.shape[1]:]
    eos = model.generation_config.eos_token_id
    eos = set(eos if isinstance(eos, list) else [eos])
    values = []
    for row, tokens in zip(steps.tolist(), new.tolist()):
        length = next((i + 1 for i, t in enumerate(tokens) if t in eos), len(tokens))
        values.append(sum(row[:length]) / length ** length_penalty)
    return values


def _reorder_self_attention_only(cache, beam_idx):
    """Beam search's cache reordering, without copying the cross-attention cache.

    transformers v5's ``EncoderDecoderCache.reorder_cache`` index-selects the cross-attention keys and
    values too, every step, although a document's beams all hold the same ones (they depend on the
    encoder output only, and beams are only ever reordered within their document): for a batch of 16
    articles of 1000 tokens with 4 beams that is a 3 GB copy per generated token, which made batched beam
    search no faster than one article at a time. ``generate`` calls a model's ``_reorder_cache`` instead
    when it has one (transformers v4's BART skipped the cross-attention half the same way).
    """
    self_attention = getattr(cache, "self_attention_cache", None)
    if self_attention is None or not hasattr(cache, "cross_attention_cache"):
        cache.reorder_cache(beam_idx)
    else:
        self_attention.reorder_cache(beam_idx)
    return cache


ENCODER_GROUP_TOKENS = 1024
"""On CPU, the most padded tokens one encoder call takes (one input at least): enough rows for the
matrix products to run at full speed, few enough that padding stays small."""


def _encode_apart(loaded: LoadedModel, inputs: Sequence[str], lengths: Sequence[int]):
    """Encoder states of `inputs` (sorted longest first) computed in groups of at most
    :data:`ENCODER_GROUP_TOKENS` padded tokens, then right-padded into one batch with its attention mask.

    The same states as one padded batch gives (up to float rounding), without the encoder FLOPs spent on
    padding: about 30% of the encoder's work for a batch of article-length inputs of 550-1000 tokens.
    """
    import torch
    from transformers.modeling_outputs import BaseModelOutput

    encoder = loaded.model.get_encoder()
    states = []
    start = 0
    while start < len(inputs):
        end = start + 1
        while end < len(inputs) and lengths[start] * (end + 1 - start) <= ENCODER_GROUP_TOKENS:
            end += 1
        encoded = loaded.tokenizer(list(inputs[start:end]), return_tensors="pt", padding=True,
                                   truncation=True, max_length=loaded.max_input_tokens).to(loaded.device)
        hidden = encoder(**encoded).last_hidden_state
        keep = encoded["attention_mask"].bool()
        states.extend(hidden[row][keep[row]] for row in range(hidden.shape[0]))
        start = end
    longest = max(s.shape[0] for s in states)
    batch = states[0].new_zeros(len(states), longest, states[0].shape[-1])
    mask = torch.zeros(len(states), longest, dtype=torch.long, device=batch.device)
    for row, state in enumerate(states):
        batch[row, :state.shape[0]] = state
        mask[row, :state.shape[0]] = 1
    return BaseModelOutput(last_hidden_state=batch), mask
