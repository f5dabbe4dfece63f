"""Stage-level behaviour: splitting, chunking without loss, batching order, model resolution, devices."""

import pytest

from mlsum import models
from mlsum.device import dtype_for, resolve
from mlsum.errors import DeviceError, LanguageError, ModelNotAvailable
from mlsum.generate import buckets
from mlsum.models import Generation
from mlsum.summarize import chunk, summarize_texts
from mlsum.text import pack, paragraphs, sentences, split_to_fit
from mlsum.translate import translate_texts


def test_paragraphs_fold_inner_line_breaks():
    assert paragraphs("a\nb\n\n\n c \n\n") == ["a b", "c"]


def test_french_abbreviation_does_not_split_a_sentence():
    text = "Le 3 déc. 2024, 300 000 personnes ont fui. Les combats continuent."
    assert sentences(text, "fr") == ["Le 3 déc. 2024, 300 000 personnes ont fui.", "Les combats continuent."]


def test_pack_respects_limit_and_keeps_order():
    lengths = [30, 10, 25, 40, 5, 5, 50, 20]
    chunks = pack(lengths, 60)
    assert [i for c in chunks for i in c] == list(range(len(lengths)))
    assert all(sum(lengths[i] for i in c) <= 60 for c in chunks)
    sizes = [sum(lengths[i] for i in c) for c in chunks]
    assert all(a + b > 60 for a, b in zip(sizes, sizes[1:]))  # no two neighbours could have been one


def test_split_to_fit_cuts_only_overlong_units():
    count = lambda xs: [len(x.split()) for x in xs]  # noqa: E731  one token per word
    units = ["one two", " ".join(str(i) for i in range(23))]
    pieces = split_to_fit(units, count(units), 5, count)
    assert pieces[0] == "one two"
    assert all(n <= 5 for n in count(pieces))
    assert " ".join(pieces[1:]).split() == units[1].split()


def test_buckets_sort_longest_first_and_cap_tokens():
    lengths = [5, 50, 7, 40, 6, 45]
    batches = list(buckets(lengths, batch_size=2))
    assert batches == [[1, 5], [3, 2], [4, 0]]
    capped = list(buckets(lengths, batch_size=8, max_batch_tokens=100))
    assert all(max(lengths[i] for i in b) * len(b) <= 100 for b in capped)
    assert sorted(i for b in capped for i in b) == list(range(6))


@pytest.fixture(scope="module")
def bart(tiny_models):
    return models.load(str(tiny_models["bart"]), "summarization", device="cpu")


@pytest.fixture(scope="module")
def marian(tiny_models):
    return models.load(str(tiny_models["marian"]), "translation", device="cpu")


def test_long_article_is_chunked_without_losing_a_sentence(bart, seeds):
    long_text = "\n\n".join(p.read_text() for p in seeds)
    parts = chunk(bart, long_text)
    assert len(parts) > 1
    limit = bart.max_input_tokens
    assert all(len(bart.tokenizer(p)["input_ids"]) <= limit for p in parts)
    assert " ".join(parts).split() == long_text.split()


def test_summaries_report_parts(bart, seeds):
    short, long_text = seeds[0].read_text(), "\n\n".join(p.read_text() for p in seeds) * 2
    settings = Generation(num_beams=1, max_new_tokens=8, min_new_tokens=8)
    results = summarize_texts(bart, [short, long_text], settings, batch_size=4)
    assert results[0].parts == 1 and results[1].parts > 1
    assert all(r.text for r in results)


def test_translation_keeps_paragraph_count(marian):
    text = "Premier paragraphe. Deux phrases ici.\n\nDeuxième paragraphe.\n\nTroisième et dernier."
    [english] = translate_texts(marian, [text], Generation(num_beams=1, max_new_tokens=6))
    assert english.count("\n\n") == 2


def test_registry_name_hub_id_and_t5_prefix():
    spec, location = models.resolve("t5-small", "summarization")
    assert location == "google-t5/t5-small" and spec.prefix == "summarize: "
    assert models.resolve("Helsinki-NLP/opus-mt-fr-en", "translation")[0].name == "opus-mt-fr-en"
    spec, location = models.resolve("org/unknown-model", "summarization")
    assert location == "org/unknown-model" and spec.prefix == ""


