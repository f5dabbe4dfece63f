"""The compiled regexes of figure extraction, all over lower-cased text.

Speed comes from two cheap scans of each text, each starting with a character class so that the engine
skips ahead in C: digits and currency symbols, and a few hundred trigger words (compiled as a trie) after
a space or punctuation. Everything else is an anchored `match` at a trigger, i.e. only where a figure may
start. On the seeds, a single case-insensitive alternation of every pattern behind a look-behind scanned
an order of magnitude slower than lower-casing the text and scanning this way.

Dates are hand-written regexes over the shared month names (:mod:`mlsum.vocab`) rather than
`dateparser.search`, which costs milliseconds per call and reads "Thursday" or "last year" as dates,
while a figure needs a number. Number words, scales, ordinal suffixes and am/pm come from the same
vocabulary.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable

from ..vocab import AMPM, APPROXIMATE_NUMBERS, FRACTIONS, LANGS, MONTHS, NUMBER_WORDS, ORDINAL_SUFFIX, SCALES
from .lexicon import AGE_BEFORE as AGE_BEFORE_WORDS
from .lexicon import RANK_BEFORE as RANK_WORDS
from .lexicon import (CURRENCY_AFTER, CURRENCY_CODES_BEFORE, CURRENCY_SYMBOLS, FRENCH_ONLY_UNITS, HEDGES,
                      PERCENT_POINT_WORDS, PERCENT_WORDS, SERIES_NOUNS, UNIT_ADJECTIVES, UNITS, VAGUE)


def trie(words: Iterable[str]) -> str:
    """A regex matching any of `words`, factored by common prefix ("t(?:en|hree|wo)") so that a failed
    position costs one character test instead of one per word. Spaces match any whitespace; the longest
    word wins because optional tails are greedy."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [(r"\s+" if char == " " else re.escape(char)) + build(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


_YEAR_DIGITS = r"(?:1[89]|20)\d\d"
_YEAR = _YEAR_DIGITS + r"(?!\d)"
_AMPM = rf"(?:{AMPM})(?!\w)"
A_SCALE = ("a hundred", "a thousand", "a million", "a billion", "an hundred", "half a million",
           "half a billion")
# Where a number as written ends: "300,000", "300 000", "5, 000" (tokenized text), "1,5", "1.500".
# Tokenized text splits decimals too ("102. 5 kg"): the extractor joins them before a unit only, since
# "in 2014. 5 people" is two sentences.
TOKENIZED_DECIMAL = re.compile(r"\. (?P<fraction>\d{1,3})(?![\d,.])")
NUMBER = r"\d{1,3}(?:(?:[,.\u00a0\u202f ]|, )\d{3})+(?![\d])(?:[.,]\d+)?|\d+(?:[.,]\d+)?"


def _months(lang: str) -> dict[str, int]:
    """Month names a text in `lang` may use: French articles quote English datelines, not the reverse."""
    return {**MONTHS["en"], **MONTHS["fr"]} if lang == "fr" else MONTHS["en"]


def _trigger_words(lang: str) -> set[str]:
    return {*NUMBER_WORDS[lang], *VAGUE[lang], *_months(lang), *FRACTIONS[lang],
            *APPROXIMATE_NUMBERS[lang], *(A_SCALE if lang == "en" else ()),
            *(("number", "numéro") if lang == "fr" else ("number",))}


def _spelled_out(*categories: str) -> tuple[str, ...]:
    """The characters of the Basic Multilingual Plane that each category (r"\d", r"\s") matches, as the
    ranges of a character class. A class of ranges compiles to a bitmap; a category in a class looks up
    the Unicode tables at every character the engine skips, which made the digit scan of an article
    three times slower. (No space lies beyond the BMP; digits there are handled by the caller.)"""
    bmp = array("I", range(0x10000)).tobytes().decode("utf-32-le", "surrogatepass")
    return tuple("".join(f"\\u{m.start():04x}-\\u{m.end() - 1:04x}" for m in re.finditer(f"{category}+", bmp))
                 for category in categories)


SPACES, DIGITS, _LETTERS, _WORD_CHARS = _spelled_out(r"\s", r"\d", r"[^\W\d_]", r"\w")  # in the BMP
ASTRAL = "\U00010000-\U0010ffff"  # the characters beyond the BMP


