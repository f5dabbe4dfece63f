"""Numbers as written: digits with English or French separators, number words, and word stems.

Number-word readings, stems and concepts are cached: a corpus repeats the same few number words and
nouns, and text2num is a call across the Rust boundary.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer
from text_to_num import find_numbers

from .lexicon import CONCEPTS, EXTRA_ORDINALS

_SPACES = re.compile(r"[\s\u00a0\u202f]")


def parse_digits(digits: str, lang: str) -> float:
    """The value of "300,000", "300 000", "1,5", "1.5", "1.500" in the conventions of `lang`.

    A single comma or dot followed by exactly three digits is a thousands separator in English for the
    comma ("1,500") and in French for the dot ("1.500"); otherwise it is the decimal mark. Spaces (plain,
    no-break, narrow no-break) only ever group thousands. Repeated separators always group thousands.
    """
    if digits.isdecimal():  # most numbers: no separator to read
        return float(digits)
    digits = _SPACES.sub("", digits)
    commas, dots = digits.count(","), digits.count(".")
    if commas and dots:  # "1,500.5" or "1.500,5": the last mark is the decimal one
        if digits.rfind(",") > digits.rfind("."):
            return float(digits.replace(".", "").replace(",", "."))
        return float(digits.replace(",", ""))
    mark = "," if commas else "." if dots else ""
    if not mark:
        return float(digits)
    if digits.count(mark) > 1:
        return float(digits.replace(mark, ""))
    integer, fraction = digits.split(mark)
    thousands_mark = "," if lang == "en" else "."
    if len(fraction) == 3 and mark == thousands_mark:
        return float(integer + fraction)
    return float(f"{integer}.{fraction}")


def decimals(digits: str, lang: str) -> int:
    """Digits after the decimal mark of a number as written (0 for "300,000", 1 for "1,5" in French)."""
    if digits.isdecimal():
        return 0
    value = parse_digits(digits, lang)
    if value.is_integer():
        return 0
    return len(re.split(r"[.,]", digits)[-1])


class _Token:
    """A word of a number-word run in the shape `text_to_num.find_numbers` expects."""

    __slots__ = ("word", "start", "end")

    def __init__(self, word: str, start: int, end: int) -> None:
        self.word, self.start, self.end = word, start, end

    def text(self) -> str:
        return self.word

    def nt_separated(self, previous: "_Token") -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


_RUN_TOKEN = re.compile(r"\w+|[^\w\s]")


@lru_cache(maxsize=8192)
def read_number_words(run: str, lang: str) -> tuple[tuple[int, int, float, bool], ...]:
    """The numbers text2num finds in a run of number words, as (start, end, value, is_ordinal) with
    character offsets into `run`. "one two" is two numbers; "three hundred thousand" is one."""
    tokens = [_Token(m.group(), m.start(), m.end()) for m in _RUN_TOKEN.finditer(run)]
    extra = EXTRA_ORDINALS[lang].get(run.lower())
    if extra is not None:
        return ((0, len(run), float(extra), True),)
    found = []
    for occurrence in find_numbers(tokens, lang, 0):
        first, last = tokens[occurrence.start], tokens[occurrence.end - 1]
        found.append((first.start, last.end, float(occurrence.value), bool(occurrence.is_ordinal)))
    return tuple(found)


_STEMMERS = {"en": snowballstemmer.stemmer("english"), "fr": snowballstemmer.stemmer("french")}


@lru_cache(maxsize=65536)
def stem(word: str, lang: str = "en") -> str:
    """The Snowball stem of a word, accents and possessive off, so that the noun a figure counts meets
    its inflections and derivations ("infections"/"infected", "réfugiés"/"réfugié")."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = _STEMMERS["fr" if lang == "fr" else "en"].stemWord(w)
    return "".join(c for c in unicodedata.normalize("NFD", w) if not unicodedata.combining(c))


def _concept_table() -> dict[str, tuple[str, ...]]:
    """Stem → concepts; each word of the lexicon is entered under its stem in both languages, since a
    line mixes English and French."""
    table: dict[str, tuple[str, ...]] = {}
    for line in CONCEPTS.strip().splitlines():
        words = line.split()
        name = stem(words[0])
        for word in words:
            for key in {stem(word, "en"), stem(word, "fr")}:
                if name not in table.get(key, ()):
                    table[key] = table.get(key, ()) + (name,)
    return table


_CONCEPTS_OF = _concept_table()


@lru_cache(maxsize=65536)
def concepts(word: str, lang: str = "en") -> tuple[str, ...]:
    """The concepts a word names, so that synonyms and French/English translations compare equal; an
    unknown word is its own concept (its stem)."""
    s = stem(word, lang)
    return _CONCEPTS_OF.get(s, (s,))


def known_concept(word: str, lang: str = "en") -> bool:
    """Whether the lexicon knows this word, i.e. a mismatch with it is evidence, not ignorance."""
    return stem(word, lang) in _CONCEPTS_OF
