"""Evaluation: metric values equal to the libraries', the report's shape, input errors, the CLI."""

import json
from pathlib import Path

import pytest
import sacrebleu
from rouge_score import rouge_scorer
from typer.testing import CliRunner

from mlsum.cli import app
from mlsum.errors import InputError
from mlsum.evaluate import Bleu, Chrf, EvalRecord, Rouge, evaluate, load_records, to_markdown
from mlsum.extractive import lead_n
from mlsum.evaluate.records import read_source
from mlsum.evaluate.rouge import one_sentence_per_line
from mlsum.figures import check_figures
from mlsum.text import sentences

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "eval"
DATA = Path(__file__).parent / "data"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def pairs() -> tuple[list[str], list[str]]:
    """Lead-3 summaries of the seeds and the hand-written references, in the same order."""
    references = {r["id"]: r["reference"] for r in read_jsonl(EVAL / "references.jsonl")}
    predictions = read_jsonl(EVAL / "lead3.jsonl")
    return [p["summary"] for p in predictions], [references[p["id"]] for p in predictions]


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


# Metrics equal the libraries -----------------------------------------------------------------------

@pytest.mark.parametrize("variant", ["rouge1", "rouge2", "rougeL"])
def test_rouge_equals_rouge_score(pairs, variant):
    hypotheses, references = pairs
    scorer = rouge_scorer.RougeScorer([variant], use_stemmer=True)
    direct = [100 * scorer.score(r, h)[variant].fmeasure for h, r in zip(hypotheses, references)]
    metric = Rouge(variant)
    assert [metric.sentence_score(h, [r]) for h, r in zip(hypotheses, references)] == direct
    corpus = metric.corpus_score(hypotheses, [[r] for r in references])
    assert corpus == pytest.approx(sum(direct) / len(direct))


def test_rouge_lsum_scores_one_sentence_per_line(pairs):
    hypotheses, references = pairs
    scorer = rouge_scorer.RougeScorer(["rougeLsum"], use_stemmer=True)
    for h, r in zip(hypotheses, references):
        direct = 100 * scorer.score(one_sentence_per_line(r), one_sentence_per_line(h))["rougeLsum"].fmeasure
        assert Rouge("rougeLsum").sentence_score(h, [r]) == direct
    assert one_sentence_per_line("Rebels took Hama. The army fled.") == "Rebels took Hama.\nThe army fled."


def test_bleu_and_chrf_equal_sacrebleu(pairs):
    hypotheses, references = pairs
    bleu, chrf = Bleu(), Chrf()
    assert bleu.corpus_score(hypotheses, [[r] for r in references]) == sacrebleu.corpus_bleu(
        hypotheses, [references]).score
    assert chrf.corpus_score(hypotheses, [[r] for r in references]) == sacrebleu.corpus_chrf(
        hypotheses, [references]).score
    direct_bleu, direct_chrf = sacrebleu.BLEU(), sacrebleu.CHRF()
    direct_bleu.corpus_score(hypotheses, [references])
    direct_chrf.corpus_score(hypotheses, [references])
    assert bleu.signature() == str(direct_bleu.get_signature())
    assert chrf.signature() == str(direct_chrf.get_signature())
    assert Bleu().signature() == bleu.signature()  # known before scoring too
    assert bleu.sentence_score(hypotheses[0], [references[0]]) == sacrebleu.sentence_bleu(
        hypotheses[0], [references[0]]).score


def test_report_corpus_scores_equal_the_libraries(pairs):
    hypotheses, references = pairs
    records = [{"id": str(i), "summary": h, "source": h, "reference": r}
               for i, (h, r) in enumerate(zip(hypotheses, references))]
    corpus = evaluate(records)["corpus"]
    assert corpus["bleu"] == sacrebleu.corpus_bleu(hypotheses, [references]).score
    assert corpus["chrf"] == sacrebleu.corpus_chrf(hypotheses, [references]).score
    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    direct = [100 * scorer.score(r, h)["rouge1"].fmeasure for h, r in zip(hypotheses, references)]
    assert corpus["rouge1"] == pytest.approx(sum(direct) / len(direct))


def test_references_state_only_figures_of_their_article():
    for record in read_jsonl(EVAL / "references.jsonl"):
        check = check_figures(record["reference"], read_source(ROOT / "seeds", record["id"]))
        assert check.flagged == [], record["id"]
        assert 2 <= len(sentences(record["reference"])) <= 4