def _word_trigger(lang: str) -> re.Pattern:
    """A trigger word after a character that can precede a word (a class the engine skips to in C,
    twice as fast as starting with the trie). Scan " " + text, so that a first word is found too."""
    return re.compile(rf"[{SPACES}(“\"'‘«\[/—-](?P<word>{trie(_trigger_words(lang))})(?!\w)")


def _day_month(lang: str) -> re.Pattern:
    """A day-first date: "3 December", "3rd of December 2024", "1er janvier"."""
    day = r"(?:1er|\d{1,2})" if lang == "fr" else r"\d{1,2}(?:st|nd|rd|th)?"
    return re.compile(rf"(?P<day>{day})\s+(?:of\s+)?(?P<month>{trie(_months(lang))})(?!\w)\.?"
                      rf"(?:\s*,?\s*(?P<year>{_YEAR}))?")


def _clock(lang: str) -> re.Pattern:
    """A time of day: "16:44", "4:44 p.m.", "4pm", "16h30" (French)."""
    french = r"|(?P<hh3>[012]?\d)\s?h\s?(?P<mm3>[0-5]\d)(?!\d)" if lang == "fr" else ""
    return re.compile(rf"(?P<hh>[012]?\d):(?P<mm>[0-5]\d)(?![\d:])\s*(?P<ampm>{_AMPM})?"
                      rf"|(?P<hh2>1[0-2]|0?\d)(?:\.(?P<mm2>[0-5]\d))?\s*(?P<ampm2>{_AMPM})" + french)


def _number(lang: str) -> re.Pattern:
    return re.compile(rf"(?:(?P<cur>{trie(CURRENCY_SYMBOLS)})\s?)?(?P<num>{NUMBER})"
                      rf"(?P<ordinal>{ORDINAL_SUFFIX[lang]}\b)?")


def _month_first(lang: str) -> re.Pattern:
    """"December 3", "March 22, 2017", "December 2024" (a day-first date starts with a digit)."""
    return re.compile(
        rf"(?P<month>{trie(_months(lang))})(?!\w)\.?\s*"
        rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\d,.]\d)(?:\s*,?\s*(?P<year>{_YEAR}))?"
        rf"|,?\s*(?P<monthyear>{_YEAR}))")


def _number_words(lang: str) -> re.Pattern:
    """A run of number words, joined as numbers are spelled ("three hundred and five", "vingt-et-un")."""
    words = trie(NUMBER_WORDS[lang])
    joiner = r"(?:\s+and\s+|-and-|\s+|\s?-\s?)" if lang == "en" else r"(?:\s+et\s+|-et-|\s+|-)"
    article = r"(?:(?:an?|half\s+a)\s+(?=hundred|thousand|million|billion))?" if lang == "en" else ""
    return re.compile(rf"{article}{words}(?!\w)(?:{joiner}{words}(?!\w))*")


def _unit(lang: str) -> re.Pattern:
    names = [u for u in UNITS if lang == "fr" or u not in FRENCH_ONLY_UNITS]
    adjective = rf"(?:{trie(UNIT_ADJECTIVES[lang])})\s+"
    return re.compile(rf"(?P<gap>\s?|\s?-\s?)(?:{adjective})?(?P<unit>{trie(names)})"
                      r"(?P<old>\s?-\s?old|\s+old\b)?(?:\s?-\s?long)?(?![^\W\d_])")


