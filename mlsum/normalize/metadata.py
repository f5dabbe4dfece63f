"""Dates, bylines and headlines stated in an article's text, in English and French.

Dates are matched with hand-written patterns rather than dateparser: mlsum only reads English and
French, the lines to test are short, and dateparser's `search_dates` both costs ~100 ms per article
and finds "dates" in ordinary sentences ("may", "March on Damascus"). A line only counts as a date
line when, once its date, its time and filler words ("Published", "Publié le", "Updated") are taken
away, nothing is left — so a sentence that mentions a date is never mistaken for one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vocab import ALL_MONTHS, ALL_WEEKDAYS, TIME_ZONES, alternation, clock
from . import lexicon as lex

_MONTHS = ALL_MONTHS  # month name → number, English and French
_MONTH = alternation(_MONTHS)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|e)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})(?=\D|$|\d{1,2}:\d{2})"
_DATE_PATTERNS = (
    # "March 22, 2017", "Mar. 22 2017"
    re.compile(rf"\b(?P<month>{_MONTH})\.?\s+{_DAY},?\s+{_YEAR}", re.IGNORECASE),
    # "22 March 2017", "3 décembre 2024", "1er déc. 2024"
    re.compile(rf"\b{_DAY}\s+(?P<month>{_MONTH})\.?,?\s+{_YEAR}", re.IGNORECASE),
    # "2017-03-22", "2017-03-22T16:44"
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month_num>[01]\d)-(?P<day>[0-3]\d)"
               r"(?:[T ](?P<hour>[0-2]\d):(?P<minute>[0-5]\d)(?::[0-5]\d)?)?\b"),
    # "03/12/2024", "03.12.2024": day first unless the text is English (see _numeric_order)
    re.compile(r"\b(?P<first>[0-3]?\d)[/.](?P<second>[01]?\d)[/.](?P<year>(?:19|20)\d{2})\b"),
    # "12/03/25", as some sites print it: a two-digit year of this century
    re.compile(r"\b(?P<first>[0-3]?\d)/(?P<second>[01]?\d)/(?P<short_year>\d{2})\b(?!/)"),
)
# A time right after the date (matched at the date's end): "at 4:44 pm", "à 11h02", "- 14:02 GMT",
# "11 h 02", "4 pm".
_TIME = re.compile(
    r"\s*(?:[,|·–—-]\s*)?(?:(?:at|à)\s+)?(?P<hour>[0-2]?\d)"
    r"(?:(?:(?:\s*[:h]\s*|\.)(?P<minute>[0-5]\d))|(?P<bare_h>\s*h\b))?"
    r"\s*(?P<ampm>[ap]\.?\s?m\b\.?)?",
    re.IGNORECASE,
)
# A time just before the date: "Updated 1:15 PM GMT+1, December 5, 2024".
_TIME_BEFORE = re.compile(
    r"(?P<hour>[0-2]?\d)\s*[:h]\s*(?P<minute>[0-5]\d)\s*(?P<ampm>[ap]\.?\s?m\b\.?)?"
    r"\s*(?:[A-Z]{2,4}(?:[+-]\d{1,2}(?::?\d{2})?)?)?\s*[,|·–—-]?"
    rf"(?:\s*(?:{alternation(ALL_WEEKDAYS)})\.?,?)?\s*$",
    re.IGNORECASE,
)
# A time on its own, as in "…, updated at 2:35 p.m." after the publication date.
_LONE_TIME = re.compile(r"\b[0-2]?\d(?:\s*[:h]\s*[0-5]\d|\.[0-5]\d\b|\s*h\b)(?:\s*[ap]\.?\s?m\b\.?)?",
                        re.IGNORECASE)
# Words that may surround a date on a date line without making it a sentence.
_RELATIVE_TIME = (r"\d+\s*(?:hours?|hrs?|h|minutes?|mins?|m|days?|d)\s+ago|"
                  r"il\s+y\s+a\s+\d+\s*(?:heures?|minutes?|min|jours?|h)\b")
_DATE_FILLER = re.compile(
    rf"{_RELATIVE_TIME}|\d+\s*min(?:ute)?s?\s+read|"
    r"(?<![^\W\d_])(?:first|last|originally|published|posted|updated|modified|edited|created|on|at|le|à|"
    r"dernière|publié|publiée|modifié|modifiée|actualisé|actualisée|mis|mise|à jour|jour|date|dated|heure|"
    r"aujourd['’]hui|hier|today|yesterday|"
    rf"{alternation(ALL_WEEKDAYS)}|[ap]\.?\s?m|{alternation(TIME_ZONES)})\b\.?"
    r"|[+-]\d{1,2}(?::?\d{2})?",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w")

# The word that starts the date after the names: "Par Jean Dupont Publié le 12/03/2025 …".
_PUBLICATION_WORD = r"(?i:publié|publiée|mis|mise|modifié|modifiée|actualisé|actualisée|updated|published|posted)"
_DATE_WORD = rf"(?!{_PUBLICATION_WORD}\b)"
_BYLINE = re.compile(
    rf"^(?i:{lex.alternation(lex.BYLINE_PREFIXES)})\s*:?\s+"
    r"(?P<names>[A-ZÀ-Ý][\w'’.-]*"
    rf"(?:\s+(?:(?:de|da|van|von|al|el|le|la|du|bin|ibn)\s+)?{_DATE_WORD}[A-ZÀ-Ý0-9][\w'’.-]*){{0,3}}"
    r"(?:\s*(?:,|and|et|&)\s*[A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’.-]*){0,3})*)"
    rf"(?P<rest>\s*(?:[,|·–—(-]|\b(?:in|à|on|le)\b|(?=\s{_PUBLICATION_WORD}\b)).*)?$"
)
_NOT_NAMES = re.compile(
    rf"^(?:{_MONTH}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|"
    r"mercredi|jeudi|vendredi|samedi|dimanche|late|early|mid|noon|nightfall)\b",
    re.IGNORECASE,
)
# What may follow the names: a place, an organisation, a role ("By Jane Doe, Middle East
# correspondent", "Par Jean Dupont (Beyrouth, envoyé spécial)").
_ROLE_WORDS = lex.alternation(lex.BYLINE_ROLES)
_BYLINE_REST = re.compile(
    rf"^(?:[\s,|·–—()-]|\b(?:in|à|en|on|le|au|aux)\b|[A-ZÀ-Ý][\w'’.-]*|(?i:{_ROLE_WORDS})|"
    r"(?i:senior|chief|special|political|diplomatic|foreign|security|defen[cs]e|envoyée?|spéciale?|chef|"
    r"bureau|service|pour|for))*$"
)
ROLE = re.compile(rf"\b(?:{_ROLE_WORDS})\b", re.IGNORECASE)


# A "Follow" button copied along with the author's name ("Par : FRANCE 24 Suivre").
_FOLLOW_BUTTON = re.compile(r"\s+(?:Suivre|Follow)$")


@dataclass(frozen=True)
class FoundDate:
    """A date found in a line: its ISO 8601 form and where it stands in the line."""

    iso: str
    start: int
    end: int


def find_date(text: str, lang: str | None = None) -> FoundDate | None:
    """The first full date (with a year) in `text`, with the time stated right after (or just
    before) it, if any."""
    best: FoundDate | None = None
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if best is not None and match.start() >= best.start:
                break
            found = _to_iso(match, text, lang)
            if found is not None:
                best = found
                break
    return best


def date_line(text: str, lang: str | None = None) -> str | None:
    """The ISO date when `text` is a date line ("March 22, 2017 at 4:44 pm", "Publié le 3 décembre
    2024 à 11h02, modifié le …") and nothing else; None for any line that says more."""
    if len(text) > 160:
        return None
    first = find_date(text, lang)
    if first is None:
        return None
    rest, found = text, first
    while found is not None:  # take every date and time out of the line, then the filler words
        rest = f"{rest[:found.start]} {rest[found.end:]}"
        found = find_date(rest, lang)
    rest = _DATE_FILLER.sub(" ", _LONE_TIME.sub(" ", rest))
    return None if _WORD.search(rest) else first.iso


_RELATIVE = re.compile(_RELATIVE_TIME, re.IGNORECASE)
_TIME_LABEL = re.compile(rf"{_PUBLICATION_WORD}\b|{_RELATIVE_TIME}|{_LONE_TIME.pattern}", re.IGNORECASE)


def date_label(text: str) -> bool:
    """A line of times and date words without a date: a date's label that an extractor left without
    its <time> ("Publié le :", "Updated:"), or the time of a live blog's post ("1h ago 11.48 GMT",
    "il y a 2 heures")."""
    return len(text) <= 40 and _TIME_LABEL.search(text) is not None \
        and _WORD.search(_DATE_FILLER.sub(" ", _LONE_TIME.sub(" ", _RELATIVE.sub(" ", text)))) is None


@dataclass(frozen=True)
class Byline:
    """A "By Jane Doe" line: who wrote it, and the date when the same line states one."""

    source: str
    date: str | None


# Names, a separator and nothing but a date: "Chris Davies - Nov 19, 2019, 10:31 pm CST".
_NAME = r"[A-ZÀ-Ý][\w'’.-]+"
_NAMES_THEN_DATE = re.compile(
    rf"^(?P<names>{_NAME}(?:\s+{_NAME}){{1,3}}(?:\s*(?:,|and|et|&)\s*{_NAME}(?:\s+{_NAME}){{1,3}})*)"
    r"\s+[-–—|·]\s+(?P<rest>.+)$")
# An agency or outlet, a comma and "published …": "AFP, publié le mercredi 12 mars 2025 à 10h15".
_NAME_THEN_PUBLISHED = re.compile(
    rf"^(?P<names>{_NAME}(?:\s+{_NAME}){{0,2}}),\s+(?P<rest>{_PUBLICATION_WORD}\b.+)$")
# A byline without "By", as some sites print it: "Marta Rossi in Milan", "Claire Martin à Lyon".
_NAMES_IN_PLACE = re.compile(
    rf"^(?P<names>{_NAME}(?:\s+{_NAME}){{1,2}}(?:\s+(?:and|et)\s+{_NAME}(?:\s+{_NAME}){{1,2}})?)"
    rf"\s+(?:in|à|en)\s+{_NAME}(?:\s+{_NAME}){{0,2}}$")
# Names and what the author is, as author boxes print them: "Jean Dupont (Beyrouth, envoyé spécial)",
# "Steve Peoples, AP Political Writer".
_NAMES_WITH_ROLE = re.compile(
    rf"^(?P<names>{_NAME}(?:\s+{_NAME}){{1,3}}(?:\s+(?:and|et)\s+{_NAME}(?:\s+{_NAME}){{1,3}})?)"
    r"\s*(?:\((?P<inner>[^()]{3,80})\)|,\s*(?P<after>[^.;!?]{3,80}))$")


def _author_with_role(text: str) -> Byline | None:
    role = _NAMES_WITH_ROLE.match(text)
    if role is None or _NOT_NAMES.match(role.group("names")):
        return None
    what = role.group("inner") or role.group("after")
    return Byline(source=role.group("names"), date=None) if ROLE.search(what) and _BYLINE_REST.match(what) else None


# A line of names only: "Ouest-France Camille Le Gall.", as regional papers print their byline.
_NAMES_ONLY = re.compile(rf"^{_NAME}(?:\s+(?:(?:de|da|van|von|al|el|du|bin|ibn)\s+)?{_NAME}){{1,4}}$")


def named_byline(text: str) -> Byline | None:
    """A byline of names alone ("Ouest-France Camille Le Gall."). Section names and headings read so
    too ("Pays Basque"): only trust it next to a date line."""
    if _NAMES_ONLY.match(text) is None or _NOT_NAMES.match(text):
        return None
    return Byline(source=text.rstrip(" ."), date=None)


def placed_byline(text: str) -> Byline | None:
    """A byline without "By": names and a place ("Marta Rossi in Milan"). Headings can read so too
    ("Top Workplaces in San Antonio"): only trust it next to a date line."""
    placed = _NAMES_IN_PLACE.match(text)
    if placed is None or _NOT_NAMES.match(placed.group("names")) or _NOT_NAMES.search(text.split()[-1]):
        return None
    return Byline(source=placed.group("names"), date=None)


# A date, then the byline: "September 10, 2018 | by Catherine", "Monday November 18, 2019 7:45 am PST by Joe Doe".
_DATE_THEN_NAMES = re.compile(
    rf"^(?P<rest>.+?)\s*[-–—|·,]?\s+(?i:by|par)\s+(?P<names>{_NAME}(?:\s+{_NAME}){{0,3}})$")


# Blog bylines name a user, often in lowercase: "Posted by admin on December 5, 2024".
_POSTED_BY = re.compile(r"^(?i:posted|publié|publiée)\s+(?i:by|par)\s+(?P<names>[\w.-]+)(?P<rest>\s+.*)?$")


def byline(text: str, lang: str | None = None) -> Byline | None:
    """A byline ("By Jane Doe", "Par Jean Dupont, à Beyrouth", "By Jane Doe | March 3, 2020", "Jane
    Doe - Nov 19, 2019, 10:31 pm CST", "September 10, 2018 | by Catherine", "Jean Dupont (Beyrouth,
    envoyé spécial)"), or None.

    Strict on purpose: the names must be capitalised words and whatever follows them must be a date, a
    place or an organisation, so a sentence such as "By Tuesday, the army had retreated." never matches.
    """
    if len(text.split()) > 20:
        return None
    for pattern in (_NAMES_THEN_DATE, _NAME_THEN_PUBLISHED, _DATE_THEN_NAMES):
        dated = pattern.match(text)
        if dated and not _NOT_NAMES.match(dated.group("names")) and date_line(dated.group("rest"), lang):
            return Byline(source=dated.group("names"), date=date_line(dated.group("rest"), lang))
    match = _BYLINE.match(text) or _POSTED_BY.match(text)
    if match is None or _NOT_NAMES.match(match.group("names")):
        return _author_with_role(text)
    names = _FOLLOW_BUTTON.sub("", match.group("names")).rstrip(" ,")
    rest = match.group("rest") or ""
    found = find_date(rest, lang)
    if found is not None:  # what stands before the date may be its filler: "Par X le lundi 17 mars …"
        rest = _DATE_FILLER.sub(" ", _LONE_TIME.sub(" ", rest[:found.start])).rstrip(" ,|·–—-")
    if rest and not _BYLINE_REST.match(rest):
        return None
    return Byline(source=names, date=found.iso if found else None)


def _to_iso(match: re.Match, text: str, lang: str | None) -> FoundDate | None:
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else 2000 + int(groups["short_year"])
    if groups.get("month"):
        month, day = _MONTHS[groups["month"].lower()], int(groups["day"])
    elif groups.get("month_num"):
        month, day = int(groups["month_num"]), int(groups["day"])
    else:
        day, month = _numeric_order(int(groups["first"]), int(groups["second"]), lang)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    start, end = match.start(), match.end()
    if groups.get("hour"):
        hour, minute = int(groups["hour"]), int(groups["minute"])
    else:
        hour, minute, end = _time_after(text, end)
        if hour is None and (before := _TIME_BEFORE.search(text, 0, start)):
            hour, minute = _clock(before)
            start = before.start()
    if hour is None or not (0 <= hour <= 23):
        return FoundDate(f"{year:04d}-{month:02d}-{day:02d}", match.start(), match.end())
    return FoundDate(f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:00", start, end)


def _numeric_order(first: int, second: int, lang: str | None) -> tuple[int, int]:
    """Day and month of "a/b/yyyy": day first (French, British) unless only month-first fits, or the
    text is English and both fit (American sites write month first)."""
    if second > 12 or (lang == "en" and first <= 12):
        return second, first
    return first, second


def _time_after(text: str, position: int) -> tuple[int | None, int, int]:
    match = _TIME.match(text, position)
    if match is None:
        return None, 0, position
    if not (match.group("minute") or match.group("bare_h") or match.group("ampm")):
        return None, 0, position  # a lone number after a date is not a time
    hour, minute = _clock(match)
    return hour, minute, match.end()


def _clock(match: re.Match) -> tuple[int, int]:
    """Hour (24 h) and minute of a matched time with groups hour, minute and ampm."""
    return clock(int(match.group("hour")), int(match.group("minute") or 0), match.group("ampm"))


# A headline that carries its byline and date: "Seeking a bigger role for a big rocket by Jeff Foust",
# "NASA adds five companies to its lander program by Jeff Foust — November 18, 2019".
_TRAILING_BYLINE = re.compile(
    r"\s+(?i:by|par|written\s+by|écrit\s+par)\s+(?P<names>[A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’.-]*){1,3})\s*$")
_SEPARATOR_END = re.compile(r"\s*[-–—|·,]\s*$")


@dataclass(frozen=True)
class Headline:
    """A headline line taken apart: the headline, and the byline names and date glued to it."""

    title: str
    names: str | None = None
    date: str | None = None


def headline(text: str, lang: str | None = None) -> Headline:
    """The headline without the date and byline a page may print on the same line."""
    date = None
    found = find_date(text, lang)
    if found is not None and found.start > 0 and not text[found.end:].strip(" .)") \
            and _SEPARATOR_END.search(text[:found.start]):
        date, text = found.iso, _SEPARATOR_END.sub("", text[:found.start])
    match = _TRAILING_BYLINE.search(text)
    if match is None or len(text[:match.start()].split()) < 3:
        return Headline(text, None, date)
    return Headline(text[:match.start()].rstrip(" ,|-–—"), match.group("names"), date)


_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)
_STEM = 5


def content_words(text: str, stop: frozenset[str] = frozenset()) -> set[str]:
    """The stems (first five letters) of the words of four letters or more that are not in `stop`
    (the page language's stopwords): enough to tell whether a headline is about the body
    ("rebels" and "rebel" alike)."""
    return {word.casefold()[:_STEM] for word in _CONTENT_WORD.findall(text) if word.casefold() not in stop}
