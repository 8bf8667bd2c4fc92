"""Absolute and partly absolute dates: « 14/07/2024 », « 17 02 2014 », « samedi 14 décembre 2024 »,
« les 2 et 9 mai », « mars 2021 », « en 2019 », « l'an 2000 ».

Without a year, the resolver picks it from the publication date and the tense of the clause.
"""

from __future__ import annotations

from dataclasses import replace

from ..models import Frame, Match
from ..resolver import safe_date
from .clock import clock, juxtaposed_clock
from .reader import Reader, read_once, shift_of


#: The longest span of years written « 2021-2025 » (a plan, a term of office).
YEAR_SPAN = 30


def numeric_date(g: Reader, i: int) -> Match | None:
    """« 14/07/2024 », « 2024-07-14 », « 14.07.24 », « le 31/10 » (day/month after a determiner),
    « 11/2016 » (month/year)."""
    j, det = g.opt_det(i)
    a, b, c = g.digits(j), g.digits(j + 2), g.digits(j + 4)
    sep = g.word(j + 1)
    if sep == "/" and a and b and len(a) <= 2 and g.glued(j + 1) and g.glued(j + 2) and not g.glued_sign(j + 3, "/"):
        # « le 31/10 »; with no determiner the month must have two digits (« 17/02 »): « 3/4 », « 24/7 »
        # and « 1/2 » are fractions and rates; and no figure may touch it (« 12,5/10 », « 17/02 % »)
        introduced = (det == "det" and not g.is_(i, "plural_det")  # « les 3/4 des élus »: a fraction
                      or g.is_(i - 1, "of_the") or g.is_(i - 1, "at_the"))
        if len(b) <= 2 and 1 <= int(a) <= 31 and 1 <= int(b) <= 12 and (introduced or (
                det is None and len(b) == 2 and not _figure_before(g, i) and g.word(j + 3) != "%"
                and not (g.word(j + 3) in (",", ".") and g.glued(j + 3) and g.digits(j + 4) is not None))):
            return j + 3, Frame("date", month=int(b), day=int(a), granularity="day")
        if len(b) == 4 and 1 <= int(a) <= 12 and 1000 <= int(b) <= 2199 and not _figure_before(g, i) \
                and not (g.has_pos and g.pos(j + 3) == "NOUN"):  # « 12/2000 points » counts something
            return j + 3, Frame("date", year=int(b), month=int(a), granularity="month")  # « en 11/2016 »
    if a is not None and b is not None and (spaced := spaced_date(g, j)) is not None:
        return spaced
    if a is None or b is None or c is None or sep not in ("/", ".", "-") or g.word(j + 3) != sep:
        return None
    if not all(g.glued(k) for k in range(j + 1, j + 5)):
        return None
    if g.glued(j + 5) and (g.digits(j + 5) or g.word(j + 5) in ("/", ".", "-") and g.digits(j + 6)):
        return None
    if len(a) == 4:
        y, m, d = int(a), int(b), int(c)
    elif len(c) in (2, 4) and len(a) <= 2 and len(b) <= 2:
        d, m, y = int(a), int(b), int(c)  # « 14.07.24 »: two digits, placed by the resolver
    else:
        return None
    if not (1 <= m <= 12 and 1 <= d <= 31 and (1000 <= y <= 2199 or len(c) == 2)):
        return None
    return j + 5, Frame("date", year=y, month=m, day=d, granularity="day")


def _figure_before(g: Reader, i: int) -> bool:
    """A figure or a sign of one right before item ``i`` (« 12,5/10 », « 3-11/2016 »): a number of it."""
    return g.word(i - 1)[-1:].isdecimal() or g.word(i - 1) in ("/", ",", ".", "-", "+")


