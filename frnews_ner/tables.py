"""Extractions as tables: one row per mention and one per date, as plain dicts, CSV or pandas.

Columns (:data:`COLUMNS`, the same for both kinds of row; empty where they do not apply):

=============== ===========================================================================
``doc_id``       the item's id (``Extraction.id``)
``kind``         ``mention`` or ``date``
``start``, ``end``, ``text``  character offsets in the article and the text there
``entity_id``    the entity's id (``iso3166:UA``, ``local:PER/…``); ``label`` PER/LOC/ORG/MISC
``name``         the entity's canonical name; ``form`` of the mention; ``stands_for`` (metonyms)
``kb_type``, ``kb_country``, ``lat``, ``lon``, ``geonames``, ``wikidata``  from the knowledge base
``confidence``   the entity's confidence; ``linked`` whether it is in the knowledge base
``type``, ``value``, ``granularity``, ``mod``, ``anchor``  of a date (TIMEX3)
``warnings``     a date's warnings joined by `` | ``
``published``    the publication date of the article, with its time of day when given (``2024-12-15T08:30:00``)
=============== ===========================================================================

>>> rows = extraction.to_rows()  # doctest: +SKIP
>>> frame = frnews_ner.to_frames(extractions)  # doctest: +SKIP  (needs pandas)
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .records import Extraction

COLUMNS: tuple[str, ...] = (
    "doc_id", "kind", "start", "end", "text", "entity_id", "label", "name", "form", "stands_for", "kb_type",
    "kb_country", "lat", "lon", "geonames", "wikidata", "confidence", "linked", "type", "value", "granularity",
    "mod", "anchor", "warnings", "published",
)


def rows(extraction: Extraction) -> list[dict[str, Any]]:
    """One dict per mention (entity order, then text order) and one per date, keyed by :data:`COLUMNS`."""
    published = extraction.published.isoformat() if extraction.published else None
    if published and extraction.published_time is not None:
        published += "T" + extraction.published_time.isoformat()
    out: list[dict[str, Any]] = []
    for entity in extraction.entities:
        kb = entity.kb
        for m in entity.mentions:
            row = dict.fromkeys(COLUMNS)
            row.update(doc_id=extraction.id, kind="mention", start=m.start, end=m.end, text=m.text,
                       entity_id=entity.id, label=entity.label, name=entity.name, form=m.form,
                       stands_for=m.stands_for, confidence=entity.confidence, linked=kb is not None,
                       published=published)
            if kb is not None:
                row.update(kb_type=kb.type, kb_country=kb.country, lat=kb.lat, lon=kb.lon, geonames=kb.geonames,
                           wikidata=kb.wikidata)
            out.append(row)
    for d in extraction.dates:
        row = dict.fromkeys(COLUMNS)
        row.update(doc_id=extraction.id, kind="date", start=d.start, end=d.end, text=d.text, type=d.type,
                   value=d.value, granularity=d.granularity, mod=d.mod, anchor=d.anchor,
                   warnings=" | ".join(d.warnings) or None, published=published)
        out.append(row)
    return out


def iter_rows(extractions: Iterable[Extraction]) -> Iterator[dict[str, Any]]:
    for extraction in extractions:
        yield from rows(extraction)


def write_csv(extractions: Iterable[Extraction], stream: IO[str], *, header: bool = True) -> int:
    """Write the rows of ``extractions`` as CSV (columns :data:`COLUMNS`); returns the number of rows."""
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
    if header:
        writer.writeheader()
    count = 0
    for row in iter_rows(extractions):
        writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
        count += 1
    return count


def to_frames(extractions: Iterable[Extraction]) -> Any:
    """A pandas DataFrame of the rows of ``extractions`` (``pip install "frnews-ner[pandas]"``)."""
    try:
        import pandas as pd
    except ImportError as err:
        raise ImportError('to_frame() and to_frames() need pandas: pip install "frnews-ner[pandas]"') from err
    return pd.DataFrame(list(iter_rows(extractions)), columns=list(COLUMNS))


__all__ = ["COLUMNS", "iter_rows", "rows", "to_frames", "write_csv"]