# Report ---------------------------------------------------------------------------------------------

def test_report_structure_and_figure_checks():
    source = (ROOT / "seeds" / "002_86f724fbe4640ba6.txt").read_text(encoding="utf-8")
    report = evaluate([
        EvalRecord("faithful", "Rebels took at least 11 villages; 300,000 people are cut off from aid.",
                   [source], reference="Rebels captured at least 11 villages near Hama."),
        EvalRecord("planted", "Rebels attacked Qomhana, 18 km north of Hama, on the seventh day.", [source]),
    ])
    faithful, planted = report["documents"]
    assert faithful["figures"]["precision"] == 100 and faithful["figures"]["recall"] == 100
    assert {"text", "value", "unit", "status"} <= set(faithful["figures"]["items"][0])
    assert all(0 <= faithful[m] <= 100 for m in ("rouge1", "rouge2", "rougeL", "rougeLsum", "bleu", "chrf"))
    assert planted["figures"]["precision"] == 0 and planted["rouge1"] is None
    assert [i["status"] for i in planted["figures"]["items"]] == ["contradicted", "contradicted"]
    corpus = report["corpus"]
    assert corpus["figure_precision"] == 50 and corpus["figure_recall"] == 100
    assert corpus["references"] == 1 and corpus["figures"]["contradicted"] == 2
    assert set(corpus["signatures"]) >= {"rouge1", "rouge2", "rougeL", "rougeLsum", "bleu", "chrf",
                                         "figure_precision"}
    assert corpus["signatures"]["rouge1"].startswith("rouge-score 0.1.2|rouge1|f1|stem:yes|tokenizer:default")
    markdown = to_markdown(report)
    assert "| faithful |" in markdown and "## Corpus" in markdown
    assert "“18 km”" in markdown and "“seventh” day" in markdown


def test_translated_records_report_lost_figures():
    original = (DATA / "fr_002_86f724fbe4640ba6.txt").read_text(encoding="utf-8")
    translation = (DATA / "en_002_translation_mangled.txt").read_text(encoding="utf-8")
    record = EvalRecord("fr", "Rebels took at least 11 villages.", [translation, original],
                        original=original, translation=translation)
    document = evaluate([record])["documents"][0]
    assert document["figures"]["precision"] == 100  # "onze" in the original supports it
    assert [(i["text"], i["status"]) for i in document["translation"]] == [
        ("onze", "changed"), ("5 miles", "missing"), ("300 000", "changed")]


def test_lead_n():
    text = "First sentence here. Second one follows.\n\nA new paragraph. And a fourth."
    assert lead_n(text, 3) == "First sentence here. Second one follows. A new paragraph."
    assert lead_n("Only one.", 3) == "Only one."


# Loading predictions ---------------------------------------------------------------------------------

def write_lines(path: Path, lines: list) -> Path:
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n",
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("lines, message", [
    ([{"id": "a", "summary": "x", "source": "y"}, "{not json"], "line 2: invalid JSON"),
    ([{"id": "a", "source": "y"}], "line 1 (id a): record has no 'summary'"),
    ([{"summary": "x", "source": "y"}], "line 1: record has no 'id'"),
    ([{"id": "a", "summary": "x"}], "line 1 (id a): no source"),
    ([{"id": "a", "summary": "x", "source": "y"}, {"id": "a", "summary": "z", "source": "y"}],
     "line 2 (id a): duplicate id"),
    ([{"id": "a", "summary": 3, "source": "y"}], "line 1 (id a): record has no 'summary'"),
    ([{"id": "a", "error": "no such file"}], "no predictions to evaluate (1 failed inputs skipped)"),
])
def test_malformed_predictions_name_the_line_or_id(tmp_path, lines, message):
    path = write_lines(tmp_path / "p.jsonl", lines)
    with pytest.raises(InputError) as info:
        load_records(path)
    assert message in str(info.value)


