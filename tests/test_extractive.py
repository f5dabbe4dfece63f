"""The built-in extractive summarizers: what they pick, that they run without torch or the hub, and that
eval/'s baseline predictions are what they produce."""

import importlib.util
import json
import os
import subprocess
import sys

import pytest

from mlsum import Document, Pipeline
from mlsum.extractive import extractive_spec, graph_rank, lead_n
from mlsum.models import REGISTRY
from test_evaluate import EVAL, ROOT, invoke, read_jsonl

ARTICLE = (
    "Rain and river flood the valley\n\n"
    "Heavy rain flooded the river valley on Monday. "
    "The river rose two metres above its usual level after the rain. "
    "My neighbour collects old stamps from Peru. "
    "Rain kept falling on the valley and the river burst its banks near the bridge.\n\n"
    "Rescue teams closed the bridge over the river as the valley flooded. "
    "The valley's farmers said the river and the rain had ruined the harvest."
)


def sentences_of(text):
    from mlsum.text import paragraphs, sentences

    return [s for p in paragraphs(text) for s in sentences(p)]


@pytest.mark.parametrize("method", ["lexrank", "textrank"])
def test_graph_methods_keep_central_sentences_in_article_order(method):
    summary = graph_rank(ARTICLE, method)
    picked = sentences_of(summary)
    every = sentences_of(ARTICLE)
    assert len(picked) == 3 and all(s in every for s in picked)
    assert picked == sorted(picked, key=every.index)
    assert "stamps" not in summary  # the one sentence about something else is the least central
    assert "flood the valley" not in summary  # the heading: all topic words, no sentence


def test_lead_and_short_articles():
    assert lead_n(ARTICLE) == " ".join(sentences_of(ARTICLE)[:3])  # Lead-3 as defined: headings count
    assert graph_rank("Only one sentence here.", "lexrank") == "Only one sentence here."
    assert graph_rank("A headline only", "textrank") == "A headline only"
    assert lead_n("Two sentences. Just two.", 3) == "Two sentences. Just two."


def test_registry_entries_need_no_download(tmp_path, monkeypatch):
    for name in ("lead-3", "lexrank", "textrank"):
        assert REGISTRY[name].kind == "extractive" and extractive_spec(name) is REGISTRY[name]
    assert extractive_spec("distilbart-cnn-12-6") is None
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lexrank").mkdir()  # a local checkpoint directory of that name wins, as for any model
    assert extractive_spec("lexrank") is None
    listing = invoke("models")
    assert "lexrank" in listing.stdout and "(built in)" in listing.stdout
    pulled = invoke("models", "pull", "lead-3")
    assert pulled.exit_code == 0 and "built in, nothing to download" in pulled.stdout


def test_pipeline_summarizes_extractively():
    [doc] = Pipeline(model="lexrank").run([Document(id="a", text=ARTICLE)])
    assert doc.error is None and doc.summary == graph_rank(ARTICLE, "lexrank")
    assert (doc.model, doc.backend, doc.parts) == ("lexrank", None, 1)


def test_summarize_runs_without_torch_or_hub(seeds):
    """`mlsum summarize --model lexrank` where torch and transformers cannot be imported at all."""
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('torch', 'transformers'):\n"
        "            raise ImportError('no ' + name + ' on this machine')\n"
        "sys.meta_path.insert(0, Block())\n"
        "from mlsum.cli import main\n"
        f"sys.argv = ['mlsum', 'summarize', '--model', 'lexrank', '--json', {str(seeds[2])!r}, {str(seeds[4])!r}]\n"
        "main()\n")
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["id"] for r in records] == [seeds[2].stem, seeds[4].stem]
    for record in records:
        assert (record["model"], record["backend"], record["parts"]) == ("lexrank", None, 1)
        picked = sentences_of(record["summary"])
        assert len(picked) == 3 and all(s in sentences_of(record["text"]) for s in picked)


def test_eval_baselines_are_what_the_registry_models_produce():
    spec = importlib.util.spec_from_file_location("make_baselines", EVAL / "make_baselines.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for model, name in module.BASELINES.items():
        assert read_jsonl(EVAL / name) == module.baseline_records(model), name
    assert [r["id"] for r in read_jsonl(EVAL / "lead3.jsonl")] == sorted(p.stem for p in (ROOT / "seeds").glob("*.txt"))
