"""Scorers on hand-made cases whose answers are worked out by hand."""

from __future__ import annotations

import pytest

from frnews_ner.evaluation.readers import GoldDocument, Span
from frnews_ner.evaluation.scoring import (
    PRF,
    needs_anchor,
    normalize_value,
    outermost,
    score_dates,
    score_linking,
    score_ner,
    value_matches,
)

TEXT = "L'Université de Lyon accueille Jean Moulin aux Jeux de Rio."
UNIV = Span(2, 20, "Organization", "Université de Lyon")
LYON = Span(16, 20, "Location", "Lyon")
JEAN = Span(31, 42, "Person", "Jean Moulin")
JEUX = Span(47, 58, "Event", "Jeux de Rio")
RIO = Span(55, 58, "Location", "Rio")
GOLD = GoldDocument("d1", TEXT, None, (UNIV, LYON, JEAN, JEUX, RIO))


def test_text_offsets_of_the_fixture() -> None:
    for s in GOLD.spans:
        assert TEXT[s.start:s.end] == s.text


def test_prf_edge_values() -> None:
    assert PRF(0, 0, 0).f1 == 0.0
    p = PRF(1, 1, 2)
    assert (p.precision, p.recall) == (0.5, 1 / 3)
    assert p.f1 == pytest.approx(0.4)


def test_outermost_drops_nested_and_duplicates() -> None:
    assert outermost(GOLD.spans) == [UNIV, JEAN, JEUX]
    assert outermost([LYON, LYON]) == [LYON]
    assert outermost([]) == []


def test_ner_perfect_on_outermost() -> None:
    s = score_ner([GOLD], [[Span(2, 20, "ORG"), Span(31, 42, "PER")]])
    assert s.micro == PRF(2, 0, 0)
    assert s.per_type["LOC"] == PRF(0, 0, 0)  # Lyon is nested: not gold


def test_ner_nested_prediction_is_a_false_positive_but_inside_ignored_type_is_not() -> None:
    preds = [Span(16, 20, "LOC"), Span(55, 58, "LOC"), Span(31, 42, "PER")]
    s = score_ner([GOLD], [preds])
    # Lyon inside the ORG: wrong nesting → FP; Rio inside an Event (not scored) → ignored.
    assert s.per_type["LOC"] == PRF(0, 1, 0)
    assert s.per_type["ORG"] == PRF(0, 0, 1)
    assert s.ignored_predictions == 1
    assert s.micro == PRF(1, 1, 1)


def test_ner_strict_counts_a_prediction_inside_an_unscored_gold_span_as_false_positive() -> None:
    preds = [Span(16, 20, "LOC"), Span(55, 58, "LOC"), Span(55, 58, "LOC"), Span(31, 42, "PER")]
    strict = score_ner([GOLD], [preds], mode="strict")
    lenient = score_ner([GOLD], [preds], mode="lenient")
    # Rio inside the Event « Jeux de Rio »: FP in strict, ignored in lenient (counted once).
    assert strict.per_type["LOC"] == PRF(0, 2, 0)
    assert lenient.per_type["LOC"] == PRF(0, 1, 0)
    assert (strict.mode, strict.ignored_predictions, strict.inside_unscored) == ("strict", 0, 1)
    assert (lenient.mode, lenient.ignored_predictions, lenient.inside_unscored) == ("lenient", 1, 1)
    # tp and fn never differ between the modes
    for t in ("PER", "LOC", "ORG"):
        assert (strict.per_type[t].tp, strict.per_type[t].fn) == (lenient.per_type[t].tp, lenient.per_type[t].fn)
    assert strict.micro == PRF(1, 2, 1)
    assert strict.to_dict()["mode"] == "strict"


