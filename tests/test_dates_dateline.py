"""Without a publication date, relative dates are resolved against the article's dateline, and say so."""

from __future__ import annotations

import datetime

import pytest
import spacy

from frnews_ner.dates import find_time_expressions


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("fr")


def _dates(nlp, text, published=None):
    return {d.text: d for d in find_time_expressions(nlp(text), published)}


def test_dateline_on_its_own_line_anchors_relative_dates(nlp):
    text = "Crue de la Loire\n\n3 mars 2021, 14h30 –\nLe préfet a parlé hier. La semaine dernière, il pleuvait."
    dates = _dates(nlp, text)
    # a date and a clock time in apposition are one TIME (French TimeBank guide 2.2; issue 10, decision 1)
    head = dates["3 mars 2021, 14h30"]
    assert (head.type, head.value, head.anchor) == ("TIME", "2021-03-03T14:30", "none")
    assert (dates["hier"].value, dates["hier"].anchor) == ("2021-03-02", "dateline")
    assert dates["hier"].warnings == (
        "no publication date given: resolved against the dateline « 3 mars 2021, 14h30 »",)
    assert dates["La semaine dernière"].value == "2021-W08"


def test_agency_dateline(nlp):
    dates = _dates(nlp, "RENNES, 12 juin 2023 (AFP) – Le conseil se réunira demain.")
    assert (dates["demain"].value, dates["demain"].anchor) == ("2023-06-13", "dateline")


def test_a_date_inside_the_first_sentence_is_no_dateline(nlp):
    dates = _dates(nlp, "Le 3 mars 2021, le maire a annoncé une réunion, puis il est parti hier soir en vacances.")
    assert dates["hier soir"].value is None and dates["hier soir"].anchor == "none"


def test_publication_date_wins_over_the_dateline(nlp):
    text = "3 mars 2021 –\nLe préfet a parlé hier."
    dates = _dates(nlp, text, datetime.date(2021, 3, 5))
    assert (dates["hier"].value, dates["hier"].anchor, dates["hier"].warnings) == ("2021-03-04", "published", ())


def test_dateline_can_be_turned_off(nlp):
    doc = nlp("3 mars 2021 –\nLe préfet a parlé hier.")
    hier = [d for d in find_time_expressions(doc, None, use_dateline=False) if d.text == "hier"][0]
    assert (hier.value, hier.anchor) == (None, "none")


def test_year_followed_by_a_comma_and_a_time_stays_in_the_date(nlp):
    dates = _dates(nlp, "Le 3 mars 2021, 14h30, le préfet est arrivé.", datetime.date(2021, 3, 5))
    # one TIME in apposition (issue 10, decision 1), the year kept
    assert dates["Le 3 mars 2021, 14h30"].value == "2021-03-03T14:30"
