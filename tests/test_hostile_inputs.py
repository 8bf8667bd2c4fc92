"""Hostile inputs: nothing lost, nothing fatal (issue 14, items 1, 2 and 7).

Rule-free parts (offset maps, JSONL decoding, records, output safety) run without a model; the
rest uses the session's pipeline and is marked ``model``. Every fixture is generated here.
"""

from __future__ import annotations

import io
import json
import os
import sys
import unicodedata
from datetime import date

import pytest

import frnews_ner
from frnews_ner import cli
from frnews_ner.errors import PublishedDateError, RecordError
from frnews_ner.jsonl import output_id, parse_lines
from frnews_ner.processing_text import DIGIT_RUN_LIMIT, ProcessingText
from frnews_ner.published import parse_published
from frnews_ner.records import ErrorRecord, Extraction, read_result

DIGITS = "7" * 5_000
NFC_SENTENCE = "Le 14 décembre 2024, Hélène Dupré était à Besançon avec Émile Zola."


# ---- the processing copy and its offset map (no model) -----------------------------------------

def test_nfd_text_is_composed_and_every_offset_maps_back_exactly():
    nfd = unicodedata.normalize("NFD", NFC_SENTENCE)
    assert len(nfd) > len(NFC_SENTENCE)
    pt = ProcessingText.of(nfd)
    assert pt.text == NFC_SENTENCE
    for word in ("décembre", "Hélène Dupré", "Besançon", "Émile Zola", "2024"):
        start = NFC_SENTENCE.index(word)
        o_start, o_end = pt.to_original(start, start + len(word))
        assert unicodedata.normalize("NFC", nfd[o_start:o_end]) == word
        assert nfd[o_start:o_end] == unicodedata.normalize("NFD", word)


def test_surrogates_and_long_digit_runs_keep_the_length():
    text = "Lyon \ud800 et " + DIGITS + " fin \udfff."
    pt = ProcessingText.of(text)
    assert len(pt.text) == len(text) and pt.identity
    assert "\ud800" not in pt.text and "\udfff" not in pt.text
    assert "7" * (DIGIT_RUN_LIMIT + 1) not in pt.text and pt.text.startswith("Lyon   et xxx")
    pt.text.encode("utf-8")  # what spaCy's string store needs
    assert ProcessingText.of("Le 14 juillet 2023, 1789.").text == "Le 14 juillet 2023, 1789."


def test_text_already_nfc_is_processed_as_is():
    pt = ProcessingText.of(NFC_SENTENCE)
    assert pt.text is NFC_SENTENCE and pt.to_original(3, 5) == (3, 5)


# ---- JSONL lines decoded one by one (no model) -------------------------------------------------

def test_jsonl_lines_bom_invalid_utf8_and_json_messages():
    lines = [b'\xef\xbb\xbf{"id": 1, "text": "Lyon."}\n', b'{"text": "caf\xe9"}\n', b"\n", b"{pas du json\n",
             b'"juste une cha\xc3\xaene"\n', '{"text": "a\u2028b"}\n'.encode()]
    got = list(parse_lines(lines))
    assert got[0] == (1, {"id": 1, "text": "Lyon."})
    assert [n for n, _ in got] == [1, 2, 4, 5, 6]
    assert str(got[1][1]) == "line 2: invalid UTF-8 at byte 14 (0xe9): invalid continuation byte"
    assert str(got[2][1]) == "line 4: invalid JSON: Expecting property name enclosed in double quotes at character 2"
    assert "column" not in str(got[2][1])
    assert str(got[3][1]) == "line 5: expected a JSON object, found a string"
    assert got[4] == (6, {"text": "a\u2028b"})  # U+2028 inside a string is no line end


def test_a_bom_elsewhere_than_the_first_line_is_kept():
    (_, first), (_, second) = parse_lines([b'{"text": "a"}\n', b'\xef\xbb\xbf{"text": "b"}\n'])
    assert first == {"text": "a"} and "invalid JSON" in str(second)


@pytest.mark.parametrize("obj, expected", [({"id": "4"}, "4"), ({"id": 4}, 4), ({}, 9), ({"id": None}, 9),
                                           ({"id": {"a": 1}}, None), ({"id": [1]}, None), ({"id": True}, None)])
def test_output_id_keeps_the_json_type_and_uses_the_line_number(obj, expected):
    got = output_id(obj, 9)
    assert got == expected and type(got) is type(expected)


