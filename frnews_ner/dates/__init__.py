"""French temporal expressions: exact spans in a spaCy Doc, TIMEX3 values against the publication date.

>>> import spacy, datetime
>>> from frnews_ner.dates import find_time_expressions
>>> doc = spacy.blank("fr")("Le mois dernier, la récolte d'août dernier a déçu.")
>>> [(t.text, t.value) for t in find_time_expressions(doc, datetime.date(2024, 12, 15))]
[('Le mois dernier', '2024-11'), ('août dernier', '2024-08')]
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Token

from frnews_ner.dates.detector import Candidate, detect
from frnews_ner.dates.lexicon import Lexicon
from frnews_ner.dates.resolver import Resolved, Resolver, safe_date
from frnews_ner.records import TimeExpression
from frnews_ner.sentences import Sentences

__all__ = ["Lexicon", "find_time_expressions"]

_DEFAULT: dict[str, Lexicon] = {}

_AVOIR_PRES = frozenset({"ai", "as", "a", "avons", "avez", "ont"})
_REFLEXIVE = frozenset({"se", "s'", "s’", "me", "m'", "m’", "te", "t'", "t’", "nous", "vous"})
_ETRE_PRES = frozenset({"suis", "es", "est", "sommes", "êtes", "sont"})
_TENSE_WINDOW = 10  # tokens: a verb farther away usually belongs to another clause
_ALLER_PRES = frozenset({"vais", "vas", "va", "allons", "allez", "vont"})
DAY_GRAINS = ("day", "partofday", "minute")


def _default_lexicon() -> Lexicon:
    # Loaded on first use, never at import.
    if "lex" not in _DEFAULT:
        _DEFAULT["lex"] = Lexicon.load()
    return _DEFAULT["lex"]


def _classify(tok: Token) -> str | None:
    """Tense of one verb form: past, future, present or None (infinitive, not a verb)."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    morph = tok.morph
    if "Cnd" in morph.get("Mood", None):
        return "future"
    tense = morph.get("Tense", None)
    if "Fut" in tense:
        return "future"
    if "Past" in tense or "Imp" in tense:
        return "past"
    if "Part" in morph.get("VerbForm", None):
        # A participle alone is ambiguous (« prévue le 16 », « est arrivé »): only « avoir » + participle
        # is surely a past tense.
        aux = [t for t in tok.doc[max(0, tok.i - 3):tok.i] if t.pos_ == "AUX"]
        if aux and aux[-1].lower_ in _AVOIR_PRES | {"avait", "avaient", "eut", "eurent", "aurait", "avons"}:
            return "past"
        if aux and aux[-1].i > 0 and tok.doc[aux[-1].i - 1].lower_ in _REFLEXIVE:
            return "past"  # « ils se sont rendus »: a pronominal verb in the passé composé
        return None
    if "Pres" in tense:
        low = tok.lower_
        nxt = [t for t in tok.doc[tok.i + 1:tok.i + 4] if t.pos_ in ("VERB", "AUX")]
        if any("Part" in t.morph.get("VerbForm", None) for t in nxt):
            if low in _AVOIR_PRES or (tok.i > 0 and tok.doc[tok.i - 1].lower_ in _REFLEXIVE):
                return "past"  # passé composé (« a annoncé », « se sont rendus »)
            if low in _ETRE_PRES:
                return None  # « est prévue » (passive present) or « est arrivé » (past): undecided
        if low in _ALLER_PRES and any("Inf" in t.morph.get("VerbForm", None) for t in nxt):
            return "future"  # futur proche
        return "present"
    return None


def clause_tense(doc: Doc, tok_index: int, sentences: Sentences | None = None) -> str | None:
    """Tense of the verb nearest to a token in its sentence (``None`` without morphology)."""
    sentences = sentences if sentences is not None else Sentences.of(doc)
    if sentences.known:
        lo, hi = sentences.start[tok_index], sentences.end[tok_index]
    else:
        lo, hi = max(0, tok_index - 25), min(len(doc), tok_index + 25)
    best: tuple[int, str] | None = None
    for t in doc[lo:hi]:
        c = _classify(t)
        if c is None:
            continue
        dist = abs(t.i - tok_index)
        # A verb on the other side of a semicolon or colon belongs to another clause.
        between = doc[min(t.i, tok_index):max(t.i, tok_index)]
        if any(x.text in (";", ":") for x in between):
            dist += 20
        if dist > _TENSE_WINDOW:
            continue
        if best is None or dist < best[0]:
            best = (dist, c)
    return best[1] if best else None


