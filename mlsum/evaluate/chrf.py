"""sacreBLEU chrF with its default settings (character 6-grams, β = 2, no word n-grams)."""

from __future__ import annotations

from collections.abc import Sequence

from .base import Metric
from .bleu import reference_streams, sacrebleu_signature


class Chrf(Metric):
    name = "chrf"

    def __init__(self) -> None:
        from sacrebleu.metrics import CHRF

        self._chrf = CHRF()

    def sentence_score(self, hypothesis: str, references: Sequence[str]) -> float:
        return self._chrf.sentence_score(hypothesis, list(references)).score

    def corpus_score(self, hypotheses: Sequence[str], references: Sequence[Sequence[str]]) -> float | None:
        if not hypotheses:
            return None
        return self._chrf.corpus_score(list(hypotheses), reference_streams(references)).score

    def signature(self) -> str:
        return sacrebleu_signature(self._chrf)
