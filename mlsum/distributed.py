"""Corpus runs on a Ray cluster: the same Pipeline, one per actor, over a Ray Dataset (``pip install mlsum[ray]``).

    >>> from mlsum.distributed import summarize_dataset
    >>> stats = summarize_dataset("s3://bucket/corpus/*.jsonl", "/shared/out", actors=8,
    ...                           model="distilbart-cnn-12-6", batch_size=16)

Input: JSON-lines records with an ``id`` and a ``text`` (as ``mlsum summarize corpus.jsonl`` takes; records
that only name a ``url`` or ``path`` are for the single-machine CLI). Output: ``output_dir/part-<key>.jsonl``
files with the CLI's ``--json`` records, one file per batch, ``<key>`` a hash of the batch's ids.

Exactly once, and resumable, without coordination between workers:

* a part file is written to a temporary name and renamed into place, so it is either whole or absent;
* the ids already in whole part files are skipped when a run starts (a rerun after a crash, or after
  adding records, does only what is missing);
* a batch that Ray retries (a worker died) has the same ids, hence the same key, and replaces its own
  file instead of adding a second copy.

Documents that fail (empty text, unsupported language) are written with their ``error``, as the CLI
does, and are not redone by a rerun. Ids must be unique across the input: the CLI skips a repeated id,
here both copies would be summarized.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import MlsumError
from .records import result_record

PART_GLOB = "part-*.jsonl"


@dataclass
class DatasetStats:
    done: int = 0
    failed: int = 0  # written with their error, as the CLI does; a rerun does not retry them
    skipped: int = 0  # already in output_dir when the run started
    failures: list[str] = field(default_factory=list)


def done_ids(output_dir: str | os.PathLike) -> set[str]:
    """Ids in the whole part files of `output_dir` (temporary files of an interrupted write do not count)."""
    ids: set[str] = set()
    for part in Path(output_dir).glob(PART_GLOB):
        with part.open(encoding="utf-8") as fh:
            ids.update(str(json.loads(line)["id"]) for line in fh if line.strip())
    return ids


def part_key(ids: list[str]) -> str:
    """A batch's file key: the same ids (in any order) give the same key."""
    return hashlib.sha1("\n".join(sorted(ids)).encode("utf-8")).hexdigest()[:20]


class Summarizer:
    """The ``map_batches`` UDF: one Pipeline per actor, loaded once, reused for every batch it gets."""

    def __init__(self, output_dir: str, skip, threads: int | None, pipeline_kwargs: dict[str, Any]):
        import ray

        from .api import Pipeline

        if threads:
            import torch

            torch.set_num_threads(threads)
        self.output_dir = Path(output_dir)
        self.skip = ray.get(skip) if isinstance(skip, ray.ObjectRef) else skip
        self.pipe = Pipeline(**pipeline_kwargs)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list]:
        from .document import Document

        ids = [str(i) for i in batch["id"]]
        skipped = [i for i in ids if i in self.skip]
        docs = [Document(id=i, text=str(t)) for i, t in zip(ids, batch["text"]) if i not in self.skip]
        rows = {"id": skipped, "status": ["skipped"] * len(skipped), "error": [""] * len(skipped)}
        if not docs:
            return rows
        docs = self.pipe.run(docs)
        final = self.output_dir / f"part-{part_key([d.id for d in docs])}.jsonl"
        temporary = final.with_name(f".{final.name}.{os.getpid()}.tmp")
        with temporary.open("w", encoding="utf-8") as fh:
            for doc in docs:
                fh.write(json.dumps(result_record(doc), ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temporary, final)
        for doc in docs:
            rows["id"].append(doc.id)
            rows["status"].append("failed" if doc.error else "done")
            rows["error"].append(doc.error or "")
        return rows


def summarize_dataset(input_jsonl: str | os.PathLike | list[str], output_dir: str | os.PathLike, *,
                      actors: int = 1, cpus_per_actor: float = 1, gpus_per_actor: float = 0,
                      window: int | None = None, **pipeline_kwargs: Any) -> DatasetStats:
    """Summarize every record of `input_jsonl` (files, globs or directories Ray can read) into part files.

    `actors` Pipelines run at once, each with `cpus_per_actor` CPUs (its torch threads) and
    `gpus_per_actor` GPUs; `window` documents (default ``max(32, 4 * batch_size)``, as the CLI) go to
    an actor at a time, sorted by length and batched inside it. `pipeline_kwargs` are
    :class:`mlsum.api.Pipeline`'s (model, device, batch_size, backend, generation, ...). Connects to the
    running Ray cluster, or starts a local one, as ``ray.data`` does.
    """
    try:
        import ray
        import ray.data
    except ImportError:
        raise MlsumError("Ray is not installed: pip install 'mlsum[ray]'") from None

    output = Path(output_dir)
    output.mkdir(parents=True, exist_ok=True)
    for leftover in output.glob(".part-*.tmp"):  # a write cut short by a crash
        leftover.unlink()
    already = done_ids(output)
    batch_size = pipeline_kwargs.get("batch_size", 8)
    window = window or max(32, 4 * batch_size)

    dataset = ray.data.read_json(input_jsonl if isinstance(input_jsonl, list) else str(input_jsonl))
    missing = {"id", "text"} - set(dataset.columns())
    if missing:
        raise MlsumError(f"{input_jsonl}: records need an 'id' and a 'text' for a Ray run "
                         f"(missing: {', '.join(sorted(missing))})")
    threads = max(1, int(cpus_per_actor)) if gpus_per_actor == 0 else None
    results = dataset.select_columns(["id", "text"]).map_batches(
        Summarizer, batch_size=window, batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=actors),
        fn_constructor_kwargs={"output_dir": str(output), "skip": ray.put(frozenset(already)),
                               "threads": threads, "pipeline_kwargs": pipeline_kwargs},
        num_cpus=cpus_per_actor, num_gpus=gpus_per_actor)
    stats = DatasetStats()
    for row in results.iter_rows():
        if row["status"] == "failed":
            stats.failures.append(row["error"])
        setattr(stats, row["status"], getattr(stats, row["status"]) + 1)
    return stats