WORD_TRIGGER = {lang: _word_trigger(lang) for lang in LANGS}
# One match per run of digits or currency symbol; runs inside a number already read ("000" of "300,000")
# are skipped by the caller.
_SYMBOL_STARTS = "".join(sorted({re.escape(s[0]) for s in CURRENCY_SYMBOLS if not s[0].isalpha()}))
# A character beyond the BMP starts a match too, digit or not (the caller tells): a class of BMP ranges
# and one astral range is still a bitmap and a comparison per character.
DIGIT_TRIGGER = re.compile(rf"[{_SYMBOL_STARTS}{DIGITS}{ASTRAL}]\d*")
SYMBOL_BEFORE = re.compile(rf"(?<![^\W\d_])(?:{trie(s for s in CURRENCY_SYMBOLS if s[0].isalpha())})$")
CODE_BEFORE = re.compile(rf"(?:^|[^\w])(?P<code>{trie(CURRENCY_CODES_BEFORE)})\s?$")
FRACTION_WORD = {lang: re.compile(rf"(?:\s+|-)(?P<f>{trie(FRACTIONS[lang])})(?!\w)") for lang in LANGS}
ISO_DATE = re.compile(rf"{_YEAR_DIGITS}-[01]\d-[0-3]\d(?!\d)")
DAY_MONTH = {lang: _day_month(lang) for lang in LANGS}
CLOCK = {lang: _clock(lang) for lang in LANGS}
NUMBER_AT = {lang: _number(lang) for lang in LANGS}
MONTH_FIRST = {lang: _month_first(lang) for lang in LANGS}
NUMBER_RUN = {lang: _number_words(lang) for lang in LANGS}
UNIT = {lang: _unit(lang) for lang in LANGS}
MONTH_NAMES = {lang: _months(lang) for lang in LANGS}
MONTH_NAMES_ANY = _months("fr")  # every month name either language's text may use
# "Dec." keeps its period; "3 December." ends a sentence.
MONTH_ABBREVIATIONS = {name for lang in LANGS for name, number in MONTHS[lang].items()
                       if len(name) < max(len(n) for n, k in MONTHS[lang].items() if k == number)}

NUMBER_NEXT = {lang: re.compile(rf"\s+(?:\d|{trie(NUMBER_WORDS[lang])}(?!\w))") for lang in LANGS}
SCALE = re.compile(rf"(?P<gap>\s?)(?P<scale>{trie([*SCALES, 'dozen'])})(?!\w)")
DE_AFTER_SCALE = re.compile(r"\s+d(?:e(?=\s)|['’](?=\w))")  # "millions de kilomètres", "millions d'hectares"
WORD_ENDING_HERE = re.compile(r"[^\W\d_]+$")

# A lower bound written after the number: "70-plus tackles", "50+ people" (not "3+2").
PLUS_AFTER = re.compile(r"(?:-plus|\+)(?![\w+])")
PERCENT = re.compile(rf"\s?(?P<pct>{trie([*PERCENT_WORDS, *PERCENT_POINT_WORDS])})(?![^\W\d_])")
CURRENCY_WORD = re.compile(rf"\s*(?:(?:de|d['’])\s*)?(?P<curword>{trie(CURRENCY_AFTER)})(?!\w)")
PARTITIVE = re.compile(r"\s+(?:of\s+(?:the\s+)?|des\b\s*|de\b\s*|d['’]\s*)")
NEXT_WORD = re.compile(r"[ \t]*(?:-[ \t]*)?([^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*)")
PUNCT_AFTER = re.compile(r"\s*(?:[^\w\s]|$)")
HEDGE = re.compile(rf"(?:^|[^\w'])(?P<hedge>{trie(HEDGES)})\s+$")
# Words that the `$`-anchored searches before a number need, tested first with str.endswith or one
# literal search: most numbers have none of them before, and a search tries every start in its window.
HEDGE_ENDS = tuple({hedge.split()[-1] for hedge in HEDGES})
CODES_BEFORE = tuple(CURRENCY_CODES_BEFORE)
RANK_BEFORE = re.compile(rf"(?:^|[^\w])({trie(RANK_WORDS)})\s*$")
AGE_BEFORE = re.compile(r"([^\W\d_]+)\s+(?:de\s+|of\s+)?(?:between\s+)?$")
SERIES_ENDS = {lang: tuple(SERIES_NOUNS[lang]) for lang in LANGS}
# Every ending the four tests above look for (hedge, rank, series noun, currency code): a number after none
# of them skips all four (a test true on a shorter window before the number is true on this one).
BEFORE_ENDS = tuple({*HEDGE_ENDS, *RANK_WORDS, *CODES_BEFORE, *(n for nouns in SERIES_ENDS.values() for n in nouns)})
BEFORE_WINDOW = 24
AGE_WORD = re.compile("|".join(sorted(AGE_BEFORE_WORDS)))
# Possessive: giving characters back never helps the search, and trying to made it the slowest step of a
# month or ordinal word.
PREVIOUS_WORD = re.compile(r"([^\W\d_][\w'’°.]*+)\W*+$")
# The same in a window cut out as a string of its own (where no offsets are wanted): the search fits in full only
# the starts no letter precedes, twice as fast, and finds the same word (a start after a letter runs to the same
# end as the letter's, so the first start that fits never follows one).
LAST_WORD = re.compile(r"(?<![^\W\d_])([^\W\d_][\w'’°.]*+)\W*+$")
CONTEXT_WORD = re.compile(r"[^\W\d_][\w'’]*")
# The same on a text without characters beyond the BMP: plain ranges, tested without the Unicode tables.
BMP_CONTEXT_WORD = re.compile(f"[{_LETTERS}][{_WORD_CHARS}'’]*")
# A score: "3-2", "4 - 2", "6–4" (whether it is one depends on the words around it).
SCORE = re.compile(r"(?P<a>\d{1,2})\s?[-–]\s?(?P<b>\d{1,2})(?!\d|[,.]\d|%|\s?[-–]\s?[^\W\d_]|\s?(?:°|per|pour|%))")
# A result line: "Match ends, Gateshead 1, Guiseley 1." (the number after each team, the second team
# capitalized, the line ending after its number); matched on the original text, case and all.
_TEAM_WORD = r"(?:[A-Z][\w'’.&-]*|&|and|of|de)"
SCORE_LINE = re.compile(rf"(?P<a>\d{{1,2}}),\s+[A-Z][\w'’.&-]*(?:\s+{_TEAM_WORD}){{0,5}}\s+(?P<b>\d{{1,2}})"
                        r"(?=\s*(?:[.;)\n]|$))")
