"""Periods counted from an anchor: « la semaine dernière », « l'an prochain », « ce mois-ci »,
« cette année-là », « l'année précédente », « le mois même »; and the last/next N units as
durations: « ces derniers jours » → ``PXD``, « les trois derniers mois » → ``P3M``."""

from __future__ import annotations

from ..models import Frame, Match
from .durations import UNIT_GRAIN, duration_value
from .reader import Reader, shift_of


def unit_relative(g: Reader, i: int) -> Match | None:
    j, det = g.opt_det(i)
    if det is None:
        return None
    if det == "det" and g.is_(j, "same") and g.unit(j + 1) in ("Y", "M", "W", "WE", "D") \
            and (not g.plural_form(j + 1) or g.is_(j + 1, "month_noun")):  # « mois » is invariable
        # « la même année », « le même jour »: the period of the date named before
        unit = g.unit(j + 1)
        assert unit is not None
        return j + 2, Frame("date", shift_unit=unit, shift=0, anchor="previous", granularity=UNIT_GRAIN[unit])
    if det == "det" and g.is_(j, "new_adjective") and g.is_(j + 1, "year_noun") \
            and not (g.has_pos and g.pos(j + 2) == "ADJ"):  # not « la nouvelle année scolaire »
        # « la nouvelle année »: the year that begins nearest to the publication (the resolver picks it)
        return j + 2, Frame("date", shift_unit="Y", shift=0, direction="new_year", granularity="year")
    unit = g.unit(j)
    if unit not in ("Y", "M", "W", "WE", "Q", "D", "DE", "CE"):
        return None
    if g.plural_form(j) and det == "this_det" and not g.is_(j, "month_noun"):
        return None  # « ces semaines » → not a single period
    k = j + 1
    anchor, shift = "published", 0
    if g.glued_sign(k, "-") and (g.is_(k + 1, "here") or g.is_(k + 1, "there")):
        if det != "this_det":
            return None
        anchor = "published" if g.is_(k + 1, "here") else "previous"
        k += 2
    elif g.is_(k, "same") and det == "this_det":
        anchor, k = "previous", k + 1
    else:
        k2, direction = g.direction_after(k)
        if direction is None and det == "det" and g.mod(i - 1) == "in" and unit in ("Y", "M", "W") \
                and (not g.plural_form(j) or g.is_(j, "month_noun")) and g.of(k) is None and not g.is_(k, "of_the"):
            # « dans la semaine », « dans le mois », « dans l'année »: within the current period
            return k, Frame("date", shift_unit=unit, shift=0, granularity=UNIT_GRAIN[unit])
        if direction is None:
            if det != "this_det" or unit == "D":
                return None
        else:
            if g.plural_form(j) and not g.is_(j, "month_noun") or g.is_(i, "plural_det"):
                # « les jours à venir », « les semaines qui suivent »: some units, as « les prochains
                # jours » (last_n), not one of them
                value, grain = duration_value("X", unit)
                return k2, Frame("duration", value=value, granularity=grain)
            k = k2
            shift = shift_of(direction)
            anchor = "previous" if direction.startswith("prev") else "published"
            if det == "this_det" and g.plural_form(j):
                return None
    if unit == "D" and anchor == "published" and shift == 0:
        return None
    return k, Frame("date", shift_unit=unit, shift=shift, anchor=anchor, granularity=UNIT_GRAIN[unit])


def last_n(g: Reader, i: int) -> Match | None:
    """« ces derniers jours » → PXD, « les trois derniers mois » → P3M; after « des » (de + les, a
    preposition the extent leaves out) from the number on: « au cours des dix dernières années » → P10Y."""
    j, det = g.opt_det(i)
    if det is None and not g.is_(i - 1, "of_the_plural"):
        return None
    amount: float | str = "X"
    if (num := g.number(j)) is not None and num[1] != "X":
        j, amount = num
    if g.mod(j) not in ("last", "next"):
        return None
    unit = g.unit(j + 1)
    if unit not in ("Y", "M", "W", "D", "H", "MIN", "S", "DE", "CE", "Q", "WE"):
        return None
    if det is None and (g.of(j + 2) is not None or g.is_(j + 2, "of_the")):
        return None  # « l'un des derniers jours de soldes »: days of something, no span of time
    value, grain = duration_value(amount, unit)
    return j + 2, Frame("duration", value=value, granularity=grain)


def day_of_month_shift(g: Reader, i: int) -> Match | None:
    """« le 20 du mois prochain », « le 3 du mois dernier », « le 15 de ce mois » (« -ci »): that day
    of the month counted from the publication date; « le 20 du mois de mars »: that day-month."""
    j, det = g.opt_det(i)
    if det != "det" or (dn := g.day_number(j)) is None:
        return None
    k, day = dn
    if g.is_(k, "of_the") and g.is_(k + 1, "month_noun"):
        if (named := g.of(k + 2)) is not None and (mm := g.month(named, abbr=False)) is not None:
            # « le 20 du mois de mars »: a day-month, placed like « le 20 mars »
            return mm[0], Frame("date", day=day, month=mm[1], granularity="day")
        e, direction = g.direction_after(k + 2)
        if direction not in ("last", "next"):
            return None
        return e, Frame("date", day=day, shift_unit="M", shift=shift_of(direction), granularity="day")
    if g.is_(k, "of") and g.mod(k + 1) == "this_det" and g.is_(k + 2, "month_noun"):
        e = k + 3
        if g.glued_sign(e, "-") and g.is_(e + 1, "here"):
            e += 2  # « de ce mois-ci »
        return e, Frame("date", day=day, shift_unit="M", shift=0, granularity="day")
    return None