def spaced_date(g: Reader, j: int) -> Match | None:
    """« 17 02 2014 »: two-digit day, two-digit month, four-digit year, single spaces, and no other
    number touching it (phone numbers and tables of figures have more groups)."""
    groups = [g.digits(j), g.digits(j + 1), g.digits(j + 2)]
    if any(x is None for x in groups) or [len(x or "") for x in groups] != [2, 2, 4]:
        return None
    for k in (j + 1, j + 2):
        if g.text[g.items.end[k - 1]:g.items.start[k]] != " ":
            return None
    before, after = g.word(j - 1), g.word(j + 3)
    if before.isdecimal() or before in ("+", ",", ".", "-", "/") or after.isdecimal() or (
            after in (",", ".", "-", "/", "%") and g.digits(j + 4) is not None):
        return None
    d, m, y = (int(x or 0) for x in groups)
    if not (1 <= m <= 12 and 1 <= d <= 31 and 1000 <= y <= 2199) or safe_date(y, m, d) is None:
        return None
    return j + 3, Frame("date", year=y, month=m, day=d, granularity="day")


def daymonth_core(g: Reader, j: int) -> Match | None:
    """[weekday] day month [year] [dernier|prochain] [part of day]."""
    weekday = None
    w = g.kind(j, "weekdays", abbr=True)
    if w is not None and "abbr" in g.flags(j, "weekdays") and g.mod(j - 1) in ("det", "this_det"):
        w = None  # « le jeu 14 mars », « la mer »: after a determiner the word is a noun, agendas write none
    if w is not None:
        weekday, j = int(w), j + 1
        if "abbr" in g.flags(j - 1, "weekdays") and g.glued_sign(j, "."):
            j += 1  # « sam. 14 déc. »
    dn = g.day_number(j)
    if dn is None:
        return None
    k, day = dn
    if g.glued_sign(k, "-") and g.glued(k + 1) and g.is_capitalised(k + 1):
        k += 1  # « le 14-Juillet », « le 8-Mai 1945 »: the day named as a date (in a street name, names.in_name)
    mm = g.month(k, abbr=True)
    if mm is None:
        return None
    k, month = mm
    year = None
    if (yy := g.year_after(k)) is not None:
        k, year = yy
    k, direction = g.direction_after(k)
    k, part = g.part_after(k)
    kind = "time" if part else "date"
    frame = Frame(kind, year=year, month=month, day=day, weekday=weekday, part=part, direction=direction,
                  granularity="day")
    return juxtaposed_clock(g, k, frame) or (k, frame)


@read_once
def daymonth(g: Reader, i: int) -> Match | None:
    """« le 14 décembre », « samedi 14 décembre 2024 », « les 2 et 9 mai », « samedi 23/06/2018 »,
    « jeudi 15 » (month from the publication date), « le 16 à 18 h » (a day of the current month)."""
    j, det = g.opt_det(i)
    if det == "this_det":
        return None
    m = daymonth_core(g, j)
    if m is not None:
        return m
    if (wd0 := g.kind(j, "weekdays")) is not None and (nd := numeric_date(g, j + 1)) is not None \
            and nd[1].year is not None:
        return nd[0], replace(nd[1], weekday=int(wd0))  # « samedi 23/06/2018 »: the weekday is checked
    # « les 2 et 9 mai », « du 3 au 6 mai »: the first day borrows the month of the second.
    wd = g.kind(j, "weekdays")
    dn = g.day_number(j) if wd is None else g.day_number(j + 1)
    if dn is None:
        return None
    k, day = dn
    if wd is None and det == "det" and g.is_(j - 1, "masculine_article") and g.is_(k, "day_clock_link") \
            and g.digits(k + 1) is not None:
        if clock(g, k + 1) is not None:
            # « le 16 à 18 h »: a day of the month around the publication date (a clock time makes
            # the bare number surely a day; « le 16 » alone may be a bus line or a jersey)
            return k, Frame("date", day=day, granularity="day")
    if g.word(k) == "," and (last := _listed_days_end(g, k)) is not None:
        # « le 3, le 10 et le 17 avril »: each day of the list borrows the month of the last one
        return k, Frame("date", day=day, weekday=int(wd) if wd else None, range_end=last, granularity="day")
    if wd is None and det == "det" and g.is_(j - 1, "masculine_article") and g.word(k) in (",", ";"):
        # « Le 12 septembre 2023, …; le 28, l'opposition… »: a day of the month just named (the
        # finder keeps it only after a day or a month of the same paragraph)
        return k, Frame("date", day=day, anchor="previous", granularity="day")
    if g.is_(k, "day_range_link"):
        k2, _ = g.opt_det(k + 1)
        nxt = daymonth_core(g, k2)
        if nxt is not None and nxt[1].month is not None:
            # « les 2 et 9 mai », « du samedi 18 au lundi 3 novembre »: the latest such day up to the second
            return k, Frame("date", day=day, weekday=int(wd) if wd else None, range_end=nxt[1], granularity="day")
    if wd is not None and day_alone_ok(g, k):
        # « jeudi 15 »: the month is the one around the publication date whose 15th is a Thursday.
        k, part = g.part_after(k)
        return k, Frame("time" if part else "date", day=day, weekday=int(wd), part=part, granularity="day")
    return None


