"""The hostile inputs of ``frnews-ner bench --hostile``: each generator gives what it promises, and the
pipeline returns well-formed records on 20,000 characters of each (speed is measured by the bench only)."""

from __future__ import annotations

import pytest

from frnews_ner import Extraction
from frnews_ner.evaluation.hostile import GENERATORS, generate

SIZE = 20_000
PUBLISHED = "2020-06-15"


def test_the_suite_has_ordinary_news_first_and_the_issue_s_seven_hostile_shapes() -> None:
    assert GENERATORS == ("news", "date-list", "dates-with-verbs", "weekday-list", "numbers", "capitalised",
                          "no-punctuation", "newlines")


@pytest.mark.parametrize("name", GENERATORS)
def test_a_generator_gives_exactly_the_size_asked_and_the_same_text_each_time(name: str) -> None:
    text = generate(name, 5_000)
    assert len(text) == 5_000
    assert text == generate(name, 5_000)
    assert generate(name, 0) == ""
    assert generate(name, 5_000, seed=3) != text or name == "weekday-list"


def test_the_generators_have_the_shape_their_name_says() -> None:
    assert generate("weekday-list", 41) == "lundi, mardi, mercredi, jeudi, vendredi, "
    assert not any(c in generate("no-punctuation", 5_000) for c in ".,;:!?«»\n")
    newlines = generate("newlines", 5_000)
    assert newlines.count("\n") > len(newlines) / 2
    numbers = generate("numbers", 5_000)
    assert sum(c.isdigit() for c in numbers) > len(numbers) / 2
    assert all(w[:1].isupper() for w in generate("capitalised", 5_000).split()[:-1])
    assert generate("date-list", 5_000).count(", le ") > 100


def test_an_unknown_generator_or_a_negative_size_is_refused_with_the_choices() -> None:
    with pytest.raises(ValueError, match="must be one of news, date-list.*got 'calendar'"):
        generate("calendar", 100)
    with pytest.raises(ValueError, match="non-negative number of characters, got -1"):
        generate("news", -1)


@pytest.mark.model
@pytest.mark.parametrize("name", GENERATORS)
def test_the_records_of_a_hostile_text_point_at_its_characters(extractor, name: str) -> None:
    text = generate(name, SIZE)
    ex = extractor.extract(text, published=PUBLISHED)
    for entity in ex.entities:
        for m in entity.mentions:
            assert 0 <= m.start < m.end <= len(text), (entity.name, m)
            assert text[m.start:m.end] == m.text, (entity.name, m)
    for d in ex.dates:
        assert 0 <= d.start < d.end <= len(text), d
        assert text[d.start:d.end] == d.text, d
    starts = [d.start for d in ex.dates]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(ex.dates, ex.dates[1:])), "dates overlap"
    assert Extraction.from_json(ex.to_json()) == ex
    if name in ("date-list", "dates-with-verbs", "weekday-list"):
        assert len(ex.dates) > SIZE / 100, f"{len(ex.dates)} dates in {SIZE} characters of {name}"
    if name == "weekday-list":
        assert all(d.type == "DATE" for d in ex.dates)


def _bench_args(argv: list[str]):
    import argparse

    from frnews_ner.evaluation import cli

    parser = argparse.ArgumentParser(prog="frnews-ner")
    cli.add_parsers(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(["bench", *argv])


def test_bench_hostile_options_default_to_the_issue_s_sizes_and_every_generator() -> None:
    a = _bench_args(["--hostile"])
    assert a.hostile and a.sizes == "10000,100000,1000000" and a.generators is None
    a = _bench_args(["--hostile", "--sizes", "20000", "--generators", "news,numbers"])
    assert (a.sizes, a.generators) == ("20000", "news,numbers")
    assert _bench_args([]).split == "dev"


@pytest.mark.parametrize(("argv", "message"), [
    (["--generators", "news,calendar"], "--generators: unknown calendar; expected some of news, date-list"),
    (["--sizes", "10k"], "--sizes: expected comma-separated numbers of characters, got '10k'"),
])
def test_bench_hostile_refuses_unknown_generators_and_sizes_before_running(argv, message, capsys) -> None:
    a = _bench_args(["--hostile", *argv])
    assert a.func(a) == 2
    assert message in capsys.readouterr().err


def test_the_hostile_table_gives_the_cost_per_character_against_news() -> None:
    from frnews_ner.evaluation.bench import render_hostile

    row = {"generator": "weekday-list", "size": 10_000, "mode": "frnews", "seconds": 0.5, "us_per_char": 50.0,
           "peak_rss_mb": 480.0, "entities": 0, "dates": 1187, "vs_news": 1.25}
    out = render_hostile({"model": "m", "rows": [row, {**row, "generator": "news", "mode": "spacy", "vs_news": 1.0}]})
    assert "weekday-list" in out and "50.0" in out and "1.25" in out and "news (bare spaCy)" in out


@pytest.mark.model
def test_component_shares_time_every_stage_of_the_pipeline_in_order(extractor) -> None:
    from frnews_ner.evaluation.bench import component_shares

    articles = [("Le maire de Lille a reçu samedi la ministre italienne.", "2024-12-15"),
                ("Une longue dépêche. " * 50, None)]
    seconds = component_shares(extractor, articles, batch_size=2)
    assert list(seconds) == ["make_doc", *extractor.nlp.pipe_names, "records"]
    assert all(s >= 0 for s in seconds.values())
