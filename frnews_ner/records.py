"""Typed, frozen records returned by :func:`frnews_ner.extract` (JSON schema ``frnews_ner/1``).

The same records travel from the components to the JSON: the linker writes :class:`Entity` records
to ``doc._.frnews_entities``, the date tagger :class:`TimeExpression` records to
``doc._.frnews_dates``, and :class:`Extraction` gathers them. Each record owns its ``to_dict`` and
``from_dict``; ``from_dict`` checks what it reads and raises :class:`~frnews_ner.errors.RecordError`
naming the field (``entities[2].mentions[0].start: expected an integer, found 'x'``).

>>> m = Mention(start=0, end=8, text="Zelensky", form="surname")
>>> Mention.from_dict(m.to_dict()) == m
True
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any, Literal, TypeVar, get_args

from ._version import __version__
from .errors import RecordError

SCHEMA = "frnews_ner/1"

#: What an item's id may be: a string or an integer, kept as given (JSON type included).
DocId = str | int

Label = Literal["PER", "LOC", "ORG", "MISC"]
MentionForm = Literal["name", "surname", "alias", "acronym", "demonym", "title", "metonym"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Anchor = Literal["published", "previous", "dateline", "none"]

LABELS: tuple[Label, ...] = get_args(Label)
MENTION_FORMS: tuple[MentionForm, ...] = get_args(MentionForm)
TIMEX_TYPES: tuple[TimexType, ...] = get_args(TimexType)
ANCHORS: tuple[Anchor, ...] = get_args(Anchor)

_T = TypeVar("_T")


class _Reader:
    """Reads the fields of one JSON object, naming ``where`` in every error."""

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, Mapping):
            raise RecordError(f"{where or 'record'}: expected a JSON object, found {type(data).__name__}")
        self.data, self.where = data, where

    def _path(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def get(self, key: str, kind: type[_T] | tuple[type, ...], *, optional: bool = False,
            default: Any = None) -> Any:
        if key not in self.data:
            if optional:
                return default
            raise RecordError(f"{self._path(key)}: expected a value, found nothing")
        value = self.data[key]
        if value is None and optional:
            return default
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            names = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
            raise RecordError(f"{self._path(key)}: expected {names}, found {value!r:.60}")
        return value

    def choice(self, key: str, allowed: tuple[str, ...], *, optional: bool = False) -> Any:
        value = self.get(key, str, optional=optional)
        if value is not None and value not in allowed:
            raise RecordError(f"{self._path(key)}: expected one of {', '.join(allowed)}, found {value!r}")
        return value

    def number(self, key: str, *, optional: bool = False) -> float | None:
        value = self.get(key, (int, float), optional=optional)
        return None if value is None else float(value)

    def items(self, key: str) -> list[tuple[str, Any]]:
        # a tuple too: msgpack with ``use_list=False`` (spaCy's DocBin reading user data) gives tuples
        values = self.get(key, (list, tuple), optional=True, default=[])
        return [(f"{self._path(key)}[{n}]", v) for n, v in enumerate(values)]

    def strings(self, key: str) -> tuple[str, ...]:
        out = []
        for where, value in self.items(key):
            if not isinstance(value, str):
                raise RecordError(f"{where}: expected str, found {value!r:.60}")
            out.append(value)
        return tuple(out)


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
    form: MentionForm = "name"
    stands_for: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "form": self.form,
                "stands_for": self.stands_for}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str = "") -> Mention:
        r = _Reader(data, where)
        return cls(start=r.get("start", int), end=r.get("end", int), text=r.get("text", str),
                   form=r.choice("form", MENTION_FORMS, optional=True) or "name",
                   stands_for=r.get("stands_for", str, optional=True))


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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str = "") -> KBInfo:
        r = _Reader(data, where)
        return cls(type=r.get("type", str), country=r.get("country", str, optional=True),
                   lat=r.number("lat", optional=True), lon=r.number("lon", optional=True),
                   geonames=r.get("geonames", int, optional=True), wikidata=r.get("wikidata", str, optional=True),
                   population=r.get("population", int, optional=True),
                   source=r.get("source", str, optional=True, default=""))


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world referent of the article with all its mentions.

    ``id`` is the knowledge-base id when linked (``kb`` is then set), otherwise a deterministic
    ``local:<LABEL>/<folded-name>`` id, the same in every article: « Emmanuelle Chaze » →
    ``local:PER/emmanuelle-chaze``. ``candidates`` lists the knowledge-base ids that stayed
    possible when the choice was ambiguous (empty otherwise).
    """

    id: str
    label: Label
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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str = "") -> Entity:
        r = _Reader(data, where)
        kb = r.get("kb", Mapping, optional=True)
        return cls(id=r.get("id", str), label=r.choice("label", LABELS), name=r.get("name", str),
                   kb=KBInfo.from_dict(kb, r._path("kb")) if kb is not None else None,
                   confidence=float(r.number("confidence") or 0.0),
                   mentions=tuple(Mention.from_dict(m, w) for w, m in r.items("mentions")),
                   candidates=r.strings("candidates"))


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
    type: TimexType
    value: str | None
    granularity: str | None = None
    mod: str | None = None
    anchor: Anchor = "none"
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "type": self.type,
                "value": self.value, "granularity": self.granularity, "mod": self.mod,
                "anchor": self.anchor, "warnings": list(self.warnings)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str = "") -> TimeExpression:
        r = _Reader(data, where)
        return cls(start=r.get("start", int), end=r.get("end", int), text=r.get("text", str),
                   type=r.choice("type", TIMEX_TYPES), value=r.get("value", str, optional=True),
                   granularity=r.get("granularity", str, optional=True), mod=r.get("mod", str, optional=True),
                   anchor=r.choice("anchor", ANCHORS, optional=True) or "none", warnings=r.strings("warnings"))


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything found in one article.

    >>> import frnews_ner
    >>> ex = frnews_ner.extract("Emmanuel Macron est à Lyon.", published="2024-12-15")  # doctest: +SKIP
    >>> [e.name for e in ex.entities]  # doctest: +SKIP
    ['Emmanuel Macron', 'Lyon']
    >>> Extraction.from_json(ex.to_json()) == ex  # doctest: +SKIP
    True
    """

    model: str
    published: date | None
    entities: tuple[Entity, ...] = ()
    dates: tuple[TimeExpression, ...] = ()
    id: DocId | None = None
    schema: str = field(default=SCHEMA)
    #: the frnews_ner version that made the record (``None`` when read back from an older one)
    version: str | None = __version__
    #: the time of day of the publication when ``published`` gave one (relative hours count from it)
    published_time: time | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"schema": self.schema, "id": self.id, "model": self.model, "version": self.version,
                "published": self.published.isoformat() if self.published else None,
                "published_time": self.published_time.isoformat() if self.published_time else None,
                "entities": [e.to_dict() for e in self.entities],
                "dates": [d.to_dict() for d in self.dates]}

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_rows(self) -> list[dict[str, Any]]:
        """One plain dict per mention and one per date (columns: :data:`frnews_ner.tables.COLUMNS`)."""
        from .tables import rows

        return rows(self)

    def to_frame(self) -> Any:
        """:meth:`to_rows` as a pandas DataFrame (``pip install "frnews-ner[pandas]"``)."""
        from .tables import to_frames

        return to_frames([self])

    def to_html(self, text: str) -> str:
        """A self-contained HTML page showing ``text`` (the article this was extracted from) with every
        mention and date highlighted (see :mod:`frnews_ner.render`)."""
        from .render import to_html

        return to_html(self, text)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Extraction:
        """Read back a result of :meth:`to_dict` (or a line of ``--jsonl`` output).

        Raises :class:`~frnews_ner.errors.RecordError` naming the first bad field.
        """
        r = _Reader(data, "")
        schema = r.get("schema", str, optional=True, default=SCHEMA)
        if schema != SCHEMA:
            raise RecordError(f"schema: expected {SCHEMA!r}, found {schema!r}")
        if "error" in data:
            error = ErrorRecord.from_dict(data)
            raise RecordError(f"an error record, not a result ({error.where()}: {error.type}: {error.message}); "
                              "read lines that may be either with frnews_ner.records.read_result")
        published = r.get("published", str, optional=True)
        try:
            day = date.fromisoformat(published) if published is not None else None
        except ValueError:
            raise RecordError(f"published: expected an ISO date like '2024-12-15', found {published!r}") from None
        published_time = r.get("published_time", str, optional=True)
        try:
            clock = time.fromisoformat(published_time) if published_time is not None else None
        except ValueError:
            raise RecordError(f"published_time: expected an ISO time like '08:30:00', found {published_time!r}") from None
        return cls(model=r.get("model", str), published=day, published_time=clock,
                   entities=tuple(Entity.from_dict(e, w) for w, e in r.items("entities")),
                      dates=tuple(TimeExpression.from_dict(d, w) for w, d in r.items("dates")),
                   id=_doc_id(r), schema=schema, version=r.get("version", str, optional=True))

    @classmethod
    def from_json(cls, text: str) -> Extraction:
        """:meth:`from_dict` of a JSON string."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise RecordError(f"expected a JSON object, found invalid JSON ({err.msg})") from None
        return cls.from_dict(data)


