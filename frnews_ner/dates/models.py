"""The neutral data of the date finder: what a piece of text is, what an expression means, what it resolves to.

No French word and no arithmetic here. The grammar turns pieces of text (:class:`Item`) into
:class:`Candidate` spans carrying a :class:`Frame`; the resolver turns a frame and its anchors into
a :class:`Resolved` TIMEX3 value. « août dernier » → ``Frame(kind="date", month=8, direction="last")``
→ ``Resolved("DATE", "2024-08", "month", None, "published")`` when published on 2024-12-15.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..records import Anchor, TimexType


@dataclass(frozen=True, slots=True)
class Frame:
    """What an expression says, in calendar terms only (no French words, no anchor yet).

    ``shift_unit``/``shift`` count from an anchor (``anchor="published"`` or ``"previous"``;
    ``"that_moment"``: « à ce moment-là », the value of the expression before, given by the finder):
    « la semaine dernière » → ``shift_unit="W", shift=-1``. ``direction`` (``last``, ``next``,
    ``this`` or ``None`` = from the tense of the clause) picks the occurrence of a weekday, month,
    day-month, season or holiday; ``new_year`` (« la nouvelle année ») the year beginning nearest.
    """

    kind: str  # date | time | duration | set | ref; none: the words of a name, consumed without output
    #: four digits, or two (« Mai 68 »): the resolver places a year under 100 (:func:`~.resolver.full_year`)
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    season: str | None = None
    part: str | None = None
    hour: int | None = None
    minute: int | None = None
    #: « 12:34:45 », « 9 h 32 min 15 s »: a clock time to the second (granularity ``second``)
    second: int | None = None
    decade: int | None = None
    century: int | None = None
    #: « le troisième millénaire »: the ordinal of the millennium (3)
    millennium: int | None = None
    holiday: str | None = None
    shift_unit: str | None = None
    shift: int = 0
    #: « il y a dix ans jour pour jour »: the shift lands on the same day, the value is that day
    same_day: bool = False
    anchor: str = "published"
    direction: str | None = None
    mod: str | None = None
    value: str | None = None  # ready-made value: durations, sets, refs
    granularity: str | None = None
    #: « la dernière semaine de septembre », « le premier mercredi du mois »: the ``ordinal``-th
    #: (``-1`` last) ``ord_unit`` (``W`` week, ``D`` day, ``2W`` half-month, ``WD`` the ``weekday``)
    #: of the period the other fields name (a month, a year, or a shift from the anchor).
    ordinal: int | None = None
    ord_unit: str | None = None
    #: « le lendemain du 13 février »: ``shift`` days (``shift_unit="D"``) from this date, not from
    #: the previous one.
    base: Frame | None = None
    #: « 8 h GMT »: ``UTC`` adds « Z » to the clock time; ``LOCAL`` (« heure de Paris ») changes nothing
    zone: str | None = None
    #: « du 10 au 12 juin », « entre le 20 décembre et le 4 janvier »: the first end of a range takes its
    #: latest occurrence up to this second end (and borrows its month and year).
    range_end: Frame | None = None
    #: The ready-made value the expression takes when its context says it names no day: « aujourd'hui »
    #: is the publication day, or ``PRESENT_REF`` (nowadays) after a far-past contrast (the finder decides).
    alt_value: str | None = None
    #: The SET value the expression takes when its clause is in the present: « le musée ferme le
    #: mardi » is every Tuesday (``XXXX-WXX-2``); « il est arrivé le mardi » that Tuesday (the finder decides).
    habitual: str | None = None


#: What a grammar rule returns: the item index where the match ends (exclusive) and its frame.
Match = tuple[int, Frame]


@dataclass(slots=True)
class Item:
    """One lexicon phrase or one raw piece of the text.

    ``key`` is its normalised pieces (``("aujourd", "'", "hui")``), ``text`` the normalised surface,
    ``entries`` what the lexicon says of it per kind (``{"months": ("8", frozenset())}``), ``classes``
    the function-word classes of ``words.tsv`` it belongs to (``{"of"}`` for « de »).

    Not frozen, for speed only: a doc has one item per piece of text, and a frozen dataclass is
    built about twice as slowly (measured: the items of the 245 dev articles in 0.17 s instead of
    0.25 s). Nothing writes to an item once built: the grammar only reads them.
    """

    start: int
    end: int
    text: str
    raw: str
    key: tuple[str, ...]
    entries: dict[str, tuple[str, frozenset[str]]]
    classes: frozenset[str]
    space_before: bool
    tok: int  # index of the spaCy token holding the first piece


@dataclass(frozen=True, slots=True)
class Candidate:
    """A detected expression: items ``[first, last)``; ``signal`` is the preposition just before it."""

    first: int
    last: int
    start: int
    end: int
    frame: Frame
    signal: str | None
    tok: int


@dataclass(frozen=True, slots=True)
class Resolved:
    """The normalised part of a :class:`~frnews_ner.records.TimeExpression`.

    ``point`` is the first day of the resolved period (for later « la veille »), ``None`` when the
    value is underspecified.
    """

    type: TimexType
    value: str | None
    granularity: str | None
    mod: str | None
    anchor: Anchor
    warnings: tuple[str, ...] = ()
    point: date | None = None
