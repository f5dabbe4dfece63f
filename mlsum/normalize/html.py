"""Main text and metadata of an HTML page, by trafilatura (imported here only, on first use: it costs
~120 ms to import and plain-text runs never need it)."""

from __future__ import annotations

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
    """The page's main text with trafilatura (comments, navigation and figures left out)."""
    import trafilatura

    document = trafilatura.bare_extraction(
        _DIGIT_GROUP.sub("", html), url=url, with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, date_extraction_params={"original_date": True, "extensive_search": True},
    )
    if document is None or not (document.text or "").strip():
        where = url or "the HTML page"
        raise InputError(f"no article text found in {where}")
    source = document.author or (document.sitename if document.sitename != document.hostname else None)
    return Article(
        text=document.text,
        title=_clean(document.title),
        date=published_time(html) or document.date,
        source=_clean(source),
    )


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
