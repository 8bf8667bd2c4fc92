"""Typed, frozen records returned by :func:`frnews_ner.extract` (JSON schema ``frnews_ner/1``)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

SCHEMA = "frnews_ner/1"

Label = Literal["PER", "LOC", "ORG", "MISC"]
MentionForm = Literal["name", "surname", "alias", "acronym", "demonym", "title", "metonym"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Anchor = Literal["published", "previous", "dateline", "none"]

LABELS: tuple[str, ...] = ("PER", "LOC", "ORG", "MISC")
MENTION_FORMS: tuple[str, ...] = ("name", "surname", "alias", "acronym", "demonym", "title", "metonym")


@dataclass(frozen=True, slots=True)
class Mention:
    """One place in the text that names an entity.

    ``text[start:end] == mention.text`` always holds for the string given to ``extract``.
    ``stands_for`` is set on metonyms: « Kiev continue ses frappes » is a mention of the city Kiev
    standing for ``"iso3166:UA"``.
    """

    start: int
    end: int
    text: str
    form: str = "name"
    stands_for: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "form": self.form,
                "stands_for": self.stands_for}


@dataclass(frozen=True, slots=True)
class KBInfo:
    """What the knowledge base knows of a linked entity; ``source`` names the data file it came from."""

    type: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames: int | None = None
    wikidata: str | None = None
    population: int | None = None
    source: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "country": self.country, "lat": self.lat, "lon": self.lon,
                "geonames": self.geonames, "wikidata": self.wikidata,
                "population": self.population, "source": self.source}


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world referent of the article with all its mentions.

    ``id`` is the knowledge-base id when linked (``kb`` is then set), otherwise a deterministic
    ``local:<LABEL>/<folded-name>`` id, the same in every article: « Emmanuelle Chaze » →
    ``local:PER/emmanuelle-chaze``. ``candidates`` lists the knowledge-base ids that stayed
    possible when the choice was ambiguous (empty otherwise).
    """

    id: str
    label: str
    name: str
    kb: KBInfo | None
    confidence: float
    mentions: tuple[Mention, ...]
    candidates: tuple[str, ...] = ()

    @property
    def linked(self) -> bool:
        return self.kb is not None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "name": self.name,
                "kb": self.kb.to_dict() if self.kb is not None else None,
                "confidence": self.confidence,
                "mentions": [m.to_dict() for m in self.mentions],
                "candidates": list(self.candidates)}


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A temporal expression with its TIMEX3 normalisation.

    « août dernier » in an article published 2024-12-15 → ``type="DATE"``, ``value="2024-08"``,
    ``granularity="month"``, ``anchor="published"``. Without a publication date a relative
    expression is resolved against the article's dateline when it has one (``anchor="dateline"``,
    with a warning saying so), else keeps an underspecified value (``XXXX-12-14``) or ``None``
    with ``anchor="none"``.
    ``warnings`` says what was doubtful (a weekday that contradicts the date, …).
    """

    start: int
    end: int
    text: str
    type: str
    value: str | None
    granularity: str | None = None
    mod: str | None = None
    anchor: str = "none"
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "type": self.type,
                "value": self.value, "granularity": self.granularity, "mod": self.mod,
                "anchor": self.anchor, "warnings": list(self.warnings)}


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything found in one article.

    >>> import frnews_ner
    >>> ex = frnews_ner.extract("Emmanuel Macron est à Lyon.", published="2024-12-15")  # doctest: +SKIP
    >>> [e.name for e in ex.entities]  # doctest: +SKIP
    ['Emmanuel Macron', 'Lyon']
    """

    model: str
    published: date | None
    entities: tuple[Entity, ...] = ()
    dates: tuple[TimeExpression, ...] = ()
    id: str | None = None
    schema: str = field(default=SCHEMA)

    def to_dict(self) -> dict[str, Any]:
        return {"schema": self.schema, "id": self.id, "model": self.model,
                "published": self.published.isoformat() if self.published else None,
                "entities": [e.to_dict() for e in self.entities],
                "dates": [d.to_dict() for d in self.dates]}

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
