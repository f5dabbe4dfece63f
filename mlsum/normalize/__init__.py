"""Normalization: the article and only the article, with its title, date and source beside it.

`normalize` runs on plain text before translation: typography first (so the line rules see plain
spaces, and quotes spaced off the words), then the chain of named line steps in `STEPS`, then the
metadata that the title, date, byline and credit steps set aside. `normalize_html` extracts the main
text of a page with trafilatura and runs the same chain. `repair_translation` runs after the
translator, on text that is already clean, and only mends typography.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import Removal
from ..errors import InputError
from . import lexicon
from .artifacts import clean_characters, consistent_quotes, repair_paragraph
from .lines import ARTICLE_MODEL_STEPS, STEPS, Line, Step, is_body, is_staff_credit, run_steps, split_lines
from .metadata import byline, date_line, headline, named_byline, placed_byline

__all__ = ["STEPS", "Normalized", "Step", "normalize", "normalize_html", "normalize_as", "repair_translation",
           "text_lines"]


@dataclass
class Normalized:
    """A cleaned article: its body (paragraphs separated by a blank line), metadata and removals."""

    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    removed: list[Removal] = field(default_factory=list)


_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def normalize(text: str, lang: str | None = None) -> Normalized:
    """The article in a plain text copied from a page: debris removed, metadata set aside.

    `lang` ("en", "fr" or None for either) decides the typography rules: French spacing before
    "; : ! ?" and « » stay in French and are undone in English. The line rules always know every
    language of the lexicon, since a translated page keeps debris of its original ("Le Monde avec AFP").
    """
    return _normalize_lines(text_lines(text, lang), lang)


def text_lines(text: str, lang: str | None = None) -> list[Line]:
    """The paragraphs of a plain text as Lines, with their typography repaired: what the steps read."""
    return _repaired(split_lines(clean_characters(_NEWLINES.sub("\n", text))), lang)


def _repaired(lines: list[Line], lang: str | None) -> list[Line]:
    for line in lines:
        line.original, line.text = line.text, repair_paragraph(line.text, lang)
    return [line for line in lines if line.text]


def normalize_html(html: str, url: str | None = None, lang: str | None = None) -> Normalized:
    """The article of an HTML page: trafilatura's main text and metadata, then the same chain.

    The page's own metadata (og:title, article:published_time, author) wins over what the text
    chain finds; each element trafilatura keeps is its own paragraph.
    """
    from .html import extract_article

    article = extract_article(html, url)
    text = clean_characters(_NEWLINES.sub("\n", article.text))
    lines = [Line(" ".join(paragraph.split()), number)
             for number, paragraph in enumerate(text.split("\n")) if paragraph.strip()]
    result = _normalize_lines(_repaired(lines, lang), lang, known_title=article.title, extracted=True)
    if not result.text:
        raise InputError(f"no article text found in {url or 'the HTML page'} (only page furniture)")
    result.title = article.title or result.title
    result.date = _better_date(article.date, result.date)
    page_source = _SOURCE_PREFIX.sub("", article.source or "")
    # trafilatura cuts a name at its digits ("FRANCE" for "FRANCE 24"): the byline in the text then says more
    if not (page_source and result.source and result.source.startswith(page_source)):
        result.source = page_source or result.source
    return result


def normalize_as(text: str, fmt: str, url: str | None = None, lang: str | None = None) -> Normalized:
    """`normalize_html` for an HTML page (`fmt == "html"`), `normalize` for plain text."""
    return normalize_html(text, url=url, lang=lang) if fmt == "html" else normalize(text, lang=lang)


def repair_translation(text: str) -> str:
    """Translator output with its typography mended: quotes glued to words (`province”while`),
    French spacing and « » carried into English, odd spaces, mixed quote styles.

    Paragraphs are kept (separated by one blank line); lines inside one are joined. Idempotent, and a
    clean English text comes back unchanged but for whitespace and quote style.
    """
    text = clean_characters(_NEWLINES.sub("\n", text))
    paragraphs = [repair_paragraph(" ".join(part.split()), "en")
                  for part in _PARAGRAPH_BREAK.split(text)]
    return "\n\n".join(consistent_quotes([p for p in paragraphs if p]))


def _normalize_lines(lines: list[Line], lang: str | None, known_title: str | None = None,
                     extracted: bool = False) -> Normalized:
    """The line steps on repaired lines, and the metadata the steps set aside. Text that trafilatura
    `extracted` from HTML is already the article: the article model's steps, made for whole copied
    pages, do not run on it."""
    skip = set(ARTICLE_MODEL_STEPS) if extracted else set()
    if known_title:  # the page names its headline: take it out if it is there, guess no other
        _mark_known_title(lines, known_title)
        skip.add("title")
    run_steps(lines, [step for step in STEPS if step.name not in skip])
    body = consistent_quotes([line.text for line in lines if line.kept])
    title = headline(next((line.text for line in lines if line.removed_by == "title"), ""), lang)
    return Normalized(
        text="\n\n".join(body),
        title=title.title or None,
        date=_stated_date(lines, lang) or title.date,
        source=_stated_source(lines, lang) or title.names,
        removed=[Removal(text=line.original or line.text, step=line.removed_by or "")
                 for line in lines if not line.kept],
    )


_TITLE_SEARCH_LINES = 5


def _mark_known_title(lines: list[Line], title: str) -> None:
    """Take the page's headline out of the body when the extractor left it in the first lines, and
    what stands above it but prose (a section name, a kicker: the article starts under its headline)."""
    wanted = " ".join(title.split()).casefold()
    for index, line in enumerate(lines[:_TITLE_SEARCH_LINES]):
        if line.text.casefold() == wanted:
            line.removed_by = "title"
            for above in lines[:index]:
                if above.kept and not is_body(above.text):
                    above.removed_by = "header"
            return


def _stated_date(lines: list[Line], lang: str | None) -> str | None:
    for line in lines:
        if line.removed_by == "date" and (stated := date_line(line.text, lang)):
            return stated
        if line.removed_by == "byline":
            found = byline(line.text, lang)
            if found is not None and found.date:
                return found.date
    return None


_SOURCE_PREFIX = re.compile(
    rf"^(?:with|avec|source|sources|via|d['’]après|{lexicon.alternation(lexicon.BYLINE_PREFIXES)})\s*:?\s*",
    re.IGNORECASE)
# Image banks credit the photo, never the article.
_PHOTO_BANK = re.compile(r"(?i)getty\s+images|shutterstock|^epa(?:-efe)?$|^ap\s+photo")


def _stated_source(lines: list[Line], lang: str | None) -> str | None:
    """The first byline or agency credit ("TRT World and Agencies", "Le Monde avec AFP", "Reuters").
    Staff credits ("Reporting by …", "… contributed to this report") name reporters, and image banks
    credit photos: neither is the source."""
    for line in lines:
        if line.removed_by == "byline":
            found = byline(line.text, lang) or placed_byline(line.text) or named_byline(line.text)
            if found is not None and found.source:
                return found.source
        elif line.removed_by == "credit" and not is_staff_credit(line.text):
            source = _SOURCE_PREFIX.sub("", line.text.strip(" .()[]"))
            if source and not _PHOTO_BANK.search(source):
                return source
    return None


def _better_date(page: str | None, text: str | None) -> str | None:
    """The page's date, or the text's when it says the same day with a time the page left out."""
    if page and text and "T" not in page and text.startswith(page):
        return text
    return page or text
