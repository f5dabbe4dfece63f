"""Main text and metadata of an HTML page, by trafilatura (imported here only, on first use: it costs
~120 ms to import and plain-text runs never need it)."""

from __future__ import annotations

import copy
import html as html_lib
import re
from dataclasses import dataclass
from datetime import datetime

from ..errors import InputError


@dataclass
class Article:
    """What the page states: main text (one element a line), headline, ISO date, author or site."""

    text: str
    title: str | None
    date: str | None
    source: str | None


def extract_article(html: str, url: str | None = None) -> Article:
    """The page's main text with trafilatura (comments, navigation and figures left out).

    trafilatura runs in its precision mode first, which leaves out more of the boxes around an
    article; when that keeps less than half of what its default mode keeps (each distinct line
    counted once), it has missed the article (a page whose article is split across blocks) and the
    default mode's text is taken; otherwise
    the paragraphs the precision mode dropped from inside or at the edge of what it kept come back
    (it sometimes drops a paragraph that has a link, or the last one). Tables used
    for the page's layout are turned into blocks first, so that they are extracted as paragraphs and
    not as one table row holding the whole page.
    """
    import trafilatura

    tree = trafilatura.load_html(_DIGIT_GROUP.sub("", html))
    if tree is None:
        raise InputError(f"no article text found in {url or 'the HTML page'}")
    unwrap_layout_tables(tree)
    options = dict(url=url, include_comments=False, include_tables=True, include_images=False)
    document = trafilatura.bare_extraction(
        copy.deepcopy(tree), favor_precision=True, with_metadata=True,
        date_extraction_params={"original_date": True, "extensive_search": True}, **options)
    precise = (document.text or "") if document is not None else ""
    default = trafilatura.bare_extraction(tree, **options)
    fallback = (default.text or "") if default is not None else ""
    precise_enough = _distinct_chars(precise) >= _PRECISION_SHARE * _distinct_chars(fallback)
    text = _recovered(precise, fallback) if precise_enough else fallback
    if not text.strip():
        raise InputError(f"no article text found in {url or 'the HTML page'}")
    source = None
    if document is not None:
        author = document.author if document.author and _names_an_author(document.author) else None
        source = author or (document.sitename if document.sitename != document.hostname else None)
    return Article(
        text=text,
        title=_clean(document.title) if document is not None else None,
        date=published_time(html) or (document.date if document is not None else None),
        source=_clean(source),
    )


def _names_an_author(author: str) -> bool:
    """Whether trafilatura's author reads as names or a credit ("Jane Doe", "franceinfo avec AFP"):
    its guess from the page's byline block sometimes takes the buttons along ("Share Save Jane Doe")."""
    from .lines import is_credit
    from .metadata import byline

    author = " ".join(author.split())
    return byline(author) is not None or byline(f"By {author}") is not None or is_credit(author)


# Below this share of the default mode's text, the precision mode has lost the article.
_PRECISION_SHARE = 0.5


def _distinct_chars(text: str) -> int:
    """The length of a text's distinct lines: a page that states its article twice (once more in a
    block for apps or crawlers) doubles the default mode's text, not its article."""
    return sum(len(line) for line in {" ".join(line.split()) for line in text.split("\n")})


# A run of dropped lines longer than this is a box the precision mode was right to leave out.
_RECOVER_MAX_LINES = 4


def _recovered(precise: str, default: str) -> str:
    """The precision mode's lines, with the prose lines of the short runs it dropped from the default
    mode's text between its own lines, and the prose right after its last line."""
    from difflib import SequenceMatcher

    from .lines import is_body

    ours, theirs = precise.split("\n"), default.split("\n")
    opcodes = SequenceMatcher(None, theirs, ours, autojunk=False).get_opcodes()
    equal = [index for index, (tag, *_) in enumerate(opcodes) if tag == "equal"]
    out: list[str] = []
    for index, (tag, their_start, their_end, our_start, our_end) in enumerate(opcodes):
        out += ours[our_start:our_end]
        dropped = theirs[their_start:their_end]
        if tag != "delete" or not equal or index < equal[0]:
            continue
        if index > equal[-1]:  # after its last line: the prose that follows it directly
            for line in dropped[:_RECOVER_MAX_LINES]:
                if not is_body(" ".join(line.split())):
                    break
                out.append(line)
        elif len(dropped) <= _RECOVER_MAX_LINES:
            out += [line for line in dropped if is_body(" ".join(line.split()))]
    return "\n".join(out)


# A table cell holding blocks of its own, or a table inside a table, is the page's layout.
_LAYOUT_BLOCKS = ("table", "p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                  "article", "section", "form", "nav", "header", "footer")
_TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption")


def unwrap_layout_tables(tree) -> None:
    """Tables that lay out the page (cells holding paragraphs, lists, headings or other tables)
    become nested blocks; data tables (cells of words and numbers) stay tables."""
    for table in list(tree.iter("table")):
        if table.getparent() is None:
            continue
        cells = [cell for cell in table.iter("td", "th")]
        if any(child.tag in _LAYOUT_BLOCKS for cell in cells for child in cell.iter() if child is not cell):
            for part in [table, *table.iter(*_TABLE_PARTS)]:
                if part.tag in _TABLE_PARTS:
                    part.tag = "div"


# trafilatura turns every space into a plain one, which would split "300 000" (no-break or thin space
# between digit groups, often written as an entity) into two numbers: join the groups first.
_DIGIT_GROUP = re.compile(
    r"(?<=\d)(?:\u00a0|\u202f|\u2009|&nbsp;|&#160;|&#xa0;|&#8239;|&#x202f;|&thinsp;|&#8201;|&#x2009;)"
    r"(?=\d{3}(?!\d))",
    re.IGNORECASE,
)
_META = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_PUBLISHED_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
    "publish-date", "dc.date.issued", "dcterms.issued", "parsely-pub-date", "sailthru.date",
)
_JSON_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_TIME_TAG = re.compile(r"<time\b[^>]*\bdatetime\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_HEAD_CHARS = 300_000


def published_time(html: str) -> str | None:
    """The publication timestamp the page declares (meta tags, JSON-LD, <time datetime>), in ISO 8601.

    trafilatura's date (htmldate) gives the day only; the page usually states the time too, and the
    metadata keeps it ("2024-12-03T11:02:00+01:00").
    """
    head = html[:_HEAD_CHARS]
    metas: dict[str, str] = {}
    for tag in _META.findall(head):
        attributes = {name.lower(): double or single or bare
                      for name, double, single, bare in _ATTRIBUTE.findall(tag)}
        key = (attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or "")
        if "content" in attributes and key.lower() not in metas:
            metas[key.lower()] = attributes["content"]
    values = [metas[key] for key in _PUBLISHED_KEYS if key in metas]
    values += _JSON_LD_DATE.findall(head) + _TIME_TAG.findall(head)
    for value in values:
        iso = _iso(html_lib.unescape(value).strip())
        if iso:
            return iso
    return None


def _iso(value: str) -> str | None:
    if value.endswith(("Z", "z")):  # Python 3.10's fromisoformat does not read the UTC suffix
        value = value[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if len(value) <= 10:
        return moment.date().isoformat()
    return moment.isoformat(timespec="seconds")


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else None
    return value or None
