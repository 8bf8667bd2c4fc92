"""Who and where in the article's context (with the French model): homonymous places decided by cue
words, prepositions and the other places of the article, capitals standing for their state, a
speaker's first name, and titles whose country comes from the sentence or the home country.

Every sentence is written by the team.
"""

from __future__ import annotations

import pytest


def _places(extraction):
    return {m.text: (e.id, e.kb.type if e.kb else None, e.candidates) for e in extraction.entities
            for m in e.mentions if m.form != "demonym"}


@pytest.mark.parametrize("text, name, expected_id", [
    ("Le gouverneur de Géorgie a signé la loi à Atlanta, la capitale de l'État.", "Géorgie", "iso3166-2:US-GA"),
    ("Une fusillade a fait trois morts à Atlanta, en Géorgie, selon la police américaine.", "Géorgie",
     "iso3166-2:US-GA"),
    ("Les troupes russes sont entrées en Géorgie en 2008, près de Tbilissi.", "Géorgie", "iso3166:GE"),
    ("Au Luxembourg, la participation a atteint 90 % dimanche.", "Luxembourg", "iso3166:LU"),
    ("La réunion des ministres s'est tenue à Luxembourg, dans la capitale du Grand-Duché.", "Luxembourg",
     "geonames:2960316"),
    ("Au Québec, les élections provinciales ont eu lieu lundi.", "Québec", "iso3166-2:CA-QC"),
    ("Les manifestants se sont rassemblés à Québec, devant le parlement provincial.", "Québec", "geonames:6325494"),
    ("Un cyclone a frappé La Réunion ; à Saint-Denis, les écoles sont fermées.", "Saint-Denis", "geonames:935264"),
    ("Le port d'Alexandrie, en Égypte, a rouvert après la tempête.", "Alexandrie", "geonames:361058"),
])
def test_homonymous_places_are_decided_by_cues_and_context(extractor, text, name, expected_id):
    found = _places(extractor.extract(text, published="2024-12-15"))
    assert found[name][0] == expected_id


def test_the_alternatives_of_an_ambiguous_place_stay_listed(extractor):
    found = _places(extractor.extract("Une fusillade a fait trois morts à Atlanta, en Géorgie, selon la police "
                                      "américaine.", published="2024-12-15"))
    assert found["Géorgie"][2][:2] == ("iso3166-2:US-GA", "iso3166:GE")


@pytest.mark.parametrize("text, capitals", [
    ("Londres a averti Pékin que les sanctions seraient maintenues.", {"Londres": "iso3166:GB", "Pékin": "iso3166:CN"}),
    ("Washington a annoncé de nouvelles sanctions contre Téhéran.",
     {"Washington": "iso3166:US", "Téhéran": "iso3166:IR"}),
    ("Les négociations entre Washington et Pékin ont repris.", {"Washington": "iso3166:US", "Pékin": "iso3166:CN"}),
])
def test_a_capital_acting_as_a_state_is_a_metonym_of_its_country(extractor, text, capitals):
    extraction = extractor.extract(text, published="2024-12-15")
    stands = {m.text: m.stands_for for e in extraction.entities for m in e.mentions}
    assert {name: stands.get(name) for name in capitals} == capitals
    assert all(e.label == "LOC" for e in extraction.entities if e.mentions[0].text in capitals)


def test_a_capital_as_a_place_is_no_metonym(extractor):
    extraction = extractor.extract("Les délégations se sont retrouvées à Pékin mardi.", published="2024-12-15")
    assert [(m.text, m.form) for e in extraction.entities for m in e.mentions] == [("Pékin", "name")]


@pytest.mark.parametrize("text", [
    "« Je n'ai plus rien », raconte Nancy, 45 ans, devant sa maison détruite.",
    "Nancy, 45 ans, attend depuis des heures devant la mairie.",
])
def test_a_first_name_with_an_age_or_after_a_speech_verb_is_a_person(extractor, text):
    extraction = extractor.extract(text, published="2024-12-15")
    nancy = next(e for e in extraction.entities if e.mentions[0].text == "Nancy")
    assert nancy.label == "PER" and nancy.kb is None


@pytest.mark.parametrize("text, published, holder", [
    ("Le ministre des Sports a inauguré le nouveau stade.", "2024-11-15", "Gil Avérous"),
    ("Le Premier ministre a annoncé un remaniement.", "2024-12-05", "Michel Barnier"),
    ("À Londres, le Premier ministre a défendu son budget.", "2024-12-05", "Keir Starmer"),
    ("L'ancien président américain a critiqué son successeur.", "2024-06-01", "Donald Trump"),
    ("L'ancien président américain Barack Obama a soutenu la candidate.", "2024-06-01", "Barack Obama"),
    ("L'ex-président brésilien a été entendu par la police.", "2022-06-01", "Michel Temer"),
    ("Le président américain sortant a reçu son successeur à la Maison Blanche.", "2024-11-13", "Joe Biden"),
    ("La vice-présidente américaine a fait campagne dans le Michigan.", "2024-10-01", "Kamala Harris"),
])
def test_titles_in_context(extractor, text, published, holder):
    extraction = extractor.extract(text, published=published)
    assert [e.name for e in extraction.entities if any(m.form == "title" for m in e.mentions)] == [holder]


def test_a_title_without_country_in_an_article_about_several_countries_names_nobody(extractor):
    text = ("Le sommet a réuni des dirigeants allemands et italiens à Rome. Le Premier ministre a salué "
            "un accord.")
    extraction = extractor.extract(text, published="2024-12-05")
    assert not any(m.form == "title" and m.text == "Premier ministre" for e in extraction.entities for m in e.mentions)
