"""Check a summary's figures against its sources, a reference's against a summary, a translation's
against its original.

A summary figure is `supported` when some source states the same quantity of the same thing: equal value
after normalization (units converted through pint, rounding of conversions tolerated), and, for counts,
ordinals and percentages, a noun that agrees (same word, synonym or French equivalent, or shared words
around both). Otherwise it is `contradicted` when a source gives another value for the same thing, else
`unsupported`. Vague quantities are checked too but never count in precision or recall.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from .extract import Figure, extract_figures
from .lexicon import HEDGES, VAGUE_RANGES
from .numbers import concepts, known_concept
from .units import convert

SUPPORTED, UNSUPPORTED, CONTRADICTED = "supported", "unsupported", "contradicted"

# Kinds whose identity is the noun they count; the others are identified by their unit or calendar.
_NOUN_KINDS = {"count", "ordinal", "percent", "vague"}
_CONVERSION_TOLERANCE = 0.025  # "20 km (12 miles)": 20 km is 12.4 miles
_MEASURES = {"distance", "duration", "area", "mass"}  # kinds pint converts between units
_WORD = re.compile(r"[^\W\d_][\w'’]*")


def _group(figure: Figure) -> str:
    """Figures that can state the same quantity share a group; only these are compared."""
    if figure.kind in ("count", "year"):
        return "number"
    if figure.kind in ("percent", "money"):
        return f"{figure.kind}:{figure.unit}"
    return figure.kind


class SourceIndex:
    """A source's figures grouped for lookup, built once per source text."""

    def __init__(self, text: str, lang: str | None = None) -> None:
        self.text = text
        self.figures = extract_figures(text, lang)
        self.by_group: dict[str, list[Figure]] = defaultdict(list)
        for figure in self.figures:
            self.by_group[_group(figure)].append(figure)
        self.years = {int(f.value) for f in self.by_group["number"] if f.value is not None
                      and f.value.is_integer() and 1800 <= f.value <= 2100}
        self.years |= {int(f.iso[:4]) for f in self.by_group["date"] if f.iso[:4].isdigit()}

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Concepts of every word of the source: tells a paraphrase from a noun the source uses."""
        return frozenset(c for w in set(_WORD.findall(self.text.lower())) for c in concepts(w))


@lru_cache(maxsize=256)
def index_source(text: str, lang: str | None = None) -> SourceIndex:
    """The index of a source, cached: evaluations check several summaries against the same article."""
    return SourceIndex(text, lang)


@dataclass
class FigureMatch:
    """A summary figure, its status, and the source figure that supports or contradicts it."""

    figure: Figure
    status: str
    evidence: Figure | None = None
    evidence_source: int | None = None  # which of the checked texts `evidence` is in (its offsets' text)

    def to_dict(self) -> dict[str, Any]:
        """The figure (with its offsets in the summary) and its evidence, located in the source:
        `evidence_source` indexes the texts it was checked against, `evidence_start`/`_end` are
        character offsets into that text."""
        found = self.evidence
        return {**self.figure.to_dict(), "status": self.status,
                "evidence": found.text if found else None,
                "evidence_source": self.evidence_source if found else None,
                "evidence_start": found.start if found else None,
                "evidence_end": found.end if found else None}


@dataclass
class FigureCheck:
    """All figures of a summary with their status. Vague quantities are listed but not scored."""

    items: list[FigureMatch]

    @property
    def scored(self) -> list[FigureMatch]:
        return [item for item in self.items if not item.figure.vague]

    @property
    def supported(self) -> int:
        return sum(item.status == SUPPORTED for item in self.scored)

    @property
    def precision(self) -> float | None:
        """Supported / figures in the summary (0–1); None for a summary without figures."""
        scored = self.scored
        return self.supported / len(scored) if scored else None

    @property
    def flagged(self) -> list[FigureMatch]:
        return [item for item in self.items if item.status != SUPPORTED]


def check_figures(summary: str, sources: Sequence[str], lang: str | None = None) -> FigureCheck:
    """Every figure of `summary` checked against all `sources` (e.g. a French original and its English
    translation): supported by any of them, else contradicted by any, else unsupported. `lang` is the
    summary's language (None: guessed); each source's is guessed."""
    indexes = [(position, index_source(source)) for position, source in enumerate(sources) if source]
    items = []
    for figure in extract_figures(summary, lang):
        found = _first(find_support, figure, indexes)
        if found is not None:
            items.append(FigureMatch(figure, SUPPORTED, *found))
            continue
        found = _first(find_contradiction, figure, indexes)
        items.append(FigureMatch(figure, CONTRADICTED, *found) if found else FigureMatch(figure, UNSUPPORTED))
    return FigureCheck(items)


def _first(find, figure: Figure, indexes: Sequence[tuple[int, SourceIndex]]) -> tuple[Figure, int] | None:
    """The first source figure `find` returns, with the position of the source it is in."""
    for position, index in indexes:
        evidence = find(figure, index)
        if evidence is not None:
            return evidence, position
    return None


def match_reference(summary: str, reference: str) -> list[FigureMatch]:
    """Each figure of the reference, `supported` when the summary states it too, else `unsupported`."""
    index = index_source(summary)
    items = []
    for figure in extract_figures(reference):
        if not figure.vague:
            found = find_support(figure, index)
            items.append(FigureMatch(figure, SUPPORTED, found, 0) if found else FigureMatch(figure, UNSUPPORTED))
    return items


def figure_recall(summary: str, reference: str) -> float | None:
    """Share (0–1) of the reference's figures that the summary states; None when the reference has none."""
    items = match_reference(summary, reference)
    return sum(item.status == SUPPORTED for item in items) / len(items) if items else None


