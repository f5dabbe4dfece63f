"""fetch_url against a local HTTP server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import contextlib
import gzip
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from mlsum.errors import InputError
from mlsum.fetch import Fetched, fetch_url

ARTICLE = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Hama</title></head><body>"
           "<p>Les rebelles s’approchent de Hama, selon l’OSDH.</p></body></html>")
# Labelled Latin-1 but written in Windows-1252, as many French pages are (the ’ is byte 0x92).
LATIN1 = ("<html><head><meta charset=\"iso-8859-1\"><title>Alep</title></head>"
          "<body><p>Les combats ont repris à Alep, où l’armée a reculé.</p></body></html>")
SLOW_SECONDS = 2.0


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output clean
        pass

    def send(self, status: int, body: bytes, content_type: str | None, **headers: str) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", headers.pop("length", str(len(body))))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        routes = {
            "/article.html": lambda: self.send(200, ARTICLE.encode(), "text/html; charset=utf-8"),
            "/latin1.html": lambda: self.send(200, LATIN1.encode("cp1252"), "text/html"),
            "/cp1252": lambda: self.send(200, "L’armée a reculé à Alep, où les combats continuent.".encode(
                "cp1252"), "text/plain"),
            "/plain.txt": lambda: self.send(200, b"Plain article text.", "text/plain; charset=utf-8"),
            "/report.pdf": lambda: self.send(200, b"%PDF-1.4 ...", "application/pdf"),
            "/missing": lambda: self.send(404, b"<h1>Not Found</h1>", "text/html"),
            "/broken": lambda: self.send(500, b"oops", "text/plain"),
            "/redirect": lambda: self.send(302, b"", "text/html", Location="/article.html"),
            "/gzip": lambda: self.send(200, gzip.compress(ARTICLE.encode()), "text/html; charset=utf-8",
                                       Content_Encoding="gzip"),
            "/declared-big": lambda: self.send(200, b"<p>small</p>", "text/html", length="999999999"),
            "/empty": lambda: self.send(200, b"   ", "text/html"),
            "/to-ftp": lambda: self.send(302, b"", "text/html", Location=self.server.ftp_url),
            "/to-file": lambda: self.send(301, b"", "text/html", Location="file:///etc/passwd"),
            "/hop-to-ftp": lambda: self.send(302, b"", "text/html", Location="/to-ftp"),
            "/short": lambda: self.send(200, ARTICLE.encode()[:40], "text/html", length=str(len(ARTICLE))),
            "/cut-gzip": lambda: self.send(200, gzip.compress(ARTICLE.encode())[:-12], "text/html",
                                           Content_Encoding="gzip"),
            "/brotli": lambda: self.send(200, b"\x1b\x03", "text/html", Content_Encoding="br"),
        }
        if self.path == "/endless":
            self.endless()
        elif self.path in ("/trickle-body", "/trickle-headers"):
            self.trickle(headers=self.path == "/trickle-headers")
        elif self.path == "/slow":
            time.sleep(SLOW_SECONDS)
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up
                self.send(200, ARTICLE.encode(), "text/html")
        elif self.path in routes:
            routes[self.path]()
        else:
            self.send(404, b"", "text/plain")

    def trickle(self, headers: bool):
        """One byte every 0.1 s, far below any per-operation timeout, for 30 s."""
        self.protocol_version = "HTTP/1.0"
        with contextlib.suppress(BrokenPipeError, ConnectionResetError, OSError):
            if headers:
                for byte in b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nX-Slow: " + b"x" * 300:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.1)
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(300):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.1)

    def endless(self):
        """A body with no Content-Length, larger than any cap the tests set: the client must stop."""
        self.protocol_version = "HTTP/1.0"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            for _ in range(64):
                self.wfile.write(b"<p>" + b"x" * 16_000 + b"</p>")


@pytest.fixture(scope="module")
def ftp():
    """A listener standing in for an FTP server: it counts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.2)
    seen = []

    def accept():
        while listener.fileno() != -1:
            try:
                seen.append(listener.accept()[0])
            except OSError:
                continue

    threading.Thread(target=accept, daemon=True).start()
    yield f"ftp://user:secret@127.0.0.1:{listener.getsockname()[1]}/article.txt", seen
    listener.close()