def _listed_days_end(g: Reader, k: int) -> Frame | None:
    """After a day number, at the comma ``k``: the day-month that ends a list « , [le] N, [le] N et
    [le] N mois » (its frame), or None when the commas lead to no such end."""
    e = k
    while g.word(e) == ",":
        j, _ = g.opt_det(e + 1)
        if g.kind(j, "weekdays") is not None:
            j += 1
        dn = g.day_number(j)
        if dn is None:
            return None
        e = dn[0]
    if not g.is_(e, "day_range_link"):
        return None
    j, _ = g.opt_det(e + 1)
    nxt = daymonth_core(g, j)
    return nxt[1] if nxt is not None and nxt[1].month is not None else None


def day_alone_ok(g: Reader, k: int) -> bool:
    """After « jeudi 15 », nothing that makes 15 an hour or a quantity (« jeudi 15 h », « 15 morts »)."""
    if k >= g.n:
        return True
    w = g.word(k)
    if w == ":" or g.is_(k, "hour_sign") or g.is_(k, "hour_noun") or g.is_(k, "quantity_sign") or w.isdecimal():
        return False
    if not w[0].isalnum():
        return not (g.glued(k) and g.digits(k + 1) is not None)  # « 23/06/18 », « 15,5 »
    return g.is_(k, "year_follower") or g.kind(k, "parts_of_day") is not None or g.kind(k, "weekdays") is not None


def month(g: Reader, i: int) -> Match | None:
    """« mars 2021 », « août dernier », « ce mois de mai », « janvier de cette année », « en juin »."""
    j, det = g.opt_det(i)
    prefix = False
    if g.unit(j) == "M" and g.is_(j, "month_noun") and (after := g.of(j + 1)) is not None:
        j, prefix = after, True
    elif det is not None:
        return None  # « le janvier » is not French; « ce mois de mai » needs « mois »
    mm = g.month(j, abbr=False)
    if mm is None:
        abbr = g.month(j, abbr=True)
        if abbr is None:
            return None
        if g.year_after(abbr[0]) is None and not (g.is_capitalised(j) and short_year_after_name(g, abbr[0])) \
                and not ((g.is_(j - 1, "in_prep") or prefix or det == "this_det") and g.glued_sign(abbr[0], ".")):
            return None  # « 7 sept. 2024 », « en nov. », « le mois de sept. », « ce déc. »; « Mai 68 »: a month written as a name, with its year
        mm = abbr
    k, number = mm
    if (yy := g.year_after(k)) is not None:
        return yy[0], Frame("date", year=yy[1], month=number, granularity="month")
    if g.is_capitalised(j) and short_year_after_name(g, k):
        return k + 1, Frame("date", year=int(g.word(k)), month=number, granularity="month")
    if (k2 := g.of(k)) is not None and g.mod(k2) in ("this_det", "det") and g.unit(k2 + 1) == "Y" \
            and g.is_(k2 + 1, "year_noun"):
        # « janvier de cette année », « mars de l'année dernière », « mai de l'année suivante »
        k3, direction = g.direction_after(k2 + 2)
        if g.mod(k2) == "det" and direction is None:
            return k, Frame("date", month=number, granularity="month")  # « mars de l'année où… »
        anchor = "previous" if direction in ("prev_last", "prev_next") else "published"
        return k3, Frame("date", month=number, shift_unit="Y", shift=shift_of(direction), anchor=anchor,
                         granularity="month")
    k, direction = g.direction_after(k)
    if det == "this_det":
        direction = "this"
    # A bare month in the middle of nowhere: accept it, the lexicon only has month names.
    if not prefix and direction is None and g.glued_sign(k, "-"):
        return None  # « mai-juin » fine, but avoid odd hyphenated compounds
    return k, Frame("date", month=number, direction=direction, granularity="month")


