"""Confidence intervals and paired significance tests for corpus scores, seeded and reproducible.

BLEU and chrF go through sacreBLEU's own :class:`~sacrebleu.significance.PairedTest`. ROUGE and the
figure metrics are not sacreBLEU metrics, so the same procedures are written out here for scores of the
form Σ numerator / Σ denominator over documents (ROUGE: the mean of document F1s; figure precision:
supported / summary figures), following sacreBLEU step for step — the same random draws from the same
seed, the same 95 % estimate (bootstrap mean ± half the width of the 2.5–97.5 percentile range) — so that
every metric of a report is resampled alike and over the same documents.

- interval: bootstrap resampling of documents (`samples` resamples);
- paired bootstrap (Koehn 2004, as Moses' script and sacreBLEU): the same resampled documents for both
  systems; p is the share of resamples whose centred difference reaches the observed one;
- approximate randomization (Riezler and Maxwell 2005): each trial swaps every document's outputs between
  the two systems with probability ½; p is the share of trials whose difference reaches the observed one.

"Reaches" is ≥, as those papers define p. sacreBLEU counts only differences that exceed (>) the observed
one; the two agree unless a resample ties the observed difference exactly (tests/test_significance.py
checks these functions against sacreBLEU's on BLEU's own statistics), but ties are the rule for counts:
two systems whose figure recall differs by one figure in one document would get p = 1/(N + 1), "highly
significant". For the same reason a zero difference gets p = 1 for every metric, BLEU and chrF included,
where sacreBLEU would call two identical outputs significantly different (as multeval did, whose test
sacreBLEU ports); otherwise BLEU's and chrF's p-values are sacreBLEU's own.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np

Statistics = np.ndarray  # one row per document: that document's additive statistics
ScoreFn = Callable[[np.ndarray], np.ndarray]  # summed statistics (..., k) → scores (...)


@dataclass(frozen=True)
class Resampling:
    """The settings every interval and test uses; sacreBLEU's defaults."""

    samples: int = 1000  # bootstrap resamples (intervals and the paired bootstrap test)
    trials: int = 10000  # approximate randomization trials
    seed: int = 12345

    def __post_init__(self) -> None:
        # sacreBLEU's PairedTest reads seed 0 as "no seed": the tests would not repeat
        if self.seed < 1 or self.samples < 1 or self.trials < 1:
            raise ValueError("seed, samples and trials must be positive")

    def signature(self, paired: bool) -> str:
        """The resampling fields of a signature, in sacreBLEU's order and spelling."""
        return f"bs:{self.samples}|" + (f"ar:{self.trials}|" if paired else "") + f"seed:{self.seed}"


@dataclass
class Scored:
    """One system's corpus score with its 95 % interval and, for systems after the first, the
    difference from the first with both tests' p-values."""

    score: float | None
    mean: float | None = None
    ci: float | None = None
    difference: float | None = None
    p_bootstrap: float | None = None
    p_randomization: float | None = None

    def interval(self) -> dict[str, float | None]:
        low = high = None
        if self.mean is not None and self.ci is not None:
            low, high = self.mean - self.ci, self.mean + self.ci
        return {"mean": self.mean, "ci": self.ci, "low": low, "high": high}

    def compared(self, baseline: float, p_bootstrap: float, p_randomization: float) -> None:
        """Record the difference from the baseline's score and the tests' p-values (1 for no difference)."""
        self.difference = self.score - baseline
        no_difference = self.difference == 0
        self.p_bootstrap = 1.0 if no_difference else p_bootstrap
        self.p_randomization = 1.0 if no_difference else p_randomization

    def comparison(self) -> dict[str, float | None]:
        return {"difference": self.difference, "p_bootstrap": self.p_bootstrap,
                "p_randomization": self.p_randomization}


# The procedures, on any additive statistics ----------------------------------------------------------

def bootstrap_indices(documents: int, samples: int, seed: int) -> np.ndarray:
    """(samples, documents) document indices drawn with replacement: sacreBLEU's draw for this seed."""
    return np.random.default_rng(seed).choice(documents, size=(samples, documents), replace=True)


def estimate_ci(scores: np.ndarray) -> tuple[float | None, float | None]:
    """Mean and half-width of the 95 % percentile range (sacreBLEU's estimate); resamples whose score
    is undefined (no figures drawn) are left out."""
    scores = np.sort(scores[~np.isnan(scores)])
    if not len(scores):
        return None, None
    lower = len(scores) // 40
    return float(scores.mean()), float(0.5 * (scores[len(scores) - lower - 1] - scores[lower]))


def p_value(samples: np.ndarray, observed: float) -> float:
    """(#samples reaching `observed` + 1) / (#samples + 1), undefined samples left out; a sample equal
    to `observed` but for rounding (sums taken in another order) reaches it."""
    samples = samples[~np.isnan(samples)]
    reaching = (samples > observed) | np.isclose(samples, observed, rtol=1e-9, atol=1e-9)
    return (int(np.sum(reaching)) + 1) / (len(samples) + 1)


