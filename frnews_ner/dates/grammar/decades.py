"""Decades and centuries: « les années 1970 », « les années 90 », « au XVIIIe siècle », « le 21e siècle »."""

from __future__ import annotations

import re

from ..models import Frame, Match
from .reader import Reader

ROMAN = re.compile(r"^([ivxlc]+)(e|ème|eme)$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


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
    if n is None or not g.is_(k, "century_noun") or not 1 <= n <= 22:
        return None
    return k + 1, Frame("date", century=n - 1, granularity="century")
