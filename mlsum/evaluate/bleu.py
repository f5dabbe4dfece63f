"""sacreBLEU corpus BLEU with its default settings (13a tokenizer, exponential smoothing); sentence BLEU
uses effective order, as sacreBLEU recommends for single sentences."""

from __future__ import annotations

import copy
from collections.abc import Sequence

from .base import Metric


def reference_streams(references: Sequence[Sequence[str]]) -> list[list[str]]:
    """sacreBLEU's layout: one stream per reference position, each as long as the corpus."""
    counts = {len(refs) for refs in references}
    if len(counts) > 1:
        raise ValueError("sacreBLEU needs the same number of references for every document")
    return [list(stream) for stream in zip(*references)]


def sacrebleu_signature(metric) -> str:
    """sacreBLEU's signature of `metric`; before a corpus score it does not know the number of
    references, so it is given mlsum's one."""
    if not hasattr(metric, "num_refs"):
        metric = copy.copy(metric)
        metric.num_refs = 1
    return str(metric.get_signature())


class Bleu(Metric):
    name = "bleu"

    def __init__(self) -> None:
        from sacrebleu.metrics import BLEU

        self._corpus = BLEU()
        self._sentence = BLEU(effective_order=True)

    def sentence_score(self, hypothesis: str, references: Sequence[str]) -> float:
        return self._sentence.sentence_score(hypothesis, list(references)).score

    def corpus_score(self, hypotheses: Sequence[str], references: Sequence[Sequence[str]]) -> float | None:
        if not hypotheses:
            return None
        return self._corpus.corpus_score(list(hypotheses), reference_streams(references)).score

    def signature(self) -> str:
        return sacrebleu_signature(self._corpus)
