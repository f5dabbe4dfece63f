"""The tiny offline checkpoints load through the real Auto* path and generate."""

import importlib.util
import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from transformers import AutoModelForSeq2SeqLM, AutoTokenizer  # noqa: E402

TINY_PY = Path(__file__).resolve().parent.parent / "models" / "tiny.py"
SENTENCE = "The Syrian army and rebels fought in the capital Damascus on Thursday."
FRENCH = "Les rebelles syriens ont combattu l'armée près de Damas jeudi."


def _load_tiny():
    spec = importlib.util.spec_from_file_location("tiny_models", TINY_PY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tiny():
    return _load_tiny()


@pytest.fixture(scope="module")
def built(tiny, tmp_path_factory):
    return tiny.build_all(tmp_path_factory.mktemp("tiny"))


@pytest.mark.parametrize("name,max_len", [("bart", 1024), ("marian", 512), ("t5", 512)])
def test_reload_and_generate(built, name, max_len):
    path = built[name]
    for f in ("config.json", "model.safetensors", "generation_config.json", "tokenizer_config.json"):
        assert (path / f).is_file()
    tok = AutoTokenizer.from_pretrained(path)
    model = AutoModelForSeq2SeqLM.from_pretrained(path)
    assert len(tok) > 100
    assert len(tok) <= model.config.vocab_size
    assert tok.model_max_length == max_len
    text = FRENCH if name == "marian" else SENTENCE
    ids = tok(text).input_ids
    assert tok.unk_token_id not in ids
    assert tok.decode(ids, skip_special_tokens=True) == text
    out = model.generate(**tok([text], return_tensors="pt", truncation=True), max_new_tokens=8, min_new_tokens=8)
    assert out.shape[0] == 1 and out.shape[1] >= 8
    decoded = tok.batch_decode(out, skip_special_tokens=True)
    assert len(decoded) == 1 and isinstance(decoded[0], str)


def test_long_input_truncated_to_model_max_length(built):
    tok = AutoTokenizer.from_pretrained(built["marian"])
    enc = tok([FRENCH * 200], return_tensors="pt", truncation=True)
    assert enc.input_ids.shape[1] == 512


def test_marian_has_opus_mt_special_ids(built):
    tok = AutoTokenizer.from_pretrained(built["marian"])
    model = AutoModelForSeq2SeqLM.from_pretrained(built["marian"])
    assert type(tok).__name__ == "MarianTokenizer"
    assert tok.eos_token_id == 0
    assert tok.pad_token_id == len(tok) - 1 == model.config.decoder_start_token_id
    # French pieces exist: a French word is not split into single characters.
    assert len(tok.tokenize("rebelles")) < len("rebelles")


def test_build_is_deterministic(tiny, built, tmp_path):
    again = tiny.build_t5(tmp_path / "t5")
    assert (again / "model.safetensors").read_bytes() == (built["t5"] / "model.safetensors").read_bytes()
    assert (again / "tokenizer.json").read_bytes() == (built["t5"] / "tokenizer.json").read_bytes()


def test_oversized_vocab_never_emits_undecodable_ids(tiny, tmp_path):
    path = tiny.build_marian(tmp_path / "marian", vocab_size=5000)
    tok = AutoTokenizer.from_pretrained(path)
    model = AutoModelForSeq2SeqLM.from_pretrained(path)
    out = model.generate(**tok([FRENCH], return_tensors="pt"), max_new_tokens=16, min_new_tokens=16)
    assert int(out.max()) < len(tok)
    assert isinstance(tok.batch_decode(out, skip_special_tokens=True)[0], str)
