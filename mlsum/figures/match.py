"""Check a summary's figures against its sources, a reference's against a summary, a translation's
against its original.

Each summary figure gets a status and the basis for it:

- `supported`: a source states the same quantity (values normalized: units converted, hedges and
  rounding allowed for, number words read). Basis `same thing` when what it counts agrees too (same
  noun, synonym or French equivalent, or shared words around both); `same value` when the value is
  there but the checker cannot tell whether it counts the same thing (a paraphrase it does not know:
  "870 infections" / "870 people infected" is fine, and a guess would cry wolf). A source states some
  numbers without digits, and these count: "both committees", "his maiden title", "Ana Ruiz, 29, and
  Li Wei, 56" (two people, `same value` for "two men"), "until now, men were barred from donating"
  (a first time, for "men may donate for the first time": a sentence sharing a word).
- `contradicted`: a source gives another value for the same thing (same counted noun, or for measures,
  dates and ages the same surroundings; the same person for an age in apposition), and does not give
  this value for it, nor is it a value a bound allows ("more than 50" is not contradicted by 80).
  Basis `other value`.
- `unsupported`: no source states this value, nor another for the same thing (basis `not found`); or
  the value appears only for other things, named, while the summary's own thing appears with no value
  (basis `other thing`: "the first round" where the article's only "first" is a first half); or it is
  the sum or difference of two figures stated together (basis `computed`: "five" for "three men and
  two women"), which may be right but is not stated: never `contradicted`.

Vague quantities ("a few", "several") are checked too but never scored. So are weekdays ("on Friday"),
unless a source gives the same event another day, in a sentence sharing three words with the summary's
and never the summary's day: then the weekday is `contradicted` and scored.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from itertools import chain
from operator import attrgetter
from typing import Any

from .extract import (NOVELTY, Figure, extract_figures, guess_lang, implied_figures, lower_keeping_offsets,
                      weekday_figures, written_figures)
from ..vocab import SCALES
from .lexicon import AMBIGUOUS_SHORT_UNITS, HEDGES, PAST_AGE_BEFORE, PERSON_NOUNS, UNITS, VAGUE_RANGES
from .numbers import concepts, known_concept
from .patterns import SCORE
from .units import convert, convert_temperature

SUPPORTED, UNSUPPORTED, CONTRADICTED = "supported", "unsupported", "contradicted"
STATUSES = (SUPPORTED, CONTRADICTED, UNSUPPORTED)
SAME_THING, SAME_VALUE, COMPUTED = "same thing", "same value", "computed"
OTHER_VALUE, OTHER_THING, NOT_FOUND = "other value", "other thing", "not found"
BASES = {SUPPORTED: (SAME_THING, SAME_VALUE), CONTRADICTED: (OTHER_VALUE,),
         UNSUPPORTED: (COMPUTED, OTHER_THING, NOT_FOUND)}

# Kinds whose identity is the noun they count; the others are identified by their unit or calendar.
_NOUN_KINDS = {"count", "ordinal", "rank", "percent", "fraction", "vague", "magnitude"}
_MEASURES = {"distance", "duration", "area", "mass", "volume", "speed", "energy", "power", "data", "frequency"}
_ROUNDED_KINDS = {"money", "percent", "count", *_MEASURES}  # what a summary may round
_FRACTION_POINTS = 3.5  # "a third" for 33 %, 35 %; not for 30 %
_COMPUTED_WINDOW = 200  # two figures summed or subtracted are stated within this many characters
_WEEKDAY_WORDS = 3  # words a sentence giving another weekday must share with the summary's to contradict it
_CONTRADICTION_WORDS = 1  # words besides the noun that another value's sentence must share to contradict
_NOVELTY_WORDS = 1  # content words around "until now" that "for the first time" must share (one: fitted)
_CONVERSION_SHARE = 0.05  # "100 km (60 miles)" for 62.1; not "3,000 miles" for 5,150 km (3,200 miles)
_ROUNDING_SHARE = 0.03  # "1.8 million" for 1,765,000, "£10m" for £10.25m; not "$2 billion" for $1.8bn
_WORD = re.compile(r"[^\W\d_][\w'’]*")
_OCCASIONS = frozenset(concepts("times")) | frozenset(concepts("fois", "fr"))
_PEOPLE = frozenset(concepts("people"))
_PERSONS = frozenset(c for w in PERSON_NOUNS for lang in ("en", "fr") for c in concepts(w, lang)) - _PEOPLE
_ISO_WEEKDAYS = ("1", "2", "3", "4", "5", "6", "7")
_OUTCOMES = (frozenset(concepts("killed") + concepts("died")), frozenset(concepts("injured")))  # tolls
_OUTCOME_WORDS = frozenset().union(*_OUTCOMES)
_BARE_MATCHES = {"money", "percent", "temperature", "age"}  # what a number without a unit may be


def _group(figure: Figure) -> str:
    """Figures that can state the same quantity share a group; only these are compared."""
    if figure.kind in ("count", "year"):
        return "number"
    if figure.kind in ("percent", "money"):
        return f"{figure.kind}:{figure.unit}"
    return figure.kind


class _Groups(defaultdict):
    """A source's figures by `_group`; its weekdays are read at the first look-up of group "weekday",
    and those of one day at the first `of_day` (only a summary's weekday looks them up: most summaries
    have none). It keeps what it reads them from, never the index (a cycle would leave every index the
    cache lets go to the garbage collector)."""

    def __init__(self, written: list[Figure] | None = None, reader: Any = None) -> None:
        super().__init__(list)
        self.written, self.reader, self.days = written, reader, {}

    def __missing__(self, group: str) -> list[Figure]:
        if group == "weekday" and self.reader is not None:
            days = chain.from_iterable(map(self.of_day, _ISO_WEEKDAYS))
            found = self[group] = sorted(days, key=attrgetter("start"))
            return found
        return super().__missing__(group)

    def of_day(self, iso: str) -> list[Figure]:
        """The weekdays of ISO day `iso` ("5": the Fridays), in reading order, cached."""
        found = self.days.get(iso)
        if found is None:
            if self.reader is None or "weekday" in self:
                found = [f for f in self["weekday"] if f.iso == iso]
            else:
                found = weekday_figures(self.written, self.reader, iso)
            self.days[iso] = found
        return found


class SourceIndex:
    """A source's figures grouped for lookup, built once per source text: those written and, as
    evidence, those it implies ("both committees"; see `extract_figures`). Its weekdays are read when
    first looked up (group "weekday", or `figures`)."""

    def __init__(self, text: str, lang: str | None = None, implied: bool = True) -> None:
        self.text = text
        self.lang = lang if lang in ("en", "fr") else guess_lang(text)
        if implied:
            written, reader = written_figures(text, self.lang)
            stated = implied_figures(reader)
            self._written, self._stated = written, stated
            # the figures but weekdays, in the order of `extract_figures` (weekdays are only of their group)
            self._without_weekdays = sorted(written + stated, key=attrgetter("start"))
            self.by_group: _Groups = _Groups(written, reader)
        else:  # every figure, weekdays too (they are of no other group)
            self._without_weekdays = self.figures = extract_figures(text, self.lang)
            self.by_group = _Groups()
        for figure in self._without_weekdays:
            self.by_group[_group(figure)].append(figure)
        self.years = {int(f.value) for f in self.by_group["number"] if f.value is not None
                      and f.value.is_integer() and 1800 <= f.value <= 2100}
        self.years |= {int(f.iso[:4]) for f in self.by_group["date"] if f.iso[:4].isdigit()}

    def weekdays(self, iso: str) -> list[Figure]:
        """The source's weekdays of ISO day `iso` ("5": its Fridays), in reading order: a summary's
        weekday that the same day agrees with needs no other."""
        return self.by_group.of_day(iso)

    @cached_property
    def figures(self) -> list[Figure]:
        """Every figure of the source in reading order, as `extract_figures(text, implied=True)` gives them."""
        return sorted(self._written + self.by_group["weekday"] + self._stated, key=attrgetter("start"))

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Concepts of every word of the source: tells a paraphrase from a noun the source uses."""
        return frozenset(c for w in set(_WORD.findall(self.text.lower())) for c in concepts(w, self.lang))

    @cached_property
    def scores(self) -> list[Figure]:
        """Every "3-2" of the source, whatever the words around it: an article may give a score where
        nothing says it is one ("a 7-6, 1-6, 6-3 progression")."""
        low = lower_keeping_offsets(self.text)
        dashed = [Figure(m.group(), m.start(), m.end(), None, None, "score",
                         iso=f"{int(m.group('a'))}-{int(m.group('b'))}", lang=self.lang, text_lower=low)
                  for m in SCORE.finditer(low)]
        return dashed + [f for f in self.by_group["score"] if "-" not in f.text and "–" not in f.text]

    @cached_property
    def _starts(self) -> list[int]:
        return [f.start for f in self._without_weekdays]

    def counted_elsewhere(self, candidate: Figure, figure: Figure) -> bool:
        """Whether another number of the source, in the candidate's context, counts what the summary
        figure counts, with another value: "two earthquakes left more than 20 people dead" has a two,
        but its people are twenty ("killing two people" is not supported by it)."""
        left, right = candidate.context_span()
        figures = self._without_weekdays
        for i in range(bisect_left(self._starts, left), bisect_left(self._starts, right)):
            other = figures[i]
            if other is not candidate and other.value != figure.value and other.nouns & figure.nouns:
                return True
        return False

    @cached_property
    def numbers(self) -> list[Figure]:
        """Every figure with a plain value a magnitude or a sum can be made of (counts, money, years)."""
        return [f for f in self._without_weekdays if f.value is not None and f.kind in ("count", "money")]

    def computed(self, group: str) -> dict[float, tuple[Figure, Figure]]:
        """Sums and differences of two figures of `group` stated close together, by value."""
        cache = self.__dict__.setdefault("_computed", {})
        if group not in cache:
            found: dict[float, tuple[Figure, Figure]] = {}
            figures = [f for f in self.by_group[group] if f.value is not None and f.kind != "year"]
            for i, a in enumerate(figures):
                for b in figures[i + 1:]:
                    if b.start - a.end > _COMPUTED_WINDOW:
                        break
                    for value in (a.value + b.value, abs(a.value - b.value)):
                        found.setdefault(round(value, 6), (a, b))
            cache[group] = found
        return cache[group]