# The words at which an article states a number without writing one (see extract.implied_figures): "both
# committees", "his maiden title", "the opening round" (found with str.find, faster here than any regex
# scan), and the "and" / "et" of a list of named people (a literal first: the engine skips ahead in C).
FIRST_WORDS = ("maiden", "debut", "inaugural", "opening")
# Words that say something happens for the first time without an ordinal: "until now, no one could",
# "never before", "jusqu'ici", "jamais auparavant" (see extract.implied_figures; found with str.find too).
NOVELTY = {"en": ("until now", "up to now", "until then", "never before", "hitherto"),
           "fr": ("jusqu'ici", "jusqu’ici", "jusqu'à présent", "jusqu’à présent", "jusqu'alors", "jusqu’alors",
                  "jusqu'à maintenant", "jusqu’à maintenant", "jamais auparavant", "jamais encore")}
WORD_AFTER = re.compile(r"\s+(?=[^\W\d_])")
BOTH_OF = re.compile(r"\s+of\s+(?:the|these|those|their|his|her|its)(?=\s)")
LIST_AND = {"en": re.compile(r" and\s+(?=[A-Z]|an?\s|another\s)"), "fr": re.compile(r" et\s+(?=[A-Z]|une?\s)")}
# A list of named people, each perhaps with an age in apposition: "Ana Ruiz, 29, and Li Wei, 56",
# "Wayne Hart, Paul Bright and Admi Stone", "a man, 41, and a woman, 23" (matched on the original text):
# the names after an "and" read forwards, and those before it backwards.
_NAME = r"(?!(?:The|A|An|This|That|Le|La|Les|Un|Une)\b)[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,2}"
_PERSON_HEAD = {"en": r"(?:[Aa]n?|[Aa]nother)\s+(?:man|woman|boy|girl|teenager|person|child|pensioner)",
                "fr": r"(?:[Uu]ne?)\s+(?:homme|femme|garçon|fille|adolescente?|enfant|retraitée?)"}
_AGE_AFTER = {"en": r"(?:,\s*(?:aged\s+)?\d{1,3},?)?", "fr": r"(?:,\s*(?:âgée?\s+de\s+)?\d{1,3}\s+ans,?)?"}
PERSON_ITEM = {lang: re.compile(rf"(?:{_NAME}|{_PERSON_HEAD[lang]}){_AGE_AFTER[lang]}") for lang in LANGS}
LIST_BEFORE_AND = {lang: re.compile(rf"{PERSON_ITEM[lang].pattern}(?:,\s+{PERSON_ITEM[lang].pattern})*$")
                   for lang in LANGS}
