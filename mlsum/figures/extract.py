"""Find every figure in English or French text: its span, normalized value, unit, kind and counted noun.

The text is lower-cased once and scanned with the trigger regexes of `patterns`; at each trigger, anchored
regexes read the figure and what follows it (scale, percent, currency, unit, noun) and the words just
before it (hedge, "aged", "No"). A last pass joins ranges ("20-25 km", "180 à 250 millions", "17 to 18
October"), so that each end of a range carries the unit, scale or month written once. Number words are
read by text2num, units are pint names, the calendar and number vocabulary is `mlsum.vocab`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from operator import attrgetter, itemgetter
from typing import Any

import roman

from . import patterns as P
from ..vocab import APPROXIMATE_NUMBERS, FRACTIONS, LANGS, MONTHS, NUMBER_WORDS, SCALES, clock
from ..vocab import WEEKDAYS as WEEKDAY_NUMBERS
from .lexicon import (AGE_BEFORE, AMBIGUOUS_SHORT_UNITS, CLOCK_BEFORE, CURRENCY_AFTER, CURRENCY_CODES_BEFORE,
                      CURRENCY_SYMBOLS, FRENCH_PERSON_ENDINGS, FRENCH_PERSON_WORDS, FRENCH_SPACED_UNITS,
                      FRENCH_SPANS_OF_TIME, FUNCTION_WORDS, HYPHEN_JOINERS, MAGNITUDES, MONTH_DETERMINERS,
                      MONTH_NAMES_OF_PEOPLE, MONTH_PREPOSITIONS, NON_NOUN_ENDINGS, NOUN_PREMODIFIERS,
                      ORDINAL_IDIOMS, PERFECT_RECORD_NOUNS, PERSON_NOUNS, PERSON_PREPOSITIONS, SCORE_AFTER, SCORE_BEFORE,
                      SERIES_NOUNS, UNITS, VAGUE, WEAK_UNITS, WEEKDAYS, YEAR_PREPOSITIONS)
from .numbers import concepts, decimals, known_concept, parse_digits, read_number_words

Concepts = tuple[str, ...]  # what one word names (see numbers.concepts)


class _cached:
    """`functools.cached_property` without the lock it takes at every first access before Python 3.12
    (twice the cost): a figure computes its surroundings, nouns and context once each, and an article
    has dozens of figures."""

    def __init__(self, compute) -> None:
        self.compute, self.__doc__ = compute, compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, figure: Any, owner: type | None = None) -> Any:
        if figure is None:
            return self
        value = figure.__dict__[self.name] = self.compute(figure)
        return value
KINDS = ("count", "ordinal", "rank", "percent", "fraction", "money", "date", "year", "decade", "time",
         "duration", "age", "score", "distance", "area", "mass", "volume", "speed", "energy", "power",
         "data", "frequency", "temperature", "magnitude", "vague", "list", "weekday")


@dataclass(eq=False)
class Figure:
    """A number stated in a text.

    `value` is in `unit` as written (8 for "8 km"); dates, times and scores have no single number, so
    their value is None and `iso` holds them ("2024-12-03", "--12-03" without a year, "2017-03",
    "16:44", "3-2"). An age is a value in years ("Roldan, 39,", "a 39-year-old"); a rank is a place in
    an order ("world No 1", "number two"); a fraction is its value ("two-thirds" 0.667); a decade is
    its first year ("the 1990s" 1990). Vague quantities ("a few", "several") have no value and are never
    scored; orders of magnitude ("dozens", "thousands", "des millions") have none either but are
    checked; the `unit` of both is their class ("few", "millions"). `qualifier` keeps a hedge ("about", "at
    least") that makes the figure approximate.
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
    scale: float = field(default=1.0, repr=False)  # the multiplier written after it ("million")
    text_lower: str = field(default="", repr=False)  # the whole text the figure is in, for its context
    text_whole: str = field(default="", repr=False)  # the same as written, for the name it is said of

    @_cached
    def _clause(self) -> tuple[int, int]:
        """Where the figure's sentence and its clause start, up to 80 characters before it."""
        left = max(0, self.start - _CONTEXT_CHARS)
        cut = _LAST_MARKS.match(self.text_lower, left, self.start)
        return max(left, cut.end("sentence")), cut.end()

    @_cached
    def _surroundings(self) -> tuple[list[Concepts], list[Concepts], list[Concepts], list[Concepts]]:
        """Concepts of the content words up to 80 characters around the figure in its sentence: before
        its clause, in its clause before it (up to the last number there, and from it on: those are that
        number's words, not the figure's), and after it."""
        low, start, end = self.text_lower, self.start, self.end
        left, clause = self._clause
        number = _LAST_DIGIT.match(low, clause, start)
        since = start if number is None else _number_start(low, clause, number.end())
        right = _sentence_right(low, end)
        words = _context_words(low)
        content = _CONTENT_CONCEPTS[self.lang]
        return (list(filter(None, map(content, words(low, left, clause)))),
                list(filter(None, map(content, words(low, clause, since)))),
                list(filter(None, map(content, words(low, since, start)))),
                list(filter(None, map(content, words(low, end, right)))))

    @_cached
    def context(self) -> frozenset[str]:
        """Concepts of the content words around the figure in its sentence: the evidence of last resort
        that two figures speak of the same thing ("Fourteen people were killed in floods near Lyon" /
        "floods near Lyon kill 14"). The words of `_surroundings`, found without its clause (which no
        word crosses) when it is not known yet: most figures compared need only their context."""
        known = self.__dict__.get("_surroundings")
        if known is not None:
            return frozenset(chain.from_iterable(chain.from_iterable(known)))
        low, start, end = self.text_lower, self.start, self.end
        left, right = self.context_span()
        words = _context_words(low)
        return frozenset(chain.from_iterable(map(_CONTENT_CONCEPTS[self.lang],
                                                 words(low, left, start) + words(low, end, right))))

    def context_span(self) -> tuple[int, int]:
        """Where the figure's context starts and ends: up to 80 characters either side, in its sentence."""
        low, start = self.text_lower, self.start
        left = max(0, start - _CONTEXT_CHARS)
        cut = _SENTENCE_BEFORE.match(low, left, start)
        return (cut.end() if cut else left), _sentence_right(low, self.end)

    @_cached
    def near(self) -> frozenset[str]:
        """Concepts of up to two content words before the figure in its clause (after any number there:
        "10 assists and ten rebounds"), its noun and one word after: where the thing it counts is named
        ("11 towns and villages", "killed 500,000 people"), and not much else. An age in apposition
        takes the name before its comma ("Roldan, 39,")."""
        before, clause, counted, after = self._surroundings
        following = after[:len(self.noun.split()) + 1 if self.noun else 2]
        preceding = clause[-2:] if clause or counted or self.kind != "age" else before[-2:]
        return frozenset(chain.from_iterable(preceding + following))

    @_cached
    def person(self) -> frozenset[str]:
        """Concepts of the name an age in apposition follows ("Ana Ruiz, 39,", "Ana Ruiz (39)"): who the
        age is of. Empty for any other figure."""
        if self.kind != "age" or not re.search(r"[,(]\s?$", self.text_lower[max(0, self.start - 2):self.start]):
            return frozenset()
        before, clause, counted, _ = self._surroundings
        return frozenset() if clause or counted else frozenset(chain.from_iterable(before[-2:]))

    @_cached
    def holders(self) -> tuple[tuple[str, bool], ...]:
        """The names the figure may be said of: those written in its clause before it ("Labour took
        31%", "while the Greens won 45%"), else the place its sentence opens with ("À Lyon, il s'établit
        à 4 700 euros"); each lower-cased, with whether it opens the sentence (a capital there may name
        no one). The last is its `holder`."""
        text, start = self.text_whole, self.start
        sentence, clause = self._clause
        names = [m for m in _CAPITALIZED.finditer(text, clause, start)
                 if m.group("name").lower() not in _NOT_A_NAME[self.lang]]
        if not names:
            names = [m for m in [_PLACE_FIRST.match(text, sentence)] if m and m.end() <= start]
        return tuple((m.group("name").lower(), not text[sentence:m.start("name")].strip(" \t\n\"“«'‘("))
                     for m in names)

    @property
    def holder(self) -> tuple[str, bool] | None:
        """The name the figure is said of, the last of `holders`; None when none is written."""
        return self.holders[-1] if self.holders else None

    @_cached
    def nouns(self) -> frozenset[str]:
        """Concepts of the words of the counted noun ("car bombs" → {car, bomb})."""
        if not self.noun:
            return frozenset()
        words = self.noun.lower().replace(" - ", "-").split()
        words += [part for w in words if "-" in w for part in w.split("-") if part]  # "semi-final": final
        return frozenset(chain.from_iterable(map(_CONTENT_CONCEPTS[self.lang], words)))

    def to_dict(self) -> dict[str, Any]:
        record = {"text": self.text, "start": self.start, "end": self.end, "value": self.value,
                  "unit": self.unit, "kind": self.kind, "noun": self.noun, "vague": self.vague}
        if self.qualifier:
            record["qualifier"] = self.qualifier
        if self.iso:
            record["iso"] = self.iso
        return record


_CONTEXT_CHARS = 80
# Where a figure's sentence and clause start and end: the last sentence end before it, the last clause
# mark after that (the "." of ". " counts), in one match (the end of group `sentence`, -1 without one, and
# the end of the match), and the first sentence end after it; `.*` makes a match the last.
_SENTENCE_END = re.compile(r"[.!?] |\n")
_LAST_MARKS = re.compile(r"(?P<sentence>.*(?:[.!?] |\n))?(?:.*(?:[,;:()\n]|\.(?= )))?", re.S)
_SENTENCE_BEFORE = re.compile(r".*(?:[.!?] |\n)", re.S)  # the group `sentence` of _LAST_MARKS alone
# A word written with a capital, after a French elision ("l'Assemblée"): group `name`.
_CAPITALIZED = re.compile(r"(?<![\w'’-])(?:(?:[dl]|qu)['’])?(?P<name>[^\W\d_a-zà-ÿ][\w-]*)")
# A sentence that opens with a place: "In Lyon, ...", "À Paris, ...".
_PLACE_FIRST = re.compile(r"\s*(?:In|At|À|A|En|Au|Dans)\s+(?P<name>[^\W\d_a-zà-ÿ][\w-]*)\s*,")
_LAST_DIGIT = re.compile(r".*\d", re.S)


def _number_start(low: str, start: int, end: int) -> int:
    """Where the number whose last digit ends at `end` starts ("10" of "10 assists", "2,395")."""
    while end > start and (low[end - 1].isdigit() or low[end - 1] in ".," and low[end - 2:end - 1].isdigit()):
        end -= 1
    return end


def _sentence_right(low: str, end: int) -> int:
    """Where the context after a figure ending at `end` stops: its sentence's end, or 80 characters on."""
    right = min(len(low), end + _CONTEXT_CHARS)
    cut = _SENTENCE_END.search(low, end, right)
    return cut.start() if cut else right

_ALL_NUMBER_WORDS = {w for words in NUMBER_WORDS.values() for w in words}
_NUMBER_WORDS = {lang: set(words) for lang, words in NUMBER_WORDS.items()}
# The words that end a counted noun phrase: function words, numbers, months and weekdays.
_NOT_A_NOUN = {lang: FUNCTION_WORDS[lang] | _NUMBER_WORDS[lang] | set(MONTHS[lang]) | WEEKDAYS[lang] for lang in LANGS}
# Capitalized words that name no one: function words ("The", "In"), numbers, months, weekdays.
_NOT_A_NAME = {lang: _NOT_A_NOUN[lang] | set(MONTHS["en"]) for lang in LANGS}
_MARKERS = re.compile(r" (?:(the|and|of|to|in|is|was|were|are|has|have|for|with|from|by|at|that)|le|la|les|des|et"
                      r"|de|du|une|est|au|aux|ont|été|sont|dans|pour|sur|avec|par|qui|que|il|ils|elle) ")
_FRENCH_LETTERS = re.compile(r"[éèêàùçœ]")  # with no function word to go by ("Cinq autres pompiers blessés.")
_BARE_KINDS = {"count"}
_PERSON_DE = re.compile(r"(?:([^\W\d_]+) )?([^\W\d_]+) de $")  # a noun and perhaps its adjective
_PERSON_CONCEPTS = {c for w in (*PERSON_NOUNS, *FRENCH_PERSON_WORDS) for c in concepts(w, "fr")}
_WAR_NUMBERS = {"one": 1.0, "i": 1.0, "first": 1.0, "première": 1.0, "two": 2.0, "ii": 2.0, "second": 2.0,
                "seconde": 2.0, "deuxième": 2.0}
_DIGITS = re.compile(r"(?P<digits>\d+)")  # what one end of a range can be before it takes the other's unit
# The weekday names written in full, by ISO day ("5": ("friday",)).
_WEEKDAY_NAMES = {lang: {str(day): tuple(sorted(n for n in WEEKDAYS[lang] if WEEKDAY_NUMBERS[lang][n] == day))
                         for day in sorted({WEEKDAY_NUMBERS[lang][n] for n in WEEKDAYS[lang]})} for lang in LANGS}


def guess_lang(text: str) -> str:
    """"fr" or "en" from the commonest function words in the first 600 characters: enough for an
    extractor that has only these two languages to choose from, in microseconds."""
    low = text[:600].lower()
    markers = _MARKERS.findall(" " + low)  # an English marker, or "" for a French one
    french = markers.count("")
    if french == len(markers) - french:
        return "fr" if _FRENCH_LETTERS.search(low) else "en"
    return "fr" if french > len(markers) - french else "en"


def extract_figures(text: str, lang: str | None = None, implied: bool = False) -> list[Figure]:
    """Every figure in `text` in reading order. `lang` ("en"/"fr") sets separator and word conventions;
    None guesses it. `implied` adds the numbers a source states without a number (see `implied_figures`)."""
    figures, reader = written_figures(text, lang)
    figures = _with_weekdays(figures, reader)
    if implied:
        figures = sorted(figures + implied_figures(reader), key=attrgetter("start"))
    return figures


def written_figures(text: str, lang: str | None = None) -> tuple[list[Figure], "_Reader"]:
    """The figures written in `text` with their ranges joined, but not yet its weekdays (`weekday_figures`)
    nor what it implies (`implied_figures`), and the reader of the text that these take: a source index
    finds its weekdays only when a summary has one."""
    lang = lang if lang in LANGS else guess_lang(text)
    low = lower_keeping_offsets(text)
    reader = _Reader(text, low, lang)
    # a war read before the number words it holds ("the Second World War"): at one start, the sort keeps it first
    triggers: list[tuple[int, Any]] = [(m.start(), m) for m in P.WORLD_WAR[lang].finditer(low)] \
        if "world war" in low or "ww" in low or "guerre mondiale" in low else []
    triggers += [(start, None) for start in _digit_starts(low)]
    triggers += [(m.start(), m.group("word")) for m in P.WORD_TRIGGER[lang].finditer(" " + low)]
    if "siècle" in low:
        triggers += [(m.start(), m) for m in P.ROMAN_CENTURY.finditer(low)]
    triggers.sort(key=itemgetter(0))
    figures: list[Figure] = []
    consumed = 0
    for pos, word in triggers:
        if word is None and not low[pos].isdigit():
            prefixed = P.SYMBOL_BEFORE.search(low, max(0, pos - 3), pos + 1)
            pos = prefixed.start() if prefixed else pos  # "US$", "CA$", "HK$"
        if pos < consumed or (word is None or low[pos - 1:pos] != " ") and _glued(low, pos):
            continue  # (a word after a space is never glued)
        if isinstance(word, re.Match):
            found = reader.world_war(word) if word.re is P.WORLD_WAR[lang] else reader.century(word)
        else:
            found = reader.words(pos, word) if word else reader.digits(pos)
        for figure in found:
            figures.append(figure)
            consumed = max(consumed, figure.end)
    _join_ranges(figures, low)
    return figures, reader


def _with_weekdays(figures: list[Figure], reader: _Reader) -> list[Figure]:
    """The figures with the weekdays written in full ("on Friday", "vendredi"), each as a `weekday` whose
    `iso` is its ISO number ("5"). A weekday is soft, like a vague quantity: a source dated by its page
    rarely says which day it is, so one it does not state is no error; it is scored only when the source
    gives the same event another day (see `match`)."""
    days = weekday_figures(figures, reader)
    return sorted(figures + days, key=attrgetter("start")) if days else figures


def weekday_figures(figures: list[Figure], reader: _Reader, iso: str | None = None) -> list[Figure]:
    """The weekdays of the text of `reader` (only those of ISO day `iso` if given) that are not inside
    one of its written `figures` (in reading order), in reading order. A name is found by `str.find`
    and counts when it is a whole word (no letter before it, no word character after), not after an
    apostrophe or a hyphen ("on Friday", "Friday's vote"; not "Fridays", "Black-Friday")."""
    low, lang, days = reader.low, reader.lang, []
    for day in (_WEEKDAY_NAMES[lang] if iso is None else (iso,)):
        for name in _WEEKDAY_NAMES[lang].get(day, ()):
            for at in _occurrences(low, name):
                end = at + len(name)
                after, before = low[end:end + 1], low[at - 1:at] if at else ""
                if not (after.isalnum() or after == "_") and not (before.isalnum() and not before.isdecimal()) \
                        and before not in ("'", "’", "-"):
                    days.append(reader._figure(at, end, None, None, "weekday", vague=True, iso=day))
    if not days:
        return days
    if iso is None:
        days.sort(key=attrgetter("start"))
    starts = [f.start for f in figures]  # in reading order: the figure a day could be inside is the one before
    inside = [i and figures[i - 1].end > d.start for d in days for i in (bisect_right(starts, d.start),)]
    return [d for d, hidden in zip(days, inside) if not hidden]


def _is_person_noun(word: str) -> bool:
    """A French noun of a person, not a span of time or a thing ("prison" shares the stem of
    "prisoners"): known as one, or ending like one."""
    if word in FRENCH_SPANS_OF_TIME or word in FUNCTION_WORDS["fr"]:
        return False
    if set(concepts(word, "fr")) & _PERSON_CONCEPTS:
        return True
    return word.endswith(FRENCH_PERSON_ENDINGS) and not word.endswith(("ion", "ment"))


def _digit_starts(low: str) -> list[int]:
    """Where each run of digits, and each currency symbol, starts."""
    starts = []
    for m in P.DIGIT_TRIGGER.finditer(low):
        start = m.start()
        if low[start] > "\uffff" and not low[start].isdecimal():  # beyond the BMP, and not a digit
            start += 1
            if start == m.end():
                continue
        starts.append(start)
    return starts


_PLURAL_ENDINGS = ("s", "men", "children", "people", "police")  # "both sides", not "both Paris and Rome"
_METRES_NOT_MILLIONS = 1000  # "1500m", "5,000 m": metres, never millions
_LIST_REACH = 160  # characters before an "and" that a list of names may take
NOVELTY = "novelty"  # the unit of a first time stated without an ordinal ("until now", "jusqu'ici")


def implied_figures(reader: "_Reader") -> list[Figure]:
    """Numbers an article states without writing one: "both committees" counts two committees, "his
    maiden title" and "the opening round" are firsts, "until now" / "jusqu'ici" says a first time (an
    ordinal of unit `NOVELTY`, evidence only for "the first time" in a sentence like its own), and a
    list of named people ("Ana Ruiz, 29, and Li Wei, 56,", "a man, 41, and a woman, 23,") is a `list`
    figure whose value is how many it names.
    Only a source's: as evidence they are sure, while a summary's "both" is not a figure a reader
    checks."""
    found: list[Figure] = []
    low = reader.low
    if reader.lang == "en":
        for start in _word_starts(low, "both"):
            of = P.BOTH_OF.match(low, start + 4)
            noun = reader._noun(of.end() if of else start + 4)
            if noun is not None and noun[0].islower() and any(w.endswith(_PLURAL_ENDINGS) for w in noun.split()):
                found.append(reader._figure(start, start + 4, 2.0, None, "count", noun=noun))
        for word in P.FIRST_WORDS:
            for start in _word_starts(low, word):
                noun = reader._noun(start + len(word))
                if noun is not None:
                    found.append(reader._figure(start, start + len(word), 1.0, None, "ordinal", noun=noun))
    occasion = "fois" if reader.lang == "fr" else "time"
    for phrase in P.NOVELTY[reader.lang]:  # "until now": what happens next is a first time
        for at in _occurrences(low, phrase):
            end = at + len(phrase)
            if not (low[at - 1:at].isalnum() or low[end:end + 1].isalnum()):
                found.append(reader._figure(at, end, 1.0, NOVELTY, "ordinal", noun=occasion))
    end = 0  # where the last list found ends
    for m in P.LIST_AND[reader.lang].finditer(reader.text):
        listed = _person_list(reader, m.start(), m.end(), end)
        if listed is not None:
            found.append(listed)
            end = listed.end
    return found


def _occurrences(low: str, phrase: str) -> Iterator[int]:
    """Where `phrase` starts in `low`, every time (`str.find`: faster here than any regex scan); each
    caller decides which are whole words."""
    at = low.find(phrase)
    while at >= 0:
        yield at
        at = low.find(phrase, at + 1)


def _word_starts(low: str, word: str) -> Iterator[int]:
    """Where `word` stands alone in `low`, followed by another word."""
    for at in _occurrences(low, word):
        if not low[at - 1:at].isalnum() and low[at - 1:at] != "-" and P.WORD_AFTER.match(low, at + len(word)):
            yield at


def _person_list(reader: "_Reader", before_and: int, after_and: int, not_before: int) -> Figure | None:
    """The list of named people around the "and" between `before_and` and `after_and`, if there is one."""
    text, lang = reader.text, reader.lang
    if before_and < not_before:
        return None
    last = P.PERSON_ITEM[lang].match(text, after_and)
    if last is None:
        return None
    left = before_and - (text[before_and - 1:before_and] == ",")  # "Ana Ruiz, Li Wei, and Tom Ek"
    first = P.LIST_BEFORE_AND[lang].search(text, max(not_before, left - _LIST_REACH), left)
    if first is None:
        return None
    before = P.PREVIOUS_WORD.search(text, max(0, first.start() - 24), first.start())
    if before is not None and before.end(1) == first.start() - 1 and (
            before.group(1)[0].isupper() or before.group(1).lower() in P.PLACE_BEFORE):
        return None  # the list starts inside a longer name, or names places
    names = len(P.PERSON_ITEM[lang].findall(first.group())) + 1
    return reader._figure(first.start(), last.end(), float(names), "people", "list")


def _glued(low: str, pos: int) -> bool:
    """Inside a word ("someone", "MH17"), after a slash ("24/7") or a lettered prefix ("F-16"). A
    currency symbol after "Â" is not glued: "Â£" is "£" in UTF-8 read as Latin-1, common in scraped
    text; nor is a number after a hyphenated function word, which no name ends with ("an
    innings-and-39-run win", "a one-in-10 chance")."""
    before = low[pos - 1:pos]
    if before == "â" and not low[pos].isalnum():
        return False
    if before.isalnum() or before in ("/", "_"):
        return True
    if before != "-" or not low[pos - 2:pos - 1].isalpha():
        return False
    joiner = P.WORD_ENDING_HERE.search(low, max(0, pos - 8), pos - 1)
    return joiner is None or joiner.group() not in HYPHEN_JOINERS


@lru_cache(maxsize=16)
def _context_words(low: str):
    """The `findall` of the words of `low`: with plain BMP ranges unless it has astral characters (asked
    once per text: a string's hash is kept, so the cache finds it again at once)."""
    bmp = low.isascii() or len(low.encode("utf-16-le", "surrogatepass")) == 2 * len(low)
    return (P.BMP_CONTEXT_WORD if bmp else P.CONTEXT_WORD).findall


class _ContentConcepts(dict):
    """Concepts of a context word in `lang`, cached; none for function words and number words, which
    say nothing about what is counted. A dict per language, keyed by the word alone, looked up with
    `__getitem__` (the cheapest lookup, a third of an lru_cache's: it runs for every word around every
    figure compared); a miss computes the word, and the cache starts afresh when full."""

    _LIMIT = 65536

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang, self.uninformative = lang, FUNCTION_WORDS[lang] | _NUMBER_WORDS[lang]

    def __missing__(self, word: str) -> tuple[str, ...]:
        if len(self) >= self._LIMIT:
            self.clear()
        found = self[word] = () if word in self.uninformative else concepts(word, self.lang)
        return found


_CONTENT_CONCEPTS = {lang: _ContentConcepts(lang).__getitem__ for lang in LANGS}


def _single_spaced(phrase: str) -> str:
    """A matched phrase as the lexicon spells it ("per\ncent" → "per cent")."""
    return phrase if " " not in phrase and "\n" not in phrase else " ".join(phrase.split())


def lower_keeping_offsets(text: str) -> str:
    """Lower-cased text with the same offsets (a few characters, like "İ", lower-case to two)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _join_ranges(figures: list[Figure], low: str) -> None:
    """Give the first end of a range what is written only after the second: "20-25 km", "$2.5-2.6
    billion", "180 à 250 millions d'euros", "jeudi 17 à vendredi 18 octobre", "aged 15 and 16"."""
    for first, second in zip(figures, figures[1:]):
        gap = P.RANGE_GAP.fullmatch(low, first.end, second.start)
        if gap is None or first.vague or second.vague:
            continue
        joiner = gap.group().strip()
        if joiner in ("and", "et") and not re.search(r"(?:between|entre)\s+$", low[max(0, first.start - 9):
                                                                                     first.start]):
            if not (first.kind == "age" and second.kind == "count" and second.noun is None):
                continue
        if second.kind == "date" and first.kind == "count" and first.noun is None and first.value \
                and first.value.is_integer() and 1 <= first.value <= 31 and len(second.iso) in (7, 10) \
                and second.iso[-3] == "-":
            first.kind, first.iso, first.value = "date", f"{second.iso[:-2]}{int(first.value):02d}", None
        elif first.kind in _BARE_KINDS and first.noun is None and second.kind not in ("date", "year") \
                and first.value is not None and second.value is not None and first.scale == 1:
            if second.scale != 1 and first.value * second.scale <= second.value * 10:
                first.value *= second.scale
                first.scale = second.scale
            first.kind, first.unit, first.noun = second.kind, second.unit, second.noun
        elif first.kind == "money" and second.kind in _BARE_KINDS and second.noun is None \
                and first.value is not None and second.value is not None:
            if second.scale != 1 and first.scale == 1:
                first.value *= second.scale
                first.scale = second.scale
            second.kind, second.unit = "money", first.unit
        elif first.kind == "age" and second.kind in _BARE_KINDS and second.noun is None:
            second.kind, second.unit = "age", "year"


_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _real_day(m: re.Match) -> bool:
    """Whether a date match's day, if any, exists in its month ("June 31" and "March 80" are no dates)."""
    day = m.group("day")
    if day is None:
        return True
    month = P.MONTH_NAMES_ANY[m.group("month").rstrip(".")]
    return 1 <= int(day.rstrip("erstndh")) <= _DAYS_IN_MONTH[month - 1]


class _Reader:
    """Reads the figure at a trigger position: patterns run on `low`, spans are cut from `text`."""

    def __init__(self, text: str, low: str, lang: str) -> None:
        self.text, self.low, self.lang = text, low, lang

    # Triggers -------------------------------------------------------------------------------------

    def digits(self, pos: int) -> list[Figure]:
        low, lang = self.low, self.lang
        ahead = low[pos + 1:pos + 5]  # what the date and score patterns need, tested first at C speed
        m = P.ISO_DATE.match(low, pos) if ahead[3:] == "-" else None
        if m:
            return [self._figure(m.start(), m.end(), None, None, "date", iso=m.group())]
        if P.DATE_OR_CLOCK[lang].match(low, pos):
            m = P.DAY_MONTH[lang].match(low, pos)
            if m and _real_day(m) and self._month_ok(m.start("month"), m.group("month"), day_first=True):
                return [self._date(m)]
            m = P.CLOCK[lang].match(low, pos)
            if m:
                return [self._time(m)]
        m = P.SCORE_LINE.match(self.text, pos) if "," in ahead[:2] else None
        if m and self._team_before(pos):  # "Match ends, Gateshead 1, Guiseley 1."
            a, b = int(m.group("a")), int(m.group("b"))
            return [self._figure(m.start(), m.end(), None, None, "score", iso=f"{a}-{b}")]
        m = P.SCORE.match(low, pos) if "-" in ahead[:3] or "–" in ahead[:3] else None
        if m and self._is_score(m):
            a, b = int(m.group("a")), int(m.group("b"))
            return [self._figure(m.start(), m.end(), None, None, "score", iso=f"{a}-{b}")]
        m = P.NUMBER_AT[lang].match(low, pos)
        if m is None:
            return []
        figure = self._number(m)
        return [figure] if figure else []

    def words(self, pos: int, trigger: str) -> list[Figure]:
        word = _single_spaced(trigger)
        if word in VAGUE[self.lang]:
            return [self._vague(pos, pos + len(trigger), word)]
        if word.rstrip(".") in P.MONTH_NAMES[self.lang]:
            m = P.MONTH_FIRST[self.lang].match(self.low, pos)
            if m and _real_day(m) and self._month_ok(pos, word, day_first=False, match=m):
                return [self._date(m)]
            alone = self._month_alone(pos, word)
            if alone is not None:
                return [alone]
            if word not in _ALL_NUMBER_WORDS:  # "sept" is also seven
                return []
        if word in APPROXIMATE_NUMBERS[self.lang]:
            return self._approximate(pos, word)
        if word in FRACTIONS[self.lang] and word not in _ALL_NUMBER_WORDS:
            return self._fraction(pos, pos, word, 1)
        if word in ("number", "numéro"):
            return self._rank_words(pos)
        m = P.NUMBER_RUN[self.lang].match(self.low, pos)
        return self._number_words(m) if m else []

    def world_war(self, m: re.Match) -> list[Figure]:
        """"World War Two", "WW2", "World War II", "the Second World War", "la Seconde Guerre mondiale":
        a name with a number in it, read as the ordinal it is, so that any of its spellings supports the
        others and a war the article never names is not found. Its noun is "world war" in French too, so
        that the two languages compare."""
        number = next(g for g in m.groups() if g)
        value = _WAR_NUMBERS.get(number) or float(number)
        return [self._figure(m.start(), m.end(), value, None, "ordinal", noun="world war")]

    def century(self, m: re.Match) -> list[Figure]:
        """"XIXe siècle": a Roman-numeral ordinal century."""
        try:
            value = roman.fromRoman(m.group("roman").upper())
        except roman.InvalidRomanNumeralError:
            return []
        return [self._figure(m.start(), m.end(), float(value), None, "ordinal", noun=m.group("noun"))]

    # Calendar -------------------------------------------------------------------------------------

    def _month_ok(self, start: int, name: str, day_first: bool, match: re.Match | None = None) -> bool:
        """A month name is a month unless it is also an ordinary English word ("may", "march") written
        in lower case without a year beside it or "on" before its day ("up to 40 may be affected")."""
        name = name.rstrip(".")
        if self.lang == "fr" and name in MONTHS["fr"] or self.text[start].isupper():
            return True
        if name not in ("may", "march", "mar"):
            return len(name) > 3 or day_first  # "jan", "dec" alone are too often other words
        if day_first:
            end = self.low.find(name, start) + len(name)
            before = P.PREVIOUS_WORD.search(self.low, max(0, start - 24), start)
            return bool(re.match(r"\s*,?\s*\d{4}", self.low[end:end + 7])) or (
                before is not None and re.search(r"(?:^|\s)(?:on|of|from|until|since|by)\s+\d",
                                                 self.low[max(0, start - 12):start]) is not None)
        return match is not None and (match.group("day") is not None or match.group("monthyear") is not None)

    def _month_alone(self, pos: int, word: str) -> Figure | None:
        """"in January", "until june's vote", "fin décembre", "en mars", "the December ceasefire",
        "December's capture": a month without a day is a date too, after a preposition, before a
        possessive, or after a determiner when no name follows ("the April Jones case")."""
        name = word.rstrip(".")
        if name in P.MONTH_ABBREVIATIONS or name in ("may", "march") and not self.text[pos].isupper():
            return None  # "de sept mois": alone, an abbreviation is more often a word than a month
        if self.lang == "en" and name not in MONTHS["en"]:
            return None
        end = pos + len(name)
        previous = self._previous_word(pos)
        after_preposition = previous in MONTH_PREPOSITIONS or (  # "a record for July", not "a blow for May"
            previous in PERSON_PREPOSITIONS and name not in MONTH_NAMES_OF_PEOPLE)
        if not after_preposition:
            after = P.NEXT_WORD.match(self.text, end)
            possessive = self.low.startswith(("'s", "’s"), end) and name not in MONTH_NAMES_OF_PEOPLE
            named_after = after is not None and after.group(1)[0].isupper()
            if not (possessive or previous in MONTH_DETERMINERS and not named_after):
                return None
        month = P.MONTH_NAMES[self.lang][name]
        return self._figure(pos, end, None, None, "date", iso=f"--{month:02d}")

    def _date(self, m: re.Match) -> Figure:
        groups = m.groupdict()
        month = P.MONTH_NAMES[self.lang][groups["month"].rstrip(".")]
        year = groups["year"] or groups.get("monthyear") or "-"
        day = int(groups["day"].rstrip("erstndh")) if groups["day"] else None  # "3rd", "1er" → 3, 1
        iso = f"{year}-{month:02d}" + (f"-{day:02d}" if day else "")
        end = m.end()
        if end == m.end("month") + 1 and groups["month"] not in P.MONTH_ABBREVIATIONS:
            end -= 1  # the full stop after "3 December." ends the sentence
        return self._figure(m.start(), end, None, None, "date", iso=iso)

    def _time(self, m: re.Match) -> Figure:
        groups = m.groupdict()
        hour = int(groups["hh"] or groups["hh2"] or groups.get("hh3"))
        minute = int(groups["mm"] or groups["mm2"] or groups.get("mm3") or 0)
        hour, minute = clock(hour, minute, groups["ampm"] or groups["ampm2"])
        return self._time_figure(m.start(), m.end(), hour, minute)

    def _time_figure(self, start: int, end: int, hour: int, minute: int) -> Figure:
        return self._figure(start, end, None, None, "time", iso=f"{hour % 24:02d}:{minute % 60:02d}")

    def _is_score(self, m: re.Match) -> bool:
        """"3-2" is a score next to a result word ("won 3-2", "a 4-2 defeat", "level at 1-1"), or
        between two others ("6-4 6-1"), or where it cannot be a range, which goes up ("beat Uganda 1-0");
        otherwise a range ("20-25 people")."""
        if int(m.group("a")) >= int(m.group("b")):
            return True
        before = P.PREVIOUS_WORD.search(self.low, max(0, m.start() - 20), m.start())
        after = P.NEXT_WORD.match(self.low, m.end())
        if before is not None and before.group(1) in SCORE_BEFORE:
            return True
        following = P.WORDS_AHEAD.match(self.low, m.end())
        if following is not None and any(w in SCORE_AFTER for w in following.group().split()):
            return True  # "a 4-2 defeat", "a 2-1 premier league win", "from 2-0 down"
        if (after is None or after.group(1) in FUNCTION_WORDS[self.lang]) and before is not None \
                and self.text[before.start(1)].isupper():
            return True  # "Chelsea beat QPR 1-0 at Loftus Road"
        return bool(P.SCORE.match(self.low, m.end() + 1)) or bool(
            re.search(r"\d\s?[-–]\s?\d\s*,?\s*$", self.low[max(0, m.start() - 8):m.start()]))

    def _team_before(self, pos: int) -> bool:
        """A capitalized name right before a number, as in a result line "Barrow 2, Taunton Town 1"."""
        before = P.PREVIOUS_WORD.search(self.text, max(0, pos - 30), pos)
        return before is not None and before.end() == pos and self.text[pos - 1] == " " \
            and before.group(1)[0].isupper() and before.group(1).lower() not in MONTHS[self.lang]

    # Numbers --------------------------------------------------------------------------------------

    def _number(self, m: re.Match) -> Figure | None:
        digits, start, end = m.group("num"), m.start(), m.end()
        low = self.low
        if low[end:end + 1] == "/" and not (m.group("cur") and low[end + 1:end + 2].isalpha()) \
                or (start and low[start - 1] == "/"):
            return None  # fractions and "24/7" are not figures about the world; "$9.99/month" is a price
        value = parse_digits(digits, self.lang)
        marked = self._marked_before(start)
        qualifier = self._hedge(start) if marked else None
        if m.group("ordinal"):
            return self._figure(start, end, value, None, "ordinal", noun=self._ordinal_noun(end),
                                qualifier=qualifier)
        number_end = m.end("num")
        # a decade's digits are the whole number, followed by "s" ("1990s", "the 90's")
        decade = P.DECADE.match(low, m.start("num")) if low[number_end:number_end + 1] in P.DECADE_AFTER else None
        if decade and not m.group("cur"):
            return self._decade(start, decade)
        if low.find("années", max(0, start - 24), start) >= 0 and self._previous_word(start) == "années" \
                and len(digits) in (2, 4) and value % 10 == 0:
            return self._decade(start, _DIGITS.match(low, start))  # "les années 1990"
        if marked and self._rank_before(start):
            return self._figure(start, number_end, value, None, "rank", noun=self._noun(number_end))
        series = self._series_before(start, number_end, value) if marked else None
        if series:
            return self._figure(start, number_end, value, None, "ordinal", noun=series)
        currency = CURRENCY_SYMBOLS[m.group("cur")] if m.group("cur") else None
        if currency is None and marked:
            currency, start = self._currency_before(start)
        split = P.TOKENIZED_DECIMAL.match(low, number_end) \
            if self.lang == "en" and low.startswith(". ", number_end) and digits.isdigit() else None
        if split and (P.UNIT[self.lang].match(low, split.end()) or P.PERCENT.match(low, split.end())):
            digits, number_end = f"{digits}.{split.group('fraction')}", split.end()  # "102. 5 kg"
            value = float(digits)
        figure = self._quantity(start, number_end, value, currency, decimals(digits, self.lang),
                                glued=True, qualifier=qualifier)
        if figure is None:
            return None
        if figure.kind == "count" and figure.end == end and len(digits) == 4 and 1800 <= value <= 2100 \
                and self._is_year(start, figure.noun):
            figure.kind, figure.noun = "year", None
        elif figure.kind == "count" and figure.noun is None and self._apposition_age(
                start, figure.end, figure.value, figure.decimals, figure.qualifier):
            figure.kind, figure.unit = "age", "year"
        return figure

    def _number_words(self, m: re.Match) -> list[Figure]:
        run = m.group()
        figures: list[Figure] = []
        for rel_start, rel_end, value, is_ordinal in read_number_words(run, self.lang):
            if figures and m.start() + rel_start < figures[-1].end:
                continue  # "one third": read as one fraction
            article = run[:rel_start].strip() in ("a", "an", "half a")
            start, end = m.start() + (0 if article else rel_start), m.start() + rel_end
            if run[:rel_start].strip() == "half a":
                value /= 2
            word = self.low[start:end]
            marked = self._marked_before(start)
            if is_ordinal:
                figure = self._ordinal_word(start, end, word, value)
            elif marked and self._rank_before(start):
                figure = self._figure(start, end, value, None, "rank", noun=self._noun(end))
            elif marked and (series := self._series_before(start, end, value)):
                figure = self._figure(start, end, value, None, "ordinal", noun=series)
            elif P.FRACTION_WORD[self.lang].match(self.low, end):
                fraction = P.FRACTION_WORD[self.lang].match(self.low, end)
                figures += self._fraction(start, fraction.start("f"), fraction.group("f"), value)
                continue
            elif word in WEAK_UNITS[self.lang]:
                figure = self._weak_unit(start, end, value)
            else:
                half_end = self._and_a_half(end)
                figure = self._quantity(start, half_end, value + (0.5 if half_end != end else 0.0), None, 0,
                                        glued=False, qualifier=self._hedge(start) if marked else None)
                if figure is not None and figure.kind == "count" and figure.noun is None \
                        and self._apposition_age(start, figure.end, figure.value, 0, figure.qualifier):
                    figure.kind, figure.unit = "age", "year"
            if figure is not None:
                figures.append(figure)
        return figures

    def _ordinal_noun(self, end: int) -> str | None:
        """What an ordinal ranks, "ever" aside: "the first ever game", "first-ever title"."""
        ever = P.EVER.match(self.low, end)
        return self._noun(ever.end() if ever else end)

    def _ordinal_word(self, start: int, end: int, word: str, value: float) -> Figure | None:
        if word in ("second", "seconde") and self._previous_word(start) in ("per", "every", "each", "par"):
            return None  # "2.4 miles per second": a unit of time
        noun = self._ordinal_noun(end)
        if word in FRACTIONS[self.lang]:
            fraction = self._fraction(start, start, word, 1)  # "a third of voters"
            if fraction:
                return fraction[0]
        if noun is None and word in ("first", "premier", "première") and not re.search(
                r"(?:the|le|la|came|come|finished|finish|placed|to|in|au|en)\s+$", self.low[max(0, start - 10):start]):
            return None  # "first, ...", "at first", "first met": an adverb; "came first", "the first" rank
        if noun is not None and self.low[end:end + 1] != "-" and self._not_a_rank(word, noun.split()[0].lower()):
            return None  # but "second-placed" ranks
        return self._figure(start, end, value, None, "ordinal", noun=noun)

    def _weak_unit(self, start: int, end: int, value: float) -> Figure | None:
        """A lone "one" counts only the noun right after it: "one car bomb". "One of the buildings" is a
        member of a set, not a count ("one of the world's biggest" even less so), and "one can say",
        "une coalition" count nothing."""
        if P.PARTITIVE.match(self.low, end) or self.lang == "fr":
            return None
        noun = self._noun(end)
        if noun is None:
            return None
        return self._quantity(start, end, value, None, 0, glued=False, qualifier=self._hedge(start))

    def _and_a_half(self, end: int) -> int:
        """The end of "two and a half" / "deux et demi" after the number that ends at `end`."""
        m = P.AND_A_HALF.match(self.low, end, end + 16)
        return m.end() if m else end

    def _quantity(self, start: int, end: int, value: float, currency: str | None, places: int,
                  glued: bool, qualifier: str | None = None) -> Figure | None:
        """The figure of a number given what follows it: scale, percent, currency, unit, noun."""
        low = self.low
        after = P.AFTER_NUMBER[self.lang].match(low, end)  # one test for the five below: mostly none matches
        scale = P.SCALE.match(low, end) if after else None
        factor = 1.0
        if scale and self._is_scale(scale, currency, glued, value):
            word = scale.group("scale")
            factor = 12 if word == "dozen" else SCALES[word]
            value *= factor
            end = scale.end()
        plus = P.PLUS_AFTER.match(low, end) if low[end:end + 1] in "+-" else None
        if plus:  # "70-plus tackles": more than 70
            qualifier, end = qualifier or "more than", plus.end()
            after = P.AFTER_NUMBER[self.lang].match(low, end)
        percent = P.PERCENT.match(low, end) if after else None
        if percent:
            unit = "percentage point" if "point" in percent.group("pct") else "%"
            noun = self._noun(percent.end(), partitive=True)
            perfect = value == 100 and unit == "%" and noun is not None \
                and noun.split()[0].lower() in PERFECT_RECORD_NOUNS[self.lang]  # "their 100% start": an idiom
            return self._figure(start, percent.end(), value, unit, "percent", qualifier=qualifier,
                                noun=noun, decimals=places, vague=perfect)
        word = P.CURRENCY_WORD.match(low, end) if after else None
        if word and currency is None:
            currency, end = CURRENCY_AFTER[_single_spaced(word.group("curword"))], word.end()
        if currency:
            return self._figure(start, end, value, currency, "money", qualifier=qualifier, decimals=places,
                                scale=factor)
        by_word = factor != 1 and len(scale.group("scale")) > 3  # "390 million kilometres", "1,5 million de km"
        de = P.DE_AFTER_SCALE.match(low, end) if by_word and self.lang == "fr" else None
        unit = P.UNIT[self.lang].match(low, de.end() if de else end) if after else None
        if unit and self._is_unit(unit, glued, value) and (factor == 1 or by_word):
            name, kind = UNITS[_single_spaced(unit.group("unit"))]
            adjective = "-" in unit.group("gap")  # "six-year-long war", "a 24-hour truce"
            noun = self._noun(unit.end()) if adjective or unit.group("old") else None
            person = self._person_of(start) if kind == "duration" and name == "year" else None
            if unit.group("old") or (kind == "duration" and name == "year" and (
                    self._age_before(start) or self._apposition_age(start, unit.end(), value, places) or person)):
                return self._figure(start, unit.end(), value, "year", "age", noun=noun or person,
                                    qualifier=qualifier)
            half = self._and_a_half(unit.end()) if value.is_integer() and not adjective else unit.end()
            if kind == "duration" and name == "hour" and self.lang == "fr" and self._clock_before(start):
                if half != unit.end():  # "à sept heures et demie"
                    return self._time_figure(start, half, int(value), 30)
                minutes = re.match(r"\s?(\d\d)(?!\d)", low[unit.end():unit.end() + 4])
                minute = int(minutes.group(1)) if minutes else 0
                return self._time_figure(start, unit.end() + (minutes.end() if minutes else 0),
                                         int(value), minute)
            if half != unit.end():  # "deux ans et demi", "3 hours and a half"
                return self._figure(start, half, value + 0.5, name, kind, qualifier=qualifier,
                                    decimals=places)
            return self._figure(start, unit.end(), value, name, kind, qualifier=qualifier, noun=noun,
                                decimals=places)
        oclock = P.OCLOCK.match(low, end, end + 9) if after else None
        if oclock and value.is_integer():
            return self._time_figure(start, oclock.end(), int(value), 0)
        if low[end:end + 1].isalpha():
            return None  # "4x4", "5G": digits inside a word
        if self._age_before(start):
            return self._figure(start, end, value, "year", "age", qualifier=qualifier)
        return self._figure(start, end, value, None, "count", qualifier=qualifier, decimals=places,
                            noun=self._noun(end, partitive=not low[end - 1].isdigit()), scale=factor)

    def _is_scale(self, scale: re.Match, currency: str | None, glued: bool, value: float) -> bool:
        """"m"/"k"/"bn" multiply money, or a glued number before a noun ("13m people"); "100 m" is
        metres, and so is "1500m" anywhere: thousands of millions are written "1.5bn"."""
        if scale.group("scale") not in ("m", "k") or P.CURRENCY_WORD.match(self.low, scale.end()):
            return True  # "2,5 M€", "5 m euros"
        if scale.group("scale") == "m" and self.lang == "fr" and currency is None:
            return False  # "un bassin de 25m": French millions are "M" before a currency or "millions"
        if scale.group("scale") == "m" and currency is None and value >= _METRES_NOT_MILLIONS:
            return False
        if scale.group("gap") or not glued:
            return currency is not None
        return currency is not None or (P.NEXT_WORD.match(self.text, scale.end()) is not None
                                        and not P.PUNCT_AFTER.match(self.text, scale.end()))

    def _is_unit(self, unit: re.Match, glued: bool, value: float) -> bool:
        """One- and two-letter units count only after digits, glued or before punctuation ("24h",
        "100 m.", "38.1C"), but "m" after thousands is metres wherever it is ("the 5,000 m record")."""
        name = unit.group("unit")
        if name not in AMBIGUOUS_SHORT_UNITS or self.lang == "fr" and name in FRENCH_SPACED_UNITS:
            return True
        if name == "m" and value >= _METRES_NOT_MILLIONS:
            return True
        return glued and (not unit.group("gap") or P.PUNCT_AFTER.match(self.text, unit.end()) is not None)

    def _vague(self, start: int, end: int, phrase: str) -> Figure:
        kind_class = VAGUE[self.lang][phrase]
        magnitude = kind_class in MAGNITUDES
        return self._figure(start, end, None, kind_class, "magnitude" if magnitude else "vague",
                            noun=self._noun(end, partitive=True), vague=not magnitude)

    def _approximate(self, pos: int, word: str) -> list[Figure]:
        """"une quinzaine de blessés", "a dozen people": a value, approximate."""
        before = self.low[max(0, pos - 6):pos]
        if not re.search(r"(?:^|\W)(?:une?|a)\s+$", before):
            return []
        start = pos - len(re.search(r"(?:une?|a)\s+$", before).group())
        value = APPROXIMATE_NUMBERS[self.lang][word]
        return [self._figure(start, pos + len(word), float(value), None, "count", qualifier="about",
                             noun=self._noun(pos + len(word), partitive=True))]

    def _fraction(self, start: int, word_start: int, word: str, numerator: float) -> list[Figure]:
        """"a third of", "two-thirds", "un quart des", "la moitié", "half of": the share as a value."""
        end = word_start + len(word)
        if word in ("half", "demi", "demie") and start == word_start:
            halved = self._half_of_unit(word_start, end)
            if halved is not None:
                return [halved]
        if re.match(r"\s?-\s?[^\W\d_]", self.low[end:end + 4]):
            return []  # "half-time", "a half - marathon", "a third-party claim"
        if start == word_start:  # the fraction word alone: needs "a"/"la"/"un"/"one" before or "of" after
            before = self.low[max(0, start - 4):start]
            article = re.search(r"(?<![\w])(an?|la|un|one)\s+$", before)
            if word in ("half", "moitié", "demi"):
                if re.search(r"\b(?:and|et)\s+(?:an?|une?)\s+$", self.low[max(0, start - 8):start]):
                    return []  # "a year and a half": the half of a quantity, not a share
                if not (article or P.FRACTION_OF.match(self.low, end) or self.low.startswith((" the ", " a "),
                                                                                              end)):
                    return []
            elif not (article and P.FRACTION_OF.match(self.low, end)):
                return []
            if article:
                start = max(0, start - 4) + article.start(1)
        value = numerator * FRACTIONS[self.lang][word]
        return [self._figure(start, end, value, None, "fraction", noun=self._noun(end, partitive=True),
                             qualifier=self._hedge(start))]

    def _half_of_unit(self, start: int, end: int) -> Figure | None:
        """"a year and a half", "un an et demi" (1.5 years), "half an hour", "une demi-heure" (0.5 hour),
        for a "half" / "demi" from `start` to `end`."""
        window = max(0, start - 40)
        m = P.ONE_AND_A_HALF[self.lang].search(self.low, window, start)
        if m is not None:
            value, start = 1.5, m.start("one")
        else:
            m = P.HALF_A[self.lang].match(self.low, end)
            if m is None:
                return None
            value, end = 0.5, m.end()
        name, kind = UNITS[_single_spaced(m.group("unit"))]
        return self._figure(start, end, value, name, kind)

    def _rank_words(self, pos: int) -> list[Figure]:
        """"number two", "numéro un": a rank, not a count."""
        m = re.match(r"(?:number|numéro)\s+", self.low[pos:pos + 12])
        if not m:
            return []
        run = P.NUMBER_RUN[self.lang].match(self.low, pos + m.end())
        if not run:
            return []
        found = read_number_words(run.group(), self.lang)
        if not found or found[0][0] != 0 or found[0][3]:
            return []
        end = run.start() + found[0][1]
        return [self._figure(pos, end, found[0][2], None, "rank", noun=self._noun(end))]

    def _decade(self, start: int, m: re.Match) -> Figure | None:
        digits = m.group("digits")
        if len(digits) == 2:
            if not re.search(r"(?:the|les|des|années)\s+['’]?$", self.low[max(0, start - 8):start]):
                return None
            year = (1900 if digits != "00" and int(digits) >= 20 else 2000) + int(digits)
        else:
            year = int(digits)
        return self._figure(start, m.end(), float(year), None, "decade")

    # Surroundings ---------------------------------------------------------------------------------

    def _noun(self, pos: int, partitive: bool = False) -> str | None:
        """The noun phrase a number counts: up to four content words after it, stopping at a function
        word and, in English, at a participle once the noun has started ("14 people killed"); in French
        only the first word, the head, since adjectives follow it."""
        if partitive:
            of = P.PARTITIVE.match(self.low, pos)
            if of:
                pos = of.end()
        stop, english, text, next_word = _NOT_A_NOUN[self.lang], self.lang == "en", self.text, P.NEXT_WORD.match
        words: list[str] = []
        premodifier = None  # "deux autres pompiers": the noun after it; "deux jeunes ont été arrêtés": it
        while len(words) < 4:
            m = next_word(text, pos)
            if not m:
                break
            word = m.group(1)
            lower = word.lower()
            if not words and premodifier is None and lower in NOUN_PREMODIFIERS[self.lang]:
                premodifier, pos = word, m.end()
                continue
            if lower in stop:
                break
            if english and lower.endswith(NON_NOUN_ENDINGS) and (
                    words or lower.endswith("ly") or not known_concept(lower)):
                break  # "14 people killed", "the 68-year-old described"; but "two injured"
            words.append(word)
            pos = m.end()
            if not english:
                break
        return " ".join(words) or (premodifier if premodifier and premodifier.lower() not in stop else None)

    def _previous_word(self, start: int) -> str | None:
        m = P.LAST_WORD.search(self.low[max(0, start - 24):start])
        return m.group(1) if m else None

    def _marked_before(self, start: int) -> bool:
        """Whether the text before `start` ends with a word that the hedge, rank, series or currency-code
        test looks for: one str.endswith at C speed, where most numbers follow a word none of them wants."""
        return self.low[max(0, start - P.BEFORE_WINDOW):start].rstrip().endswith(P.BEFORE_ENDS)

    def _rank_before(self, start: int) -> bool:
        """"No 1", "No. 1", "number 1", "n°1" (not "no one": that is the number word's own check)."""
        before = self.low[max(0, start - 8):start]
        if not before.rstrip().endswith(P.RANK_WORDS):  # what the regex needs, found at C speed
            return False
        m = P.RANK_BEFORE.search(before)
        return m is not None and (m.group(1) != "no" or self.low[start].isdigit())

    def _series_before(self, start: int, end: int, value: float) -> str | None:
        """"day two", "round 3", "étape 4": a number after one of a series is its rank (the noun it
        ranks is returned), unless the number counts what follows ("the day 30 people died")."""
        if not value.is_integer() or not 1 <= value < 100 or self.low[start - 1:start] != " ":
            return None
        if not self.low.endswith(P.SERIES_ENDS[self.lang], max(0, start - 12), start - 1):
            return None  # what follows needs one of the series nouns right before (checked at C speed)
        word_start = self.low.rfind(" ", max(0, start - 12), start - 1) + 1
        word = self.low[word_start:start - 1].rpartition("'")[2].rpartition("’")[2]  # "l'étape"
        if word not in SERIES_NOUNS[self.lang]:
            return None
        after = P.NEXT_WORD.match(self.low, end)
        if after is not None and not P.PUNCT_AFTER.match(self.low, end) \
                and after.group(1) not in FUNCTION_WORDS[self.lang]:
            return None
        return self.text[start - 1 - len(word):start - 1]

    def _age_before(self, start: int) -> bool:
        """"aged 39", "âgé de 39 ans", "age 39"."""
        before = self.low[max(0, start - 20):start]
        if not P.AGE_WORD.search(before):  # what the regex needs, found at C speed
            return False
        m = P.AGE_BEFORE.search(before)
        return m is not None and m.group(1) in AGE_BEFORE

    def _person_of(self, start: int) -> str | None:
        """The person whose age "de N ans" gives: "une femme de 39 ans", "un pompier volontaire de 34
        ans" (a person noun the lexicon knows, or one ending as French nouns of people do, perhaps then
        an adjective); none in "une peine de prison de 30 ans", a duration."""
        if self.lang != "fr" or not self.low.endswith("de ", 0, start):
            return None
        m = _PERSON_DE.search(self.low, max(0, start - 40), start)
        people = [i for i in (1, 2) if m is not None and m.group(i) and _is_person_noun(m.group(i))]
        if not people:
            return None
        # the head: a noun the lexicon knows ("jeune femme": femme), else the first, French putting the
        # adjective after ("militant écologiste")
        head = max(people, key=lambda i: (known_concept(m.group(i), "fr"),
                                          m.group(i) not in NOUN_PREMODIFIERS["fr"]))
        return self.text[m.start(head):m.end(head)]

    def _apposition_age(self, start: int, end: int, value: float, places: int,
                        qualifier: str | None = None) -> bool:
        """"Roldan, 39, says", "the boy, 15." "(39)", "Marie, 39 ans,": a small bare number set off by
        commas right after a name or noun is the age of who it follows."""
        if not value.is_integer() or not 1 <= value <= 115 or places or qualifier:
            return False
        before = self.low[max(0, start - 30):start]
        after = self.low[end:end + 3]
        if before.endswith("(") and after.startswith(")"):
            word = P.LAST_WORD.search(before[:-1])
        elif "," in before[-2:] and re.search(r"[^\W\d_]\s?,\s?$", before) \
                and re.match(r"\s?(?:,|\.(?!\d)|;|$)", after):  # (the search needs a comma in the last two)
            word = P.LAST_WORD.search(before.rstrip(", "))
        else:
            return False
        return word is not None and word.group(1) not in FUNCTION_WORDS[self.lang] \
            and word.group(1) not in MONTHS[self.lang] and word.group(1) not in _ALL_NUMBER_WORDS \
            and word.group(1) not in WEEKDAYS[self.lang]

    def _clock_before(self, start: int) -> bool:
        word = self._previous_word(start)
        return word is not None and word in CLOCK_BEFORE

    def _currency_before(self, start: int) -> tuple[str | None, int]:
        """The ISO code written before the number ("CHF 500", "USD 13m") and where the figure starts."""
        m = P.CODE_BEFORE.search(self.low, max(0, start - 5), start) \
            if self.low[max(0, start - 5):start].rstrip().endswith(P.CODES_BEFORE) else None
        if m:
            return CURRENCY_CODES_BEFORE[m.group("code")], m.start("code")
        return None, start

    def _not_a_rank(self, ordinal: str, next_word: str) -> bool:
        """"first launched", "premier ministre": an adverb or a title, not a rank of things."""
        if f"{ordinal} {next_word}" in ORDINAL_IDIOMS[self.lang]:
            return True
        return self.lang == "en" and next_word.endswith(("ed", "ly"))

    def _hedge(self, start: int) -> str | None:
        if not self.low[start - 1:start].isspace() or not self.low[max(0, start - 24):start].rstrip().endswith(
                P.HEDGE_ENDS):  # what the regex needs, checked at C speed
            return None
        m = P.HEDGE.search(self.low, max(0, start - 24), start)
        return _single_spaced(m.group("hedge")) if m else None

    def _is_year(self, start: int, noun: str | None) -> bool:
        """A bare 1800–2100 is a year unless it counts a plural noun with no "in"/"since"/"en" before."""
        if noun is None or not noun.split()[0].lower().endswith(("s", "x")):
            return True
        previous = self._previous_word(start)
        return previous is not None and previous in YEAR_PREPOSITIONS

    def _figure(self, start: int, end: int, value: float | None, unit: str | None, kind: str,
                noun: str | None = None, vague: bool = False, qualifier: str | None = None, iso: str | None = None,
                decimals: int = 0, scale: float = 1.0) -> Figure:
        """A figure of this text, its language and lower-cased text set (every field passed by position,
        in the order `Figure` declares them: keywords cost twice the call, `**details` a dict per figure,
        and an article has dozens)."""
        return Figure(self.text[start:end], start, end, value, unit, kind, noun, vague, qualifier, iso, self.lang,
                      decimals, scale, self.low, self.text)
