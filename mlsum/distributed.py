"""Corpus runs on a Ray cluster: the same Pipeline, one per actor, over a Ray Dataset (``pip install mlsum[ray]``).

    >>> from mlsum.distributed import summarize_dataset
    >>> stats = summarize_dataset("s3://bucket/corpus/*.jsonl", "/shared/out", actors=8,
    ...                           model="distilbart-cnn-12-6", batch_size=16)

Input: JSON-lines records with an ``id`` and a ``text`` (as ``mlsum summarize corpus.jsonl`` takes; records
that only name a ``url`` or ``path`` are for the single-machine CLI). Output: ``output_dir/part-<key>.jsonl``
files with the CLI's ``--json`` records, one file per batch, ``<key>`` a hash of the batch's ids.

Every id ends with exactly one record, and a run resumes, without coordination between workers:

* a part file is written to a temporary name and renamed into place, so it is either whole or absent;
* a run starts by reading the part files back (:class:`PartFiles`, in the driver): ids with a result
  are skipped; ids whose record is an error (empty text, a model that failed, an out-of-memory batch)
  are tried again, their error records removed first, as the CLI does with its result file; a
  repeated record is removed;
* a batch that Ray retries (a worker died) has the same ids, hence the same key, and replaces its own
  file instead of adding a second copy;
* an id given to several records is summarized once, from its first record (in Ray's order: files by
  path, records by line); each later record is an error filed under its place, ``<path>:<n>`` for the
  n-th record of the file, as the CLI files it under ``corpus:LINE``. Finding them costs one read of
  the ids (and of the repeated records) before the run.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .batch import settle
from .errors import MlsumError
from .records import result_record

PART_GLOB = "part-*.jsonl"


@dataclass
class DatasetStats:
    done: int = 0
    failed: int = 0  # written with their error, as the CLI does; a rerun tries them again
    skipped: int = 0  # already done in output_dir when the run started
    retried: int = 0  # of this run's inputs, those that had failed in an earlier one
    failures: list[str] = field(default_factory=list)


class PartFiles:
    """The records of `output_dir`'s part files, read back when a run starts (temporary files of an
    interrupted write do not count): `done` are the ids with a result, `failed` those whose only
    record is an error. :meth:`retry` removes the error records of ids about to be redone."""

    def __init__(self, output_dir: str | os.PathLike):
        self.output_dir = Path(output_dir)
        self._scan()

    def _scan(self) -> None:
        self.parts = sorted(self.output_dir.glob(PART_GLOB))
        records = ((place, str(record["id"]), bool(record.get("error")))
                   for place, record in self._records())
        self.done, self._error_place, self._drop = settle(records)
        self.failed = set(self._error_place)

    def _records(self) -> Iterable[tuple[tuple[Path, int], dict[str, Any]]]:
        for part in self.parts:
            with part.open(encoding="utf-8") as fh:
                for index, line in enumerate(fh):
                    if line.strip():
                        yield (part, index), json.loads(line)

    def retry(self, ids: Iterable[str]) -> None:
        """Rewrite, atomically, the part files that hold an error record of `ids` or a record found
        repeated, without those lines; a part file left empty is removed."""
        drop = set(self._drop)
        drop.update(self._error_place[i] for i in ids if i in self._error_place)
        for part in sorted({part for part, _ in drop}):
            with part.open(encoding="utf-8") as fh:
                kept = [line for index, line in enumerate(fh) if (part, index) not in drop]
            if any(line.strip() for line in kept):
                _write_atomically(part, kept)
            else:
                part.unlink()
        if drop:
            self._scan()  # the lines have moved


def done_ids(output_dir: str | os.PathLike) -> set[str]:
    """Ids with a result in the part files of `output_dir` (an error record does not count)."""
    return PartFiles(output_dir).done


def part_key(ids: list[str]) -> str:
    """A batch's file key: the same ids (in any order) give the same key."""
    return hashlib.sha1("\n".join(sorted(ids)).encode("utf-8")).hexdigest()[:20]


def _write_atomically(final: Path, lines: Sequence[str]) -> None:
    temporary = final.with_name(f".{final.name}.{os.getpid()}.tmp")
    with temporary.open("w", encoding="utf-8") as fh:
        fh.writelines(lines)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(temporary, final)


@dataclass
class Repeats:
    """The ids of a corpus and the ones given to several records, from its `(id, path)` rows in order.

    `ids` are the ids this run's records end under: each id once, and each later record of a
    repeated id under its place, ``<path>:<n>`` (the n-th record of that file). `later` maps a
    repeated id to those places, `errors` a place to its error message.
    """

    ids: set[str] = field(default_factory=set)
    later: dict[str, list[str]] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def scan(cls, rows: Iterable[tuple[str, str]]) -> "Repeats":
        found = cls()
        first: dict[str, tuple[str, int]] = {}
        records_in: dict[str, int] = {}
        for id_, path in rows:
            n = records_in[path] = records_in.get(path, 0) + 1
            if id_ not in first:
                first[id_] = (path, n)
                continue
            place = f"{path}:{n}"
            found.later.setdefault(id_, []).append(place)
            first_path, first_n = first[id_]
            found.errors[place] = (f"{path}: record {n}: duplicate id {id_!r}, already used by "
                                   f"{first_path}: record {first_n}")
        found.ids = set(first) | set(found.errors)
        return found

    def rows(self, repeated_rows: Iterable[tuple[str, str]]) -> list[dict[str, str]]:
        """The rows that stand for the repeated ids, from their records' `(id, text)` in order: the
        first record of each under its id, each later one under its place with no text (its error
        is in :attr:`errors`)."""
        seen: set[str] = set()
        out = []
        for id_, text in repeated_rows:
            if id_ not in seen:
                seen.add(id_)
                out.append({"id": id_, "text": text})
        out.extend({"id": place, "text": ""} for places in self.later.values() for place in places)
        return out


