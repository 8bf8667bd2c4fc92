"""Holidays: « Noël », « à Pâques 2025 », « la Toussaint dernière », « ce 14 juillet » when named as a
holiday (``holidays.tsv``: fixed days and days counted from Easter, computed per year)."""

from __future__ import annotations

from ..models import Frame, Match
from .reader import Reader


def holiday(g: Reader, i: int) -> Match | None:
    j, det = g.opt_det(i)
    h = g.kind(j, "holidays")
    if h is None:
        return None
    k = j + 1
    # « Noël Mamère »: a first name when a capitalised word follows
    if k < g.n and g.is_capitalised(k) and g.word(k).isalpha() and not g.kind(k, "months"):
        return None
    if (yy := g.year(k)) is not None:
        return yy[0], Frame("date", holiday=h, year=yy[1], granularity="day")
    k, direction = g.direction_after(k)
    if direction in ("prev_last", "prev_next"):
        direction = None
    if det == "this_det":
        direction = "this"
    return k, Frame("date", holiday=h, direction=direction, granularity="day")
