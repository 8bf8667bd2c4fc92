"""Extents of one constituent (family 7 of issue 10; French TimeBank guide 2.2, pp. 16-17).

Two expressions that form one constituent are one TIMEX3, with the clock time on that day's value:

- juxtaposed: « dimanche 9 heures » → ``…T09:00`` (read by the weekday and day-month rules, which take
  a clock time right after them: :func:`~frnews_ner.dates.grammar.clock.juxtaposed_clock`);
- in apposition with a comma: « 18 h 30, le mardi 14 octobre », « jeudi 6 mars 2025, 7 h du matin »
  (:func:`apposition`);
- « tôt » / « tard » right before a day, which then has the mod START / END: « tôt samedi
  matin » (:func:`early_late`; class ``early_late``, modifier ``start``/``end``).

A clock in « à » stays a second TIMEX3 with that day's value (« le 14 octobre à 16 heures », *G* (66)),
and so do the anchor of « trois semaines à compter de lundi » and the members of « six mois, voire un an ».
"""

from __future__ import annotations

from dataclasses import replace

from ..models import Frame, Match
from .absolute import daymonth
from .clock import clock, on_day
from .durations import TIMEX_MODS
from .reader import Reader
from .relative_days import relative_day
from .weekdays import weekday


def _full_day(f: Frame) -> bool:
    return f.day is not None and f.month is not None and f.shift_unit is None and f.hour is None


def apposition(g: Reader, i: int) -> Match | None:
    """« 18 h 30, le mardi 14 octobre » and « jeudi 6 mars 2025, 7 h du matin »: one TIME."""
    first = clock(g, i)
    if first is not None and first[1].hour is not None and g.word(first[0]) == ",":
        day = daymonth(g, first[0] + 1)
        if day is not None and _full_day(day[1]) and day[1].part is None:
            return day[0], on_day(day[1], first[1])
        return None
    day = daymonth(g, i)
    if day is None or not _full_day(day[1]) or day[1].part is not None or g.word(day[0]) != ",":
        return None
    time = clock(g, day[0] + 1)
    if time is None or time[1].hour is None:
        return None
    return time[0], on_day(day[1], time[1])


def early_late(g: Reader, i: int) -> Match | None:
    """« tôt samedi matin » (START), « tard dimanche soir » (END): the modifier inside the extent."""
    if not g.is_(i, "early_late"):
        return None
    mod = TIMEX_MODS.get(g.mod(i) or "")
    if mod not in ("START", "END"):
        return None
    for rule in (weekday, relative_day, daymonth):
        m = rule(g, i + 1)
        if m is not None and m[1].kind in ("date", "time") and m[1].mod is None:
            return m[0], replace(m[1], mod=mod)
    return None
