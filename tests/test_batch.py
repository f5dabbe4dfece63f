"""Corpus runs: bad records reported in place, results appended, resume after a kill or a torn line."""

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlsum.batch import ResultFile, pending_inputs
from mlsum.cli import app
from mlsum.sources import list_inputs

FAST = ["--device", "cpu", "--num-beams", "1", "--max-new-tokens", "4", "--min-new-tokens", "4"]


def write_corpus(path, seeds, n):
    texts = [p.read_text() for p in seeds]
    with path.open("w") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"doc-{i:03d}", "text": texts[i % len(texts)]}) + "\n")
    return [f"doc-{i:03d}" for i in range(n)]


def read_ids(path):
    return [json.loads(line)["id"] for line in path.read_text().splitlines()]


def test_bad_records_become_error_records(tmp_path, seeds, tiny_models, monkeypatch):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "seed.txt").write_text(seeds[1].read_text())
    monkeypatch.chdir(seeds[0].parent)  # a relative `path` is the corpus folder's, not the working directory's
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join([
        json.dumps({"id": "good-1", "text": seeds[0].read_text()}),
        "{not json",
        json.dumps({"id": "empty", "text": "  "}),
        json.dumps({"id": "nofield", "title": "x"}),
        json.dumps({"id": "german", "text": "Die Armee hat am Dienstag Verstärkung in die Region geschickt."}),
        json.dumps({"id": "good-2", "path": "articles/seed.txt"}),
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
    out.write_text(json.dumps({"id": "doc-000", "kind": "summary", "summary": "kept"}) + "\n"
                   + '{"id": "doc-001", "summ')
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


def summarize(*args):
    return CliRunner().invoke(app, ["summarize", *map(str, args), *FAST])


def records(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_result_file_reads_back_done_and_failed_ids(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "a", "kind": "summary", "summary": "s"}\n'
                   '{"id": "b", "kind": "summary", "error": "network down"}\n')
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "text": "x"}\n{"id": "b", "text": "y"}\n')
    results = ResultFile(out, "summary")
    try:
        assert results.done_ids == {"a"} and results.failed_ids == {"b"}
        todo, skipped = pending_inputs(list_inputs([str(corpus)]), results.done_ids)
        assert [i.id for i in todo] == ["b"] and skipped == 1
    finally:
        results.close()


def test_rerun_retries_failures_and_keeps_one_record_per_id(tmp_path, seeds, tiny_models):
    """A failure that can succeed (here a file that appears later) is redone by the rerun; the file
    then holds exactly one record per id, which `mlsum evaluate` accepts."""
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "ready", "text": seeds[0].read_text()}) + "\n"
                      + json.dumps({"id": "late", "path": "late.txt"}) + "\n")
    out = tmp_path / "out.jsonl"
    first = summarize(corpus, "--model", tiny_models["bart"], "--output", out)
    assert first.exit_code == 1 and "late.txt" in first.stderr
    assert [(r["id"], "error" in r) for r in records(out)] == [("ready", False), ("late", True)]
    (tmp_path / "late.txt").write_text(seeds[1].read_text())
    second = summarize(corpus, "--model", tiny_models["bart"], "--output", out)
    assert second.exit_code == 0, second.output
    assert "1 done, 0 failed, 1 already in" in second.stderr and "1 that had failed were tried again" in second.stderr
    final = records(out)
    assert sorted(r["id"] for r in final) == ["late", "ready"] and not any("error" in r for r in final)
    assert {r["kind"] for r in final} == {"summary"}
    evaluated = CliRunner().invoke(app, ["evaluate", "--predictions", str(out), "--json"])
    assert evaluated.exit_code == 0, evaluated.output


def test_damaged_line_in_the_middle_is_moved_aside_and_its_input_redone(tmp_path, seeds, tiny_models):
    corpus = tmp_path / "corpus.jsonl"
    ids = write_corpus(corpus, seeds, 3)
    out = tmp_path / "out.jsonl"
    assert summarize(corpus, "--model", tiny_models["bart"], "--output", out).exit_code == 0
    lines = out.read_text().splitlines()
    out.write_text("\n".join([lines[0], lines[1][:40] + "\x00garbage", lines[2], lines[2]]) + "\n")
    rerun = summarize(corpus, "--model", tiny_models["bart"], "--output", out)
    assert rerun.exit_code == 0, rerun.output
    assert "1 damaged line (not a JSON record: 2)" in rerun.stderr and "removed 1 repeated record" in rerun.stderr
    assert sorted(read_ids(out)) == ids  # the damaged record's id redone, the repeated one gone
    assert "garbage" in (tmp_path / "out.jsonl.damaged").read_text()


@pytest.mark.parametrize("content,what", [
    ('{"id": "a", "text": "An article."}\n', "not an mlsum result"),
    ('{"id": "a", "kind": "translation", "text": "An article."}\n', "a 'translation' record"),
])
def test_output_of_another_kind_is_refused(tmp_path, seeds, content, what):
    out = tmp_path / "other.jsonl"
    out.write_text(content)
    result = summarize(seeds[0], "--model", "t5-small", "--output", out)
    assert result.exit_code == 2
    assert what in result.stderr and "--overwrite" in result.stderr and result.stderr.count("\n") == 1
    assert out.read_text() == content


def test_output_that_is_an_input_is_refused(tmp_path, seeds):
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, seeds, 2)
    before = corpus.read_text()
    for extra in ([], ["--overwrite"]):
        result = summarize(corpus, "--output", corpus, *extra)
        assert result.exit_code == 2 and "is also an input" in result.stderr and result.stderr.count("\n") == 1
    assert corpus.read_text() == before


