"""Durations: « trois semaines », « près d'un mois », « une demi-heure », « deux ans et demi »,
« un quinquennat », « deux ans et trois mois » (one DURATION ``P2Y3M``), « toute la journée »
(the whole of one unit, ``P1D``); and, from the same words, dates counted from an anchor: « il y a trois ans »,
« dans deux mois », « trois jours plus tard », « deux ans auparavant ».

Ages are no durations (« un homme de 38 ans », « Alain, 53 ans, »), nor « un jour, il reviendra ».
"""

from __future__ import annotations

import re

from ..models import Frame, Match
from .clock import distance_after, seconds_after
from .reader import Reader

#: TIMEX3 mods of the modifier values.
TIMEX_MODS = {"approx": "APPROX", "more": "MORE_THAN", "less": "LESS_THAN", "equal_or_more": "EQUAL_OR_MORE",
              "equal_or_less": "EQUAL_OR_LESS", "start": "START", "mid": "MID", "end": "END"}
UNIT_GRAIN = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "MIN": "minute", "S": "second",
              "WE": "weekend", "Q": "quarter", "DE": "decade", "CE": "century"}
#: Modifiers before a count of time (« environ », « plus de »…), kept inside the duration with their TIMEX3 mod.
COUNT_MODS = ("approx", "more", "less", "equal_or_more", "equal_or_less")
_UNIT_CODE = re.compile(r"^(\d+)?(.+)$")
# TIMEX3 duration letters of each unit (time units after « T »), and the next smaller unit that
# expresses a fraction as a whole number (« une demi-heure » → PT30M).
_DURATION_LETTERS = {"Y": ("", "Y"), "M": ("", "M"), "W": ("", "W"), "D": ("", "D"), "H": ("T", "H"),
                     "MIN": ("T", "M"), "S": ("T", "S"), "WE": ("", "WE"), "Q": ("", "Q"), "DE": ("", "DE"),
                     "CE": ("", "CE")}
_SMALLER = {"Y": ("M", 12), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}


def split_unit(code: str) -> tuple[int, str]:
    """``"5Y"`` → ``(5, "Y")``; ``"W"`` → ``(1, "W")``."""
    m = _UNIT_CODE.match(code)
    assert m is not None
    return (int(m.group(1)) if m.group(1) else 1), m.group(2)


def duration_value(amount: float | str, unit: str) -> tuple[str, str]:
    """TIMEX3 duration: ``(3, "W")`` → ``"P3W"``; ``(30.4, "S")`` → ``"PT30.4S"``; ``("X", "D")`` → ``"PXD"``."""
    mult, base = split_unit(unit)
    if not isinstance(amount, str) and not float(amount * mult).is_integer() and base in _SMALLER:
        low, factor = _SMALLER[base]
        if float(amount * mult * factor).is_integer():
            return duration_value(amount * mult * factor, low)[0], UNIT_GRAIN[base]
    if isinstance(amount, str):
        qty = amount
    else:
        total = amount * mult
        qty = str(int(total)) if float(total).is_integer() else f"{total:g}"
    t, u = _DURATION_LETTERS[base]
    if base in ("DE", "CE") and qty != "X":
        return f"P{int(float(qty) * (10 if base == 'DE' else 100))}Y", UNIT_GRAIN[base]
    if base == "Q" and qty != "X":
        return f"P{int(float(qty) * 3)}M", "quarter"
    return f"P{t}{qty}{u}", UNIT_GRAIN[base]


#: Units a compound duration may join, largest first (« deux ans et trois mois », « une heure et
#: 30 minutes »); ISO 8601 writes no weeks beside other units, so « W » stays alone.
_COMPOUND_ORDER = ("Y", "M", "D", "H", "MIN", "S")


def compound_value(parts: list[tuple[int, str]]) -> str:
    """TIMEX3 value of whole counts of decreasing units: ``[(2, "Y"), (3, "M")]`` → ``"P2Y3M"``,
    ``[(1, "D"), (2, "H")]`` → ``"P1DT2H"``."""
    day_part = "".join(f"{n}{_DURATION_LETTERS[u][1]}" for n, u in parts if not _DURATION_LETTERS[u][0])
    time_part = "".join(f"{n}{_DURATION_LETTERS[u][1]}" for n, u in parts if _DURATION_LETTERS[u][0])
    return "P" + day_part + ("T" + time_part if time_part else "")


