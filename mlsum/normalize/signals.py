"""Per-line signals of article text versus page debris, in any language with a stoplist.

The signals are the ones jusText and body-text extractors use, read from lines instead of HTML
elements: length, sentence punctuation, stopword density (function words are what prose is made of;
menus, headline lists and timestamps have few), capitalised words (headlines and menus are written in
title case), digits, whether the lines next to it are furniture the rule steps removed, and the same
signals averaged over the lines around (debris comes in clusters, prose too). Stoplists are jusText's (`justext.get_stoplist`), for
the languages mlsum meets on news pages; the page's language is the one whose stoplist covers most
of its words.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

# mlsum's code → jusText's stoplist name.
STOPLIST_NAMES = {
    "en": "English", "fr": "French", "de": "German", "it": "Italian", "pt": "Portuguese", "es": "Spanish",
    "nl": "Dutch", "ru": "Russian", "id": "Indonesian", "ko": "Korean", "pl": "Polish", "tr": "Turkish",
}
# Japanese has no stoplist in jusText and no spaces between words: its particles and auxiliaries,
# written in hiragana, are the function words, counted per character.
_KANA_FUNCTION = re.compile(r"[\u3041-\u309f]")
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

_TOKEN = re.compile(r"\w+")
_TERMINAL = re.compile(r"[.!?…。！？][\"”»’')\]」』]*$")


@lru_cache(maxsize=None)
def stopwords(lang: str) -> frozenset[str]:
    """jusText's stoplist for `lang` (lower case); empty for a language it has none for."""
    name = STOPLIST_NAMES.get(lang)
    if name is None:
        return frozenset()
    import justext  # ~40 ms, once, and only for texts long enough to need it

    return justext.get_stoplist(name)


def page_language(texts: list[str]) -> str:
    """The stoplist language covering most of the page's words; "ja" for a page written mostly
    without spaces, in kana and kanji."""
    joined = " ".join(texts)
    if len(_UNSPACED.findall(joined)) > len(joined) / 3:
        return "ja"
    tokens = [token.lower() for token in _TOKEN.findall(joined)]
    best, best_hits = "en", -1
    for lang in STOPLIST_NAMES:
        words = stopwords(lang)
        hits = sum(1 for token in tokens if token in words)
        if hits > best_hits:
            best, best_hits = lang, hits
    return best


def count_tokens(text: str, stop: frozenset[str] = frozenset()) -> tuple[int, int]:
    """Words and stopwords of a line. Text written without spaces (Japanese, Chinese) counts a word
    every two characters, and its hiragana (particles, endings) as its function words."""
    tokens = _TOKEN.findall(text)
    unspaced = len(_UNSPACED.findall(text))
    if unspaced > len(text) / 3:
        return max(len(tokens), unspaced // 2), len(_KANA_FUNCTION.findall(text)) // 2
    return len(tokens), sum(1 for token in tokens if token.lower() in stop) if stop else 0


# jusText's defaults: a paragraph of at least 200 characters whose words are at least 32 % stopwords
# is "good"; one of at least 70 characters and 30 % is "near-good", and good next to good text.
NEAR_GOOD_CHARS, NEAR_GOOD_STOPWORDS = 70, 0.30
GOOD_CHARS, GOOD_STOPWORDS = 200, 0.32


def is_near_good(text: str, lang: str) -> bool:
    """jusText's near-good paragraph: long enough, and dense in stopwords."""
    if len(text) < NEAR_GOOD_CHARS:
        return False
    count, stops = count_tokens(text, stopwords(lang))
    return count > 0 and stops / count >= NEAR_GOOD_STOPWORDS


# The signals the model reads. Kept few and not collinear (length in words only, not in characters
# and stopwords too; no page position or repetition, which suit some sites and mislead on others):
# with 181 pages to learn from, every redundant signal is a weight fitted to the pages' accidents.
LOCAL = ("log_tokens", "stop_density", "ends_sentence", "punctuation", "capitalised", "digits", "good")
CONTEXT = ("debris", "log_tokens", "ends_sentence", "stop_density")
WINDOWS = (2, 6)
FEATURES = ("bias", *LOCAL, "removed_before", "removed_after",
            *(f"{name}_near{k}" for k in WINDOWS for name in CONTEXT))


def line_shapes(texts: list[str], lang: str) -> list[dict[str, float]]:
    """The local signals of each line (see LOCAL)."""
    stop = stopwords(lang)
    shapes = []
    for text in texts:
        count, stops = count_tokens(text, stop)
        density = stops / count if count else 0.0
        words = text.split()
        tokens = _TOKEN.findall(text)
        shapes.append({
            "log_tokens": math.log1p(count),
            "stop_density": density,
            "ends_sentence": 1.0 if _TERMINAL.search(text) else 0.0,
            "punctuation": min(1.0, sum(text.count(mark) for mark in ",;:、，") / max(count, 1) * 4),
            "capitalised": sum(1 for word in words if word[:1].isupper()) / len(words) if words else 0.0,
            "digits": sum(1 for token in tokens if any(c.isdigit() for c in token)) / max(len(tokens), 1),
            "good": float(len(text) >= GOOD_CHARS and density >= GOOD_STOPWORDS),
        })
    return shapes


def features(texts: list[str], removed: list[bool], lang: str) -> list[list[float]]:
    """FEATURES of every line of a page, given which lines the rule steps already took out."""
    shapes = line_shapes(texts, lang)
    n = len(texts)
    rows = []
    for i, shape in enumerate(shapes):
        row = [1.0, *(shape[name] for name in LOCAL),
               float(i > 0 and removed[i - 1]), float(i + 1 < n and removed[i + 1])]
        for k in WINDOWS:
            near = [j for j in range(max(0, i - k), min(n, i + k + 1)) if j != i]
            kept = [j for j in near if not removed[j]]
            row.append(sum(removed[j] for j in near) / len(near) if near else 0.0)
            for name in CONTEXT[1:]:
                row.append(sum(shapes[j][name] for j in kept) / len(kept) if kept else 0.0)
        rows.append(row)
    return rows
