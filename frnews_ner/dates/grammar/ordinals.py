"""Ordinal periods: « la dernière semaine de septembre », « le premier mercredi du mois prochain »,
« la deuxième quinzaine de mars », « le dernier jour de l'année », « le premier week-end d'août »;
the week holding a day: « la semaine du 6 octobre », « le week-end du 14 juillet »; and (family 5 of
issue 10) the quarters and half-years of a year: « le premier trimestre 2025 » → ``2025-Q1``, « au
deuxième semestre » → ``2024-H2`` (without a year, the tense of the clause picks it). Rounds of a
competition (« la troisième journée de championnat », « le deuxième tour ») are events, not dates:
nothing here reads them."""

from __future__ import annotations

from dataclasses import replace

from ..models import Frame, Match
from .absolute import daymonth_core, numeric_date
from .durations import UNIT_GRAIN
from .reader import Reader, shift_of
from .sets import weekly

#: Nouns of the periods counted by rank, and their ordinal unit (``2W``: a half-month).
_RANKED_NOUNS = {"week_noun": "W", "day_noun": "D", "fortnight_noun": "2W"}
_RANK_GRAIN = {"W": "week", "D": "day", "WD": "day", "2W": "month", "WE": "weekend"}


def ranked_period(g: Reader, i: int) -> Match | None:
    j, det = g.opt_det(i)
    if det == "this_det" or (o := g.ordinal(j)) is None:
        return None
    k, rank = o
    weekday = None
    if (w := g.kind(k, "weekdays")) is not None and not g.plural_form(k):
        unit, weekday = "WD", int(w)
    elif (noun := next((u for cls, u in _RANKED_NOUNS.items() if g.is_(k, cls)), None)) is not None:
        unit = noun
    elif g.unit(k) == "WE" and not g.plural_form(k):
        unit = "WE"
    else:
        return None
    by_the = g.is_(k + 1, "of_the")
    linked = g.of(k + 1, "of_the")  # « de », « d' », « du »
    if linked is None:
        return None
    k = linked
    frame = Frame("date", ordinal=rank, ord_unit=unit, weekday=weekday, granularity=_RANK_GRAIN[unit])
    # « du mois (prochain) », « de ce mois », « de l'année (dernière) », « du mois de mai »
    k2, det2 = (k, "det") if by_the else g.opt_det(k)
    target_unit = g.unit(k2)
    if det2 is not None and (g.is_(k2, "month_noun") or g.is_(k2, "year_noun")) and target_unit in ("M", "Y"):
        month_after = g.of(k2 + 1) if target_unit == "M" else None
        if month_after is not None and g.kind(month_after, "months"):
            k = month_after  # « du mois de mai »: the month below
        else:
            if unit == "2W" and target_unit == "Y":
                return None
            e, direction = g.direction_after(k2 + 1)
            if direction in ("prev_last", "prev_next"):
                return None
            return e, replace(frame, shift_unit=target_unit, shift=shift_of(direction))
    mm = g.month(k, abbr=True)
    if mm is not None:
        e, month = mm
        if (yy := g.year_after(e)) is not None:
            return yy[0], replace(frame, year=yy[1], month=month)
        e, direction = g.direction_after(e)
        return e, replace(frame, month=month, direction=direction if direction in ("last", "next") else None)
    if unit != "2W" and (yy := g.year(k)) is not None and g.year_ok_after(yy[0]):
        return yy[0], replace(frame, year=yy[1])
    return None


def week_of(g: Reader, i: int) -> Match | None:
    """« la semaine du 6 octobre », « le week-end du 14 juillet »: the week holding that day."""
    j, det = g.opt_det(i)
    unit = g.unit(j)
    if det != "det" or unit not in ("W", "WE") or g.plural_form(j) or not g.is_(j + 1, "of_the"):
        return None
    m = daymonth_core(g, j + 2) or numeric_date(g, j + 2)
    if m is None or m[1].part is not None:
        return None
    return m[0], Frame("date", shift_unit=unit, shift=0, anchor="base", base=m[1], granularity=UNIT_GRAIN[unit])


#: Units whose ordinals name a part of a year, and the TIMEX3 letter of that part.
_YEAR_PARTS = {"Q": "Q", "6M": "H"}


def year_part(g: Reader, i: int) -> Match | None:
    """« le premier trimestre (2025) », « au dernier trimestre 2024 », « le second semestre »."""
    j, det = g.opt_det(i)
    if det == "this_det" or (o := g.ordinal(j)) is None:
        return None
    k, rank = o
    letter = _YEAR_PARTS.get(g.unit(k) or "")
    if letter is None or g.plural_form(k):
        return None
    frame = Frame("date", ordinal=rank, ord_unit=letter, granularity="quarter" if letter == "Q" else "halfyear")
    k += 1
    if (yy := g.year(k)) is not None and g.year_ok_after(yy[0]):
        return yy[0], replace(frame, year=yy[1])
    if (after := g.of(k, "of_the")) is not None and (yy := g.year(after)) is not None and g.year_ok_after(yy[0]):
        return yy[0], replace(frame, year=yy[1])  # « le premier trimestre de 2025 »
    return k, frame


def ranked_weekdays(g: Reader, i: int) -> Match | None:
    """« les deuxième et quatrième jeudis », « les premiers mardis », « le premier mardi de chaque
    mois »: chosen weekdays of every month, a SET of that weekday (``XXXX-WXX-4``; TIMEX3 has no value
    for their rank). « de chaque mois » stays its own SET after it, as the French TimeBank annotates it."""
    j, det = g.opt_det(i)
    if det != "det" or (o := g.ordinal(j)) is None:
        return None
    k = o[0]
    while (g.is_(k, "and") or g.word(k) == ",") and (more := g.ordinal(k + 1)) is not None:
        k = more[0]  # « deuxième et quatrième », « premier, troisième et cinquième »
    w = g.kind(k, "weekdays")
    if w is None:
        return None
    if not g.plural_form(k):
        # one weekday only recurs before « de chaque mois », « de tous les mois »
        after = g.of(k + 1)
        if after is None or g.kind(after, "sets") != "each" or g.unit(after + 1) != "M":
            return None
    return k + 1, Frame("set", value=weekly(w, None), granularity="day")
