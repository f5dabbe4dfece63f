"""Tiny random-init seq2seq checkpoints (BART, Marian, T5) built fully offline.

Tests and benchmarks need local checkpoints that go through the *real* loading
path (``AutoTokenizer.from_pretrained(dir)`` + ``AutoModelForSeq2SeqLM
.from_pretrained(dir)``, safetensors) without touching the Hugging Face hub.
Each builder trains a small tokenizer of the same family as the real checkpoint
on the seed articles, random-initialises the model with tiny dims (any config
field can be overridden, e.g. real dims for a cost benchmark) and saves it.

Usage: ``python models/tiny.py OUTDIR [--only bart|marian|t5]``
"""

from __future__ import annotations

import argparse
import io
import json
import re
import tempfile
from pathlib import Path

import sentencepiece as spm
import torch
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import (
    BartConfig,
    PegasusConfig,
    PegasusForConditionalGeneration,
    PegasusTokenizer,
    BartForConditionalGeneration,
    BartTokenizerFast,
    GenerationConfig,
    MarianConfig,
    MarianMTModel,
    MarianTokenizer,
    T5Config,
    T5ForConditionalGeneration,
    T5Tokenizer,
)

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
SEED = 0

# The seeds are English; Marian's *source* (fr) sentencepiece model needs French
# pieces so that French input is not all <unk>.
FRENCH_TEXT = """\
De violents combats se poursuivent en Syrie à l'approche de nouveaux pourparlers de paix.
L'armée syrienne et les rebelles, dont des groupes djihadistes, se sont affrontés à Damas jeudi.
Les insurgés ont lancé leur plus grande offensive depuis des mois au nord de Hama.
Le gouvernement a repris l'enclave rebelle d'Alep en décembre après un long siège.
Les Nations unies appellent toutes les parties à respecter le cessez-le-feu.
Des milliers de civils ont fui leurs maisons à cause des frappes aériennes.
La Russie et l'Iran soutiennent le président Bachar al-Assad, tandis que la Turquie appuie l'opposition.
Les négociations reprendront à Genève sous l'égide de l'envoyé spécial de l'ONU.
Selon l'Observatoire syrien des droits de l'homme, des dizaines de personnes ont été tuées.
Les Etats-Unis ont déclaré que l'utilisation d'armes chimiques était inacceptable.
L'aide humanitaire n'a pas pu atteindre les quartiers assiégés de la capitale.
Le ministre des Affaires étrangères a affirmé que la guerre devait prendre fin rapidement.
Les forces kurdes avancent vers Raqqa, bastion de l'organisation Etat islamique.
Cette semaine, les journalistes ont été empêchés d'entrer dans la ville détruite.
Les réfugiés syriens en Europe attendent une solution politique durable.
"""


def seed_texts() -> list[str]:
    """The seed articles, the default training corpus for every tokenizer."""
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt"))]


def _sentences(texts: list[str]) -> list[str]:
    """Split texts into short non-empty lines: sentencepiece rejects very long input lines."""
    return [s for t in texts for s in re.split(r"\n+|(?<=[.!?])\s+", t) if s.strip()]


def _train_spm(texts: list[str], vocab_size: int, **ids: int) -> bytes:
    """Train a unigram sentencepiece model in memory and return its serialized proto.

    ``hard_vocab_limit=False`` lets a small corpus yield fewer pieces than asked
    instead of failing; one thread keeps the result deterministic.
    """
    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(_sentences(texts)),
        model_writer=buf,
        model_type="unigram",
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        num_threads=1,
        minloglevel=2,
        **ids,
    )
    return buf.getvalue()


def _unused(start: int, stop: int) -> list[str]:
    return [f"<unused_{i}>" for i in range(start, stop)]


def _save(model, tokenizer, generation: dict, outdir: Path, trained: int | None = None) -> Path:
    """Save model (safetensors), generation config and tokenizer side by side.

    When ``vocab_size`` was overridden above the trained vocabulary (real dims for a
    benchmark), BART and Marian tokenizers are padded with ``<unused_N>`` tokens so
    that, as in the real checkpoints, every row of the embedding matrix has a token
    (converters such as CTranslate2's take the vocabulary from the tokenizer), and
    their ``final_logits_bias`` (a saved buffer) is pushed to -1e4 beyond the
    ``trained`` tokens so that a random model writes words. T5 has no such bias,
    but its tokenizers-backed decode silently drops unknown ids.
    """
    if hasattr(model, "final_logits_bias"):
        model.final_logits_bias[:, trained or len(tokenizer):] = -1e4
    model.generation_config = GenerationConfig(**generation)
    outdir.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(outdir)
    tokenizer.save_pretrained(outdir)
    return outdir