def compound_tail(g: Reader, end: int, amount: float | str, unit: str) -> tuple[int, str, str] | None:
    """« [deux ans] et trois mois »: a second whole count of a smaller unit after « et » joins the
    duration ending at ``end``: (its end, the compound value, its granularity), else None."""
    mult, base = split_unit(unit)
    if not g.is_(end, "and") or not isinstance(amount, int) or mult != 1 or base not in _COMPOUND_ORDER:
        return None
    num = g.number(end + 1)
    if num is None or not isinstance(num[1], int) or num[1] <= 0:
        return None
    k, count = num[0], int(num[1])
    second = g.unit(k)
    if second is None:
        return None
    mult2, base2 = split_unit(second)
    if mult2 != 1 or base2 not in _COMPOUND_ORDER or \
            _COMPOUND_ORDER.index(base2) <= _COMPOUND_ORDER.index(base):
        return None
    return k + 1, compound_value([(amount, base), (count, base2)]), UNIT_GRAIN[base2]


def sign_duration(g: Reader, i: int) -> Match | None:
    """Times written with signs: « en 2 h 05 min 30 s » → PT2H5M30S, « pendant 2 h » → PT2H,
    « (2 h 01 min 09 s) », « 45 min 12 s », « en 1:57:17 », « environ 2 h » (mod APPROX, inside).
    Hours with « h » are a duration after a duration preposition (« en », « pendant »), or when
    « min » follows their minutes and no clock preposition stands before (« à 9 h 32 min 15 s » is
    a clock time, :func:`~.clock.clock`); hours with « : » only after a duration preposition."""
    j, mod = i, None
    if (mv := g.mod(i)) in COUNT_MODS:
        j, mod = i + 1, TIMEX_MODS[mv]
    d = g.digits(j)
    if d is None or len(d) > 3:
        return None
    if g.mod(j - 1) == "approx" and g.is_(j - 2, "time_prep"):
        return None  # « après environ 15h30 », « vers environ 2 h »: a clock time
    parts: list[tuple[int, str]] = []
    k = j + 1
    if g.is_(k, "hour_sign"):
        parts.append((int(d), "H"))
        k += 1
        signed = False
        if (mm := g.digits(k)) is not None and len(mm) == 2 and int(mm) < 60:
            parts.append((int(mm), "MIN"))
            k += 1
            if g.is_(k, "minute_noun"):
                signed = True
                k, second = seconds_after(g, k, colon=False)  # « min [45 [s]] », read as a clock time's
                if second is not None:
                    parts.append((second, "S"))
        if not (mod is not None or g.is_(j - 1, "duration_prep") or signed and not g.is_(j - 1, "time_prep")):
            return None
    elif g.glued_sign(k, ":") and (mod is not None or g.is_(j - 1, "duration_prep")):
        # « en 1:57:17 », « pendant 1:30 »: hours and minutes (and seconds) after a duration preposition
        k, minutes = seconds_after(g, k, colon=True)  # two glued digits after a glued « : »
        if minutes is None:
            return None
        parts = [(int(d), "H"), (minutes, "MIN")]
        k, second = seconds_after(g, k, colon=True)
        if second is not None:
            parts.append((second, "S"))
    elif g.is_(k, "minute_noun") and (ss := g.digits(k + 1)) is not None and len(ss) <= 2 \
            and int(ss) < 60 and g.is_(k + 2, "second_sign"):
        parts, k = [(int(d), "MIN"), (int(ss), "S")], k + 3
    else:
        return None
    parts = [(n, u) for n, u in parts if n] or parts[:1]  # « 2 h 00 » is two hours
    return k, Frame("duration", value=compound_value(parts), mod=mod, granularity=UNIT_GRAIN[parts[-1][1]])


#: Modifiers after a unit that make it name one period (« la semaine dernière », « l'année suivante »).
_PERIOD_NAMERS = ("last", "next", "this", "prev_last", "prev_next")


