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
    monkeypatch.setattr(cli, "Extractor", lambda model=None, rules=(): extractor)

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
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in results] == ["a", "e"]
    assert "line 2:" in err and "line 3:" in err and "line 4:" in err
    assert "expected a string 'text' field, found int" in err
    assert "3 bad input line(s) skipped" in err
