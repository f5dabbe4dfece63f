"""The HTML report: what its markup promises (escaping, no fetches, every figure linked to its
evidence, a class per status) and, in headless Chromium, what a person sees: coloured figures, the
evidence highlighted on click, working filters, no script errors."""

import base64
import hashlib
import os
import re
import shutil
from html import unescape
from html.parser import HTMLParser

import pytest

from mlsum.evaluate import EvalRecord, System, compare_systems, evaluate, load_systems
from mlsum.evaluate.html import status_class, to_html
from test_evaluate import EVAL, ROOT

PLANTED_ID = "002_86f724fbe4640ba6"
PLANTED = ("Rebels attacked Qomhana, 18 km north of Hama, on the seventh day. They brought 40 tanks. "
           "300,000 people are cut off. <script>window.injected = 1</script>")


@pytest.fixture(scope="module")
def systems():
    """lead-3 on three seeds, and a system whose first summary has contradicted, unsupported and
    supported figures, and a script tag."""
    [lead3] = load_systems([str(EVAL / "lead3.jsonl")], EVAL / "references.jsonl", ROOT / "seeds")
    lead3.records = [r for r in lead3.records if r.id in (PLANTED_ID, "000_68e6a50ef9b3051b",
                                                          "004_1303be2f307863c3")]
    lead3.records.sort(key=lambda r: r.id != PLANTED_ID)
    planted = [EvalRecord(r.id, PLANTED if r.id == PLANTED_ID else r.summary, r.sources, r.reference,
                          source_labels=r.source_labels) for r in lead3.records]
    return [lead3, System("planted", planted, "planted.jsonl")]


@pytest.fixture(scope="module")
def page_html(systems):
    report = compare_systems(systems)
    items = {i["text"]: i for i in report["systems"][1]["documents"][0]["figures"]["items"]}
    assert (items["18 km"]["status"], items["18 km"]["evidence"]) == ("contradicted", "8 km")
    assert (items["40"]["status"], items["300,000"]["status"]) == ("unsupported", "supported")
    items["1"]["status"] = "rounded"  # a status the stylesheet does not know (the checker may add one)
    return to_html(report, systems)


class Elements(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.elements, self.texts = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.texts.append(data)


def test_markup_is_escaped_self_contained_and_linked(page_html):
    parsed = Elements(page_html)
    assert "&lt;script&gt;window.injected = " in page_html
    assert "<script>window.injected = 1</script>" in "".join(parsed.texts)  # text, in the summary    assert [tag for tag, _ in parsed.elements].count("script") == 1
    assert not [a for _, a in parsed.elements for k in ("src", "href") if k in a and not a[k].startswith("#")]
    assert "url(" not in page_html and "@import" not in page_html
    ids = {a["id"] for _, a in parsed.elements if "id" in a}
    links = [a["href"][1:] for tag, a in parsed.elements if tag == "a" and "fig" in a.get("class", "")]
    assert links and all(link in ids for link in links)
    marks = [a for tag, a in parsed.elements if tag == "mark"]
    assert {m["id"] for m in marks} <= set(links)


def test_content_security_policy_names_the_inline_style_and_script(page_html):
    policy = unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page_html).group(1))
    assert policy.startswith("default-src 'none';")
    for tag, directive in (("style", "style-src"), ("script", "script-src")):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", page_html, re.S).group(1)
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in policy


def test_statuses_become_classes_and_filters(page_html):
    assert status_class("contradicted") == "s-contradicted" and status_class("Out of range!") == "s-out-of-range"
    assert 'class="fig s-rounded"' in page_html
    assert 'value="s-rounded"> rounded (1)' in page_html and 'value="s-unsupported"> unsupported (1)' in page_html
    assert 'value="flagged"> figures not supported (1)' in page_html


def test_single_system_report(systems):
    report = evaluate(systems[0].records)
    page = to_html(report, systems[:1])
    assert page.count('<article class="doc"') == 3 and "<th>lead-3</th>" in page and "−" not in page


# In Chromium --------------------------------------------------------------------------------------------

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    chromium = shutil.which("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    if chromium is None or sync_playwright is None:
        missing = "chromium (apt-get install chromium)" if chromium is None else "playwright (the test extra)"
        if os.environ.get("CI"):
            pytest.fail(f"CI must render the report: {missing} is missing")
        pytest.skip(f"{missing} is not installed")
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


def test_report_in_chromium(browser, page_html, tmp_path):
    path = tmp_path / "report.html"
    path.write_text(page_html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    problems, requests, dialogs = [], [], []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda message: problems.append(message.text) if message.type in ("error", "warning") else None)
    page.on("request", lambda request: requests.append(request.url))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.set_default_timeout(5000)
    page.goto(path.as_uri())
    assert problems == []  # no script error, no blocked resource

    first = page.locator("article.doc").first
    planted = first.locator(".summary").nth(1)
    # the figures a person sees, coloured by status; the unknown status neutral
    background = "e => getComputedStyle(e).backgroundColor"
    contradicted = planted.locator("a.fig.s-contradicted")
    assert contradicted.first.inner_text() == "18 km"
    assert contradicted.first.evaluate(background) == "rgb(255, 235, 233)"
    assert planted.locator(".fig.s-unsupported").inner_text() == "40"
    assert planted.locator(".fig.s-unsupported").evaluate(background) == "rgb(255, 241, 194)"
    assert planted.locator(".fig.s-rounded").evaluate(background) == "rgb(234, 238, 242)"
    assert planted.locator("a.fig.s-supported").inner_text() == "300,000"
    # the summary's script is text, and never ran
    assert "<script>window.injected = 1</script>" in planted.inner_text()
    assert page.evaluate("typeof window.injected") == "undefined" and not dialogs
    # a contradicted figure shows its evidence, highlighted and scrolled into view in the source pane
    contradicted.first.click()
    evidence = first.locator("mark.ev.current")
    assert evidence.inner_text() == "8 km" and evidence.evaluate(background) == "rgb(255, 235, 233)"
    assert evidence.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    mark, pane = evidence.bounding_box(), first.locator(".source .text").first.bounding_box()
    # "nearest" aligns the mark's edge with the pane's, give or take a fraction of a pixel of rounding
    assert pane["y"] - 1 <= mark["y"] and mark["y"] + mark["height"] <= pane["y"] + pane["height"] + 1
    page.screenshot(path=str(tmp_path / "report.png"))
    # the filters
    visible = "els => els.filter(e => !e.hidden).map(e => e.dataset.id)"
    page.check("input[value=flagged]")
    assert page.locator("article.doc").evaluate_all(visible) == [PLANTED_ID]
    assert page.inner_text("#shown") == "1 of 3 documents"
    page.uncheck("input[value=flagged]")
    page.check("input[value=s-rounded]")
    assert page.locator("article.doc").evaluate_all(visible) == [PLANTED_ID]
    page.uncheck("input[value=s-rounded]")
    page.fill("input[name=id]", "004")
    assert page.locator("article.doc").evaluate_all(visible) == ["004_1303be2f307863c3"]
    page.fill("input[name=id]", "")
    assert page.inner_text("#shown") == "3 of 3 documents"
    assert (tmp_path / "report.png").stat().st_size > 10_000
    assert problems == [] and requests == [path.as_uri()]
