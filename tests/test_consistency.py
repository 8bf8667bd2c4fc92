"""Document-level consistency (frnews_doc_consistency) and acronyms joined to their long form, on
spacy.blank("fr") docs with hand-set entities (sentences written by the team)."""

from __future__ import annotations

import pytest
import spacy
from conftest import doc_with_ents

from frnews_ner.coref import group_mentions, initials
from frnews_ner.pipeline.consistency import make_doc_consistency
from frnews_ner.rules import load_rules


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("fr")


@pytest.fixture(scope="module")
def consistency(nlp):
    return make_doc_consistency(nlp, "frnews_doc_consistency", [])


def _run(nlp, component, text, ents):
    return [(e.text, e.label_) for e in component(doc_with_ents(nlp, text, ents, process=True)).ents]


def test_a_name_tagged_once_is_tagged_where_it_recurs(nlp, consistency):
    text = "Le collectif Nuit debout a appelé à manifester. Dimanche, Nuit debout a réuni mille personnes."
    assert _run(nlp, consistency, text, [("Nuit debout", "ORG")]) == [("Nuit debout", "ORG"), ("Nuit debout", "ORG")]


def test_the_majority_label_wins_and_a_tie_changes_nothing(nlp, consistency):
    text = "Lorient a battu Brest. À Lorient, on a fêté. Lorient reçoit Nantes samedi."
    got = _run(nlp, consistency, text, [("Lorient", "ORG"), ("Brest", "ORG"), ("Lorient", "LOC"), ("Lorient", "ORG"),
                                        ("Nantes", "ORG")])
    assert [label for word, label in got if word == "Lorient"] == ["ORG", "ORG", "ORG"]
    tie = _run(nlp, consistency, "Valence gagne. À Valence, rien.", [("Valence", "ORG"), ("Valence", "LOC")])
    assert tie == [("Valence", "ORG"), ("Valence", "LOC")]


def test_a_lower_case_repeat_of_a_name_of_several_words(nlp, consistency):
    text = "Les Gilets jaunes ont bloqué un rond-point. Les gilets jaunes reviendront, mais ses gilets jaunes sont sales."
    got = _run(nlp, consistency, text, [("Gilets jaunes", "ORG")])
    assert got == [("Gilets jaunes", "ORG"), ("gilets jaunes", "ORG")]  # not « ses gilets jaunes »


def test_a_single_word_opening_a_sentence_is_not_repeated(nlp):
    nlp_s = spacy.blank("fr")
    nlp_s.add_pipe("sentencizer")
    component = make_doc_consistency(nlp_s, "c", [])
    text = "Le port de Brest est fermé. Brest attend la tempête."
    assert _run(nlp_s, component, text, [("Brest", "LOC")]) == [("Brest", "LOC")]


def test_an_acronym_of_a_tagged_name_is_tagged_and_joins_it(nlp, consistency):
    text = "Le Front de libération nationale a réagi. Selon le FLN, rien ne change."
    assert _run(nlp, consistency, text, [("Front de libération nationale", "ORG")]) == [
        ("Front de libération nationale", "ORG"), ("FLN", "ORG")]
    skip = load_rules(parts=("kb",)).kb.cue("acronym_skip")
    assert initials("Organisation des Nations unies", skip) == "ONU"
    groups = group_mentions([(4, 33, "Front de libération nationale", "ORG"), (51, 54, "FLN", "ORG")],
                            acronym_skip=skip)
    assert [(g.name, [m.form for m in g.mentions]) for g in groups] == [
        ("Front de libération nationale", ["name", "acronym"])]


def test_an_acronym_two_names_share_stays_apart(nlp):
    skip = load_rules(parts=("kb",)).kb.cue("acronym_skip")
    spans = [(0, 15, "Parti socialiste", "ORG"), (20, 36, "Presse sportive", "ORG"), (40, 42, "PS", "ORG")]
    assert [g.name for g in group_mentions(spans, acronym_skip=skip)] == ["Parti socialiste", "Presse sportive", "PS"]
