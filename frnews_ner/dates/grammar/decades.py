"""Decades, centuries, millennia and two-digit years (family 4 of issue 10): « les années 1970 », « les années
90 », « les années soixante-dix », « au XVIIIe siècle », « le 21e siècle », « le vingtième siècle », « le troisième millénaire »; and a year
of two digits where French news writes one unambiguously: after an achievement word and « en »
(« vainqueur en 84 », « né en 62 »: class ``achievement``), after « promotion », « millésime »
(class ``vintage_noun``) or a named competition (« Coupe du monde 98 »: class ``event_name``). A month
or a season with two digits (« Mai 68 », « l'hiver 54 ») is read by those families. Two digits anywhere
else are a number (« 84 députés », « la ligne 54 »); a Roman numeral outside « siècle » is no century
(« Louis XIV », « le XVIe arrondissement »)."""

from __future__ import annotations

import re

from ..models import Frame, Match
from .reader import Reader

_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
#: The letters a Roman ordinal is written with, lower-cased (the first letter of every ROMAN match).
ROMAN_LETTERS = frozenset(_ROMAN_VALUES)
ROMAN = re.compile(rf"^([{''.join(_ROMAN_VALUES)}]+)(e|ème|eme)$")


def roman(text: str) -> int | None:
    """« xviiie » → 18; ``None`` when ``text`` is no Roman ordinal."""
    m = ROMAN.match(text)
    if not m:
        return None
    total, prev = 0, 0
    for ch in reversed(m.group(1)):
        v = _ROMAN_VALUES[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


def decade(g: Reader, i: int) -> Match | None:
    j, _ = g.opt_det(i)
    if not g.is_(j, "decade_noun"):
        return None
    d = g.digits(j + 1)
    if d is None:
        # « les années soixante-dix », « les années quatre-vingt », « les années deux mille »
        num = g.number(j + 1)
        if num is None or not isinstance(num[1], int):
            return None
        end, n = num[0], int(num[1])
        if 20 <= n <= 90 and n % 10 == 0:
            return end, Frame("date", decade=190 + n // 10, granularity="decade")
        if 1000 <= n <= 2090 and n % 10 == 0:
            return end, Frame("date", decade=n // 10, granularity="decade")
        return None
    if len(d) == 2 and int(d) % 10 == 0:
        return j + 2, Frame("date", decade=(190 if int(d) >= 20 else 200) + int(d) // 10, granularity="decade")
    if len(d) == 4 and int(d) % 10 == 0:
        return j + 2, Frame("date", decade=int(d) // 10, granularity="decade")
    return None


def century(g: Reader, i: int) -> Match | None:
    j, _ = g.opt_det(i)
    n = roman(g.word(j))
    k = j + 1
    if n is None and g.digits(j) and g.is_(j + 1, "century_suffix") and g.glued(j + 1):
        n, k = int(g.word(j)), j + 2
    if n is None and (o := g.ordinal(j)) is not None and o[1] >= 1:
        n, k = o[1], o[0]  # « le vingtième siècle »
    if n is None or not g.is_(k, "century_noun") or not 1 <= n <= 22:
        return None
    return k + 1, Frame("date", century=n - 1, granularity="century")


def millennium(g: Reader, i: int) -> Match | None:
    """« le troisième millénaire », « le 3e millénaire »."""
    j, _ = g.opt_det(i)
    o = g.ordinal(j)
    if o is None or o[1] < 1 or not g.is_(o[0], "millennium_noun"):
        return None
    return o[0] + 1, Frame("date", millennium=o[1], granularity="millennium")


def short_year(g: Reader, i: int) -> Match | None:
    """« vainqueur en 84 », « né en 62 à Oran », « la promotion 98 », « la Coupe du monde 98 »."""
    d = g.digits(i)
    if d is None or len(d) != 2 or g.decimal_follows(i + 1) or g.is_(i + 1, "quantity_sign"):
        return None
    if g.is_(i - 1, "vintage_noun") or g.is_(i - 1, "event_name"):
        return i + 1, Frame("date", year=int(d), direction="last", granularity="year")
    if g.is_(i - 1, "in_prep") and g.year_ok_after(i + 1):
        for j in range(i - 2, max(i - 5, -1), -1):  # « champion de France en 98 »
            if g.is_(j, "achievement"):
                return i + 1, Frame("date", year=int(d), direction="last", granularity="year")
            if not g.word(j)[:1].isalnum():
                break
    return None