def test_ner_strict_a_gold_span_equal_to_an_unscored_one_is_still_a_true_positive() -> None:
    # « Jeux de Rio » is an Event; a prediction of the same offsets as ORG is wrong in both modes,
    # a gold PER elsewhere is right in both.
    event_as_org = Span(47, 58, "ORG")
    s = score_ner([GOLD], [[event_as_org, Span(31, 42, "PER")]], mode="strict")
    assert s.per_type["ORG"] == PRF(0, 1, 1) and s.per_type["PER"] == PRF(1, 0, 0)
    assert score_ner([GOLD], [[event_as_org]], mode="lenient").per_type["ORG"] == PRF(0, 0, 1)


def test_ner_default_mode_is_lenient_and_unknown_modes_are_refused() -> None:
    preds = [Span(55, 58, "LOC")]
    assert score_ner([GOLD], [preds]) == score_ner([GOLD], [preds], mode="lenient")
    with pytest.raises(ValueError, match="strict, lenient"):
        score_ner([GOLD], [preds], mode="relaxed")


def test_ner_wrong_type_and_overlapping_predictions() -> None:
    preds = [Span(2, 20, "LOC"),            # right span, wrong type: FP LOC + FN ORG
             Span(31, 36, "PER"), Span(31, 42, "PER"), Span(31, 42, "PER"),  # overlap + duplicate
             Span(0, 5, "MISC")]            # MISC never scored
    s = score_ner([GOLD], [preds])
    assert s.per_type["PER"] == PRF(1, 1, 0)
    assert s.per_type["LOC"] == PRF(0, 1, 0)
    assert s.per_type["ORG"] == PRF(0, 0, 1)
    assert s.micro.f1 == pytest.approx(2 * (1 / 3) * 0.5 / (1 / 3 + 0.5))


def test_ner_empty_documents_and_length_mismatch() -> None:
    empty = GoldDocument("e", "", None, ())
    assert score_ner([empty], [[]]).micro == PRF(0, 0, 0)
    assert score_ner([empty, GOLD], [[], []]).micro == PRF(0, 0, 2)
    with pytest.raises(ValueError):
        score_ner([GOLD], [])


def test_ner_accepts_gold_labels_of_each_corpus() -> None:
    g = GoldDocument("h", "Paris", None, (Span(0, 5, "loc"),))
    assert score_ner([g], [[Span(0, 5, "LOC")]]).micro == PRF(1, 0, 0)


# --------------------------------------------------------------------------- values

@pytest.mark.parametrize("raw,norm", [
    ("1999-05-18T21:45:00", "1999-05-18T21:45"), ("T07", "T07:00"), (" p3d ", "P3D"),
    ("2013-02-12T04:30:00Z", "2013-02-12T04:30"), ("", None), (None, None),
])
def test_normalize_value(raw, norm) -> None:
    assert normalize_value(raw) == norm


def test_value_matching_strict_and_lenient() -> None:
    assert value_matches("1999-05-18T21:45", "1999-05-18T21:45:00")
    assert not value_matches("1999-05-19TMO", "1999-05-19")
    assert value_matches("1999-05-19TMO", "1999-05-19", lenient=True)
    assert value_matches("PXD", "P3D", lenient=True)
    assert not value_matches("PXD", "P3M", lenient=True)
    assert value_matches("196X", "1960", lenient=True)
    assert value_matches("PRESENT_REF", "1999-05-17", published="1999-05-17", lenient=True)
    assert not value_matches("PRESENT_REF", "1999-05-16", published="1999-05-17", lenient=True)
    assert not value_matches("1999-05", None)


@pytest.mark.parametrize("text,value,relative", [
    ("hier", "1999-05-18", True), ("le 27 mai 1998", "1998-05-27", False),
    ("octobre 98", "1998-10", False), ("cette semaine", "1999-W27", True),
    ("trois ans", "P3Y", False), ("21 h 45", "1999-05-18T21:45", True),
    ("le 15 août", "XXXX-08-15", False), ("aujourd'hui", "PRESENT_REF", True),
    ("en 2001", "2001", False), ("21 h 45", None, False),
])
def test_needs_anchor(text, value, relative) -> None:
    assert needs_anchor(text, value) is relative