@pytest.fixture(scope="module")
def server(ftp):
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.ftp_url = ftp[0]
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetches_and_decodes_html(server):
    fetched = fetch_url(f"{server}/article.html")
    assert fetched == Fetched(url=f"{server}/article.html", text=ARTICLE, content_type="text/html")


def test_follows_redirects_and_reports_the_final_url(server):
    fetched = fetch_url(f"{server}/redirect")
    assert fetched.url == f"{server}/article.html"
    assert "Hama" in fetched.text


def test_charset_from_meta_tag_or_detection(server):
    assert "où l’armée a reculé" in fetch_url(f"{server}/latin1.html").text
    assert fetch_url(f"{server}/cp1252").text == "L’armée a reculé à Alep, où les combats continuent."


def test_plain_text_is_accepted(server):
    fetched = fetch_url(f"{server}/plain.txt")
    assert (fetched.text, fetched.content_type) == ("Plain article text.", "text/plain")


def test_gzip_body_is_decompressed(server):
    assert fetch_url(f"{server}/gzip").text == ARTICLE


def test_http_errors(server):
    with pytest.raises(InputError, match=rf"^404 Not Found for URL {server}/missing$"):
        fetch_url(f"{server}/missing")
    with pytest.raises(InputError, match=r"^500 Internal Server Error for URL"):
        fetch_url(f"{server}/broken")


def test_non_html_content_is_refused(server):
    with pytest.raises(InputError, match=r"report\.pdf is application/pdf, not an HTML page"):
        fetch_url(f"{server}/report.pdf")


def test_size_cap_stops_reading(server):
    start = time.perf_counter()
    with pytest.raises(InputError, match="too large"):
        fetch_url(f"{server}/endless", max_bytes=50_000)
    assert time.perf_counter() - start < 5
    with pytest.raises(InputError, match="too large"):
        fetch_url(f"{server}/declared-big")


def test_timeout(server):
    start = time.perf_counter()
    with pytest.raises(InputError, match=r"^could not fetch URL .*/slow: timed out$"):
        fetch_url(f"{server}/slow", timeout=0.3)
    assert time.perf_counter() - start < SLOW_SECONDS


def test_connection_refused():
    with socket.socket() as probe:  # a port nothing listens on once this socket is closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(InputError, match=rf"^could not fetch URL http://127.0.0.1:{port}/: "):
        fetch_url(f"http://127.0.0.1:{port}/", timeout=2)


def test_empty_page_and_bad_scheme(server):
    with pytest.raises(InputError, match="empty page"):
        fetch_url(f"{server}/empty")
    with pytest.raises(InputError, match="not an http"):
        fetch_url("ftp://127.0.0.1/file")


@pytest.mark.parametrize("path", ["/to-ftp", "/hop-to-ftp", "/to-file"])
def test_redirects_leave_http_never(server, ftp, path):
    with pytest.raises(InputError, match="follows http\\(s\\) redirects only"):
        fetch_url(f"{server}{path}")
    time.sleep(0.3)
    assert ftp[1] == []  # the FTP server was never contacted, no login was sent


@pytest.mark.parametrize("path", ["/trickle-body", "/trickle-headers"])
def test_total_deadline_stops_a_trickling_server(server, path):
    start = time.perf_counter()
    with pytest.raises(InputError, match=r"no complete answer within 1 s"):
        fetch_url(f"{server}{path}", timeout=5, deadline=1)
    assert time.perf_counter() - start < 3


def test_body_shorter_than_its_content_length_is_an_error(server):
    with pytest.raises(InputError, match=r"the body ended after 40 of the \d+ bytes its Content-Length announced"):
        fetch_url(f"{server}/short")


def test_cut_gzip_body_and_unknown_encoding_are_errors(server):
    with pytest.raises(InputError, match="cut short"):
        fetch_url(f"{server}/cut-gzip")
    with pytest.raises(InputError, match="unsupported Content-Encoding 'br'"):
        fetch_url(f"{server}/brotli")


@pytest.mark.parametrize("url", ["http://[::1", "http://", "http://127.0.0.1:99999/", "https://exa mple.com/"])
def test_malformed_urls_are_one_line_errors(url):
    with pytest.raises(InputError):
        fetch_url(url, timeout=2, deadline=3)
