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
