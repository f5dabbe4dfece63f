"""The CLI end to end through typer's runner, with tiny local checkpoints: commands, outputs, errors."""

import json
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from mlsum.cli import app

FRENCH = (
    "Les combats se poursuivent en Syrie\n\n"
    "De violents combats opposaient mardi l'armée syrienne à une coalition de rebelles menée par des "
    "islamistes radicaux, qui tentent d'avancer vers la ville stratégique de Hama, dans le centre du pays, "
    "selon une ONG. Les rebelles ont pris le contrôle de plusieurs villes et villages.\n\n"
    "L'armée syrienne a annoncé avoir envoyé des renforts dans la région, ce qui a permis de ralentir la "
    "progression des rebelles au cours des deux derniers jours. Le secrétaire général de l'ONU s'est dit "
    "alarmé par l'escalade récente de la violence en Syrie.\n"
)
GERMAN = ("Die syrische Armee hat am Dienstag Verstärkung in die Region geschickt, nachdem die Rebellen "
          "mehrere Städte und Dörfer in der Provinz Hama eingenommen hatten.\n")


@pytest.fixture()
def runner():
    return CliRunner()


@pytest.fixture()
def french_file(tmp_path):
    path = tmp_path / "article_fr.txt"
    path.write_text(FRENCH, encoding="utf-8")
    return path