# --------------------------------------------------------------------------- dates

DTEXT = "Hier matin, il a plu pendant deux heures ; le 3 mai 2001 aussi."
HIER_MATIN = Span(0, 10, "TIME", "Hier matin", "1999-05-19TMO")
DEUX_H = Span(29, 40, "DURATION", "deux heures", "PT2H")
MAI = Span(43, 56, "DATE", "le 3 mai 2001", "2001-05-03")
DGOLD = GoldDocument("t", DTEXT, "1999-05-20", (HIER_MATIN, DEUX_H, MAI))


def test_date_fixture_offsets() -> None:
    for s in DGOLD.spans:
        assert DTEXT[s.start:s.end] == s.text


def test_dates_strict_relaxed_value_type() -> None:
    preds = [Span(0, 4, "DATE", "Hier", "1999-05-19"),          # relaxed only; lenient value; wrong type
             Span(29, 40, "DURATION", "deux heures", "PT2H"),   # perfect
             Span(46, 56, "DATE", "3 mai 2001", "2001-05-03"),  # relaxed; value right
             Span(57, 62, "DATE", "aussi", "2001")]             # spurious
    s = score_dates([DGOLD], [preds])
    a = s.subsets["all"]
    assert a.strict == PRF(1, 3, 2)
    assert a.relaxed == PRF(3, 1, 0)
    assert a.value == PRF(2, 2, 1)
    assert a.value_lenient == PRF(3, 1, 0)
    assert a.type == PRF(2, 2, 1)
    # Hier matin is relative; deux heures and le 3 mai 2001 are absolute. The spurious « aussi »
    # = 2001 is classed by its own text and value: a year that is not written → relative.
    assert s.subsets["relative"].relaxed == PRF(1, 1, 0)
    assert s.subsets["relative"].strict == PRF(0, 2, 1)
    assert s.subsets["absolute"].relaxed == PRF(2, 0, 0)


def test_dates_one_to_one_alignment_with_overlapping_predictions() -> None:
    preds = [Span(0, 10, "TIME", "Hier matin", "1999-05-19TMO"), Span(5, 10, "TIME", "matin", "TMO")]
    s = score_dates([DGOLD], [preds])
    assert s.subsets["all"].relaxed == PRF(1, 1, 2)
    assert s.subsets["all"].value == PRF(1, 1, 2)


def test_dates_empty_document_and_errors() -> None:
    empty = GoldDocument("e", "", "2000-01-01", ())
    s = score_dates([empty, DGOLD], [[], []], keep_errors=10)
    assert s.subsets["all"].relaxed == PRF(0, 0, 3)
    assert {e["kind"] for e in s.errors} == {"missed"}


# --------------------------------------------------------------------------- linking

def test_linking_accuracy_and_nil() -> None:
    text = "M. Dupuis à Grenoble et Paris."
    gold = GoldDocument("h", text, None, (
        Span(0, 9, "pers", link="NIL"), Span(12, 20, "loc", link="Q1289"),
        Span(24, 29, "loc", link="Q90"), Span(0, 2, "pers", link=None)))
    preds = [Span(3, 9, "PER", link=None),          # overlaps the NIL person: predicted NIL → NIL TP
             Span(12, 20, "LOC", link="Q1289"),     # right id
             Span(24, 29, "LOC", link="Q167646")]   # wrong id
    s = score_linking([gold], [preds])
    assert (s.linked_gold, s.correct, s.recognised) == (2, 1, 2)
    assert s.accuracy == 0.5
    assert s.nil == PRF(1, 0, 0)
    assert s.predicted_ids == 2


def test_linking_when_nothing_is_linked() -> None:
    gold = GoldDocument("h", "Paris", None, (Span(0, 5, "loc", link="Q90"),))
    s = score_linking([gold], [[]])
    assert s.accuracy == 0.0 and s.recognised == 0
    assert s.nil == PRF(0, 1, 0)  # predicted NIL where gold has an id
