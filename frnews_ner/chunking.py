"""Cutting texts longer than a chunk size at paragraph or sentence boundaries, and merging back.

spaCy's memory grows with the length of a doc (its ``max_length`` guard is 1,000,000 characters);
a 3 MB scraped page is cut into chunks, each processed alone, and the records are shifted back to
offsets in the original string. Nothing is truncated.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TypeVar

from .coref import is_surname_only, name_words, surname_keys
from .records import Entity, Mention, TimeExpression

_Offsets = TypeVar("_Offsets", Mention, TimeExpression)

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


def _shifted(mention: _Offsets, offset: int) -> _Offsets:
    return replace(mention, start=mention.start + offset, end=mention.end + offset)


def merge_entities(parts: Iterable[tuple[int, Sequence[Entity]]]) -> list[Entity]:
    """Merge the entities of several chunks (``(offset, entities)``): same id → one entity."""
    merged: dict[str, Entity] = {}
    for offset, entities in parts:
        for entity in entities:
            mentions = tuple(_shifted(m, offset) for m in entity.mentions)
            known = merged.get(entity.id)
            if known is None:
                merged[entity.id] = replace(entity, mentions=mentions)
            else:
                merged[entity.id] = replace(known, mentions=known.mentions + mentions,
                                            confidence=max(known.confidence, entity.confidence),
                                            candidates=tuple(sorted(set(known.candidates) | set(entity.candidates))))
    return _join_surnames_across_chunks(sorted(merged.values(), key=lambda e: e.mentions[0].start))


def _join_surnames_across_chunks(entities: list[Entity]) -> list[Entity]:
    """A surname-only person of one chunk joins the one full name of another chunk it abbreviates.

    Within a chunk :mod:`frnews_ner.coref` did this already, with the same test
    (:func:`~frnews_ner.coref.is_surname_of`); across chunks only an unambiguous match is joined
    (two full names with that surname leave it apart).
    """
    people = [e for e in entities if e.label == "PER"]
    # full names by each of their proper word suffixes (coref.surname_keys: what is_surname_of
    # accepts): one lookup per surname, not a comparison with every person (quadratic on lists)
    full_by_suffix: dict[tuple[str, ...], list[Entity]] = defaultdict(list)
    for entity in people:
        if not is_surname_only(entity.name):
            for key in surname_keys(entity.name):
                full_by_suffix[key].append(entity)
    joined: dict[str, list[Mention]] = {}
    absorbed: set[str] = set()
    for entity in people:
        if entity.kb is not None or not is_surname_only(entity.name):
            continue
        targets = full_by_suffix.get(tuple(name_words(entity.name)), [])
        if len(targets) == 1:
            joined.setdefault(targets[0].id, []).extend(replace(m, form="surname") for m in entity.mentions)
            absorbed.add(entity.id)
    out = []
    for entity in entities:
        if entity.id in absorbed:
            continue
        if entity.id in joined:
            entity = replace(entity, mentions=tuple(sorted(entity.mentions + tuple(joined[entity.id]),
                                                           key=lambda m: m.start)))
        out.append(entity)
    return out


def merge_dates(parts: Iterable[tuple[int, Sequence[TimeExpression]]]) -> list[TimeExpression]:
    """Dates of several chunks shifted to offsets in the whole text."""
    return [_shifted(d, offset) for offset, dates in parts for d in dates]
