"""Parts of day: « ce soir », « la nuit », « le soir même », « la nuit du 3 au 4 décembre »,
« le soir du 15 février », « la nuit de samedi à dimanche », « la nuit du 14 au 15 ».

A night over two days belongs to its first day; « la nuit de jeudi à vendredi 31 mars » is the
night before the date named. A part of day without a day of its own takes the day of its sentence
(the finder's second pass).
"""

from __future__ import annotations

from dataclasses import replace

from ..models import Frame, Match
from .absolute import day_alone_ok, daymonth, daymonth_core
from .reader import Reader


def part_of_day(g: Reader, i: int) -> Match | None:
    j, det = g.opt_det(i)
    p = g.part_of_day(j)
    if p is None:
        return None
    if det is None:
        # « matinée du 15 février » (a heading, a listing): with no determiner, only before its day
        return _on_day_named(g, j, p)
    if det == "this_det" and g.glued_sign(j + 1, "-") and g.is_(j + 2, "there") and g.glued(j + 2):
        # « ce matin-là », « cette nuit-là »: that part of the day named before, like « le soir même »
        return j + 3, Frame("time", part=p, granularity="partofday")
    if det == "this_det":
        if g.is_(j, "event_part_of_day") or p == "DT":
            return None  # « cette soirée, animée par… » is an event, « ce soir » a time
        # « cette nuit »: the coming night, or the night just over when the clause is in the past (resolver)
        return j + 1, Frame("time", part=p, shift_unit="D", shift=0, direction="this", granularity="partofday")
    if g.mod(j + 1) == "last" and p != "DT":
        # « la nuit dernière »: the night before the publication day (a night is dated by its first day)
        return j + 2, Frame("time", part=p, shift_unit="D", shift=-1, granularity="partofday")
    if g.is_(j + 1, "same"):
        return j + 2, Frame("time", part=p, granularity="partofday")
    if g.is_(j + 1, "of") or g.is_(j + 1, "of_the") or g.is_(j + 1, "of_elided"):
        return _on_day_named(g, j, p)
    return j + 1, Frame("time", part=p, granularity="partofday")


def _on_day_named(g: Reader, j: int, p: str) -> Match | None:
    """« le soir du 15 février », « la journée du dimanche 21 avril » (French TimeBank guide, ex. 117):
    the part ``p`` at item ``j`` of the day named after it, one TIME."""
    if (m := day_of_part(g, j + 1)) is not None:
        e, day = m
        return e, replace(day, kind="time", part=p)
    return None  # « le soir de l'élection », « la journée du patrimoine »: an event, not a date


def day_of_part(g: Reader, k: int) -> Match | None:
    """The day after « la nuit », « le soir »: « du 15 février », « du 3 au 4 mars », « de samedi à
    dimanche », « du 14 » (a night over two days belongs to its first day)."""
    if g.is_(k, "of_the"):
        m = daymonth(g, k + 1)
        if m is not None and m[1].part is None and m[1].month is not None:
            e, f = m
            if g.is_(e, "range_to") and (m2 := daymonth_core(g, e + 1)) is not None:
                e = m2[0]  # « du 3 au 4 mars »
            elif g.is_(e, "range_to") and (dn := g.day_number(e + 1)) is not None:
                e = dn[0]
            return e, f
        dn = g.day_number(k + 1)
        if dn is not None and g.is_(dn[0], "range_to"):
            m2 = daymonth_core(g, dn[0] + 1)
            if m2 is not None and m2[1].part is None:
                f2 = m2[1]  # « du 31 décembre au 1er janvier » is read above; « du 3 au 4 mars » here
                return m2[0], Frame("date", year=f2.year, month=f2.month, day=dn[1], granularity="day")
            dn2 = g.day_number(dn[0] + 1)
            if dn2 is not None and day_alone_ok(g, dn2[0]) and (dn2[1] == dn[1] + 1 or dn2[1] == 1 and dn[1] >= 28):
                return dn2[0], Frame("date", day=dn[1], granularity="day")  # « la nuit du 14 au 15 »
        return None
    if g.is_(k, "of") and (wd := g.kind(k + 1, "weekdays")) is not None and not g.plural_form(k + 1):
        full = daymonth(g, k + 1)
        if full is not None and full[1].day is not None and full[1].part is None:
            e, f = full  # « la nuit de samedi 18 (au dimanche 19) »: the night of the day named
            if g.is_(e, "range_to") and (m2 := daymonth(g, e + 1)) is not None and m2[1].part is None:
                e = m2[0]
            return e, f
        e = k + 2
        if g.is_(e, "range_to") and g.kind(e + 1, "weekdays") is not None:
            m2 = daymonth(g, e + 1)
            if m2 is not None and m2[1].day is not None and m2[1].part is None:
                # « la nuit de jeudi à vendredi 31 mars »: the night before the date named
                return m2[0], Frame("date", shift_unit="D", shift=-1, anchor="base", base=m2[1], granularity="day")
            e += 2  # « de samedi à dimanche »
        e, direction = g.direction_after(e)
        if direction in ("prev_last", "prev_next"):
            return e, Frame("date", weekday=int(wd), direction=direction, anchor="previous", granularity="day")
        return e, Frame("date", weekday=int(wd), direction=direction, granularity="day")
    return None
