"""Write eval/lead3.jsonl: the Lead-3 baseline of each seed article, as `mlsum evaluate` predictions.

The seeds are cleaned first (as `mlsum summarize` cleans its inputs), so the lead is the article's
first three sentences rather than page furniture. Run from the repository root:

    python eval/make_lead3.py
"""

from __future__ import annotations

import json
from pathlib import Path

from mlsum.evaluate.baselines import lead_n
from mlsum.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    with open(ROOT / "eval" / "lead3.jsonl", "w", encoding="utf-8") as out:
        for path in sorted((ROOT / "seeds").glob("*.txt")):
            article = normalize(path.read_text(encoding="utf-8"), lang="en").text
            record = {"id": path.stem, "summary": lead_n(article, 3), "model": "lead-3"}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