def whole_unit(g: Reader, i: int) -> Match | None:
    """« toute la journée », « tout le mois », « toute l'année »: the whole of one unit, a DURATION
    of one unit with the quantifier inside. A unit that names a period (« toute la semaine
    dernière », « tout le mois de mars », « toute la journée de lundi ») is left to the date rules."""
    if g.mod(i) != "whole" or g.mod(i + 1) != "det" or g.is_(i + 1, "plural_det"):
        return None
    k = i + 2
    unit = g.unit(k)
    if unit is None or not (g.has_plural(k) or g.is_(k, "month_noun")):
        return None  # a plural (« tous les jours ») is a set, read by the set rules
    nxt = k + 1
    if g.mod(nxt) in _PERIOD_NAMERS or g.is_(nxt, "of") or g.is_(nxt, "of_the") or g.is_(nxt, "of_elided") \
            or g.digits(nxt) is not None or g.kind(nxt, "months") or g.kind(nxt, "weekdays") \
            or g.word(nxt) == "-":
        return None
    value, grain = duration_value(1, unit)
    return k + 1, Frame("duration", value=value, granularity=grain)


def duration(g: Reader, i: int) -> Match | None:
    if g.mod(i) == "whole":
        return whole_unit(g, i)
    j = i
    mod = None
    mv = g.mod(j)
    if mv in COUNT_MODS:
        mod, j = TIMEX_MODS[mv], j + 1
    # « une dizaine de jours », « une quinzaine d'années »: an approximate number (flag ``approx``),
    # then read like any count (an age, « il y a une dizaine d'années »…)
    approximate = approximate_number(g, j)
    # « une demi-heure », « un quart d'heure », « un quart de siècle », « un demi-siècle »
    num = approximate if approximate is not None else g.number(j)
    if approximate is not None:
        mod = mod or "APPROX"
    if num is None:
        if mod is None:
            unit = g.unit(j)
            if unit and split_unit(unit)[0] > 1 and g.kind(j - 1, "sets") != "per":
                value, grain = duration_value(1, unit)
                return j + 1, Frame("duration", value=value, granularity=grain)
        return None
    k, amount = num
    fraction = None
    if approximate is not None:
        pass
    elif g.is_(k, "half") and g.word(k + 1) == "-":
        fraction, k = 0.5, k + 2
    elif g.is_(k, "quarter") and (after := g.of(k + 1)) is not None:
        fraction, k = 0.25, after
    unit = g.unit(k)
    if unit is None or unit == "WE" and amount == "X":
        return None
    if isinstance(amount, int) and amount >= 1000 and g.digits(j) is not None and fraction is None \
            and g.has_plural(k):
        return None  # « 2017 trimestre 1 » is a year: a real count would put the unit in the plural
    end = k + 1
    if fraction is not None and amount != "X":
        amount = float(amount) * fraction
    elif g.is_(end, "and") and g.is_(end + 1, "half") and amount != "X":
        amount, end = float(amount) + 0.5, end + 2
    elif unit == "H" and isinstance(amount, int) and g.is_(end, "and") and g.is_(end + 1, "quarter"):
        amount, end = amount + 0.25, end + 2  # « deux heures et quart »
    elif unit == "H" and isinstance(amount, int) and g.kind(end, "numbers") == "3" and g.is_(end + 1, "quarter") \
            and g.plural_form(end + 1):
        amount, end = amount + 0.75, end + 2  # « deux heures trois quarts »
    signal = g.signal(i)
    if amount == "X" and g.is_(j, "vague_quantity") and signal is None and not g.is_(i - 1, "during"):
        return None  # « des jours » needs « depuis », « pendant »…
    if amount == 1 and unit == "D" and mod is None and g.is_(j, "indefinite_masculine") and signal is None \
            and not (g.is_(i - 1, "during") or g.is_(i - 1, "in_prep")) \
            and not _counted_from_before(g, end):
        return None  # « un jour, il reviendra »: not a duration (but « un jour plus tard », « un jour après »)
    if isinstance(amount, float) and amount.is_integer():
        amount = int(amount)
    if unit == "S" and amount == 1 and g.pos(end) == "NOUN":
        return None  # « une seconde phase », « une seconde fois »: the ordinal before its noun, not a second
    if unit == "Y" and is_age(g, i, end, mod):
        return None
    if g.is_(i - 1, "at") and g.is_(end, "where"):
        return None  # « à une heure où la ville dort »: « at a time when », no quantity of time
    value, grain = duration_value(amount, unit)
    base = split_unit(unit)[1]
    # a whole number of units (« il y a environ trois ans »: approximately, still a date)
    counted = amount if mod in (None, "APPROX") and isinstance(amount, int) else None
    if counted is not None and unit in ("Y", "M", "W", "D"):
        after_mod = g.mod(end)
        if _counted_from_before(g, end):
            # « trois jours plus tard », « deux ans auparavant », « une semaine après. »
            shift = counted if after_mod == "after" or g.is_(end, "after") else -counted
            return end + 1, Frame("date", shift_unit=base, shift=shift, anchor="previous", mod=mod,
                                  granularity=UNIT_GRAIN[base])
    if counted is not None and unit in ("Y", "M", "W", "D", "WE") and signal in ("ago", "in"):
        shift = -counted if signal == "ago" else counted
        if base in ("Y", "M", "W") and g.unit(end) == "D" and g.is_(end + 1, "day_for_day") and g.unit(end + 2) == "D":
            # « il y a dix ans jour pour jour »: that very day, ten years back
            return end + 3, Frame("date", shift_unit=base, shift=shift, same_day=True, mod=mod, granularity="day")
        return end, Frame("date", shift_unit=base, shift=shift, mod=mod, granularity=UNIT_GRAIN[base])
    if counted is not None and unit in ("H", "MIN", "S") and signal in ("ago", "in") \
            and not distance_after(g, end, strict=False) and not g.is_(end, "that_conj"):
        # « il y a deux heures », « dans 30 minutes »: a time of day counted from the publication time;
        # not « il y a deux heures de route » (hours counted) nor « il y a une heure que… » (a span)
        shift = -counted if signal == "ago" else counted
        return end, Frame("time", shift_unit=base, shift=shift, mod=mod,
                          granularity="second" if base == "S" else "minute")
    if (tail := compound_tail(g, end, amount, unit)) is not None:
        end, value, grain = tail
    return end, Frame("duration", value=value, mod=mod, granularity=grain)