def build_bart(outdir, corpus_texts=None, generation=None, **config_overrides) -> Path:
    """BART (distilbart-cnn family) with a byte-level BPE tokenizer trained on the corpus.

    In transformers v5 ``BartTokenizerFast`` is an alias of ``RobertaTokenizer``
    whose ``vocab_file=/merges_file=`` are silently ignored (a 5-token vocab), so
    the trained ``tokenizers.Tokenizer`` is passed as ``tokenizer_object=``.
    ``config_overrides`` go to ``BartConfig``; a ``vocab_size`` above the
    tokenizer's only adds embedding rows, as in the real checkpoints.
    """
    specials = ["<s>", "<pad>", "</s>", "<unk>", "<mask>"]  # ids 0..4, as in BART
    backend = Tokenizer(models.BPE(unk_token="<unk>"))
    backend.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    backend.decoder = decoders.ByteLevel()
    backend.train_from_iterator(
        corpus_texts or seed_texts(),
        trainers.BpeTrainer(
            vocab_size=1500,
            special_tokens=specials,
            initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
            show_progress=False,
        ),
    )
    trained = backend.get_vocab_size()
    if config_overrides.get("vocab_size", 0) > trained:
        backend.add_tokens(_unused(trained, config_overrides["vocab_size"]))
    tokenizer = BartTokenizerFast(tokenizer_object=backend, model_max_length=1024)
    config = dict(
        vocab_size=len(tokenizer), d_model=32, encoder_layers=2, decoder_layers=2,
        encoder_attention_heads=4, decoder_attention_heads=4, encoder_ffn_dim=64,
        decoder_ffn_dim=64, max_position_embeddings=1024,
        bos_token_id=0, pad_token_id=1, eos_token_id=2, decoder_start_token_id=2,
        forced_bos_token_id=0, forced_eos_token_id=2,
    )
    config.update(config_overrides)
    torch.manual_seed(SEED)
    model = BartForConditionalGeneration(BartConfig(**config))
    gen = dict(bos_token_id=0, pad_token_id=1, eos_token_id=2, decoder_start_token_id=2,
               forced_bos_token_id=0, forced_eos_token_id=2, max_length=64, num_beams=1)
    return _save(model, tokenizer, gen | (generation or {}), Path(outdir), trained)


