"""Figure-aware generation: the chooser on candidates whose figures are known, and `--rerank figures`
end to end on a tiny BART whose outputs are drawn from a few words, with either backend."""

import json
import math

import pytest

from mlsum import Document, Pipeline
from mlsum.errors import UsageError
from mlsum.generate import Hypothesis, candidates
from mlsum.models import Generation
from mlsum.rerank import Choice, Rerank, article_sources, choose, flagged_figures, report

SOURCE = ("The council approved 12 new homes on Tuesday at a cost of £3 million, the mayor said. "
          "Building will start in the spring.")


# -- the chooser ----------------------------------------------------------------------------------------

def test_fewest_flagged_figures_win_and_ties_go_to_the_model_score():
    found = [Hypothesis("The council approved 15 new homes at a cost of £3 million.", -0.2),  # 15: wrong
             Hypothesis("The council approved 12 new homes at a cost of £4 million.", -0.5),  # £4m: wrong
             Hypothesis("The council approved 12 new homes at a cost of £3 million.", -0.6),
             Hypothesis("The council approved 12 new homes on Tuesday.", -0.4)]
    choice = choose(found, [SOURCE])
    assert choice.flagged == (1, 1, 0, 0)
    assert choice.chosen == 3  # as faithful as candidate 2, and the model prefers it
    assert choice.to_dict() == {"with_unsupported": 2, "chosen": 3, "chosen_flagged": 0, "flagged": [1, 1, 0, 0]}


def test_without_anything_to_fix_the_model_best_stays():
    found = [Hypothesis("The council approved new homes.", -0.3), Hypothesis("New homes for the town.", -0.5)]
    assert choose(found, [SOURCE]) == Choice((0, 0), 0)
    wrong = [Hypothesis("The council approved 15 new homes.", -0.3), Hypothesis("It approved 40 homes.", -0.5)]
    assert choose(wrong, [SOURCE]) == Choice((1, 1), 0)  # both wrong: the best by score


def test_an_empty_candidate_is_never_chosen_over_a_summary():
    found = [Hypothesis("", -0.1), Hypothesis("  ", -0.2), Hypothesis("The council approved 15 new homes.", -0.9)]
    assert choose(found, [SOURCE]).chosen == 2
    assert choose(found[:2], [SOURCE]).chosen == 0


def test_unscored_candidates_tie_in_their_order():
    nan = float("nan")
    found = [Hypothesis("It approved 15 homes.", nan), Hypothesis("It approved homes.", nan),
             Hypothesis("Homes were approved.", nan)]
    assert choose(found, [SOURCE]).chosen == 1
    assert choose([Hypothesis("Homes.", nan), Hypothesis("More homes.", -1.0)], [SOURCE]).chosen == 1


def test_vague_quantities_are_not_counted_against_a_candidate():
    assert flagged_figures("The council approved several new homes.", [SOURCE]) == 0
    assert flagged_figures("The council approved 40 new homes at a cost of £9 million.", [SOURCE]) == 2


ENGLISH = "The government announced aid on Tuesday. The minister said they were ready."  # figure lost
FRENCH = "Le gouvernement a annoncé mardi 300 000 euros d'aide. « Nous sommes prêts », a déclaré le ministre."


def test_a_translated_article_is_checked_against_its_original_too():
    doc = Document(id="fr", text=ENGLISH, original=FRENCH, translated=True, title="Aid for farmers")
    assert article_sources(doc) == [ENGLISH, FRENCH, "Aid for farmers"]
    found = [Hypothesis("The government announced 500,000 euros of aid.", -0.2),
             Hypothesis("The government announced 300,000 euros of aid.", -0.3)]
    assert choose(found, article_sources(doc)) == Choice((1, 0), 1)
    assert choose(found, [ENGLISH]).flagged == (1, 1)


# -- settings -------------------------------------------------------------------------------------------

