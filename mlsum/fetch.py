"""Fetching an article page over HTTP(S) with the standard library: http and https only (redirects
included), a timeout per network operation and a deadline for the whole fetch, a size cap, and one
clear line for every way a fetch can fail."""

from __future__ import annotations

import http.client
import re
import socket
import threading
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass, field
from http import HTTPStatus
from http.client import HTTPException, IncompleteRead
from urllib.parse import urljoin, urlsplit

from .errors import InputError

_USER_AGENT = "Mozilla/5.0 (compatible; mlsum article fetcher)"
_ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"
_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_SCHEMES = ("http", "https")
_CHUNK = 64 * 1024
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


@dataclass
class Fetched:
    """A fetched page: its final URL (after redirects), decoded text and media type, and what the
    decoding had to repair."""

    url: str
    text: str
    content_type: str
    warnings: list[str] = field(default_factory=list)


def fetch_url(url: str, timeout: float = 15.0, max_bytes: int = 5_000_000, deadline: float = 60.0) -> Fetched:
    """The page at `url`, decoded; InputError for anything that is not a readable HTML or text page.

    `timeout` bounds each network operation and `deadline` the whole fetch, redirects included (a
    server that sends one byte a second never times out an operation). Reading stops at `max_bytes`
    (the rest is never downloaded); a body shorter than its Content-Length is an error. The body is
    decoded with the charset the server declares, else the page's <meta charset>, else as a file is.
    """
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError as exc:
        raise InputError(f"could not fetch URL {url}: {exc}") from None
    if scheme not in _SCHEMES:
        raise InputError(f"not an http(s) URL: {url}")
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT, "Accept": _ACCEPT,
                                                   "Accept-Encoding": "gzip, deflate"})
    clock = _Deadline(deadline)
    try:
        with clock, _opener(clock).open(request, timeout=timeout) as response:
            final_url = response.geturl()
            content_type = response.headers.get_content_type()
            if response.headers.get("Content-Type") and content_type not in _TEXT_TYPES:
                raise InputError(f"{url} is {content_type}, not an HTML page")
            declared = response.headers.get("Content-Length", "").strip()
            if declared.isdigit() and int(declared) > max_bytes:
                raise InputError(f"{url} is too large ({declared} bytes, limit {max_bytes})")
            body = _read_capped(response, max_bytes, url, clock)
            if declared.isdigit() and len(body) < int(declared):
                raise InputError(f"could not fetch URL {url}: the body ended after {len(body)} of the "
                                 f"{declared} bytes its Content-Length announced")
            body = _decompress(body, response.headers.get("Content-Encoding", ""), max_bytes, url)
            charset = response.headers.get_content_charset()
    except urllib.error.HTTPError as exc:
        reason = exc.reason or _status_phrase(exc.code)
        raise InputError(f"{exc.code} {reason} for URL {url}") from None
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - every network failure mode becomes one line
        if clock.expired:
            raise InputError(f"could not fetch URL {url}: no complete answer within {deadline:g} s") from None
        if isinstance(exc, urllib.error.URLError):
            raise InputError(f"could not fetch URL {url}: {_reason(exc.reason)}") from None
        if isinstance(exc, IncompleteRead):
            raise InputError(f"could not fetch URL {url}: the connection closed before the body was complete") from None
        if isinstance(exc, (TimeoutError, HTTPException, OSError, ValueError)):
            raise InputError(f"could not fetch URL {url}: {_reason(exc)}") from None
        raise
    if not body.strip():
        raise InputError(f"{url} returned an empty page")
    warnings: list[str] = []
    text = _decode(body, charset, url, warnings.append)
    return Fetched(url=final_url, text=text, content_type=content_type, warnings=warnings)


class _Deadline:
    """A timer for a whole fetch: when it fires, it shuts down every socket the fetch opened, so a
    read blocked on a trickling server returns at once.

    urllib (like requests and httpx) only has per-operation timeouts; this is the standard way to
    bound the total. The sockets are watched through duplicates of their descriptors (`socket.dup`),
    which outlive the TLS wrapping of the originals and are closed when the fetch ends.
    """

    def __init__(self, seconds: float):
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock.dup())
            if self.expired:
                self._shutdown(self._sockets[-1])

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shutdown(sock)

    @staticmethod
    def _shutdown(sock: socket.socket) -> None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def __enter__(self) -> "_Deadline":
        self._timer.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._timer.cancel()
        with self._lock:
            for sock in self._sockets:
                sock.close()
            self._sockets.clear()


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects followed to http(s) URLs only: urllib would also follow one to ftp://, sending it the
    credentials the URL carries."""

    def http_error_302(self, req, fp, code, msg, headers):
        location = headers.get("location") or headers.get("uri")
        if location:
            target = urljoin(req.full_url, location)
            if urlsplit(target).scheme.lower() not in _SCHEMES:
                fp.close()
                raise InputError(f"{req.full_url} redirects to {target}: mlsum follows http(s) redirects only")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener(clock: _Deadline) -> urllib.request.OpenerDirector:
    """http, https and redirect handlers whose connections register their sockets with `clock`."""

    class Watched(http.client.HTTPConnection):
        def connect(self):
            super().connect()
            clock.watch(self.sock)

    class WatchedTLS(http.client.HTTPSConnection, Watched):
        """HTTPSConnection.connect calls Watched.connect for the TCP socket, then wraps it in TLS."""

    class HTTP(urllib.request.HTTPHandler):
        def http_open(self, req):
            return self.do_open(Watched, req)

    class HTTPS(urllib.request.HTTPSHandler):
        def https_open(self, req):
            return self.do_open(WatchedTLS, req, context=self._context)

    opener = urllib.request.OpenerDirector()
    for handler in (urllib.request.ProxyHandler(), HTTP(), HTTPS(), _HttpOnlyRedirects(),
                    urllib.request.HTTPDefaultErrorHandler(), urllib.request.HTTPErrorProcessor()):
        opener.add_handler(handler)
    return opener


def _read_capped(response, max_bytes: int, url: str, clock: _Deadline) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise InputError(f"{url} is too large (over {max_bytes} bytes)")
        chunks.append(chunk)
    if clock.expired:
        raise TimeoutError
    return b"".join(chunks)


def _decompress(body: bytes, encoding: str, max_bytes: int, url: str) -> bytes:
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return body
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise InputError(f"could not fetch URL {url}: unsupported Content-Encoding {encoding!r}")
    # wbits 47 reads gzip and zlib headers; max_length keeps a small bomb from filling memory.
    inflater = zlib.decompressobj(47 if encoding != "deflate" else zlib.MAX_WBITS)
    try:
        data = inflater.decompress(body, max_bytes + 1)
    except zlib.error as exc:
        raise InputError(f"could not fetch URL {url}: bad {encoding} body ({exc})") from None
    if len(data) > max_bytes:
        raise InputError(f"{url} is too large (over {max_bytes} bytes once decompressed)")
    if not inflater.eof:
        raise InputError(f"could not fetch URL {url}: the {encoding} body is cut short")
    return data


# Browsers read pages labelled Latin-1 or ASCII as Windows-1252 (the WHATWG encoding standard), and
# French pages so labelled do use its curly quotes and "œ".
_AS_WINDOWS_1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii"}


def _decode(body: bytes, charset: str | None, url: str, warn) -> str:
    declared = charset or _meta_charset(body)
    if declared and declared.lower() in _AS_WINDOWS_1252:
        declared = "cp1252"
    if declared:
        try:
            return body.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    from .sources import decode  # undeclared or wrong charset: decoded as a file would be

    return decode(body, url, warn=warn)


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
