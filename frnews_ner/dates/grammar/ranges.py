"""Ranges (family 6 of issue 10): « du 10 au 12 juin », « entre le 20 décembre et le 4 janvier », « entre
mars et juin 2023 », « du samedi 18 au lundi 3 novembre », « entre 2019 et 2021 », « 2021-2025 ».

Both ends are separate expressions; the signals (« du », « au », « entre », « et ») stay outside. The
first end of a range has no year (and sometimes no month) of its own: it takes its latest occurrence up
to the second end, which places the pair as a whole (« du 28 au 3 mars » → 28 February; « entre le 20
décembre et le 4 janvier » → the December before that January). The grammar only links the two ends
(:attr:`~frnews_ner.dates.models.Frame.range_end`); the resolver does the arithmetic.

A first end without a month is linked where it is read (« du 10 au 12 juin », in
:func:`~frnews_ner.dates.grammar.absolute.daymonth`); one with its month is linked here, in one pass
over consecutive candidates: the two are joined by one word of class ``range_to`` or ``and``, and the
first is opened by a word of class ``range_from`` (« du », « de », « entre »).
"""

from __future__ import annotations

from dataclasses import replace

from ..models import Candidate, Frame
from .reader import Reader


def _open_end(f: Frame) -> bool:
    """A day-month or a month with no year and nothing else that places it."""
    return (f.kind == "date" and f.month is not None and f.year is None and f.direction is None
            and f.shift_unit is None and f.base is None and f.holiday is None and f.season is None
            and f.ordinal is None and f.range_end is None)


def _closing_end(f: Frame) -> bool:
    return f.kind in ("date", "time") and f.month is not None and f.shift_unit is None and f.holiday is None


def link_ranges(g: Reader, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` with the first end of each range linked to its second end."""
    out = list(cands)
    for n in range(len(out) - 1):
        a, b = out[n], out[n + 1]
        if b.first != a.last + 1 or not (g.is_(a.last, "range_to") or g.is_(a.last, "and")):
            continue
        if not g.is_(a.first - 1, "range_from") or not _open_end(a.frame) or not _closing_end(b.frame):
            continue
        out[n] = replace(a, frame=replace(a.frame, range_end=b.frame))
    return out
