"""Write the extractive baselines of the seed articles as `mlsum evaluate` predictions: eval/lead3.jsonl
(Lead-3) and eval/lexrank.jsonl (LexRank), `{"id", "summary", "model"}` per seed.

They are what `mlsum summarize --model lead-3` and `--model lexrank` print (the seeds cleaned first,
as every input is); the summarizers are built in, so this runs offline. From the repository root:

    python eval/make_baselines.py
"""

from __future__ import annotations

import json
from pathlib import Path

from mlsum.api import Pipeline
from mlsum.sources import read_file

ROOT = Path(__file__).resolve().parent.parent
BASELINES = {"lead-3": "lead3.jsonl", "lexrank": "lexrank.jsonl"}


def baseline_records(model: str) -> list[dict[str, str]]:
    pipe = Pipeline(model=model)
    docs = pipe.run([read_file(path, path.stem) for path in sorted((ROOT / "seeds").glob("*.txt"))])
    return [{"id": doc.id, "summary": doc.summary, "model": model} for doc in docs]


def main() -> None:
    for model, name in BASELINES.items():
        lines = [json.dumps(record, ensure_ascii=False) for record in baseline_records(model)]
        (ROOT / "eval" / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
