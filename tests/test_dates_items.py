"""The items of the date grammar: pieces found over the whole text are those of each token read alone."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from frnews_ner.dates.finder import default_lexicon
from frnews_ner.dates.items import _pieces, _pieces_by_token, build_items
from frnews_ner.evaluation.hostile import GENERATORS, generate
from frnews_ner.text import lower_keep_length

TEXTS = (
    "Aujourd’hui, à 14h30, la mi-janvier et le XIXe siècle : rendez-vous le 14/07/2024 !",
    "Il y a trois ans, il est parti\n\nvers midi et demi,  deux espaces et\ttabulation.",
    "ÉTÉ 2019 — l'hiver 54, « Mai 68 », n° 2021-1109, 3,5 %, 1er janvier, 2e trimestre, 6-16 ans.",
    "",
    " ",
    "İstanbul ΣΑΣ ß ﬁn ½ ² _ x_y 3²",
)


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("fr")


def _odd_docs(nlp) -> list[Doc]:
    """Docs whose tokens cut a run of letters or digits (« 2024 » as « 20 » + « 24 », « aujour » + « d'hui »)."""
    return [
        Doc(nlp.vocab, words=["aujour", "d'", "hui", "20", "24", "mars", "14h", "30"], spaces=[False, False, True, False,
                                                                                         True, True, False, False]),
        Doc(nlp.vocab, words=["lun", "di", "prochain", ",", "demain", "soir"], spaces=[False, True, False, True, True, False]),
        Doc(nlp.vocab, words=["\n\n", "Le", "1", "er", "\n", "mai"], spaces=[False, True, False, False, False, False]),
    ]


def test_whole_text_pieces_equal_token_by_token_pieces(nlp) -> None:
    docs = [nlp(t) for t in TEXTS] + [nlp(generate(name, 3000)) for name in GENERATORS] + _odd_docs(nlp)
    for doc in docs:
        low = lower_keep_length(doc.text)
        assert _pieces(doc, low) == _pieces_by_token(doc, low), doc.text[:80]


def test_items_cover_every_piece_once_and_group_lexicon_phrases(nlp) -> None:
    lexicon = default_lexicon()
    for doc in [nlp(t) for t in TEXTS] + _odd_docs(nlp):
        low = lower_keep_length(doc.text)
        starts, ends, toks = _pieces_by_token(doc, low)
        items = build_items(doc, lexicon)
        # items tile the pieces in order: each starts on a piece and ends on a later (or the same) one
        covered = []
        for item in items:
            first = starts.index(item.start)
            last = ends.index(item.end)
            assert item.tok == toks[first]
            assert item.key == tuple(low[s:e] for s, e in zip(starts[first:last + 1], ends[first:last + 1]))
            assert item.text == low[item.start:item.end] and item.raw == doc.text[item.start:item.end]
            assert item.space_before == (first == 0 or ends[first - 1] < starts[first])
            assert item.entries == {k: (v, f) for k, v, f in lexicon.lookup(item.key)}
            assert item.classes == lexicon.classes_of(item.key)
            covered.extend(range(first, last + 1))
        assert covered == list(range(len(starts)))
    phrase = build_items(nlp("il y a deux ans"), lexicon)[0]
    assert phrase.key == ("il", "y", "a") and phrase.text == "il y a" and phrase.entries


def test_items_are_lists_per_field_with_an_item_view(nlp) -> None:
    lexicon = default_lexicon()
    doc = nlp("Il y a deux ans, le 14 JUILLET.")
    items = build_items(doc, lexicon)
    # one list per field, all of the same length; ``items[j]`` is the same item as an object
    assert len(items) == len(items.text) == len(items.start) == len(items.entries) == len(items.tok)
    assert items.text[:3] == ["il y a", "deux", "ans"] and items.key(0) == ("il", "y", "a")
    assert items.raw(len(items) - 2) == "JUILLET" and items[-2].text == "juillet"
    assert items[-2].entries == {"months": ("7", frozenset())} and items[-2].tok == 8
    assert [i.text for i in items] == items.text
    with pytest.raises(IndexError, match="item 8 of 8"):
        items[8]
