"""The knowledge base: shipped data, lookups, offices by date, user overlays and file errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frnews_ner import RuleError
from frnews_ner.kb import build_kb, load_kb, translit_key
from frnews_ner.rules import DATA_DIR, Problems, load_rules, read_table, rule_dirs

KB_DATA = DATA_DIR / "kb"


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def test_load_is_cached_per_rules_tuple(kb):
    assert load_kb() is kb
    assert load_kb([]) is kb


def test_countries_regions_cities_from_their_sources(kb):
    ukraine = kb.get("iso3166:UA")
    assert ukraine.name == "Ukraine" and ukraine.type == "country" and ukraine.info.source == "countries.tsv"
    assert kb.get("iso3166:KP").name == "Corée du Nord"
    kursk_region = kb.get("iso3166-2:RU-KRS")
    assert kursk_region.type == "region" and kursk_region.info.country == "RU"
    kyiv = kb.get("geonames:703448")
    assert kyiv.name == "Kiev" and kyiv.info.geonames == 703448 and kyiv.info.country == "UA"
    assert kyiv.info.to_dict()["source"] == "cities.tsv"
    assert kb.capitals["geonames:703448"] == "iso3166:UA"


def test_koursk_alone_is_the_city_first_and_the_region_only_weakly(kb):
    found = {c.id: c.match for c in kb.candidates("Koursk")}
    assert found == {"geonames:538560": "exact", "iso3166-2:RU-KRS": "weak"}
    assert {c.id for c in kb.candidates("Kursk")} >= {"geonames:538560"}
    assert [c.id for c in kb.candidates("région de Koursk")] == ["iso3166-2:RU-KRS"]


@pytest.mark.parametrize("spelling", ["Zelensky", "Zelenski", "Zelenskyy", "Volodymyr Zelensky"])
def test_people_spellings(kb, spelling):
    assert [c.id for c in kb.candidates(spelling)] == ["frnews:person/volodymyr-zelensky"]


def test_transliteration_key_and_fuzzy_near_miss(kb):
    assert translit_key("Choïgou") == translit_key("Shoigu")
    assert translit_key("Netanyahou") == translit_key("Netanyahu")
    assert kb.candidates("Zelenskky")[0].match == "translit"
    assert kb.candidates("Netanyahoo", fuzzy=True)[0].id == "frnews:person/benyamin-netanyahou"
    assert kb.candidates("presque", fuzzy=True) == []  # no near miss for a word far from every name


def test_acronyms_and_long_forms_are_one_organisation(kb):
    for name in ("ONU", "Nations unies", "Organisation des Nations unies"):
        assert [c.id for c in kb.candidates(name)] == ["frnews:org/onu"]
    assert [c.id for c in kb.candidates("OTAN")] == ["frnews:org/otan"]


def test_demonyms_all_genders_and_numbers(kb):
    for word in ("nord-coréen", "nord-coréenne", "nord-coréens", "Nord-Coréennes"):
        assert kb.country_of_demonym(word) == "iso3166:KP"
    assert kb.country_of_demonym("Russes") == "iso3166:RU"
    assert kb.country_of_demonym("ukrainiennes") == "iso3166:UA"
    assert kb.country_of_demonym("Américains") == "iso3166:US"
    assert kb.country_of_demonym("maison") is None


def test_office_holders_depend_on_the_day(kb):
    assert kb.holders({"président"}, "US", date(2019, 6, 1)) == ["frnews:person/donald-trump"]
    assert kb.holders({"président"}, "US", date(2024, 12, 15)) == ["frnews:person/joe-biden"]
    assert kb.holders({"président"}, "UA", date(2024, 12, 15)) == ["frnews:person/volodymyr-zelensky"]
    # the day an office changes hands belongs to the successor
    assert kb.holders({"président"}, "US", date(2021, 1, 20)) == ["frnews:person/joe-biden"]


def _ids(path: Path) -> set[str]:
    return {row["id"] for _, row in read_table(path, Problems(), ["id"])}


def test_curated_files_invent_no_sourced_identifier():
    """Every GeoNames / ISO id of the hand-written files exists in the generated, sourced files."""
    sourced = _ids(KB_DATA / "countries.tsv") | _ids(KB_DATA / "regions.tsv") | _ids(KB_DATA / "cities.tsv")
    for name in ("places.tsv", "people.tsv", "organisations.tsv"):
        for _, row in read_table(KB_DATA / name, Problems(), ["id"]):
            if not row["id"].startswith("frnews:"):
                assert row["id"] in sourced, f"{name}: {row['id']} comes from no named source"
            assert not row.get("wikidata"), f"{name}: {row['id']} has a Wikidata id without a source"


def test_generated_files_name_their_source_versions():
    for name in ("countries.tsv", "regions.tsv", "cities.tsv", "demonyms_world_countries.tsv"):
        head = (KB_DATA / name).read_text(encoding="utf-8").splitlines()[:3]
        assert any(line.startswith("# source: ") for line in head), name
    assert (KB_DATA / "LICENSE-world-countries.txt").is_file()


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / "kb" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_user_files_add_and_override(tmp_path):
    _write(tmp_path, "people.tsv", "id\tname\tcountry\taliases\n"
           "frnews:person/jeanne-martin\tJeanne Martin\tFR\tJ. Martin\n"
           "frnews:person/vladimir-poutine\tVladimir V. Poutine\t\tVVP\n")
    _write(tmp_path, "places.tsv", "id\tname\ttype\tcountry\tlat\tlon\taliases\n"
           "myplace:quartier-nord\tQuartier Nord\tplace\tFR\t45.1\t4.2\tle Quartier-Nord\n")
    kb = build_kb(rule_dirs([tmp_path]))
    assert kb.get("frnews:person/jeanne-martin").name == "Jeanne Martin"
    putin = kb.get("frnews:person/vladimir-poutine")
    assert putin.name == "Vladimir V. Poutine" and putin.info.country == "RU"
    assert {c.id for c in kb.candidates("VVP")} == {putin.id}
    assert {c.id for c in kb.candidates("Vladimir Poutine")} == {putin.id}  # old name stays an alias
    assert kb.get("myplace:quartier-nord").info.lat == 45.1
    assert load_kb([tmp_path]) is load_kb([str(tmp_path)])
    assert load_kb([tmp_path]) is not load_kb()


def test_malformed_files_report_every_problem_with_file_and_line(tmp_path):
    people = _write(tmp_path, "people.tsv", "id\tname\tcountry\taliases\n"
                    "not an id\tX\tFR\t\n"
                    "frnews:person/a\tA\tFrance\t\n")
    offices = _write(tmp_path, "offices.tsv", "person\trole\tcountry\tstart\tend\n"
                     "frnews:person/nobody\tprésident\tFR\t2020-01-01\t\n"
                     "frnews:person/emmanuel-macron\tprésident\tFR\thier\t\n")
    with pytest.raises(RuleError) as info:
        build_kb(rule_dirs([tmp_path]))
    lines = [str(p) for p in info.value.problems]
    assert lines == [
        f"{people}:2: expected an id like 'geonames:703448' or 'frnews:person/<slug>', found 'not an id'",
        f"{people}:3: expected an ISO 3166 alpha-2 country code like 'UA', found 'France'",
        f"{offices}:2: expected a person id of people.tsv, found 'frnews:person/nobody'",
        f"{offices}:3: expected an ISO date like 2019-05-20 in column 'start', found 'hier'",
    ]
    assert "4 problems in rule files" in str(info.value)


def test_malformed_patterns_are_reported(tmp_path):
    patterns = _write(tmp_path, "patterns.jsonl", '{"label": "ORG", "pattern": "Truc"}\n{oops\n'
                      '{"label": "THING", "pattern": "X"}\n')
    with pytest.raises(RuleError) as info:
        load_rules([tmp_path])
    assert [p.line for p in info.value.problems] == [2, 3]
    assert all(p.path == str(patterns) for p in info.value.problems)


def test_a_missing_rules_directory_is_an_error(tmp_path):
    with pytest.raises(RuleError, match="expected a directory of rule files"):
        load_kb([tmp_path / "absent"])
