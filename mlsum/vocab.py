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

TIME_ZONES = (
    "gmt", "utc", "bst", "ist", "cet", "cest", "eet", "eest", "wet", "west", "msk", "est", "edt", "cst", "cdt",
    "mst", "mdt", "pst", "pdt", "akst", "akdt", "hst", "ast", "adt", "amt", "jst", "kst", "hkt", "sgt", "wib",
    "aest", "aedt", "acst", "awst", "nzst", "nzdt", "brt", "art", "sast", "cat", "eat", "wat", "et", "pt", "ct",
    "mt", "z",
)
"""Time-zone abbreviations news pages print after a time ("11.02 BST", "10:31 pm CST"), lower case."""