@dataclass
class TranslationIssue:
    """A figure of the original that the translation lost (`missing`) or states otherwise (`changed`)."""

    figure: Figure
    status: str
    translation: Figure | None = None

    def to_dict(self) -> dict[str, Any]:
        return {**self.figure.to_dict(), "status": self.status,
                "translation": self.translation.text if self.translation else None}


_ALIGNMENT_WINDOW = 0.15  # a changed figure sits at about the same relative place in the translation


def compare_translation(source_fr: str, translation_en: str) -> list[TranslationIssue]:
    """Figures of a French original that are missing or changed in its English translation.

    Each English figure accounts for one French figure at most, and in the unit the original uses: a
    translation that turns "8 km (5 miles)" into "8 km" has lost the miles. Identical statements are
    paired first, so that "3 décembre" finds "December 3" before "3 décembre 2024" can take it. A
    French figure left over is `changed` when an English figure of its kind, itself left over, sits
    between the translations of its neighbours and at about the same relative place; else `missing`.
    """
    original = SourceIndex(source_fr, "fr")
    translation = SourceIndex(translation_en, "en")
    figures = [f for f in original.figures if not f.vague]
    match: dict[int, Figure] = {}
    used: set[int] = set()
    for exact in (True, False):
        for i, figure in enumerate(figures):
            if i not in match:
                found = next((c for c in supports(figure, translation) if id(c) not in used
                              and c.unit == figure.unit and (not exact or _identical(figure, c))), None)
                if found is not None:
                    match[i] = found
                    used.add(id(found))
    leftover = [f for f in translation.figures if id(f) not in used and not f.vague]
    issues = []
    for i, figure in enumerate(figures):
        if i in match:
            continue
        after = max((match[j].start for j in match if j < i), default=-1)
        before = min((match[j].start for j in match if j > i), default=len(translation_en))
        place = figure.start / max(1, len(source_fr))

        def distance(f: Figure) -> float:
            return abs(f.start / max(1, len(translation_en)) - place)

        changed = min((f for f in leftover if _group(f) == _group(figure) and after < f.start < before
                       and distance(f) <= _ALIGNMENT_WINDOW), key=distance, default=None)
        if changed is not None:
            leftover.remove(changed)
        issues.append(TranslationIssue(figure, "changed" if changed else "missing", changed))
    return issues


def _identical(figure: Figure, other: Figure) -> bool:
    return (figure.value, figure.unit, figure.iso) == (other.value, other.unit, other.iso)


def find_support(figure: Figure, index: SourceIndex) -> Figure | None:
    """The source figure stating the same quantity of the same thing, if any."""
    return next(supports(figure, index), None)


def supports(figure: Figure, index: SourceIndex) -> Iterator[Figure]:
    """Every source figure stating the same quantity of the same thing, in source order."""
    if figure.kind == "vague":
        yield from _vague_supports(figure, index)
    elif figure.kind == "date":
        yield from (c for c in index.by_group["date"] if _same_date(figure.iso, c.iso, index))
    elif figure.kind == "time":
        yield from (c for c in index.by_group["time"] if c.iso == figure.iso)
    elif figure.kind == "year":
        yield from (c for c in index.by_group["number"] if c.value == figure.value)
        yield from (c for c in index.by_group["date"] if c.iso.startswith(f"{int(figure.value)}-"))
    else:
        yield from (c for c in index.by_group[_group(figure)]
                    if _same_value(figure, c) and _same_thing(figure, c, index))


def find_contradiction(figure: Figure, index: SourceIndex) -> Figure | None:
    """A source figure that gives a different value for what looks like the same thing."""
    if figure.vague:
        return None
    group = "number" if figure.kind == "year" else _group(figure)
    best, best_overlap = None, 0
    for candidate in index.by_group[group]:
        if figure.kind == "year" and candidate.kind != "year":
            continue
        if figure.kind in _NOUN_KINDS:
            if candidate.kind != "year" and figure.nouns and _nouns_meet(figure, candidate):
                return candidate
            continue
        overlap = len(figure.context & candidate.context)
        if overlap >= 2 and overlap > best_overlap:
            best, best_overlap = candidate, overlap
    return best


