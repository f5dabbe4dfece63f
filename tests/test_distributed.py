"""Ray Data corpus runs on a local cluster of one: every id once, resumable (skipped without Ray)."""

import json
import os

import pytest

ray = pytest.importorskip("ray")
pytest.importorskip("ray.data")

from mlsum.distributed import done_ids, summarize_dataset
from mlsum.models import Generation


@pytest.fixture(scope="module")
def local_ray():
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    ray.init(num_cpus=2, include_dashboard=False, object_store_memory=200 * 1024 * 1024,
             log_to_driver=False, ignore_reinit_error=True)
    ray.data.DataContext.get_current().enable_progress_bars = False
    yield
    ray.shutdown()


def read_parts(out):
    return [json.loads(line) for part in sorted(out.glob("part-*.jsonl")) for line in part.open()]


def test_corpus_runs_once_per_id_and_resumes(local_ray, tiny_models, seeds, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    records = [{"id": f"seed-{i}", "text": p.read_text()} for i, p in enumerate(seeds)]
    records.append({"id": "empty", "text": "   "})
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records))
    out = tmp_path / "out"
    kwargs = {"model": str(tiny_models["bart"]), "translation_model": str(tiny_models["marian"]),
              "device": "cpu", "batch_size": 2, "window": 2,
              "generation": Generation(num_beams=1, max_new_tokens=8, min_new_tokens=8)}

    stats = summarize_dataset(str(corpus), out, **kwargs)
    assert (stats.done, stats.failed, stats.skipped) == (len(seeds), 1, 0)
    written = read_parts(out)
    assert sorted(r["id"] for r in written) == sorted(r["id"] for r in records)  # each id exactly once
    assert all(r["summary"] for r in written if r["id"] != "empty")
    assert next(r for r in written if r["id"] == "empty")["error"]

    # a rerun does nothing; losing one part file (and a half-written temporary) redoes just its ids
    assert summarize_dataset(str(corpus), out, **kwargs).skipped == len(records)
    lost = min(out.glob("part-*.jsonl"))
    lost_ids = {json.loads(line)["id"] for line in lost.open()}
    lost.unlink()
    (out / ".part-x.jsonl.1.tmp").write_text('{"id": "seed-0", "summ')
    stats = summarize_dataset(str(corpus), out, **kwargs)
    assert stats.skipped == len(records) - len(lost_ids)
    assert stats.done + stats.failed == len(lost_ids)
    assert sorted(r["id"] for r in read_parts(out)) == sorted(r["id"] for r in records)
    assert done_ids(out) == {r["id"] for r in records}
    assert not list(out.glob("*.tmp"))
