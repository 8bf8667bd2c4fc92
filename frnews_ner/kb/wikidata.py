"""Turn a Wikidata export the user made into rule files, with ``kb.wikidata`` filled.

No Wikidata id ships with frnews_ner (none could be taken from a named source), but newsrooms work
with QIDs: run a SPARQL query on https://query.wikidata.org (the README shows one), download the
result as CSV or JSON, then::

    frnews-ner kb import export.csv -o my_rules/
    Extractor(rules=["my_rules/"])

Columns (SPARQL variables) of the export; only ``item`` and ``itemLabel`` are required:

============ ====================================================================================
``item``      the Wikidata entity, as a URI (``http://www.wikidata.org/entity/Q90``) or a QID
``itemLabel`` its French label
``aliases``   other French names, separated by ``|`` (``GROUP_CONCAT(…; separator="|")``)
``type``      ``person``, ``organisation``, ``country``, ``region``, ``city`` or ``place``
              (default ``person``)
``country``   ISO 3166 alpha-2 code of its country (Wikidata P297 of the country item)
``coord``     coordinates, as Wikidata gives them (``Point(2.35 48.85)``), or ``lat`` and ``lon``
``population`` a number; ``geonames`` the GeoNames id (P1566)
``role``      an office it held, one of the roles of ``kb/roles.tsv`` (``président``, ``maire``…),
              with ``start`` and ``end`` (ISO dates or datetimes; ``end`` empty: still in office) and
              ``roleCountry`` (ISO code of the office's country; default ``country``)
============ ====================================================================================

An item the shipped knowledge base already knows — the same GeoNames id, the same ISO country
code, or the same name and type — gets its QID on the shipped record (an overlay row with the
shipped id); any other item becomes a new record ``wikidata:Q…``. Several rows of one item (one
per office) are one record. Every malformed row is reported at once (``export.csv:12: expected …,
found …``); nothing is written then, and existing files are never overwritten.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import RuleError
from ..rules import Problems, load_rules, read_text
from ..text import fold
from .base import TYPE_LABELS, KnowledgeBase

_QID = re.compile(r"(?:^|/)(Q[1-9][0-9]*)$")
_POINT = re.compile(r"^Point\(\s*(-?[0-9.]+)\s+(-?[0-9.]+)\s*\)$", re.IGNORECASE)
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_DATE = re.compile(r"^(-?\d{4}-\d{2}-\d{2})(?:T[0-9:]+Z?)?$")
_FILES = {"person": "people.tsv", "organisation": "organisations.tsv", "country": "places.tsv",
          "region": "places.tsv", "city": "places.tsv", "place": "places.tsv"}


@dataclass
class _Item:
    qid: str
    label: str
    type: str
    line: int
    aliases: list[str] = field(default_factory=list)
    country: str = ""
    lat: str = ""
    lon: str = ""
    population: str = ""
    geonames: str = ""
    offices: list[tuple[str, str, str, str]] = field(default_factory=list)  # role, country, start, end


def read_export(path: Path, problems: Problems) -> list[tuple[int, dict[str, str]]]:
    """Rows of a SPARQL CSV or JSON result as ``(line, {variable: value})``."""
    text = read_text(path, problems)
    if text is None:
        return []
    if path.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        try:
            data = json.loads(text)
            bindings = data["results"]["bindings"]
        except (json.JSONDecodeError, KeyError, TypeError) as err:
            problems.add(path, 1, f"expected a SPARQL JSON result ({{\"head\", \"results\": {{\"bindings\"}}}}), "
                                  f"found {type(err).__name__}: {err}")
            return []
        return [(n, {k: str(v.get("value", "")) for k, v in b.items() if isinstance(v, dict)})
                for n, b in enumerate(bindings, start=1)]
    reader = csv.DictReader(text.splitlines())
    return [(n, {k: (v or "").strip() for k, v in row.items() if k}) for n, row in enumerate(reader, start=2)]


def _date(value: str) -> str | None:
    m = _DATE.match(value.strip())
    return m.group(1) if m else None


def collect(rows: Iterable[tuple[int, dict[str, str]]], path: Path, problems: Problems,
            roles: Iterable[str]) -> list[_Item]:
    known_roles = set(roles)
    items: dict[str, _Item] = {}
    for line, row in rows:
        m = _QID.search(row.get("item", "").strip())
        if not m:
            problems.add(path, line, f"expected a Wikidata item (a QID or an entity URI) in 'item', found "
                                     f"{row.get('item', '')!r}")
            continue
        label = row.get("itemLabel", "").strip()
        if not label or _QID.search(label):
            problems.add(path, line, f"expected a French label in 'itemLabel', found {label!r} (ask the label "
                                     f"service for 'fr')")
            continue
        rtype = row.get("type", "").strip() or "person"
        if rtype not in TYPE_LABELS:
            problems.add(path, line, f"expected a type in {sorted(TYPE_LABELS)}, found {rtype!r}")
            continue
        country = row.get("country", "").strip().upper()
        if country and not _COUNTRY.match(country):
            problems.add(path, line, f"expected an ISO 3166 alpha-2 code in 'country', found {country!r}")
            continue
        item = items.setdefault(m.group(1), _Item(m.group(1), label, rtype, line))
        item.aliases += [a.strip() for a in row.get("aliases", "").split("|") if a.strip() and a.strip() != label]
        item.country = item.country or country
        lat, lon = row.get("lat", "").strip(), row.get("lon", "").strip()
        coord = row.get("coord", "").strip()
        if coord:
            point = _POINT.match(coord)
            if point is None:
                problems.add(path, line, f"expected coordinates like 'Point(2.35 48.85)' in 'coord', found {coord!r}")
                continue
            lon, lat = point.group(1), point.group(2)
        for column, value in (("lat", lat), ("lon", lon), ("population", row.get("population", "").strip()),
                              ("geonames", row.get("geonames", "").strip())):
            try:
                if value:
                    float(value) if column in ("lat", "lon") else int(float(value))
            except ValueError:
                problems.add(path, line, f"expected a number in {column!r}, found {value!r}")
                value = ""
            if value and not getattr(item, column):
                setattr(item, column, value if column in ("lat", "lon") else str(int(float(value))))
        role = row.get("role", "").strip()
        if role:
            start, end = _date(row.get("start", "")), _date(row.get("end", "")) if row.get("end", "").strip() else ""
            office_country = row.get("roleCountry", "").strip().upper() or item.country
            if role not in known_roles:
                problems.add(path, line, f"expected a role of roles.tsv in 'role' (e.g. {', '.join(sorted(known_roles)[:5])}…), "
                                         f"found {role!r}")
            elif start is None or end is None:
                problems.add(path, line, f"expected ISO dates in 'start' and 'end' (end may be empty), found "
                                         f"{row.get('start', '')!r} .. {row.get('end', '')!r}")
            elif rtype != "person":
                problems.add(path, line, f"expected a person to hold the role {role!r}, found a {rtype}")
            else:
                item.offices.append((role, office_country, start, end or ""))
    return list(items.values())


def _existing_id(kb: KnowledgeBase, item: _Item) -> str | None:
    """The shipped record an imported item is: same GeoNames id, same country code, or one record of
    that name and type (several: ambiguous, a new record is safer)."""
    if item.geonames and kb.get(f"geonames:{item.geonames}") is not None:
        return f"geonames:{item.geonames}"
    if item.type == "country" and item.country and kb.get(f"iso3166:{item.country}") is not None:
        return f"iso3166:{item.country}"
    same = {c.id for c in kb.candidates(item.label) if c.match == "exact" and kb[c.id].type == item.type
            and (not item.country or kb[c.id].info.country in (None, item.country))}
    return next(iter(same)) if len(same) == 1 else None


def import_wikidata(export: str | Path, out_dir: str | Path) -> dict[str, int]:
    """Write ``<out_dir>/kb/*.tsv`` from a Wikidata export; returns the number of rows per file written.

    >>> import_wikidata("export.csv", "my_rules/")  # doctest: +SKIP
    {'people.tsv': 12, 'offices.tsv': 15}
    """
    path, out = Path(export), Path(out_dir) / "kb"
    rules = load_rules()
    problems = Problems()
    items = collect(read_export(path, problems), path, problems, rules.kb.roles)
    tables: dict[str, list[str]] = {}
    for item in items:
        existing = _existing_id(rules.kb, item)
        rid = existing or f"wikidata:{item.qid}"
        # a shipped record keeps its name (the French label becomes an alias); a new one is named by it
        name = "" if existing else item.label
        aliases = "|".join(dict.fromkeys(([item.label] if existing else []) + item.aliases))
        if item.type in ("person", "organisation"):
            row = [rid, name, item.country, aliases, item.qid]
        else:
            row = [rid, name, item.type, item.country, item.lat, item.lon, item.geonames, item.population,
                   aliases, item.qid]
        tables.setdefault(_FILES[item.type], []).append("\t".join(row))
        for role, country, start, end in item.offices:
            tables.setdefault("offices.tsv", []).append("\t".join([rid, role, country, start, end]))
    headers = {"people.tsv": "id\tname\tcountry\taliases\twikidata",
               "organisations.tsv": "id\tname\tcountry\taliases\twikidata",
               "places.tsv": "id\tname\ttype\tcountry\tlat\tlon\tgeonames\tpopulation\taliases\twikidata",
               "offices.tsv": "person\trole\tcountry\tstart\tend"}
    for filename in tables:
        if (out / filename).exists():
            problems.add(out / filename, 0, "expected a new file (existing rule files are never overwritten), "
                                            "found one: choose another output directory or move it")
    problems.raise_if_any()
    out.mkdir(parents=True, exist_ok=True)
    for filename, rows in tables.items():
        (out / filename).write_text(f"# Imported from {path.name} by frnews-ner kb import (Wikidata, CC0).\n"
                                    + headers[filename] + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    try:
        load_rules([out.parent])  # what was written must be valid rules
    except RuleError:
        for filename in tables:
            (out / filename).unlink()
        raise
    return {filename: len(rows) for filename, rows in tables.items()}


def add_parser(subparsers: Any) -> None:
    """``frnews-ner kb import FILE -o DIR`` (called by :mod:`frnews_ner.cli`)."""
    kb = subparsers.add_parser("kb", help="knowledge-base tools")
    kbsub = kb.add_subparsers(dest="kb_command", required=True)
    imp = kbsub.add_parser("import", help="turn a Wikidata export (SPARQL CSV or JSON) into rule files",
                           description="Columns: item, itemLabel, aliases, type, country, coord (or lat/lon), "
                                       "population, geonames, role, start, end, roleCountry; see README.")
    imp.add_argument("export", help="a SPARQL result downloaded as CSV or JSON")
    imp.add_argument("-o", "--output", required=True, metavar="DIR", help="rules directory to write kb/*.tsv into")
    imp.set_defaults(func=_cmd_import)


def _cmd_import(args: Any) -> int:
    written = import_wikidata(args.export, args.output)
    for filename, count in written.items():
        print(f"{Path(args.output) / 'kb' / filename}: {count} rows")
    print(f"use them with: Extractor(rules=[{str(args.output)!r}]) or --rules {args.output}")
    return 0


__all__ = ["add_parser", "import_wikidata", "read_export"]
