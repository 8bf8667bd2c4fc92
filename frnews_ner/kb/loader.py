"""Reading the knowledge base from the shipped data files and the user's rule directories.

Every directory given to ``Extractor(rules=[...])`` may hold a ``kb/`` folder mirroring the shipped
file names (``kb/people.tsv``, ``kb/places.tsv``…). Files are read shipped first, then each user
directory in order: a row whose id is already known overrides the fields it fills and adds its
aliases; a new id adds a record. Problems go to the one collector of :mod:`frnews_ner.rules`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TypeVar

from ..records import KBInfo
from ..rules import Problems, files_named, load_rules, read_table
from ..text import fold
from .base import TYPE_LABELS, KBRecord, KnowledgeBase, Office, Role, Title

#: Record files in load order; later files may refer to (and override) ids of earlier ones.
RECORD_FILES: tuple[tuple[str, str | None], ...] = (
    ("countries.tsv", "country"),
    ("regions.tsv", "region"),
    ("cities.tsv", "city"),
    ("places.tsv", None),
    ("organisations.tsv", "organisation"),
    ("people.tsv", "person"),
)
DEMONYM_FILES: tuple[str, ...] = ("demonyms_world_countries.tsv", "demonyms.tsv")
ROLE_KINDS = ("head-of-state", "head-of-government", "minister", "international", "other")
#: The classes of ``cues.tsv``: words that tell the ruler and the linker what a name is (each one is
#: described in the file).
CUE_CLASSES = frozenset({
    "region_cue", "city_cue", "country_preposition", "city_preposition", "place_preposition",
    "relation_preposition", "relation_head", "clitic", "addressing_verb_stem", "speech_verb", "age_unit",
    "title_determiner", "former", "outgoing", "country_link", "noun_opener", "possessive", "acronym_skip",
})

_ID = re.compile(r"^[a-z][a-z0-9-]*:[^\s]+$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")

_Number = TypeVar("_Number", int, float)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(a.strip() for a in cell.split("|") if a.strip()))


def _number(problems: Problems, path: Path, line: int, column: str, value: str,
            kind: type[_Number]) -> _Number | None:
    """``value`` as ``int`` or ``float``; empty is ``None``; anything else is reported."""
    if not value:
        return None
    try:
        return kind(value)
    except ValueError:
        problems.add(path, line, f"expected {'an integer' if kind is int else 'a number'} in column "
                                 f"{column!r}, found {value!r}")
        return None


def _date(problems: Problems, path: Path, line: int, column: str, value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        problems.add(path, line, f"expected an ISO date like 2019-05-20 in column {column!r}, found {value!r}")
        return None


class _Reader:
    """The files of one knowledge base being read, with the vocabularies rows are checked against."""

    def __init__(self, dirs: list[Path], problems: Problems) -> None:
        self.dirs, self.problems = dirs, problems
        self.kb = KnowledgeBase()
        self._countries: set[str] = set()

    @property
    def countries(self) -> set[str]:
        return {r.info.country for r in self.kb.records.values() if r.type == "country" and r.info.country}

    def country(self, path: Path, line: int, code: str) -> bool:
        """An ISO 3166 alpha-2 code of a country of ``countries.tsv`` (empty is fine)."""
        if not code:
            return True
        if not _COUNTRY.match(code):
            self.problems.add(path, line, f"expected an ISO 3166 alpha-2 country code like 'UA', found {code!r}")
            return False
        if self.kb.records and code not in self._countries:
            self.problems.add(path, line, f"expected the code of a country of countries.tsv, found {code!r}")
            return False
        return True

    def read(self) -> KnowledgeBase:
        for filename, default_type in RECORD_FILES:
            for path in files_named(self.dirs, f"kb/{filename}"):
                self._countries = self.countries
                for line, row in read_table(path, self.problems, ["id", "name"], required=["id"]):
                    rec = self.record(path, line, row, default_type, self.kb.records.get(row["id"]))
                    if rec is not None:
                        self.kb.records[rec.id] = rec
        self._countries = self.countries
        self.roles()
        self.offices()
        self.titles()
        self.demonyms()
        self.cues()
        return self.kb

    def cues(self) -> None:
        found: dict[str, set[str]] = {c: set() for c in CUE_CLASSES}
        for path in files_named(self.dirs, "kb/cues.tsv"):
            for line, row in read_table(path, self.problems, ["word", "class"], required=["word", "class"]):
                cls = row["class"].removeprefix("-")
                if cls not in CUE_CLASSES:
                    self.problems.add(path, line, f"expected a class in {sorted(CUE_CLASSES)}, found {cls!r}")
                    continue
                if row["class"].startswith("-"):
                    found[cls].discard(fold(row["word"]))  # « -class » takes a shipped word out of a class
                else:
                    found[cls].add(fold(row["word"]))
        self.kb.cues = {c: frozenset(words) for c, words in found.items()}

    def record(self, path: Path, line: int, row: dict[str, str], default_type: str | None,
               known: KBRecord | None) -> KBRecord | None:
        problems = self.problems
        rid = row["id"]
        if not _ID.match(rid):
            problems.add(path, line, f"expected an id like 'geonames:703448' or 'frnews:person/<slug>', found {rid!r}")
            return None
        rtype = row.get("type") or default_type or (known.type if known else "")
        if rtype not in TYPE_LABELS:
            problems.add(path, line, f"expected a type in {sorted(TYPE_LABELS)}, found {rtype!r}")
            return None
        country = row.get("country", "")
        if rtype != "country" and not self.country(path, line, country):
            return None
        if rtype == "country" and country and not _COUNTRY.match(country):
            problems.add(path, line, f"expected an ISO 3166 alpha-2 country code like 'UA', found {country!r}")
            return None
        wikidata = row.get("wikidata", "")
        if wikidata and not _WIKIDATA.match(wikidata):
            problems.add(path, line, f"expected a Wikidata id like 'Q212', found {wikidata!r}")
            return None
        before = len(problems.items)
        lat = _number(problems, path, line, "lat", row.get("lat", ""), float)
        lon = _number(problems, path, line, "lon", row.get("lon", ""), float)
        geonames = _number(problems, path, line, "geonames", row.get("geonames", ""), int)
        population = _number(problems, path, line, "population", row.get("population", ""), int)
        capital = row.get("capital", "")
        if len(problems.items) > before:
            return None
        name = row.get("name", "")
        if not name and known is None:
            problems.add(path, line, f"expected a name for the new id {rid!r}, found an empty 'name'")
            return None
        ruler = row.get("ruler", "").lower()
        if ruler not in ("", "yes", "no"):
            problems.add(path, line, f"expected 'yes', 'no' or nothing in column 'ruler', found {ruler!r}")
            return None
        aliases, weak = _split(row.get("aliases", "")), _split(row.get("weak_aliases", ""))
        if known is None:
            info = KBInfo(type=rtype, country=country or None, lat=lat, lon=lon, geonames=geonames,
                          wikidata=wikidata or None, population=population, source=path.name)
            return KBRecord(id=rid, name=name, info=info, aliases=aliases, weak_aliases=weak,
                            capital=f"geonames:{capital}" if capital else None, ruler=ruler != "no")
        # overlay: filled fields override, aliases add up; the old canonical name stays an alias
        old = known.info
        info = KBInfo(
            type=rtype, country=country or old.country,
            lat=lat if lat is not None else old.lat, lon=lon if lon is not None else old.lon,
            geonames=geonames if geonames is not None else old.geonames, wikidata=wikidata or old.wikidata,
            population=population if population is not None else old.population,
            source=old.source if (lat is None and geonames is None) else path.name)
        new_aliases = known.aliases + aliases + ((known.name,) if name and name != known.name else ())
        return replace(known, name=name or known.name, info=info, aliases=tuple(dict.fromkeys(new_aliases)),
                       weak_aliases=tuple(dict.fromkeys(known.weak_aliases + weak)),
                       capital=f"geonames:{capital}" if capital else known.capital,
                       ruler=(ruler != "no") if ruler else known.ruler)

    def roles(self) -> None:
        for path in files_named(self.dirs, "kb/roles.tsv"):
            for line, row in read_table(path, self.problems, ["role", "kind", "holders"], required=["role", "kind"]):
                if row["kind"] not in ROLE_KINDS:
                    self.problems.add(path, line, f"expected a kind in {list(ROLE_KINDS)}, found {row['kind']!r}")
                    continue
                if row["holders"] not in ("", "one", "several"):
                    self.problems.add(path, line, f"expected 'one' or 'several' in column 'holders', found "
                                                  f"{row['holders']!r}")
                    continue
                self.kb.roles[row["role"]] = Role(row["role"], row["kind"], row["holders"] == "several")

    def role(self, path: Path, line: int, role: str) -> bool:
        if role in self.kb.roles:
            return True
        self.problems.add(path, line, f"expected a role of roles.tsv, found {role!r}")
        return False

    def offices(self) -> None:
        problems = self.problems
        for path in files_named(self.dirs, "kb/offices.tsv"):
            for line, row in read_table(path, problems, ["person", "role", "country", "start", "end"],
                                        required=["person", "role", "start"]):
                rec = self.kb.records.get(row["person"])
                if rec is None or rec.type != "person":
                    problems.add(path, line, f"expected a person id of people.tsv, found {row['person']!r}")
                    continue
                if not self.role(path, line, row["role"]) or not self.country(path, line, row["country"]):
                    continue
                start = _date(problems, path, line, "start", row["start"])
                end = _date(problems, path, line, "end", row["end"]) if row["end"] else None
                if start is None or (row["end"] and end is None):
                    continue
                if end is not None and end < start:
                    problems.add(path, line, f"expected 'end' after 'start', found {row['start']} .. {row['end']}")
                    continue
                self.kb.offices.append(Office(row["person"], row["role"], row["country"] or None, start, end))

    def titles(self) -> None:
        for path in files_named(self.dirs, "kb/titles.tsv"):
            for line, row in read_table(path, self.problems, ["title", "roles", "country"], required=["title", "roles"]):
                roles = _split(row["roles"])
                if not all([self.role(path, line, r) for r in roles]) or not self.country(path, line, row["country"]):
                    continue
                self.kb.titles.append(Title(row["title"], frozenset(roles), row["country"] or None))

    def demonyms(self) -> None:
        def population(code: str) -> int:
            rec = self.kb.records.get(f"iso3166:{code}")
            return (rec.info.population or 0) if rec is not None else 0

        for filename in DEMONYM_FILES:
            for path in files_named(self.dirs, f"kb/{filename}"):
                # within one file a form shared by several countries goes to the most populous one
                # (« Français »: France, not the French Southern Territories); a later file overrides
                claims: dict[str, str] = {}
                for line, row in read_table(path, self.problems, ["country", "masculine", "feminine"],
                                            required=["country", "masculine", "feminine"]):
                    if not self.country(path, line, row["country"]):
                        continue
                    for word in (row["masculine"], row["feminine"]):
                        if " " in word.strip():
                            continue  # « Antiguais et barbudien »: not a single word, never found as one
                        for form in _demonym_forms(fold(word)):
                            held = claims.get(form)
                            if held is None or population(row["country"]) > population(held):
                                claims[form] = row["country"]
                self.kb.demonyms.update(claims)


def _demonym_forms(word: str) -> set[str]:
    """« nord-coréen » → its four forms; plurals of -al in -aux, of -s/-x/-z unchanged."""
    forms = {word}
    if word.endswith(("s", "x", "z")):
        return forms
    forms.add(word[:-2] + "aux" if word.endswith("al") else word + "s")
    return forms


def read_kb(dirs: list[Path], problems: Problems) -> KnowledgeBase:
    """Every knowledge-base file of ``dirs`` (shipped first), problems noted; the result is not indexed."""
    return _Reader(dirs, problems).read()


def build_kb(dirs: list[Path]) -> KnowledgeBase:
    """Read and index every knowledge-base file of ``dirs``; raises :class:`~frnews_ner.errors.RuleError`."""
    problems = Problems()
    kb = read_kb(dirs, problems)
    problems.raise_if_any()
    kb.index()
    return kb


def load_kb(rules: Iterable[str | Path] = ()) -> KnowledgeBase:
    """The knowledge base of the shipped files layered with the user's ``rules`` directories.

    Built once per distinct ``rules`` (the knowledge-base part of :func:`frnews_ner.rules.load_rules`).

    >>> kb = load_kb()
    >>> kb.get("iso3166:UA").name
    'Ukraine'
    >>> kb.country_of_demonym("nord-coréennes")
    'iso3166:KP'
    """
    return load_rules(rules).kb
