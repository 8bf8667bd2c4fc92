"""In-article grouping of mentions (frnews_ner.coref), on hand-made spans."""

from __future__ import annotations

from frnews_ner.coref import group_mentions


def _spans(text: str, items: list[tuple[str, str]]):
    out, cursor = [], 0
    for ent_text, label in items:
        start = text.index(ent_text, cursor)
        cursor = start + len(ent_text)
        out.append((start, cursor, ent_text, label))
    return out


def _summary(groups):
    return [(g.label, g.name, [(m.text, m.form) for m in g.mentions]) for g in groups]


def test_surname_joins_the_earlier_full_name():
    text = "Marie Curie arrive. Plus tard, Curie repart avec Paul Langevin."
    groups = group_mentions(_spans(text, [("Marie Curie", "PER"), ("Curie", "PER"), ("Paul Langevin", "PER")]))
    assert _summary(groups) == [
        ("PER", "Marie Curie", [("Marie Curie", "name"), ("Curie", "surname")]),
        ("PER", "Paul Langevin", [("Paul Langevin", "name")]),
    ]


def test_surname_in_a_headline_joins_the_only_later_full_name():
    text = "Curie à Stockholm\n\nMarie Curie a reçu le prix."
    groups = group_mentions(_spans(text, [("Curie", "PER"), ("Stockholm", "LOC"), ("Marie Curie", "PER")]))
    assert [(g.name, len(g.mentions)) for g in groups] == [("Marie Curie", 2), ("Stockholm", 1)]
    assert groups[0].mentions[0].form == "surname"


def test_two_people_sharing_a_surname_stay_apart_and_surname_goes_to_the_nearest_earlier():
    text = "Pierre Curie et Marie Curie travaillent. Curie publie."
    groups = group_mentions(_spans(text, [("Pierre Curie", "PER"), ("Marie Curie", "PER"), ("Curie", "PER")]))
    assert _summary(groups) == [
        ("PER", "Pierre Curie", [("Pierre Curie", "name")]),
        ("PER", "Marie Curie", [("Marie Curie", "name"), ("Curie", "surname")]),
    ]


def test_particle_surname_joins():
    text = "Ursula von der Leyen parle. Selon von der Leyen, rien ne change."
    groups = group_mentions(_spans(text, [("Ursula von der Leyen", "PER"), ("von der Leyen", "PER")]))
    assert _summary(groups) == [("PER", "Ursula von der Leyen",
                                 [("Ursula von der Leyen", "name"), ("von der Leyen", "surname")])]


def test_unknown_single_name_is_its_own_entity_with_a_deterministic_id():
    text = "Gribouille est passé par Lyon."
    groups = group_mentions(_spans(text, [("Gribouille", "PER"), ("Lyon", "LOC")]))
    assert [(g.local_id, g.mentions[0].form) for g in groups] == [
        ("local:PER/gribouille", "name"), ("local:LOC/lyon", "name")]


def test_same_place_twice_is_one_entity_and_ids_fold_accents_and_case():
    text = "Besançon puis BESANÇON."
    groups = group_mentions(_spans(text, [("Besançon", "LOC"), ("BESANÇON", "LOC")]))
    assert len(groups) == 1 and groups[0].local_id == "local:LOC/besancon"


def test_empty_input_gives_no_groups():
    assert group_mentions([]) == []