def _doc_id(r: _Reader) -> DocId | None:
    if isinstance(r.data.get("id"), bool):  # a bool is an int to Python, not an id to anyone
        raise RecordError(f"id: expected str or int, found {r.data['id']!r}")
    return r.get("id", (str, int), optional=True)


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """The place of a document that could not be processed, in the stream of results.

    ``extract_many(..., errors="record")``, ``frnews-ner extract --jsonl`` and the Dask functions
    put one where the result would be, so there is exactly one record per input:

    ``{"schema": "frnews_ner/1", "id": "a7", "line": 12, "version": "0.1.0",
    "error": {"type": "InputError", "message": "line 12: invalid UTF-8 at byte 40 (0xe9)"}}``

    ``id`` is the item's id when it could be read, ``line`` its line in a JSONL input, ``index``
    its position among the items given to ``extract_many`` (not written to JSON: the line says it).

    >>> ErrorRecord(id="a7", line=12, type="InputError", message="line 12: expected a JSON object").to_dict()["error"]
    {'type': 'InputError', 'message': 'line 12: expected a JSON object'}
    """

    type: str
    message: str
    id: DocId | None = None
    line: int | None = None
    index: int | None = None
    schema: str = field(default=SCHEMA)
    version: str | None = __version__

    def where(self) -> str:
        """``line 12 (id 'a7')``, ``item 3``: how messages name the document."""
        place = f"line {self.line}" if self.line is not None else (
            f"item {self.index}" if self.index is not None else "document")
        return place + (f" (id {self.id!r})" if self.id is not None else "")

    def to_dict(self) -> dict[str, Any]:
        return {"schema": self.schema, "id": self.id, "line": self.line, "version": self.version,
                "error": {"type": self.type, "message": self.message}}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ErrorRecord:
        """Read back an error record; raises :class:`~frnews_ner.errors.RecordError` naming the bad field."""
        r = _Reader(data, "")
        error = _Reader(r.get("error", Mapping), "error")
        return cls(type=error.get("type", str), message=error.get("message", str), id=_doc_id(r),
                   line=r.get("line", int, optional=True), schema=r.get("schema", str, optional=True, default=SCHEMA),
                   version=r.get("version", str, optional=True))


def read_result(data: Mapping[str, Any] | str) -> Extraction | ErrorRecord:
    """A line of ``--jsonl`` output (or its dict) → the :class:`Extraction` or the :class:`ErrorRecord` it holds.

    >>> read_result('{"schema": "frnews_ner/1", "id": 3, "line": 3, "error": {"type": "InputError", '
    ...             '"message": "line 3: expected a JSON object, found list"}}').where()
    'line 3 (id 3)'
    """
    if isinstance(data, str):
        try:
            data = json.loads(data)
        except json.JSONDecodeError as err:
            raise RecordError(f"expected a JSON object, found invalid JSON ({err.msg})") from None
    if isinstance(data, Mapping) and "error" in data:
        return ErrorRecord.from_dict(data)
    return Extraction.from_dict(data)  # type: ignore[arg-type]
