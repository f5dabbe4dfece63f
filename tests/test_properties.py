"""Property tests: whatever bytes, text or JSON records come in, every command answers with one line
per problem and a result per input, never a traceback.

Each example writes a JSONL corpus of random lines (random JSON records, or raw bytes), a file of
random bytes and a file of random text, and runs a command on all three. URLs in records point at a
local server on 127.0.0.1 (or are not http at all): nothing here touches the network.
"""

from __future__ import annotations

import json
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from mlsum.cli import app

PAGE = (b"<html><head><title>Hama</title></head><body><p>The army sent reinforcements to the region "
        b"on Tuesday after rebels took several towns, a monitoring group said.</p></body></html>")


class Pages(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == "/page.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)
        else:
            self.send_error(404)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


SENTENCES = ["The army sent reinforcements to the region on Tuesday.",
             "Les rebelles ont pris le contrôle de plusieurs villes et villages.",
             "IN 2024, 300,000 PEOPLE FLED 12 KM NORTH.", "Le 3 déc. 2024, 1,5 milliard d'euros.", ""]
not_http = st.text(max_size=40).filter(lambda s: not s.strip().lower().startswith(("http://", "https://")))
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=60),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=6)
texts = st.one_of(st.sampled_from(SENTENCES), st.text(max_size=400),
                  st.text(max_size=200).map(lambda t: f"<html><body><article><p>{t}</p></article></body></html>"),
                  st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6).map(" ".join),
                  st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4).map("\n\n".join))


def records(base_url: str):
    urls = st.sampled_from([f"{base_url}/page.html", f"{base_url}/missing", "ftp://127.0.0.1/x",
                            "file:///etc/passwd"]) | not_http
    paths = st.sampled_from(["bytes.txt", "text.txt", "/etc/passwd", "../secret.txt", "/dev/zero",
                             "corpus.jsonl", ""]) | not_http
    fields = st.fixed_dictionaries({}, optional={
        "id": st.none() | st.integers(-3, 3) | st.sampled_from(["a", "b", ""]) | json_values,
        "text": texts | json_values, "url": urls | json_values, "path": paths | json_values,
        "lang": st.sampled_from(["en", "fr", "EN", "de", ""]) | json_values})
    record_line = fields.map(lambda r: json.dumps(r).encode())
    raw_line = st.binary(max_size=80).map(lambda b: b.replace(b"\n", b" "))
    return st.lists(record_line | raw_line | st.sampled_from([b"", b"{", b"[]", b"\xef\xbb\xbf{}",
                                                              b'{"text": "\\ud800"}']), max_size=6)


def write_inputs(folder: Path, lines: list[bytes], raw: bytes, text: str) -> tuple[list[str], int]:
    """The inputs, and how many results they must give (one per non-blank corpus line, at least one
    for the corpus, one per file)."""
    (folder / "corpus.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    (folder / "bytes.txt").write_bytes(raw)
    (folder / "text.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
    (folder / "page.html").write_bytes(b"<html><body><p>" + raw + b"</p></body></html>")
    nonblank = sum(1 for line in lines if line.strip())
    names = ("corpus.jsonl", "bytes.txt", "text.txt", "page.html")
    return [str(folder / name) for name in names], max(nonblank, 1) + 3


def check(result, expected: int | None) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1), result.output
    assert all(line.startswith("mlsum: ") for line in result.stderr.splitlines()), result.stderr
    if expected is not None:
        out = [json.loads(line) for line in result.stdout.splitlines()]
        assert len(out) == expected, result.output
        assert len({r["id"] for r in out}) == expected  # every input, each under its own id


EXAMPLES = dict(deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])
surrogates_too = st.text(st.characters(codec=None), max_size=300)


@pytest.mark.parametrize("command", ["detect", "normalize", "figures"])
def test_commands_without_models(server, command):
    @settings(max_examples=60, **EXAMPLES)
    @given(lines=records(server), raw=st.binary(max_size=300), text=texts | surrogates_too)
    def run(lines, raw, text):
        with tempfile.TemporaryDirectory() as tmp:
            args, expected = write_inputs(Path(tmp), lines, raw, text)
            check(CliRunner().invoke(app, [command, "--json", *args]), expected)
            check(CliRunner().invoke(app, [command, *args]), None)  # text output too

    run()


