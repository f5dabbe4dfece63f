"""French → English translation with a MarianMT model, sentence by sentence, paragraphs kept."""

from __future__ import annotations

from collections.abc import Sequence

from .generate import generate, token_lengths
from .models import Generation, LoadedModel
from .text import paragraphs, sentences, split_to_fit


def translate_texts(loaded: LoadedModel, texts: Sequence[str], settings: Generation | None = None,
                    batch_size: int = 16, source_lang: str = "fr") -> list[str]:
    """Each text translated, its paragraphs separated by blank lines as in the source.

    Marian models are trained on sentence pairs, so the sentences of all texts are translated as one
    length-sorted stream of batches and put back in place; a sentence longer than the model's input
    limit is cut at word boundaries into pieces that fit, never truncated.
    """
    settings = loaded.spec.generation.merged(settings or Generation())
    limit = loaded.max_input_tokens
    slots: list[tuple[int, int]] = []  # (text index, paragraph index) of each sentence piece
    pieces: list[str] = []
    for t, text in enumerate(texts):
        for p, paragraph in enumerate(paragraphs(text)):
            units = sentences(paragraph, source_lang)
            for piece in split_to_fit(units, token_lengths(loaded, units), limit,
                                      lambda s: token_lengths(loaded, s)):
                slots.append((t, p))
                pieces.append(piece)
    translated = generate(loaded, pieces, settings, batch_size)
    layout: list[dict[int, list[str]]] = [{} for _ in texts]
    for (t, p), sentence in zip(slots, translated):
        layout[t].setdefault(p, []).append(sentence)
    return ["\n\n".join(" ".join(layout_p[p]) for p in sorted(layout_p)) for layout_p in layout]
