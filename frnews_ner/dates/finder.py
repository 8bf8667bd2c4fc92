"""From a doc to :class:`~frnews_ner.records.TimeExpression` records: detect, then resolve in order.

Detection (the grammar) gives candidates with neutral frames; the resolver does all the arithmetic.
Two passes: every expression but bare clock times, left to right, so that « la veille » sees the
date given just before it; then bare clock times and parts of day (« à 21 h 45 », « la nuit »),
which belong to the day named in their sentence, else to the last day named before them, else to
the publication date.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from ..records import TimeExpression
from ..sentences import Sentences
from .dateline import find_dateline
from .grammar import detect
from .lexicon import Lexicon
from .models import Candidate, Resolved
from .resolver import Resolver
from .tense import TenseReader

#: Granularities of a resolved value that name one day (a bare clock time may take that day).
DAY_GRAINS = ("day", "partofday", "minute")

_DEFAULT: dict[str, Lexicon] = {}


def default_lexicon() -> Lexicon:
    """The shipped lexicon, loaded on first use (never at import)."""
    if "lex" not in _DEFAULT:
        _DEFAULT["lex"] = Lexicon.load()
    return _DEFAULT["lex"]


def _bare_time(c: Candidate) -> bool:
    f = c.frame
    return (f.kind == "time" and f.shift_unit is None and f.day is None and f.weekday is None
            and f.holiday is None and f.month is None)


def _needs_tense(c: Candidate) -> bool:
    """A weekday, month, day or holiday without a direction word takes the direction of its clause."""
    f = c.frame.base or c.frame  # « le lendemain du 13 février »: the tense picks the year of the base
    return (f.direction is None and (f.weekday is not None or f.month is not None or f.holiday is not None
                                     or f.day is not None)) or (f.shift_unit == "WE" and f.shift == 0)


def find_time_expressions(doc: Doc, published: date | None, *, lexicon: Lexicon | None = None,
                          use_dateline: bool = True) -> list[TimeExpression]:
    """Temporal expressions of ``doc`` with TIMEX3 values, sorted and non-overlapping.

    Offsets are characters of ``doc.text``. Works on ``spacy.blank("fr")`` docs (the tense of a bare
    weekday or month is then unknown and the nearest occurrence is taken) and better with a model
    that fills ``token.morph``. Without ``published`` no relative value is ever computed from today:
    relative expressions are resolved against the article's dateline when it has one (``anchor``
    is then ``"dateline"`` and a warning names it, see :func:`~frnews_ner.dates.dateline.find_dateline`),
    else left underspecified.

    >>> import spacy, datetime
    >>> doc = spacy.blank("fr")("Samedi 14 décembre, il pleuvait.")
    >>> find_time_expressions(doc, datetime.date(2024, 12, 15))[0].value
    '2024-12-14'
    """
    lex = lexicon if lexicon is not None else default_lexicon()
    sentences = Sentences.of(doc)
    cands = detect(doc, lex, sentences)
    text = doc.text  # Doc.text joins every token on each access: read it once
    dateline = find_dateline(text, cands, lex) if published is None and use_dateline else None
    dateline_note: tuple[str, ...] = ()
    if dateline is not None:
        published = dateline[1]
        dateline_note = (f"no publication date given: resolved against the dateline "
                         f"« {text[dateline[0].start:dateline[0].end]} »",)
    resolver = Resolver(published)
    tenses = TenseReader(doc, lex, sentences)
    results: list[Resolved | None] = [None] * len(cands)

    previous: tuple[date, str] | None = None
    for n, c in enumerate(cands):
        if _bare_time(c):
            continue
        r = resolver.resolve(c.frame, tenses.clause_tense(c.tok) if _needs_tense(c) else None, previous)
        results[n] = r
        if r.point is not None and r.type in ("DATE", "TIME"):
            previous = (r.point, r.granularity or "day")

    for n, c in enumerate(cands):
        if not _bare_time(c):
            continue
        sent = sentences.start[c.tok]
        same: list[tuple[int, date]] = []
        before: tuple[date, str] | None = None
        for m, other in enumerate(cands):
            known = results[m]
            if (known is None or known.point is None or known.granularity not in DAY_GRAINS
                    or known.type not in ("DATE", "TIME")):
                continue
            if sentences.start[other.tok] == sent:
                same.append((abs(m - n) + (0 if m < n else 1), known.point))
            if m < n:
                before = (known.point, known.anchor)
        if same:
            context: tuple[date, str] | None = (min(same)[1], "previous")
        elif before is not None:
            context = (before[0], "previous")
        elif published is not None:
            context = (published, "published")
        else:
            context = None
        results[n] = resolver.resolve(c.frame, None, previous, context)

    out: list[TimeExpression] = []
    for c, resolved in zip(cands, results):
        assert resolved is not None  # both passes resolved every candidate
        r = resolved
        if dateline is not None and r.anchor == "published":
            r = replace(r, anchor="dateline", warnings=r.warnings + dateline_note)
        out.append(TimeExpression(start=c.start, end=c.end, text=text[c.start:c.end], type=r.type,
                                  value=r.value, granularity=r.granularity, mod=r.mod, anchor=r.anchor,
                                  warnings=r.warnings))
    return out
