"""The neutral meaning of a detected expression, before any arithmetic.

The detector turns French words into a :class:`Frame`; the resolver turns a frame and its anchors
into a TIMEX3 value. « août dernier » → ``Frame(kind="date", month=8, direction="last")``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Frame:
    """What an expression says, in calendar terms only (no French words, no anchor yet).

    ``shift_unit``/``shift`` count from an anchor (``anchor="published"`` or ``"previous"``):
    « la semaine dernière » → ``shift_unit="W", shift=-1``. ``direction`` (``last``, ``next``,
    ``this`` or ``None`` = from the tense of the clause) picks the occurrence of a weekday, month,
    day-month, season or holiday.
    """

    kind: str  # date | time | duration | set | ref
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    season: str | None = None
    part: str | None = None
    hour: int | None = None
    minute: int | None = None
    decade: int | None = None
    century: int | None = None
    holiday: str | None = None
    shift_unit: str | None = None
    shift: int = 0
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
