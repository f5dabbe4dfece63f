"""Reading inputs: unique ids, corpus-confined paths, size caps, decoding per line and per file."""

import codecs
import json
import os

import pytest

from mlsum.errors import InputError
from mlsum.sources import MAX_INPUT_BYTES, ReadOptions, decode, list_inputs

FRENCH = ("L'armée syrienne a annoncé avoir envoyé des renforts dans la région, ce qui a permis de "
          "ralentir la progression des rebelles au cours des deux derniers jours.\n\n"
          "Le secrétaire général de l'ONU s'est dit alarmé par l'escalade récente de la violence.\n")
ENGLISH = "The army sent reinforcements to the region on Tuesday after rebels took several towns.\n"


def loaded(*args, **options):
    return [item.load() for item in list_inputs([str(a) for a in args], ReadOptions(**options))]


def write_jsonl(path, *records):
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records))
    return path


# -- ids ---------------------------------------------------------------------------------------------

def test_same_file_name_in_two_folders_and_two_suffixes_get_distinct_ids(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(ENGLISH)
    (tmp_path / "a" / "x.html").write_text(f"<html><body><p>{ENGLISH}</p></body></html>")
    (tmp_path / "solo.txt").write_text(ENGLISH)
    inputs = list_inputs([str(tmp_path / "a"), str(tmp_path / "b"), str(tmp_path / "solo.txt")])
    ids = [i.id for i in inputs]
    assert len(set(ids)) == 4
    assert ids[-1] == "solo"  # a unique name keeps its short id
    assert {i.id for i in inputs[:3]} == {str(tmp_path / "a" / "x.html"), str(tmp_path / "a" / "x.txt"),
                                          str(tmp_path / "b" / "x.txt")}


def test_duplicate_and_null_ids_in_jsonl_each_get_a_result(tmp_path):
    corpus = write_jsonl(tmp_path / "c.jsonl", {"id": "a", "text": ENGLISH}, {"id": None, "text": ENGLISH},
                         {"id": None, "text": FRENCH}, {"id": "a", "text": FRENCH}, {"text": ENGLISH},
                         {"id": 7, "text": ENGLISH})
    docs = loaded(corpus)
    ids = [d.id for d in docs]
    assert len(ids) == 6 and len(set(ids)) == 6
    assert ids[0] == "a" and ids[1:3] == ["c:2", "c:3"] and ids[5] == "7"
    assert docs[3].error and "duplicate id 'a'" in docs[3].error and "line 1" in docs[3].error
    assert not any(d.error for i, d in enumerate(docs) if i != 3)


def test_derived_id_never_takes_an_id_from_the_data(tmp_path):
    (tmp_path / "x.txt").write_text(ENGLISH)
    corpus = write_jsonl(tmp_path / "c.jsonl", {"id": "x", "text": FRENCH})
    ids = [i.id for i in list_inputs([str(tmp_path / "x.txt"), str(corpus)])]
    assert ids == [str(tmp_path / "x.txt"), "x"]


@pytest.mark.parametrize("value,message", [
    ([1], "'id' must be a string or an integer"), (True, "'id' must be"), (1.5, "'id' must be"),
])
def test_bad_id_types_fail_alone(tmp_path, value, message):
    corpus = write_jsonl(tmp_path / "c.jsonl", {"id": value, "text": ENGLISH}, {"id": "ok", "text": ENGLISH})
    bad, good = loaded(corpus)
    assert message in bad.error and "line 1" in bad.error and not good.error


# -- the `path` field --------------------------------------------------------------------------------

def test_relative_path_is_resolved_against_the_corpus_folder(tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.txt").write_text(ENGLISH)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "a.txt").write_text(FRENCH)  # the working directory's, must not be read
    corpus = write_jsonl(tmp_path / "data" / "c.jsonl", {"id": "a", "path": "a.txt"})
    monkeypatch.chdir(tmp_path / "elsewhere")
    [doc] = loaded(corpus)
    assert doc.text == ENGLISH


@pytest.mark.parametrize("path", ["/etc/passwd", "../outside.txt", "../../../../../../etc/passwd", "link.txt"])
def test_path_outside_the_corpus_folder_is_refused(tmp_path, path):
    (tmp_path / "outside.txt").write_text(ENGLISH)
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "link.txt").symlink_to(tmp_path / "outside.txt")
    corpus = write_jsonl(corpus_dir / "c.jsonl", {"id": "x", "path": path})
    [doc] = loaded(corpus)
    assert "outside the corpus folder" in doc.error and "--allow-any-path" in doc.error and not doc.text


def test_allow_any_path_opts_in(tmp_path):
    (tmp_path / "outside.txt").write_text(ENGLISH)
    (tmp_path / "corpus").mkdir()
    corpus = write_jsonl(tmp_path / "corpus" / "c.jsonl", {"id": "x", "path": "../outside.txt"})
    [doc] = loaded(corpus, allow_any_path=True)
    assert doc.text == ENGLISH and not doc.error


def test_path_to_a_device_is_refused_even_when_allowed(tmp_path):
    corpus = write_jsonl(tmp_path / "c.jsonl", {"id": "z", "path": "/dev/zero"})
    [doc] = loaded(corpus, allow_any_path=True)
    assert "not a regular file" in doc.error and "line 1 (id z)" in doc.error


# -- size caps ---------------------------------------------------------------------------------------

def test_dev_zero_as_an_input_is_capped():
    [doc] = loaded("/dev/zero")
    assert "too large" in doc.error


def test_large_file_and_large_text_field_are_capped(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (MAX_INPUT_BYTES // 5 + 1))
    corpus = write_jsonl(tmp_path / "c.jsonl", {"id": "t", "text": "w" * (MAX_INPUT_BYTES + 1)},
                         {"id": "ok", "text": ENGLISH})
    file_doc, text_doc, ok = loaded(big, corpus)
    assert "too large" in file_doc.error and "too large" in text_doc.error and not ok.error


def test_overlong_jsonl_line_fails_alone_without_being_held(tmp_path):
    from mlsum.jsonl import MAX_LINE_BYTES

    corpus = tmp_path / "c.jsonl"
    with corpus.open("w") as fh:
        fh.write(json.dumps({"id": "a", "text": ENGLISH}) + "\n")
        fh.write('{"id": "huge", "text": "' + "x" * (MAX_LINE_BYTES + 10) + '"}\n')
        fh.write(json.dumps({"id": "b", "text": ENGLISH}) + "\n")
    docs = loaded(corpus)
    assert [d.id for d in docs] == ["a", "c:2", "b"]
    assert "longer than" in docs[1].error and not docs[0].error and not docs[2].error


# -- decoding ----------------------------------------------------------------------------------------

def test_jsonl_lines_are_decoded_one_by_one(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(codecs.BOM_UTF8 + json.dumps({"id": "a", "text": ENGLISH}).encode() + b"\n"
                       + json.dumps({"id": "latin", "text": FRENCH}, ensure_ascii=False).encode("latin-1") + b"\n"
                       + json.dumps({"id": "b", "text": FRENCH}, ensure_ascii=False).encode() + b"\n")
    a, latin, b = loaded(corpus)
    assert not a.error and a.id == "a"  # the BOM is not part of the first record
    assert "line 2" in latin.error and "not UTF-8" in latin.error
    assert b.text == FRENCH


def test_utf16_jsonl_is_one_clear_error(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(json.dumps({"id": "a", "text": ENGLISH}).encode("utf-16"))
    [doc] = loaded(corpus)
    assert "UTF-16" in doc.error


def test_unpaired_surrogate_escape_fails_alone(tmp_path):
    corpus = write_jsonl(tmp_path / "c.jsonl", '{"id": "s", "text": "caf\\ud800 ok"}', {"id": "ok", "text": ENGLISH})
    bad, good = loaded(corpus)
    assert "surrogate" in bad.error and not good.error


def test_deeply_nested_json_is_an_error_not_a_crash(tmp_path):
    corpus = write_jsonl(tmp_path / "c.jsonl", "[" * 100_000 + "]" * 100_000)
    [doc] = loaded(corpus)
    assert "invalid JSON" in doc.error or "expected a JSON object" in doc.error


@pytest.mark.parametrize("field,value,message", [
    ("text", 42, "'text' must be a string"), ("path", ["a"], "'path' must be a string"),
    ("lang", "de", "'lang' is 'de'"),
])
def test_bad_field_types_fail_alone(tmp_path, field, value, message):
    record = {"id": "x", "text": ENGLISH, field: value}
    [doc] = loaded(write_jsonl(tmp_path / "c.jsonl", record))
    assert message in doc.error


def test_stray_byte_in_a_utf8_french_file_is_replaced_with_a_warning():
    data = FRENCH.encode()
    warnings = []
    text = decode(data[:30] + b"\xff" + data[30:], "f.txt", warn=warnings.append)
    assert "\ufffd" in text and "l'escalade récente" in text
    assert warnings == ["f.txt: 1 invalid UTF-8 byte sequence replaced with U+FFFD"]


def test_latin1_file_is_still_decoded_as_latin1():
    warnings = []
    assert decode(FRENCH.encode("latin-1"), "f.txt", warn=warnings.append) == FRENCH and not warnings


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognized(codec):
    assert decode(FRENCH.encode(codec), "f.txt") == FRENCH


@pytest.mark.parametrize("codec", ["utf-32", "utf-16", "utf-8-sig"])
def test_byte_order_marks(codec):
    assert decode(FRENCH.encode(codec), "f.txt") == FRENCH


def test_broken_utf16_after_a_bom_is_replaced_not_a_crash():
    warnings = []
    text = decode(codecs.BOM_UTF16_LE + FRENCH.encode("utf-16-le") + b"\x00", "f.txt", warn=warnings.append)
    assert text.startswith("L'armée") and warnings


def test_binary_file_is_still_binary():
    with pytest.raises(InputError, match="binary"):
        decode(os.urandom(4096), "r.bin")


def test_stray_byte_file_warns_through_the_cli(tmp_path):
    from typer.testing import CliRunner

    from mlsum.cli import app

    path = tmp_path / "fr.txt"
    data = FRENCH.encode()
    path.write_bytes(data[:30] + b"\xff" + data[30:])
    result = CliRunner().invoke(app, ["normalize", "--json", str(path)])
    assert result.exit_code == 0, result.output
    assert "mlsum: warning:" in result.stderr and "replaced with U+FFFD" in result.stderr
    record = json.loads(result.stdout)
    assert record["language"] == "fr" and record["warnings"]


def test_empty_corpus_is_an_error_not_silence(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n  \n")
    [doc] = loaded(corpus)
    assert "empty corpus" in doc.error


def test_evaluate_sources_stay_in_their_folder(tmp_path):
    from typer.testing import CliRunner

    from mlsum.cli import app

    (tmp_path / "sources").mkdir()
    (tmp_path / "secret.txt").write_text(ENGLISH)
    predictions = tmp_path / "p.jsonl"
    predictions.write_text(json.dumps({"id": "../secret", "summary": "The army sent reinforcements."}) + "\n")
    result = CliRunner().invoke(app, ["evaluate", "-p", str(predictions), "--sources", str(tmp_path / "sources")])
    assert result.exit_code == 1 and "is not a file name" in result.stderr and result.stderr.count("\n") == 1
