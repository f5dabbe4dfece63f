"""`mlsum evaluate` with several systems: names, alignment on the same documents, the comparison in
JSON, Markdown and HTML, and the errors when systems do not cover the same documents."""

import json

import pytest

from mlsum.errors import InputError
from mlsum.evaluate import load_systems
from test_evaluate import EVAL, ROOT, invoke, read_jsonl, write_lines

REFERENCES = EVAL / "references.jsonl"


def evaluate_args(*predictions, extra=()):
    args = ["evaluate", "--references", REFERENCES, "--sources", ROOT / "seeds", *extra]
    for value in predictions:
        args += ["--predictions", value]
    return args


def test_two_systems_side_by_side(tmp_path):
    markdown, html = tmp_path / "report.md", tmp_path / "report.html"
    result = invoke(*evaluate_args(EVAL / "lead3.jsonl", EVAL / "lexrank.jsonl",
                                   extra=["--json", "--report", markdown, "--report", html]))
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [s["name"] for s in report["systems"]] == ["lead-3", "lexrank"]  # from the records' `model`
    assert report["comparison"]["baseline"] == "lead-3"
    [lexrank] = report["comparison"]["systems"]
    assert lexrank["differing_documents"] == 5
    lead3_corpus, lexrank_corpus = (s["corpus"] for s in report["systems"])
    for name, values in lexrank["metrics"].items():
        if lead3_corpus[name] is not None:
            assert values["difference"] == pytest.approx(lexrank_corpus[name] - lead3_corpus[name])
            assert 0 < values["p_bootstrap"] <= 1 and 0 < values["p_randomization"] <= 1
    assert [d["id"] for d in report["systems"][1]["documents"]] == [d["id"] for d in report["systems"][0]["documents"]]
    text = markdown.read_text(encoding="utf-8")
    assert "| metric | lead-3 | lexrank | lexrank − lead-3: Δ (p bootstrap / randomization) |" in text
    assert "## lead-3" in text and "## lexrank" in text and "10000 randomization trials, seed 12345" in text
    bleu_row = next(line for line in text.splitlines() if line.startswith("| BLEU |"))
    assert f"{lexrank['metrics']['bleu']['difference']:+.2f} ({lexrank['metrics']['bleu']['p_bootstrap']:.4f}" in bleu_row
    page = html.read_text(encoding="utf-8")
    assert "<th>lexrank − lead-3</th>" in page and page.count('<article class="doc"') == 5


def test_resampling_options_reach_the_report():
    result = invoke(*evaluate_args(EVAL / "lead3.jsonl", EVAL / "lexrank.jsonl",
                                   extra=["--json", "--bootstrap", "200", "--trials", "500", "--seed", "3"]))
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["comparison"]["resampling"] == {"samples": 200, "trials": 500, "seed": 3}
    assert "|bs:200|ar:500|seed:3|" in report["systems"][0]["corpus"]["signatures"]["bleu"]
    assert invoke(*evaluate_args(EVAL / "lead3.jsonl", extra=["--seed", "0"])).exit_code == 2


def test_names_from_name_equals_path_and_from_files(tmp_path):
    copy = tmp_path / "again.jsonl"
    copy.write_text((EVAL / "lead3.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    systems = load_systems([f"mine={EVAL / 'lexrank.jsonl'}", str(EVAL / "lead3.jsonl"), str(copy)],
                           REFERENCES, ROOT / "seeds")
    assert [s.name for s in systems] == ["mine", "lead3", "again"]  # lead-3 twice: named by their files
    unnamed = write_lines(tmp_path / "plain.jsonl", [{k: v for k, v in r.items() if k != "model"}
                                                     for r in read_jsonl(EVAL / "lead3.jsonl")])
    assert load_systems([str(unnamed)], REFERENCES, ROOT / "seeds")[0].name == "plain"
    other = tmp_path / "x"
    other.mkdir()
    (other / "lead3.jsonl").write_text(copy.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(InputError, match="two systems are named 'lead3'.*NAME=PATH"):
        load_systems([str(EVAL / "lead3.jsonl"), str(other / "lead3.jsonl")], REFERENCES, ROOT / "seeds")


def test_a_document_missing_from_one_system_is_an_error(tmp_path):
    records = read_jsonl(EVAL / "lexrank.jsonl")
    short = write_lines(tmp_path / "short.jsonl", records[:2] + records[3:])
    result = invoke(*evaluate_args(EVAL / "lead3.jsonl", short))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.count("\n") == 1
    assert f"short.jsonl) lacks 1 document(s) of lead-3: {records[2]['id']}" in result.stderr
    failed = write_lines(tmp_path / "failed.jsonl", records[:2] + [
        {"id": records[2]["id"], "path": "x.txt", "error": "x.txt: cannot read"}] + records[3:])
    result = invoke(*evaluate_args(EVAL / "lead3.jsonl", failed))
    assert result.exit_code == 1 and "lacks 1 document(s)" in result.stderr and "skipped" in result.stderr
    extra = write_lines(tmp_path / "extra.jsonl", records + [{"id": "stray", "summary": "x", "source": "y"}])
    result = invoke(*evaluate_args(EVAL / "lead3.jsonl", extra))
    assert result.exit_code == 1 and "has 1 document(s) that lead-3 lacks: stray" in result.stderr


def test_systems_must_share_references(tmp_path):
    records = read_jsonl(EVAL / "lexrank.jsonl")
    records[0]["reference"] = "Another reference."
    own = write_lines(tmp_path / "own.jsonl", records)
    with pytest.raises(InputError, match=f"id {records[0]['id']}: its reference differs from lead-3's"):
        load_systems([str(EVAL / "lead3.jsonl"), str(own)], REFERENCES, ROOT / "seeds")