def test_candidates_default_to_the_beam_and_cannot_exceed_it():
    assert Rerank().width(4) == 4
    assert Rerank(3).width(4) == 3
    with pytest.raises(UsageError, match=r"--candidates 6 is more than the beam \(4\)"):
        Rerank(6).width(4)
    with pytest.raises(UsageError, match="needs beam search"):
        Rerank().width(1)
    for bad in (1, 0, 2.5, True):
        with pytest.raises(UsageError, match="--candidates must be an integer of at least 2"):
            Rerank(bad)


@pytest.mark.parametrize("backend", ["torch", "ct2"])
def test_the_beam_is_the_checkpoints_own_unless_asked(tiny, tmp_path, backend):
    from mlsum import models
    from mlsum.generate import beam_width

    path = tiny.build_bart(tmp_path / "bart", generation={"num_beams": 3})
    loaded = models.load(str(path), "summarization", device="cpu", backend=backend)
    assert beam_width(loaded, Generation()) == 3  # what a hub checkpoint's spec leaves to its config
    assert beam_width(loaded, Generation(num_beams=5)) == 5


def test_extractive_models_refuse_reranking():
    with pytest.raises(UsageError, match="lead-3 is extractive"):
        Pipeline(model="lead-3", rerank=Rerank())


def test_report_of_a_chunked_article_lists_the_part_choices():
    parts = [Choice((1, 0), 1), Choice((0, 2), 0)]
    final = Choice((0, 0, 1), 0)
    assert report(3, [[final]]) == {"method": "figures", "candidates": 3, **final.to_dict(), "rounds": []}
    chunked = report(3, [parts, [final]])
    assert chunked["chosen"] == 0 and chunked["rounds"] == [[c.to_dict() for c in parts]]
    standing = report(3, [parts])  # the part summaries stand as the summary: no one final choice
    assert standing["chosen"] is None and standing["rounds"] == [[c.to_dict() for c in parts]]


# -- end to end -----------------------------------------------------------------------------------------

# The tiny BART's random weights barely matter next to these output biases: every candidate is made of
# these words, "11" a little more likely than the others. ARTICLE states 20 and no 11, so a candidate's
# flagged figures are its 11s, and the model's best ("11 11 11") is the least faithful.
WORDS = {" 20": 10.2, " 11": 10.4, " buildings": 10.15}
ARTICLE = ("Rebels captured 20 buildings in the north of the city on Tuesday, the monitor said. "
           "Fighting went on through the night.")
SETTINGS = Generation(num_beams=4, max_new_tokens=5, min_new_tokens=3)


def biased_bart(tiny, directory, **overrides):
    """A tiny BART whose `final_logits_bias` makes it say only the words of WORDS."""
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    path = tiny.build_bart(directory, **overrides)
    tokenizer, model = AutoTokenizer.from_pretrained(path), AutoModelForSeq2SeqLM.from_pretrained(path)
    bias = torch.zeros_like(model.final_logits_bias)
    for word, value in WORDS.items():
        [token] = tokenizer(word, add_special_tokens=False)["input_ids"]
        bias[0, token] = value
    model.final_logits_bias.copy_(bias)
    model.save_pretrained(path)
    return path


@pytest.fixture(scope="module")
def biased(tiny, tmp_path_factory):
    return biased_bart(tiny, tmp_path_factory.mktemp("biased") / "bart")


def known_flags(text: str, source: str) -> int:
    """The figures of an output of the biased model that `source` does not state."""
    return sum(word not in source.split() for word in text.split() if word.isdigit())


def best(found, flags):
    return min(range(len(found)), key=lambda i: (flags[i], -found[i].score, i))


@pytest.mark.parametrize("backend", ["torch", "ct2"])
def test_rerank_keeps_the_candidate_with_the_fewest_unsupported_figures(biased, backend):
    from mlsum.records import summary_record

    plain = Pipeline(model=str(biased), device="cpu", backend=backend, dtype="float32", generation=SETTINGS)
    [found] = candidates(plain.summarizer, [ARTICLE], SETTINGS, 4)
    flags = [known_flags(h.text, ARTICLE) for h in found]
    assert flags[0] > 0 and flags.count(min(flags)) > 1, "the setup should offer a fix, and a tie"

    [unranked] = plain.run([Document(id="a", text=ARTICLE)])
    assert unranked.summary == found[0].text and unranked.rerank is None
    reranking = Pipeline(model=str(biased), device="cpu", backend=backend, dtype="float32",
                         generation=SETTINGS, rerank=Rerank())
    [doc] = reranking.run([Document(id="a", text=ARTICLE, title="Rebels advance")])
    record = json.loads(json.dumps(summary_record(doc)))
    assert record["summary"] == found[best(found, flags)].text
    assert record["rerank"] == {"method": "figures", "candidates": 4, "with_unsupported": sum(f > 0 for f in flags),
                                "chosen": best(found, flags), "chosen_flagged": min(flags), "flagged": flags,
                                "rounds": []}


