"""Days counted from an anchor: « hier », « demain soir », « aujourd'hui vendredi », « la veille »,
« le lendemain du 13 février », « la veille de Noël », « le jour même ».

The words and their offsets are in ``relative_days.tsv``; « ^ » offsets count from the date
mentioned before (or named right after: « le lendemain du 13 février »); with no date before them
in the text, from the publication date (the article's own day, as TimeML anchors on the document
time); « la veille du scrutin » counts from an undated event and has no value.
"""

from __future__ import annotations

from dataclasses import replace

from ..models import Frame, Match
from .absolute import daymonth_core, numeric_date
from .clock import juxtaposed_clock
from .holidays import holiday
from .reader import Reader
from .refs import NOWADAYS


def relative_day(g: Reader, i: int) -> Match | None:
    v = g.kind(i, "relative_days")
    j = i
    if v is None:
        j, det = g.opt_det(i)
        v = g.kind(j, "relative_days")
        if v is None or det is None:
            return None
    anchor = "previous" if v.startswith("^") else "published"
    offset = int(v.lstrip("^"))
    k = j + 1
    if anchor == "previous" and (based := base_date(g, k)) is not None:
        # « le lendemain du 13 février », « la veille de Noël »: counted from the date named
        e, base = based
        e, part = g.part_after(e)
        if base.part is not None:  # « … du 13 février au soir »: the evening of the day counted
            part, base = base.part, replace(base, kind="date", part=None)
        return e, Frame("time" if part else "date", shift_unit="D", shift=offset, anchor="base", part=part,
                        base=base, granularity="day")
    if anchor == "previous" and (g.is_(k, "of_the") or g.of(k) is not None):
        # « la veille du scrutin », « le lendemain de sa victoire »: counted from an event the text
        # does not date here, never from the publication date
        return j + 1, Frame("date", shift_unit="D", shift=offset, anchor="event", granularity="day")
    if g.is_(k, "same"):
        k += 1
    elif offset == 0 and g.glued_sign(k, "-") and g.is_(k + 1, "there"):
        # « ce jour-là »: the day named before
        return k + 2, Frame("date", shift_unit="D", shift=0, anchor="previous", granularity="day")
    k, part = g.part_after(k)
    if part is None and g.kind(k, "weekdays") is not None and anchor == "published":
        k += 1  # « aujourd'hui vendredi », « demain samedi »
        k, part = g.part_after(k)
    # « aujourd'hui » alone may mean nowadays (the finder decides from the context); not with a
    # weekday, a part of day, « même », a clock time (« aujourd'hui à 15 heures ») or « et demain »
    alone = k == j + 1 and g.is_(j, "nowadays") and not (
        g.is_(k, "day_clock_link") and g.digits(k + 1) is not None) and not (
        g.is_(k, "and") and g.kind(k + 1, "relative_days") is not None)
    frame = Frame("time" if part else "date", shift_unit="D", shift=offset, anchor=anchor, part=part,
                  granularity="day")
    # « demain midi », « hier 18 h 30 »: a clock time right after the day is one TIME with it (and
    # « aujourd'hui 15 heures » is that day, not nowadays)
    timed = juxtaposed_clock(g, k, frame)
    return timed or (k, replace(frame, alt_value=NOWADAYS) if alone else frame)


def base_date(g: Reader, k: int) -> Match | None:
    """« du 13 février », « de Noël », « du Nouvel An », « du 03/02/2023 » after « la veille », « le lendemain »."""
    if g.is_(k, "of_the"):
        # « du 13 février », « du 03/02/2023 », « du Nouvel An »
        return daymonth_core(g, k + 1) or numeric_date(g, k + 1) or _holiday_named(g, k + 1)
    if (start := g.of(k)) is not None:
        return _holiday_named(g, start)
    return None


def _holiday_named(g: Reader, k: int) -> Match | None:
    m = holiday(g, k)
    return m if m is not None and m[1].holiday is not None else None


def that_moment(g: Reader, i: int) -> Match | None:
    """« à ce moment-là », « à cet instant-là » (« ce moment là » too): the moment the text named
    before, whatever its precision (« vers 15 h 30, hier. … à ce moment-là » is 15:30 that day). The
    finder gives it the value of the expression before it, or none."""
    if g.mod(i) != "this_det" or not g.is_(i + 1, "moment_noun"):
        return None
    k = i + 2
    if g.glued_sign(k, "-") and g.is_(k + 1, "there") and g.glued(k + 1):
        return k + 2, Frame("date", anchor="that_moment")
    if g.is_(k, "there") and g.mod(k) is None:  # « ce moment là »; not the article of « ce moment la ville… »
        return k + 1, Frame("date", anchor="that_moment")
    return None