@lru_cache(maxsize=256)
def index_source(text: str, lang: str | None = None) -> SourceIndex:
    """The index of a source, cached: evaluations check several summaries against the same article."""
    return SourceIndex(text, lang)


@dataclass
class FigureMatch:
    """A summary figure, its status, the basis for it (see the module docstring), and the source figure
    it rests on: the one that supports it, the other value that contradicts it, or for `other thing`
    the same value said of something else."""

    figure: Figure
    status: str
    evidence: Figure | None = None
    evidence_source: int | None = None  # which of the checked texts `evidence` is in (its offsets' text)
    basis: str = NOT_FOUND

    def to_dict(self) -> dict[str, Any]:
        """The figure (with its offsets in the summary) and its evidence, located in the source:
        `evidence_source` indexes the texts it was checked against, `evidence_start`/`_end` are
        character offsets into that text."""
        found = self.evidence
        return {**self.figure.to_dict(), "status": self.status, "basis": self.basis,
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
    return FigureCheck([judge(figure, indexes) for figure in extract_figures(summary, lang)])


def judge(figure: Figure, indexes: Sequence[tuple[int, SourceIndex]]) -> FigureMatch:
    """The status of one summary figure against the indexed sources (see the module docstring)."""
    if figure.kind == "weekday":
        return _judge_weekday(figure, indexes)
    if figure.kind == "date" and _parse_iso(figure.iso)[2] is None:
        return _judge_month(figure, indexes)
    same = []
    for position, index in indexes:
        for candidate in supports(figure, index):
            if _agrees(figure, candidate, index):
                return FigureMatch(figure, SUPPORTED, candidate, position, SAME_THING)
            same.append((candidate, position))
    other = _first(find_contradiction, figure, indexes)
    if same and _ranks_a_noun(figure):  # "the first round" is not the article's "first half"
        if other is not None:
            return FigureMatch(figure, CONTRADICTED, *other, OTHER_VALUE)
        return FigureMatch(figure, UNSUPPORTED, *same[0], OTHER_THING)
    if same:
        if other is not None and _of_the_same(figure, other[0], [c for c, _ in same]):
            return FigureMatch(figure, CONTRADICTED, *other, OTHER_VALUE)
        plausible = max(((c, position) for c, position in same for p, index in indexes
                         if p == position and not _disagrees(figure, c, index)),
                        key=lambda found: len(figure.context & found[0].context), default=None)
        if plausible is not None:  # the evidence: the one whose sentence is most like the figure's
            return FigureMatch(figure, SUPPORTED, *plausible, SAME_VALUE)
        if other is not None:
            return FigureMatch(figure, CONTRADICTED, *other, OTHER_VALUE)
        if figure.kind == "age":  # "the 34-year-old" names no one: the same age is the best evidence
            return FigureMatch(figure, SUPPORTED, *same[0], SAME_VALUE)
    listed = _first(_listed, figure, indexes)
    if listed is not None:  # "two men" where the article names two men
        return FigureMatch(figure, SUPPORTED, *listed, SAME_VALUE)
    if same:
        return FigureMatch(figure, UNSUPPORTED, *same[0], OTHER_THING)
    computed = _first(_computed_support, figure, indexes)
    if computed is not None:  # may be right, but the checker does not vouch for arithmetic
        return FigureMatch(figure, UNSUPPORTED, *computed, COMPUTED)
    if other is not None:
        return FigureMatch(figure, CONTRADICTED, *other, OTHER_VALUE)
    return FigureMatch(figure, UNSUPPORTED, basis=NOT_FOUND)


def _judge_weekday(figure: Figure, indexes: Sequence[tuple[int, SourceIndex]]) -> FigureMatch:
    """A weekday is judged by the event it dates (`_judge_by_event`); unsupported, it is not scored (see
    `extract._with_weekdays`)."""
    same = [(c, position) for position, index in indexes for c in index.weekdays(figure.iso)]
    return _judge_by_event(figure, same, lambda: (
        (c, position) for position, index in indexes for c in index.by_group["weekday"] if c.iso != figure.iso))


def _judge_month(figure: Figure, indexes: Sequence[tuple[int, SourceIndex]]) -> FigureMatch:
    """A month alone ("brokered in March", "in March 2011") names no day to tell one event from another,
    as a weekday: judged by the event it dates (`_judge_by_event`), against the source's dates of this
    month and of others (of its year, if it gives one)."""
    year, month, _ = _parse_iso(figure.iso)
    same = [(c, position) for position, index in indexes for c in supports(figure, index)]
    return _judge_by_event(figure, same, lambda: (
        (c, position) for position, index in indexes for c in index.by_group["date"]
        if _other_month(c.iso, year, month)))


def _other_month(iso: str, year: int | None, month: int) -> bool:
    """Whether a source date is of another month, in the summary's year if it gives one."""
    other_year, other_month, _ = _parse_iso(iso)
    return other_month != month and (year is None or other_year in (None, year))


def _judge_by_event(figure: Figure, same: list[tuple[Figure, int]], others) -> FigureMatch:
    """Supported by the same day or month in a source (the one whose sentence is most like the summary's
    is the evidence); contradicted, and then scored, when a source states another in a sentence that
    shares three words with the summary's ("surrendered himself to police on Friday" / "ran from police
    but surrendered himself on Thursday") and gives this one only in sentences sharing fewer than two (of
    another event), or never; else unsupported."""
    def shared(found: tuple[Figure, int]) -> int:
        return len(figure.context & found[0].context)

    agreeing = next((d for d in same if shared(d) >= 2), None)  # the first, as for any figure
    if agreeing is not None:  # the same event's date: no need to read the others
        return FigureMatch(figure, SUPPORTED, *agreeing, SAME_THING)
    best = max(same, key=shared, default=None)
    other = max(others(), key=shared, default=None)
    if best is not None and (other is None or shared(other) < _WEEKDAY_WORDS):
        return FigureMatch(figure, SUPPORTED, *best, SAME_THING if shared(best) >= 2 else SAME_VALUE)
    if other is not None and shared(other) >= _WEEKDAY_WORDS:
        return FigureMatch(replace(figure, vague=False), CONTRADICTED, *other, OTHER_VALUE)
    return FigureMatch(figure, UNSUPPORTED, basis=NOT_FOUND)


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
            items.append(FigureMatch(figure, SUPPORTED, found, 0, SAME_VALUE) if found
                         else FigureMatch(figure, UNSUPPORTED))
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
    original = SourceIndex(source_fr, "fr", implied=False)  # the figures as written, on both sides
    translation = SourceIndex(translation_en, "en", implied=False)
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


# Same value ----------------------------------------------------------------------------------------

def find_support(figure: Figure, index: SourceIndex) -> Figure | None:
    """The source figure stating the same quantity, one that counts the same thing first."""
    found = list(supports(figure, index))
    return next((c for c in found if _agrees(figure, c, index)), found[0] if found else None)


def supports(figure: Figure, index: SourceIndex) -> Iterator[Figure]:
    """Every source figure stating the same quantity (whatever it counts), in source order."""
    kind, groups = figure.kind, index.by_group
    if kind == "vague":
        yield from _vague_supports(figure, index)
    elif kind == "magnitude":
        yield from _magnitude_supports(figure, index)
    elif kind == "date":
        yield from (c for c in groups["date"] if _same_date(figure.iso, c.iso, index))
    elif kind == "time":
        yield from (c for c in groups["time"] if c.iso == figure.iso)
    elif kind == "score":
        yield from (c for c in index.scores if _same_iso(figure, c))
    elif kind == "year":
        yield from (c for c in groups["number"] if c.value == figure.value)
        yield from (c for c in groups["date"] if c.iso.startswith(f"{int(figure.value)}-"))
    elif kind == "decade":
        yield from (c for c in groups["decade"] if c.value == figure.value)
        yield from (c for c in groups["number"] if c.kind == "year" and 0 <= c.value - figure.value < 10)
        yield from (c for c in groups["date"] if c.iso[:3] == str(int(figure.value))[:3])
    elif kind == "temperature":
        yield from (c for c in groups["temperature"] if _same_temperature(figure, c))
    elif kind == "fraction":
        yield from (c for c in groups["fraction"] if abs(c.value - figure.value) < 0.01)
        yield from (c for c in groups["percent:%"] if _fraction_is(figure, c.value))
    elif kind == "age":
        ages = [c for c in groups["age"] if _same_value(figure, c)]
        ages += [c for c in groups["number"] if c.kind == "count" and c.noun is None and c.value == figure.value]
        now = not _past_age(figure, figure.text_lower)
        yield from (c for c in ages if not (now and _past_age(c, index.text)))
    elif kind in ("rank", "ordinal"):
        first_time = figure.value == 1 and _is_occasion(figure)  # what "until now" may support
        yield from (c for c in (*groups["rank"], *groups["ordinal"]) if c.value == figure.value
                    and (c.unit != NOVELTY or first_time))
    else:
        yield from (c for c in groups[_group(figure)] if c.value is not None and _same_value(figure, c))
        if kind == "distance" and figure.unit == "meter" and figure.text[-1:].lower() == "m":
            millions = figure.value * 1e6  # "worth about 25m": "m" is as often million as metres
            yield from (c for c in index.numbers if c.value == millions)
        if kind == "percent":
            # "33 %" for "a third"; not "24 %": a summary more precise than its source did not read it there
            yield from (c for c in groups["fraction"] if abs(100 * c.value - figure.value) < 1)
        elif kind == "count" and figure.value.is_integer() and figure.value < 120:
            yield from (c for c in groups["age"] if c.value == figure.value)
        if kind == "count":
            yield from _bare_supports(figure, index)
            yield from (c for c in index.by_group["ordinal"] if c.value == figure.value >= 2
                        and figure.nouns & c.nouns)  # "his second try": he scored two tries


def _past_age(candidate: Figure, text: str) -> bool:
    """An age a text dates to the past ("ill since the age of three", "dès l'âge de 5 ans"): no support
    for how old the person is now ("a three-year-old boy"), only for the same past age."""
    return PAST_AGE_BEFORE.search(text, max(0, candidate.start - 30), candidate.start) is not None


def _bare_supports(figure: Figure, index: SourceIndex) -> Iterator[Figure]:
    """A number without a unit of its own claims only its value, which a source's money, share,
    temperature or age may carry: "110,000" (no noun) or "a 1m bill" (a scaled count) in "£110,000", "£1m";
    a measure only in the unit a detached letter may be ("a 46 m well" for "46m", not for "46 km"), not
    "eight of them" for "8 seconds". A number before a detached letter may be a scale too ("a 10.25 m
    loan", "£10.25m")."""
    first = figure.noun.split()[0].lower() if figure.noun else None
    unit = UNITS[first][0] if first in AMBIGUOUS_SHORT_UNITS and first in UNITS else None
    if figure.noun is not None and figure.scale == 1 and unit is None:
        return
    yield from (c for c in index._without_weekdays if c.value == figure.value
                and (c.kind in _BARE_MATCHES or c.unit == unit is not None))
    if first in SCALES:
        scaled = figure.value * SCALES[first]
        yield from (c for c in index._without_weekdays if c.value == scaled and c.kind in {"count", *_BARE_MATCHES})


def _same_iso(figure: Figure, candidate: Figure) -> bool:
    if figure.iso == candidate.iso:
        return True
    return figure.kind == "score" and figure.iso.split("-")[::-1] == candidate.iso.split("-")


def _same_value(figure: Figure, candidate: Figure) -> bool:
    if figure.unit != candidate.unit:
        if figure.kind not in _MEASURES or candidate.kind != figure.kind:
            return False
        converted = convert(candidate.value, candidate.unit, figure.unit)
        difference = abs(converted - figure.value)
        return difference <= 0.5 * _rounding_step(figure) and difference <= _CONVERSION_SHARE * abs(converted)
    if math.isclose(figure.value, candidate.value, rel_tol=1e-9):
        return not _bound_of_exact(figure, candidate)
    if figure.qualifier and figure.kind not in ("ordinal", "rank"):
        if _same_bound(figure, candidate):
            return _rounds_bound(figure, candidate.value)
        if HEDGES.get(figure.qualifier) == HEDGES.get(candidate.qualifier) == "near":
            # an estimate retold: the source's rounded coarser ("about 2,000" for "some 1,800", "about
            # 2.5 million" for "some 2.3 million"), not another estimate ("une vingtaine" for "une quinzaine")
            step = _rounding_step(figure)
            return abs(figure.value - candidate.value) < _round_step(figure.value, step) / 2
        return _within_hedge(figure, candidate.value)
    return _rounds_to(figure, candidate.value)


# Bounds that exclude the value they name; not "over", which is as often a preposition ("control over 11
# towns") as a bound.
_STRICTLY_ABOVE = frozenset({"more than", "upwards of", "in excess of", "plus de", "au-delà de"})


def _same_bound(figure: Figure, candidate: Figure) -> bool:
    """Whether both figures are bounds the same way ("over 40", "more than 50"): a bound retold is
    the bound the source gives, not a looser one."""
    direction = HEDGES.get(figure.qualifier)
    return direction in ("above", "below") and HEDGES.get(candidate.qualifier) == direction \
        and figure.qualifier not in ("up to", "jusqu'à") and candidate.qualifier not in ("up to", "jusqu'à")


def _rounds_bound(figure: Figure, bound: float) -> bool:
    """Whether a bound retells the source's bound, rounded to its own precision the way the bound
    allows: "more than £2m" for "more than £2.3m", not "over 40 missing" for "more than 50 missing"."""
    step = _rounding_step(figure)
    slack = bound - figure.value if HEDGES.get(figure.qualifier) == "above" else figure.value - bound
    return 0 <= slack < step


def _bound_of_exact(figure: Figure, candidate: Figure) -> bool:
    """Whether the source bounds the value the summary states exactly: "more than 70 tackles" ("70-plus")
    is not support for "70 tackles", which the source says were exceeded."""
    return figure.qualifier is None and candidate.qualifier in _STRICTLY_ABOVE \
        and figure.kind in ("count", "money", "percent")


def _rounds_to(figure: Figure, value: float) -> bool:
    """Whether `value` written to the summary figure's precision is the figure: "1.8 million" for
    1,765,000, "12%" for 12.4 %, but not "300,000" for 310,000 (which states every digit)."""
    if figure.kind not in _ROUNDED_KINDS:
        return False
    if figure.scale != 1:
        step = figure.scale * 10 ** -figure.decimals
    elif figure.kind in ("percent",) or figure.kind in _MEASURES:
        step = 10 ** -figure.decimals
    else:
        return False
    difference = abs(value - figure.value)
    return 0 < difference < step / 2 + 1e-9 and difference <= _ROUNDING_SHARE * abs(value)


def _within_hedge(figure: Figure, value: float) -> bool:
    """Whether a hedged figure is true of `value`, read as a news reader reads it: a round figure after
    "more than" stands for up to a third more and short of the next round figure ("more than 50" for
    63, not for 70; "more than 300,000" for 310,000; not "more than 7.5 million" for 9 million), an
    exact one for itself ("at least 14" is not how one writes 16); "nearly"/"almost" for a little less
    (within half its rounding step: "nearly $800" for $760, not $700); "up to" is a cap, stated
    exactly; "about" for what rounds to it, or lies within a tenth and closer than the next figure
    written as round ("about 1,500" for 1,420 and "about 2.5 million" for 2.3 million, not "about 460"
    for 450 nor "about $479,000" for $449,000: a figure written to three digits is no round estimate)."""
    direction = HEDGES.get(figure.qualifier)
    x = figure.value
    step = _rounding_step(figure)
    if direction == "above":
        return x <= value <= (min(1.3 * x, x + _round_step(x, step)) if step >= 10 else x)
    if figure.qualifier in ("up to", "jusqu'à"):
        return value == x
    if direction == "below":
        return x - max(step / 2, 0.05 * x) <= value <= x
    difference = abs(value - x)
    return difference <= step / 2 or difference <= 0.1 * abs(x) and difference < _round_step(x, step)


def _round_step(value: float, step: float) -> float:
    """The step between round figures like `value`: five steps of its precision when it is a multiple
    of five of them ("1,500", "2.5 million", "15"), else one ("460")."""
    return 5 * step if round(value / step) % 5 == 0 else step


def _rounding_step(figure: Figure) -> float:
    """The precision a round figure is written to: 1e5 for "300,000"."""
    if figure.decimals or not figure.value or not figure.value.is_integer():
        return 10 ** -figure.decimals * figure.scale
    value, step = int(figure.value), 1
    while value % (step * 10) == 0:
        step *= 10
    return step


def _fraction_is(figure: Figure, percent: float) -> bool:
    """"a third" of 33 %, "more than half" of 58 %."""
    if figure.qualifier:
        scaled = Figure(figure.text, figure.start, figure.end, 100 * figure.value, "%", "percent",
                        qualifier=figure.qualifier)
        return _within_hedge(scaled, percent)
    return abs(percent - 100 * figure.value) <= _FRACTION_POINTS


def _same_temperature(figure: Figure, candidate: Figure) -> bool:
    if "degree" in (figure.unit, candidate.unit):  # "40 degrees": either scale, as written
        return abs(figure.value - candidate.value) <= 0.5 * 10 ** -figure.decimals
    converted = convert_temperature(candidate.value, candidate.unit, figure.unit)
    return abs(converted - figure.value) <= max(0.5 * 10 ** -figure.decimals, 0.5)


def _magnitude_supports(figure: Figure, index: SourceIndex) -> Iterator[Figure]:
    """"thousands" is true of a magnitude of its class or inside it, and of a number in its range."""
    low, high = VAGUE_RANGES[figure.unit]
    for c in index.by_group["magnitude"]:
        c_low, c_high = VAGUE_RANGES[c.unit]
        if low <= c_low and c_high <= high * 10 or c.unit == figure.unit:
            yield c
    yield from (c for c in index.numbers if low <= c.value <= high or _bound_reaches(c, low, high))


def _bound_reaches(candidate: Figure, low: float, high: float) -> bool:
    """A cap just above an order of magnitude allows it: "up to a million people" may be thousands (not
    hundreds)."""
    return candidate.qualifier in ("up to", "jusqu'à") and high < candidate.value <= 10 * high


def _vague_supports(figure: Figure, index: SourceIndex) -> Iterator[Figure]:
    """Vague quantities of an agreeing class, or numbers in the class's range, counting the same thing."""
    low, high = VAGUE_RANGES[figure.unit]
    yield from (c for c in index.by_group["vague"]
                if _vague_classes_agree(figure.unit, c.unit) and _agrees(figure, c, index))
    yield from (c for c in index.by_group["number"]
                if c.kind == "count" and low <= c.value <= high and _agrees(figure, c, index))


def _vague_classes_agree(summary_class: str, source_class: str) -> bool:
    if summary_class == source_class:
        return True
    if summary_class == "many":
        return source_class not in ("few",)
    return False


def _listed(figure: Figure, index: SourceIndex) -> Figure | None:
    """A list of as many named people as a count of people (or of nothing named) says: its evidence
    when nothing contradicts the count."""
    if figure.kind != "count" or figure.qualifier or (figure.nouns and not figure.nouns & (_PEOPLE | _PERSONS)):
        return None
    return next((c for c in index.by_group["list"] if c.value == figure.value), None)


def _computed_support(figure: Figure, index: SourceIndex) -> Figure | None:
    """A count or amount that is the sum or difference of two stated close together: the second of
    them is the evidence (the report shows where the computation starts)."""
    if figure.kind not in ("count", "money") or figure.value is None or figure.qualifier:
        return None
    pair = index.computed(_group(figure)).get(round(figure.value, 6))
    return pair[0] if pair else None


# Same thing ----------------------------------------------------------------------------------------

def _agrees(figure: Figure, candidate: Figure, index: SourceIndex) -> bool:
    """Whether two figures stating the same value say it of the same thing (`_same_thing`), and not of
    two outcomes of it (`_another_outcome`) nor of two names (`_another_holder`)."""
    return _same_thing(figure, candidate, index) and not _another_outcome(figure, candidate) \
        and not _another_holder(figure, candidate, index)


def _same_thing(figure: Figure, candidate: Figure, index: SourceIndex) -> bool:
    """Whether two figures stating the same value say it of the same thing: one's noun is named next
    to the other ("11 villages" / "11 towns and villages", "killed 500,000 people" / "500 000 morts"),
    or two words around them are shared. An ordinal or a rank is what it ranks: its noun decides
    ("first round" is not "first half", however alike their sentences), and an article's ordinal that
    elides its noun ("his second of the game") ranks the same thing only in a sentence sharing three
    words. Measures, dates and times are what their unit says, unless both count a named noun that
    differs. The summary's noun around a candidate that another number counts is not the candidate's
    ("two earthquakes left 20 people dead" has no two people; "his first shots, by three-putting" no
    three shots)."""
    if candidate.unit == NOVELTY:  # "for the first time" / "until now, ...": one event if a word is shared
        return len(figure.context & candidate.context) >= _NOVELTY_WORDS
    if _ranks_a_noun(figure):
        if candidate.kind != figure.kind:
            return False
        if candidate.nouns:
            return bool(figure.nouns & candidate.nouns)
        return len(figure.context & candidate.context) >= 3  # "his second [try] of the game": elided
    if _named_by(figure, candidate) or _people_of_a_kind(figure, candidate):
        return True
    if figure.nouns and figure.nouns & candidate.near:  # the summary's noun named next to the candidate
        return not _claimed_elsewhere(figure, candidate, index)
    if figure.lang != candidate.lang:  # no shared words to compare across languages; trust the lexicon
        return not (_knows(figure) and _knows(candidate))
    if _occasion_of_other_thing(figure, candidate):
        return False
    if figure.nouns and candidate.nouns and (not figure.nouns & candidate.context
                                             or _claimed_elsewhere(figure, candidate, index)):
        return False  # "12 people" / "a dozen shots" in a sentence about the same shooting
    if len(figure.context & candidate.context) >= 2:
        return True
    if figure.kind not in _NOUN_KINDS and figure.kind != "age":
        return not (figure.nouns and candidate.nouns)
    return False


def _disagrees(figure: Figure, candidate: Figure, index: SourceIndex) -> bool:
    """Whether the candidate plainly says its value of something else (`_other_thing`), of another
    outcome of the same event (`_another_outcome`) or of another name (`_another_holder`)."""
    return _other_thing(figure, candidate, index) or _another_outcome(figure, candidate) \
        or _another_holder(figure, candidate, index)


def _other_thing(figure: Figure, candidate: Figure, index: SourceIndex) -> bool:
    """Whether the candidate plainly says its value of something else: it counts a named noun, the
    summary figure counts another that the source counts elsewhere, and nothing around the candidate
    names the summary's noun ("300,000 jobs" / "300 000 cars", where the source counts jobs too)."""
    if figure.kind == "age":
        return not (figure.near & candidate.near) and len(figure.context & candidate.context) < 1
    if candidate.unit == NOVELTY:
        return len(figure.context & candidate.context) < _NOVELTY_WORDS
    if _occasion_of_other_thing(figure, candidate):
        return True
    if figure.kind in ("ordinal", "rank") and not figure.nouns and _ranks_a_noun(candidate):
        return len(figure.context & candidate.context) < 2  # "moved up to third" / "their third try"
    if not figure.nouns or not (candidate.nouns or candidate.near):
        return False
    if _people_of_a_kind(candidate, figure):  # "two men" where the article counts "two people"
        return False
    if figure.nouns & candidate.context:
        return _claimed_elsewhere(figure, candidate, index)
    if _knows(figure) and _knows(candidate):  # two nouns the lexicon knows, and not as one thing
        return True
    if figure.lang != candidate.lang:  # no shared words to compare across languages
        return False
    return bool(figure.nouns & index.vocabulary) and len(figure.context & candidate.context) < 2


def find_contradiction(figure: Figure, index: SourceIndex) -> Figure | None:
    """A source figure that gives a different value for what is plainly the same thing: the same
    counted noun with a word of its sentence in common, or the only value the source gives that noun
    (noun kinds); the same person (ages); two shared words around it (measures, money, dates). Years
    are contradicted by years only."""
    if figure.vague or figure.kind in ("decade", "magnitude"):
        return None
    if figure.kind == "year":
        candidates = [c for c in index.by_group["number"] if c.kind == "year"]
    elif figure.kind in ("rank", "ordinal"):  # "until now" is evidence of a first time, not against a second
        candidates = [c for c in (*index.by_group["rank"], *index.by_group["ordinal"]) if c.unit != NOVELTY]
    else:
        candidates = index.by_group[_group(figure)]
    if figure.qualifier:  # only a bound ("more than", "under") allows other values
        candidates = [c for c in candidates if not _within_bound(figure, c)]
    if figure.kind in _NOUN_KINDS:
        same_noun = [c for c in candidates if c.kind != "year" and figure.nouns & c.nouns
                     and c.value != figure.value]
        for candidate in same_noun:
            if len(figure.context & candidate.context - figure.nouns) >= _CONTRADICTION_WORDS:
                return candidate
        if figure.kind in ("ordinal", "rank") and len({c.value for c in same_noun}) == 1:
            return same_noun[0]  # the only rank the source gives that noun ("a fifth day"); counts of
        return None              # one noun may be of different sets ("three inmates" of 500)
    best, best_overlap = None, 0
    for candidate in candidates:
        overlap = len(figure.context & candidate.context)
        needed = 1 if figure.kind == "age" and figure.near & candidate.near else 2
        if overlap >= needed and overlap > best_overlap:
            best, best_overlap = candidate, overlap
    return best


def _of_the_same(figure: Figure, other: Figure, same: list[Figure]) -> bool:
    """Whether another value is said of the figure's own noun ("1,000 jobs" where the article has "127
    jobs", and its 1,000 are "people employed"), or of the person its age is of ("Omar Haddad, 8," where
    the article names Omar Haddad as a 13-year-old, and its eight-year-old is someone else)."""
    if figure.nouns & other.nouns:
        return True
    return bool(figure.person) and figure.person <= other.context \
        and not any(figure.person <= c.context for c in same)


def _within_bound(figure: Figure, candidate: Figure) -> bool:
    """A value a bound allows: "more than £100,000" is no contradiction of £2.9m, "under 50" of 12."""
    direction = HEDGES.get(figure.qualifier)
    if figure.value is None or candidate.value is None or direction not in ("above", "below") \
            or figure.unit != candidate.unit:
        return False
    return candidate.value > figure.value if direction == "above" else candidate.value < figure.value


def _ranks_a_noun(figure: Figure) -> bool:
    """An ordinal or rank of a named thing ("first round", "second gold"), whose identity is that noun;
    "the third time" ranks an occasion, which only the sentence identifies."""
    return figure.kind in ("ordinal", "rank") and bool(figure.nouns) and not _is_occasion(figure)


def _is_occasion(figure: Figure) -> bool:
    return figure.kind == "ordinal" and bool(figure.nouns) and figure.nouns <= _OCCASIONS


def _occasion_of_other_thing(figure: Figure, candidate: Figure) -> bool:
    """"for the second time" against "Syria's second city": an occasion is not a thing ranked."""
    return _is_occasion(figure) and candidate.kind == "ordinal" and bool(candidate.nouns) \
        and not candidate.nouns & _OCCASIONS


def _another_outcome(figure: Figure, candidate: Figure) -> bool:
    """Whether the two count different outcomes of one event: "30 people died" / "30 people were
    injured", "12 morts" / "12 blessés" (said next to each figure, and not both next to either)."""
    if not (_OUTCOME_WORDS & figure.context and _OUTCOME_WORDS & candidate.context):
        return False  # most figures: their nearest words are not read (their context is known already)
    said, other = _outcomes(figure.near), _outcomes(candidate.near)
    return bool(said) and bool(other) and not said & other


def _another_holder(figure: Figure, candidate: Figure, index: SourceIndex) -> bool:
    """Whether a share or a sum is another name's, while the source gives the summary's name one of its
    own: "Labour won 45%" where the article has "the Greens won 45%, while Labour took 31%"; "in Lyon,
    9,500 euros" where 9,500 euros are Paris's and Lyon's 4,700."""
    if figure.kind not in ("percent", "money"):
        return False
    held, other = figure.holder, candidate.holder
    if held is None or other is None or held[0] == other[0]:
        return False
    name = held[0]
    if not _a_name(name, index) or (other[1] and not _a_name(other[0], index)) \
            or any(name == n for n, _ in candidate.holders) or set(concepts(other[0], figure.lang)) & figure.context:
        return False  # ("the Greens and Labour won 45%"; "Labour and the Greens won 45%")
    return any(f.holder is not None and f.holder[0] == name and f.value != figure.value
               for f in index.by_group[_group(figure)] if f.value is not None)


def _a_name(word: str, index: SourceIndex) -> bool:
    """Whether the source writes the word with a capital inside a sentence: a name, not a sentence's
    first word."""
    written = re.escape(word[:1].upper() + word[1:])
    return re.search(rf"[\w,;:]\s+(?:[dl]['’])?{written}(?!\w)", index.text) is not None


def _outcomes(near: frozenset[str]) -> set[int]:
    return {i for i, outcome in enumerate(_OUTCOMES) if outcome & near}


def _named_by(figure: Figure, candidate: Figure) -> bool:
    """The candidate's noun named next to the summary figure ("11 towns and villages" for "11 villages",
    "killed 500,000 people" for "500 000 morts")."""
    return bool(candidate.nouns and candidate.nouns & figure.near)


def _claimed_elsewhere(figure: Figure, candidate: Figure, index: SourceIndex) -> bool:
    """Whether what the summary figure counts is, around the candidate, counted by another number of the
    source while the candidate counts something else, or nothing named (ages are of people whoever counts
    them: "two boys aged 15 and 16")."""
    return figure.kind != "age" and bool(figure.nouns) and not figure.nouns & candidate.nouns \
        and figure.lang == candidate.lang and index.counted_elsewhere(candidate, figure)


def _people_of_a_kind(figure: Figure, candidate: Figure) -> bool:
    """The figure counts people and the candidate a kind of them ("two people" / "two men"), in
    sentences that share a word besides these nouns (a family's "four children" are not the "four
    people" a truck killed)."""
    return bool(figure.nouns & _PEOPLE) and bool(candidate.nouns & _PERSONS) \
        and not candidate.nouns & _PEOPLE \
        and bool(figure.context & candidate.context - figure.nouns - candidate.nouns)


def _knows(figure: Figure) -> bool:
    return figure.noun is not None and any(known_concept(w, figure.lang) for w in figure.noun.split())


# Calendar ------------------------------------------------------------------------------------------

@lru_cache(maxsize=4096)
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

