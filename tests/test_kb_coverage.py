"""Coverage of the hand-curated knowledge base, through the whole pipeline on our own sentences.

Each test names what French news writes every week: an organisation under its acronym and its long
form, a title that names whoever held the office on the publication date, a risky name that must
not be linked in ordinary text.
"""

from __future__ import annotations

import pytest


def _entities(extractor, text: str, published: str = "2024-03-01") -> list[dict]:
    return extractor.extract(text, published=published).to_dict()["entities"]


def _mentions_of(entities: list[dict], kb_id: str) -> list[str]:
    return [m["text"] for e in entities if e["id"] == kb_id for m in e["mentions"]]


def _ids(entities: list[dict]) -> set[str]:
    return {e["id"] for e in entities}


def test_acronym_and_long_form_of_a_union_are_one_entity(extractor):
    ents = _entities(extractor, "La CGT appelle à la grève jeudi. La Confédération générale du travail "
                                "réclame des hausses de salaires.")
    cgt = [e for e in ents if e["id"] == "frnews:org/cgt"]
    assert len(cgt) == 1
    assert {m["text"] for m in cgt[0]["mentions"]} == {"CGT", "Confédération générale du travail"}


@pytest.mark.parametrize("text, kb_id", [
    ("Le Medef et la CPME ont signé l'accord.", "frnews:org/cpme"),
    ("Les enseignants de la FSU manifestent à Lyon.", "frnews:org/fsu"),
    ("L'AP-HP a déclenché son plan blanc.", "frnews:org/ap-hp"),
    ("Selon l'Ofpra, les demandes d'asile ont augmenté.", "frnews:org/ofpra"),
    ("Le Conseil économique, social et environnemental rend son avis mardi.", "frnews:org/cese"),
])
def test_organisations_french_news_names_every_week(extractor, text, kb_id):
    assert kb_id in _ids(_entities(extractor, text))


def test_a_longer_name_wins_over_the_acronym_inside_it(extractor):
    """« AP-HP » is the Paris hospitals, not the news agency AP; « CGT-FO » is Force ouvrière."""
    ents = _entities(extractor, "L'AP-HP et la CGT-FO ont signé un accord.")
    assert "frnews:org/ap-hp" in _ids(ents) and "frnews:org/associated-press" not in _ids(ents)
    assert "frnews:org/fo" in _ids(ents) and "frnews:org/cgt" not in _ids(ents)


@pytest.mark.parametrize("published, person", [
    ("2019-03-01", "frnews:person/nicole-belloubet"),
    ("2022-03-01", "frnews:person/eric-dupond-moretti"),
    ("2025-03-01", "frnews:person/gerald-darmanin"),
])
def test_the_garde_des_sceaux_is_whoever_held_justice_that_day(extractor, published, person):
    ents = _entities(extractor, "Le garde des Sceaux a défendu le texte devant les députés.", published)
    assert _mentions_of(ents, person) == ["garde des Sceaux"]


def test_the_french_prime_minister_on_a_date_we_are_sure_of(extractor):
    ents = _entities(extractor, "Le Premier ministre français a présenté le budget.", "2021-03-01")
    assert "frnews:person/jean-castex" in _ids(ents)


def test_a_fixed_country_title_for_the_us_secretary_of_state(extractor):
    ents = _entities(extractor, "Le secrétaire d'État américain est arrivé à Pékin.", "2023-06-18")
    assert "frnews:person/antony-blinken" in _ids(ents)


@pytest.mark.parametrize("text", [
    "Au total, les oranges étaient bonnes et le marché restait free.",
    "Il a vu une orange sur la table, au total trois fruits.",
    "Le plan X prévoit une réponse, au total trois mesures.",
    "Les militants de Place publique et ceux de Solidaires étaient là. Free party interdite dans l'Orne.",
])
def test_common_words_that_are_also_company_names_are_not_linked(extractor, text):
    ids = _ids(_entities(extractor, text))
    assert not ids & {"frnews:org/orange", "frnews:org/totalenergies", "frnews:org/iliad"}


def test_risky_company_names_are_left_out_of_the_phrase_matcher(extractor):
    """« Total », « Orange », « Free » are linked only when the model finds them, never by the ruler."""
    from frnews_ner.kb import load_kb

    kb = load_kb()
    for rid in ("frnews:org/totalenergies", "frnews:org/orange", "frnews:org/iliad", "frnews:org/x"):
        assert kb[rid].ruler is False, rid
    assert [c.id for c in kb.candidates("Total")] == ["frnews:org/totalenergies"]


def test_new_offices_close_the_old_ones():
    """No two holders of the same French office on one day (the files were checked by hand)."""
    from datetime import date, timedelta

    from frnews_ner.kb import load_kb

    kb = load_kb()
    roles = ("premier-ministre", "ministre-interieur", "ministre-economie", "ministre-defense",
             "ministre-affaires-etrangeres", "ministre-justice", "ministre-education", "ministre-travail")
    day = date(2017, 5, 20)
    while day <= date(2025, 10, 31):
        for role in roles:
            assert len(kb.holders({role}, "FR", day)) <= 1, (role, day)
        day += timedelta(days=7)
    assert kb.holders({"ministre-interieur"}, "FR", date(2025, 11, 3)) == ["frnews:person/laurent-nunez"]