# ---- records (no model) ------------------------------------------------------------------------

def test_error_record_round_trip_and_from_dict_says_it_is_no_result():
    record = ErrorRecord(type="InputError", message="line 3: expected a JSON object, found an array", line=3, id=3)
    data = json.loads(record.to_json())
    assert data == {"schema": "frnews_ner/1", "id": 3, "line": 3, "version": frnews_ner.__version__,
                    "error": {"type": "InputError", "message": "line 3: expected a JSON object, found an array"}}
    assert read_result(record.to_json()) == record
    with pytest.raises(RecordError, match=r"an error record, not a result \(line 3 \(id 3\): InputError: line 3"):
        Extraction.from_dict(data)


def test_ids_keep_their_type_through_json_and_a_dict_id_is_refused():
    for doc_id in ("4", 4, None):
        ex = Extraction(model="m", published=None, id=doc_id)
        back = Extraction.from_json(ex.to_json())
        assert back == ex and type(back.id) is type(doc_id)
    with pytest.raises(RecordError, match=r"^id: expected str or int, found \{'a': 1\}"):
        Extraction.from_dict({"model": "m", "id": {"a": 1}})
    with pytest.raises(RecordError, match=r"^id: expected str or int, found True"):
        Extraction.from_dict({"model": "m", "id": True})


def test_results_carry_the_library_version():
    assert Extraction(model="m", published=None).to_dict()["version"] == frnews_ner.__version__
    assert Extraction.from_dict({"model": "m"}).version is None  # a result of a version before the field


# ---- published (no model) ----------------------------------------------------------------------

def test_missing_markers_of_data_frames_mean_no_publication_date():
    assert parse_published(float("nan")) is None
    np = pytest.importorskip("numpy")
    assert parse_published(np.datetime64("NaT")) is None
    assert parse_published(np.datetime64("2024-12-15T08:30")) == date(2024, 12, 15)
    with pytest.raises(PublishedDateError, match=r"got array\(\[1, 2\]\)"):
        parse_published(np.array([1, 2]))


def test_pandas_nat_means_no_publication_date():
    pd = pytest.importorskip("pandas")
    assert parse_published(pd.NaT) is None
    assert parse_published(pd.Timestamp("2024-12-15 23:30")) == date(2024, 12, 15)


def test_a_bad_published_never_loads_a_model(monkeypatch):
    def no_model(*args, **kwargs):
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(frnews_ner.extractor, "default_extractor", no_model)
    monkeypatch.setattr(frnews_ner.extractor.Extractor, "__init__", no_model)
    with pytest.raises(PublishedDateError, match="got 'demain'"):
        frnews_ner.extract("Lyon.", published="demain")
    with pytest.raises(PublishedDateError, match=r"got \[2024\]"):
        frnews_ner.extract("Lyon.", published=[2024])  # type: ignore[arg-type]
    code = cli.main(["extract", "-", "--published", "demain"])
    assert code == 2


# ---- output safety (no model: refused before the model loads) ----------------------------------

