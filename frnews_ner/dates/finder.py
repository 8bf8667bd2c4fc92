"""From a doc to :class:`~frnews_ner.records.TimeExpression` records: detect, then resolve in order.

Detection (the grammar) gives candidates with neutral frames; the resolver does all the arithmetic.
Two passes: every expression but bare clock times, left to right, so that « la veille » sees the
date given just before it; then bare clock times and parts of day (« à 21 h 45 », « la nuit »),
which belong to the day named in their sentence, else to the last day named before them, else to
the publication date.

The left-to-right pass also carries what the text said before an expression: the sentences holding a
far-past expression (« autrefois », « il y a trente ans », « en 1985 »), after which a present
« aujourd'hui » means nowadays. Everything it needs is computed once per doc (sentence numbers,
paragraph numbers, far-past sentences), so the cost stays linear in the number of expressions.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from datetime import date, time

from spacy.tokens import Doc

from ..records import TimeExpression
from ..sentences import Sentences
from .dateline import find_dateline
from .grammar import Grammar
from .grammar.reader import Reader
from .items import build_items
from .lexicon import Lexicon
from .models import Candidate, Frame, Resolved
from .resolver import DAY_GRAINS, NIGHT, Resolver, full_year
from .sense import SenseReader
from .tense import TenseReader

#: Granularities of a date written with its year that give the context of what follows (family 3).
_EXPLICIT_GRAINS = ("year", "month", *DAY_GRAINS)
#: …and those that also give the month of a bare day (« le 28 »).
_MONTH_GRAINS = ("month", *DAY_GRAINS)
#: Units of a shift that reach the far past when counted back with « il y a » (« il y a trente ans »).
_FAR_UNITS = ("Y", "DE", "CE")

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
    if f.season is not None and f.year is None:
        return f.direction in (None, "this")  # « au printemps », « cet hiver »
    if f.ord_unit in ("Q", "H") and f.year is None:
        return True  # « au deuxième semestre »
    if f.part == NIGHT and f.direction == "this":
        return True  # « cette nuit »
    return (f.direction is None and (f.weekday is not None or f.month is not None or f.holiday is not None
                                     or f.day is not None)) or (f.shift_unit == "WE" and f.shift == 0)


def _far_past(c: Candidate, published: date | None) -> bool:
    """An expression that sets its sentence in the far past: a ``PAST_REF``, « il y a N ans », or a
    year, decade or century other than the publication year."""
    f = c.frame
    if f.value == "PAST_REF":
        return True
    if c.signal == "ago" and f.shift_unit in _FAR_UNITS:
        return True
    if f.kind == "date" and (f.decade is not None or f.century is not None):
        return True
    return f.kind == "date" and f.year is not None and (
        published is None or (full_year(f.year, published) if f.year < 100 else f.year) != published.year)


class DocContext:
    """What the pass over a doc's expressions needs to know of their surroundings, computed once.

    ``sentence[n]`` numbers the sentence of candidate ``n`` (0, 1, 2… in text order),
    ``paragraph[n]`` its paragraph (text between blank lines), ``far_past`` the sentence numbers
    holding a far-past expression (:func:`_far_past`).
    """

    def __init__(self, text: str, cands: list[Candidate], sentences: Sentences, published: date | None) -> None:
        starts = sorted(set(sentences.start)) if sentences.known else [0]
        self.sentence = [bisect_right(starts, sentences.start[c.tok] if sentences.known else 0) - 1
                         for c in cands]
        breaks: list[int] = []
        pos = text.find("\n\n")
        while pos >= 0:
            breaks.append(pos)
            pos = text.find("\n\n", pos + 2)
        self.paragraph = [bisect_right(breaks, c.start) for c in cands]
        self.far_past = {self.sentence[n] for n, c in enumerate(cands) if _far_past(c, published)}


def find_time_expressions(doc: Doc, published: date | None, *, lexicon: Lexicon | None = None,
                          use_dateline: bool = True, published_time: time | None = None,
                          bare_dates: str = "nearest") -> list[TimeExpression]:
    """Temporal expressions of ``doc`` with TIMEX3 values, sorted and non-overlapping.

    Offsets are characters of ``doc.text``. Works on ``spacy.blank("fr")`` docs (the tense of a bare
    weekday or month is then unknown and the nearest occurrence is taken) and better with a model
    that fills ``token.morph``. Without ``published`` no relative value is ever computed from today:
    relative expressions are resolved against the article's dateline when it has one (``anchor``
    is then ``"dateline"`` and a warning names it, see :func:`~frnews_ner.dates.dateline.find_dateline`),
    else left underspecified. ``published_time``, the time of day of the publication, is what « il y a
    deux heures » and « dans 30 minutes » count from; without it they have no value and say why.
    ``bare_dates`` places a weekday, day-month, month or holiday whose clause says nothing of its
    direction (no verb, no « dernier »): ``"nearest"`` (news, the default) or ``"future"`` (agendas,
    event listings: « Concert samedi 14 décembre »).

    >>> import spacy, datetime
    >>> doc = spacy.blank("fr")("Samedi 14 décembre, il pleuvait.")
    >>> find_time_expressions(doc, datetime.date(2024, 12, 15))[0].value
    '2024-12-14'
    """
    lex = lexicon if lexicon is not None else default_lexicon()
    sentences = Sentences.of(doc)
    text = doc.text  # Doc.text joins every token on each access: read it once
    reader = Reader(doc, build_items(doc, lex, text), sentences, lex, text)
    cands = Grammar(reader).candidates()
    dateline = find_dateline(text, cands, lex) if published is None and use_dateline else None
    dateline_note: tuple[str, ...] = ()
    if dateline is not None:
        published = dateline[1]
        dateline_note = (f"no publication date given: resolved against the dateline "
                         f"« {text[dateline[0].start:dateline[0].end]} »",)
    resolver = Resolver(published, published_time if dateline is None else None, bare_dates=bare_dates)
    tenses = TenseReader(doc, lex, sentences)
    senses = SenseReader(reader, tenses)
    ctx = DocContext(text, cands, sentences, published)
    results: list[Resolved | None] = [None] * len(cands)

    previous: tuple[date, str] | None = None
    explicit: tuple[date, str, int] | None = None  # the last date written with its year: day, grain, paragraph
    dropped: set[int] = set()
    for n, c in enumerate(cands):
        if _bare_time(c) or c.frame.anchor == "that_moment":
            continue
        frame = _in_context(c, n, ctx, tenses)
        if frame.habitual is not None:
            frame = _habitual_or_day(frame, c, reader, tenses)
        # « le lendemain » with nothing dated before it counts from the publication date, if its clause
        # looks to that side (the resolver checks): its sense is read then only
        sense = senses.direction(c) if _needs_tense(c) or (previous is None and (
            frame.anchor == "previous" or frame.direction in ("prev_last", "prev_next"))) else None
        in_context = explicit is not None and explicit[2] == ctx.paragraph[n]
        if _day_of_context(frame):
            # « Le 12 septembre 2023, …; le 28, … »: a bare day only after a day or a month of the paragraph
            if not (in_context and explicit is not None and explicit[1] in _MONTH_GRAINS):
                dropped.add(n)
                continue
            frame = replace(frame, year=explicit[0].year, month=explicit[0].month, anchor="published")
            r = replace(resolver.resolve(frame, sense, previous), anchor="previous")
        elif in_context and explicit is not None and _takes_context_year(frame) \
                and _agrees(sense, explicit[0], published):
            # « Arrivé en 2016, il a quitté le club en juin »: the year of the date written before; after
            # a month or a day, its first occurrence from that date on (« le 20 octobre 2019 … le 8 mars »)
            if explicit[1] == "year":
                r = replace(resolver.resolve(replace(frame, year=explicit[0].year), sense, previous),
                            anchor="previous")
            else:
                r = resolver.resolve(replace(frame, direction="prev_on"), sense, explicit[:2])
        else:
            r = resolver.resolve(frame, sense, previous)
        results[n] = r
        if r.point is not None and r.type in ("DATE", "TIME"):
            previous = (r.point, r.granularity or "day")
            if r.anchor == "none" and frame.year is not None and r.granularity in _EXPLICIT_GRAINS and (
                    r.granularity != "year" or reader.is_(c.first - 1, "in_prep")):
                explicit = (r.point, r.granularity, ctx.paragraph[n])

    if dropped:
        cands = [c for n, c in enumerate(cands) if n not in dropped]
        results = [r for n, r in enumerate(results) if n not in dropped]
        ctx = DocContext(text, cands, sentences, published)
    _resolve_bare_times(cands, results, ctx, resolver, published, previous)
    _resolve_moments(cands, results, text)

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


def _resolve_moments(cands: list[Candidate], results: list[Resolved | None], text: str) -> None:
    """« à ce moment-là »: the value of the last date or time named before it (clock times included,
    so after :func:`_resolve_bare_times`); none, said in a warning, when nothing dated comes before."""
    last: Resolved | None = None
    for n, c in enumerate(cands):
        if c.frame.anchor != "that_moment":
            r = results[n]
            if r is not None and r.value is not None and r.point is not None and r.type in ("DATE", "TIME") and not (
                    r.type == "DATE" and last is not None and last.type == "TIME" and last.point == r.point):
                last = r  # (« vers 15 h 30, hier »: the clock time on that day is the more precise moment)
            continue
        if last is not None:
            results[n] = replace(last, anchor="previous", warnings=())
        else:
            results[n] = Resolved("DATE", None, None, None, "none", (
                f"« {text[c.start:c.end]} » is the moment named before it, and no date or time comes before",))


def _habitual_or_day(f: Frame, c: Candidate, reader: Reader, tenses: TenseReader) -> Frame:
    """« le mardi » alone: every Tuesday (a SET) when its clause tells what is (a present, or no verb:
    « ouvert le dimanche »), or after a restriction in a future or an imperfect (« rouvrira uniquement
    le mercredi », « était ouverte sauf le lundi »); that Tuesday otherwise (« il est arrivé le mardi »,
    « il est arrivé seulement le mercredi »)."""
    assert f.habitual is not None
    verb = tenses.clause_verb(c.tok)
    event_past = verb is not None and verb[0] == "past" and "Imp" not in tenses.doc[verb[1]].morph.get("Tense", None)
    every = (reader.is_(c.first - 1, "restriction") and not event_past) or (reader.has_pos and tenses.describes(c.tok))
    return Frame("set", value=f.habitual, granularity="day") if every else replace(f, habitual=None)


def _in_context(c: Candidate, n: int, ctx: DocContext, tenses: TenseReader) -> Frame:
    """The frame of candidate ``n`` once what the text said before it is known."""
    f = c.frame
    if f.alt_value is not None:
        # « Autrefois, le village comptait six boulangeries ; aujourd'hui, il n'en reste qu'une. »: a
        # far past in this sentence or the previous one, and a clause in the present: nowadays.
        s = ctx.sentence[n]
        if (s in ctx.far_past or s - 1 in ctx.far_past) and tenses.describes(c.tok):
            return Frame("date", value=f.alt_value)
    return f


def _day_of_context(f: Frame) -> bool:
    """« le 28 » after « Le 12 septembre 2023 »: a day number alone, read only in the month of the context."""
    return f.day is not None and f.month is None and f.weekday is None and f.anchor == "previous"


def _takes_context_year(f: Frame) -> bool:
    """An undated month, day-month or start/mid/end of a month, with no direction word of its own."""
    return (f.kind in ("date", "time") and f.month is not None and f.year is None and f.direction is None
            and f.shift_unit is None and f.holiday is None and f.season is None and f.base is None)


def _agrees(sense: str | None, context: date, published: date | None) -> bool:
    """The clause looks to the side of the publication date where the context date lies: a past context
    needs a past tense or no verb, a future one a future, a present or a modal (no side without a
    publication date or in its year)."""
    if published is None:
        return True
    if context.year == published.year:
        return True
    if context < published:
        return sense in ("past", None)
    return sense in ("future", "scheduled", "present", None)


def _unplaced_day(c: Candidate, r: Resolved | None) -> bool:
    """A candidate naming a day (a day number or a weekday) that could not be placed on the calendar."""
    return (c.frame.day is not None or c.frame.weekday is not None) and c.frame.kind in ("date", "time") \
        and r is not None and r.point is None and c.frame.shift_unit is None


def _day_of(r: Resolved | None) -> bool:
    return (r is not None and r.point is not None and r.granularity in DAY_GRAINS
            and r.type in ("DATE", "TIME"))


def _resolve_bare_times(cands: list[Candidate], results: list[Resolved | None], ctx: DocContext,
                        resolver: Resolver, published: date | None, previous: tuple[date, str] | None) -> None:
    """Bare clock times and parts of day on the day named nearest in their sentence (before it on a
    tie), else on the last day named before them, else on the publication date.

    One pass each way over the candidates: ``next_day[n]`` is the first later candidate naming a day
    (bare times later in the text are not resolved yet, so they never count), and the last day named
    before is carried along, bare times resolved on the way included.
    """
    count = len(cands)
    next_day: list[int | None] = [None] * count
    upcoming: int | None = None
    for n in range(count - 1, -1, -1):
        next_day[n] = upcoming
        if not _bare_time(cands[n]) and _day_of(results[n]):
            upcoming = n
    last: int | None = None
    for n, c in enumerate(cands):
        if not _bare_time(c):
            if _day_of(results[n]):
                last = n
            continue
        if n and _unplaced_day(cands[n - 1], results[n - 1]) and ctx.sentence[n - 1] == ctx.sentence[n] \
                and c.first - cands[n - 1].last <= 1:
            # « jeudi 15 à 8h » where no month near the publication has a Thursday 15: the time is on
            # that day, which has no value; another day would be a wrong one
            r = resolver.resolve(c.frame, None, previous, None)
            results[n] = replace(r, warnings=r.warnings + ("a clock time on the day named just before it, "
                                                           "which has no value",))
            continue
        same: list[tuple[int, date]] = []
        for m in (last, next_day[n]):
            if m is not None and ctx.sentence[m] == ctx.sentence[n]:
                point = results[m].point  # type: ignore[union-attr]
                assert point is not None
                same.append((abs(m - n) + (0 if m < n else 1), point))
        context: tuple[date, str] | None
        if same:
            context = (min(same)[1], "previous")
        elif last is not None:
            point = results[last].point  # type: ignore[union-attr]
            assert point is not None
            context = (point, "previous")
        elif published is not None:
            context = (published, "published")
        else:
            context = None
        results[n] = resolver.resolve(c.frame, None, previous, context)
        if _day_of(results[n]):
            last = n
