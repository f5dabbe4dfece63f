"""The engines: CTranslate2 conversion and caching, outputs and scores against generate(), n-best lists,
backend choice, and the beam-search cache shortcut of the torch path."""

import json
import subprocess
import sys
import textwrap

import pytest

from mlsum import models
from mlsum.errors import DeviceError, MlsumError
from mlsum.generate import candidates, generate
from mlsum.models import Generation
from mlsum.summarize import summarize_texts

ctranslate2 = pytest.importorskip("ctranslate2")

TASKS = {"bart": "summarization", "marian": "translation", "t5": "summarization"}
FRENCH = ("Le gouvernement a annoncé mardi 300 000 euros d'aide. « Nous sommes prêts », a déclaré "
          "le ministre à Paris, où 12,5 % des électeurs l'attendaient.")


@pytest.fixture(scope="module")
def pairs(tiny_models):
    """{name: (torch fp32 model, ct2 fp32 model)} for the tiny BART, Marian and T5."""
    return {name: (models.load(str(tiny_models[name]), task, device="cpu", backend="torch"),
                   models.load(str(tiny_models[name]), task, device="cpu", dtype="float32", backend="ct2"))
            for name, task in TASKS.items()}


def inputs(seeds):
    return [p.read_text()[:n] for p, n in zip(seeds, (2500, 400, 1200, 2000, 90))] + [FRENCH]


DECODINGS = [
    Generation(num_beams=1, max_new_tokens=24),
    Generation(num_beams=1, max_new_tokens=30, min_new_tokens=30, no_repeat_ngram_size=3),
    Generation(num_beams=4, max_new_tokens=20, length_penalty=2.0, early_stopping=True),
    Generation(),  # the checkpoint's own generation config
]


@pytest.mark.parametrize("name", TASKS)
@pytest.mark.parametrize("settings", DECODINGS, ids=["greedy", "greedy-constrained", "beam-4", "defaults"])
def test_ct2_at_fp32_gives_generate_outputs_and_scores(pairs, seeds, name, settings):
    torch_model, ct2_model = pairs[name]
    texts = inputs(seeds)
    ours = candidates(ct2_model, texts, settings, batch_size=2)
    theirs = candidates(torch_model, texts, settings, batch_size=2)
    assert [h[0].text for h in ours] == [h[0].text for h in theirs]
    assert [h[0].text for h in ours] == generate(torch_model, texts, settings, batch_size=2)
    # Marian: transformers bans <pad> after the softmax, CTranslate2 has it out of the vocabulary
    assert [h[0].score for h in ours] == pytest.approx([h[0].score for h in theirs], abs=2e-3)


@pytest.mark.parametrize("name", TASKS)
def test_n_best_lists_agree_across_backends(pairs, seeds, name):
    torch_model, ct2_model = pairs[name]
    texts = inputs(seeds)[:3]
    settings = Generation(num_beams=2, max_new_tokens=12)  # beam widened to the 3 hypotheses asked for
    lists = {b: candidates(m, texts, settings, 3, batch_size=2) for b, m in (("torch", torch_model),
                                                                              ("ct2", ct2_model))}
    for backend, found in lists.items():
        assert all(len(h) == 3 for h in found)
        assert all([c.score for c in h] == sorted((c.score for c in h), reverse=True) for h in found)
        assert all(len({c.text for c in h}) > 1 for h in found), "hypotheses should differ"
    assert [[c.text for c in h] for h in lists["ct2"]] == [[c.text for c in h] for h in lists["torch"]]
    assert [c.score for h in lists["ct2"] for c in h] == pytest.approx(
        [c.score for h in lists["torch"] for c in h], abs=2e-3)
    wide = Generation(num_beams=3, max_new_tokens=12)
    assert [h[0].text for h in lists["ct2"]] == generate(torch_model, texts, wide, batch_size=2)


@pytest.mark.parametrize("name", TASKS)
def test_torch_free_tokenizers_match_transformers(pairs, seeds, name):
    torch_model, ct2_model = pairs[name]
    texts = inputs(seeds) + ["</s> a literal special token <unk>", ">>fr<< code first", ""]
    ours, theirs = ct2_model.tokenizer, torch_model.tokenizer
    assert ours(texts)["input_ids"] == theirs(texts)["input_ids"]
    for text in texts:
        ids = theirs(text, truncation=True, max_length=64)["input_ids"]
        assert ours.tokens([text], 64)[0] == theirs.convert_ids_to_tokens(ids)
        assert ours.decode(theirs.convert_ids_to_tokens(ids)) == theirs.decode(ids, skip_special_tokens=True)


def test_pegasus_converts_as_a_pre_norm_model(tiny, tmp_path, seeds):
    """PEGASUS needs the same transformers-v5 fix as BART, with the opposite layer-norm placement."""
    path = tiny.build_pegasus(tmp_path / "pegasus")
    torch_model = models.load(str(path), "summarization", device="cpu", backend="torch")
    ct2_model = models.load(str(path), "summarization", device="cpu", dtype="float32", backend="ct2")
    texts = inputs(seeds)
    for settings in (Generation(num_beams=1, max_new_tokens=16), Generation(num_beams=3, max_new_tokens=16)):
        assert generate(ct2_model, texts, settings) == generate(torch_model, texts, settings)


