"""Figure-aware generation (`--rerank figures`): of a model's n-best summaries, the one whose figures
its source supports best.

After HERMAN (Zhao, Cohen and Webber, "Reducing Quantity Hallucinations in Abstractive Summarization",
Findings of EMNLP 2020), which reranks beam search's hypotheses by how well the source supports their
quantities. Here the support is mlsum's own figure checker, the one `mlsum evaluate` scores figure
precision with (:func:`mlsum.figures.check_figures`, called the same way), so reranking optimizes what
the evaluation measures. A candidate's cost is its scored figures the sources do not support
(unsupported or contradicted; vague quantities are not scored). The chosen candidate has the fewest,
ties going to the higher model score (beam search's length-normalized log-probability), so with
nothing to fix the model's own best stays. An empty candidate is never chosen over a non-empty one:
it would have no figure to flag, and an empty summary is a failure. Nor is a flag-free summary
required to state figures: a candidate that leaves a figure out beats one that gets it wrong.

K is at most the beam: beam search finds that many finished hypotheses anyway, so reranking costs
little more than the figure checks of K candidates. The n-best list comes best first, so ties go by
its order, and torch need not keep every step's scores to compute them (16 articles, 4 beams, 142
steps over BART's 50,264 tokens: 1.8 GB of float32).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .document import Document
from .errors import UsageError
from .generate import Hypothesis, candidates
from .models import Generation, LoadedModel

METHODS = ("none", "figures")


@dataclass(frozen=True)
class Rerank:
    """Rerank by figures among `candidates` hypotheses per generation (None: as many as the beam keeps)."""

    candidates: int | None = None

    def __post_init__(self) -> None:
        value = self.candidates
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 2):
            raise UsageError(f"--candidates must be an integer of at least 2 (one candidate leaves nothing "
                             f"to choose from), got {value!r}")

    def width(self, beams: int) -> int:
        """The candidates to keep with a beam of `beams`: beam search's n-best list can hold no more."""
        if beams < 2:
            raise UsageError("--rerank figures needs beam search, and the model decodes greedily "
                             "(num_beams 1): pass --num-beams 2 or more")
        if self.candidates is None:
            return beams
        if self.candidates > beams:
            raise UsageError(f"--candidates {self.candidates} is more than the beam ({beams}): beam search "
                             f"keeps {beams} hypotheses; pass --num-beams {self.candidates} or fewer --candidates")
        return self.candidates


@dataclass(frozen=True)
class Choice:
    """One generation's candidates, by how many of their figures their sources flag, and the one kept."""

    flagged: tuple[int, ...]  # per candidate, best model score first
    chosen: int

    def to_dict(self) -> dict[str, Any]:
        return {"with_unsupported": sum(n > 0 for n in self.flagged), "chosen": self.chosen,
                "chosen_flagged": self.flagged[self.chosen], "flagged": list(self.flagged)}


def flagged_figures(summary: str, sources: Sequence[str]) -> int:
    """The scored figures of `summary` that no source supports (unsupported or contradicted)."""
    from .figures import check_figures  # its patterns take 0.2 s to build: only when reranking

    check = check_figures(summary, sources)
    return len(check.scored) - check.supported


def choose(hypotheses: Sequence[Hypothesis], sources: Sequence[str]) -> Choice:
    """The candidate with the fewest flagged figures, ties to the higher model score, then to the
    earlier (an n-best list without scores, NaN, is in score order); a non-empty one whenever there
    is one."""
    flagged = tuple(flagged_figures(h.text, sources) for h in hypotheses)

    def rank(index: int) -> tuple:
        score = hypotheses[index].score
        return (not hypotheses[index].text.strip(), flagged[index],
                -score if not math.isnan(score) else math.inf, index)

    return Choice(flagged, min(range(len(hypotheses)), key=rank))


def generate_reranked(loaded: LoadedModel, texts: Sequence[str], evidence: Sequence[Sequence[str]],
                      settings: Generation, k: int, batch_size: int = 8,
                      max_batch_tokens: int | None = None) -> list[tuple[str, Choice]]:
    """For each text, the best of its `k` candidates by :func:`choose` against its `evidence` (the
    texts its figures must be found in), and the choice."""
    found = candidates(loaded, texts, settings, k, batch_size, max_batch_tokens, scores=False)
    picked = []
    for hypotheses, sources in zip(found, evidence, strict=True):
        choice = choose(hypotheses, sources)
        picked.append((hypotheses[choice.chosen].text, choice))
    return picked


def report(k: int, rounds: Sequence[Sequence[Choice]]) -> dict[str, Any]:
    """A document's `rerank` record: the choice of the generation that made the summary at the top,
    the earlier rounds' choices (a chunked article's part summaries, in order) under `rounds`. When
    the part summaries themselves stand as the summary (they would not shrink in another round),
    there is no one final choice: the top fields are null and every round is under `rounds`."""
    *earlier, last = rounds
    final = last[0] if len(last) == 1 else None
    top = final.to_dict() if final else dict.fromkeys(("with_unsupported", "chosen", "chosen_flagged", "flagged"))
    listed = earlier if final else rounds
    return {"method": "figures", "candidates": k, **top,
            "rounds": [[choice.to_dict() for choice in round_] for round_ in listed]}


def article_sources(doc: Document) -> list[str]:
    """What a document's summary figures are checked against, as `mlsum evaluate` checks a summary
    record: the (English) article, the original before translation, the title."""
    return [text for text in (doc.text, doc.original, doc.title) if text]
