"""``frnews-ner kb import``: a Wikidata export the user made becomes rule files with kb.wikidata filled."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from frnews_ner import RuleError
from frnews_ner.kb.wikidata import import_wikidata
from frnews_ner.pipeline.entity_ruler import make_entity_ruler
from frnews_ner.pipeline.extensions import ensure_extensions
from frnews_ner.pipeline.linker import make_entity_linker
from frnews_ner.rules import load_rules

# Written by the team for this test. Q90 is Paris (GeoNames 2988507, a shipped record); the two people
# are fictional and so are their QIDs, which exist only in this test.
EXPORT = """item,itemLabel,aliases,type,country,coord,population,geonames,role,start,end
http://www.wikidata.org/entity/Q90,Paris,Lutèce|Ville Lumière,city,FR,Point(2.3514 48.8575),2145906,2988507,,,
http://www.wikidata.org/entity/Q990000001,Jeanne Doucet,J. Doucet,person,FR,,,,maire,2020-07-03T00:00:00Z,
http://www.wikidata.org/entity/Q990000002,Paul Aubrac,,person,FR,,,,maire,2014-04-05T00:00:00Z,2020-07-03T00:00:00Z
"""


def test_a_csv_export_becomes_rules_with_wikidata_ids(tmp_path):
    export = tmp_path / "export.csv"
    export.write_text(EXPORT, encoding="utf-8")
    written = import_wikidata(export, tmp_path / "my_rules")
    assert written == {"places.tsv": 1, "people.tsv": 2, "offices.tsv": 2}
    kb = load_rules([tmp_path / "my_rules"]).kb
    paris = kb.get("geonames:2988507")
    assert paris.info.wikidata == "Q90" and paris.name == "Paris"  # the shipped record, now with its QID
    assert {c.id for c in kb.candidates("Ville Lumière")} == {"geonames:2988507"}
    doucet = kb.get("wikidata:Q990000001")
    assert doucet.name == "Jeanne Doucet" and doucet.info.wikidata == "Q990000001"
    from datetime import date
    mayors = kb.holders({"maire"}, "FR", date(2024, 1, 1))
    assert "wikidata:Q990000001" in mayors and "wikidata:Q990000002" not in mayors


def test_a_sparql_json_export_links_mentions_with_their_qid(tmp_path):
    bindings = [{"item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q990000001"},
                 "itemLabel": {"type": "literal", "value": "Jeanne Doucet"},
                 "type": {"type": "literal", "value": "person"}, "country": {"type": "literal", "value": "FR"}}]
    export = tmp_path / "export.json"
    export.write_text(json.dumps({"head": {"vars": ["item", "itemLabel"]}, "results": {"bindings": bindings}}),
                      encoding="utf-8")
    import_wikidata(export, tmp_path / "rules")
    nlp = spacy.blank("fr")
    ensure_extensions()
    ruler = make_entity_ruler(nlp, "frnews_entity_ruler", [str(tmp_path / "rules")])
    linker = make_entity_linker(nlp, "frnews_linker", [str(tmp_path / "rules")])
    doc = linker(ruler(nlp.make_doc("Jeanne Doucet a inauguré la médiathèque.")))
    (entity,) = doc._.frnews_entities
    assert entity.id == "wikidata:Q990000001" and entity.kb.wikidata == "Q990000001"


def test_a_malformed_export_reports_every_row_and_writes_nothing(tmp_path):
    export = tmp_path / "bad.csv"
    export.write_text("item,itemLabel,type,country,coord,role,start,end\n"
                      "Q90x,Paris,city,FR,,,,\n"
                      "Q990000003,Q990000003,person,FR,,,,\n"
                      "Q990000004,Anne Roux,personne,FR,,,,\n"
                      "Q990000005,Léa Brun,person,France,,,,\n"
                      "Q990000006,Lieu Dit,place,FR,48.1 2.3,,,\n"
                      "Q990000007,Marc Noir,person,FR,,maire de Lyon,2020-01-01,\n"
                      "Q990000008,Eva Blanc,person,FR,,maire,hier,\n", encoding="utf-8")
    with pytest.raises(RuleError) as info:
        import_wikidata(export, tmp_path / "out")
    assert [p.line for p in info.value.problems] == [2, 3, 4, 5, 6, 7, 8]
    messages = [p.message for p in info.value.problems]
    assert messages[0].startswith("expected a Wikidata item (a QID or an entity URI) in 'item', found 'Q90x'")
    assert messages[1].startswith("expected a French label in 'itemLabel'")
    assert "expected a type in" in messages[2] and "expected an ISO 3166 alpha-2 code" in messages[3]
    assert "expected coordinates like 'Point(2.35 48.85)'" in messages[4]
    assert "expected a role of roles.tsv" in messages[5] and "expected ISO dates" in messages[6]
    assert not (tmp_path / "out").exists()


def test_existing_rule_files_are_never_overwritten(tmp_path):
    export = tmp_path / "export.csv"
    export.write_text(EXPORT, encoding="utf-8")
    (tmp_path / "rules" / "kb").mkdir(parents=True)
    (tmp_path / "rules" / "kb" / "people.tsv").write_text("id\tname\n", encoding="utf-8")
    with pytest.raises(RuleError, match="existing rule files are never overwritten"):
        import_wikidata(export, tmp_path / "rules")
    assert (tmp_path / "rules" / "kb" / "people.tsv").read_text(encoding="utf-8") == "id\tname\n"
