"""Loading the knowledge base from the shipped data files and the user's rule directories.

Every directory given to ``Extractor(rules=[...])`` may hold a ``kb/`` folder mirroring the shipped
file names (``kb/people.tsv``, ``kb/places.tsv``, ``kb/patterns.jsonl``…). Files are read shipped
first, then each user directory in order: a row whose id is already known overrides the fields it
fills and adds its aliases; a new id adds a record. Every problem of every file is reported at once
in one :class:`~frnews_ner.errors.RuleError` (``file:line: what was expected, what was found``).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TypeVar

from ..errors import RuleError, RuleProblem
from ..rules import files_named, read_patterns, read_tsv, rule_dirs
from ..text import fold
from .base import TYPE_LABELS, KBRecord, KnowledgeBase, Office, Title

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

_ID = re.compile(r"^[a-z][a-z0-9-]*:[^\s]+$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")


class _Problems:
    """Collects problems so that all of them are raised together."""

    def __init__(self) -> None:
        self.items: list[RuleProblem] = []

    def add(self, path: Path, line: int, message: str) -> None:
        self.items.append(RuleProblem(str(path), line, message))

    def rows(self, path: Path, columns: list[str], required: list[str]) -> list[tuple[int, dict[str, str]]]:
        try:
            return list(read_tsv(path, columns, required=required))
        except RuleError as err:
            self.items.extend(err.problems)
            return []


def _split(cell: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(a.strip() for a in cell.split("|") if a.strip()))


_Number = TypeVar("_Number", int, float)


def _number(problems: _Problems, path: Path, line: int, column: str, value: str,
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


def _parse_record(problems: _Problems, path: Path, line: int, row: dict[str, str], default_type: str | None,
                  known: KBRecord | None) -> KBRecord | None:
    rid = row["id"]
    if not _ID.match(rid):
        problems.add(path, line, f"expected an id like 'geonames:703448' or 'frnews:person/<slug>', found {rid!r}")
        return None
    rtype = row.get("type") or default_type or (known.type if known else "")
    if rtype not in TYPE_LABELS:
        problems.add(path, line, f"expected a type in {sorted(TYPE_LABELS)}, found {rtype!r}")
        return None
    country = row.get("country", "")
    if country and not _COUNTRY.match(country):
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
        return KBRecord(id=rid, name=name, type=rtype, country=country or None, lat=lat, lon=lon,
                        geonames=geonames, wikidata=wikidata or None, population=population,
                        source=path.name, aliases=aliases, weak_aliases=weak,
                        capital=f"geonames:{capital}" if capital else None, ruler=ruler != "no")
    # overlay: filled fields override, aliases add up; the old canonical name stays an alias
    new_aliases = known.aliases + aliases + ((known.name,) if name and name != known.name else ())
    return KBRecord(
        id=rid, name=name or known.name, type=rtype, country=country or known.country,
        lat=lat if lat is not None else known.lat, lon=lon if lon is not None else known.lon,
        geonames=geonames if geonames is not None else known.geonames,
        wikidata=wikidata or known.wikidata,
        population=population if population is not None else known.population,
        source=known.source if (lat is None and geonames is None) else path.name,
        aliases=tuple(dict.fromkeys(new_aliases)), weak_aliases=tuple(dict.fromkeys(known.weak_aliases + weak)),
        capital=f"geonames:{capital}" if capital else known.capital,
        ruler=(ruler != "no") if ruler else known.ruler)


def _date(problems: _Problems, path: Path, line: int, column: str, value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        problems.add(path, line, f"expected an ISO date like 2019-05-20 in column {column!r}, found {value!r}")
        return None


def _demonym_forms(word: str) -> set[str]:
    """« nord-coréen » → its four forms; plurals of -al in -aux, of -s/-x/-z unchanged."""
    forms = {word}
    if word.endswith(("s", "x", "z")):
        return forms
    forms.add(word[:-2] + "aux" if word.endswith("al") else word + "s")
    return forms


def build_kb(dirs: list[Path]) -> KnowledgeBase:
    """Read every knowledge-base file of ``dirs`` (shipped first) into a :class:`KnowledgeBase`."""
    problems = _Problems()
    kb = KnowledgeBase()

    for filename, default_type in RECORD_FILES:
        for path in files_named(dirs, f"kb/{filename}"):
            for line, row in problems.rows(path, ["id", "name"], ["id"]):
                rec = _parse_record(problems, path, line, row, default_type, kb.records.get(row["id"]))
                if rec is not None:
                    kb.records[rec.id] = rec

    for path in files_named(dirs, "kb/offices.tsv"):
        for line, row in problems.rows(path, ["person", "role", "country", "start", "end"], ["person", "role", "start"]):
            if row["person"] not in kb.records or kb.records[row["person"]].type != "person":
                problems.add(path, line, f"expected a person id of people.tsv, found {row['person']!r}")
                continue
            if row["country"] and not _COUNTRY.match(row["country"]):
                problems.add(path, line, f"expected an ISO 3166 alpha-2 country code, found {row['country']!r}")
                continue
            start = _date(problems, path, line, "start", row["start"])
            end = _date(problems, path, line, "end", row["end"]) if row["end"] else None
            if start is None or (row["end"] and end is None):
                continue
            if end is not None and end < start:
                problems.add(path, line, f"expected 'end' after 'start', found {row['start']} .. {row['end']}")
                continue
            kb.offices.append(Office(row["person"], row["role"], row["country"] or None, start, end))

    for path in files_named(dirs, "kb/titles.tsv"):
        for line, row in problems.rows(path, ["title", "roles", "country"], ["title", "roles"]):
            if row["country"] and not _COUNTRY.match(row["country"]):
                problems.add(path, line, f"expected an ISO 3166 alpha-2 country code, found {row['country']!r}")
                continue
            kb.titles.append(Title(row["title"], frozenset(_split(row["roles"])), row["country"] or None))

    def population(code: str) -> int:
        rec = kb.records.get(f"iso3166:{code}")
        return (rec.population or 0) if rec is not None else 0

    for filename in DEMONYM_FILES:
        for path in files_named(dirs, f"kb/{filename}"):
            # within one file a form shared by several countries goes to the most populous one
            # (« Français »: France, not the French Southern Territories); a later file overrides
            claims: dict[str, str] = {}
            for line, row in problems.rows(path, ["country", "masculine", "feminine"],
                                           ["country", "masculine", "feminine"]):
                if not _COUNTRY.match(row["country"]):
                    problems.add(path, line, f"expected an ISO 3166 alpha-2 country code, found {row['country']!r}")
                    continue
                for word in (row["masculine"], row["feminine"]):
                    if " " in word.strip():
                        continue  # « Antiguais et barbudien »: not a single word, never found as one
                    for form in _demonym_forms(fold(word)):
                        held = claims.get(form)
                        if held is None or population(row["country"]) > population(held):
                            claims[form] = row["country"]
            kb.demonyms.update(claims)

    for path in files_named(dirs, "kb/patterns.jsonl"):
        try:
            kb.patterns.extend(read_patterns(path, labels=("PER", "LOC", "ORG", "MISC")))
        except RuleError as err:
            problems.items.extend(err.problems)

    if problems.items:
        raise RuleError(problems.items)
    kb.index()
    return kb


_cache: dict[tuple[str, ...], KnowledgeBase] = {}
_lock = threading.Lock()


def load_kb(rules: Iterable[str | Path] = ()) -> KnowledgeBase:
    """The knowledge base of the shipped files layered with the user's ``rules`` directories.

    Built once per distinct ``rules`` and shared by every component and extractor that asks for it.

    >>> kb = load_kb()
    >>> kb.get("iso3166:UA").name
    'Ukraine'
    >>> kb.country_of_demonym("nord-coréennes")
    'iso3166:KP'
    """
    dirs = rule_dirs(rules)
    key = tuple(str(d.resolve()) for d in dirs)
    with _lock:
        kb = _cache.get(key)
        if kb is None:
            kb = build_kb(dirs)
            _cache[key] = kb
        return kb