#: A dateline stands in the first characters of an article…
DATELINE_CHARS = 300
#: …on a short line of its own (« 1er janvier 2016, 14h30 – »)…
DATELINE_LINE_CHARS = 80
#: …or right before an agency mark or a dash (« PARIS, 14 décembre 2024 (AFP) – »).
_DATELINE_MARKS = ("(afp)", "(reuters)", "(ap)", "(belga)", "(ats)", "–", "—", " - ")


def find_dateline(text: str, cands: list[Candidate]) -> tuple[Candidate, date] | None:
    """The dateline of an article: a full date (day, month, year) at its head, set apart.

    In « LYON, 3 mars 2021 (AFP) – Le maire a annoncé hier… » it is the candidate for « 3 mars
    2021 » and 2021-03-03; in « Le 3 mars 2021, le maire a annoncé… » there is none.
    """
    for c in cands:
        if c.start > DATELINE_CHARS:
            break
        f = c.frame
        if f.kind not in ("date", "time") or f.shift_unit is not None or not (f.year and f.month and f.day):
            continue
        day = safe_date(f.year, f.month, f.day)
        if day is None:
            continue
        line_start = text.rfind("\n", 0, c.start) + 1
        line_end = text.find("\n", c.end)
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        after = text[c.end:c.end + 25].casefold()
        if len(line.strip()) <= DATELINE_LINE_CHARS or any(mark in after for mark in _DATELINE_MARKS):
            return c, day
    return None


def find_time_expressions(doc: Doc, published: date | None, *, lexicon: Lexicon | None = None,
                          use_dateline: bool = True) -> list[TimeExpression]:
    """Temporal expressions of ``doc`` with TIMEX3 values, sorted and non-overlapping.

    Offsets are characters of ``doc.text``. Works on ``spacy.blank("fr")`` docs (the tense of a bare
    weekday or month is then unknown and the nearest occurrence is taken) and better with a model
    that fills ``token.morph``. Without ``published`` no relative value is ever computed from today:
    relative expressions are resolved against the article's dateline when it has one (``anchor``
    is then ``"dateline"`` and a warning names it, see :func:`find_dateline`), else left
    underspecified.

    >>> import spacy, datetime
    >>> doc = spacy.blank("fr")("Samedi 14 décembre, il pleuvait.")
    >>> find_time_expressions(doc, datetime.date(2024, 12, 15))[0].value
    '2024-12-14'
    """
    lex = lexicon if lexicon is not None else _default_lexicon()
    sentences = Sentences.of(doc)
    cands = detect(doc, lex, sentences)
    text = doc.text  # Doc.text joins every token on each access: read it once
    dateline = find_dateline(text, cands) if published is None and use_dateline else None
    if dateline is not None:
        published = dateline[1]
        dateline_note = (f"no publication date given: resolved against the dateline "
                         f"« {text[dateline[0].start:dateline[0].end]} »",)
    resolver = Resolver(published)
    results: list[Resolved | None] = [None] * len(cands)
    previous: tuple[date, str] | None = None
    tenses: dict[int, str | None] = {}

    def tense_of(c: Candidate) -> str | None:
        if c.tok not in tenses:
            tenses[c.tok] = clause_tense(doc, c.tok, sentences)
        return tenses[c.tok]

    def bare_time(c: Candidate) -> bool:
        f = c.frame
        return (f.kind == "time" and f.shift_unit is None and f.day is None and f.weekday is None
                and f.holiday is None and f.month is None)

    # Pass 1: everything but bare clock times, left to right, so that « la veille » sees the
    # date given just before.
    for n, c in enumerate(cands):
        if bare_time(c):
            continue
        f = c.frame.base or c.frame  # « le lendemain du 13 février »: the tense picks the year of the base
        needs_tense = (f.direction is None and (f.weekday is not None or f.month is not None
                                                or f.holiday is not None or f.day is not None)) or (
            f.shift_unit == "WE" and f.shift == 0)
        r = resolver.resolve(c.frame, tense_of(c) if needs_tense else None, previous)
        results[n] = r
        if r.point is not None and r.type in ("DATE", "TIME"):
            previous = (r.point, r.granularity or "day")

    # Pass 2: a bare time (« 21 h 45 », « la nuit ») belongs to the day named in its sentence,
    # else to the last day named before it, else to the publication date.
    for n, c in enumerate(cands):
        if not bare_time(c):
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
            context = (min(same)[1], "previous")
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