def build_marian(outdir, corpus_texts=None, generation=None, **config_overrides) -> Path:
    """MarianMT (opus-mt-fr-en family) with a real ``MarianTokenizer``.

    Like the opus-mt checkpoints: ``source.spm`` (French, here corpus + inline
    French), ``target.spm`` (corpus) and one shared ``vocab.json`` mapping
    pieces to ids with ``</s>``=0, ``<unk>``=1 and ``<pad>`` last, which is also
    ``decoder_start_token_id`` and a bad word for generation.
    """
    corpus = corpus_texts or seed_texts()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        spm_ids = dict(unk_id=0, bos_id=-1, eos_id=1, pad_id=-1)
        (tmp / "source.spm").write_bytes(_train_spm(corpus + [FRENCH_TEXT], 800, **spm_ids))
        (tmp / "target.spm").write_bytes(_train_spm(corpus, 800, **spm_ids))
        pieces = ["</s>", "<unk>"]
        for name in ("source.spm", "target.spm"):
            sp = spm.SentencePieceProcessor(model_file=str(tmp / name))
            pieces += [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
        pieces = list(dict.fromkeys(pieces))
        trained = len(pieces)
        pieces += _unused(trained, config_overrides.get("vocab_size", 0) - 1) + ["<pad>"]
        (tmp / "vocab.json").write_text(json.dumps({p: i for i, p in enumerate(pieces)}, ensure_ascii=False))
        tokenizer = MarianTokenizer(
            source_spm=str(tmp / "source.spm"), target_spm=str(tmp / "target.spm"),
            vocab=str(tmp / "vocab.json"), source_lang="fr", target_lang="en", model_max_length=512,
        )
        pad = tokenizer.pad_token_id
        config = dict(
            vocab_size=len(pieces), d_model=32, encoder_layers=2, decoder_layers=2,
            encoder_attention_heads=4, decoder_attention_heads=4, encoder_ffn_dim=64,
            decoder_ffn_dim=64, max_position_embeddings=512, activation_function="swish",
            scale_embedding=True, share_encoder_decoder_embeddings=True,
            bos_token_id=0, eos_token_id=0, forced_eos_token_id=0,
            pad_token_id=pad, decoder_start_token_id=pad,
        )
        config.update(config_overrides)
        torch.manual_seed(SEED)
        model = MarianMTModel(MarianConfig(**config))
        gen = dict(bos_token_id=0, eos_token_id=0, forced_eos_token_id=0, pad_token_id=pad,
                   decoder_start_token_id=pad, bad_words_ids=[[pad]], max_length=64, num_beams=1)
        return _save(model, tokenizer, gen | (generation or {}), Path(outdir), trained)


def build_t5(outdir, corpus_texts=None, generation=None, **config_overrides) -> Path:
    """T5 with a sentencepiece-unigram tokenizer laid out like t5-small's (pad 0, eos 1, unk 2).

    In transformers v5 ``T5Tokenizer`` is tokenizers-backed and takes the
    unigram table directly as ``vocab=[(piece, score), ...]``, so the trained
    spm model's pieces/scores are passed in (no protobuf conversion needed).
    ``extra_ids=0``: no sentinel tokens, they only matter for span-corruption pretraining.
    """
    proto = _train_spm(corpus_texts or seed_texts(), 1000, pad_id=0, eos_id=1, unk_id=2, bos_id=-1)
    sp = spm.SentencePieceProcessor(model_proto=proto)
    vocab = [(sp.id_to_piece(i), sp.get_score(i)) for i in range(sp.get_piece_size())]
    tokenizer = T5Tokenizer(vocab=vocab, extra_ids=0, model_max_length=512)
    config = dict(
        vocab_size=len(tokenizer), d_model=32, d_kv=8, d_ff=64, num_layers=2,
        num_decoder_layers=2, num_heads=4, feed_forward_proj="relu",
        pad_token_id=0, eos_token_id=1, decoder_start_token_id=0,
    )
    config.update(config_overrides)
    torch.manual_seed(SEED)
    model = T5ForConditionalGeneration(T5Config(**config))
    gen = dict(pad_token_id=0, eos_token_id=1, decoder_start_token_id=0, max_length=64, num_beams=1)
    return _save(model, tokenizer, gen | (generation or {}), Path(outdir))


def build_pegasus(outdir, corpus_texts=None, generation=None, **config_overrides) -> Path:
    """PEGASUS (pre-norm, unlike BART) with a sentencepiece-unigram tokenizer (pad 0, eos 1, unk 2),
    passed to the tokenizers-backed ``PegasusTokenizer`` as its unigram table, like T5's."""
    proto = _train_spm(corpus_texts or seed_texts(), 1000, pad_id=0, eos_id=1, unk_id=2, bos_id=-1)
    sp = spm.SentencePieceProcessor(model_proto=proto)
    vocab = [(sp.id_to_piece(i), sp.get_score(i)) for i in range(sp.get_piece_size())]
    tokenizer = PegasusTokenizer(vocab=vocab, offset=0, model_max_length=512)
    config = dict(
        vocab_size=len(tokenizer), d_model=32, encoder_layers=2, decoder_layers=2,
        encoder_attention_heads=4, decoder_attention_heads=4, encoder_ffn_dim=64, decoder_ffn_dim=64,
        max_position_embeddings=512, pad_token_id=0, eos_token_id=1, decoder_start_token_id=0,
        forced_eos_token_id=1,
    )
    config.update(config_overrides)
    torch.manual_seed(SEED)
    model = PegasusForConditionalGeneration(PegasusConfig(**config))
    gen = dict(pad_token_id=0, eos_token_id=1, decoder_start_token_id=0, forced_eos_token_id=1,
               max_length=64, num_beams=1)
    return _save(model, tokenizer, gen | (generation or {}), Path(outdir))


BUILDERS = {"bart": build_bart, "marian": build_marian, "t5": build_t5}


def build_all(outdir) -> dict[str, Path]:
    """Build every tiny model into ``outdir/<name>``."""
    return {name: build(Path(outdir) / name) for name, build in BUILDERS.items()}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--only", choices=sorted(BUILDERS))
    args = parser.parse_args(argv)
    names = [args.only] if args.only else list(BUILDERS)
    for name in names:
        print(BUILDERS[name](args.outdir / name))


if __name__ == "__main__":
    main()
