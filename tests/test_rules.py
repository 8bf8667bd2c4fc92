"""The one rule reader (frnews_ner.rules): layout, every problem of every file at once, patterns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from frnews_ner import RuleError
from frnews_ner.pipeline.entity_ruler import make_entity_ruler
from frnews_ner.pipeline.extensions import ensure_extensions
from frnews_ner.pipeline.linker import make_entity_linker
from frnews_ner.rules import load_rules


def _write(root: Path, relative: str, content: str | bytes) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _pattern_lines(*objects: object) -> str:
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects)


def test_a_users_phrase_pattern_is_found_and_linked(tmp_path):
    _write(tmp_path, "kb/organisations.tsv", "id\tname\taliases\nmynews:org/bateaux-bleus\tBateaux Bleus\t\n")
    _write(tmp_path, "kb/patterns.jsonl", _pattern_lines(
        {"label": "ORG", "pattern": "Compagnie des bateaux bleus", "id": "mynews:org/bateaux-bleus"},
        {"label": "LOC", "pattern": "Pointe du Grouin"}))
    nlp = spacy.blank("fr")
    ensure_extensions()
    ruler = make_entity_ruler(nlp, "frnews_entity_ruler", [str(tmp_path)])
    linker = make_entity_linker(nlp, "frnews_linker", [str(tmp_path)])
    doc = nlp.make_doc("La Compagnie des bateaux bleus dessert la Pointe du Grouin l’été.")
    doc = linker(ruler(doc))
    found = {(e.label, e.id, e.mentions[0].text) for e in doc._.frnews_entities}
    assert ("ORG", "mynews:org/bateaux-bleus", "Compagnie des bateaux bleus") in found
    assert ("LOC", "local:LOC/pointe-du-grouin", "Pointe du Grouin") in found


def test_every_malformed_case_is_one_rule_error_with_file_and_line(tmp_path):
    not_utf8 = _write(tmp_path, "kb/people.tsv", "id\tname\tcountry\nfrnews:person/x\tJos\xe9\tFR\n".encode("latin-1"))
    unknown = _write(tmp_path, "kb/peoples.tsv", "id\tname\n")
    flat = _write(tmp_path, "places.tsv", "id\tname\n")
    offices = _write(tmp_path, "kb/offices.tsv", "person\trole\tcountry\tstart\tend\n"
                     "frnews:person/emmanuel-macron\tprésidant\tFR\t2017-05-14\t\n"
                     "frnews:person/emmanuel-macron\tprésident\tZZ\t2017-05-14\t\n")
    patterns = _write(tmp_path, "kb/patterns.jsonl", _pattern_lines(
        {"label": "ORG", "pattern": [{"LOWR": "banque"}]},
        {"label": "ORG", "pattern": [{"LOWER": "banque", "OP": "%"}]},
        {"label": "ORG", "pattern": ["banque"]},
        {"label": "ORG", "pattern": []},
        {"label": "ORG", "pattern": [{"TEXT": {"REGEX": "(ban"}}]},
        {"label": "ORG", "pattern": [{"TEXT": {"REGEX": "^(a+)+$"}}]},
        {"label": "ORG", "pattern": [{"LOWER": "la"}, {"OP": "*"}, {"OP": "*"}, {"LOWER": "banque"}]},
        {"label": "ORG", "pattern": "Banque X", "id": "frnews:org/nothing-like-this"},
        {"label": "ORGA", "pattern": "Banque Y"}))
    with pytest.raises(RuleError) as info:
        load_rules([tmp_path])
    problems = [str(p) for p in info.value.problems]
    expected_starts = [
        f"{not_utf8}:2: expected UTF-8 text, found the byte 0xe9",
        f"{unknown}:0: expected a rule file name (kb/",
        f"{flat}:0: expected kb/places.tsv (rule files live in kb/, dates/ and hygiene/), found places.tsv",
        f"{offices}:2: expected a role of roles.tsv, found 'présidant'",
        f"{offices}:3: expected the code of a country of countries.tsv, found 'ZZ'",
        f"{patterns}:1: expected a valid spaCy token pattern",
        f"{patterns}:2: expected a valid spaCy token pattern",
        f"{patterns}:3: expected a non-empty list of token objects in 'pattern', found ['str']",
        f"{patterns}:4: expected a non-empty list of token objects in 'pattern', found an empty list",
        f"{patterns}:5: expected a valid regular expression, found '(ban'",
        f"{patterns}:6: expected a regular expression without nested quantifiers, found '^(a+)+$'",
        f"{patterns}:7: expected at most one unbounded wildcard token",
        f"{patterns}:8: expected 'id' to be a knowledge-base id (from kb/*.tsv), found 'frnews:org/nothing-like-this'",
        f"{patterns}:9: expected a label in ['PER', 'LOC', 'ORG', 'MISC'], found 'ORGA'",
    ]
    assert len(problems) == len(expected_starts), "\n".join(problems)
    for start in expected_starts:
        assert any(p.startswith(start) for p in problems), f"missing {start!r} in:\n" + "\n".join(problems)
    assert str(info.value).startswith(f"{len(expected_starts)} problems in rule files:")


def test_a_rule_file_is_read_again_once_edited(tmp_path):
    words = _write(tmp_path, "hygiene/not_entities.txt", "Mairie\n")
    assert "mairie" in load_rules([tmp_path]).not_entities
    words.write_text("Préfecture   # a comment after the word\n", encoding="utf-8")
    refreshed = load_rules([tmp_path])
    assert "prefecture" in refreshed.not_entities and "mairie" not in refreshed.not_entities


def test_one_rule_set_serves_every_component_of_an_extractor_when_built_whole(tmp_path):
    whole = load_rules([tmp_path])
    assert load_rules([tmp_path], parts=("kb",)) is whole
    assert load_rules([str(tmp_path)], parts=("dates",)) is whole


def test_documentation_files_are_allowed_anywhere(tmp_path):
    _write(tmp_path, "README.md", "# our rules\n")
    _write(tmp_path, "kb/SOURCES.md", "written by us\n")
    _write(tmp_path, "dates/LICENSE.txt", "CC0\n")
    assert load_rules([tmp_path]).kb.get("iso3166:UA") is not None


def test_unknown_parts_are_refused():
    with pytest.raises(ValueError, match="parts must be among"):
        load_rules(parts=("kb", "everything"))