def short_year_after_name(g: Reader, k: int) -> bool:
    """« Mai 68 »: two digits after a capitalised month (the name of events) are its year, unless a
    number, a unit or a sign follows them."""
    d = g.digits(k)
    if d is None or len(d) != 2 or g.decimal_follows(k + 1) or g.is_(k + 1, "quantity_sign"):
        return False
    nxt = k + 1
    return not (g.digits(nxt) or g.unit(nxt) or g.is_(nxt, "hour_noun") or g.is_(nxt, "hour_sign"))


def year(g: Reader, i: int) -> Match | None:
    """« en 2019 », « l'an 2000 », « l'année 2024 »; not « 2000 manifestants » nor « n° 2019 »."""
    j, det = g.opt_det(i)
    if g.unit(j) == "Y" and g.is_(j, "year_noun"):
        yy = g.year(j + 1)
        if yy is not None:
            return yy[0], Frame("date", year=yy[1], granularity="year")
        return None
    if det is not None:
        return None
    yy = g.year(j)
    if yy is None:
        return None
    prev = g.word(j - 1)
    if prev.isdecimal() or (prev in (",", ".") and g.glued(j)) or g.is_(j - 1, "number_sign"):
        return None
    if (g.glued_sign(j + 1, "-") or g.glued_sign(j + 1, "/")) and g.digits(j + 2) and g.glued(j + 2):
        # « 2021-2025 », « 2023/2024 »: two years; « loi 2021-1109 », « directive 2006/123/CE »: a number
        second = g.word(j + 2)
        if not year_pair(g, j, j + 2) and not (len(second) == 2 and int(second) == (yy[1] + 1) % 100):
            return None  # (« la saison 2015-16 » keeps its year)
    elif not g.year_ok_after(yy[0]) and not year_pair(g, j - 2, j):
        return None
    k = yy[0]
    if (g.is_(k, "and") or g.is_(k, "range_to")) and g.digits(k + 1) is not None and g.year(k + 1) is None:
        return None  # « entre 2000 et 3000 personnes »: quantities
    return yy[0], Frame("date", year=yy[1], granularity="year")


def year_pair(g: Reader, a: int, b: int) -> bool:
    """Items ``a`` and ``b`` are two years of a span joined by a sign (« 2021-2025 »): 1900–2099, the
    second later and at most :data:`YEAR_SPAN` years on, and no third number glued after."""
    x, y = g.digits(a), g.digits(b)
    if x is None or y is None or len(x) != 4 or len(y) != 4 or not (g.glued(a + 1) and g.glued(b)):
        return False
    if g.word(a + 1) not in ("-", "/") or b != a + 2 or (g.glued(b + 1) and g.word(b + 1) in ("-", "/")):
        return False
    return 1900 <= int(x) < int(y) <= min(2099, int(x) + YEAR_SPAN)

