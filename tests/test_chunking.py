"""Cutting long texts and merging chunk records back (frnews_ner.chunking)."""

from __future__ import annotations

import pytest

from frnews_ner.chunking import merge_dates, merge_entities, split_text
from frnews_ner.records import Entity, Mention, TimeExpression


def _entity(id_, name, mentions, label="PER", kb=None):
    return Entity(id=id_, label=label, name=name, kb=kb, confidence=0.5,
                  mentions=tuple(Mention(s, s + len(t), t, "name") for s, t in mentions))


def test_chunks_cover_the_text_exactly_and_prefer_paragraph_breaks():
    text = ("Premier paragraphe assez long.\n\nDeuxième paragraphe, lui aussi long.\n\n" * 20)
    chunks = split_text(text, limit=200)
    assert "".join(c for _, c in chunks) == text
    assert all(len(c) <= 200 for _, c in chunks)
    assert all(text[o:o + len(c)] == c for o, c in chunks)
    assert all(c.endswith("\n\n") for _, c in chunks[:-1])


def test_a_text_without_any_boundary_is_cut_hard_and_nothing_is_lost():
    text = "x" * 1050
    chunks = split_text(text, limit=100)
    assert [len(c) for _, c in chunks] == [100] * 10 + [50]
    assert "".join(c for _, c in chunks) == text


def test_short_text_is_one_chunk():
    assert split_text("Court.", limit=100) == [(0, "Court.")]


def test_bad_limit_is_rejected():
    with pytest.raises(ValueError, match="positive"):
        split_text("abc", limit=0)


def test_merge_shifts_offsets_and_joins_same_ids():
    parts = [(0, [_entity("local:LOC/lyon", "Lyon", [(5, "Lyon")], label="LOC")]),
             (100, [_entity("local:LOC/lyon", "Lyon", [(3, "Lyon")], label="LOC")])]
    merged = merge_entities(parts)
    assert len(merged) == 1
    assert [(m.start, m.end) for m in merged[0].mentions] == [(5, 9), (103, 107)]


def test_surname_in_a_later_chunk_joins_the_only_full_name():
    parts = [(0, [_entity("local:PER/marie-curie", "Marie Curie", [(0, "Marie Curie")])]),
             (50, [_entity("local:PER/curie", "Curie", [(2, "Curie")])])]
    merged = merge_entities(parts)
    assert [e.id for e in merged] == ["local:PER/marie-curie"]
    assert [(m.start, m.form) for m in merged[0].mentions] == [(0, "name"), (52, "surname")]


def test_surname_shared_by_two_full_names_stays_apart():
    parts = [(0, [_entity("local:PER/marie-curie", "Marie Curie", [(0, "Marie Curie")]),
                  _entity("local:PER/pierre-curie", "Pierre Curie", [(20, "Pierre Curie")])]),
             (50, [_entity("local:PER/curie", "Curie", [(2, "Curie")])])]
    assert len(merge_entities(parts)) == 3


def test_merge_dates_shifts_offsets():
    date = TimeExpression(start=1, end=5, text="hier", type="DATE", value=None)
    assert [(d.start, d.end) for d in merge_dates([(0, [date]), (10, [date])])] == [(1, 5), (11, 15)]


def test_thousands_of_people_across_chunks_join_by_surname_only_where_unambiguous():
    # a scraped list of names: 3,000 full names in one chunk, their surnames in the next; each
    # surname joins its one full name, the two « Durand » stay apart (no comparison of all pairs)
    fulls = [_entity(f"local:PER/p{i}", f"Prénom Nom{i}", [(i * 20, f"Prénom Nom{i}")]) for i in range(3000)]
    fulls += [_entity("local:PER/a-durand", "Anne Durand", [(70000, "Anne Durand")]),
              _entity("local:PER/b-durand", "Bruno Durand", [(70020, "Bruno Durand")])]
    shorts = [_entity(f"local:PER/n{i}", f"Nom{i}", [(i * 10, f"Nom{i}")]) for i in range(3000)]
    shorts.append(_entity("local:PER/durand", "Durand", [(40000, "Durand")]))
    merged = merge_entities([(0, fulls), (100_000, shorts)])
    assert len(merged) == 3003
    by_id = {e.id: e for e in merged}
    assert [(m.start, m.form) for m in by_id["local:PER/p7"].mentions] == [(140, "name"), (100_070, "surname")]
    assert "local:PER/durand" in by_id and len(by_id["local:PER/a-durand"].mentions) == 1
