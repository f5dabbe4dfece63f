"""The calendar and clock vocabulary every stage shares: month and weekday names, am/pm, 24-hour clock.

One table for the whole package, so that metadata (publication dates) and figures (dates stated in the
text) read "3 févr.", "Sept. 22" or "4:44 p.m." the same way. Names come from dateparser's language
tables (its spelling of abbreviations), plus the unaccented forms people type ("fevrier", "aout").
"""

from __future__ import annotations

import re
import unicodedata

from dateparser.data.date_translation_data import en as _dateparser_en
from dateparser.data.date_translation_data import fr as _dateparser_fr

LANGS = ("en", "fr")

MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december")
WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_TABLES = {"en": _dateparser_en, "fr": _dateparser_fr}


def _strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


def _names(lang: str, keys: tuple[str, ...]) -> dict[str, int]:
    """Lower-cased name → 1-based index, with unaccented spellings; dateparser's two-letter forms
    ("mo", "ma") are dropped, they collide with ordinary words."""
    names: dict[str, int] = {}
    for index, key in enumerate(keys, 1):
        for name in _TABLES[lang].info[key]:
            if len(name) >= 3:
                names[name.lower()] = index
                names.setdefault(_strip_accents(name.lower()), index)
    return names


MONTHS: dict[str, dict[str, int]] = {lang: _names(lang, MONTH_KEYS) for lang in LANGS}
"""Per language: month name or abbreviation → month number ("févr" → 2, "sept" → 9)."""

WEEKDAYS: dict[str, dict[str, int]] = {lang: _names(lang, WEEKDAY_KEYS) for lang in LANGS}
"""Per language: weekday name or abbreviation → ISO weekday (1 = Monday); "mar" is mardi in French."""

ALL_MONTHS: dict[str, int] = {**MONTHS["fr"], **MONTHS["en"]}
ALL_WEEKDAYS: dict[str, int] = {**WEEKDAYS["fr"], **WEEKDAYS["en"]}


def alternation(names) -> str:
    """A regex alternation of `names`, longest first so that "sept" wins over "sep"."""
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


AMPM = r"[ap]\.\s?m\.|[ap]\.?\s?m\b\.?"
"""am/pm as news text writes it: "pm", "p.m.", "PM", "p. m."."""


def clock(hour: int, minute: int = 0, ampm: str | None = None) -> tuple[int, int]:
    """The 24-hour time of `hour:minute` followed by `ampm` (any spelling AMPM matches, or None)."""
    marker = (ampm or "").lower().replace(".", "").replace(" ", "")
    if marker == "pm" and hour < 12:
        hour += 12
    elif marker == "am" and hour == 12:
        hour = 0
    return hour, minute


# Numbers -------------------------------------------------------------------------------------------

NUMBER_WORDS: dict[str, list[str]] = {
    "en": """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
        sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
        thousand million billion trillion first second third fourth fifth sixth seventh eighth ninth tenth
        eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth
        twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth hundredth
        thousandth millionth""".split(),
    "fr": """zéro un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze
        seize vingt vingts trente quarante cinquante soixante cent cents mille million millions milliard
        milliards premier première premiers premières second seconde deuxième troisième quatrième
        cinquième sixième septième huitième neuvième dixième onzième douzième treizième quatorzième
        quinzième seizième vingtième trentième quarantième cinquantième soixantième centième
        millième""".split(),
}
"""Per language: the words text2num reads as (parts of) numbers, cardinal and ordinal."""

ORDINAL_SUFFIX = {"en": r"(?:st|nd|rd|th)", "fr": r"(?:er|re|e|ème|eme|è)"}
"""The letters after digits that make an ordinal: "3rd", "3e", "1er"."""

SCALES: dict[str, float] = {
    "thousand": 1e3, "thousands": 1e3, "k": 1e3, "mille": 1e3, "million": 1e6, "millions": 1e6,
    "mn": 1e6, "m": 1e6, "mln": 1e6, "billion": 1e9, "billions": 1e9, "bn": 1e9, "milliard": 1e9,
    "milliards": 1e9, "md": 1e9, "mds": 1e9, "trillion": 1e12, "trillions": 1e12, "tn": 1e12}
"""Multipliers written after a number, in either language: "13m", "1,5 million", "3 milliards", "2 Md€"."""

FRACTIONS: dict[str, dict[str, float]] = {
    "en": {"half": 1 / 2, "halves": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4,
           "quarters": 1 / 4, "fifth": 1 / 5, "fifths": 1 / 5, "tenth": 1 / 10, "tenths": 1 / 10},
    "fr": {"moitié": 1 / 2, "demi": 1 / 2, "demie": 1 / 2, "tiers": 1 / 3, "quart": 1 / 4, "quarts": 1 / 4,
           "cinquième": 1 / 5, "cinquièmes": 1 / 5, "dixième": 1 / 10, "dixièmes": 1 / 10},
}
"""Per language: the denominator words of fractions ("two-thirds", "un quart"), as the unit fraction."""

APPROXIMATE_NUMBERS: dict[str, dict[str, int]] = {
    "en": {"dozen": 12},
    "fr": {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
           "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000},
}
"""Collective numbers that state an approximate value: "une quinzaine" is about 15, "a dozen" about 12
(their plurals, "des dizaines", "dozens", are only an order of magnitude)."""

TIME_ZONES = (
    "gmt", "utc", "bst", "ist", "cet", "cest", "eet", "eest", "wet", "west", "msk", "est", "edt", "cst", "cdt",
    "mst", "mdt", "pst", "pdt", "akst", "akdt", "hst", "ast", "adt", "amt", "jst", "kst", "hkt", "sgt", "wib",
    "aest", "aedt", "acst", "awst", "nzst", "nzdt", "brt", "art", "sast", "cat", "eat", "wat", "et", "pt", "ct",
    "mt", "z",
)
"""Time-zone abbreviations news pages print after a time ("11.02 BST", "10:31 pm CST"), lower case."""
