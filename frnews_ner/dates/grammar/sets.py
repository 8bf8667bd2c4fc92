"""Sets (recurring times): « chaque lundi », « tous les ans », « les mardis soir », « chaque mois de
mai », « tous les matins », « toutes les nuits », « deux fois par an » (``an`` → P1Y), « annuellement » (an adverb tagged ADJ/ADV)."""

from __future__ import annotations

from ..models import Frame, Match
from .durations import UNIT_GRAIN, duration_value
from .reader import Reader


def weekly(weekday: int | str, part: str | None) -> str:
    """The TIMEX3 value of every ``weekday`` (at ``part`` of the day): ``XXXX-WXX-2``, ``XXXX-WXX-6TMO``."""
    return f"XXXX-WXX-{weekday}" + (f"T{part}" if part else "")


def each(g: Reader, i: int) -> Match | None:
    if g.mod(i) == "det" and g.is_(i, "plural_det") and (w := g.kind(i + 1, "weekdays")) \
            and g.plural_form(i + 1):
        k, part = g.part_after(i + 2)
        return k, Frame("set", value=weekly(w, part), granularity="day")
    if g.kind(i, "sets") != "each":
        return None
    j = i + 1
    amount: float | str = 1
    if (num := g.number(j)) is not None and num[1] not in ("X",):
        j, amount = num
    unit = g.unit(j)
    if unit is not None:
        value, grain = duration_value(amount, unit)
        return j + 1, Frame("set", value=value, granularity=grain)
    if (w := g.kind(j, "weekdays")) is not None and amount == 1:
        k, part = g.part_after(j + 1)
        return k, Frame("set", value=weekly(w, part), granularity="day")
    if (p := g.part_of_day(j, plural=True)) is not None and amount == 1:
        return j + 1, Frame("set", value=f"XXXX-XX-XXT{p}", granularity="partofday")
    if g.is_(j, "month_noun") and g.is_(j + 1, "of") and (m := g.kind(j + 2, "months")):
        return j + 3, Frame("set", value=f"XXXX-{int(m):02d}", granularity="month")
    if (m := g.kind(j, "months")) is not None:
        return j + 1, Frame("set", value=f"XXXX-{int(m):02d}", granularity="month")
    return None


def per(g: Reader, i: int) -> Match | None:
    """« deux fois par an » → SET « an » P1Y (the preposition stays outside)."""
    if g.kind(i - 1, "sets") != "per":
        return None
    unit = g.unit(i)
    if unit is None or unit == "WE":
        return None
    value, grain = duration_value(1, unit)
    return i + 1, Frame("set", value=value, granularity=grain)


def frequency_word(g: Reader, i: int) -> Match | None:
    v = g.kind(i, "sets")
    if v is None or not v.startswith("P") or not g.has_pos:
        return None  # without a tagger « le quotidien » (newspaper) cannot be told apart
    if g.pos(i) not in ("ADJ", "ADV") or g.mod(i - 1) in ("det", "this_det"):
        return None
    return i + 1, Frame("set", value=v, granularity=UNIT_GRAIN.get(v[-1], None))
