"""The date grammar's layout: families apart, explicit priorities, every French word in the data files."""

from __future__ import annotations

import re
from pathlib import Path

from frnews_ner.dates.grammar import RULES
from frnews_ner.dates.grammar.decades import _ROMAN_VALUES
from frnews_ner.dates.grammar.durations import UNIT_GRAIN
from frnews_ner.dates.grammar.reader import PLURAL_MARK
from frnews_ner.dates.lexicon import LEXICON_CLASSES, MODIFIERS, WORD_CLASSES, Lexicon

DATES = Path(__file__).parent.parent / "frnews_ner" / "dates"
_CLASS_USE = re.compile(r"""(?:is_\([^,()]+(?:\([^()]*\))?, |members\()"([a-z_]+)"\)""")


_QUOTED = re.compile(r'"([^"\\]*)"')


def _code() -> dict[Path, str]:
    return {path: path.read_text(encoding="utf-8") for path in DATES.rglob("*.py") if path.name != "lexicon.py"}


def test_every_word_class_the_grammar_asks_about_is_declared_and_used() -> None:
    code = _code()
    asked = {c for text in code.values() for c in _CLASS_USE.findall(text)}
    quoted = {q for text in code.values() for line in text.splitlines() for q in _QUOTED.findall(line)}
    assert asked, "the scan found no class lookup: the pattern no longer matches the code"
    assert sorted(asked - WORD_CLASSES) == [], "classes asked about but not declared in WORD_CLASSES"
    assert sorted(WORD_CLASSES - quoted - LEXICON_CLASSES) == [], "classes declared but never asked about"


def test_every_declared_word_class_has_words_in_the_shipped_data() -> None:
    lexicon = Lexicon.load()
    empty = sorted(c for c in WORD_CLASSES if not lexicon.members(c))
    assert empty == []


def test_grammar_modules_hold_no_french_word_of_the_lexicon() -> None:
    # A quoted string in the code that is a word of data/dates/*.tsv means a French word lives in
    # code instead of data; the neutral vocabulary (« det », « last », « MO »…) is no French word.
    lexicon = Lexicon.load()
    # « present » is also the neutral tense code; the lexicon holds it as « à présent » without its accent
    neutral = set(UNIT_GRAIN.values()) | MODIFIERS | set(_ROMAN_VALUES) | {PLURAL_MARK, "present"}
    words = {piece for key in (*lexicon.entries, *lexicon.classes) for piece in key if piece.isalpha()} - neutral
    offenders = []
    for path, text in sorted(_code().items()):
        for number, line in enumerate(text.splitlines(), start=1):
            code = line.split("#", 1)[0]
            if code.lstrip().startswith(('"""', "'")) or "``" in code:
                continue
            found = [q for q in _QUOTED.findall(code) if q in words]
            if found:
                offenders.append(f"{path.name}:{number}: {found}")
    assert offenders == []


def test_rules_have_distinct_names_and_priorities_highest_first() -> None:
    names = [r.name for r in RULES]
    priorities = [r.priority for r in RULES]
    assert len(set(names)) == len(names)
    assert len(set(priorities)) == len(priorities), "a tie between two rules would be broken silently"
    assert priorities == sorted(priorities, reverse=True)
