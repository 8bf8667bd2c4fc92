"""What the documentation promises: gold data provenance named when it is missing, types for IDEs."""

from __future__ import annotations

from pathlib import Path

import pytest

from frnews_ner.cli import main

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("argv", [
    ["evaluate", "dates", "--timeml", "nowhere/ftib.jsonl", "--no-anchor"],
    ["evaluate", "ner", "--winer", "nowhere/winer.jsonl", "--no-anchor"],
    ["bench", "--input", "nowhere/articles.jsonl"],
])
def test_missing_gold_data_names_the_page_that_says_where_it_comes_from(argv, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "nowhere/" in err and "docs/evaluation.md" in err


def test_the_evaluation_page_gives_every_gold_set_its_source_and_commit():
    page = (REPO / "docs" / "evaluation.md").read_text(encoding="utf-8")
    for source in ("YoannDupont/WiNER-fr", "ddenz/FR-TimeBank", "hipe-eval/HIPE-2022-data", "facebook/duckling",
                   "microsoft/Recognizers-Text", "Babelscape/wikineural", "EuropeanaNewspapers/ner-corpora"):
        assert source in page


def test_the_package_ships_its_types():
    assert (REPO / "frnews_ner" / "py.typed").is_file()