def interval(stats: Statistics, score: ScoreFn, samples: int, seed: int) -> tuple[float | None, float | None]:
    """Bootstrap mean and 95 % half-width of one system's corpus score."""
    return estimate_ci(score(stats[bootstrap_indices(len(stats), samples, seed)].sum(axis=1)))


def paired_bootstrap(baseline: Statistics, system: Statistics, score: ScoreFn, samples: int,
                     seed: int) -> float:
    """p-value of the paired bootstrap test of `system` against `baseline` (same documents)."""
    observed = abs(score(system.sum(axis=0)) - score(baseline.sum(axis=0)))
    idxs = bootstrap_indices(len(baseline), samples, seed)
    differences = np.abs(score(system[idxs].sum(axis=1)) - score(baseline[idxs].sum(axis=1)))
    centred = differences - np.nanmean(differences) if not np.isnan(differences).all() else differences
    return p_value(centred, float(observed))


def approximate_randomization(baseline: Statistics, system: Statistics, score: ScoreFn, trials: int,
                              seed: int) -> float:
    """p-value of the approximate randomization test of `system` against `baseline`."""
    observed = abs(score(baseline.sum(axis=0)) - score(system.sum(axis=0)))
    keep = np.random.default_rng(seed).integers(2, size=(trials, len(baseline)), dtype=bool)
    swap = ~keep
    shuffled_a = keep @ baseline + swap @ system
    shuffled_b = swap @ baseline + keep @ system
    return p_value(np.abs(score(shuffled_a) - score(shuffled_b)), float(observed))


def ratio(sums: np.ndarray) -> np.ndarray:
    """Σ numerator / Σ denominator, NaN where nothing was counted."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(sums[..., 1] > 0, sums[..., 0] / sums[..., 1], np.nan)


def compare_ratio(systems: Sequence[Statistics], resampling: Resampling) -> list[Scored]:
    """Every system's score and interval, and each later system against the first; `systems[i]` has
    one (numerator, denominator) row per document, the same documents in the same order."""
    results = []
    for stats in systems:
        point = ratio(stats.sum(axis=0))
        scored = Scored(None if np.isnan(point) else float(point))
        if len(stats):
            scored.mean, scored.ci = interval(stats, ratio, resampling.samples, resampling.seed)
        results.append(scored)
    baseline, base = systems[0], results[0].score
    for stats, scored in zip(systems[1:], results[1:]):
        if base is not None and scored.score is not None:
            scored.compared(base, paired_bootstrap(baseline, stats, ratio, resampling.samples, resampling.seed),
                            approximate_randomization(baseline, stats, ratio, resampling.trials, resampling.seed))
    return results


# sacreBLEU's own machinery ------------------------------------------------------------------------------

@contextmanager
def _sacrebleu_seed(seed: int) -> Iterator[None]:
    """sacreBLEU takes its seed from $SACREBLEU_SEED (its documented switch); set it for one call."""
    before = os.environ.get("SACREBLEU_SEED")
    os.environ["SACREBLEU_SEED"] = str(seed)
    try:
        yield
    finally:
        if before is None:
            del os.environ["SACREBLEU_SEED"]
        else:
            os.environ["SACREBLEU_SEED"] = before


def _paired_test(metric: Any, systems: Sequence[Sequence[str]], references: list[list[str]],
                 test_type: str, samples: int, seed: int) -> list[Any]:
    from sacrebleu.significance import PairedTest

    named = [(str(i), list(hypotheses)) for i, hypotheses in enumerate(systems)]
    with _sacrebleu_seed(seed):
        _, results = PairedTest(named, {"metric": metric}, references, test_type=test_type,
                                n_samples=samples)()
    [column] = [values for name, values in results.items() if name != "System"]
    return column


def compare_sacrebleu(metric: Any, systems: Sequence[Sequence[str]], references: list[list[str]],
                      resampling: Resampling) -> list[Scored]:
    """What :func:`compare_ratio` gives, for a sacreBLEU metric object, from sacreBLEU's PairedTest:
    its paired bootstrap yields every system's interval too; approximate randomization runs only when
    there is something to compare."""
    if not references or not references[0]:
        return [Scored(None) for _ in systems]
    bootstrap = _paired_test(metric, systems, references, "bs", resampling.samples, resampling.seed)
    results = [Scored(float(r.score), *(None if v is None else float(v) for v in (r.mean, r.ci)))
               for r in bootstrap]  # sacreBLEU's chrF statistics are float32
    if len(systems) > 1:
        randomization = _paired_test(metric, systems, references, "ar", resampling.trials, resampling.seed)
        for scored, bs, ar in zip(results[1:], bootstrap[1:], randomization[1:]):
            scored.compared(results[0].score, bs.p_value, ar.p_value)
    return results
