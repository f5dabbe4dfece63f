#!/usr/bin/env python3
"""Make <name>.txt from <name>.html here: what "select all, copy" in a browser gives, i.e. the rendered
`document.body.innerText` of each page in headless Chromium, as the extraction benchmark's
`make_text.py` makes its `text/` pages (JavaScript off, every request aborted, no stylesheets, so
menus and cookie panels a site's CSS would hide are in the text too).

The pages are written for mlsum's tests in the layouts of French and English news sites. Each element
of the article carries `data-gold` ("standfirst", "body", "item" for a list item), which no browser
shows and no extractor reads: the tests take the expected article from it. The .txt files are
committed, so the tests need neither Playwright nor Chromium. To remake them:
    pip install playwright && python tests/data/pages/render.py [--chromium PATH]
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser"))
    ap.add_argument("names", nargs="*", help="page names (default: every .html here)")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    paths = [HERE / f"{name}.html" for name in args.names] or sorted(HERE.glob("*.html"))
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=args.chromium, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 1024},
                                      offline=True, service_workers="block")
        context.route("**/*", lambda route: route.abort())
        for path in paths:
            page = context.new_page()
            page.set_content(path.read_text(encoding="utf-8"), wait_until="load")
            path.with_suffix(".txt").write_text(page.inner_text("body"), encoding="utf-8")
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
