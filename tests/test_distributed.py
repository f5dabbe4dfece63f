"""Ray Data corpus runs: what a rerun does with the part files and repeated ids (no Ray needed), and a
local cluster of one (skipped without Ray): every id once, failures retried, resumable."""

import json
import os

import pytest

from mlsum.distributed import PartFiles, Repeats, done_ids, summarize_dataset
from mlsum.models import Generation


def write_part(out, name, *records):
    out.mkdir(exist_ok=True)
    (out / f"part-{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))


def read_parts(out):
    return [json.loads(line) for part in sorted(out.glob("part-*.jsonl")) for line in part.open()]


# -- the part files and the ids, without Ray --------------------------------------------------------------

def test_failures_are_retried_and_every_id_keeps_one_record(tmp_path):
    out = tmp_path / "out"
    write_part(out, "1", {"id": "a", "summary": "A."}, {"id": "b", "error": "out of memory"},
               {"id": "c", "error": "empty text"})
    write_part(out, "2", {"id": "b", "summary": "B."}, {"id": "a", "summary": "A again."},
               {"id": "d", "error": "gone"})
    parts = PartFiles(out)
    assert parts.done == {"a", "b"} and parts.failed == {"c", "d"}
    assert done_ids(out) == {"a", "b"}  # an error record is not done
    parts.retry({"c"})  # c is about to be redone; d is no longer an input and keeps its record
    assert read_parts(out) == [{"id": "a", "summary": "A."}, {"id": "b", "summary": "B."},
                               {"id": "d", "error": "gone"}]
    parts.retry({"d"})
    assert read_parts(out) == [{"id": "a", "summary": "A."}, {"id": "b", "summary": "B."}]
    assert not (out / "part-2.jsonl").read_text().count("gone") and not list(out.glob("*.tmp"))


def test_a_part_file_left_empty_is_removed(tmp_path):
    out = tmp_path / "out"
    write_part(out, "1", {"id": "x", "error": "failed"})
    write_part(out, "2", {"id": "y", "summary": "Y."})
    PartFiles(out).retry({"x"})
    assert sorted(p.name for p in out.iterdir()) == ["part-2.jsonl"]


def test_later_records_of_a_repeated_id_are_errors_under_their_place():
    rows = [("a", "c1.jsonl"), ("b", "c1.jsonl"), ("a", "c1.jsonl"), ("c", "c2.jsonl"), ("a", "c2.jsonl")]
    repeats = Repeats.scan(rows)
    assert repeats.later == {"a": ["c1.jsonl:3", "c2.jsonl:2"]}
    assert repeats.ids == {"a", "b", "c", "c1.jsonl:3", "c2.jsonl:2"}
    assert repeats.errors["c2.jsonl:2"] == ("c2.jsonl: record 2: duplicate id 'a', already used by "
                                            "c1.jsonl: record 1")
    assert repeats.rows([("a", "first text"), ("a", "second"), ("a", "third")]) == [
        {"id": "a", "text": "first text"}, {"id": "c1.jsonl:3", "text": ""}, {"id": "c2.jsonl:2", "text": ""}]
    assert Repeats.scan([("a", "x"), ("b", "x")]).later == {}


# -- on a local Ray cluster --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def local_ray():
    ray = pytest.importorskip("ray")
    pytest.importorskip("ray.data")
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    ray.init(num_cpus=2, include_dashboard=False, object_store_memory=200 * 1024 * 1024,
             log_to_driver=False, ignore_reinit_error=True)
    ray.data.DataContext.get_current().enable_progress_bars = False
    yield
    ray.shutdown()


def test_corpus_runs_once_per_id_retries_failures_and_resumes(local_ray, tiny_models, seeds, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    records = [{"id": f"seed-{i}", "text": p.read_text()} for i, p in enumerate(seeds)]
    records.append({"id": "empty", "text": "   "})
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records))
    out = tmp_path / "out"
    kwargs = {"model": str(tiny_models["bart"]), "translation_model": str(tiny_models["marian"]),
              "device": "cpu", "batch_size": 2, "window": 2,
              "generation": Generation(num_beams=1, max_new_tokens=8, min_new_tokens=8)}

    stats = summarize_dataset(str(corpus), out, **kwargs)
    assert (stats.done, stats.failed, stats.skipped, stats.retried) == (len(seeds), 1, 0, 0)
    written = read_parts(out)
    assert sorted(r["id"] for r in written) == sorted(r["id"] for r in records)  # each id exactly once
    assert all(r["summary"] for r in written if r["id"] != "empty")
    assert next(r for r in written if r["id"] == "empty")["error"]

    # a rerun skips what is done and tries the failure again, which replaces its record
    stats = summarize_dataset(str(corpus), out, **kwargs)
    assert (stats.done, stats.failed, stats.skipped, stats.retried) == (0, 1, len(seeds), 1)
    assert sorted(r["id"] for r in read_parts(out)) == sorted(r["id"] for r in records)

    # losing one part file (and a half-written temporary) redoes just its ids
    lost = next(p for p in sorted(out.glob("part-*.jsonl")) if "empty" not in p.read_text())
    lost_ids = {json.loads(line)["id"] for line in lost.open()}
    lost.unlink()
    (out / ".part-x.jsonl.1.tmp").write_text('{"id": "seed-0", "summ')
    stats = summarize_dataset(str(corpus), out, **kwargs)
    assert stats.done == len(lost_ids) and stats.skipped == len(seeds) - len(lost_ids) and stats.failed == 1
    assert sorted(r["id"] for r in read_parts(out)) == sorted(r["id"] for r in records)
    assert done_ids(out) == {r["id"] for r in records} - {"empty"}
    assert not list(out.glob("*.tmp"))


def test_repeated_ids_are_summarized_once_and_reported(local_ray, tiny_models, seeds, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    texts = [p.read_text() for p in seeds]
    records = [{"id": 7, "text": texts[0]}, {"id": 8, "text": texts[1]}, {"id": 7, "text": texts[2]},
               {"id": 8, "text": texts[3]}, {"id": 9, "text": texts[4]}, {"id": 8, "text": texts[0]}]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records))
    out = tmp_path / "out"
    kwargs = {"model": str(tiny_models["bart"]), "device": "cpu", "batch_size": 2, "window": 2,
              "generation": Generation(num_beams=1, max_new_tokens=8, min_new_tokens=8)}
    for rerun in (False, True):
        stats = summarize_dataset(str(corpus), out, **kwargs)
        assert (stats.done, stats.failed, stats.skipped) == ((0, 3, 3) if rerun else (3, 3, 0))
        written = {r["id"]: r for r in read_parts(out)}
        assert len(read_parts(out)) == len(written) == 6
        places = [f"{corpus}:{n}" for n in (3, 4, 6)]
        assert set(written) == {"7", "8", "9", *places}
        body = [p for p in texts[0].split("\n\n") if len(p) > 100][1][:80]
        assert body in written["7"]["text"]  # the first record's article
        assert "duplicate id '8', already used by" in written[places[1]]["error"]
        assert f"{corpus}: record 2" in written[places[2]]["error"]
