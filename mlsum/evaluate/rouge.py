"""ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum F1 from Google's rouge-score, Porter stemming on.

The corpus score is the mean of document F1s (rouge-score's BootstrapAggregator reports a resampled
median instead, which varies from run to run; mlsum's seeded intervals are in `significance`). ROUGE-Lsum wants one sentence per line, so both texts are
split into sentences first (pysbd, as the summarizer's chunker does); the other variants ignore line
breaks, so they see the texts as given.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from statistics import fmean

from ..text import paragraphs, sentences
from .base import Metric, package_version

VARIANTS = ("rouge1", "rouge2", "rougeL", "rougeLsum")


_TOGETHER = ("rouge1", "rouge2", "rougeL")  # scored in one call: the texts are tokenized and stemmed once


@lru_cache(maxsize=None)
def _scorer(variants: tuple[str, ...]):
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(list(variants), use_stemmer=True)


@lru_cache(maxsize=1024)
def _scores(variants: tuple[str, ...], hypothesis: str, references: tuple[str, ...]):
    """rouge-score's scores of every variant in `variants`; a report asks for each variant in turn, so
    the other variants' scores of the same pair are kept."""
    scorer = _scorer(variants)
    if len(references) == 1:
        return scorer.score(references[0], hypothesis)
    return scorer.score_multi(list(references), hypothesis)


@lru_cache(maxsize=1024)
def one_sentence_per_line(text: str) -> str:
    """The layout rougeLsum expects: sentences separated by newlines."""
    return "\n".join(s for p in paragraphs(text) for s in sentences(p))


class Rouge(Metric):
    def __init__(self, variant: str) -> None:
        if variant not in VARIANTS:
            raise ValueError(f"unknown ROUGE variant {variant!r}; one of {', '.join(VARIANTS)}")
        self.name = variant

    def sentence_score(self, hypothesis: str, references: Sequence[str]) -> float:
        if self.name == "rougeLsum":
            hypothesis = one_sentence_per_line(hypothesis)
            references = [one_sentence_per_line(r) for r in references]
        variants = _TOGETHER if self.name in _TOGETHER else (self.name,)
        return 100 * _scores(variants, hypothesis, tuple(references))[self.name].fmeasure

    def corpus_score(self, hypotheses: Sequence[str], references: Sequence[Sequence[str]]) -> float | None:
        if not hypotheses:
            return None
        return fmean(self.sentence_score(h, r) for h, r in zip(hypotheses, references, strict=True))

    def settings(self) -> str:
        extra = f"|split:pysbd-{package_version('pysbd')}" if self.name == "rougeLsum" else ""
        return f"rouge-score {package_version('rouge-score')}|{self.name}|f1|stem:yes|tokenizer:default" \
               f"|agg:mean{extra}"
