"""The start, middle or end of a period (TIMEX3 mod START / MID / END): « début janvier »,
« mi-mars », « fin 2024 », « la fin de l'année dernière », « au début des années 2000 », « à la fin du
XIXe siècle », « fin de l'été », « en fin de matinée »."""

from __future__ import annotations

from dataclasses import replace

from ..models import Frame, Match
from .decades import century, decade, millennium
from .durations import TIMEX_MODS, UNIT_GRAIN
from .reader import Reader, shift_of


def start_mid_end(g: Reader, i: int) -> Match | None:
    j, det = g.opt_det(i)
    mv = g.mod(j)
    if mv not in ("start", "mid", "end"):
        return None
    mod = TIMEX_MODS[mv]
    k = j + 1
    if g.glued_sign(k, "-"):
        k += 1
    elif (after := g.of(k, "of_the", "of_the_plural")) is not None:
        k = after
    if (p := g.part_of_day(k)) is not None and k > j + 1 and det is None:
        # « en fin de matinée », « en début d'après-midi »: the part of the day the text talks about
        return k + 1, Frame("time", part=p, mod=mod, granularity="partofday")
    mm = g.month(k, abbr=True)
    if mm is not None:
        e, month = mm
        if (yy := g.year_after(e)) is not None:
            return yy[0], Frame("date", year=yy[1], month=month, mod=mod, granularity="month")
        e, direction = g.direction_after(e)
        return e, Frame("date", month=month, mod=mod, direction=direction if direction in ("last", "next") else None,
                        granularity="month")
    if (yy := g.year(k)) is not None and g.year_ok_after(yy[0]):
        return yy[0], Frame("date", year=yy[1], mod=mod, granularity="year")
    # « au début des années 2000 », « à la fin du XIXe siècle »
    if (period := decade(g, k) or century(g, k) or millennium(g, k)) is not None:
        return period[0], replace(period[1], mod=mod)
    ks, _ = g.opt_det(k)  # « la fin de l'été », « Début de l'automne 2024 »
    s = g.kind(ks, "seasons")
    if s is not None and not (g.is_capitalised(ks) and not g.sentence_initial(ks)):
        if (yy := g.year_after(ks + 1)) is not None:
            return yy[0], Frame("date", year=yy[1], season=s, mod=mod, granularity="season")
        return ks + 1, Frame("date", season=s, mod=mod, granularity="season")  # placed by the tense
    # « de l'année (dernière) », « du mois », « de semaine », « de la semaine prochaine »
    k2, _ = g.opt_det(k)
    if g.is_(k2, "month_noun") and (after := g.of(k2 + 1)) is not None and (named := g.month(after, abbr=True)):
        # « la fin du mois de mars (2024) »: that month
        e, month = named
        if (yy := g.year_after(e)) is not None:
            return yy[0], Frame("date", year=yy[1], month=month, mod=mod, granularity="month")
        return e, Frame("date", month=month, mod=mod, granularity="month")
    unit = g.unit(k2)
    if unit == "Y" and g.is_(k2, "year_noun") and (yy := g.year(k2 + 1)) is not None and g.year_ok_after(yy[0]):
        # « la fin de l'année 2024 », « au début de l'an 2000 »: that year
        return yy[0], Frame("date", year=yy[1], mod=mod, granularity="year")
    if unit in ("Y", "M", "W", "Q") and (not g.plural_form(k2) or g.is_(k2, "month_noun")):
        e, direction = g.direction_after(k2 + 1)
        anchor = "previous" if direction and direction.startswith("prev") else "published"
        if g.word(e) == "-" and (g.is_(e + 1, "here") or g.is_(e + 1, "there")):
            anchor = "published" if g.is_(e + 1, "here") else "previous"
            e += 2
        return e, Frame("date", shift_unit=unit, shift=shift_of(direction), anchor=anchor, mod=mod,
                        granularity=UNIT_GRAIN[unit])
    return None