def _no_model(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(cli, "Extractor", refuse)


@pytest.mark.parametrize("link", ["same", "symlink", "hardlink"])
def test_output_that_is_the_input_is_refused_and_the_input_untouched(tmp_path, monkeypatch, capsys, link):
    _no_model(monkeypatch)
    source = tmp_path / "in.jsonl"
    content = json.dumps({"id": "a", "text": "Lyon."}) + "\n"
    source.write_text(content, encoding="utf-8")
    output = source if link == "same" else tmp_path / "out.jsonl"
    if link == "symlink":
        output.symlink_to(source)
    elif link == "hardlink":
        os.link(source, output)
    for extra in ([], ["--resume"]):
        code = cli.main(["extract", "--jsonl", str(source), "-o", str(output), *extra])
        err = capsys.readouterr().err
        assert code == 2
        assert f"-o {output} is the input file {source} itself (the same file, or a link to it)" in err
        assert source.read_text(encoding="utf-8") == content
    assert cli.main(["extract", str(source), "-o", str(output)]) == 2


def test_without_a_command_the_help_is_printed_exit_2(capsys):
    assert cli.main([]) == 2
    out = capsys.readouterr().out
    assert "usage: frnews-ner" in out and "extract" in out and "without a command" in out


def test_version(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"frnews-ner {frnews_ner.__version__}"


def test_extract_help_shows_examples_and_what_happens_without_published(capsys):
    with pytest.raises(SystemExit):
        cli.main(["extract", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "examples:" in out and "frnews-ner extract --jsonl articles.jsonl -o results.jsonl --resume" in out
    assert "never resolved against today" in out
    assert 'an item without id (or with "id": null) gets its line number, an integer' in out


def test_a_corrupt_line_in_the_middle_of_an_output_stops_resume(tmp_path, monkeypatch, capsys):
    _no_model(monkeypatch)
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": "Lyon."}) + "\n", encoding="utf-8")
    output = tmp_path / "out.jsonl"
    output.write_text('{"schema": "frnews_ner/1", "id": 1, "line": 1}\nGARBAGE\n{"id": 2, "line": 2}\n',
                      encoding="utf-8")
    before = output.read_text(encoding="utf-8")
    assert cli.main(["extract", "--jsonl", str(source), "-o", str(output), "--resume"]) == 2
    assert f"{output}:2: expected a result or an error record of an earlier run" in capsys.readouterr().err
    assert output.read_text(encoding="utf-8") == before


# ---- with the model ----------------------------------------------------------------------------

def _offsets_exact(text, result):
    for entity in result.entities:
        for m in entity.mentions:
            assert text[m.start:m.end] == m.text, m
    for d in result.dates:
        assert text[d.start:d.end] == d.text, d


@pytest.mark.model
def test_five_thousand_digits_give_a_result(extractor):
    text = f"Le numéro {DIGITS} a été publié à Lyon le 3 mars 2024."
    result = extractor.extract(text, published="2024-12-15")
    _offsets_exact(text, result)
    assert [(d.text, d.value) for d in result.dates] == [("le 3 mars 2024", "2024-03-03")]
    assert "Lyon" in {e.name for e in result.entities}


@pytest.mark.model
def test_lone_surrogate_gives_a_result_with_offsets_in_the_callers_string(extractor):
    text = "Angela Merkel \ud800 est à Berlin le 14 juillet 2023."
    result = extractor.extract(text, published="2024-12-15")
    _offsets_exact(text, result)
    assert {"Angela Merkel", "Berlin"} <= {e.name for e in result.entities}
    assert [d.value for d in result.dates] == ["2023-07-14"]


@pytest.mark.model
def test_nfd_text_gives_the_same_dates_and_entities_as_nfc(extractor):
    nfd = unicodedata.normalize("NFD", NFC_SENTENCE)
    nfc_result = extractor.extract(NFC_SENTENCE, published="2024-12-15")
    nfd_result = extractor.extract(nfd, published="2024-12-15")
    _offsets_exact(nfd, nfd_result)
    assert [d.value for d in nfd_result.dates] == [d.value for d in nfc_result.dates] == ["2024-12-14"]
    assert [(e.id, e.name, len(e.mentions)) for e in nfd_result.entities] == \
        [(e.id, e.name, len(e.mentions)) for e in nfc_result.entities]
    assert [unicodedata.normalize("NFC", d.text) for d in nfd_result.dates] == [d.text for d in nfc_result.dates]


@pytest.mark.model
def test_extract_many_raise_names_the_item_and_record_keeps_going(extractor):
    items = [{"id": "a", "text": "Jean Dupont est à Lyon."}, {"id": 7, "text": None},
             {"id": "c", "text": "Paul Durand est à Nice.", "published": "hier"}, "Marseille."]
    got = []
    with pytest.raises(TypeError, match=r"^item 1 \(id 7\): text must be str, got NoneType") as raised:
        for result in extractor.extract_many(items):
            got.append(result)
    assert [r.id for r in got] == ["a"] and isinstance(raised.value, TypeError)
    records = list(extractor.extract_many(items, errors="record"))
    assert [type(r).__name__ for r in records] == ["Extraction", "ErrorRecord", "ErrorRecord", "Extraction"]
    assert (records[1].id, records[1].index, records[1].type) == (7, 1, "TypeError")
    assert (records[2].id, records[2].type) == ("c", "PublishedDateError")
    assert "got 'hier'" in records[2].message
    with pytest.raises(ValueError, match="errors must be 'raise' or 'record'; got 'ignore'"):
        extractor.extract_many(items, errors="ignore")  # type: ignore[call-overload]


@pytest.fixture
def fragile_dates(extractor, monkeypatch):
    """The session pipeline's date tagger, made to fail on any doc that says « BOUM »."""
    component = extractor.nlp.get_pipe("frnews_dates")
    real = type(component).__call__

    def fragile(self, doc):
        if "BOUM" in doc.text:
            raise RuntimeError("the date tagger broke on this one")
        return real(self, doc)

    monkeypatch.setattr(type(component), "__call__", fragile)


@pytest.mark.model
def test_a_document_that_fails_in_a_component_spoils_only_itself(extractor, fragile_dates):
    texts = ["Jean Dupont est à Lyon.", "BOUM à Nice.", "Paul Durand est à Metz samedi."]
    records = list(extractor.extract_many(texts, batch_size=8, errors="record"))
    assert [type(r).__name__ for r in records] == ["Extraction", "ErrorRecord", "Extraction"]
    assert (records[1].index, records[1].type, records[1].message) == (1, "RuntimeError",
                                                                       "the date tagger broke on this one")
    assert "Lyon" in {e.name for e in records[0].entities} and records[2].dates


HOSTILE_LINES: list[tuple[bytes, object]] = [
    # (the input line, what its output line must be: an entity name found, or the error type and message)
    (b'\xef\xbb\xbf{"id": "bom", "text": "Angela Merkel est \xc3\xa0 Berlin.", "published": "2021-06-01"}',
     "Angela Merkel"),
    (b'{"id": "utf8", "text": "caf\xe9 \xe0 Lyon"}', ("InputError", "line 2: invalid UTF-8 at byte 28 (0xe9)")),
    (b'{"id": "surrogate", "text": "Emmanuel Macron \\ud800 est \\u00e0 Paris."}', "Emmanuel Macron"),
    (json.dumps({"id": "digits", "text": f"Le code {DIGITS} est à Rennes."}).encode(), "Rennes"),
    (b"", None),  # an empty line: no output line
    (b"[1, 2, 3]", ("InputError", "line 6: expected a JSON object, found an array")),
    (b'{"id": "notext", "published": "2024-12-15"}', ("InputError", "line 7: expected a string 'text' field, "
                                                                     "found none")),
    (b'{"id": "badpub", "text": "Lyon.", "published": "demain"}',
     ("PublishedDateError", "line 8: published must be a date, a datetime or an ISO date string")),
    (b'{"id": {"x": 1}, "text": "Lyon."}',
     ("InputError", "line 9: expected the id to be a string or an integer, found dict")),
    (b'{"id": "bom", "text": "Paul Durand est \xc3\xa0 Nice."}', "Paul Durand"),  # a duplicate id
    (b'{"id": null, "text": "Jean Dupont est \xc3\xa0 Lille."}', "Jean Dupont"),
    (json.dumps({"id": "nfd", "text": unicodedata.normalize("NFD", NFC_SENTENCE)}).encode(), "Hélène Dupré"),
    (b"{pas du json", ("InputError", "line 13: invalid JSON: Expecting property name enclosed in double quotes "
                                     "at character 2")),
    (b'{"text": "Fin \xc3\xa0 Metz."}', "Metz"),
]


@pytest.fixture
def run_cli(extractor, monkeypatch, capsys):
    monkeypatch.setattr(cli, "Extractor", lambda model=None, rules=(), **options: extractor)

    def _run(argv, stdin: bytes | None = None):
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        code = cli.main(argv)
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@pytest.mark.model
def test_a_jsonl_file_of_every_hostile_line_gives_one_record_per_line_in_order(run_cli, tmp_path):
    source = tmp_path / "hostile.jsonl"
    source.write_bytes(b"\n".join(line for line, _ in HOSTILE_LINES) + b"\n")
    output = tmp_path / "out.jsonl"
    code, _, err = run_cli(["extract", "--jsonl", str(source), "-o", str(output)])
    assert code == 1
    raw = output.read_bytes()
    raw.decode("utf-8")  # the output is valid UTF-8 (the surrogate stays a JSON escape)
    out_lines = raw.decode("utf-8").splitlines()
    records = [read_result(line) for line in out_lines]
    expected = [(n, want) for n, (_, want) in enumerate(HOSTILE_LINES, start=1) if want is not None]
    assert len(records) == len(expected)
    for out_line, record, (line, want) in zip(out_lines, records, expected):
        assert json.loads(out_line)["line"] == line
        if isinstance(want, tuple):
            assert isinstance(record, ErrorRecord), (line, record)
            assert record.type == want[0] and record.message.startswith(want[1]), (line, record)
            assert f"frnews-ner: {source}:{line}: {record.message.removeprefix(f'line {line}: ')}" in err
        else:
            assert isinstance(record, Extraction), (line, record)
            assert want in {e.name for e in record.entities}, (line, record)
    ids = [json.loads(line)["id"] for line in raw.decode("utf-8").splitlines()]
    assert ids == ["bom", None, "surrogate", "digits", None, "notext", "badpub", None, "bom", 11, "nfd", None, 14]
    assert "line 10: id 'bom' already on line 1; both are kept" in err
    assert "6 input line(s) could not be processed" in err
    # the results keep their offsets in the input's own strings
    nfd = json.loads(HOSTILE_LINES[11][0])["text"]
    nfd_result = records[10]
    assert isinstance(nfd_result, Extraction)
    for entity in nfd_result.entities:
        for m in entity.mentions:
            assert nfd[m.start:m.end] == m.text
    assert [d.value for d in nfd_result.dates] == ["2024-12-14"]


@pytest.mark.model
def test_resume_matches_id_and_line_so_a_repeated_id_is_processed_once(run_cli, tmp_path):
    source = tmp_path / "in.jsonl"
    lines = [{"id": "a", "text": "Jean Dupont est à Lyon."}, {"id": "a", "text": "Paul Durand est à Nice."},
             {"text": "Angela Merkel est à Berlin."}, {"id": 3, "text": "Marseille."}, {"id": "3", "text": "Metz."}]
    source.write_text("".join(json.dumps(obj) + "\n" for obj in lines), encoding="utf-8")
    output = tmp_path / "out.jsonl"
    first = json.dumps({"schema": "frnews_ner/1", "id": "a", "line": 1, "model": "m", "entities": []})
    output.write_text(first + '\n{"schema": "frnews_ner/1", "id": "a", "li', encoding="utf-8")  # a torn last line
    code, _, err = run_cli(["extract", "--jsonl", str(source), "-o", str(output), "--resume"])
    assert code == 0, err
    got = [(json.loads(line)["id"], json.loads(line)["line"]) for line in output.read_text(encoding="utf-8").splitlines()]
    assert got == [("a", 1), ("a", 2), (3, 3), (3, 4), ("3", 5)]
    assert "--resume kept 1 line(s)" in err
    assert "line 2: id 'a' already on line 1; both are kept" in err
    assert "line 4: id 3 already on line 3; both are kept" in err
    code, _, err = run_cli(["extract", "--jsonl", str(source), "-o", str(output), "--resume"])
    assert code == 0 and "--resume kept 5 line(s)" in err
    assert len(output.read_text(encoding="utf-8").splitlines()) == 5


@pytest.mark.model
def test_output_is_replaced_only_when_the_run_ends(run_cli, extractor, monkeypatch, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": "Lyon."}) + "\n", encoding="utf-8")
    output = tmp_path / "out.jsonl"
    output.write_text("an earlier output\n", encoding="utf-8")

    def broken(self, items, **kwargs):
        raise OSError("disk on fire")
        yield  # pragma: no cover

    monkeypatch.setattr(type(extractor), "extract_many", broken)
    code, _, err = run_cli(["extract", "--jsonl", str(source), "-o", str(output)])
    assert code == 2 and "disk on fire" in err
    assert output.read_text(encoding="utf-8") == "an earlier output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]  # no temporary file left
    monkeypatch.undo()
    monkeypatch.setattr(cli, "Extractor", lambda model=None, rules=(), **options: extractor)
    code, _, _ = run_cli(["extract", "--jsonl", str(source), "-o", str(output)])
    assert code == 0
    assert [json.loads(line)["id"] for line in output.read_text(encoding="utf-8").splitlines()] == ["a"]
    assert oct(output.stat().st_mode & 0o777) != oct(0o600)  # not mkstemp's private mode


@pytest.mark.model
def test_csv_output_for_one_file_and_for_jsonl(run_cli, tmp_path):
    from frnews_ner.tables import COLUMNS

    article = tmp_path / "a.txt"
    article.write_bytes("\ufeffAngela Merkel est à Berlin samedi.".encode())
    code, out, err = run_cli(["extract", str(article), "--published", "2024-12-15", "--format", "csv"])
    assert code == 0, err
    header, *rows = out.splitlines()
    assert tuple(header.split(",")) == COLUMNS
    assert any(",mention,0,13,Angela Merkel," in row for row in rows)
    assert any(",date," in row and "2024-12-14" in row for row in rows)
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "x", "text": "Lyon."}) + "\n[]\n" + json.dumps({"text": "Nice."}) + "\n",
                      encoding="utf-8")
    code, out, err = run_cli(["extract", "--jsonl", str(source), "--format", "csv"])
    assert code == 1 and f"{source}:2: expected a JSON object, found an array" in err
    header, *rows = out.splitlines()
    assert tuple(header.split(",")) == COLUMNS
    assert [row.split(",")[0] for row in rows] == ["x", "3"]


def test_batches_never_hold_more_than_the_chunk_size():
    from frnews_ner.extractor import _batches, _Plan

    pieces = tuple((i * 100, "x" * size) for i, size in enumerate([40, 70, 10, 100, 30, 30, 30, 150]))
    plan = _Plan(0, None, None, ProcessingText.of(""), pieces)
    batches = list(_batches([(plan, n) for n in range(len(pieces))], max_docs=3, max_chars=100))
    assert [[n for _, n in batch] for batch in batches] == [[0], [1, 2], [3], [4, 5, 6], [7]]


@pytest.mark.model
def test_a_long_text_goes_through_the_pipeline_in_bounded_batches(extractor, monkeypatch):
    paragraph = "Le maire de Lyon, Grégory Doucet, a reçu Emmanuel Macron samedi 14 décembre.\n\n"
    text = paragraph * 400  # 32,000 characters
    monkeypatch.setattr(extractor, "chunk_chars", 5_000)
    seen: list[int] = []
    real_pipe = extractor.nlp.pipe

    def recording_pipe(docs, **kwargs):
        docs = list(docs)
        seen.append(sum(len(d.text) for d in docs))
        return real_pipe(docs, **kwargs)

    monkeypatch.setattr(extractor.nlp, "pipe", recording_pipe)
    result = extractor.extract(text, published="2024-12-15")
    assert len(seen) >= 7 and max(seen) <= 5_000
    assert sum(seen) == len(text)
    assert sum(len(e.mentions) for e in result.entities if e.name == "Emmanuel Macron") == 400


@pytest.mark.model
def test_the_string_store_does_not_keep_the_words_of_a_stream(extractor):
    import random
    import string

    rng = random.Random(5)

    def unseen() -> str:
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(14))

    texts = [f"Jean Dupont a parlé de {unseen()} et {unseen()} à Lyon." for _ in range(600)]
    before = len(extractor.nlp.vocab.strings)
    results = list(extractor.extract_many(texts, batch_size=16))
    assert len(results) == 600 and all("Lyon" in {e.name for e in r.entities} for r in results[:5])
    assert len(extractor.nlp.vocab.strings) - before < 100  # 1,200 new words went through


@pytest.mark.model
def test_a_text_file_with_invalid_utf8_is_an_error_naming_the_byte(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes(b"Lyon est une ville\xff.")
    code, out, err = run_cli(["extract", str(article)])
    assert code == 2 and out == ""
    assert f"{article}: invalid UTF-8 at byte 19 (0xff): invalid start byte" in err


@pytest.mark.model
def test_with_two_processes_a_failing_doc_and_a_long_text_keep_their_place(extractor, fragile_dates, monkeypatch):
    # fragile_dates patches the class before the fork: the workers have it too
    monkeypatch.setattr(extractor, "chunk_chars", 2_000)
    long_text = "Paul Durand est arrivé à Nice samedi 14 décembre.\n\n" * 120  # several chunks
    items = ["Jean Dupont est à Lyon.", "BOUM à Nice.", {"id": "long", "text": long_text},
             {"id": "bad", "text": 3}, "Angela Merkel est à Berlin."]
    one = list(extractor.extract_many(items, batch_size=2, errors="record"))
    two = list(extractor.extract_many(items, batch_size=2, n_process=2, errors="record"))
    assert [type(r).__name__ for r in two] == ["Extraction", "ErrorRecord", "Extraction", "ErrorRecord",
                                               "Extraction"]
    assert two[1].message == "the date tagger broke on this one" and two[3].id == "bad"
    assert two == one
    assert len(two[2].dates) == 120
