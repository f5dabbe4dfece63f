"""Where the article is on a page: every line scored by a small logistic model of its signals
(`signals.py`), then the article taken as the stretch of lines where article text outweighs the rest.

The decision is the one body-text extractors make (Finn et al.'s BTE, jusText's context pass): a line
counts for the article by its length in words times how much more likely than `SPAN_THRESHOLD` it is
to be article text, and the article is the run of lines with the largest total — a maximum-sum
subarray, so a short debris line inside the article costs little and a comment section after it,
however long, is left out when its lines read as debris around debris; the run must hold a
paragraph of prose. It then grows over the lines next to it that stay above `EXTEND_THRESHOLD`
(hysteresis, as in edge detection), up to its date and byline (above them, only the standfirst),
and inside it a line less likely than `INNER_THRESHOLD` goes. The weights and the thresholds are
fitted by `bench/fit_boilerplate.py` on half of a public benchmark of real pages (see `weights.py`),
the thresholds on cross-validated probabilities.
"""

from __future__ import annotations

import math

from . import weights
from .lines import Line, is_body, is_sentence
from .metadata import date_line
from .signals import count_tokens, features, is_near_good, page_language



def probabilities(lines: list[Line], lang: str | None = None) -> list[float]:
    """For every line, the model's probability that it is article text (removed lines included)."""
    texts = [line.text for line in lines]
    removed = [not line.kept for line in lines]
    if lang is None:
        lang = page_language([text for text, gone in zip(texts, removed) if not gone])
    out = []
    for row in features(texts, removed, lang):
        z = sum(c * (x - m) / s for c, x, m, s in zip(weights.COEF, row, weights.MEAN, weights.SCALE))
        out.append(1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0))))
    return out


# Furniture that closes an article (its "Related" box, its comments, the site's legal footer) or opens
# it (the site's menus): the article does not grow past them.
ARTICLE_ENDS = ("navigation", "link_box", "comment_prompt", "comment_thread", "legal")
# ... unless prose follows the box: then it was a box inside the article (a cookie notice in place
# of an embed the reader's choices blocked is one too).
_INLINE_BOXES = ("navigation", "link_box", "legal")


def _heads_article(line: Line) -> bool:
    """A byline, or a line stating a date (not the time of a live blog's post): what heads an article.
    Above it, only the standfirst is still the article: sentences, or the one line of prose right
    above the byline (a headline is prose too, in French often, but stands above the standfirst)."""
    return line.removed_by == "byline" or (line.removed_by == "date" and date_line(line.text) is not None)


def _prose_beyond(lines: list[Line], index: int, direction: int, lang: str) -> bool:
    """Whether the first kept line past a run of removed lines reads as prose: jusText's near-good,
    or a sentence of six words or more (an article's short last sentence under a box of links)."""
    index += direction
    while 0 <= index < len(lines) and not lines[index].kept:
        index += direction
    return 0 <= index < len(lines) and (is_near_good(lines[index].text, lang) or is_body(lines[index].text))


def article_span(lines: list[Line], probability: list[float], lang: str = "en",
                 span_threshold: float = weights.SPAN_THRESHOLD,
                 extend_threshold: float = weights.EXTEND_THRESHOLD,
                 extend_up_threshold: float = weights.EXTEND_UP_THRESHOLD) -> tuple[int, int] | None:
    """First and last index of the article: the maximum-sum run of kept lines weighted by their
    words times (probability − span_threshold) that holds a paragraph jusText calls near-good
    (where the page has one: a run of headlines is no article however likely its lines), or the
    most likely prose line when no such run has a positive sum; then grown outwards over kept lines
    that jusText calls near-good (a last paragraph under a share bar), that are sentences, or that
    stay above `extend_threshold` downwards (a list that closes the article reads less like prose
    than its paragraphs, but far more than a menu) and `extend_up_threshold` upwards, or that are
    items of a list the article announces with a colon; and over removed lines other than
    ARTICLE_ENDS (other than a box with prose beyond it, inside the article). Above the article's
    date or byline only its standfirst is taken (see `_heads_article`)."""
    gains = [_tokens(line.text) * (p - span_threshold) if line.kept else 0.0
             for line, p in zip(lines, probability)]
    prose = [line.kept and is_near_good(line.text, lang) for line in lines]
    span = _best_run_with_prose(gains, prose if any(prose) else [True] * len(lines))
    if span is None:
        prose = [i for i, line in enumerate(lines) if line.kept and is_body(line.text)]
        if not prose:
            return None
        top = max(prose, key=lambda i: probability[i] * _tokens(lines[i].text))
        span = (top, top)
    return (_grown(lines, probability, span[0], -1, extend_up_threshold, lang),
            _grown(lines, probability, span[1], 1, extend_threshold, lang))