# Words before a list that make its names places: "in New York and Los Angeles".
PLACE_BEFORE = {"in", "at", "from", "to", "between", "near", "across", "visited", "à", "de", "entre", "vers"}
AND_A_HALF = re.compile(r"\s+(?:and\s+a\s+half|et\s+demie?)(?!\w)")


def _halves(lang: str) -> tuple[re.Pattern, re.Pattern]:
    """"a year and a half" / "un an et demi" (searched in the text before "half"), and "half an hour" /
    "une demi-heure" (matched after it): a measure of one and a half, or a half, of a unit spelled out."""
    names = trie(u for u in UNITS if (len(u) > 2 or lang == "fr" and u == "an")
                 and (lang == "fr" or u not in FRENCH_ONLY_UNITS))
    one = r"(?P<one>an?|one)" if lang == "en" else r"(?P<one>une?)"
    joined = r"and\s+a" if lang == "en" else "et"
    after = rf"\s+an?\s+(?P<unit>{names})(?!\w)" if lang == "en" else rf"-(?P<unit>{names})(?!\w)"
    return re.compile(rf"(?<!\w){one}\s+(?P<unit>{names})\s+{joined}\s+$"), re.compile(after)


ONE_AND_A_HALF, HALF_A = ({lang: _halves(lang)[i] for lang in LANGS} for i in (0, 1))
OCLOCK = re.compile(r"\s*o['’]clock")
EVER = re.compile(r"\s?-?\s?ever(?!\w)")
# Between two figures of one range: "20-25", "180 à 250 millions", "between 5 and 10", "17 to 18 October".
RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|à|au|and|et|or|ou)\s+(?:(?:lundi|mardi|mercredi|jeudi|vendredi|"
                       r"samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+)?"
                       r"|\s?[-–]\s?")
DECADE = re.compile(r"(?P<digits>\d{3}0|\d0)['’]?s(?!\w)")  # not "2019's": a year's possessive
DECADE_AFTER = ("s", "'", "’")  # what follows a decade's digits
# The world wars, by their names in either language ("World War Two", "WWII", "the Second World War",
# "la Seconde Guerre mondiale", "la guerre de 14" is not one of them).
# Each starts with a character class, which the engine skips to in C; the caller scans only a text that
# holds "world war", "ww" or "guerre mondiale".
_WARS = r"w(?:orld\s+war\s+(one|two|ii|i|1|2)|w\s?(ii|i|1|2))|(first|second)\s+world\s+war"
WORLD_WAR = {"en": re.compile(rf"(?<!\w)(?=[wfs])(?:{_WARS})(?!\w)"),
             "fr": re.compile(rf"(?<!\w)(?=[wfsdp])(?:(première|seconde|deuxième)\s+guerre\s+mondiale|{_WARS})(?!\w)")}
ROMAN_CENTURY = re.compile(r"(?<![\w])(?P<roman>[ivxlc]{1,7})(?:e|ème|eme)\s+(?P<noun>siècles?)(?!\w)")
WORDS_AHEAD = re.compile(r"(?:\s+-?\s*[^\W\d_][\w'’-]*){1,5}")
FRACTION_OF = re.compile(r"\s+(?:of\b|des\b|de\b|d['’]|du\b)")


def _unnamed(pattern: re.Pattern) -> str:
    """A pattern's text without its group names, to join it with others that reuse them."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern.pattern)


def _any_of(*patterns: re.Pattern) -> re.Pattern:
    """A regex that matches where any of `patterns` matches: one test at a position where, mostly, none
    does (an alternation fails only when every branch fails)."""
    return re.compile("|".join(f"(?:{_unnamed(p)})" for p in patterns))


# What a digit may start (a day-first date, a time of day): the number reader tries each pattern only
# where one of them matches.
DATE_OR_CLOCK = {lang: _any_of(DAY_MONTH[lang], CLOCK[lang]) for lang in LANGS}
# What may follow a number (scale, percent, currency word, unit, o'clock): the reader tries each only where one does.
AFTER_NUMBER = {lang: _any_of(SCALE, PERCENT, CURRENCY_WORD, UNIT[lang], OCLOCK) for lang in LANGS}
