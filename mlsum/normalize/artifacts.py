"""Typography: the invisible and misplaced characters that copy-paste and machine translation leave.

Each rule is a precompiled regex over one paragraph. No library does this job for both languages:
ftfy-style fixers repair mojibake, not the spacing of a translated text, and French typography (a
space before "; : ! ?" and inside « ») is right in French but an artifact once translated to English,
so which rules run depends on the language. Every function here is idempotent.
"""

from __future__ import annotations

import re
import unicodedata

# Zero-width characters and the soft hyphen: invisible, but they split words for the tokenizers.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_INVISIBLE_CHARS = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ODD_SPACE = "\u00a0\u202f\u2009\u2007\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000\t"
# "300 000" with a no-break or thin space is one number in French: keep its digits together so that
# the figure checker and the translator do not read "300" and "000".
_DIGIT_GROUP = re.compile(rf"(?<=\d)[{_ODD_SPACE}](?=\d{{3}}(?!\d))")
_ODD_SPACES = re.compile(rf"[{_ODD_SPACE}]")
_SPACES = re.compile(r" {2,}")

_SPACE_BEFORE_COMMA = re.compile(r"(?<=[\w”\")\]’'])\s+(?=[,.](?:\s|$|[\"”’»)]))")
_SPACE_IN_PARENS = (re.compile(r"([(\[])\s+"), re.compile(r"\s+([)\]])"))
# French spacing before high punctuation, an artifact in English ("Why ?", "Note : this").
_SPACE_BEFORE_HIGH = re.compile(r"(?<=[\w”\")\]’'])\s+(?=[;:!?](?:\s|$|[”\")\]]))")
_GUILLEMETS = (re.compile(r"«\s*"), re.compile(r"\s*»"))
# Curly quotes glued to a word by the translator: `province”while`, `said“We`.
_CLOSE_GLUED = re.compile(r"”(?=[^\W_])")
_OPEN_GLUED = re.compile(r"(?<=[\w.,;:!?])“")
_CURLY_INNER = (re.compile(r"“\s+"), re.compile(r"\s+”"))
_STRAIGHT = re.compile(r'"')
_INCHES = re.compile(r'\d"')
_WORD_APOSTROPHE = re.compile(r"(?<=[^\W\d_])['’](?=[^\W\d_])")


def clean_characters(text: str) -> str:
    """NFC, no invisible characters, every odd space a plain one (digit groups joined)."""
    text = unicodedata.normalize("NFC", text)
    if _INVISIBLE_CHARS.search(text):
        text = text.translate(_INVISIBLE)
    if _ODD_SPACES.search(text):
        text = _ODD_SPACES.sub(" ", _DIGIT_GROUP.sub("", text))
    return text


def repair_paragraph(paragraph: str, lang: str | None) -> str:
    """One paragraph's spacing and quotes repaired; `lang` "en" also undoes French spacing and « ».

    Each rule runs only where its character occurs: most paragraphs need none of them.
    """
    text = _SPACES.sub(" ", clean_characters(paragraph)).strip()
    if lang == "en":
        if "«" in text or "»" in text:
            text = _GUILLEMETS[1].sub("”", _GUILLEMETS[0].sub("“", text))
        if any(f" {mark}" in text for mark in ";:!?"):
            text = _SPACE_BEFORE_HIGH.sub("", text)
    if "“" in text or "”" in text:
        text = _OPEN_GLUED.sub(" “", _CLOSE_GLUED.sub("” ", text))
        text = _CURLY_INNER[1].sub("”", _CURLY_INNER[0].sub("“", text))
    if '"' in text:
        text = _repair_straight_quotes(text)
    if " ," in text or " ." in text:
        text = _SPACE_BEFORE_COMMA.sub("", text)
    if "( " in text or "[ " in text or " )" in text or " ]" in text:
        text = _SPACE_IN_PARENS[1].sub(r"\1", _SPACE_IN_PARENS[0].sub(r"\1", text))
    return _SPACES.sub(" ", text)


def consistent_quotes(paragraphs: list[str]) -> list[str]:
    """Double quotes and in-word apostrophes in one style throughout: the text's majority style.

    A text that already uses one style is returned unchanged. Straight double quotes are only curled
    in a paragraph where they pair up, since an odd count leaves no way to tell opening from closing.
    """
    text = "\n".join(paragraphs)
    straight, curly = text.count('"'), text.count("“") + text.count("”")
    if straight and curly:
        if curly >= straight:
            paragraphs = [_curl(p) for p in paragraphs]
        else:
            paragraphs = [p.replace("“", '"').replace("”", '"') for p in paragraphs]
    apostrophes = _WORD_APOSTROPHE.findall("\n".join(paragraphs))
    plain = apostrophes.count("'")
    if plain and plain != len(apostrophes):
        style = "'" if plain * 2 > len(apostrophes) else "’"
        paragraphs = [_WORD_APOSTROPHE.sub(style, p) for p in paragraphs]
    return paragraphs


def _repair_straight_quotes(text: str) -> str:
    """Space a straight quote off the word it is glued to, and trim spaces just inside it.

    Straight quotes alternate opening/closing within a paragraph; when their count is odd the pairing
    is unknown, and after a digit one may be an inch or a second: the paragraph is left as it is.
    """
    positions = [m.start() for m in _STRAIGHT.finditer(text)]
    if not positions or len(positions) % 2 or _INCHES.search(text):
        return text
    out: list[str] = []
    previous = 0
    for number, position in enumerate(positions):
        chunk = text[previous:position]
        opening = number % 2 == 0
        if not opening:
            chunk = chunk.rstrip(" ")
        elif chunk and (chunk[-1].isalnum() or chunk[-1] in ".,;:!?"):
            chunk += " "
        out += [chunk, '"']
        previous = position + 1
        if opening:
            while previous < len(text) and text[previous] == " ":
                previous += 1
        elif previous < len(text) and text[previous].isalnum():
            out.append(" ")
    out.append(text[previous:])
    return "".join(out)


def _curl(paragraph: str) -> str:
    """Straight double quotes as “ and ”, where they pair up and none can be an inch mark."""
    positions = [m.start() for m in _STRAIGHT.finditer(paragraph)]
    if not positions or len(positions) % 2 or _INCHES.search(paragraph):
        return paragraph
    chars = list(paragraph)
    for number, position in enumerate(positions):
        chars[position] = "“" if number % 2 == 0 else "”"
    return "".join(chars)