def test_ct2_chunks_long_articles_like_torch(pairs, seeds):
    _, bart = pairs["bart"]
    long_text = "\n\n".join(p.read_text() for p in seeds) * 2
    results = summarize_texts(bart, [seeds[0].read_text(), long_text], Generation(num_beams=1, max_new_tokens=8))
    assert results[0].parts == 1 and results[1].parts > 1 and all(r.text for r in results)


def test_conversion_is_cached_by_content_and_quantization(tiny_models, tmp_path, ct2_cache):
    import shutil

    from mlsum import ct2

    checkpoint = tmp_path / "bart"
    shutil.copytree(tiny_models["bart"], checkpoint)
    first = ct2.convert(checkpoint, "int8")
    assert ct2.convert(checkpoint, "int8") == first
    assert ct2.convert(checkpoint, "float32") != first
    config = json.loads((checkpoint / "generation_config.json").read_text())
    (checkpoint / "generation_config.json").write_text(json.dumps({**config, "num_beams": 3}))
    changed = ct2.convert(checkpoint, "int8")
    assert changed != first
    assert json.loads((changed / ct2.META).read_text())["generation"]["num_beams"] == 3
    assert not list(ct2_cache.glob("*.tmp")), "no half-converted model left behind"


def test_concurrent_conversions_build_one_model(tiny_models, tmp_path):
    """Two processes asking for the same conversion at once: one converts, both get the whole model."""
    code = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from mlsum import ct2
        print(ct2.convert(Path({str(tiny_models['t5'])!r}), "int16"))
    """)
    env = {"MLSUM_CT2_CACHE": str(tmp_path), "HF_HUB_OFFLINE": "1", "PATH": ""}
    import os

    env = {**os.environ, **env}
    runs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=env)
            for _ in range(2)]
    outputs = {run.communicate(timeout=300)[0].strip() for run in runs}
    assert all(run.returncode == 0 for run in runs)
    assert len(outputs) == 1
    [model] = [p for p in tmp_path.iterdir() if p.is_dir()]
    assert str(model) in outputs and (model / "model.bin").is_file()


def test_ct2_run_imports_neither_torch_nor_transformers(pairs, tiny_models, seeds, ct2_cache):
    """Once converted, a ct2 run loads, summarizes and translates on tokenizers/sentencepiece alone."""
    code = textwrap.dedent(f"""
        import sys
        from mlsum import Document, Generation, Pipeline
        pipe = Pipeline(model={str(tiny_models['bart'])!r}, translation_model={str(tiny_models['marian'])!r},
                        device="cpu", dtype="float32", backend="ct2",
                        generation=Generation(num_beams=2, max_new_tokens=6))
        docs = pipe.run([Document(id="en", text=open({str(seeds[0])!r}).read()),
                         Document(id="fr", text={FRENCH!r}, language="fr")])
        assert all(d.summary for d in docs) and docs[1].translated, docs
        print("heavy:", "torch" in sys.modules, "transformers" in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "heavy: False False" in out


def test_backend_choice():
    from mlsum.backends import resolve_backend

    assert resolve_backend("auto", "cpu", "bart") == "ct2"
    assert resolve_backend("auto", "cpu", "") == "torch"  # a hub id not seen yet: its family is unknown
    assert resolve_backend("auto", "cuda:0", "bart") == "torch"
    assert resolve_backend("torch", "cpu", "bart") == "torch"
    with pytest.raises(DeviceError):
        resolve_backend("ct2", "mps", "bart")
    with pytest.raises(MlsumError, match="unknown backend"):
        resolve_backend("int8", "cpu", "bart")


def test_int8_belongs_to_ct2(tiny_models):
    with pytest.raises(DeviceError, match="int8"):
        models.load(str(tiny_models["bart"]), "summarization", device="cpu", dtype="int8", backend="torch")
    loaded = models.load(str(tiny_models["bart"]), "summarization", device="cpu", dtype="int8", backend="ct2")
    assert loaded.model.compute_type == "int8"
    assert loaded.model.meta["quantization"] == "int8"


def test_beam_search_reorders_only_the_self_attention_cache(tiny_models, monkeypatch):
    """generate.py hands transformers a ``_reorder_cache`` (a private hook of generate()) so that beam
    search does not copy the cross-attention cache every step. Fails the day transformers stops calling
    the hook: it would then reorder the whole EncoderDecoderCache itself."""
    from transformers.cache_utils import DynamicCache, EncoderDecoderCache

    calls = []
    original = DynamicCache.reorder_cache

    def counting(self, beam_idx):
        calls.append(beam_idx.shape[0])
        return original(self, beam_idx)

    def forbidden(self, beam_idx):
        raise AssertionError("the cross-attention cache was reordered")

    monkeypatch.setattr(DynamicCache, "reorder_cache", counting)
    monkeypatch.setattr(EncoderDecoderCache, "reorder_cache", forbidden)
    loaded = models.load(str(tiny_models["bart"]), "summarization", device="cpu", backend="torch")
    texts = ["The council voted on Tuesday to close the bridge.", "Prices rose by 3 percent in May."]
    for batch_size in (1, 2):  # the padded-batch path and the CPU encode-apart path
        calls.clear()
        generate(loaded, texts, Generation(num_beams=3, max_new_tokens=6, min_new_tokens=6),
                 batch_size=batch_size)
        assert calls and all(rows == 3 * batch_size for rows in calls)
