"""sacreBLEU chrF with its default settings (character 6-grams, β = 2, no word n-grams)."""

from __future__ import annotations

from .base import SacreBleuMetric


class Chrf(SacreBleuMetric):
    name = "chrf"

    def __init__(self) -> None:
        from sacrebleu.metrics import CHRF

        self._corpus = self._sentence = CHRF()