def _best_run_with_prose(gains: list[float], prose: list[bool]) -> tuple[int, int] | None:
    """First and last index of the run with the largest positive sum of gains among the runs that
    hold at least one prose line (Kadane's algorithm, carrying whether the run has prose yet): a
    stretch of headlines or menu items, however likely, is no article."""
    best, span = 0.0, None
    with_prose: tuple[float, int] | None = None  # best (sum, start) of a run ending here, with prose
    without = (0.0, 0)  # the same without prose (an empty run allowed)
    for index, (gain, is_prose) in enumerate(zip(gains, prose)):
        if is_prose:
            before = max((run for run in (with_prose, without) if run is not None and run[0] > 0),
                         default=(0.0, index))
            with_prose, without = (before[0] + gain, before[1]), (0.0, index + 1)
        else:
            with_prose = (with_prose[0] + gain, with_prose[1]) if with_prose is not None else None
            without = (without[0] + gain, without[1]) if without[0] > 0 else (gain, index)
        if with_prose is not None and with_prose[0] > best:
            best, span = with_prose[0], (with_prose[1], index)
    return span


def _grown(lines: list[Line], probability: list[float], edge: int, direction: int, threshold: float,
           lang: str) -> int:
    in_list = direction > 0 and _announced_list(lines, edge)
    header = False  # above the article's date or byline: its headline, kicker, the site's slogan
    standfirst = False  # whether a line of the header was taken as the article's standfirst
    index = edge + direction
    while 0 <= index < len(lines):
        line = lines[index]
        if line.kept:
            if header:  # sentences, or one line of prose right above the byline: the standfirst
                taken = is_sentence(line.text) or (not standfirst and is_near_good(line.text, lang))
                standfirst = True
            else:
                item = _is_item(line.text) and (in_list if direction > 0 else _announced_list(lines, index))
                taken = (item or probability[index] >= threshold or is_near_good(line.text, lang)
                         or is_sentence(line.text))
            if not taken:
                break
            edge = index
            in_list = direction > 0 and ((in_list and not is_sentence(line.text)) or line.text.endswith(":"))
        elif line.removed_by in ARTICLE_ENDS and not (line.removed_by in _INLINE_BOXES
                                                     and _prose_beyond(lines, index, direction, lang)):
            break
        else:
            header = header or (direction < 0 and _heads_article(line))
        index += direction
    return edge


_ITEM_MAX_WORDS = 15


def _is_item(text: str) -> bool:
    return not is_sentence(text) and len(text.split()) <= _ITEM_MAX_WORDS


def _announced_list(lines: list[Line], edge: int) -> bool:
    """Whether the article's last line announces a list ("Tour dates:") or is an item of one."""
    for line in reversed(lines[:edge + 1]):
        if not line.kept:
            continue
        if line.text.endswith(":"):
            return True
        if not _is_item(line.text):
            return False
    return False


def place_article(lines: list[Line], lang: str | None = None, probability: list[float] | None = None,
                  inner_threshold: float = weights.INNER_THRESHOLD, **thresholds: float) -> None:
    """Set every line's `probability` and `zone`: "before", "article", "debris" (inside the article,
    far less likely article text than a sentence or a list item there) or "after" the article. A
    text with no prose line at all is left whole (zone "article"). `probability` replaces the
    model's (to try other weights)."""
    if not any(line.kept and is_body(line.text) for line in lines):
        for line in lines:
            line.zone, line.probability = "article", 1.0
        return
    if lang is None:
        lang = page_language([line.text for line in lines if line.kept])
    if probability is None:
        probability = probabilities(lines, lang)
    first, last = article_span(lines, probability, lang, **thresholds) or (0, len(lines) - 1)
    items = _list_items(lines, first, last)
    for index, (line, p) in enumerate(zip(lines, probability)):
        line.probability = p
        if index < first or index > last:
            line.zone = "before" if index < first else "after"
        elif (p < inner_threshold and index not in items
              and not (is_sentence(line.text) or is_near_good(line.text, lang))):
            line.zone = "debris"
        else:
            line.zone = "article"


def _list_items(lines: list[Line], first: int, last: int) -> set[int]:
    """Indices of the kept lines between first and last that are items of a list announced by a colon."""
    items: set[int] = set()
    announced = False
    for index in range(first, last + 1):
        line = lines[index]
        if not line.kept:
            continue
        if announced and _is_item(line.text):
            items.add(index)
        else:
            announced = line.text.endswith(":")
    return items


def _tokens(text: str) -> int:
    return max(1, count_tokens(text)[0])