def _same_value(figure: Figure, candidate: Figure) -> bool:
    if figure.unit != candidate.unit:
        if figure.kind not in _MEASURES:
            return False
        converted = convert(candidate.value, candidate.unit, figure.unit)
        return (abs(converted - figure.value) <= 0.5 * 10 ** -figure.decimals
                or abs(converted - figure.value) <= _CONVERSION_TOLERANCE * abs(figure.value))
    if math.isclose(figure.value, candidate.value, rel_tol=1e-9):
        return True
    if figure.qualifier and figure.kind != "ordinal":
        return _within_hedge(figure, candidate.value)
    return False


def _within_hedge(figure: Figure, value: float) -> bool:
    """Whether a hedged round figure ("about 300,000", "more than 10") is true of `value`: within one
    step of its precision, on the side its hedge allows."""
    step = _rounding_step(figure)
    if step <= 1:
        return False
    direction = HEDGES[figure.qualifier]
    if direction == "above":
        return figure.value <= value < figure.value + step
    if direction == "below":
        return figure.value - step < value <= figure.value
    return abs(value - figure.value) <= step / 2


def _rounding_step(figure: Figure) -> float:
    """The precision a round figure is written to: 1e5 for "300,000"."""
    if figure.decimals or not figure.value:
        return 10 ** -figure.decimals
    value, step = int(figure.value), 1
    while value % (step * 10) == 0:
        step *= 10
    return step


def _same_thing(figure: Figure, candidate: Figure, index: SourceIndex) -> bool:
    """Whether two figures with equal values count the same thing (only asked of noun kinds).

    Their nouns meet when one is named next to the other, directly or through the synonym lexicon. If
    not, and the candidate counts something else while the source names the summary's noun elsewhere
    ("second time" / "second city ... for the first time") or the lexicon knows both nouns ("fifth
    week" / "fifth day"), they differ. Otherwise (no noun on the source side, or a paraphrase the
    source never uses) two shared words around them decide.
    """
    if figure.kind not in _NOUN_KINDS or not figure.nouns:
        return True
    if _nouns_meet(figure, candidate):
        return True
    if figure.lang != candidate.lang:  # no shared words to compare across languages; trust the lexicon
        return not (_knows(figure) and _knows(candidate))
    if candidate.nouns and (figure.nouns & index.vocabulary or (_knows(figure) and _knows(candidate))):
        return False
    return len(figure.context & candidate.context) >= 2


def _nouns_meet(figure: Figure, candidate: Figure) -> bool:
    """One figure's noun is named next to the other ("11 villages" / "11 towns and villages",
    "killed 500,000 people" / "500 000 morts")."""
    return bool(figure.nouns & candidate.near or candidate.nouns & figure.near)


def _knows(figure: Figure) -> bool:
    return figure.noun is not None and any(known_concept(w) for w in figure.noun.split())


def _vague_supports(figure: Figure, index: SourceIndex) -> Iterator[Figure]:
    """Vague quantities of an agreeing class, or numbers in the class's range, counting the same thing."""
    low, high = VAGUE_RANGES[figure.unit]
    yield from (c for c in index.by_group["vague"]
                if _vague_classes_agree(figure.unit, c.unit) and _same_thing(figure, c, index))
    yield from (c for c in index.by_group["number"]
                if c.kind == "count" and low <= c.value <= high and _same_thing(figure, c, index))


def _vague_classes_agree(summary_class: str, source_class: str) -> bool:
    if summary_class == source_class:
        return True
    if summary_class == "many":
        return source_class not in ("few", "dozen")
    return {summary_class, source_class} == {"few", "dozen"}


def _parse_iso(iso: str) -> tuple[int | None, int, int | None]:
    """"2024-12-03" / "--12-03" / "2017-03" → (year or None, month, day or None)."""
    if iso.startswith("--"):
        year, rest = None, iso[2:]
    else:
        year_text, _, rest = iso.partition("-")
        year = int(year_text)
    month, _, day = rest.partition("-")
    return year, int(month), int(day) if day else None


def _same_date(summary_iso: str, source_iso: str, index: SourceIndex) -> bool:
    """Same month and day; a year the source date lacks must appear elsewhere in the source."""
    year, month, day = _parse_iso(summary_iso)
    source_year, source_month, source_day = _parse_iso(source_iso)
    if month != source_month or (day is not None and day != source_day):
        return False
    if year is None or year == source_year:
        return True
    return source_year is None and year in index.years
