"""Rule files written by colleagues cannot take the machine down (issue 14, item 6).

Every hostile file is generated here: bytes that are no UTF-8, token patterns spaCy would refuse
with an internal key, patterns whose matching explodes, regular expressions that backtrack
without end. Each must be one RuleError naming ``file:line`` and saying why in plain words.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from frnews_ner import RuleError
from frnews_ner.pipeline.entity_ruler import make_entity_ruler
from frnews_ner.pipeline.extensions import ensure_extensions
from frnews_ner.pipeline.linker import make_entity_linker
from frnews_ner.rules import MAX_PATTERN_COST, MAX_REPEAT, load_rules, nested_quantifier


def _write(root: Path, relative: str, content: str | bytes) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def _patterns(root: Path, *patterns: object) -> Path:
    lines = "".join(json.dumps({"label": "ORG", "pattern": p}, ensure_ascii=False) + "\n" for p in patterns)
    return _write(root, "kb/patterns.jsonl", lines)


def _problems(root: Path) -> list[str]:
    with pytest.raises(RuleError) as info:
        load_rules([root])
    return [str(p) for p in info.value.problems]


# --------------------------------------------------------------------------- encodings

@pytest.mark.parametrize("relative, content", [
    ("kb/people.tsv", "id\tname\nfrnews:person/ana-lopes\tAna Lopes\nfrnews:person/jose-diaz\tJosé Díaz\n"),
    ("kb/patterns.jsonl", '{"label": "ORG", "pattern": "Mutuelle bleue"}\n\n{"label": "LOC", "pattern": "Côte"}\n'),
    ("hygiene/not_entities.txt", "Mairie\nConseil\nPréfecture\n"),
    ("dates/holidays.tsv", "# a comment\nnouvel an\t01-01\nfête du vélo\t06-03\n"),
])
def test_a_file_that_is_not_utf8_is_a_rule_error_at_the_line_of_its_first_bad_byte(tmp_path, relative, content):
    path = _write(tmp_path, relative, content.encode("latin-1"))
    with pytest.raises(RuleError) as info:
        load_rules([tmp_path])
    assert not isinstance(info.value, UnicodeDecodeError)
    [problem] = info.value.problems
    assert (problem.path, problem.line) == (str(path), 3)
    assert problem.message.startswith("expected UTF-8 text, found the byte 0x")
    assert f"{path}:3: expected UTF-8 text" in str(info.value)


def test_a_utf8_byte_order_mark_is_accepted_in_every_kind_of_rule_file(tmp_path):
    bom = "\ufeff"
    _write(tmp_path, "kb/people.tsv", bom + "id\tname\taliases\nmynews:person/ana-lopes\tAna Lopes\t\n")
    _write(tmp_path, "kb/patterns.jsonl", bom + '{"label": "ORG", "pattern": "Mutuelle bleue"}\n')
    _write(tmp_path, "hygiene/not_entities.txt", bom + "Mairie\n")
    rules = load_rules([tmp_path])
    assert rules.kb.get("mynews:person/ana-lopes").name == "Ana Lopes"
    assert [p.pattern for p in rules.patterns if p.source.startswith(str(tmp_path))] == ["Mutuelle bleue"]
    assert "mairie" in rules.not_entities


def test_an_escaped_lone_surrogate_in_a_pattern_file_is_a_rule_error(tmp_path):
    # valid JSON, but no text: spaCy's string store would fail with a bare UnicodeEncodeError
    path = _write(tmp_path, "kb/patterns.jsonl", '{"label": "ORG", "pattern": "Banque \\ud800 bleue"}\n'
                                                 '{"label": "ORG", "pattern": "Banque verte"}\n'
                                                 '{"label": "ORG", "pattern": [{"LOWER": "x\\udfff"}]}\n')
    assert _problems(tmp_path) == [
        f"{path}:1: expected text, found the lone surrogate \\ud800 (an escape that stands for no character)",
        f"{path}:3: expected text, found the lone surrogate \\udfff (an escape that stands for no character)",
    ]


# --------------------------------------------------------------------------- spaCy's validator, plain words

def test_every_bad_token_pattern_is_reported_at_once_in_plain_words(tmp_path):
    path = _patterns(tmp_path,
                     [{"LOWR": "banque"}],
                     [{"LOWER": "banque", "OP": "%"}],
                     [{"LOWER": {"IN": "banque"}}],
                     [{"LENGTH": "long"}],
                     [{"IS_TITLE": "yes"}],
                     [{"LOWER": {"REGX": "^ban"}}],
                     [{"LOWER": None}],
                     ["banque"],
                     [],
                     [{"TEXT": {"REGEX": "(ban"}}],
                     [{"_": {"colour": "bleu"}}])
    problems = _problems(tmp_path)
    assert problems == [
        f"{path}:1: expected a valid spaCy token pattern: token 1: unknown attribute 'LOWR' (did you mean "
        "'LOWER'?); expected one of " + problems[0].split("expected one of ", 1)[1],
        f"{path}:2: expected a valid spaCy token pattern: token 1: OP must be '!', '?', '+', '*' or a count "
        "like '{2}', '{1,3}', '{2,}', '{,3}', found \"%\"",
        f"{path}:3: expected a valid spaCy token pattern: token 1: LOWER must be a string or an object with one "
        "of REGEX, IN, NOT_IN, IS_SUBSET, IS_SUPERSET, INTERSECTS, FUZZY…, ==, != (like {\"IN\": [\"a\", \"b\"]}), "
        "found {\"IN\": \"banque\"}",
        f"{path}:4: expected a valid spaCy token pattern: token 1: LENGTH must be a whole number or an object "
        "with one of IN, NOT_IN, ==, !=, >=, <=, >, < (like {\">=\": 5}), found \"long\"",
        f"{path}:5: expected a valid spaCy token pattern: token 1: IS_TITLE must be true or false, found \"yes\"",
        f"{path}:6: expected a valid spaCy token pattern: token 1: LOWER has the unknown operator 'REGX', "
        "found {\"REGX\": \"^ban\"}",
        f"{path}:7: expected a valid spaCy token pattern: token 1: LOWER must not be null, found null",
        f"{path}:8: expected a non-empty list of token objects in 'pattern', found ['str']",
        f"{path}:9: expected a non-empty list of token objects in 'pattern', found an empty list",
        f"{path}:10: expected a valid regular expression, found '(ban' (missing ), unterminated subpattern at "
        "position 0)",
        f"{path}:11: token 1: expected a registered custom attribute after '_', found 'colour' (no component of "
        "the pipeline sets it)",
    ]
    # spaCy's schema names (TokenPatternString, str-enum[…], « pattern -> 0 -> ») never reach the user
    assert not any("TokenPattern" in p or " -> " in p or "str-enum" in p for p in problems)


# --------------------------------------------------------------------------- patterns that explode

def test_patterns_whose_matching_explodes_are_refused_with_the_reason(tmp_path):
    anything_star, title_plus = {"OP": "*"}, {"IS_TITLE": True, "OP": "+"}
    path = _patterns(tmp_path,
                     [{"LOWER": "la"}, anything_star, {"LOWER": "de"}, {"OP": "+"}],
                     [{"LOWER": "la"}, {"LOWER": {"NOT_IN": ["."]}, "OP": "+"}, {"IS_PUNCT": False, "OP": "*"}],
                     [title_plus, title_plus, title_plus],
                     [{"OP": "?"}] * (MAX_PATTERN_COST + 1),
                     [{"LOWER": "la"}, {"OP": "{0,9}"}],
                     [{"LOWER": "la", "OP": "{1000000}"}],
                     [{"TEXT": {"REGEX": "^(a+)+$"}}],
                     [{"LOWER": {"REGEX": "(a|aa)*"}}],
                     [{"LOWER": {"FUZZY": {"REGEX": r"(\w+\s?)*"}}}])
    problems = _problems(tmp_path)
    wildcards = ("expected at most one unbounded wildcard token ({\"OP\": \"*\"} or {\"OP\": \"+\"} on a token that "
                 "matches anything), found 2: their matches grow with the square of the text or worse")
    assert problems == [
        f"{path}:1: {wildcards}",
        f"{path}:2: {wildcards}",
        f"{path}:3: expected at most two unbounded tokens ('*', '+', '{{n,}}'), found 3: the work grows with the "
        "length of the text to that power".replace("{{", "{").replace("}}", "}"),
        f"{path}:4: expected at most {MAX_PATTERN_COST} optional positions (each '?' is 1, '{{n,m}}' is m - n, an "
        f"unbounded token 3), found {MAX_PATTERN_COST + 1}: the work doubles with each one".replace("{{", "{")
        .replace("}}", "}"),
        f"{path}:5: expected at most {MAX_PATTERN_COST} optional positions (each '?' is 1, '{{n,m}}' is m - n, an "
        "unbounded token 3), found 9: the work doubles with each one".replace("{{", "{").replace("}}", "}"),
        f"{path}:6: token 1: expected a count of at most {MAX_REPEAT} in 'OP', found '{{1000000}}'"
        .replace("{{", "{").replace("}}", "}"),
        f"{path}:7: expected a regular expression without nested quantifiers, found '^(a+)+$': '(a+)+' repeats a "
        "group that repeats or alternates inside, which can take exponential time on some tokens",
        f"{path}:8: expected a regular expression without nested quantifiers, found '(a|aa)*': '(a|aa)*' repeats "
        "a group that repeats or alternates inside, which can take exponential time on some tokens",
        f"{path}:9: expected a regular expression without nested quantifiers, found '(\\\\w+\\\\s?)*': "
        "'(\\\\w+\\\\s?)*' repeats a group that repeats or alternates inside, which can take exponential time on "
        "some tokens",
    ]


def test_patterns_within_the_budget_are_accepted_and_used_by_the_ruler(tmp_path):
    _patterns(tmp_path,
              [{"LOWER": "syndicat"}, {"OP": "*"}, {"LOWER": "cheminots"}],  # one wildcard: fine
              [{"TEXT": "Mutuelle"}, {"IS_TITLE": True, "OP": "+"}, {"LOWER": "de"}, {"IS_TITLE": True, "OP": "+"}],
              [{"TEXT": {"REGEX": "^(?:Crédit|Caisse)$"}}, {"LOWER": {"IN": ["agricole", "d'épargne"]}}])
    nlp = spacy.blank("fr")
    ensure_extensions()
    ruler = make_entity_ruler(nlp, "frnews_entity_ruler", [str(tmp_path)])
    doc = ruler(nlp.make_doc("Le syndicat national des cheminots rencontre la Mutuelle Générale de Bretagne."))
    assert [(e.text, e.label_) for e in doc.ents] == [("syndicat national des cheminots", "ORG"),
                                                      ("Mutuelle Générale de Bretagne", "ORG")]


@pytest.mark.parametrize("regex, nested", [
    ("^(a+)+$", "(a+)+"), ("(a|aa)*", "(a|aa)*"), (r"(\w+\s?)*", r"(\w+\s?)*"), ("((a+)b)+", "((a+)b)+"),
    ("(?:ab*){2,}", "(?:ab*){2,}"), ("(?P<x>a+)*?", "(?P<x>a+)*?"),
    ("(iste|ien|ienne)$", None), ("^(?:de|du)?x+$", None), ("[(a+)]+", None), (r"\(a+\)+", None),
    ("(ab){3}c+", None), ("a{2,}b*", None),
])
def test_the_nested_quantifier_check_is_static_and_conservative(regex, nested):
    assert nested_quantifier(regex) == nested


# --------------------------------------------------------------------------- phrase patterns

def test_a_phrase_pattern_of_a_users_file_is_used_by_the_entity_ruler(tmp_path):
    _write(tmp_path, "kb/patterns.jsonl", '{"label": "LOC", "pattern": "Anse aux Loutres"}\n'
                                          '{"label": "ORG", "pattern": "Mutuelle d\'Armor"}\n')
    nlp = spacy.blank("fr")
    ensure_extensions()
    ruler = make_entity_ruler(nlp, "frnews_entity_ruler", [str(tmp_path)])
    linker = make_entity_linker(nlp, "frnews_linker", [str(tmp_path)])
    doc = linker(ruler(nlp.make_doc("La Mutuelle d’Armor ouvre une agence près de l'Anse aux Loutres.")))
    assert [(e.text, e.label_) for e in doc.ents] == [("Mutuelle d’Armor", "ORG"), ("Anse aux Loutres", "LOC")]
    assert [e.id for e in doc._.frnews_entities] == ["local:ORG/mutuelle-d-armor", "local:LOC/anse-aux-loutres"]


@pytest.mark.model
def test_the_extractor_uses_a_users_phrase_pattern(tmp_path):
    from conftest import require_model

    import frnews_ner

    require_model()
    _write(tmp_path, "kb/patterns.jsonl", '{"label": "ORG", "pattern": "Coopérative des sabliers du Trégor"}\n')
    ex = frnews_ner.Extractor(rules=[tmp_path])
    found = ex.extract("Hier, la Coopérative des sabliers du Trégor a réuni ses membres.", published="2024-12-15")
    assert ("ORG", "Coopérative des sabliers du Trégor") in {(e.label, e.name) for e in found.entities}


# --------------------------------------------------------------------------- large knowledge bases

def test_a_large_generated_knowledge_base_is_matched_by_name_with_each_records_id(tmp_path):
    # 3,000 people from a few hundred distinct words (as real names share theirs), two records that
    # share one spelling, and a name with an apostrophe
    first = [f"{a}{b}".capitalize() for a in ("ma", "lo", "ri", "ka", "zé") for b in ("rin", "dou", "nel", "va")]
    last = [f"{a}{b}{c}" for a in ("Ber", "Dal", "Fou", "Gar", "Mel", "Tor") for b in ("an", "ou", "i")
            for c in ("det", "zac", "mon", "ville", "ssier", "card", "bel", "tin")]
    rows = ["id\tname\taliases"]
    for n in range(3000):
        rows.append(f"gen:person/{n}\t{first[n % len(first)]} {last[n // len(first) % len(last)]}-{n // 2000}\t")
    rows.append("gen:person/twin-a\tJosé Twin\t")
    rows.append("gen:person/twin-b\tJose Twin\t")
    rows.append("gen:person/oneill\tMaeve O'Neill\t")
    _write(tmp_path, "kb/people.tsv", "\n".join(rows) + "\n")
    nlp = spacy.blank("fr")
    ensure_extensions()
    ruler = make_entity_ruler(nlp, "frnews_entity_ruler", [str(tmp_path)])
    target = rows[1 + 2345].split("\t")
    doc = ruler(nlp.make_doc(f"Hier, {target[1]} a croisé José Twin et Maeve O’Neill."))
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [
        (target[1], "PER", target[0]),
        ("José Twin", "PER", ""),  # two records fold to one spelling: the linker decides
        ("Maeve O’Neill", "PER", "gen:person/oneill"),
    ]