def test_sources_directory_references_and_skipped_failures(tmp_path):
    predictions = write_lines(tmp_path / "p.jsonl", [
        {"id": "002_86f724fbe4640ba6", "summary": "Rebels took at least 11 villages."},
        {"id": "broken", "path": "x.txt", "error": "x.txt: no such file"},
        {"id": "004_1303be2f307863c3", "summary": "The war began in 2011."},
    ])
    references = write_lines(tmp_path / "r.jsonl",
                             [{"id": "002_86f724fbe4640ba6", "reference": "11 villages."}])
    notes = []
    records = load_records(predictions, references, ROOT / "seeds", note=notes.append)
    assert [r.id for r in records] == ["002_86f724fbe4640ba6", "004_1303be2f307863c3"]
    assert records[0].reference == "11 villages." and records[1].reference is None
    assert any("broken" in n and "skipped" in n for n in notes) and any("004_" in n for n in notes)
    assert "Qomhana" in records[0].sources[0]
    with pytest.raises(InputError, match="id nowhere.*no source file"):
        load_records(write_lines(tmp_path / "q.jsonl", [{"id": "nowhere", "summary": "x"}]), None,
                     ROOT / "seeds")
    with pytest.raises(InputError, match="line 1 .*no 'reference'"):
        load_records(predictions, write_lines(tmp_path / "bad.jsonl", [{"id": "a"}]), ROOT / "seeds")


def test_summarize_json_records_are_predictions(tmp_path):
    """The fields `mlsum summarize --json` prints: `text` is the English article, `original` the French."""
    original = (DATA / "fr_002_86f724fbe4640ba6.txt").read_text(encoding="utf-8")
    translation = (DATA / "en_002_translation.txt").read_text(encoding="utf-8")
    record = {"id": "fr-002", "path": "fr.txt", "language": "fr", "probability": 0.99, "title": None,
              "date": None, "source": "France 24", "summary": "Rebels took at least 11 villages near Hama.",
              "translated": True, "model": "m", "parts": 1, "text": translation, "original": original,
              "timings": {"summarize": 0.1}}
    [loaded] = load_records(write_lines(tmp_path / "p.jsonl", [record]))
    assert loaded.sources == [translation, original] and loaded.original == original
    assert loaded.translation == translation and loaded.reference is None


# CLI ---------------------------------------------------------------------------------------------------

def test_cli_evaluate_lead3(tmp_path):
    report = tmp_path / "lead3.md"
    result = invoke("evaluate", "--predictions", EVAL / "lead3.jsonl",
                    "--references", EVAL / "references.jsonl", "--sources", ROOT / "seeds", "--json",
                    "--report", report)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["documents"]) == 5 and data["corpus"]["references"] == 5
    assert data["corpus"]["figure_precision"] == 100
    assert "| 004_1303be2f307863c3 |" in report.read_text(encoding="utf-8")


@pytest.mark.parametrize("lines, message", [
    (["{\"id\": \"a\", \"summary\": \"x\", \"source\": \"y\"}", "{oops"], "line 2: invalid JSON"),
    ([{"id": "a", "source": "y"}], "record has no 'summary'"),
    ([{"id": "ghost", "summary": "x"}], "ghost"),
])
def test_cli_malformed_input_is_one_line_error(tmp_path, lines, message):
    predictions = write_lines(tmp_path / "p.jsonl", lines)
    result = invoke("evaluate", "--predictions", predictions, "--sources", tmp_path)
    assert result.exit_code == 1
    assert message in result.stderr and result.stderr.count("\n") == 1 and "Traceback" not in result.output


def test_cli_figures_json(seeds):
    result = invoke("figures", "--json", seeds[2])
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["id"] == "002_86f724fbe4640ba6"
    assert any({"text": "300,000", "value": 300000.0, "kind": "count"}.items() <= f.items()
               for f in record["figures"])
    text = invoke("figures", seeds[2])
    assert "8 km\tdistance\t8\tkilometer" in text.stdout


def test_summarize_json_output_feeds_evaluate(tmp_path, seeds, tiny_models):
    predictions = tmp_path / "predictions.jsonl"
    result = invoke("summarize", "--json", seeds[2], "--model", tiny_models["bart"], "--device", "cpu",
                    "--num-beams", "1", "--max-new-tokens", "8", "--quiet")
    assert result.exit_code == 0, result.output
    predictions.write_text(result.stdout, encoding="utf-8")
    evaluated = invoke("evaluate", "--predictions", predictions, "--references", EVAL / "references.jsonl",
                       "--json")
    assert evaluated.exit_code == 0, evaluated.output
    [document] = json.loads(evaluated.stdout)["documents"]
    assert document["id"] == "002_86f724fbe4640ba6" and document["rouge1"] is not None
    # the record's `source` is the outlet ("TRT World and Agencies"); figures are checked against `text`
    [record] = load_records(predictions)
    assert "Qomhana" in record.sources[0]
