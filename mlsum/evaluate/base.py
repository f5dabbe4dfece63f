"""The shape every metric shares, after sacreBLEU: a name, sentence and corpus scores on a 0–100 scale,
and a signature that names everything needed to reproduce a score (with its interval and tests: the
resampling settings)."""

from __future__ import annotations

from abc import ABC, abstractmethod
import copy
from collections.abc import Sequence
from importlib.metadata import version

from .significance import Resampling, Scored, compare_sacrebleu


class Metric(ABC):
    """A score of hypotheses against references (for the figure metrics: against sources)."""

    name: str

    @abstractmethod
    def sentence_score(self, hypothesis: str, references: Sequence[str]) -> float | None:
        """One document's score, 0–100 (None where the metric is undefined for it)."""

    @abstractmethod
    def corpus_score(self, hypotheses: Sequence[str],
                     references: Sequence[Sequence[str]]) -> float | None:
        """The corpus score, 0–100; `references[i]` holds the references of `hypotheses[i]`."""

    @abstractmethod
    def settings(self) -> str:
        """"library version|option:value|...": what the score depends on."""

    def signature(self, resampling: Resampling | None = None, paired: bool = False) -> str:
        """The settings, and the resampling behind the interval (and the paired tests) when given:
        report it beside the score."""
        return self.settings() + (f"|{resampling.signature(paired)}" if resampling else "")


def package_version(name: str) -> str:
    return version(name)


def reference_streams(references: Sequence[Sequence[str]]) -> list[list[str]]:
    """sacreBLEU's layout: one stream per reference position, each as long as the corpus."""
    counts = {len(refs) for refs in references}
    if len(counts) > 1:
        raise ValueError("sacreBLEU needs the same number of references for every document")
    return [list(stream) for stream in zip(*references)]


def sacrebleu_signature(metric, resampling: Resampling | None = None, paired: bool = False) -> str:
    """sacreBLEU's signature of `metric`, with the resampling fields its PairedTest adds; before a
    corpus score it does not know the number of references, so it is given mlsum's one."""
    if not hasattr(metric, "num_refs"):
        metric = copy.copy(metric)
        metric.num_refs = 1
    signature = metric.get_signature()
    if resampling is not None:
        signature.update("bs", resampling.samples)
        if paired:
            signature.update("ar", resampling.trials)
        signature.update("seed", resampling.seed)
    return str(signature)


class SacreBleuMetric(Metric):
    """A sacreBLEU metric: `_corpus` scores corpora, `_sentence` single documents (the same object
    unless the metric needs other settings for one sentence)."""

    _corpus: object
    _sentence: object

    def sentence_score(self, hypothesis: str, references: Sequence[str]) -> float:
        return self._sentence.sentence_score(hypothesis, list(references)).score

    def corpus_score(self, hypotheses: Sequence[str], references: Sequence[Sequence[str]]) -> float | None:
        if not hypotheses:
            return None
        return self._corpus.corpus_score(list(hypotheses), reference_streams(references)).score

    def compare(self, systems: Sequence[Sequence[str]], references: Sequence[Sequence[str]],
                resampling: Resampling) -> list[Scored]:
        """Corpus scores of each system (hypotheses of the same documents) with intervals, and each
        later system against the first, by sacreBLEU's PairedTest."""
        return compare_sacrebleu(self._corpus, systems, [list(r) for r in references], resampling)

    def settings(self) -> str:
        return sacrebleu_signature(self._corpus)

    def signature(self, resampling: Resampling | None = None, paired: bool = False) -> str:
        return sacrebleu_signature(self._corpus, resampling, paired)