class Summarizer:
    """The ``map_batches`` UDF: one Pipeline per actor, loaded once, reused for every batch it gets.
    Ids in `skip` are done already; the rows named in `errors` (a repeated id's later records) are
    written as those errors."""

    def __init__(self, output_dir: str, skip, errors, threads: int | None, pipeline_kwargs: dict[str, Any]):
        import ray

        from .api import Pipeline

        if threads:
            import torch

            torch.set_num_threads(threads)
        self.output_dir = Path(output_dir)
        self.skip, self.errors = (ray.get(x) if isinstance(x, ray.ObjectRef) else x for x in (skip, errors))
        self.pipe = Pipeline(**pipeline_kwargs)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list]:
        from .document import Document

        ids = [str(i) for i in batch["id"]]
        skipped = [i for i in ids if i in self.skip]
        docs = [Document(id=i, text=t if isinstance(t, str) else "", error=self.errors.get(i))
                for i, t in zip(ids, batch["text"]) if i not in self.skip]  # a null text fails alone
        rows = {"id": skipped, "status": ["skipped"] * len(skipped), "error": [""] * len(skipped)}
        if not docs:
            return rows
        docs = self.pipe.run(docs)
        _write_atomically(self.output_dir / f"part-{part_key([d.id for d in docs])}.jsonl",
                          [json.dumps(result_record(doc), ensure_ascii=False) + "\n" for doc in docs])
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
    :class:`mlsum.api.Pipeline`'s (model, device, batch_size, backend, generation, rerank, ...).
    Connects to the running Ray cluster, or starts a local one, as ``ray.data`` does.
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
    parts = PartFiles(output)
    batch_size = pipeline_kwargs.get("batch_size", 8)
    window = window or max(32, 4 * batch_size)

    def read(ordered: bool = False, include_paths: bool = False):
        """The corpus; `ordered`: in Ray's order (files by path, records by line), not as done."""
        dataset = ray.data.read_json(input_jsonl if isinstance(input_jsonl, list) else str(input_jsonl),
                                     include_paths=include_paths)
        if ordered:  # the read's own copy of the context, shared by the datasets made from it
            dataset.context.execution_options.preserve_order = True
        return dataset

    dataset = read()
    missing = {"id", "text"} - set(dataset.columns())
    if missing:
        raise MlsumError(f"{input_jsonl}: records need an 'id' and a 'text' for a Ray run "
                         f"(missing: {', '.join(sorted(missing))})")
    repeats = Repeats.scan((str(row["id"]), row["path"]) for row in
                           read(ordered=True, include_paths=True).select_columns(["id", "path"]).iter_rows())
    retried = parts.failed & repeats.ids
    parts.retry(retried)
    work = dataset.select_columns(["id", "text"])
    if repeats.later:
        repeated = sorted(repeats.later)
        firsts = read(ordered=True).select_columns(["id", "text"]).map_batches(
            _with_ids, fn_args=(repeated, True), batch_format="pyarrow")
        work = work.map_batches(_with_ids, fn_args=(repeated, False), batch_format="pyarrow").union(
            ray.data.from_items(repeats.rows((row["id"], row["text"]) for row in firsts.iter_rows())))
    threads = max(1, int(cpus_per_actor)) if gpus_per_actor == 0 else None
    results = work.map_batches(
        Summarizer, batch_size=window, batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=actors),
        fn_constructor_kwargs={"output_dir": str(output), "skip": ray.put(frozenset(parts.done)),
                               "errors": ray.put(repeats.errors), "threads": threads,
                               "pipeline_kwargs": pipeline_kwargs},
        num_cpus=cpus_per_actor, num_gpus=gpus_per_actor)
    stats = DatasetStats(retried=len(retried))
    for row in results.iter_rows():
        if row["status"] == "failed":
            stats.failures.append(row["error"])
        setattr(stats, row["status"], getattr(stats, row["status"]) + 1)
    return stats


def _with_ids(batch, ids: list[str], inside: bool):
    """The rows of a batch (a pyarrow Table) whose id is among `ids` (or, `inside` false, is not),
    with their ids as strings (JSON ids may be integers), as the repeated ids' rows have them."""
    import pyarrow as pa
    import pyarrow.compute as pc

    as_text = pa.array([str(i) for i in batch.column("id").to_pylist()], pa.string())
    batch = batch.set_column(batch.schema.get_field_index("id"), "id", as_text)
    among = pc.is_in(as_text, value_set=pa.array(ids, pa.string()))
    return batch.filter(among if inside else pc.invert(among))
