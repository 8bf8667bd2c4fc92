"""Weekdays: « samedi », « lundi dernier », « ce mardi », « mercredi soir », « mardi de la semaine
prochaine », « vendredi précédent », « lundi en huit ».

A bare weekday takes the direction of its clause (past → the previous one, future → the next one,
present → the nearest); « un vendredi » and « les mardis » are no particular day.
"""

from __future__ import annotations

from ..models import Frame, Match
from .clock import juxtaposed_clock
from .durations import TIMEX_MODS
from .reader import Reader, shift_of
from .sets import weekly

#: « lundi en huit » / « en quinze »: the class of the word after « en » and the weeks it adds.
_WEEKS_ON = {"one_week_on": 1, "two_weeks_on": 2}


def weekday(g: Reader, i: int) -> Match | None:
    j, det = g.opt_det(i)
    if g.is_(j, "same") and det == "this_det":
        j += 1
    if det is None and g.is_(i - 1, "not_a_particular_day"):
        return None  # « un vendredi » is no particular Friday
    w = g.kind(j, "weekdays")
    if w is None or g.plural_form(j):
        return None  # « les mardis » is a set
    k = j + 1
    if det == "det" and g.mod(k) not in ("last", "next", "prev_last", "prev_next"):
        # « le mardi » alone: habitual in the present (« le musée ferme le mardi »), else that week's
        # Tuesday; with its day number it is the day-month rule's (the longer match)
        if g.is_(i, "masculine_article") and g.direction_after(k)[1] is None:
            k, part = g.part_after(k)
            return k, Frame("time" if part else "date", weekday=int(w), part=part, granularity="day",
                            habitual=weekly(int(w), part))
        return None
    if g.is_(k, "same") and det == "this_det":
        k += 1
    k, direction = g.direction_after(k)
    k, part, part_mod = g.part_mod_after(k)
    mod = TIMEX_MODS.get(part_mod or "")
    # « ce lundi » is the nearest Monday in the direction of the tense, like a bare « lundi ».
    if direction is None:
        k2, d2 = g.direction_after(k)
        if d2:
            k, direction = k2, d2
    kind = "time" if part else "date"
    if direction is None:
        # « mardi de la semaine prochaine », « lundi la semaine dernière »
        k2 = k + 1 if g.is_(k, "of") else k
        if g.is_(k2, "feminine_article") and g.unit(k2 + 1) == "W" and g.is_(k2 + 1, "week_noun"):
            k3, d3 = g.direction_after(k2 + 2)
            if d3 in ("last", "next", "prev_last", "prev_next"):
                # « mardi de la semaine suivante »: the week after the date named before
                return k3, Frame(kind, weekday=int(w), part=part, shift_unit="W", shift=shift_of(d3),
                                 anchor="previous" if d3.startswith("prev") else "published",
                                 granularity="day")
    if direction in ("prev_last", "prev_next"):
        return k, Frame(kind, weekday=int(w), part=part, direction=direction, anchor="previous",
                        granularity="day")
    if direction is None and det is None and g.is_(k, "in_prep"):
        # « lundi en huit », « mercredi en quinze »: one or two weeks after the coming one
        weeks = next((n for cls, n in _WEEKS_ON.items() if g.is_(k + 1, cls)), None)
        if weeks and g.unit(k + 2) is None and not g.digits(k + 2):
            return k + 2, Frame(kind, weekday=int(w), part=part, direction="next", shift_unit="D",
                                shift=7 * weeks, granularity="day")
    frame = Frame(kind, weekday=int(w), part=part, direction=direction, mod=mod, granularity="day")
    return juxtaposed_clock(g, k, frame) or (k, frame)
