"""The dateline of an article: a full date at its head, set apart (« LYON, 3 mars 2021 (AFP) – »).

Without a publication date, relative expressions are resolved against it (never against today).
"""

from __future__ import annotations

from datetime import date

from .lexicon import Lexicon
from .models import Candidate
from .resolver import full_year, safe_date

#: A dateline stands in the first characters of an article…
DATELINE_CHARS = 300
#: …on a short line of its own (« 1er janvier 2016, 14h30 – »)…
DATELINE_LINE_CHARS = 80
#: …or right before an agency mark (``agency`` words of ``words.tsv``) or a dash.
_DASHES = ("–", "—", " - ")


def find_dateline(text: str, cands: list[Candidate], lexicon: Lexicon) -> tuple[Candidate, date] | None:
    """The candidate of the dateline and its day, or None.

    In « LYON, 3 mars 2021 (AFP) – Le maire a annoncé hier… » it is the candidate for « 3 mars
    2021 » and 2021-03-03; in « Le 3 mars 2021, le maire a annoncé… » there is none.
    """
    marks = tuple(f"({agency})" for agency in lexicon.members("agency")) + _DASHES
    for c in cands:
        if c.start > DATELINE_CHARS:
            break
        f = c.frame
        if f.kind not in ("date", "time") or f.shift_unit is not None or not (f.year and f.month and f.day):
            continue
        day = safe_date(full_year(f.year, None) if f.year < 100 else f.year, f.month, f.day)
        if day is None:
            continue
        line_start = text.rfind("\n", 0, c.start) + 1
        line_end = text.find("\n", c.end)
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        after = text[c.end:c.end + 25].casefold()
        if len(line.strip()) <= DATELINE_LINE_CHARS or any(mark in after for mark in marks):
            return c, day
    return None
