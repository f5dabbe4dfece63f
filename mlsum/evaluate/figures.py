"""Figure precision (summary figures a source supports) and figure recall (reference figures the summary
states), micro-averaged over the corpus: every figure counts once, whatever its document."""

from __future__ import annotations

from collections.abc import Sequence

from ..figures import SUPPORTED, VERSION, FigureCheck, FigureMatch, check_figures, match_reference
from .base import Metric, package_version


def _signature(what: str) -> str:
    return (f"mlsum-figures {VERSION}|{what}|match:value+unit+noun|hedges+rounding|supported:same-thing+same-value"
            f"|implied:both+named-lists+firsts|vague:unscored|weekdays:scored-if-contradicted"
            f"|text2num {package_version('text2num')}|pint {package_version('pint')}")


def _share(supported: int, total: int) -> float | None:
    return 100 * supported / total if total else None


class FigurePrecision(Metric):
    """`references` are the sources here: the article, and for a translated one its original too."""

    name = "figure_precision"

    def check(self, summary: str, sources: Sequence[str]) -> FigureCheck:
        return check_figures(summary, sources)

    def aggregate(self, checks: Sequence[FigureCheck]) -> float | None:
        return _share(sum(c.supported for c in checks), sum(len(c.scored) for c in checks))

    def sentence_score(self, hypothesis: str, references: Sequence[str]) -> float | None:
        return self.aggregate([self.check(hypothesis, references)])

    def corpus_score(self, hypotheses: Sequence[str], references: Sequence[Sequence[str]]) -> float | None:
        return self.aggregate([self.check(h, r) for h, r in zip(hypotheses, references, strict=True)])

    def settings(self) -> str:
        return _signature("precision:supported/summary-figures")


class FigureRecall(Metric):
    name = "figure_recall"

    def check(self, summary: str, reference: str) -> list[FigureMatch]:
        return match_reference(summary, reference)

    def aggregate(self, matches: Sequence[Sequence[FigureMatch]]) -> float | None:
        found = sum(item.status == SUPPORTED for items in matches for item in items)
        return _share(found, sum(len(items) for items in matches))

    def sentence_score(self, hypothesis: str, references: Sequence[str]) -> float | None:
        return self.aggregate([self.check(hypothesis, r) for r in references])

    def corpus_score(self, hypotheses: Sequence[str], references: Sequence[Sequence[str]]) -> float | None:
        return self.aggregate([self.check(h, r) for h, refs in zip(hypotheses, references, strict=True)
                               for r in refs])

    def settings(self) -> str:
        return _signature("recall:reference-figures-in-summary")
