"""The token lists of ``frnews_ner.pipeline.tokens`` equal what the ``Token`` objects say."""

from __future__ import annotations

import spacy
import pytest

from frnews_ner.pipeline import tokens
from frnews_ner.text import fold

SENTENCE = "Les Nord-Coréens ont quitté l’Élysée à 14h30 ; « Koursk » reste  tenue."


@pytest.fixture(scope="module")
def doc():
    return spacy.blank("fr")(SENTENCE)


def test_lists_equal_the_token_attributes(doc) -> None:
    assert tokens.token_texts(doc) == [t.text for t in doc]
    assert tokens.token_starts(doc) == [t.idx for t in doc]
    assert tokens.token_glued(doc) == [not t.whitespace_ for t in doc]


def test_folded_texts_equal_fold_of_each_token_met_or_not(doc, monkeypatch) -> None:
    monkeypatch.setattr(tokens, "_FOLDED_BY_ORTH", {})
    first = tokens.token_folded(doc)  # every word new
    again = tokens.token_folded(doc)  # every word remembered
    assert first == again == [fold(t.text) for t in doc]
    assert first[1:3] == ["nord-coreens", "ont"]


def test_folded_memo_starts_afresh_when_full(doc, monkeypatch) -> None:
    monkeypatch.setattr(tokens, "_FOLDED_MEMO_SIZE", 3)
    monkeypatch.setattr(tokens, "_FOLDED_BY_ORTH", {1: "x", 2: "y", 3: "z"})
    assert tokens.token_folded(doc) == [fold(t.text) for t in doc]
    assert 1 not in tokens._FOLDED_BY_ORTH


@pytest.mark.parametrize(("text", "expected"), [
    ("FLN", True), ("C.G.T.", True), ("PS", True), ("  UE ", True),
    ("X", False), ("Fnac", False), ("LE MONDE", False), ("42", False), ("", False),
])
def test_acronym_is_one_word_of_two_capitals_or_more(text, expected) -> None:
    from frnews_ner.text import is_acronym

    assert is_acronym(text) is expected
