"""The article the project was born from, read from ../shared (skipped where it is absent)."""

from __future__ import annotations


def _entity(extraction, name):
    found = [e for e in extraction.entities if e.name == name]
    assert found, f"no entity named {name!r} in {[e.name for e in extraction.entities]}"
    return found[0]


def test_one_zelensky_entity_holds_full_name_and_surname(seed_extraction):
    zelensky = [e for e in seed_extraction.entities if "Zelensky" in e.name]
    assert len(zelensky) == 1
    texts = {m.text for m in zelensky[0].mentions}
    assert {"Volodymyr Zelensky", "Zelensky"} <= texts
    assert zelensky[0].label == "PER"


def test_emmanuelle_chaze_is_a_person(seed_extraction):
    assert _entity(seed_extraction, "Emmanuelle Chaze").label == "PER"


def test_no_samedi_person_and_no_etat_place(seed_extraction):
    texts = {(m.text, e.label) for e in seed_extraction.entities for m in e.mentions}
    assert not any(t.casefold() == "samedi" for t, _ in texts)
    assert ("État", "LOC") not in texts


def test_no_mention_crosses_a_line_break_and_offsets_are_exact(seed_extraction, seed_text):
    for entity in seed_extraction.entities:
        for m in entity.mentions:
            assert "\n" not in m.text
            assert seed_text[m.start:m.end] == m.text
    for d in seed_extraction.dates:
        assert seed_text[d.start:d.end] == d.text


def test_seed_dates_resolve_against_the_publication_date(seed_extraction):
    by_text = {d.text: d for d in seed_extraction.dates}
    assert (by_text["Samedi 14 décembre"].value, by_text["Samedi 14 décembre"].granularity) == ("2024-12-14", "day")
    assert (by_text["le mois dernier"].value, by_text["le mois dernier"].granularity) == ("2024-11", "month")
    assert (by_text["août dernier"].value, by_text["août dernier"].anchor) == ("2024-08", "published")
    approx = by_text["près d'un mois"]
    assert (approx.type, approx.value, approx.mod) == ("DURATION", "P1M", "APPROX")


def test_seed_without_publication_date_never_guesses(extractor, seed_text):
    extraction = extractor.extract(seed_text)
    by_text = {d.text: d for d in extraction.dates}
    assert by_text["Samedi 14 décembre"].value == "XXXX-12-14"
    assert by_text["le mois dernier"].value is None and by_text["le mois dernier"].anchor == "none"
    assert all(d.anchor == "none" for d in extraction.dates)
