"""The frnews-ner command line, in-process with the session pipeline (one subprocess for -m)."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from frnews_ner import cli


@pytest.fixture
def run(extractor, monkeypatch, capsys):
    """Run the CLI with the session's Extractor; returns (exit code, stdout, stderr)."""
    monkeypatch.setattr(cli, "Extractor", lambda model=None, rules=(), **options: extractor)

    def _run(argv, stdin: str | None = None):
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = cli.main(argv)
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def test_python_dash_m_is_the_same_program():
    out = subprocess.run([sys.executable, "-m", "frnews_ner", "extract", "--help"],
                         capture_output=True, text=True, check=True).stdout
    assert "usage: frnews-ner extract" in out and "--published" in out and "--jsonl" in out


def test_extract_file_as_json(run, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Angela Merkel a rencontré Emmanuel Macron à Berlin.", encoding="utf-8")
    code, out, err = run(["extract", str(article), "--published", "2021-06-01"])
    assert code == 0, err
    result = json.loads(out)
    assert result["schema"] == "frnews_ner/1" and result["published"] == "2021-06-01"
    assert {"Angela Merkel", "Emmanuel Macron"} <= {e["name"] for e in result["entities"]}


def test_extract_stdin_as_table(run):
    code, out, _ = run(["extract", "-", "--format", "table"], stdin="Angela Merkel est à Berlin.")
    assert code == 0
    assert out.splitlines()[0].split()[:3] == ["label", "id", "name"]
    assert "Angela Merkel" in out


def test_bad_published_is_an_error_on_stderr(run, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Rien.", encoding="utf-8")
    code, out, err = run(["extract", str(article), "--published", "demain"])
    assert code == 2 and out == ""
    assert "published must be" in err and "'demain'" in err


def test_missing_file_is_an_error_on_stderr(run, tmp_path):
    code, out, err = run(["extract", str(tmp_path / "absent.txt")])
    assert code == 2 and out == ""
    assert "absent.txt" in err


def test_jsonl_bad_line_is_reported_with_its_number_and_others_survive(run):
    lines = [
        json.dumps({"id": "a", "text": "Angela Merkel est à Berlin.", "published": "2021-06-01"}),
        "{pas du json",
        json.dumps({"id": "c", "text": 12}),
        json.dumps({"id": "d", "text": "Jean Castex à Lyon.", "published": "hier"}),
        json.dumps({"id": "e", "text": "Emmanuel Macron à Paris."}),
    ]
    code, out, err = run(["extract", "--jsonl", "-"], stdin="\n".join(lines) + "\n")
    assert code == 1
    records = [json.loads(line) for line in out.splitlines()]
    assert [(r["id"], r["line"]) for r in records] == [("a", 1), (None, 2), ("c", 3), ("d", 4), ("e", 5)]
    assert [r.get("error", {}).get("type") for r in records] == [None, "InputError", "TypeError",
                                                                   "PublishedDateError", None]
    assert records[1]["error"]["message"] == ("line 2: invalid JSON: Expecting property name enclosed in double "
                                              "quotes at character 2")
    assert records[2]["error"]["message"] == "line 3: expected a string 'text' field, found int: 12"
    assert records[3]["error"]["message"].startswith("line 4: published must be")
    assert "frnews-ner: <stdin>:2: invalid JSON: Expecting property name" in err
    assert "<stdin>:3: expected a string 'text' field" in err and "<stdin>:4: published must be" in err
    assert "3 input line(s) could not be processed" in err


def _lines(*texts):
    return "".join(json.dumps({"id": f"d{i}", "text": t, "published": "2024-12-15"}) + "\n"
                   for i, t in enumerate(texts, start=1))


def test_jsonl_to_output_file_then_resume_processes_only_the_rest(run, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(_lines("Jean Dupont est à Lyon.", "Angela Merkel est à Berlin.", "Paul Durand à Nice."),
                      encoding="utf-8")
    output = tmp_path / "out.jsonl"
    # as if an earlier run was interrupted after one result and in the middle of writing the second
    output.write_text(json.dumps({"schema": "frnews_ner/1", "id": "d1", "entities": []}) + "\n{\"schema\": \"frn",
                      encoding="utf-8")
    code, out, err = run(["extract", "--jsonl", str(source), "-o", str(output), "--resume"])
    assert code == 0, err
    ids = [json.loads(line)["id"] for line in output.read_text(encoding="utf-8").splitlines()]
    assert ids == ["d1", "d2", "d3"]


def test_jsonl_skip_first_lines(run):
    code, out, _ = run(["extract", "--jsonl", "-", "--skip", "2"],
                       stdin=_lines("Un à Lyon.", "Deux à Nice.", "Trois à Metz."))
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["d3"]


def test_jsonl_strict_stops_at_the_first_bad_line(run):
    code, _, err = run(["extract", "--jsonl", "-", "--strict"], stdin=_lines("Lyon.") + "[1, 2]\n" + _lines("Nice."))
    assert code == 2
    assert "line 2: expected a JSON object, found an array" in err


def test_resume_without_output_is_refused(run):
    code, _, err = run(["extract", "--jsonl", "-", "--resume"], stdin="")
    assert code == 2 and "--resume needs --jsonl and --output" in err


def test_item_without_id_gets_its_line_number_as_an_integer(run):
    code, out, _ = run(["extract", "--jsonl", "-"],
                       stdin='{"text": "Lyon."}\n\n{"text": "Nice.", "id": null}\n{"text": "Metz.", "id": "2"}\n')
    assert code == 0
    assert [(json.loads(line)["id"], json.loads(line)["line"]) for line in out.splitlines()] == [
        (1, 1), (3, 3), ("2", 4)]


def test_interrupt_leaves_only_complete_lines_and_resume_finishes(run, extractor, monkeypatch, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(_lines("Jean Dupont est à Lyon.", "Angela Merkel est à Berlin.", "Paul Durand à Nice."),
                      encoding="utf-8")
    output = tmp_path / "out.jsonl"
    real = type(extractor).extract_many

    def interrupted(self, items, **kwargs):
        for n, result in enumerate(real(self, items, **kwargs)):
            if n == 2:
                raise KeyboardInterrupt  # Ctrl-C while the third document is processed
            yield result

    monkeypatch.setattr(type(extractor), "extract_many", interrupted)
    code, _, err = run(["extract", "--jsonl", str(source), "-o", str(output)])
    assert code == 130 and "interrupted" in err
    done = [json.loads(line)["id"] for line in output.read_text(encoding="utf-8").splitlines()]
    assert done == ["d1", "d2"]
    monkeypatch.setattr(type(extractor), "extract_many", real)
    code, _, _ = run(["extract", "--jsonl", str(source), "-o", str(output), "--resume"])
    assert code == 0
    assert [json.loads(line)["id"] for line in output.read_text(encoding="utf-8").splitlines()] == ["d1", "d2", "d3"]