def _counted_from_before(g: Reader, end: int) -> bool:
    """« plus tard », « auparavant » at ``end``, or « après », « avant » ending the phrase (« une semaine
    après. », not « un jour après l'autre »): the count runs from the date mentioned before."""
    if g.mod(end) in ("after", "before"):
        return True
    return (g.is_(end, "after") or g.is_(end, "before")) and g.sign_or_end(end + 1)


def approximate_number(g: Reader, j: int) -> tuple[int, int] | None:
    """« (une) dizaine de », « (une) quinzaine d' » before a unit: (the unit's item, the number)."""
    k = j + 1 if g.is_(j, "indefinite") else j
    if "approx" not in g.flags(k, "numbers"):
        return None
    after = g.of(k + 1)
    if after is None or g.unit(after) is None:
        return None
    return after, int(g.kind(k, "numbers") or 0)


def is_age(g: Reader, i: int, end: int, mod: str | None) -> bool:
    """« de 38 ans », « âgé de 54 ans », « Alain, 53 ans, », « les moins de 17 ans », « 6-16 ans »,
    « un homme d'une trentaine d'années »."""
    if g.is_(i - 1, "indefinite") and "approx" in g.flags(i, "numbers"):
        i -= 1  # read from « trentaine » on (« une » left out), the age is still « d'une trentaine »
    if g.word(i - 1) == "'" and g.is_(i - 2, "of_elided") and g.is_(i, "indefinite"):
        return not g.is_(i - 3, "duration_head")  # « d'une trentaine d'années »
    if g.is_(i - 1, "of") or g.is_(i - 1, "of_elided"):
        head = i - 2 if g.is_(i - 1, "of") else i - 3
        if g.is_(head, "age_head"):
            return True
        if g.is_(head, "duration_head"):
            return False
        # « une interdiction de stade de cinq ans »: the head of the noun phrase before its complement
        return not (g.is_(head - 1, "of") and g.is_(head - 2, "duration_head"))
    if g.word(i - 1) in (",", "(") and (g.word(end) in (",", ")", ".", ";") or g.is_(end, "and")):
        return True
    if g.is_(i - 1, "at") and mod is None:
        if (after := g.of(end)) is not None and g.is_(after, "duration_head"):
            return False  # « il encourt jusqu'à dix ans de prison », « à trois ans d'emprisonnement »
        return not g.is_(i - 2, "sentence_verb")  # « à 20 ans, il… »; « condamné à trente ans »
    if mod in ("LESS_THAN", "MORE_THAN") and g.is_(i - 1, "plural_article"):
        return True
    if g.mod(i - 1) in ("less", "more") and g.is_(i - 2, "plural_article"):
        return True
    if g.word(i - 1) == "-" and g.glued(i) and g.digits(i - 2):
        return True
    return False
