"""How the evaluation and its HTML report scale: score two systems on N documents (default 1,000), write
the report, open it in headless Chromium, and print the times and the size.

The documents are the seed articles with their paragraphs rotated (a different lead for each document);
system A is Lead-3, system B Lead-3 with one figure changed in every fourth summary, so that the report
has contradicted figures to show and filter. Needs Debian's chromium and playwright (the test extra).

    python bench/report.py [--documents 1000] [--out report.html]
"""

from __future__ import annotations

import argparse
import re
import shutil
import time
from pathlib import Path

from mlsum.evaluate import EvalRecord, System, compare_systems
from mlsum.evaluate.html import to_html
from mlsum.extractive import lead_n
from mlsum.normalize import normalize
from mlsum.text import paragraphs

ROOT = Path(__file__).resolve().parent.parent
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run"]


def corpus(n: int) -> tuple[list[EvalRecord], list[EvalRecord]]:
    articles = [paragraphs(normalize(p.read_text(encoding="utf-8"), lang="en").text)
                for p in sorted((ROOT / "seeds").glob("*.txt"))]
    a, b = [], []
    for i in range(n):
        parts = articles[i % len(articles)]
        shift = (i // len(articles)) % len(parts)
        text = "\n\n".join(parts[shift:] + parts[:shift])
        summary = lead_n(text)
        reference = lead_n("\n\n".join(parts[shift + 1:] + parts[:shift + 1]), 2)
        changed = re.sub(r"\d+", lambda m: str(int(m.group()) + 1), summary, count=1) if i % 4 == 0 else summary
        a.append(EvalRecord(f"doc-{i:04d}", summary, [text], reference))
        b.append(EvalRecord(f"doc-{i:04d}", changed, [text], reference))
    return a, b


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=Path("bench-report.html"))
    args = parser.parse_args()
    a, b = corpus(args.documents)
    systems = [System("lead-3", a), System("lead-3-changed", b)]

    started = time.perf_counter()
    report = compare_systems(systems)
    scored = time.perf_counter()
    page = to_html(report, systems)
    rendered = time.perf_counter()
    args.out.write_text(page, encoding="utf-8")
    print(f"documents: {args.documents}, 2 systems")
    print(f"evaluate (scores, intervals, paired tests): {scored - started:.1f} s")
    print(f"HTML: {rendered - scored:.2f} s to render, {len(page.encode()) / 1e6:.2f} MB")

    chromium = shutil.which("chromium")
    if chromium is None:
        print("chromium not installed: no browser timings")
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium, args=FLAGS)
        page_ = browser.new_page(viewport={"width": 1400, "height": 1000})
        errors: list[str] = []
        page_.on("pageerror", lambda e: errors.append(str(e)))
        opened = time.perf_counter()
        page_.goto(args.out.resolve().as_uri(), wait_until="load")
        loaded = time.perf_counter()
        timing = page_.evaluate("() => { const t = performance.getEntriesByType('navigation')[0];"
                                " const p = performance.getEntriesByName('first-contentful-paint')[0];"
                                " return [t.domContentLoadedEventEnd, t.loadEventEnd, p ? p.startTime : null]; }")
        clicked = time.perf_counter()
        page_.check("input[value=flagged]")
        page_.wait_for_function(f"() => !document.getElementById('shown').textContent.startsWith('{args.documents} of')")
        filtered = time.perf_counter()
        shown = page_.inner_text("#shown")
        heap = page_.evaluate("() => performance.memory ? performance.memory.usedJSHeapSize : null")
        browser.close()
    paint = f"{timing[2]:.0f} ms" if timing[2] is not None else "n/a"
    print(f"Chromium: load {1000 * (loaded - opened):.0f} ms (DOMContentLoaded {timing[0]:.0f} ms, "
          f"load event {timing[1]:.0f} ms, first contentful paint {paint}); "
          f"filter to flagged documents {1000 * (filtered - clicked):.0f} ms ({shown}); "
          f"JS heap {heap / 1e6 if heap else float('nan'):.1f} MB; script errors: {len(errors)}")


if __name__ == "__main__":
    main()