@pytest.mark.parametrize("command", ["translate", "summarize"])
def test_commands_with_tiny_models(server, tiny_models, command):
    model = ["-m", str(tiny_models["marian"])] if command == "translate" else [
        "-m", str(tiny_models["bart"]), "--translation-model", str(tiny_models["marian"]),
        "--max-new-tokens", "4", "--min-new-tokens", "0"]
    options = [*model, "--device", "cpu", "--num-beams", "1", "--backend", "torch"]

    @settings(max_examples=8, **EXAMPLES)
    @given(lines=records(server), raw=st.binary(max_size=200), text=texts)
    def run(lines, raw, text):
        with tempfile.TemporaryDirectory() as tmp:
            args, expected = write_inputs(Path(tmp), lines, raw, text)
            check(CliRunner().invoke(app, [command, "--json", *options, *args]), expected)
            out = Path(tmp) / "out.jsonl"
            for _ in range(2):  # a run, then a rerun that retries the failures
                check(CliRunner().invoke(app, [command, "--quiet", "--output", str(out), *options, *args]), None)
                assert len({json.loads(line)["id"] for line in out.read_text().splitlines()}) == expected
                assert len(out.read_text().splitlines()) == expected  # one record per id, never two

    run()


prediction = st.fixed_dictionaries({}, optional={
    "id": st.sampled_from(["a", "b", 1]) | json_values, "summary": texts | json_values,
    "text": texts | json_values, "reference": texts | json_values, "original": texts | json_values,
    "translated": st.booleans() | json_values, "source": texts | json_values, "error": json_values,
    "title": texts | json_values})


def test_evaluate():
    @settings(max_examples=60, **EXAMPLES)
    @given(lines=st.lists(prediction.map(lambda r: json.dumps(r).encode()) | st.binary(max_size=40).map(
        lambda b: b.replace(b"\n", b" ")), max_size=5), refs=st.lists(prediction.map(json.dumps), max_size=3))
    def run(lines, refs):
        with tempfile.TemporaryDirectory() as tmp:
            predictions, references = Path(tmp) / "p.jsonl", Path(tmp) / "r.jsonl"
            predictions.write_bytes(b"\n".join(lines) + b"\n")
            references.write_text("\n".join(refs) + "\n")
            check(CliRunner().invoke(app, ["evaluate", "--predictions", str(predictions), "--json"]), None)
            check(CliRunner().invoke(app, ["evaluate", "-p", str(predictions), "-r", str(references),
                                           "--sources", tmp]), None)

    run()


def test_summarize_records_are_what_evaluate_reads(tiny_models, seeds):
    """The round trip the README promises, on a corpus with failures: evaluate accepts the result file."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "c.jsonl"
        corpus.write_text("\n".join([json.dumps({"id": "a", "text": seeds[0].read_text()}), "{broken",
                                     json.dumps({"id": "b", "text": seeds[1].read_text()})]) + "\n")
        out = Path(tmp) / "out.jsonl"
        runner = CliRunner()
        run = runner.invoke(app, ["summarize", str(corpus), "-m", str(tiny_models["bart"]), "--device", "cpu",
                                  "--num-beams", "1", "--max-new-tokens", "6", "--output", str(out)])
        assert run.exit_code == 1
        evaluated = runner.invoke(app, ["evaluate", "-p", str(out), "--json"])
        assert evaluated.exit_code == 0, evaluated.output
        assert "skipped, the input failed" in evaluated.stderr



result_lines = st.lists(
    st.fixed_dictionaries({"id": st.sampled_from(["a", "b", "c"]) | json_values,
                           "kind": st.sampled_from(["summary", "summary", "translation"]) | json_values},
                          optional={"error": st.sampled_from(["timed out", ""]) | json_values,
                                    "summary": texts}).map(lambda r: json.dumps(r).encode())
    | st.binary(max_size=30).map(lambda b: b.replace(b"\n", b" ")), max_size=8)


@settings(max_examples=150, **EXAMPLES)
@given(lines=result_lines, torn=st.booleans())
def test_any_existing_output_is_refused_or_repaired(lines, torn):
    """Whatever an --output holds, opening it is a one-line refusal or a file left with one record of
    the command's kind per id, nothing else, and no error record for an id about to be retried."""
    from mlsum.batch import ResultFile
    from mlsum.errors import OutputError

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        out.write_bytes(b"\n".join(lines) + (b"" if torn else b"\n"))
        before = out.read_bytes()
        try:
            results = ResultFile(out, "summary")
        except OutputError as exc:
            assert "\n" not in str(exc) and out.read_bytes() == before
            return
        try:
            results.retry(["a", "b", "c"])
            results.write({"id": "new", "kind": "summary", "summary": "s"})
        finally:
            results.close()
        kept = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert all(r["kind"] == "summary" for r in kept)
        assert not any(r.get("error") for r in kept if r["id"] in ("a", "b", "c"))  # retried ones are gone
        assert len({r["id"] for r in kept}) == len(kept)