def test_local_t5_directory_gets_prefix(tiny_models):
    spec, location = models.resolve(str(tiny_models["t5"]), "summarization")
    assert spec.family == "t5" and spec.prefix == "summarize: " and spec.max_input_tokens > 0


def test_unreachable_hub_is_reported_not_retried(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelNotAvailable, match="mlsum models pull"):
        models.load("org/not-in-cache", "summarization", device="cpu")


def test_generation_override_keeps_unset_defaults():
    merged = Generation(num_beams=4, max_new_tokens=142).merged(Generation(num_beams=1))
    assert merged.kwargs() == {"num_beams": 1, "max_new_tokens": 142}


def test_devices():
    import torch

    assert resolve("cpu").type == "cpu"
    assert dtype_for(torch.device("cpu")) == torch.float32
    with pytest.raises(DeviceError):
        resolve("tpu")
    if not torch.cuda.is_available():
        with pytest.raises(DeviceError, match="CUDA is not available"):
            resolve("cuda:0")


def test_pipeline_rejects_unknown_lang():
    from mlsum import Pipeline

    with pytest.raises(LanguageError):
        Pipeline(lang="de")


def test_python_api_runs_whole_pipeline(tiny_models, seeds):
    from mlsum import Document, Pipeline

    pipe = Pipeline(model=str(tiny_models["bart"]), translation_model=str(tiny_models["marian"]),
                    device="cpu", generation=Generation(num_beams=1, max_new_tokens=6))
    docs = pipe.run([Document(id="s", text=seeds[1].read_text()), Document(id="e", text="   ")])
    assert docs[0].summary and docs[0].title and docs[0].language == "en"
    assert docs[1].error and docs[1].summary is None


def test_encoding_apart_matches_one_padded_batch(bart, seeds):
    """The CPU path encodes inputs in small groups; the summaries must be those of plain generate()."""
    import torch

    from mlsum.generate import generate

    texts = [p.read_text()[:n] for p, n in zip(seeds, (2500, 400, 1200, 2000, 90))]
    settings = Generation(num_beams=2, max_new_tokens=6, min_new_tokens=6)
    ours = generate(bart, texts, settings, batch_size=5)
    expected = []
    for text in texts:
        enc = bart.tokenizer([text], return_tensors="pt")
        with torch.inference_mode():
            ids = bart.model.generate(**enc, **settings.kwargs())
        expected.append(bart.tokenizer.decode(ids[0], skip_special_tokens=True).strip())
    assert ours == expected


# -- local model directories: checked before loading, generation settings of their own -----------------

def _broken_copy(source, target, change):
    import shutil

    shutil.copytree(source, target)
    change(target)
    return target


def _edit_config(**changes):
    import json

    def change(directory):
        config = json.loads((directory / "config.json").read_text())
        config.update(changes)
        (directory / "config.json").write_text(json.dumps(config))

    return change


