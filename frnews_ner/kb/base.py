"""The knowledge base: records by id, an alias index over folded forms and a transliteration index.

Built by :func:`frnews_ner.kb.load_kb` from the data files; this module only holds and queries it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from ..records import KBInfo
from ..text import fold
from .translit import key_of_folded

#: Record types and the entity label each one gives.
TYPE_LABELS: Mapping[str, str] = {
    "person": "PER",
    "country": "LOC", "region": "LOC", "city": "LOC", "place": "LOC",
    "organisation": "ORG",
}

# Near misses are looked up with rapidfuzz only among names likely to appear misspelt in news:
# people, organisations, countries, regions and cities of at least this population.
_FUZZY_CITY_POPULATION = 500_000
_FUZZY_CUTOFF = 88.0
_FUZZY_MIN_LENGTH = 5


@dataclass(frozen=True, slots=True)
class KBRecord:
    """One referent of the knowledge base: its id and name, what is known of it (``info``, the very
    block an :class:`~frnews_ner.records.Entity` linked to it carries) and how it is matched.

    >>> rec = KBRecord(id="iso3166:UA", name="Ukraine", info=KBInfo("country", country="UA", source="countries.tsv"))
    >>> rec.label
    'LOC'
    """

    id: str
    name: str
    info: KBInfo
    aliases: tuple[str, ...] = ()
    #: aliases that name the record only with a type cue (« Koursk » for the Oblast de Koursk)
    weak_aliases: tuple[str, ...] = ()
    #: id of the capital city (countries only)
    capital: str | None = None
    #: whether the entity ruler may add this name where the statistical model missed it
    ruler: bool = True

    @property
    def type(self) -> str:
        """Shorthand for ``info.type``, the key of every decision on a record."""
        return self.info.type

    @property
    def label(self) -> str:
        return TYPE_LABELS.get(self.info.type, "MISC")


@dataclass(frozen=True, slots=True)
class Office:
    """« président|UA|2019-05-20| »: who held which role of which country, from when to when (``end``
    excluded: offices change hands on that day)."""

    person: str
    role: str
    country: str | None
    start: date
    end: date | None

    def held_on(self, day: date) -> bool:
        # the end day belongs to the successor: offices change hands on that day
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Role:
    """A role of ``roles.tsv``: ``président``, ``premier-ministre``… and whether several people may
    hold it in one country on one day (``several``: a mayor, a collective presidency)."""

    name: str
    kind: str
    several: bool = False


@dataclass(frozen=True, slots=True)
class Title:
    """A title phrase (« président », « chef de l'État russe ») and the roles it names."""

    phrase: str
    roles: frozenset[str]
    country: str | None = None


def _add(index: dict[str, tuple[str, ...]], key: str, record_id: str) -> None:
    """Add ``record_id`` to the ids of ``key`` in an index, once."""
    ids = index.get(key)
    if ids is None:
        index[key] = (record_id,)
    elif record_id not in ids:
        index[key] = ids + (record_id,)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A record a text may name, and how it matched: ``exact``, ``weak``, ``translit`` or ``fuzzy``."""

    id: str
    match: str
    score: float


@dataclass
class KnowledgeBase:
    """Records plus the indexes used to link mentions.

    >>> kb = load_kb()  # doctest: +SKIP
    >>> [c.id for c in kb.candidates("Koursk")]  # doctest: +SKIP
    ['geonames:538560', 'iso3166-2:RU-KRS']
    """

    records: dict[str, KBRecord] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    offices: list[Office] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)
    #: folded demonym form → ISO country code (« nord-coreennes » → ``KP``)
    demonyms: dict[str, str] = field(default_factory=dict)
    #: cue class of ``cues.tsv`` → its folded words (``"region_cue"`` → {"region", "oblast", …})
    cues: dict[str, frozenset[str]] = field(default_factory=dict)
    #: folded alias → the ids of the records it names (tuples, not sets: a set costs 216 bytes and
    #: nearly every name has one record; a 100,000-person knowledge base saves about 80 MB)
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    weak: dict[str, tuple[str, ...]] = field(default_factory=dict)
    keys: dict[str, tuple[str, ...]] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)
    _fuzzy_keys: list[str] | None = None
    _fuzzy_blocks_by: dict[tuple[str, int], list[str]] | None = None
    #: offices by country, with the number of offices it was built from (rebuilt when one is added)
    _offices_by_country: tuple[int, dict[str | None, list[Office]]] | None = None

    def index(self) -> None:
        """(Re)build the alias, transliteration and capital indexes from ``records``."""
        self.aliases, self.weak, self.keys, self.capitals = {}, {}, {}, {}
        self._fuzzy_keys = None
        self._fuzzy_blocks_by = None
        for rec in self.records.values():
            # GeoNames' alternate names already spell cities every way; transliteration keys are
            # for the names news transliterates freely: people, organisations, countries, regions
            # and the places curated by hand.
            keyed = rec.type != "city" or rec.info.source != "cities.tsv"
            for name in (rec.name, *rec.aliases):
                folded = fold(name)
                _add(self.aliases, folded, rec.id)
                if keyed:
                    _add(self.keys, key_of_folded(folded), rec.id)
            for name in rec.weak_aliases:
                _add(self.weak, fold(name), rec.id)
            if rec.capital and rec.capital in self.records:
                self.capitals[rec.capital] = rec.id

    def cue(self, word_class: str) -> frozenset[str]:
        """The folded words of a cue class of ``cues.tsv`` (empty when the class has none)."""
        return self.cues.get(word_class, frozenset())

    def get(self, record_id: str) -> KBRecord | None:
        return self.records.get(record_id)

    def __getitem__(self, record_id: str) -> KBRecord:
        """The record of an id known to be in the knowledge base (a candidate's, say); KeyError else."""
        return self.records[record_id]

    def candidates(self, text: str, *, fuzzy: bool = False) -> list[Candidate]:
        """Records ``text`` may name, best match kind first; empty when nothing matches.

        Exact folded aliases first; weak aliases (a region's name without « oblast de »); then the
        transliteration key; then, with ``fuzzy=True``, a rapidfuzz near miss on that key.
        """
        folded = fold(text)
        found: dict[str, Candidate] = {}
        for rid in sorted(self.aliases.get(folded, ())):
            found[rid] = Candidate(rid, "exact", 1.0)
        for rid in sorted(self.weak.get(folded, ())):
            found.setdefault(rid, Candidate(rid, "weak", 0.8))
        if found:
            return list(found.values())
        key = key_of_folded(folded)
        for rid in sorted(self.keys.get(key, ())):
            found[rid] = Candidate(rid, "translit", 0.9)
        if found or not fuzzy or len(key) < _FUZZY_MIN_LENGTH:
            return list(found.values())
        from rapidfuzz import fuzz, process

        # Only a key of the same first letter and number of words is ever kept (below), so when no
        # such key reaches the cutoff the scan of all keys cannot keep anything: skipped. This is a
        # proof, not a heuristic: the full scan still decides whenever such a key exists (the best
        # key overall may still be another one, and then nothing is kept, as before).
        similar = self._fuzzy_blocks().get((key[:1], len(key.split())), ())
        if process.extractOne(key, similar, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF) is None:
            return list(found.values())
        best = process.extractOne(key, self._fuzzy_choices(), scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
        # a near miss is a misspelt name, never one with a word more or less (« Front de libération
        # nationale » is not the « Front de libération nationale corse »)
        if best is not None and best[0][:1] == key[:1] and len(best[0].split()) == len(key.split()):
            for rid in sorted(self.keys[best[0]]):
                found[rid] = Candidate(rid, "fuzzy", round(0.85 * best[1] / 100, 3))
        return list(found.values())

    def _fuzzy_choices(self) -> list[str]:
        if self._fuzzy_keys is None:
            keep = []
            for key, ids in self.keys.items():
                if len(key) < _FUZZY_MIN_LENGTH:
                    continue
                if any(self._fuzzy_worthy(self.records[i]) for i in ids):
                    keep.append(key)
            self._fuzzy_keys = sorted(keep)
        return self._fuzzy_keys

    def _fuzzy_blocks(self) -> dict[tuple[str, int], list[str]]:
        """The fuzzy keys by first letter and number of words: the only keys a near miss may be."""
        if self._fuzzy_blocks_by is None:
            blocks: dict[tuple[str, int], list[str]] = {}
            for key in self._fuzzy_choices():
                blocks.setdefault((key[:1], len(key.split())), []).append(key)
            self._fuzzy_blocks_by = blocks
        return self._fuzzy_blocks_by

    @staticmethod
    def _fuzzy_worthy(rec: KBRecord) -> bool:
        return rec.type != "city" or (rec.info.population or 0) >= _FUZZY_CITY_POPULATION

    def holders(self, roles: Iterable[str], country: str | None, day: date) -> list[str]:
        """People who held one of ``roles`` of ``country`` on ``day``.

        >>> kb.holders({"président"}, "US", date(2019, 6, 1))  # doctest: +SKIP
        ['frnews:person/donald-trump']
        """
        wanted = set(roles)
        return sorted({o.person for o in self._offices_of(country) if o.role in wanted and o.held_on(day)})

    def _offices_of(self, country: str | None) -> list[Office]:
        """The offices of one country (``None``: international ones), from an index built once."""
        index = self._offices_by_country
        if index is None or index[0] != len(self.offices):
            by: dict[str | None, list[Office]] = {}
            for o in self.offices:
                by.setdefault(o.country, []).append(o)
            index = self._offices_by_country = (len(self.offices), by)
        return index[1].get(country, [])

    def previous_holder(self, roles: Iterable[str], country: str | None, day: date) -> str | None:
        """The last person to have left one of ``roles`` of ``country`` before ``day``, other than the
        people holding it on ``day`` (« l'ancien président américain » in 2024 → Donald Trump)."""
        wanted, current = set(roles), set(self.holders(roles, country, day))
        ended = [o for o in self._offices_of(country) if o.role in wanted and o.end is not None
                 and o.end <= day and o.person not in current]
        return max(ended, key=lambda o: o.end or day).person if ended else None

    def held_before(self, person: str, roles: Iterable[str], country: str | None, day: date) -> bool:
        """Whether ``person`` held one of ``roles`` of ``country`` at some time before ``day``."""
        wanted = set(roles)
        return any(o.person == person and o.role in wanted and o.start < day for o in self._offices_of(country))

    def country_of_demonym(self, text: str) -> str | None:
        """« nord-coréennes » → ``iso3166:KP``; ``None`` when ``text`` is no demonym."""
        code = self.demonyms.get(fold(text))
        return f"iso3166:{code}" if code else None

    def prior(self, rec: KBRecord) -> float:
        """A small preference for bigger places, in [0, 0.1]: « Vienne » is first the Austrian capital."""
        population = rec.info.population
        if not population:
            return 0.05 if rec.type in ("person", "organisation", "country") else 0.0
        return min(0.1, math.log10(max(population, 1)) / 80)
