"""Corpus runs: bad records reported in place, results appended, resume after a kill or a torn line."""

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter

import pytest
from typer.testing import CliRunner

from mlsum.batch import ResultFile, pending_inputs
from mlsum.cli import app
from mlsum.sources import iter_inputs

FAST = ["--device", "cpu", "--num-beams", "1", "--max-new-tokens", "4", "--min-new-tokens", "4"]


def write_corpus(path, seeds, n):
    texts = [p.read_text() for p in seeds]
    with path.open("w") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"doc-{i:03d}", "text": texts[i % len(texts)]}) + "\n")
    return [f"doc-{i:03d}" for i in range(n)]


def read_ids(path):
    return [json.loads(line)["id"] for line in path.read_text().splitlines()]


def test_bad_records_become_error_records(tmp_path, seeds, tiny_models):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join([
        json.dumps({"id": "good-1", "text": seeds[0].read_text()}),
        "{not json",
        json.dumps({"id": "empty", "text": "  "}),
        json.dumps({"id": "nofield", "title": "x"}),
        json.dumps({"id": "german", "text": "Die Armee hat am Dienstag Verstärkung in die Region geschickt."}),
        json.dumps({"id": "good-2", "path": str(seeds[1])}),
    ]) + "\n")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["summarize", str(corpus), "--model", str(tiny_models["bart"]),
                                      "--output", str(out), "--quiet", *FAST])
    assert result.exit_code == 1
    records = {r["id"]: r for r in map(json.loads, out.read_text().splitlines())}
    assert set(records) == {"good-1", "corpus:2", "empty", "nofield", "german", "good-2"}
    assert records["good-1"]["summary"] and records["good-2"]["summary"]
    assert "line 2" in records["corpus:2"]["error"]
    assert "empty" in records["empty"]["error"] and "'text'" in records["nofield"]["error"]
    assert "German" in records["german"]["error"]
    assert result.stderr.count("mlsum: error:") == 4


def test_resume_repairs_torn_last_line_and_skips_done(tmp_path, seeds, tiny_models):
    corpus = tmp_path / "corpus.jsonl"
    ids = write_corpus(corpus, seeds, 6)
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps({"id": "doc-000", "summary": "kept"}) + "\n" + '{"id": "doc-001", "summ')
    result = CliRunner().invoke(app, ["summarize", str(corpus), "--model", str(tiny_models["bart"]),
                                      "--output", str(out), *FAST])
    assert result.exit_code == 0, result.output
    assert "repaired" in result.stderr and "1 already in" in result.stderr
    assert sorted(read_ids(out)) == ids
    assert json.loads(out.read_text().splitlines()[0])["summary"] == "kept"
    again = CliRunner().invoke(app, ["summarize", str(corpus), "--model", str(tiny_models["bart"]),
                                     "--output", str(out), *FAST])
    assert again.exit_code == 0 and sorted(read_ids(out)) == ids
    fresh = CliRunner().invoke(app, ["summarize", str(corpus), "--model", str(tiny_models["bart"]),
                                     "--output", str(out), "--overwrite", *FAST])
    assert fresh.exit_code == 0 and read_ids(out)[0] != "kept" and sorted(read_ids(out)) == ids


def test_sigkill_mid_run_then_resume_gives_every_id_once(tmp_path, seeds, tiny_models):
    corpus = tmp_path / "corpus.jsonl"
    ids = write_corpus(corpus, seeds, 160)
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "mlsum", "summarize", str(corpus), "--model", str(tiny_models["bart"]),
           "--output", str(out), "--batch-size", "8", "--quiet", "--device", "cpu", "--num-beams", "1",
           "--max-new-tokens", "24", "--min-new-tokens", "24"]
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.stat().st_size > 0:
            break
        time.sleep(0.05)
    if proc.poll() is not None:
        pytest.fail(f"run ended before it could be killed: {proc.stderr.read().decode()}")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = read_ids(out) if out.read_text().endswith("\n") else None
    assert partial is None or len(partial) < len(ids)
    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    counts = Counter(read_ids(out))
    assert set(counts) == set(ids) and set(counts.values()) == {1}


def test_sigint_stops_after_the_current_batch_with_a_resume_hint(tmp_path, seeds, tiny_models):
    corpus = tmp_path / "corpus.jsonl"
    ids = write_corpus(corpus, seeds, 160)
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "mlsum", "summarize", str(corpus), "--model", str(tiny_models["bart"]),
           "--output", str(out), "--batch-size", "8", "--device", "cpu", "--num-beams", "1",
           "--max-new-tokens", "24", "--min-new-tokens", "24"]
    proc = subprocess.Popen(cmd, env={**os.environ, "HF_HUB_OFFLINE": "1"}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None and not (out.exists() and out.stat().st_size):
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert "rerun the same command to resume" in stderr and "Traceback" not in stderr
    done = read_ids(out)  # every line whole
    assert 0 < len(done) < len(ids) and len(set(done)) == len(done)


def test_duplicate_ids_in_input_are_done_once(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "text": "x"}\n{"id": "b", "text": "y"}\n{"id": "a", "text": "z"}\n')
    todo, skipped = pending_inputs(list(iter_inputs([str(corpus)])), {"b"})
    assert [i.id for i in todo] == ["a"] and skipped == 2


def test_result_file_ignores_damaged_lines(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "a"}\nnot json\n{"no_id": 1}\n')
    assert ResultFile(out).done_ids == {"a"}
