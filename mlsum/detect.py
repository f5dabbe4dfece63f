"""Language detection: English or French, anything else is a clear error; mixed articles per paragraph."""

from __future__ import annotations

import re
from functools import lru_cache

from .errors import InputError, LanguageError

SUPPORTED = ("en", "fr")
LANGUAGE_NAMES = {"en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian",
                  "pt": "Portuguese", "nl": "Dutch", "ar": "Arabic", "ru": "Russian", "tr": "Turkish"}
_CAPITALS = re.compile(r"\b[^\W\d_a-z]{2,}\b")  # a word of two or more letters, none of them lowercase
PARAGRAPH_MIN_WORDS = 12
"""Shorter paragraphs (a dateline, a name, a caption) keep the article's language: langdetect is
unreliable on a few words."""
PARAGRAPH_MIN_PROBABILITY = 0.95


@lru_cache(maxsize=1)
def _detect_langs():
    """langdetect samples at random; a fixed seed makes the same text give the same answer every run."""
    from langdetect import DetectorFactory, detect_langs

    DetectorFactory.seed = 0
    return detect_langs


def _uncapitalized(text: str) -> str:
    """Words in capitals lowercased: langdetect's profiles are of ordinary text, and an English
    headline or article in capitals reads to it as German or Somali."""
    return _CAPITALS.sub(lambda m: m.group(0).lower(), text)


def guess(text: str) -> tuple[str, float]:
    """The most probable language code of `text` and its probability, whatever the language."""
    from langdetect.lang_detect_exception import LangDetectException

    try:
        best = _detect_langs()(_uncapitalized(text))[0]
    except (LangDetectException, IndexError):
        raise InputError("no language could be detected (the text has no letters)") from None
    return best.lang, round(best.prob, 4)


def detect(text: str) -> tuple[str, float]:
    """Language and probability, restricted to the languages mlsum handles."""
    lang, prob = guess(text)
    if lang not in SUPPORTED:
        name = LANGUAGE_NAMES.get(lang, lang)
        raise LanguageError(f"detected language {name} ({lang}, p={prob:.2f}); mlsum handles English "
                            f"and French — pass --lang en|fr to override")
    return lang, prob


def paragraph_languages(paragraphs: list[str], article: str) -> list[str] | None:
    """Each paragraph's language when the article mixes English and French, else None.

    A paragraph counts as the other language only when it is long enough and langdetect is sure
    (see :data:`PARAGRAPH_MIN_WORDS`, :data:`PARAGRAPH_MIN_PROBABILITY`); others keep `article`'s.
    """
    languages = []
    for paragraph in paragraphs:
        lang = article
        if len(paragraph.split()) >= PARAGRAPH_MIN_WORDS:
            try:
                found, prob = guess(paragraph)
            except InputError:
                found, prob = article, 0.0
            if found in SUPPORTED and prob >= PARAGRAPH_MIN_PROBABILITY:
                lang = found
        languages.append(lang)
    return languages if len(set(languages)) > 1 else None