def test_output_inside_an_input_folder_is_not_read_as_input(tmp_path, seeds, tiny_models):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text(seeds[0].read_text())
    out = folder / "results.jsonl"
    for _ in range(2):
        result = summarize(folder, "--model", tiny_models["bart"], "--output", out)
        assert result.exit_code == 0, result.output
    assert read_ids(out) == ["one"]


def test_second_run_on_the_same_output_is_refused(tmp_path, seeds):
    out = tmp_path / "out.jsonl"
    holder = ResultFile(out, "summary")  # a run in progress
    try:
        result = summarize(seeds[0], "--model", "t5-small", "--output", out)
    finally:
        holder.close()
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "in use by another mlsum run" in result.stderr
    again = ResultFile(out, "summary")  # released: usable again
    again.close()


def test_concurrent_processes_do_not_duplicate_ids(tmp_path, seeds, tiny_models):
    corpus = tmp_path / "corpus.jsonl"
    ids = write_corpus(corpus, seeds, 40)
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "mlsum", "summarize", str(corpus), "--model", str(tiny_models["bart"]),
           "--output", str(out), "--quiet", *FAST]
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    runs = [subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    outcomes = sorted((p.wait(timeout=600), p.stderr.read()) for p in runs)
    assert [code for code, _ in outcomes] in ([0, 0], [0, 2])  # the second waits out or is refused
    if outcomes[1][0] == 2:
        assert "in use by another mlsum run" in outcomes[1][1]
    assert Counter(read_ids(out)) == Counter(ids)


@pytest.mark.parametrize("make,message", [
    (lambda tmp: tmp, "is a directory"),
    (lambda tmp: tmp / "missing" / "out.jsonl", "does not exist"),
    (lambda tmp: Path("/sys/mlsum-out.jsonl"), "cannot write"),
    (lambda tmp: Path("/dev/null"), "not a regular file"),
])
def test_bad_output_fails_before_any_work(tmp_path, make, message):
    target = make(tmp_path)
    if str(target).startswith("/sys") and not Path("/sys").is_dir():
        pytest.skip("no /sys on this system")
    result = summarize(tmp_path / "no-such-input.txt", "--model", "t5-small", "--output", target)
    assert result.exit_code == 2, result.output
    assert message in result.stderr and result.stderr.count("\n") == 1  # the input was never looked at


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through permission bits")
def test_read_only_folder_for_output(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = summarize(tmp_path / "x.txt", "--model", "t5-small", "--output", folder / "out.jsonl")
    finally:
        folder.chmod(0o700)
    assert result.exit_code == 2 and "cannot write" in result.stderr and result.stderr.count("\n") == 1


def test_text_file_as_output_is_refused_not_emptied(tmp_path, seeds):
    out = tmp_path / "notes.txt"
    out.write_text("my notes\nmore notes\n")
    result = summarize(seeds[0], "--model", "t5-small", "--output", out)
    assert result.exit_code == 2 and "not a JSON-lines result file" in result.stderr
    assert out.read_text() == "my notes\nmore notes\n"


def test_output_through_a_symlink_keeps_the_link_and_shares_the_lock(tmp_path, seeds, tiny_models):
    real = tmp_path / "real.jsonl"
    real.write_text('{"id": "x", "kind": "summary", "error": "earlier failure"}\n')
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    holder = ResultFile(real, "summary")
    try:
        busy = summarize(seeds[0], "--model", "t5-small", "--output", link)
    finally:
        holder.close()
    assert busy.exit_code == 2 and "in use" in busy.stderr
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "x", "text": seeds[0].read_text()}) + "\n")
    result = summarize(corpus, "--model", tiny_models["bart"], "--output", link)  # retries x: a rewrite
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and [r["id"] for r in records(real)] == ["x"] and "summary" in records(real)[0]


def test_out_of_memory_fails_only_what_does_not_fit_and_a_rerun_retries_it(tmp_path, seeds, tiny_models,
                                                                              monkeypatch):
    import torch

    import mlsum.summarize

    corpus = tmp_path / "corpus.jsonl"
    ids = write_corpus(corpus, seeds, 4)
    real = mlsum.summarize.summarize_texts
    others = {w for p in seeds if p != seeds[1] for w in p.read_text().split()}
    marker = max((w for w in seeds[1].read_text().split() if w not in others and w.isalpha()), key=len)

    def tight_memory(loaded, texts, *args, **kwargs):
        if len(texts) > 1 or marker in texts[0]:  # a batch, or the one article too large on its own
            raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")
        return real(loaded, texts, *args, **kwargs)

    monkeypatch.setattr(mlsum.summarize, "summarize_texts", tight_memory)
    out = tmp_path / "out.jsonl"
    first = summarize(corpus, "--model", tiny_models["bart"], "--output", out)
    assert first.exit_code == 1 and first.stderr.count("out of memory while summarizing") == 1
    failed = {r["id"] for r in records(out) if "error" in r}
    assert failed == {"doc-001"} and sorted(read_ids(out)) == ids
    monkeypatch.setattr(mlsum.summarize, "summarize_texts", real)  # memory freed: the rerun succeeds
    second = summarize(corpus, "--model", tiny_models["bart"], "--output", out)
    assert second.exit_code == 0, second.output
    assert sorted(read_ids(out)) == ids and not any("error" in r for r in records(out))
