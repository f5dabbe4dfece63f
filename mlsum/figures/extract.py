"""Find every figure in English or French text: its span, normalized value, unit, kind and counted noun.

The text is lower-cased once and scanned with the trigger regex of `patterns`; at each trigger, anchored
regexes read the figure and what follows it (scale, percent, currency, unit, noun). Number words are read
by text2num, units are pint names, month names come from dateparser's tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from operator import itemgetter
from typing import Any

from . import patterns as P
from .lexicon import (AMBIGUOUS_SHORT_UNITS, CURRENCY_SYMBOLS, CURRENCY_WORDS, FUNCTION_WORDS, LANGS,
                      MONTHS, NON_NOUN_ENDINGS, NUMBER_WORDS, ORDINAL_IDIOMS, SCALES, UNITS, VAGUE,
                      WEAK_UNITS, WEEKDAYS, YEAR_PREPOSITIONS)
from .numbers import concepts, decimals, parse_digits, read_number_words
from ..vocab import clock

Concepts = tuple[str, ...]  # what one word names (see numbers.concepts)
KINDS = ("count", "ordinal", "percent", "money", "date", "year", "time", "duration", "distance", "area",
         "mass", "vague")


@dataclass(eq=False)
class Figure:
    """A number stated in a text.

    `value` is in `unit` as written (8 for "8 km"); dates and times have no single number, so their value
    is None and `iso` holds them ("2024-12-03", "--12-03" without a year, "2017-03", "16:44"). Vague
    quantities have no value either; their `unit` is their class ("dozens", "few").
    `qualifier` keeps a hedge ("about", "at least") that makes the figure approximate.
    """

    text: str
    start: int
    end: int
    value: float | None
    unit: str | None
    kind: str
    noun: str | None = None
    vague: bool = False
    qualifier: str | None = None
    iso: str | None = None
    lang: str = "en"
    decimals: int = 0
    text_lower: str = field(default="", repr=False)  # the whole text the figure is in, for its context

    @cached_property
    def _surroundings(self) -> tuple[list[Concepts], list[Concepts], list[Concepts]]:
        """Concepts of the content words up to 80 characters around the figure in its sentence: before
        its clause, in its clause before it, and after it."""
        low, lang = self.text_lower, self.lang
        left = max(0, self.start - _CONTEXT_CHARS)
        for mark in _SENTENCE_ENDS:
            cut = low.rfind(mark, left, self.start)
            if cut >= 0:
                left = max(left, cut + len(mark))
        clause = max(left, max(low.rfind(mark, left, self.start) for mark in _CLAUSE_MARKS) + 1)
        right = min(len(low), self.end + _CONTEXT_CHARS)
        for mark in _SENTENCE_ENDS:
            cut = low.find(mark, self.end, right)
            if cut >= 0:
                right = cut

        def content(start: int, end: int) -> list[Concepts]:
            found = (_content_concepts(w, lang) for w in P.CONTEXT_WORD.findall(low, start, end))
            return [c for c in found if c]

        return content(left, clause), content(clause, self.start), content(self.end, right)

    @cached_property
    def context(self) -> frozenset[str]:
        """Concepts of the content words around the figure in its sentence: the evidence of last resort
        that two figures speak of the same thing ("Fourteen people were killed in strikes near Raqqa" /
        "strikes near Raqqa kill 14")."""
        return frozenset(c for words in self._surroundings for concepts_ in words for c in concepts_)

    @cached_property
    def near(self) -> frozenset[str]:
        """Concepts of up to two content words before the figure in its clause, its noun and one word
        after: where the thing it counts is named ("11 towns and villages", "killed 500,000 people"),
        and not much else ("fifth day of fighting in the last week" is not about a week; "second city,
        for the second time" is not about a city)."""
        _, clause, after = self._surroundings
        following = after[:len(self.noun.split()) + 1 if self.noun else 2]
        return frozenset(c for concepts_ in clause[-2:] + following for c in concepts_)

    @cached_property
    def nouns(self) -> frozenset[str]:
        """Concepts of the words of the counted noun ("car bombs" → {car, bomb})."""
        return frozenset(c for w in self.noun.split() for c in concepts(w)) if self.noun else frozenset()

    def to_dict(self) -> dict[str, Any]:
        record = {"text": self.text, "start": self.start, "end": self.end, "value": self.value,
                  "unit": self.unit, "kind": self.kind, "noun": self.noun, "vague": self.vague}
        if self.qualifier:
            record["qualifier"] = self.qualifier
        if self.iso:
            record["iso"] = self.iso
        return record


_CONTEXT_CHARS = 80
_SENTENCE_ENDS = (". ", "! ", "? ", "\n")
_CLAUSE_MARKS = (",", ";", ":", "(", ")", ". ", "\n")
_ALL_NUMBER_WORDS = {w for words in NUMBER_WORDS.values() for w in words}
_MARKERS = re.compile(r" (?:(the|and|of|to|in)|le|la|les|des|et) ")


def guess_lang(text: str) -> str:
    """"fr" or "en" from the commonest function words in the first 600 characters: enough for an
    extractor that has only these two languages to choose from, in microseconds."""
    english = french = 0
    for m in _MARKERS.finditer(" " + text[:600].lower()):
        if m.group(1):
            english += 1
        else:
            french += 1
    return "fr" if french > english else "en"


def extract_figures(text: str, lang: str | None = None) -> list[Figure]:
    """Every figure in `text` in reading order. `lang` ("en"/"fr") sets separator and word conventions;
    None guesses it."""
    lang = lang if lang in LANGS else guess_lang(text)
    low = _lower(text)
    reader = _Reader(text, low, lang)
    triggers = [(m.start(), None) for m in P.DIGIT_TRIGGER.finditer(low)]
    triggers += [(m.start(), m.group("word")) for m in P.WORD_TRIGGER[lang].finditer(" " + low)]
    triggers.sort(key=itemgetter(0))
    figures: list[Figure] = []
    consumed = 0
    for pos, word in triggers:
        if word is None and low.startswith("us$", pos - 2):
            pos -= 2
        if pos < consumed or _glued(low, pos):
            continue
        found = reader.words(pos, word) if word else reader.digits(pos)
        for figure in found:
            figure.lang, figure.text_lower = lang, low
            figures.append(figure)
            consumed = max(consumed, figure.end)
    return figures


def _glued(low: str, pos: int) -> bool:
    """Inside a word ("someone", "MH17"), after a slash ("24/7") or a lettered prefix ("F-16")."""
    before = low[pos - 1:pos]
    if before.isalnum() or before in ("/", "_"):
        return True
    return before == "-" and low[pos - 2:pos - 1].isalpha()


@lru_cache(maxsize=65536)
def _content_concepts(word: str, lang: str) -> tuple[str, ...]:
    """Concepts of a context word; none for function words and number words, which say nothing about
    what is counted."""
    if word in FUNCTION_WORDS[lang] or word in _ALL_NUMBER_WORDS:
        return ()
    return concepts(word)


def _single_spaced(phrase: str) -> str:
    """A matched phrase as the lexicon spells it ("per\ncent" → "per cent")."""
    return phrase if " " not in phrase and "\n" not in phrase else " ".join(phrase.split())


def _lower(text: str) -> str:
    """Lower-cased text with the same offsets (a few characters, like "İ", lower-case to two)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


class _Reader:
    """Reads the figure at a trigger position: patterns run on `low`, spans are cut from `text`."""

    def __init__(self, text: str, low: str, lang: str) -> None:
        self.text, self.low, self.lang = text, low, lang

    # Triggers -------------------------------------------------------------------------------------

    def digits(self, pos: int) -> list[Figure]:
        m = P.DIGIT_START[self.lang].match(self.low, pos)
        if m is None:
            return []
        groups = m.groupdict()
        if groups["iso"]:
            return [self._figure(m.start(), m.end(), None, None, "date", iso=groups["iso"])]
        if groups["month"] and self._month_ok(m.start("month"), groups["month"]):
            return [self._date(m)]
        if groups["hh"] or groups["hh2"] or groups.get("hh3"):
            return [self._time(m)]
        figure = self._number(m)
        return [figure] if figure else []

    def words(self, pos: int, trigger: str) -> list[Figure]:
        word = _single_spaced(trigger)
        if word in VAGUE[self.lang]:
            return [self._vague(pos, pos + len(trigger), word)]
        if word.rstrip(".") in P.MONTH_NAMES[self.lang]:
            m = P.MONTH_FIRST[self.lang].match(self.low, pos)
            return [self._date(m)] if m and self._month_ok(pos, word) else []
        m = P.NUMBER_RUN[self.lang].match(self.low, pos)
        return self._number_words(m) if m else []

    # Calendar -------------------------------------------------------------------------------------

    def _month_ok(self, start: int, name: str) -> bool:
        """English month names count only capitalized: "may" and "march" are also ordinary words."""
        return (self.lang == "fr" and name.rstrip(".") in MONTHS["fr"]) or self.text[start].isupper()

    def _date(self, m: re.Match) -> Figure:
        groups = m.groupdict()
        month = P.MONTH_NAMES[self.lang][groups["month"].rstrip(".")]
        year = groups["year"] or groups.get("monthyear") or "-"
        day = int(groups["day"].rstrip("erstndh")) if groups["day"] else None  # "3rd", "1er" → 3, 1
        iso = f"{year}-{month:02d}" + (f"-{day:02d}" if day and 1 <= day <= 31 else "")
        end = m.end()
        if end == m.end("month") + 1 and groups["month"] not in P.MONTH_ABBREVIATIONS:
            end -= 1  # the full stop after "3 December." ends the sentence
        return self._figure(m.start(), end, None, None, "date", iso=iso)

    def _time(self, m: re.Match) -> Figure:
        groups = m.groupdict()
        hour = int(groups["hh"] or groups["hh2"] or groups.get("hh3"))
        minute = int(groups["mm"] or groups.get("mm3") or 0)
        hour, minute = clock(hour, minute, groups["ampm"] or groups["ampm2"])
        return self._figure(m.start(), m.end(), None, None, "time", iso=f"{hour:02d}:{minute:02d}")

    # Numbers --------------------------------------------------------------------------------------

    def _number(self, m: re.Match) -> Figure | None:
        digits, start, end = m.group("num"), m.start(), m.end()
        if self.low[end:end + 1] == "/" or (start and self.low[start - 1] == "/"):
            return None  # fractions and "24/7" are not figures about the world
        value = parse_digits(digits, self.lang)
        if m.group("ordinal"):
            return self._figure(start, end, value, None, "ordinal", noun=self._noun(end),
                                qualifier=self._hedge(start))
        currency = CURRENCY_SYMBOLS[m.group("cur")] if m.group("cur") else None
        figure = self._quantity(start, m.end("num"), value, currency, decimals(digits, self.lang),
                                glued=True)
        if (figure is not None and figure.kind == "count" and figure.end == end and len(digits) == 4
                and 1800 <= value <= 2100 and self._is_year(start, figure.noun)):
            figure.kind, figure.noun = "year", None
        return figure

    def _number_words(self, m: re.Match) -> list[Figure]:
        run = m.group()
        figures = []
        for rel_start, rel_end, value, is_ordinal in read_number_words(run, self.lang):
            article = run[:rel_start].strip() in ("a", "an")
            start, end = m.start() + (0 if article else rel_start), m.start() + rel_end
            word = self.low[start:end]
            if is_ordinal:
                noun = self._noun(end)
                if noun is None and not P.NUMBER_NEXT[self.lang].match(self.low, end):
                    continue  # "came fifth"; but "the first 24 hours" ranks hours
                if noun is not None and self._not_a_rank(word, noun.split()[0].lower()):
                    continue
                figures.append(self._figure(start, end, value, None, "ordinal", noun=noun,
                                            qualifier=self._hedge(start)))
            elif word in WEAK_UNITS[self.lang]:
                noun = self._weak_unit_noun(end)
                if noun is not None:  # "one car bomb", "one of the buildings", "l'un des bâtiments"
                    figures.append(self._figure(start, end, value, None, "count", noun=noun,
                                                qualifier=self._hedge(start)))
            else:
                figure = self._quantity(start, end, value, None, 0, glued=False)
                if figure is not None:
                    figures.append(figure)
        return figures

    def _quantity(self, start: int, end: int, value: float, currency: str | None, places: int,
                  glued: bool) -> Figure | None:
        """The figure of a number given what follows it: scale, percent, currency, unit, noun."""
        qualifier = self._hedge(start)
        scale = P.SCALE.match(self.low, end)
        if scale and self._is_scale(scale, currency, glued):
            word = scale.group("scale")
            value *= 12 if word == "dozen" else SCALES[word]
            end = scale.end()
        percent = P.PERCENT.match(self.low, end)
        if percent:
            unit = "percentage point" if "point" in percent.group("pct") else "%"
            return self._figure(start, percent.end(), value, unit, "percent", qualifier=qualifier,
                                noun=self._noun(percent.end(), partitive=True), decimals=places)
        word = P.CURRENCY_WORD.match(self.low, end)
        if word:
            currency, end = CURRENCY_WORDS[_single_spaced(word.group("curword"))], word.end()
        if currency:
            return self._figure(start, end, value, currency, "money", qualifier=qualifier, decimals=places)
        unit = P.UNIT[self.lang].match(self.low, end)
        if unit and self._is_unit(unit, glued):
            name, kind = UNITS[_single_spaced(unit.group("unit"))]
            adjective = unit.group("gap") == "-"  # "six-year-long war", "a 24-hour truce"
            return self._figure(start, unit.end(), value, name, kind, qualifier=qualifier,
                                noun=self._noun(unit.end()) if adjective else None, decimals=places)
        if self.low[end:end + 1].isalpha():
            return None  # "1990s", "4x4", "5G": digits inside a word
        return self._figure(start, end, value, None, "count", qualifier=qualifier, decimals=places,
                            noun=self._noun(end, partitive=not self.low[end - 1].isdigit()))

    def _is_scale(self, scale: re.Match, currency: str | None, glued: bool) -> bool:
        """"m"/"k" multiply only money or a glued number before a noun ("13m people"); "100 m" is metres."""
        if scale.group("scale") not in ("m", "k"):
            return True
        if scale.group("gap") or not glued:
            return False
        return currency is not None or (P.NEXT_WORD.match(self.text, scale.end()) is not None
                                        and not P.PUNCT_AFTER.match(self.text, scale.end()))

    def _is_unit(self, unit: re.Match, glued: bool) -> bool:
        """One- and two-letter units count only after digits, glued or before punctuation ("24h",
        "100 m.")."""
        if unit.group("unit") not in AMBIGUOUS_SHORT_UNITS:
            return True
        return glued and (not unit.group("gap") or P.PUNCT_AFTER.match(self.text, unit.end()) is not None)

    def _vague(self, start: int, end: int, phrase: str) -> Figure:
        return self._figure(start, end, None, VAGUE[self.lang][phrase], "vague",
                            noun=self._noun(end, partitive=True), vague=True)

    # Surroundings ---------------------------------------------------------------------------------

    def _noun(self, pos: int, partitive: bool = False) -> str | None:
        """The noun phrase a number counts: up to four content words after it, stopping at a function
        word and, in English, at a participle once the noun has started ("14 people killed"); in French
        only the first word, the head, since adjectives follow it."""
        if partitive:
            of = P.PARTITIVE.match(self.low, pos)
            if of:
                pos = of.end()
        stop, months, weekdays = FUNCTION_WORDS[self.lang], MONTHS[self.lang], WEEKDAYS[self.lang]
        words: list[str] = []
        while len(words) < 4:
            m = P.NEXT_WORD.match(self.text, pos)
            if not m:
                break
            lower = m.group(1).lower()
            if lower in stop or lower in _ALL_NUMBER_WORDS or lower in months or lower in weekdays:
                break
            if self.lang == "en" and lower.endswith(NON_NOUN_ENDINGS) and (words or lower.endswith("ly")):
                break
            words.append(m.group(1))
            pos = m.end()
            if self.lang == "fr":
                break
        return " ".join(words) or None

    def _not_a_rank(self, ordinal: str, next_word: str) -> bool:
        """"first launched", "premier ministre": an adverb or a title, not a rank of things."""
        if f"{ordinal} {next_word}" in ORDINAL_IDIOMS[self.lang]:
            return True
        return self.lang == "en" and next_word.endswith(("ed", "ly"))

    def _weak_unit_noun(self, end: int) -> str | None:
        """What a lone "one"/"un"/"une" counts, if it counts anything: "one" needs a noun or "of the"
        after it ("one can say", "the one in Damascus" count nothing); "un"/"une" are articles unless
        a partitive "des" follows."""
        if self.lang == "fr":
            return self._noun(end, partitive=True) if self.low.startswith(" des ", end) else None
        return self._noun(end, partitive=True)

    def _hedge(self, start: int) -> str | None:
        m = P.HEDGE.search(self.low, max(0, start - 24), start)
        return _single_spaced(m.group("hedge")) if m else None

    def _is_year(self, start: int, noun: str | None) -> bool:
        """A bare 1800–2100 is a year unless it counts a plural noun with no "in"/"since"/"en" before."""
        if noun is None or not noun.split()[0].lower().endswith(("s", "x")):
            return True
        previous = P.PREVIOUS_WORD.search(self.low, max(0, start - 20), start)
        return previous is not None and previous.group(1) in YEAR_PREPOSITIONS

    def _figure(self, start: int, end: int, value: float | None, unit: str | None, kind: str,
                **details: Any) -> Figure:
        return Figure(self.text[start:end], start, end, value, unit, kind, **details)
