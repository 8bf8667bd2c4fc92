"""The custom Doc attributes the frnews_ner components read and write, registered in this one place.

They are registered when a component is created, never at import.

- ``doc._.frnews_published``: the publication date, or date and time (an ISO string, a ``date``, a
  ``datetime`` or ``None``), set by the caller before the pipeline runs (``Extractor`` does it);
  read only through :func:`published_of` and :func:`published_time_of`.
- ``doc._.frnews_titles``: :class:`TitleMention` records, written by ``frnews_entity_ruler`` for
  ``frnews_linker`` (which title phrases name which office of which country).
- ``doc._.frnews_entities``: :class:`~frnews_ner.records.Entity` records, written by ``frnews_linker``.
- ``doc._.frnews_dates``: :class:`~frnews_ner.records.TimeExpression` records, written by ``frnews_dates``.

The records survive ``nlp.pipe(n_process=2)`` and ``Doc.to_bytes``: :mod:`frnews_ner.serialization`
is declared to srsly's msgpack under its entry points.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.tokens import Doc

from ..published import parse_published, parse_published_time, published_text

PUBLISHED = "frnews_published"
TITLES = "frnews_titles"
ENTITIES = "frnews_entities"
DATES = "frnews_dates"


@dataclass(frozen=True, slots=True)
class TitleMention:
    """« le président ukrainien » at ``start:end`` (characters): a title naming one of ``roles`` of
    ``country``. ``country`` is None when the title does not say it (« le ministre des Sports ») or
    the office is international (``international``: « le secrétaire général de l'ONU »); ``former``
    for « l'ancien président » (the holder before the one in office on the publication date)."""

    start: int
    end: int
    text: str
    roles: tuple[str, ...]
    country: str | None
    international: bool = False
    former: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "roles": list(self.roles),
                "country": self.country, "international": self.international, "former": self.former}

    @classmethod
    def from_dict(cls, data: dict[str, Any], where: str = "") -> TitleMention:
        return cls(data["start"], data["end"], data["text"], tuple(data["roles"]), data["country"],
                   bool(data.get("international")), bool(data.get("former")))


def ensure_extensions() -> None:
    """Register the Doc extensions if they are not there yet (idempotent)."""
    for name in (PUBLISHED, TITLES, ENTITIES, DATES):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def docs_with_published(nlp: Any, items: Iterable[tuple[str, Any]]) -> Iterator[Doc]:
    """Docs of ``(text, published)`` pairs, their publication date set, ready for ``nlp.pipe``.

    >>> for doc in nlp.pipe(docs_with_published(nlp, [("Samedi 14 décembre…", "2024-12-15")])):  # doctest: +SKIP
    ...     doc._.frnews_dates
    """
    ensure_extensions()
    for text, published in items:
        doc = nlp.make_doc(text)
        doc._.set(PUBLISHED, published_iso(published))  # plain data: docs travel between processes
        yield doc


def published_iso(published: Any) -> str | None:
    """``published`` as the ISO string the docs carry: the day, and its time of day when given."""
    day = parse_published(published)
    return published_text(day, parse_published_time(published) if day is not None else None)


def published_of(doc: Doc) -> date | None:
    """The publication date given to ``doc`` (``None`` when none was), parsed the one way."""
    if not Doc.has_extension(PUBLISHED):
        return None
    return parse_published(doc._.get(PUBLISHED))


def published_time_of(doc: Doc) -> time | None:
    """The time of day of the publication given to ``doc`` (``None`` when only a day, or nothing, was)."""
    if not Doc.has_extension(PUBLISHED):
        return None
    return parse_published_time(doc._.get(PUBLISHED))
