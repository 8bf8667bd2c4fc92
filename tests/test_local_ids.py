"""Ids that never merge different referents (issue 14, item 3).

Local ids of unlinked names outside plain Latin letters carry a stable hash of the folded name (after a
romanised readable part where Cyrillic or Greek allow one); names mixing look-alike scripts in one
word (a Cyrillic « о » in « Macrоn ») are never linked to the person they imitate.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
import spacy
from conftest import doc_with_ents

from frnews_ner.coref import local_slug
from frnews_ner.pipeline.entity_ruler import make_entity_ruler
from frnews_ner.pipeline.extensions import ensure_extensions
from frnews_ner.pipeline.linker import make_entity_linker
from frnews_ner.text import mixed_script

CYRILLIC_O = "\u043e"  # « о », drawn like the Latin « o »
GREEK_CAPITAL_ALPHA = "\u0391"  # « Α », drawn like the Latin « A »

NON_LATIN_NAMES = {
    "cyrillic": ["Москва", "Киев", "Харків"],
    "greek": ["Αθήνα", "Θεσσαλονίκη"],
    "arabic": ["القاهرة", "دمشق"],
    "cjk": ["北京", "東京", "서울"],
    "emoji": ["🚀🌍", "🎉"],
    "punctuation": ["!!!", "???", "« … »"],
}


def test_every_non_latin_name_has_its_own_non_empty_local_slug():
    names = [n for group in NON_LATIN_NAMES.values() for n in group]
    slugs = [local_slug(n) for n in names]
    assert all(slugs), dict(zip(names, slugs))
    assert len(set(slugs)) == len(names), dict(zip(names, slugs))


def test_local_slugs_are_readable_where_a_romanisation_exists_and_hashed_otherwise():
    assert local_slug("Москва") == "moskva-40d3f81468"
    assert local_slug("МОСКВА") == local_slug("Москва")  # case folds, as for Latin names
    assert local_slug("Киев") == "kiev-7ecd8e355d"
    assert local_slug("Αθήνα") == "athina-c26db4b70c"
    assert local_slug("北京") == "74b5138a6e"
    assert local_slug("!!!") == "8d29f4c808"
    # Latin names keep the slug they always had; a letter without accent to strip is spelt in ASCII
    assert local_slug("Emmanuelle Chaze") == "emmanuelle-chaze"
    assert local_slug("Jean-Yves Le Drian") == local_slug("Jean Yves Le Drian") == "jean-yves-le-drian"
    assert local_slug("Łódź") == "lodz"
    # symbols are no separators: « C++ » and « C# » stay apart
    assert local_slug("C++") != local_slug("C#")


def test_local_slugs_are_the_same_in_another_process():
    code = "from frnews_ner.coref import local_slug; print(local_slug('Москва'), local_slug('دمشق'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONHASHSEED": "123", "PYTHONPATH": ":".join(sys.path)}).stdout.split()
    assert out == [local_slug("Москва"), local_slug("دمشق")]


@pytest.mark.parametrize("text, mixed", [
    (f"Emmanuel Macr{CYRILLIC_O}n", True),
    (f"{GREEK_CAPITAL_ALPHA}thènes", True),
    ("Москва", False),
    ("Macron à Москва", False),  # two scripts, never in one word
    ("Łódź", False),
    ("Zelensky", False),
])
def test_mixed_script_is_a_word_mixing_latin_with_look_alike_letters(text, mixed):
    assert mixed_script(text) is mixed


# --------------------------------------------------------------------------- through the linker

@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("fr")


def _link(nlp, text: str, ents: list[tuple[str, str]]):
    ensure_extensions()
    ruler = make_entity_ruler(nlp, "frnews_entity_ruler", [])
    linker = make_entity_linker(nlp, "frnews_linker", [])
    return linker(ruler(doc_with_ents(nlp, text, ents, published="2024-12-15")))._.frnews_entities


def test_two_cyrillic_places_are_two_entities(nlp):
    found = _link(nlp, "Les délégations de Москва et de Киев se sont croisées.", [("Москва", "LOC"), ("Киев", "LOC")])
    assert [(e.name, e.id, e.kb) for e in found] == [("Москва", "local:LOC/moskva-40d3f81468", None),
                                                      ("Киев", "local:LOC/kiev-7ecd8e355d", None)]


def test_a_homoglyph_name_is_a_separate_unlinked_entity_naming_the_record_it_imitates(nlp):
    fake = f"Emmanuel Macr{CYRILLIC_O}n"
    text = f"Emmanuel Macron a démenti. Le compte « {fake} » publiait de faux communiqués."
    found = {e.name: e for e in _link(nlp, text, [("Emmanuel Macron", "PER"), (fake, "PER")])}
    assert found["Emmanuel Macron"].id == "frnews:person/emmanuel-macron"
    imitation = found[fake]
    assert imitation.kb is None and not imitation.linked
    assert imitation.id == f"local:PER/{local_slug(fake)}" and imitation.id.startswith("local:PER/emmanuel-macron-")
    assert imitation.candidates == ("frnews:person/emmanuel-macron",)
    assert [m.text for m in imitation.mentions] == [fake]


def test_a_greek_homoglyph_place_is_not_linked(nlp):
    fake = f"{GREEK_CAPITAL_ALPHA}thènes"
    [entity] = _link(nlp, f"Le ministre est arrivé à {fake} hier.", [(fake, "LOC")])
    assert entity.kb is None and entity.id.startswith("local:LOC/athenes-")
    assert entity.candidates and all(not c.startswith("local:") for c in entity.candidates)


@pytest.mark.model
def test_the_extractor_does_not_link_a_homoglyph_name(extractor):
    fake = f"Emmanuel Macr{CYRILLIC_O}n"
    found = extractor.extract(f"Un faux compte au nom d'{fake} a été suspendu hier, selon la plateforme.",
                              published="2024-12-15")
    imitations = [e for e in found.entities if e.name == fake]
    assert [e.id for e in found.entities if e.id == "frnews:person/emmanuel-macron"] == []
    assert len(imitations) == 1 and imitations[0].kb is None
    assert imitations[0].candidates == ("frnews:person/emmanuel-macron",)
