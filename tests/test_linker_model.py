"""frnews_entity_ruler + frnews_linker with the French model: the seed article, metonymy, custom rules."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "reference" / "seed_article.txt"
CUSTOM_RULES = REPO / "examples" / "custom_rules"


from conftest import require_model


def _extractor(rules=()):
    require_model()
    from frnews_ner import Extractor

    return Extractor(rules=rules)


@pytest.fixture(scope="session")
def kb_extractor(extractor):
    """The session's Extractor (the knowledge-base components are part of every Extractor)."""
    return extractor


@pytest.fixture(scope="session")
def seed(kb_extractor):
    if not SEED.is_file():
        pytest.skip(f"{SEED} is absent")
    text = SEED.read_text(encoding="utf-8")
    return text, kb_extractor.extract(text, published="2024-12-15")


def _by_id(extraction):
    return {e.id: e for e in extraction.entities}


def _forms(entity, form):
    return [m.text for m in entity.mentions if m.form == form]


def test_seed_article_countries_and_demonyms(seed):
    _, ex = seed
    ents = _by_id(ex)
    for country in ("iso3166:UA", "iso3166:RU", "iso3166:KP", "iso3166:KR"):
        assert country in ents and ents[country].kb.type == "country"
    assert {"nord-coréens", "nord-coréennes"} <= set(_forms(ents["iso3166:KP"], "demonym"))
    assert _forms(ents["iso3166:KR"], "demonym") == ["sud-coréen"]
    assert ents["iso3166:KP"].name == "Corée du Nord"


def test_seed_article_cities_regions_and_metonyms(seed):
    _, ex = seed
    ents = _by_id(ex)
    kiev = ents["geonames:703448"]
    assert kiev.name == "Kiev" and kiev.kb.country == "UA" and kiev.kb.geonames == 703448
    metonyms = [m for m in kiev.mentions if m.form == "metonym"]
    assert len(metonyms) == 3 and all(m.stands_for == "iso3166:UA" for m in metonyms)
    assert [m.form for m in kiev.mentions].count("name") == 1  # « correspondante à Kiev » is the city
    assert "geonames:524901" in ents  # Moscou
    assert "geonames:1871859" in ents  # Pyongyang
    assert "iso3166-2:RU-KRS" in ents and "iso3166-2:RU-ORL" in ents
    assert ents["iso3166-2:RU-KRS"].kb.type == "region"


def test_seed_article_zelensky_and_his_titles(seed):
    _, ex = seed
    zelensky = _by_id(ex)["frnews:person/volodymyr-zelensky"]
    assert zelensky.name == "Volodymyr Zelensky" and zelensky.kb.type == "person"
    assert _forms(zelensky, "title").count("président ukrainien") == 3
    assert "Zelensky" in _forms(zelensky, "surname")


def test_seed_article_offsets_are_exact(seed):
    text, ex = seed
    for entity in ex.entities:
        for m in entity.mentions:
            assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("sentence, metonym", [
    ("Pendant ce temps, Kiev poursuit ses bombardements.", True),
    ("Moscou livrait du blé à Pyongyang.", True),
    ("Il se tait, sans que Kiev confirme cette information.", True),
    ("Washington et Moscou ont signé un accord.", True),
    ("Notre envoyé spécial à Kiev a témoigné.", False),
    ("Elle a reproché à Moscou son silence.", False),
])
def test_metonymy(kb_extractor, sentence, metonym):
    ex = kb_extractor.extract(sentence, published="2024-12-15")
    capital = next(e for e in ex.entities if e.name in ("Kiev", "Moscou"))
    first = capital.mentions[0]
    assert (first.form == "metonym") is metonym
    if metonym:
        assert first.stands_for in ("iso3166:UA", "iso3166:RU")


def test_custom_rules_example():
    ex = _extractor(rules=[str(CUSTOM_RULES)])
    text = "La maire de Valence, Jeanne Doucet, a reçu l'Association des amis de Kyïv et le CCAS de Valence."
    out = ex.extract(text, published="2024-12-15")
    ents = _by_id(out)
    doucet = ents["mynews:person/jeanne-doucet"]
    assert {m.form for m in doucet.mentions} >= {"title", "name"}
    assert "mynews:org/ccas-valence" in ents
    assert any(e.label == "ORG" and e.mentions[0].text.startswith("Association des amis de")
               for e in out.entities)
    for entity in out.entities:
        for m in entity.mentions:
            assert text[m.start:m.end] == m.text


def test_titles_of_international_offices_and_title_words_that_are_no_names(extractor):
    text = ("Le secrétaire général de l'ONU s'est exprimé. Le ministre de l'Intérieur a visité Sceaux. "
            "Le garde des Sceaux a répondu au secrétaire d'État américain.")
    ex = extractor.extract(text, published="2025-03-01")
    titles = {m.text: e.id for e in ex.entities for m in e.mentions if m.form == "title"}
    assert titles["secrétaire général de l'ONU"] == "frnews:person/antonio-guterres"
    assert titles["garde des Sceaux"] == "frnews:person/gerald-darmanin"
    assert titles["secrétaire d'État américain"] == "frnews:person/marco-rubio"
    names = {(m.text, e.label) for e in ex.entities for m in e.mentions if m.form != "title"}
    assert ("ONU", "ORG") in names  # the organisation a title names stays an entity
    assert not any(t.startswith("ministre") for t, _ in names)  # no ORG « ministre de l'Intérieur »
    sceaux = [m.start for e in ex.entities for m in e.mentions if m.text == "Sceaux" and m.form != "title"]
    assert sceaux == [text.index("Sceaux")]  # the town visited, not the one in « garde des Sceaux »
