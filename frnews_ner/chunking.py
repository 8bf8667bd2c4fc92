"""Cutting texts longer than a chunk size at paragraph or sentence boundaries, and merging back.

spaCy's memory grows with the length of a doc (its ``max_length`` guard is 1,000,000 characters);
a 3 MB scraped page is cut into chunks, each processed alone, and the records are shifted back to
offsets in the original string. Nothing is truncated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from .text import fold

#: Texts longer than this are processed in chunks (characters).
DEFAULT_CHUNK_CHARS = 100_000

# Preferred cut points, best first: a paragraph break, a line break, a sentence end, any space.
_CUTS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?…»]\s"), re.compile(r"\s"))


def split_text(text: str, limit: int = DEFAULT_CHUNK_CHARS) -> list[tuple[int, str]]:
    """``(offset, chunk)`` pairs covering ``text`` exactly, each chunk at most ``limit`` characters.

    >>> split_text("Un. Deux. Trois.", limit=10)
    [(0, 'Un. Deux. '), (10, 'Trois.')]
    """
    if limit < 1:
        raise ValueError(f"chunk limit must be a positive number of characters, got {limit!r}")
    chunks: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = 0
        # only accept a cut in the second half of the window, so chunks do not become tiny
        for pattern in _CUTS:
            ends = [m.end() for m in pattern.finditer(window) if m.end() > limit // 2]
            if ends:
                cut = ends[-1]
                break
        if cut == 0:
            cut = limit  # no boundary at all (a 3 MB word): a hard cut, still nothing lost
        chunks.append((start, text[start:start + cut]))
        start += cut
    chunks.append((start, text[start:]))
    return chunks


def _shift(record: Mapping[str, Any], offset: int) -> dict[str, Any]:
    return {**record, "start": record["start"] + offset, "end": record["end"] + offset}


def merge_entities(parts: Iterable[tuple[int, list[dict[str, Any]]]]) -> list[dict[str, Any]]:
    """Merge entity dicts of several chunks (``(offset, entities)``): same id → one entity."""
    merged: dict[str, dict[str, Any]] = {}
    for offset, entities in parts:
        for entity in entities:
            mentions = [_shift(m, offset) for m in entity["mentions"]]
            known = merged.get(entity["id"])
            if known is None:
                merged[entity["id"]] = {**entity, "mentions": mentions}
            else:
                known["mentions"] = known["mentions"] + mentions
                known["confidence"] = max(known["confidence"], entity["confidence"])
                known["candidates"] = sorted(set(known["candidates"]) | set(entity["candidates"]))
    return _join_surnames_across_chunks(sorted(merged.values(), key=lambda e: e["mentions"][0]["start"]))


def _join_surnames_across_chunks(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A surname-only person of one chunk joins the one full name of another chunk it abbreviates.

    Within a chunk :mod:`frnews_ner.coref` did this already; across chunks only an unambiguous
    match is joined (two full names with that surname leave it apart).
    """
    full = [e for e in entities if e["label"] == "PER" and len(fold(e["name"]).split()) > 1]
    kept = []
    for entity in entities:
        if entity["label"] == "PER" and entity["kb"] is None and len(fold(entity["name"]).split()) == 1:
            surname = fold(entity["name"])
            targets = [f for f in full if fold(f["name"]).split()[-1] == surname]
            if len(targets) == 1:
                target = targets[0]
                target["mentions"] = sorted(
                    target["mentions"] + [{**m, "form": "surname"} for m in entity["mentions"]],
                    key=lambda m: m["start"])
                continue
        kept.append(entity)
    return kept


def merge_dates(parts: Iterable[tuple[int, list[dict[str, Any]]]]) -> list[dict[str, Any]]:
    """Date dicts of several chunks shifted to offsets in the whole text."""
    return [_shift(d, offset) for offset, dates in parts for d in dates]
