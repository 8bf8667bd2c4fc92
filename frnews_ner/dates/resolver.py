"""All date arithmetic: a :class:`Frame` plus its anchors → a TIMEX3 value of the right granularity.

>>> from datetime import date
>>> r = Resolver(date(2024, 12, 15))
>>> r.resolve(Frame("date", month=8, direction="last"), tense=None).value
'2024-08'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from ..records import Anchor, TimexType
from .lexicon import HOLIDAY_FIXED, HOLIDAY_NTH
from .models import Frame, Resolved

#: The part of day that crosses midnight: a night is dated by the day it begins.
NIGHT = "NI"
#: Granularities of a resolved value that name one day (a bare clock time may take that day).
DAY_GRAINS = ("day", "partofday", "minute", "second")
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
#: Directions counted from the date named before (« suivant », « précédent ») and the pick they make.
#: Parts of a year named by rank (« le premier trimestre », « le second semestre ») and how many a year has.
_YEAR_PARTS = {"Q": 4, "H": 2}
_FROM_PREVIOUS = {"prev_next": "next", "prev_last": "last", "prev_on": "future"}
#: What ``bare_dates`` may be (:class:`Resolver`): news reads the nearest occurrence, agendas the coming one.
BARE_DATES = ("nearest", "future")
#: Units counted from the publication time (« il y a deux heures »): one of each.
_CLOCK_UNITS = {"H": timedelta(hours=1), "MIN": timedelta(minutes=1), "S": timedelta(seconds=1)}


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm): ``easter(2024)`` → 2024-03-31."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = ((h + l_ - 7 * m + 114) % 31) + 1
    return date(year, month, day)


def holiday_date(code: str, year: int) -> date | None:
    """The day of a holiday code of ``holidays.tsv`` in ``year``: ``"12-25"``, ``"E+1"`` (Easter
    Monday), ``"11-4#4"`` (the fourth Thursday of November), ``"06-7#3"`` (the third Sunday of June)."""
    if code.startswith("E"):
        return easter(year) + timedelta(days=int(code[1:]))
    if (m := HOLIDAY_NTH.match(code)) is not None:
        month, weekday, rank = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if rank == -1:
            last = date(*add_months(year, month, 1), 1) - timedelta(days=1)
            d = last - timedelta(days=(last.isoweekday() - weekday) % 7)
        else:
            first = date(year, month, 1)
            d = first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (rank - 1))
            if d.month != month:
                return None  # a fifth weekday the month does not have
        return d + timedelta(days=int(m.group(4) or 0))
    try:
        return date(year, int(code[:2]), int(code[3:]))
    except ValueError:
        return None


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + n
    return total // 12, total % 12 + 1


def full_year(yy: int, published: date | None, *, past: bool = False) -> int:
    """A year written with two digits: 19YY from 30 on, else 20YY (« 14.07.24 », « Mai 68 »,
    « l'hiver 54 »); for a year that can only be past (``past``: « vainqueur en 84 », « né en 28 »), the
    latest year up to the publication year that ends in them."""
    if past and published is not None:
        return published.year - (published.year - yy) % 100
    return yy + (1900 if yy >= 30 else 2000)


def check_bare_dates(value: object) -> str:
    """``value`` if it is one of :data:`BARE_DATES`; else a ValueError naming what arrived."""
    if value not in BARE_DATES:
        raise ValueError(f"bare_dates must be one of {', '.join(map(repr, BARE_DATES))}; got {value!r}")
    return str(value)


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


class Resolver:
    """Turns frames into TIMEX3 values against the publication date and the previous date."""

    def __init__(self, published: date | None, published_time: time | None = None, *,
                 bare_dates: str = "nearest") -> None:
        check_bare_dates(bare_dates)
        self.published = published
        #: the time of day of the publication: what « il y a deux heures » counts from
        self.published_time = published_time
        #: how a weekday, day-month, month or holiday is placed when nothing in its clause says which
        #: way it points: the ``nearest`` occurrence (news), or the coming one (``future``: agendas)
        self.bare_dates = bare_dates

    # ---- picking an occurrence -----------------------------------------------------------------
    @staticmethod
    def _pick(cands: list[date], ref: date, how: str) -> date:
        """Choose among candidate dates: last (< ref), next (> ref), past (<=), future (>=), nearest."""
        if how == "last":
            pool = [c for c in cands if c < ref]
        elif how == "next":
            pool = [c for c in cands if c > ref]
        elif how == "past":
            pool = [c for c in cands if c <= ref]
        elif how == "future":
            pool = [c for c in cands if c >= ref]
        else:
            pool = list(cands)
        if not pool:
            pool = list(cands)
        return min(pool, key=lambda c: (abs((c - ref).days), c < ref))

    def _how(self, direction: str | None, tense: str | None) -> str:
        """How to pick an occurrence: from the direction word, else from the sense of the clause
        (``scheduled``, an event told in the present, looks ahead; see :mod:`~frnews_ner.dates.sense`),
        else as :attr:`bare_dates` says."""
        if direction in ("last", "next"):
            return direction
        if direction == "this":
            return "nearest"
        if tense is None:
            return self.bare_dates
        return {"past": "past", "future": "future", "scheduled": "future"}.get(tense, "nearest")

    def weekday_date(self, weekday: int, ref: date, direction: str | None, tense: str | None) -> date:
        how = self._how(direction, tense)
        if direction == "this":
            return ref + timedelta(days=weekday - ref.isoweekday())
        cands = [ref + timedelta(days=k) for k in range(-7, 8) if (ref + timedelta(days=k)).isoweekday() == weekday]
        if how == "nearest":
            cands = [c for c in cands if abs((c - ref).days) <= 3] or cands
        return self._pick(cands, ref, how)

    # ---- main entry ----------------------------------------------------------------------------
    def resolve(self, f: Frame, tense: str | None, previous: tuple[date, str] | None = None,
                context_day: tuple[date, str] | None = None) -> Resolved:
        """Resolve ``f``; ``previous`` is the last resolved date of the text, ``context_day`` the day a
        bare clock time belongs to (and where it came from: ``published`` or ``previous``).

        An expression whose arithmetic leaves the calendar (« il y a 999999999999 jours ») keeps its
        span with no value and a warning, instead of failing the whole article.
        """
        try:
            return self._resolve(f, tense, previous, context_day)
        except (OverflowError, ValueError) as err:
            return Resolved("TIME" if f.kind == "time" else "DATE", None, f.granularity, f.mod, "none",
                            warnings=(f"value out of the calendar range ({err})",))

    def _resolve(self, f: Frame, tense: str | None, previous: tuple[date, str] | None,
                 context_day: tuple[date, str] | None) -> Resolved:
        if f.year is not None and f.year < 100:  # « vainqueur en 84 » is read with direction « last »
            f = replace(f, year=full_year(f.year, self.published, past=f.direction == "last"), direction=None)
        if f.base is not None and f.base.year is not None and f.base.year < 100:
            f = replace(f, base=replace(f.base, year=full_year(f.base.year, self.published)))
        return _SHAPES[frame_shape(f)](self, f, tense, previous, context_day)

    # ---- one method per shape of frame (see :func:`frame_shape`) -------------------------------------
    def _ready(self, f: Frame, *_: object) -> Resolved:
        """Durations and sets carry their value; so do PRESENT_REF & co."""
        if f.kind in ("duration", "set"):
            return Resolved("DURATION" if f.kind == "duration" else "SET", f.value, f.granularity, f.mod, "none")
        return Resolved("DATE", f.value, None, f.mod, "none")

    def _decade(self, f: Frame, *_: object) -> Resolved:
        assert f.decade is not None
        return Resolved("DATE", f"{f.decade:03d}", "decade", f.mod, "none", point=date(f.decade * 10, 1, 1))

    def _range_start(self, f: Frame, tense: str | None, previous: tuple[date, str] | None, _: object) -> Resolved:
        """The first end of a range: its latest occurrence up to the second end (« du 28 février au 2 mars »,
        « du samedi 18 au lundi 3 novembre » → 18 October, « entre mars et juin 2023 » → 2023-03); when the
        second end has no value, the first borrows its month and year as written (« XXXX-07-10 »)."""
        end_frame = f.range_end
        assert end_frame is not None
        own = replace(f, range_end=None)
        end = self._resolve(end_frame, tense, previous, None)
        if end.point is None:
            return self._resolve(replace(own, month=own.month or end_frame.month,
                                         year=own.year or end_frame.year), tense, previous, None)
        stop = end.point
        ttype = _ttype(f)
        if own.day is None:  # a month: « entre mars et juin 2023 »
            assert own.month is not None
            y = stop.year if own.month <= stop.month else stop.year - 1
            return Resolved(ttype, f"{y:04d}-{own.month:02d}", "month", f.mod, end.anchor, point=date(y, own.month, 1))
        if own.month is not None:
            days = [d for k in (0, -1) if (d := safe_date(stop.year + k, own.month, own.day)) is not None and d <= stop]
        else:  # « du 10 au 12 juin », « du 28 au 3 mars »
            days = [d for k in (0, -1) if (d := safe_date(*add_months(stop.year, stop.month, k), own.day)) is not None
                    and d <= stop]
        if not days:
            return Resolved(ttype, None, "day", f.mod, "none", ("no such first day before the end of the range",))
        d = days[0]
        warnings: tuple[str, ...] = ()
        if own.weekday is not None and d.isoweekday() != own.weekday:
            warnings = (f"weekday {own.weekday} contradicts {d.isoformat()} (a weekday {d.isoweekday()})",)
        return Resolved(ttype, d.isoformat() + self._time_suffix(own), self._grain(own), f.mod, end.anchor, warnings, point=d)

    def _millennium(self, f: Frame, *_: object) -> Resolved:
        """« le troisième millénaire » → ``2`` (TIMEX3 writes the thousands of its first year)."""
        assert f.millennium is not None
        return Resolved("DATE", str(f.millennium - 1), "millennium", f.mod, "none",
                        point=date(max((f.millennium - 1) * 1000, 1), 1, 1))

    def _century(self, f: Frame, *_: object) -> Resolved:
        assert f.century is not None
        return Resolved("DATE", f"{f.century:02d}", "century", f.mod, "none",
                        point=date(max(f.century * 100, 1), 1, 1))

    def _shift(self, f: Frame, tense: str | None, previous: tuple[date, str] | None, _: object) -> Resolved:
        """Counted from an anchor: the publication date, the previous date, or a base date named."""
        ttype = _ttype(f)
        anchor: Anchor
        if f.base is not None:  # « le lendemain du 13 février »: from the date named, not the previous one
            b = self._resolve(f.base, tense, previous, None)
            if b.point is None or b.granularity not in DAY_GRAINS:
                return Resolved(ttype, None, "partofday" if f.part else f.granularity, f.mod, "none", b.warnings)
            r = self._shifted(f, self._week_still_running(f, b.point), b.anchor, ttype, tense)
            return replace(r, warnings=b.warnings + r.warnings)
        if f.shift_unit in _CLOCK_UNITS:
            return self._clock_shift(f, ttype)
        base: date | None
        if f.anchor == "event":  # « la veille du scrutin »: from an event the text does not date
            base = None
        elif f.anchor == "previous" and previous is None and self.published is not None:
            # nothing dated before it: the article's own day is the reference (TimeML's document time),
            # unless the clause looks the other way (« le lendemain, ils ont voté »: the day after an
            # undated event, not after the publication)
            base = None if against_tense(f.shift, tense) else self.published
            anchor = "published"
        elif f.anchor == "previous":
            day_ok = f.shift_unit != "D" or (previous is not None and previous[1] in DAY_GRAINS)
            base = previous[0] if previous and day_ok else None
            anchor = "previous"
        else:
            base, anchor = self.published, "published"
        if base is None:
            return Resolved(ttype, None, "partofday" if f.part else f.granularity, f.mod, "none")
        if f.weekday is not None and f.shift_unit == "D":
            # « lundi en huit »: the coming Monday (today if it is one) + 7 days
            d = base + timedelta(days=(f.weekday - base.isoweekday()) % 7 + f.shift)
            return Resolved(ttype, d.isoformat() + self._time_suffix(f), self._grain(f), f.mod, anchor, point=d)
        if f.weekday is not None and f.shift_unit == "W":  # « mardi de la semaine prochaine »
            monday = base - timedelta(days=base.isoweekday() - 1) + timedelta(weeks=f.shift)
            d = monday + timedelta(days=f.weekday - 1)
            return Resolved(ttype, d.isoformat() + self._time_suffix(f), self._grain(f), f.mod, anchor, point=d)
        if f.direction == "new_year":
            # « la nouvelle année »: the year whose 1 January is nearest (2025 from 2024-12-28 or 2025-01-02)
            f = replace(f, shift=1 if base.month >= 7 else 0, direction=None)
        if f.month is not None and f.shift_unit == "Y":  # « janvier de l'an dernier »
            y = base.year + f.shift
            return Resolved(ttype, f"{y:04d}-{f.month:02d}", "month", f.mod, anchor, point=date(y, f.month, 1))
        return self._shifted(f, base, anchor, ttype, tense)

    def _clock_shift(self, f: Frame, ttype: TimexType) -> Resolved:
        """« il y a deux heures », « dans 30 minutes »: hours, minutes or seconds from the publication
        time (minute precision, or second for seconds); without it, no value and the reason."""
        assert f.shift_unit is not None and f.shift is not None
        if self.published is None or self.published_time is None:
            why = "no publication date" if self.published is None else "the publication time of day was not given"
            return Resolved(ttype, None, f.granularity, f.mod, "none",
                            (f"a time counted from the publication time of day: {why} "
                             "(pass published as a datetime)",))
        moment = datetime.combine(self.published, self.published_time) + _CLOCK_UNITS[f.shift_unit] * f.shift
        shown = moment.strftime("%Y-%m-%dT%H:%M:%S" if f.shift_unit == "S" else "%Y-%m-%dT%H:%M")
        return Resolved(ttype, shown, f.granularity, f.mod, "published", point=moment.date())

    def _clock(self, f: Frame, _t: object, _p: object, context_day: tuple[date, str] | None) -> Resolved:
        """A clock time or part of day without a date of its own: on the day of its context."""
        day, anchor = context_day if context_day else (None, "none")
        anchor = cast(Anchor, anchor)
        suffix = self._time_suffix(f)
        if day is None:
            return Resolved("TIME", f"XXXX-XX-XX{suffix}", f.granularity, f.mod, "none")
        return Resolved("TIME", f"{day.isoformat()}{suffix}", f.granularity, f.mod, anchor, point=day)

    def _year(self, f: Frame, *_: object) -> Resolved:
        assert f.year is not None
        return Resolved(_ttype(f), f"{f.year:04d}", "year", f.mod, "none", point=date(f.year, 1, 1))

    def _month(self, f: Frame, tense: str | None, previous: tuple[date, str] | None = None,
               *_: object) -> Resolved:
        assert f.month is not None
        ttype, pub = _ttype(f), self.published
        if f.year is not None:
            return Resolved(ttype, f"{f.year:04d}-{f.month:02d}", "month", f.mod, "none",
                            point=date(f.year, f.month, 1))
        if f.direction in _FROM_PREVIOUS:
            # « en mars suivant »: the first March after the date named before
            if previous is None:
                return Resolved(ttype, f"XXXX-{f.month:02d}", "month", f.mod, "none")
            base = date(previous[0].year, previous[0].month, 1)
            near = [date(base.year + k, f.month, 1) for k in (-1, 0, 1, 2)]
            y = self._pick(near, base, _FROM_PREVIOUS[f.direction]).year
            return Resolved(ttype, f"{y:04d}-{f.month:02d}", "month", f.mod, "previous", point=date(y, f.month, 1))
        if pub is None:
            return Resolved(ttype, f"XXXX-{f.month:02d}", "month", f.mod, "none")
        how = self._how(f.direction, tense)
        cands = [date(pub.year + k, f.month, 1) for k in (-1, 0, 1)]
        y = self._pick(cands, date(pub.year, pub.month, 1), how).year
        return Resolved(ttype, f"{y:04d}-{f.month:02d}", "month", f.mod, "published", point=date(y, f.month, 1))

    def _weekday(self, f: Frame, tense: str | None, previous: tuple[date, str] | None, _: object) -> Resolved:
        assert f.weekday is not None
        ttype, pub = _ttype(f), self.published
        if f.direction in ("prev_last", "prev_next"):
            # « le mardi suivant »: from the date before it, else from the publication date
            base: date | None = previous[0] if previous else pub
            anchor: Anchor = "previous" if previous else "published"
            if previous is None and against_tense(1 if f.direction == "prev_next" else -1, tense):
                base = None
            if base is None:
                return Resolved(ttype, f"XXXX-WXX-{f.weekday}", "day", f.mod, "none")
            d = self.weekday_date(f.weekday, base, "last" if f.direction == "prev_last" else "next", None)
            return Resolved(ttype, d.isoformat() + self._time_suffix(f), self._grain(f), f.mod, anchor, point=d)
        if pub is None:
            return Resolved(ttype, f"XXXX-WXX-{f.weekday}" + self._time_suffix(f), self._grain(f), f.mod, "none")
        d = self.weekday_date(f.weekday, pub, f.direction, tense)
        return Resolved(ttype, d.isoformat() + self._time_suffix(f), self._grain(f), f.mod, "published", point=d)

    def _unresolvable(self, f: Frame, *_: object) -> Resolved:
        return Resolved(_ttype(f), None, f.granularity, f.mod, "none")

    # ---- pieces ------------------------------------------------------------------------------
    def _week_still_running(self, f: Frame, day: date) -> date:
        """« La semaine du 10 mars sera chargée » published on Friday 14 March: the week of a day
        without its year is the current one while it runs, although its day is past (the tense moved
        the day to next year)."""
        pub = self.published
        if f.shift_unit not in ("W", "WE") or f.shift != 0 or f.base is None or f.base.year is not None \
                or pub is None or day <= pub:
            return day
        earlier = safe_date(day.year - 1, day.month, day.day)
        if earlier is not None and earlier.isocalendar()[:2] == pub.isocalendar()[:2]:
            return earlier
        return day

    @staticmethod
    def _grain(f: Frame) -> str:
        """The granularity of a day's value with :meth:`_time_suffix` appended: its clock time's
        (« lundi 14h30 » → ``minute``), its part of day's (« lundi soir » → ``partofday``), else ``day``."""
        if f.hour is not None:
            return "minute" if f.second is None else "second"
        return "partofday" if f.part is not None else "day"

    @staticmethod
    def _time_suffix(f: Frame) -> str:
        if f.hour is not None:
            seconds = "" if f.second is None else f":{f.second:02d}"
            return f"T{f.hour:02d}:{(f.minute or 0):02d}{seconds}" + ("Z" if f.zone == "UTC" else "")
        if f.part is not None:
            return f"T{f.part}"
        return ""

    def _shifted(self, f: Frame, base: date, anchor: Anchor, ttype: TimexType, tense: str | None = None) -> Resolved:
        unit, n = f.shift_unit, f.shift
        if unit == "D" and f.part == NIGHT and f.direction == "this" and tense == "past" and n == 0:
            n = -1  # « Cette nuit, des rafales ont balayé le cap » : the night before publication
        if unit == "D":
            d = base + timedelta(days=n)
            return Resolved(ttype, d.isoformat() + self._time_suffix(f), self._grain(f), f.mod,
                            anchor, point=d)
        if f.same_day and unit in ("W", "M", "Y"):
            # « il y a dix ans jour pour jour »: the same day so many weeks, months or years away (the
            # last day of a shorter month: 29 February → 28 February)
            if unit == "W":
                d = base + timedelta(weeks=n)
            else:
                y, m = add_months(base.year, base.month, n * (12 if unit == "Y" else 1))
                d = date(y, m, min(base.day, _period_end(date(y, m, 1), "month").day))
            return Resolved(ttype, d.isoformat(), "day", f.mod, anchor, point=d)
        if unit in ("W", "WE"):
            d = base + timedelta(weeks=n)
            if unit == "WE" and n == 0 and f.anchor == "published" and (
                    base.isoweekday() == 1 or (tense == "past" and base.isoweekday() < 5)):
                d = base - timedelta(days=7)  # « ce week-end » told in the past early in the week: the one just past
            y, w, _ = d.isocalendar()
            value = f"{y:04d}-W{w:02d}" + ("-WE" if unit == "WE" else "")
            return Resolved(ttype, value, "weekend" if unit == "WE" else "week", f.mod, anchor,
                            point=d - timedelta(days=d.isoweekday() - 1))
        if unit == "M":
            y, m = add_months(base.year, base.month, n)
            if f.day is not None:  # « le 20 du mois prochain »
                day = safe_date(y, m, f.day)
                if day is None:
                    return Resolved(ttype, None, "day", f.mod, "none",
                                    (f"day {f.day} does not exist in {y:04d}-{m:02d}",))
                return Resolved(ttype, day.isoformat(), "day", f.mod, anchor, point=day)
            return Resolved(ttype, f"{y:04d}-{m:02d}", "month", f.mod, anchor, point=date(y, m, 1))
        if unit == "Q":
            q = (base.month - 1) // 3 + n
            y = base.year + q // 4
            q = q % 4
            return Resolved(ttype, f"{y:04d}-Q{q + 1}", "quarter", f.mod, anchor, point=date(y, q * 3 + 1, 1))
        if unit == "Y":
            y = base.year + n
            return Resolved(ttype, f"{y:04d}", "year", f.mod, anchor, point=date(y, 1, 1))
        if unit == "DE":
            dec = base.year // 10 + n
            return Resolved(ttype, f"{dec:03d}", "decade", f.mod, anchor, point=date(dec * 10, 1, 1))
        if unit == "CE":
            c = base.year // 100 + n
            return Resolved(ttype, f"{c:02d}", "century", f.mod, anchor, point=date(max(c * 100, 1), 1, 1))
        return Resolved(ttype, None, f.granularity, f.mod, "none")

    def _ordinal(self, f: Frame, tense: str | None, previous: tuple[date, str] | None, _: object = None) -> Resolved:
        """The n-th week, day, weekday or half-month of a month or a year.

        The weeks (and weekends) of a month are those lying whole in it (the first one starts on its first
        Monday, the last one ends on its last Sunday), so « la dernière semaine de septembre 2024 »
        is ``2024-W39`` (23-29 September); the weeks of a year are its ISO weeks. Half-months have no TIMEX3 unit: the month with mod
        ``START`` (1-15) or ``END`` (16-end).
        """
        if f.ord_unit in _YEAR_PARTS:
            return self._year_part(f, tense)
        target = self._resolve(replace(f, ordinal=None, ord_unit=None, weekday=None), tense, previous, None)
        rank, unit = f.ordinal or 1, f.ord_unit
        if target.point is None or target.granularity not in ("month", "year"):
            return Resolved("DATE", None, f.granularity, f.mod, "none")
        start = target.point
        if target.granularity == "month":
            y, m = add_months(start.year, start.month, 1)
            end = date(y, m, 1) - timedelta(days=1)
        else:
            end = date(start.year, 12, 31)
        if unit == "2W":
            if target.granularity != "month" or rank not in (1, 2, -1):
                return Resolved("DATE", None, "month", None, "none")
            return Resolved("DATE", target.value, "month", "START" if rank == 1 else "END", target.anchor,
                            point=start if rank == 1 else start + timedelta(days=15))
        if unit == "W" and target.granularity == "year":
            # The weeks of a year are its ISO weeks: « la première semaine de 2025 » is 2025-W01.
            last = date(start.year, 12, 28).isocalendar()[1]
            n = last if rank == -1 else rank
            if not 1 <= n <= last:
                return Resolved("DATE", None, "week", f.mod, "none", (f"{target.value} has {last} ISO weeks",))
            monday = date.fromisocalendar(start.year, n, 1)
            return Resolved("DATE", f"{start.year:04d}-W{n:02d}", "week", f.mod, target.anchor, point=monday)
        if unit == "D":
            d = end if rank == -1 else start + timedelta(days=rank - 1)
        elif unit in ("WD", "W", "WE"):
            # a whole week ends on the last Sunday / starts on the n-th Monday; a whole weekend
            # likewise ends on the last Sunday / starts on the n-th Saturday
            weekday = f.weekday if unit == "WD" else 7 if rank == -1 else 6 if unit == "WE" else 1
            assert weekday is not None
            if rank == -1:
                d = end - timedelta(days=(end.isoweekday() - weekday) % 7)
            else:
                d = start + timedelta(days=(weekday - start.isoweekday()) % 7 + 7 * (rank - 1))
        else:
            return Resolved("DATE", None, f.granularity, f.mod, "none")
        if not start <= d <= end:
            return Resolved("DATE", None, f.granularity, f.mod, "none",
                            (f"the period {target.value} has no such {unit} (rank {rank})",))
        if unit == "WE":
            if rank != -1 and d + timedelta(days=1) > end:  # its Sunday is in the next month
                return Resolved("DATE", None, f.granularity, f.mod, "none",
                                (f"the period {target.value} has no whole weekend of rank {rank}",))
            iso_y, iso_w, _ = d.isocalendar()
            return Resolved("DATE", f"{iso_y:04d}-W{iso_w:02d}-WE", "weekend", f.mod, target.anchor,
                            point=d - timedelta(days=1 if rank == -1 else 0))
        if unit == "W":
            iso_y, iso_w, _ = d.isocalendar()
            monday = d - timedelta(days=d.isoweekday() - 1)
            return Resolved("DATE", f"{iso_y:04d}-W{iso_w:02d}", "week", f.mod, target.anchor, point=monday)
        return Resolved("DATE", d.isoformat(), "day", f.mod, target.anchor, point=d)

    def _year_part(self, f: Frame, tense: str | None) -> Resolved:
        """« le premier trimestre 2025 » → ``2025-Q1``; without a year, a past clause gives the last one
        begun (« au deuxième semestre » in February 2025 → ``2024-H2``), any other the current or the next
        one (« le quatrième trimestre » in December 2025 → ``2025-Q4``)."""
        letter = f.ord_unit or "Q"
        count = _YEAR_PARTS[letter]
        rank = count if f.ordinal == -1 else f.ordinal or 1
        grain = "quarter" if letter == "Q" else "halfyear"
        if not 1 <= rank <= count:
            return Resolved("DATE", None, grain, f.mod, "none", (f"a year has {count} such parts, not {rank}",))
        months = 12 // count
        first_month = (rank - 1) * months + 1
        if f.year is not None:
            return Resolved("DATE", f"{f.year:04d}-{letter}{rank}", grain, f.mod, "none",
                            point=date(f.year, first_month, 1))
        pub = self.published
        if pub is None:
            return Resolved("DATE", f"XXXX-{letter}{rank}", grain, f.mod, "none")
        if tense == "past":
            y = pub.year if date(pub.year, first_month, 1) <= pub else pub.year - 1
        else:
            end_y, end_m = add_months(pub.year, first_month, months)
            y = pub.year if date(end_y, end_m, 1) > pub else pub.year + 1
        return Resolved("DATE", f"{y:04d}-{letter}{rank}", grain, f.mod, "published", point=date(y, first_month, 1))

    def _weekday_day(self, f: Frame, *_: object) -> Resolved:
        """« jeudi 15 »: the 15th of the publication month or of an adjacent month that is a Thursday,
        the nearest to the publication date; left underspecified with a warning when none is."""
        assert f.day is not None and f.weekday is not None
        pub, ttype = self.published, _ttype(f)
        suffix = self._time_suffix(f)
        grain = self._grain(f)
        loose = f"XXXX-XX-{f.day:02d}{suffix}"
        if pub is None:
            return Resolved(ttype, loose, grain, f.mod, "none")
        cands = [d for k in (-1, 0, 1) if (d := safe_date(*add_months(pub.year, pub.month, k), f.day)) is not None
                 and d.isoweekday() == f.weekday]
        if not cands:
            return Resolved(ttype, loose, grain, f.mod, "none",
                            (f"weekday {f.weekday} is the day {f.day} of none of the months around {pub.isoformat()}",))
        d = min(cands, key=lambda c: (abs((c - pub).days), c < pub))
        return Resolved(ttype, d.isoformat() + suffix, grain, f.mod, "published", point=d)

    def _day_only(self, f: Frame, tense: str | None, *_: object) -> Resolved:
        """« le 16 à 18 h », « la nuit du 14 au 15 »: that day of the publication month or of an
        adjacent one, in the direction of the tense (the nearest without one)."""
        assert f.day is not None
        pub, ttype = self.published, _ttype(f)
        suffix = self._time_suffix(f)
        grain = self._grain(f)
        if pub is None:
            return Resolved(ttype, f"XXXX-XX-{f.day:02d}{suffix}", grain, f.mod, "none")
        cands = [d for k in (-1, 0, 1) if (d := safe_date(*add_months(pub.year, pub.month, k), f.day)) is not None]
        d = self._pick(cands, pub, self._how(f.direction, tense))
        return Resolved(ttype, d.isoformat() + suffix, grain, f.mod, "published", point=d)

    def _season(self, f: Frame, tense: str | None = None, previous: tuple[date, str] | None = None,
                *_: object) -> Resolved:
        """A season; winter is named by the year it starts in (« cet hiver » in January 2025 is ``2024-WI``).

        « dernier »/« prochain » give the last season over / the next one not begun; « ce » the current
        one, else the last begun (past tense) or the next one (otherwise); a bare season follows the
        tense like a month (past: the last begun; future: the next not begun) and is generic
        (``XXXX-SU``) in the present or without a tense; « suivant » counts from the date before.
        """
        pub = self.published
        s = f.season or "SU"
        start = SEASON_START[s]
        if f.year is not None:
            return Resolved("DATE", f"{f.year:04d}-{s}", "season", f.mod, "none",
                            point=date(f.year, start, 1))
        if f.direction in _FROM_PREVIOUS:
            if previous is None:
                return Resolved("DATE", None, "season", f.mod, "none")
            point, grain = previous
            if f.direction == "prev_next":  # the first one begun after the period named before
                after = _period_end(point, grain)
                y = next(y for y in range(point.year - 1, point.year + 3) if date(y, start, 1) > after)
            else:
                y = max(y for y in range(point.year - 2, point.year + 1) if date(y, start, 1) < point)
            return Resolved("DATE", f"{y:04d}-{s}", "season", f.mod, "previous", point=date(y, start, 1))
        bare = f.direction is None
        if bare and tense not in ("past", "future"):
            return Resolved("DATE", f"XXXX-{s}", "season", f.mod, "none")
        if pub is None:
            return Resolved("DATE", f"XXXX-{s}" if bare else None, "season", f.mod, "none")
        begun = [y for y in (pub.year - 1, pub.year) if date(y, start, 1) <= pub]  # latest last
        if f.direction == "last":
            y = pub.year if start + 3 <= pub.month else pub.year - 1
        elif f.direction == "next":
            y = pub.year if start > pub.month else pub.year + 1
        elif f.direction == "this" and begun and add_months(begun[-1], start, 3) > (pub.year, pub.month):
            y = begun[-1]  # the current season
        elif tense == "past":
            y = begun[-1]
        elif tense in ("future", "scheduled") or bare:
            y = pub.year if date(pub.year, start, 1) > pub else pub.year + 1
        else:  # « cet été » with no tense to tell: the nearest one
            def distance(y: int) -> int:
                first = date(y, start, 1)
                last = date(*add_months(y, start, 3), 1) - timedelta(days=1)
                return 0 if first <= pub <= last else min(abs((pub - first).days), abs((pub - last).days))
            y = min((pub.year - 1, pub.year, pub.year + 1), key=distance)
        return Resolved("DATE", f"{y:04d}-{s}", "season", f.mod, "published", point=date(y, start, 1))

    def _holiday(self, f: Frame, tense: str | None, *_: object) -> Resolved:
        pub, ttype = self.published, _ttype(f)
        code = f.holiday or ""
        if f.year is not None:
            d = holiday_date(code, f.year)
            return Resolved(ttype, d.isoformat() if d else None, "day", f.mod, "none", point=d)
        if pub is None:
            fixed = f"XXXX-{code}" if HOLIDAY_FIXED.match(code) else None  # Easter, N-th weekday: per year
            return Resolved(ttype, fixed, "day", f.mod, "none")
        cands = [d for k in (-1, 0, 1) if (d := holiday_date(code, pub.year + k)) is not None]
        how = "nearest" if f.direction == "this" else self._how(f.direction, tense)
        d = self._pick(cands, pub, how)
        return Resolved(ttype, d.isoformat(), "day", f.mod, "published", point=d)

    def _daymonth(self, f: Frame, tense: str | None, previous: tuple[date, str] | None = None,
                  *_: object) -> Resolved:
        assert f.month is not None and f.day is not None
        pub, ttype = self.published, _ttype(f)
        warnings: list[str] = []
        suffix = self._time_suffix(f)
        grain = self._grain(f)
        if f.year is None and f.direction in _FROM_PREVIOUS:
            # « le 8 mars suivant »: the first 8 March after the date named before (« précédent »: the last before)
            if previous is None:
                return Resolved(ttype, f"XXXX-{f.month:02d}-{f.day:02d}{suffix}", grain, f.mod, "none")
            base = previous[0]
            near = [d for k in (-1, 0, 1, 2) if (d := safe_date(base.year + k, f.month, f.day)) is not None]
            d = self._pick(near, base, _FROM_PREVIOUS[f.direction])
            return Resolved(ttype, d.isoformat() + suffix, grain, f.mod, "previous", point=d)
        if f.year is not None:
            d = safe_date(f.year, f.month, f.day)
            if d is None:
                return Resolved(ttype, f"{f.year:04d}-{f.month:02d}-{f.day:02d}{suffix}", grain, f.mod, "none",
                                ("no such day in the calendar",))
            if f.weekday is not None and d.isoweekday() != f.weekday:
                warnings.append(f"weekday {f.weekday} contradicts {d.isoformat()} (a weekday {d.isoweekday()})")
            return Resolved(ttype, d.isoformat() + suffix, grain, f.mod, "none", tuple(warnings), point=d)
        if pub is None:
            return Resolved(ttype, f"XXXX-{f.month:02d}-{f.day:02d}{suffix}", grain, f.mod, "none")
        cands = [d for k in (-1, 0, 1) if (d := safe_date(pub.year + k, f.month, f.day)) is not None]
        if not cands:
            return Resolved(ttype, f"XXXX-{f.month:02d}-{f.day:02d}{suffix}", grain, f.mod, "none",
                            ("no such day in the calendar",))
        if f.weekday is not None:
            matching = [c for c in cands if c.isoweekday() == f.weekday]
            if matching:
                d = min(matching, key=lambda c: abs((c - pub).days))
                return Resolved(ttype, d.isoformat() + suffix, grain, f.mod, "published", point=d)
            warnings.append(f"weekday {f.weekday} matches {f.day:02d}/{f.month:02d} in none of the years "
                            f"{pub.year - 1}-{pub.year + 1}; kept the date")
        d = self._pick(cands, pub, self._how(f.direction, tense))
        return Resolved(ttype, d.isoformat() + suffix, grain, f.mod, "published", tuple(warnings), point=d)


def against_tense(shift: int, tense: str | None) -> bool:
    """A count forward in a past clause or backward in a future one: not from the publication date."""
    return shift > 0 and tense == "past" or shift < 0 and tense in ("future", "scheduled")


def _period_end(point: date, grain: str) -> date:
    """The last day of the period starting at ``point`` with granularity ``grain`` (a day for the others)."""
    if grain == "year":
        return date(point.year, 12, 31)
    if grain == "month":
        y, m = add_months(point.year, point.month, 1)
        return date(y, m, 1) - timedelta(days=1)
    return point


def _ttype(f: Frame) -> TimexType:
    return "TIME" if f.kind == "time" else "DATE"


def frame_shape(f: Frame) -> str:
    """Which arithmetic a frame needs, from the fields it fills (first match wins)."""
    if f.kind in ("duration", "set") or f.value is not None:
        return "ready"
    if f.range_end is not None:
        return "range_start"
    if f.ordinal is not None:
        return "ordinal"
    if f.decade is not None:
        return "decade"
    if f.millennium is not None:
        return "millennium"
    if f.century is not None:
        return "century"
    if f.shift_unit is not None:
        return "shift"
    if f.kind == "time" and f.day is None and f.weekday is None and f.holiday is None:
        return "clock"
    if f.year is not None and f.month is None and f.season is None and f.holiday is None:
        return "year"
    if f.season is not None:
        return "season"
    if f.holiday is not None:
        return "holiday"
    if f.month is not None:
        return "month" if f.day is None else "day_month"
    if f.day is not None:
        return "weekday_day" if f.weekday is not None else ("day" if f.year is None else "unresolvable")
    if f.weekday is not None:
        return "weekday"
    return "unresolvable"


_Method = Callable[[Resolver, Frame, "str | None", "tuple[date, str] | None", "tuple[date, str] | None"], Resolved]
_SHAPES: dict[str, _Method] = {
    "ready": Resolver._ready, "ordinal": Resolver._ordinal, "decade": Resolver._decade,
    "millennium": Resolver._millennium, "range_start": Resolver._range_start,
    "century": Resolver._century, "shift": Resolver._shift, "clock": Resolver._clock, "year": Resolver._year,
    "season": Resolver._season, "holiday": Resolver._holiday, "month": Resolver._month,
    "day_month": Resolver._daymonth, "weekday_day": Resolver._weekday_day, "day": Resolver._day_only,
    "weekday": Resolver._weekday, "unresolvable": Resolver._unresolvable,
}
