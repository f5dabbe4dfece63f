"""The shape every metric shares, after sacreBLEU: a name, sentence and corpus scores on a 0–100 scale,
and a signature that names everything needed to reproduce a score."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from importlib.metadata import version


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
    def signature(self) -> str:
        """"library version|option:value|..." — report it beside the score."""


def package_version(name: str) -> str:
    return version(name)
