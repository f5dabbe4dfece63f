"""Language detection: English or French, anything else is a clear error."""

from __future__ import annotations

from functools import lru_cache

from .errors import InputError, LanguageError

SUPPORTED = ("en", "fr")
LANGUAGE_NAMES = {"en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian",
                  "pt": "Portuguese", "nl": "Dutch", "ar": "Arabic", "ru": "Russian", "tr": "Turkish"}


@lru_cache(maxsize=1)
def _detect_langs():
    """langdetect samples at random; a fixed seed makes the same text give the same answer every run."""
    from langdetect import DetectorFactory, detect_langs

    DetectorFactory.seed = 0
    return detect_langs


def guess(text: str) -> tuple[str, float]:
    """The most probable language code of `text` and its probability, whatever the language."""
    from langdetect.lang_detect_exception import LangDetectException

    try:
        best = _detect_langs()(text)[0]
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