def invoke(runner, *args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_help_does_not_import_torch():
    code = ("import sys\nfrom mlsum.cli import main\nsys.argv = ['mlsum', '--help']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('heavy:', 'torch' in sys.modules or 'transformers' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "summarize" in out and "heavy: False" in out


def test_detect_seeds_are_english(runner, seeds):
    result = invoke(runner, "detect", "--json", *seeds)
    assert result.exit_code == 0, result.output
    records = json_lines(result.stdout)
    assert [r["language"] for r in records] == ["en"] * len(seeds)
    assert all(r["probability"] > 0.9 for r in records)


def test_detect_french_and_directory(runner, french_file):
    result = invoke(runner, "detect", french_file.parent)
    assert result.exit_code == 0
    assert result.stdout.split("\t")[:2] == ["article_fr", "fr"]


def test_latin1_french_file_is_decoded(runner, tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(FRENCH.encode("latin-1"))
    result = invoke(runner, "normalize", "--json", path)
    assert result.exit_code == 0, result.output
    [record] = json_lines(result.stdout)
    assert record["language"] == "fr"
    assert "l'armée syrienne" in record["text"] and "alarmé" in record["text"]


def test_stdin_input(runner):
    result = invoke(runner, "detect", "-", input=FRENCH)
    assert result.exit_code == 0
    assert result.stdout.startswith("stdin\tfr")


@pytest.mark.parametrize("content,message", [
    (b"", "empty file"),
    (b"   \n\n  ", "empty file"),
    (bytes(range(256)) * 8, "binary file"),
])
def test_unreadable_files_are_one_line_errors(runner, tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = invoke(runner, "detect", path)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and message in result.stderr and "Traceback" not in result.output


def test_missing_path(runner, tmp_path):
    result = invoke(runner, "summarize", tmp_path / "nope.txt")
    assert result.exit_code == 1
    assert "no such file" in result.stderr and result.stderr.count("\n") == 1


def test_german_is_rejected_with_language_named(runner, tmp_path):
    path = tmp_path / "de.txt"
    path.write_text(GERMAN, encoding="utf-8")
    result = invoke(runner, "detect", path)
    assert result.exit_code == 1
    assert "German" in result.stderr and "--lang" in result.stderr


def test_lang_override_skips_detection(runner, tmp_path):
    path = tmp_path / "de.txt"
    path.write_text(GERMAN, encoding="utf-8")
    result = invoke(runner, "normalize", "--json", "--lang", "en", path)
    assert result.exit_code == 0
    assert json_lines(result.stdout)[0]["language"] == "en"


def test_unsupported_lang_option_is_usage_error(runner, french_file):
    assert invoke(runner, "detect", "--lang", "de", french_file).exit_code == 2


def test_batch_with_one_bad_file_does_the_others(runner, tmp_path, seeds):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    result = invoke(runner, "detect", "--json", seeds[0], bad, seeds[1])
    assert result.exit_code == 1
    records = json_lines(result.stdout)
    assert [r["id"] for r in records] == [seeds[0].stem, "empty", seeds[1].stem]
    assert "error" in records[1] and records[0]["language"] == records[2]["language"] == "en"
    assert result.stderr.count("\n") == 1


def test_summarize_local_bart(runner, tiny_models, seeds):
    result = invoke(runner, "summarize", "--json", "--model", tiny_models["bart"], "--device", "cpu",
                    "--num-beams", "1", "--max-new-tokens", "12", "--min-new-tokens", "12", *seeds[:2])
    assert result.exit_code == 0, result.output
    records = json_lines(result.stdout)
    assert len(records) == 2
    for record in records:
        assert record["summary"] and record["translated"] is False and record["parts"] >= 1
        assert record["model"] == str(tiny_models["bart"]) and "summarize" in record["timings"]
        assert record["language"] == "en" and record["text"]


def test_summarize_french_translates_first(runner, tiny_models, french_file):
    result = invoke(runner, "summarize", "--json", "--model", tiny_models["bart"], "--translation-model",
                    tiny_models["marian"], "--device", "cpu", "--max-new-tokens", "8", french_file)
    assert result.exit_code == 0, result.output
    [record] = json_lines(result.stdout)
    assert record["translated"] is True and record["language"] == "fr"
    assert "Hama" in record["original"] and record["text"] != record["original"]
    assert record["summary"] and "translate" in record["timings"]


def test_translate_keeps_paragraphs(runner, tiny_models, french_file):
    result = invoke(runner, "translate", "--json", "--translation-model", tiny_models["marian"],
                    "--device", "cpu", "--num-beams", "1", french_file)
    assert result.exit_code == 0, result.output
    [record] = json_lines(result.stdout)
    assert record["translated"] is True
    assert record["original"].count("\n\n") == record["text"].count("\n\n") == 1  # title is metadata


def test_summarize_plain_text_output(runner, tiny_models, seeds):
    result = invoke(runner, "summarize", "--model", tiny_models["t5"], "--device", "cpu",
                    "--max-new-tokens", "6", "--min-new-tokens", "6", seeds[2])
    assert result.exit_code == 0, result.output
    assert not result.stdout.startswith("{")


def test_model_not_available_offline_fails_fast(runner, seeds, monkeypatch):
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # nothing listens: unreachable hub
    started = time.monotonic()
    result = invoke(runner, "summarize", "--model", "some-org/not-cached-model", "--device", "cpu", seeds[0])
    assert time.monotonic() - started < 15
    assert result.exit_code == 1
    assert "some-org/not-cached-model" in result.stderr and "mlsum models pull" in result.stderr
    assert result.stderr.count("\n") == 1


def test_missing_model_directory(runner, seeds, tmp_path):
    result = invoke(runner, "summarize", "--model", tmp_path / "no-such-dir", seeds[0])
    assert result.exit_code == 1 and "does not exist" in result.stderr


def test_cuda_on_cpu_machine(runner, seeds, tiny_models):
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    result = invoke(runner, "summarize", "--device", "cuda", "--model", tiny_models["bart"], seeds[0])
    assert result.exit_code == 2
    assert "CUDA is not available" in result.stderr and result.stderr.count("\n") == 1


def test_models_lists_registry(runner):
    result = invoke(runner, "models")
    assert result.exit_code == 0
    assert "distilbart-cnn-12-6" in result.stdout and "opus-mt-fr-en" in result.stdout


def test_models_pull_offline_is_one_line(runner, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    result = invoke(runner, "models", "pull", "t5-small")
    assert result.exit_code == 1 and "t5-small" in result.stderr and result.stderr.count("\n") == 1


@pytest.fixture()
def served_data():
    """tests/data over HTTP on 127.0.0.1 (a free port), for URL inputs."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
    from pathlib import Path

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(Path(__file__).parent / "data"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_url_and_html_inputs(runner, served_data):
    from pathlib import Path

    html_file = Path(__file__).parent / "data" / "article_fr.html"
    result = invoke(runner, "normalize", "--json", f"{served_data}/article_en.html", html_file,
                    f"{served_data}/missing.html")
    assert result.exit_code == 1
    url_record, file_record, failed = json_lines(result.stdout)
    assert url_record["title"] and url_record["date"] and url_record["language"] == "en"
    assert file_record["language"] == "fr" and file_record["title"] and "<" not in file_record["text"]
    assert "404" in failed["error"] and result.stderr.count("\n") == 1


def test_summarize_html_file(runner, tiny_models):
    from pathlib import Path

    html_file = Path(__file__).parent / "data" / "article_en.html"
    result = invoke(runner, "summarize", "--json", "--model", tiny_models["bart"], "--device", "cpu",
                    "--max-new-tokens", "5", html_file)
    assert result.exit_code == 0, result.output
    [record] = json_lines(result.stdout)
    assert record["summary"] and record["title"] and "<p>" not in record["text"]


@pytest.mark.parametrize("backend,expected", [("auto", "ct2"), ("torch", "torch"), ("ct2", "ct2")])
def test_backends_on_cpu(runner, tiny_models, seeds, backend, expected):
    result = invoke(runner, "summarize", "--json", "--model", tiny_models["bart"], "--device", "cpu",
                    "--backend", backend, "--max-new-tokens", "5", "--min-new-tokens", "5", seeds[0])
    assert result.exit_code == 0, result.output
    [record] = json_lines(result.stdout)
    assert record["backend"] == expected and record["summary"]


def test_detect_record_with_a_given_lang(runner, tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "given", "text": FRENCH, "lang": "fr"}) + "\n"
                      + json.dumps({"id": "found", "text": FRENCH}) + "\n")
    result = invoke(runner, "detect", corpus)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["given\tfr\t-", "found\tfr\t1.00"]
    assert [r["probability"] for r in json_lines(invoke(runner, "detect", "--json", corpus).stdout)] == [None, 1.0]


def _help(*command):
    env = {**__import__("os").environ, "COLUMNS": "200", "TERM": "dumb"}
    return subprocess.run([sys.executable, "-m", "mlsum", *command, "--help"], capture_output=True, text=True,
                          env=env, check=True).stdout


@pytest.mark.parametrize("command", [[], ["detect"], ["summarize"], ["translate"], ["figures"], ["models"],
                                     ["models", "pull"], ["evaluate"]])
def test_help_has_no_noise_types(command):
    text = _help(*command)
    assert "<bool>" not in text and "<list[str]>" not in text
    assert "Show this message and exit." in text


def test_help_shows_the_device_dependent_batch_size_default():
    assert "[default: 16 on CPU, 64 on GPU]" in " ".join(_help("summarize").split())
    assert "<en|fr>" in _help("summarize")  # real choices keep their type


def test_translate_takes_model_option(runner, tiny_models, french_file):
    for option in ("--model", "-m", "--translation-model"):
        result = invoke(runner, "translate", "--json", option, tiny_models["marian"], "--device", "cpu",
                        "--num-beams", "1", french_file)
        assert result.exit_code == 0, result.output
        assert json_lines(result.stdout)[0]["translated"] is True


def test_missing_translator_names_the_right_option(runner, tiny_models, french_file, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    result = invoke(runner, "summarize", "--model", tiny_models["bart"], "--translation-model",
                    "some-org/not-cached-translator", "--device", "cpu", french_file)
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert "--translation-model PATH" in result.stderr and "pass --model" not in result.stderr


def test_impossible_lengths_are_refused_before_any_work(runner, tiny_models, tmp_path):
    result = invoke(runner, "summarize", "--model", tiny_models["bart"], "--min-new-tokens", "50",
                    "--max-new-tokens", "5", tmp_path / "missing.txt")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "--min-new-tokens 50 is more than --max-new-tokens 5" in result.stderr


def test_detect_shows_a_mixed_article(runner, tmp_path, seeds):
    english = [p for p in seeds[0].read_text().split("\n\n") if len(p.split()) > 15][:3]
    french = [p for p in FRENCH.split("\n\n")[1:] if p.strip()]
    path = tmp_path / "mixed.txt"
    path.write_text("\n\n".join(english + french))
    result = invoke(runner, "detect", path)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().endswith("mixed:en,en,en,fr,fr")
    assert "mixed languages: paragraphs 4, 5 of 5 in French" in result.stderr