def test_rerank_takes_the_french_original_as_evidence(biased, tiny_models):
    french = "Les rebelles ont pris 20 bâtiments mardi dans le nord de la ville, selon l'observatoire."
    pipe = Pipeline(model=str(biased), translation_model=str(tiny_models["marian"]), device="cpu",
                    backend="torch", generation=SETTINGS, rerank=Rerank(), lang="fr")
    [doc] = pipe.run([Document(id="fr", text=french)])
    assert doc.translated and "20" not in doc.text  # the tiny translator loses the figure
    assert doc.rerank["chosen_flagged"] == 0 and "20" in doc.summary.split()
    assert flagged_figures(doc.summary, [doc.text]) > 0  # supported by the original alone


def test_parts_of_a_chunked_article_are_checked_against_their_own_text(tiny, tmp_path):
    from mlsum.summarize import chunk, summarize_texts

    path = biased_bart(tiny, tmp_path / "small", max_position_embeddings=64)
    pipe = Pipeline(model=str(path), device="cpu", backend="torch", generation=SETTINGS, rerank=Rerank())
    loaded = pipe.summarizer
    article = " ".join(["Rebels captured 20 buildings in the north on Tuesday."] * 4
                       + ["The fighting left 11 people dead, the monitor said."] * 4)  # a count, as a bare "11" is, not hours
    parts = chunk(loaded, article)
    assert len(parts) > 1 and any("11" not in p for p in parts) and any("20" not in p for p in parts)
    [summary] = summarize_texts(loaded, [article], SETTINGS, rerank=Rerank(), sources=[[article]])
    found = candidates(loaded, parts, SETTINGS, 4)
    [first_round] = summary.rerank["rounds"]
    for part, hypotheses, choice in zip(parts, found, first_round, strict=True):
        flags = [known_flags(h.text, part) for h in hypotheses]
        assert choice["flagged"] == flags and choice["chosen"] == best(hypotheses, flags)
    # the summary of the part summaries is checked against the article, which states both figures
    assert summary.rerank["chosen_flagged"] == 0 and summary.parts == len(parts)
    assert not math.isnan(found[0][0].score)


# -- the command line -----------------------------------------------------------------------------------

def test_cli_rerank_record_and_refused_settings(tmp_path, biased, tiny_models):
    from typer.testing import CliRunner

    from mlsum.cli import app

    runner = CliRunner()
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    common = ["summarize", str(article), "-m", str(biased), "--max-new-tokens", "5", "--min-new-tokens", "3",
              "--json"]
    result = runner.invoke(app, [*common, "--rerank", "figures", "--num-beams", "4", "--candidates", "3"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["rerank"]["candidates"] == 3 and record["rerank"]["chosen_flagged"] == 0
    refused = {
        "--candidates 5 is more than the beam (4)": ["--rerank", "figures", "--num-beams", "4", "--candidates", "5"],
        "needs beam search": ["--rerank", "figures"],  # the tiny checkpoint decodes greedily
        "--candidates applies to --rerank figures": ["--num-beams", "4", "--candidates", "3"],
    }
    for message, options in refused.items():
        result = runner.invoke(app, [*common, *options])
        assert result.exit_code == 2 and message in result.stderr and len(result.stderr.splitlines()) == 1
    result = runner.invoke(app, ["summarize", str(article), "-m", "lead-3", "--rerank", "figures"])
    assert result.exit_code == 2 and "lead-3 is extractive" in result.stderr