def _truncate(name):
    def change(directory):
        data = (directory / name).read_bytes()
        (directory / name).write_bytes(data[: len(data) // 3])

    return change


def _remove(*names):
    def change(directory):
        for name in names:
            (directory / name).unlink()

    return change


BROKEN_MODELS = {
    "broken-config": (lambda d: (d / "config.json").write_text('{"model_type": "bart",'), "config.json is not valid JSON"),
    "gpt2": (_edit_config(model_type="gpt2"), "a gpt2 model is not a sequence-to-sequence model"),
    "auto-map": (_edit_config(auto_map={"AutoModelForSeq2SeqLM": "modeling_evil.Evil"}),
                 "asks for custom code (auto_map: modeling_evil.Evil)"),
    "unknown-type": (_edit_config(model_type="evil-net"), "unknown model_type 'evil-net'"),
    "no-weights": (_remove("model.safetensors"), "no weights"),
    "corrupt-safetensors": (_truncate("model.safetensors"), "model.safetensors is damaged"),
    "no-tokenizer": (_remove("tokenizer.json", "tokenizer_config.json"), "no tokenizer"),
    "broken-generation-config": (lambda d: (d / "generation_config.json").write_text("{oops"),
                                 "generation_config.json is not valid JSON"),
}


@pytest.mark.parametrize("case", sorted(BROKEN_MODELS))
def test_bad_model_directory_is_named_with_what_is_wrong(tiny_models, tmp_path, case):
    change, message = BROKEN_MODELS[case]
    directory = _broken_copy(tiny_models["bart"], tmp_path / case, change)
    with pytest.raises(ModelNotAvailable) as caught:
        models.resolve(str(directory), "summarization")
    assert str(caught.value).startswith(f"model directory {directory}: ") and message in str(caught.value)


def test_bad_model_directories_through_the_cli_fail_before_any_work(tiny_models, tmp_path, seeds):
    from typer.testing import CliRunner

    from mlsum.cli import app

    gpt2 = _broken_copy(tiny_models["bart"], tmp_path / "gpt2", _edit_config(model_type="gpt2"))
    runner = CliRunner()
    for args in (["summarize", "-m", gpt2], ["summarize", "--translation-model", gpt2], ["translate", "-m", gpt2]):
        result = runner.invoke(app, [*map(str, args), "--device", "cpu", str(tmp_path / "missing.txt")])
        assert result.exit_code == 1 and result.stderr.count("\n") == 1  # the input was never looked at
        assert str(gpt2) in result.stderr and "not a sequence-to-sequence model" in result.stderr


def test_model_that_passes_the_checks_but_fails_to_load_is_one_line(tiny_models, tmp_path, seeds):
    from mlsum import Document, Pipeline

    shape = _broken_copy(tiny_models["bart"], tmp_path / "shape", _edit_config(d_model=64))
    pipe = Pipeline(model=str(shape), device="cpu")
    with pytest.raises(ModelNotAvailable, match=rf"^model directory {shape}: cannot load it"):
        pipe.summarize([Document(id="a", text=seeds[0].read_text(), language="en")])


def test_local_folder_gets_generation_settings(tiny_models, tmp_path):
    plain = _broken_copy(tiny_models["bart"], tmp_path / "plain", _remove("generation_config.json"))
    spec, _ = models.resolve(str(plain), "summarization")
    assert spec.generation.max_new_tokens == 142 and spec.generation.min_new_tokens == 56  # BART's CNN defaults
    own, _ = models.resolve(str(tiny_models["bart"]), "summarization")
    assert own.generation.max_new_tokens == 63 and own.generation.num_beams == 1  # its max_length=64, num_beams=1
    translator, _ = models.resolve(str(tiny_models["marian"]), "translation")
    assert translator.generation.max_new_tokens == 63 and translator.generation.min_new_tokens is None


def test_no_transformers_length_warning_for_a_local_folder(tiny_models, tmp_path, seeds):
    import subprocess
    import sys

    plain = _broken_copy(tiny_models["bart"], tmp_path / "plain", _remove("generation_config.json"))
    code = ("import warnings, sys\nwarnings.simplefilter('always')\nfrom mlsum import models, Generation\n"
            "from mlsum.summarize import summarize_texts\n"
            f"m = models.load({str(plain)!r}, 'summarization', device='cpu', backend='torch')\n"
            f"print(summarize_texts(m, [open({str(seeds[0])!r}).read()], Generation(num_beams=1, max_new_tokens=8))[0].text)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "max_length" not in run.stderr and "generation flags are not valid" not in run.stderr


@pytest.mark.parametrize("settings,message", [
    (dict(min_new_tokens=50, max_new_tokens=5), "--min-new-tokens 50 is more than --max-new-tokens 5"),
    (dict(num_beams=0), "--num-beams must be an integer of at least 1"),
])
def test_impossible_generation_settings_are_refused(settings, message):
    from mlsum.errors import UsageError

    with pytest.raises(UsageError, match=message):
        Generation(**settings)


def test_one_bound_asked_for_moves_the_default_other_bound():
    defaults = Generation(max_new_tokens=142, min_new_tokens=56)
    assert defaults.merged(Generation(max_new_tokens=5)).kwargs() == {"max_new_tokens": 5, "min_new_tokens": 5}
    assert defaults.merged(Generation(min_new_tokens=200)).kwargs() == {"max_new_tokens": 200, "min_new_tokens": 200}


def test_greedy_decoding_drops_beam_only_settings():
    assert Generation(num_beams=1, length_penalty=2.0, early_stopping=True, max_new_tokens=9).kwargs() == {
        "num_beams": 1, "max_new_tokens": 9}


# -- summaries that come back empty ---------------------------------------------------------------------

def test_long_article_whose_part_summaries_are_empty(tiny, tmp_path, seeds):
    """60k characters, a 64-token encoder, and one-token outputs that decode to nothing: the part
    summaries joined are only separators, too long for the encoder yet without a sentence."""
    small = models.load(str(tiny.build_bart(tmp_path / "small", max_position_embeddings=64)), "summarization",
                        device="cpu", backend="torch")
    text = ("\n\n".join(p.read_text() for p in seeds) * 8)[:60_000]
    [summary] = summarize_texts(small, [text], Generation(num_beams=1, max_new_tokens=1, min_new_tokens=0),
                                batch_size=64)
    assert summary.text == "" and summary.parts > 1


def test_empty_summary_is_a_failure(tiny_models, seeds):
    from mlsum import Document, Pipeline

    pipe = Pipeline(model=str(tiny_models["bart"]), device="cpu",
                    generation=Generation(num_beams=1, max_new_tokens=1, min_new_tokens=0))
    [doc] = pipe.run([Document(id="a", text=seeds[0].read_text())])
    assert doc.error and "empty summary" in doc.error and doc.summary is None


# -- language: capitals, mixed articles -------------------------------------------------------------------

def test_english_in_capitals_is_english(seeds):
    from mlsum.detect import detect

    for paragraph in [p for p in seeds[1].read_text().split("\n\n") if len(p) > 80][:6]:
        assert detect(paragraph.upper())[0] == "en"


FRENCH_PARAGRAPHS = [
    "De violents combats opposaient mardi l'armée syrienne à une coalition de rebelles menée par des "
    "islamistes radicaux, qui tentent d'avancer vers la ville stratégique de Hama, selon une ONG.",
    "L'armée syrienne a annoncé avoir envoyé des renforts dans la région, ce qui a permis de ralentir la "
    "progression des rebelles au cours des deux derniers jours.",
]


def test_mixed_article_translates_only_its_french_paragraphs(tiny_models, seeds):
    from mlsum import Document, Pipeline

    english = [p for p in seeds[0].read_text().split("\n\n") if len(p.split()) > 15][:4]
    text = "\n\n".join(english[:2] + FRENCH_PARAGRAPHS + english[2:])
    pipe = Pipeline(translation_model=str(tiny_models["marian"]), device="cpu", lang=None,
                    generation=Generation(num_beams=1))
    [doc] = pipe.translate([pipe.prepare(Document(id="m", text=text))])
    assert doc.language == "en" and doc.paragraph_languages == ["en", "en", "fr", "fr", "en", "en"]
    assert doc.translated and any("paragraphs 3, 4 of 6 in French" in w for w in doc.warnings)
    before, after = doc.original.split("\n\n"), doc.text.split("\n\n")
    assert [b == a for b, a in zip(before, after)] == [True, True, False, False, True, True]


def test_english_article_with_a_short_french_line_is_not_mixed(seeds):
    from mlsum import Document, Pipeline

    text = seeds[0].read_text() + "\n\nLe Monde avec AFP\n"
    [doc] = [Pipeline().prepare(Document(id="e", text=text))]
    assert doc.language == "en" and doc.paragraph_languages is None


def test_known_families_are_checked_without_transformers_and_others_against_it():
    """The fast path must agree with transformers' own mapping of sequence-to-sequence architectures."""
    from transformers import CONFIG_MAPPING, MODEL_FOR_SEQ_TO_SEQ_CAUSAL_LM_MAPPING

    for family in models.SEQ2SEQ_FAMILIES:
        if family in CONFIG_MAPPING:
            assert CONFIG_MAPPING[family] in MODEL_FOR_SEQ_TO_SEQ_CAUSAL_LM_MAPPING, family
