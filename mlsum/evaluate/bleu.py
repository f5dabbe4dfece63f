"""sacreBLEU corpus BLEU with its default settings (13a tokenizer, exponential smoothing); sentence BLEU
uses effective order, as sacreBLEU recommends for single sentences."""

from __future__ import annotations

from .base import SacreBleuMetric


class Bleu(SacreBleuMetric):
    name = "bleu"

    def __init__(self) -> None:
        from sacrebleu.metrics import BLEU

        self._corpus = BLEU()
        self._sentence = BLEU(effective_order=True)
