"""Fetching an article page over HTTP(S) with the standard library: a timeout, a size cap, redirects
followed, and one clear line for every way a fetch can fail."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from http import HTTPStatus
from http.client import HTTPException
from urllib.parse import urlsplit

from .errors import InputError

_USER_AGENT = "Mozilla/5.0 (compatible; mlsum article fetcher)"
_ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"
_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_CHUNK = 64 * 1024
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


@dataclass
class Fetched:
    """A fetched page: its final URL (after redirects), decoded text and media type."""

    url: str
    text: str
    content_type: str


def fetch_url(url: str, timeout: float = 15.0, max_bytes: int = 5_000_000) -> Fetched:
    """The page at `url`, decoded; InputError for anything that is not a readable HTML or text page.

    Reading stops at `max_bytes` (the rest is never downloaded). The body is decoded with the charset
    the server declares, else the page's <meta charset>, else charset-normalizer's guess.
    """
    if urlsplit(url).scheme not in ("http", "https"):
        raise InputError(f"not an http(s) URL: {url}")
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT, "Accept": _ACCEPT,
                                                   "Accept-Encoding": "gzip, deflate"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            final_url = response.geturl()
            content_type = response.headers.get_content_type()
            if response.headers.get("Content-Type") and content_type not in _TEXT_TYPES:
                raise InputError(f"{url} is {content_type}, not an HTML page")
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise InputError(f"{url} is too large ({declared} bytes, limit {max_bytes})")
            body = _read_capped(response, max_bytes, url)
            body = _decompress(body, response.headers.get("Content-Encoding", ""), max_bytes, url)
            charset = response.headers.get_content_charset()
    except urllib.error.HTTPError as exc:
        reason = exc.reason or _status_phrase(exc.code)
        raise InputError(f"{exc.code} {reason} for URL {url}") from None
    except urllib.error.URLError as exc:
        raise InputError(f"could not fetch URL {url}: {_reason(exc.reason)}") from None
    except TimeoutError:
        raise InputError(f"could not fetch URL {url}: timed out") from None
    except (HTTPException, OSError) as exc:
        raise InputError(f"could not fetch URL {url}: {_reason(exc)}") from None
    if not body.strip():
        raise InputError(f"{url} returned an empty page")
    return Fetched(url=final_url, text=_decode(body, charset, url), content_type=content_type)


def _read_capped(response, max_bytes: int, url: str) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise InputError(f"{url} is too large (over {max_bytes} bytes)")
        chunks.append(chunk)
    return b"".join(chunks)


def _decompress(body: bytes, encoding: str, max_bytes: int, url: str) -> bytes:
    encoding = encoding.strip().lower()
    if encoding not in ("gzip", "x-gzip", "deflate"):
        return body
    # wbits 47 reads gzip and zlib headers; max_length keeps a small bomb from filling memory.
    inflater = zlib.decompressobj(47 if encoding != "deflate" else zlib.MAX_WBITS)
    try:
        data = inflater.decompress(body, max_bytes + 1)
    except zlib.error as exc:
        raise InputError(f"could not fetch URL {url}: bad {encoding} body ({exc})") from None
    if len(data) > max_bytes:
        raise InputError(f"{url} is too large (over {max_bytes} bytes once decompressed)")
    return data


# Browsers read pages labelled Latin-1 or ASCII as Windows-1252 (the WHATWG encoding standard), and
# French pages so labelled do use its curly quotes and "œ".
_AS_WINDOWS_1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii"}


def _decode(body: bytes, charset: str | None, url: str) -> str:
    declared = charset or _meta_charset(body)
    if declared and declared.lower() in _AS_WINDOWS_1252:
        declared = "cp1252"
    if declared:
        try:
            return body.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    from .sources import decode  # undeclared or wrong charset: decoded as a file would be

    return decode(body, url)


def _meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def _status_phrase(code: int) -> str:
    try:
        return HTTPStatus(code).phrase
    except ValueError:
        return "HTTP error"


def _reason(reason: object) -> str:
    if isinstance(reason, TimeoutError):
        return "timed out"
    text = getattr(reason, "strerror", None) or str(reason)
    return text or type(reason).__name__
