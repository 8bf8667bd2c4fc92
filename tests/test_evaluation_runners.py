"""Runners, systems and CLI wiring without a model: hand-made systems and records."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

import pytest

from frnews_ner.evaluation import cli
from frnews_ner.evaluation.readers import GoldDocument, Span
from frnews_ner.evaluation.runners import (
    evaluate_dates,
    evaluate_linking,
    evaluate_ner,
    evaluate_specs,
    render_dates,
    render_linking,
    render_ner,
    render_specs,
)
from frnews_ner.evaluation.specs import SpecCase, SpecExpected
from frnews_ner.evaluation.systems import date_spans, extractor_system, link_spans, ner_spans
from frnews_ner.records import Entity, Extraction, KBInfo, Mention, TimeExpression

TEXT = "Le président français Emmanuel Macron est à Lyon hier."


def _extraction(text: str, published: str | None) -> Extraction:
    """What an extractor could return for TEXT, written by hand."""
    macron = Entity("local:PER/emmanuel-macron", "PER", "Emmanuel Macron", None, 0.9, (
        Mention(22, 37, "Emmanuel Macron", "name"), Mention(3, 12, "président", "title")))
    france = Entity("iso3166:FR", "LOC", "France", KBInfo("country", wikidata="Q142"), 0.9,
                    (Mention(13, 21, "français", "demonym"),))
    lyon = Entity("geonames:2996944", "LOC", "Lyon", KBInfo("city", wikidata="Q456"), 0.9,
                  (Mention(44, 48, "Lyon", "name"),))
    hier = TimeExpression(49, 53, "hier", "DATE", "2024-12-14", "day", anchor="published")
    return Extraction("toy", date.fromisoformat(published) if published else None,
                      (macron, france, lyon), (hier,))


GOLD = GoldDocument("g", TEXT, "2024-12-15", (
    Span(22, 37, "Person", "Emmanuel Macron", link="Q3052772"),
    Span(44, 48, "Location", "Lyon", link="Q456")))


def test_fixture_offsets() -> None:
    ex = _extraction(TEXT, None)
    for e in ex.entities:
        for m in e.mentions:
            assert TEXT[m.start:m.end] == m.text
    for s in GOLD.spans:
        assert TEXT[s.start:s.end] == s.text


def test_ner_spans_drop_demonyms_and_titles() -> None:
    spans = ner_spans(_extraction(TEXT, None))
    assert [(s.label, s.text) for s in spans] == [("PER", "Emmanuel Macron"), ("LOC", "Lyon")]
    assert [s.link for s in link_spans(_extraction(TEXT, None))] == [None, None, "Q142", "Q456"]
    assert [(s.label, s.value) for s in date_spans(_extraction(TEXT, None))] == [("DATE", "2024-12-14")]


def test_evaluate_with_callable_and_extractor_like_objects() -> None:
    class FakeExtractor:
        def extract_many(self, items, *, batch_size=32, n_process=1):
            for text, published in items:
                yield _extraction(text, published)

    for obj in (_extraction, FakeExtractor()):
        res = evaluate_ner([GOLD], {"toy": extractor_system(obj, ner_spans)})
        assert res["systems"]["toy"]["strict"]["micro"]["f1"] == 1.0
        assert res["systems"]["toy"]["lenient"]["micro"]["f1"] == 1.0
    text = render_ner(res)
    assert "micro" in text and "strict F1" in text and "lenient F1" in text
    # a callable may also return spans directly
    res = evaluate_ner([GOLD], {"raw": extractor_system(lambda t, p: [Span(44, 48, "LOC")], ner_spans)})
    assert res["systems"]["raw"]["strict"]["micro"]["recall"] == 0.5


def test_evaluate_dates_and_linking_render() -> None:
    gold = GoldDocument("t", TEXT, "2024-12-15", (Span(49, 53, "DATE", "hier", "2024-12-14"),))
    res = evaluate_dates([gold], {"toy": extractor_system(_extraction, date_spans)})
    assert res["systems"]["toy"]["all"]["value"]["f1"] == 1.0
    assert res["systems"]["toy"]["relative"]["strict"]["f1"] == 1.0
    assert "value F1" in render_dates(res)
    res = evaluate_linking([GOLD], {"toy": extractor_system(_extraction, link_spans)})
    s = res["systems"]["toy"]
    assert (s["linked_gold"], s["correct"]) == (2, 1)
    assert "accuracy" in render_linking(res)
    json.dumps(res)


def test_evaluate_specs() -> None:
    cases = [SpecCase("a.json", "hier", "2024-12-15", (SpecExpected(0, 4, "hier", ("2024-12-14",)),)),
             SpecCase("a.json", "demain", None, (SpecExpected(0, 6, "demain", ("2024-12-16",)),), skip="x")]

    def system(docs):
        return [[Span(0, 4, "DATE", "hier", "2024-12-14")] for _ in docs]

    res = evaluate_specs({"toy": cases}, {"sys": system})
    s = res["systems"]["sys"]["toy"]
    assert (s["cases"], s["passed"], s["skipped"]) == (1, 1, 1)
    assert "toy (all files)" in render_specs(res)


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="frnews-ner")
    sub = parser.add_subparsers(dest="command", required=True)
    cli.add_parsers(sub)
    return parser.parse_args(argv)


def test_cli_wiring() -> None:
    a = _parse(["evaluate", "ner", "--conll", "x.bio", "--limit", "3", "--json", "o.json"])
    assert a.conll == "x.bio" and a.limit == 3 and a.json == "o.json" and callable(a.func)
    assert a.split == "all"  # old commands keep scoring every document
    assert _parse(["evaluate", "ner", "--split", "dev"]).split == "dev"
    with pytest.raises(SystemExit):
        _parse(["evaluate", "ner", "--split", "test"])
    a = _parse(["evaluate", "dates", "--timeml", "d.tml", "--model", "fr_core_news_sm"])
    assert a.timeml == "d.tml" and a.model == "fr_core_news_sm"
    a = _parse(["evaluate", "specs"])
    assert a.duckling is None and a.recognizers is None
    a = _parse(["bench", "--limit", "5", "--repeat", "2", "--n-process", "1"])
    assert (a.limit, a.repeat, a.n_process) == (5, 2, [1])
    with pytest.raises(SystemExit):
        _parse(["evaluate", "ner", "--winer", "a", "--brat", "b"])


@pytest.mark.parametrize("argv", [
    ["evaluate", "ner", "--winer", "missing.jsonl"],
    ["evaluate", "ner", "--brat", "missing-dir"],
    ["evaluate", "dates", "--timeml", "missing.tml"],
    ["evaluate", "linking", "--hipe", "missing.tsv"],
    ["evaluate", "specs", "--duckling", "missing.json"],
    ["bench", "--input", "missing.jsonl"],
])
def test_cli_missing_input_exits_2(argv, tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)  # also makes the ../shared defaults absent
    args = _parse(argv)
    assert args.func(args) == 2
    assert "not found" in capsys.readouterr().err


def test_cli_split_of_undated_documents_exits_2_before_loading_a_model(tmp_path: Path, capsys) -> None:
    gold = tmp_path / "g.bio"
    gold.write_text("Paris B-LOC\n", encoding="utf-8")
    args = _parse(["evaluate", "ner", "--conll", str(gold), "--split", "dev"])
    assert args.func(args) == 2
    assert "no creation date" in capsys.readouterr().err


def test_dateparser_anchor_offsets_point_at_the_text() -> None:
    from frnews_ner.evaluation.systems import dateparser_system

    text = "Il est arrivé le 3 mai 2001 à Nancy."
    [spans] = dateparser_system()([GoldDocument("d", text, "2001-05-10")])
    assert spans, "search_dates found nothing"
    for s in spans:
        assert text[s.start:s.end] == s.text and s.label == "DATE"
    assert any(s.value == "2001-05-03" for s in spans)


def test_heideltime_output_conversion() -> None:
    from frnews_ner.evaluation.systems import _heideltime_to_spans

    text = "Hier  matin, pour trois ans."
    res = [{"text": "Hier matin", "type": "TIME", "value": "1999-05-19TMO", "span": [0, 10]},
           {"text": "trois ans", "type": "DURATION", "value": "P3Y", "span": [18, 27]}]
    spans = _heideltime_to_spans(text, res)
    # the first was normalised by HeidelTime (double space) and cannot be found: dropped
    assert [(s.text, s.value) for s in spans] == [("trois ans", "P3Y")]
    assert text[spans[0].start:spans[0].end] == "trois ans"


def test_bench_helpers(tmp_path: Path) -> None:
    from frnews_ner.evaluation.bench import load_texts, render_bench

    p = tmp_path / "a.jsonl"
    p.write_text('{"text": "Un deux"}\n\n{"text": "trois"}\n', encoding="utf-8")
    assert load_texts(p) == ["Un deux", "trois"]
    assert load_texts(p, limit=1) == ["Un deux"]
    res = {"input": "a.jsonl", "repeat": 1, "model": "m", "ratios": {"frnews/spacy n1": 0.9},
           "load": {"model_load_s": 1.0},
           "summary": {"spacy/n1": {"docs": 2, "words": 3, "words_per_s": 10.0, "peak_rss_mb": 100.0,
                                    "load_s": 1.0, "first_doc_s": 0.1}}}
    out = render_bench(res)
    assert "spacy/n1" in out and "ratio frnews/spacy n1: 0.90" in out
