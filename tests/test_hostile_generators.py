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
