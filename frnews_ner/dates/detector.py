"""Find temporal expressions with patterns over the pieces of a spaCy Doc.

Each spaCy token is cut into pieces (letters, digits, single signs: « 14h30 » → 14 · h · 30), pieces
are looked up in the :class:`~frnews_ner.dates.lexicon.Lexicon` (longest phrase first) and a small
hand-written grammar over the resulting items produces :class:`Candidate` spans with a neutral
:class:`~frnews_ner.dates.frames.Frame`. No arithmetic happens here.

Extent follows the French TimeBank guide: determiners and pre/post-modifiers are inside
(« le 6 mai dernier », « environ deux mois »), prepositions are outside (« depuis » 1999,
« vers » 18 h, « il y a » trois ans).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from frnews_ner.dates.frames import Frame
from frnews_ner.dates.lexicon import PIECE_RE, Lexicon, normalise
from frnews_ner.dates.resolver import safe_date
from frnews_ner.sentences import Sentences

Match = tuple[int, Frame]  # (end item index, exclusive), frame


@dataclass(frozen=True, slots=True)
class Item:
    """One lexicon phrase or one raw piece of the text."""

    start: int
    end: int
    text: str  # normalised (lower-case) surface
    raw: str  # surface as written
    entries: dict[str, tuple[str, frozenset[str]]]
    space_before: bool
    tok: int  # index of the spaCy token holding the first piece


@dataclass(frozen=True, slots=True)
class Candidate:
    """A detected expression: items ``[first, last)``; ``signal`` is the preposition just before it."""

    first: int
    last: int
    start: int
    end: int
    frame: Frame
    signal: str | None
    tok: int


TIME_PREPS = frozenset({"à", "a", "vers", "dès", "jusqu", "avant", "après", "de", "entre", "et", "depuis",
                        "partir", "jusqu'à", "au", "d", "ou", "aux", "alentours", "environ", "-"})
# An hour in letters is a clock time only after these (« à deux heures », « dès sept heures »);
# « vers » is an approx_signal modifier. « après/avant deux heures » are left out: often durations.
LETTER_CLOCK_PREPS = frozenset({"à", "dès", "jusqu'à"})
# After « N heures », words that make it a span of hours: « à deux heures près », « à une heure où ».
LETTER_CLOCK_BLOCKERS = frozenset({"où", "près", "plus", "d'", "par", "avant", "après", "environ", "de", "d"})
DURATION_PREPS = frozenset({"pendant", "durant", "en", "plus", "moins", "environ", "près", "quelque"})
# Words that may follow a bare year without making it a quantity (« en 2022 il… » vs « 2022 personnes »).
YEAR_FOLLOWERS = frozenset("""et ou à au aux en le la les l de des du d pour avec par sur dans qui que qu où
contre après avant lors puis mais il elle ils elles on ce cette ces un une jusqu selon a est sont était
étaient ont avait se sa son ses leur leurs ne n y déjà encore dont comme alors grâce face tandis soit
chez entre vers sous sans depuis s'est c cela ça aussi même sera seront fut furent était si""".split())
# « un homme de 38 ans », « âgé de 54 ans », « Alain, 53 ans, » are ages, not durations (TimeML does
# not mark them); « une peine de dix ans » is a duration: these nouns keep « de N ans » a duration.
AGE_HEADS = frozenset({"âgé", "âgée", "âgés", "âgées", "agé", "agée", "agés", "agées"})
DURATION_HEADS = frozenset("""peine peines condamnation contrat durée période retard délai mandat bail absence
programme plan prison réclusion emprisonnement sursis garantie engagement séjour exil carrière attente
règne cycle moratoire trêve détention interdiction suspension intervalle espace prolongation
travaux chantier horizon terme bout issue cours espace lieu""".split())
VAGUE_NEEDS_SIGNAL = frozenset({"des", "nombreux", "nombreuses", "de nombreux", "de nombreuses"})
ROMAN = re.compile(r"^([ivxlc]+)(e|ème|eme)$")
ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
TIMEX_MODS = {"approx": "APPROX", "more": "MORE_THAN", "less": "LESS_THAN", "equal_or_more": "EQUAL_OR_MORE",
              "equal_or_less": "EQUAL_OR_LESS", "start": "START", "mid": "MID", "end": "END"}
UNIT_GRAIN = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "MIN": "minute", "S": "second",
              "WE": "weekend", "Q": "quarter", "DE": "decade", "CE": "century"}


def _roman(text: str) -> int | None:
    m = ROMAN.match(text)
    if not m:
        return None
    total, prev = 0, 0
    for ch in reversed(m.group(1)):
        v = ROMAN_VALUES[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


def split_unit(code: str) -> tuple[int, str]:
    """``"5Y"`` → ``(5, "Y")``; ``"W"`` → ``(1, "W")``."""
    m = re.match(r"^(\d+)?(.+)$", code)
    assert m is not None
    return (int(m.group(1)) if m.group(1) else 1), m.group(2)


def duration_value(amount: float | str, unit: str) -> tuple[str, str]:
    """TIMEX3 duration: ``(3, "W")`` → ``"P3W"``; ``(30.4, "S")`` → ``"PT30.4S"``; ``("X", "D")`` → ``"PXD"``."""
    mult, base = split_unit(unit)
    smaller = {"Y": ("M", 12), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}
    if not isinstance(amount, str) and not float(amount * mult).is_integer() and base in smaller:
        low, factor = smaller[base]
        if float(amount * mult * factor).is_integer():
            return duration_value(amount * mult * factor, low)[0], UNIT_GRAIN[base]
    if isinstance(amount, str):
        qty = amount
    else:
        total = amount * mult
        qty = str(int(total)) if float(total).is_integer() else f"{total:g}"
    table = {"Y": ("", "Y"), "M": ("", "M"), "W": ("", "W"), "D": ("", "D"), "H": ("T", "H"),
             "MIN": ("T", "M"), "S": ("T", "S"), "WE": ("", "WE"), "Q": ("", "Q"), "DE": ("", "DE"),
             "CE": ("", "CE")}
    t, u = table[base]
    if base in ("DE", "CE") and qty != "X":
        return f"P{int(float(qty) * (10 if base == 'DE' else 100))}Y", UNIT_GRAIN[base]
    if base == "Q" and qty != "X":
        return f"P{int(float(qty) * 3)}M", "quarter"
    return f"P{t}{qty}{u}", UNIT_GRAIN[base]


def build_items(doc: Doc, lexicon: Lexicon) -> list[Item]:
    """Cut the doc into pieces and group them into the longest lexicon phrases."""
    text = doc.text
    low = normalise(text)
    pieces: list[tuple[int, int, int]] = []  # start, end, token index
    for tok in doc:
        for m in PIECE_RE.finditer(low, tok.idx, tok.idx + len(tok.text)):
            pieces.append((m.start(), m.end(), tok.i))
    items: list[Item] = []
    words = [low[s:e] for s, e, _ in pieces]
    i = 0
    n = len(pieces)
    while i < n:
        found: tuple[int, dict[str, tuple[str, frozenset[str]]]] | None = None
        for length in range(min(lexicon.longest_from.get(words[i], 0), n - i), 0, -1):
            matches = lexicon.lookup(tuple(words[i:i + length]))
            if matches:
                found = (length, {k: (v, f) for k, v, f in matches})
                break
        length, entries = found if found else (1, {})
        s, e = pieces[i][0], pieces[i + length - 1][1]
        space = i > 0 and pieces[i - 1][1] < s
        items.append(Item(s, e, low[s:e], text[s:e], entries, space or i == 0, pieces[i][2]))
        i += length
    return items


class Grammar:
    """The patterns, tried at every item; the longest match wins."""

    def __init__(self, doc: Doc, items: list[Item], sentences: Sentences | None = None,
                 lexicon: Lexicon | None = None) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.text = doc.text  # Doc.text joins every token on each access: read it once
        self.sentences = sentences if sentences is not None else Sentences.of(doc)
        self.items = items
        self.n = len(items)
        self.has_pos = any(t.pos_ for t in doc)
        self.rules: tuple[Callable[[int], Match | None], ...] = (
            self.r_numeric_date, self.r_daymonth, self.r_month, self.r_year, self.r_decade, self.r_century,
            self.r_weekday, self.r_relday, self.r_unit_rel, self.r_lastn, self.r_part, self.r_clock,
            self.r_approx_clock, self.r_duration, self.r_set, self.r_season, self.r_holiday, self.r_ref, self.r_modperiod,
            self.r_per, self.r_adjset, self.r_ordinal, self.r_week_of,
        )

    # ---- small accessors -------------------------------------------------------------------
    def kind(self, j: int, kind: str) -> str | None:
        if 0 <= j < self.n:
            e = self.items[j].entries.get(kind)
            return e[0] if e else None
        return None

    def flags(self, j: int, kind: str) -> frozenset[str]:
        e = self.items[j].entries.get(kind) if 0 <= j < self.n else None
        return e[1] if e else frozenset()

    def word(self, j: int) -> str:
        return self.items[j].text if 0 <= j < self.n else ""

    def digits(self, j: int) -> str | None:
        w = self.word(j)
        return w if w.isdecimal() else None

    def glued(self, j: int) -> bool:
        """Item ``j`` touches the previous one (no space)."""
        return 0 <= j < self.n and not self.items[j].space_before

    def same_sentence(self, a: int, b: int) -> bool:
        return self.sentences.same(self.items[a].tok, self.items[b].tok)

    def pos(self, j: int) -> str:
        return self.doc[self.items[j].tok].pos_ if 0 <= j < self.n else ""

    def is_capitalised(self, j: int) -> bool:
        raw = self.items[j].raw
        return bool(raw) and raw[0].isupper()

    def sentence_initial(self, j: int) -> bool:
        if j == 0:
            return True
        tok = self.doc[self.items[j].tok]
        if tok.is_sent_start:
            return True
        prev = self.word(j - 1)
        return prev in {".", "!", "?", ":", "«", "\"", "(", "-", "_", "\n"} or "\n" in self.text[
            self.items[j - 1].end:self.items[j].start]

    def mod(self, j: int) -> str | None:
        return self.kind(j, "modifiers")

    def signal(self, first: int) -> str | None:
        """The preposition-like modifier just before an extent (outside of it)."""
        value = self.mod(first - 1)
        return value if value in {"ago", "in", "since", "by", "approx_signal"} else None

    # ---- building blocks ---------------------------------------------------------------------
    def opt_det(self, j: int) -> tuple[int, str | None]:
        value = self.mod(j)
        if value in ("det", "this_det"):
            return j + 1, value
        return j, None

    def number(self, j: int) -> tuple[int, float | str] | None:
        """Digits (« 30,4 ») or a number in letters (« vingt et un », « dix-huit »), or X (« quelques »)."""
        d = self.digits(j)
        if d is not None:
            if self.word(j + 1) == "," and self.glued(j + 1) and self.digits(j + 2) and self.glued(j + 2):
                return j + 3, float(f"{d}.{self.digits(j + 2)}")
            return j + 1, int(d)
        v = self.kind(j, "numbers")
        if v is None:
            return None
        if v == "X":
            return j + 1, "X"
        total, current, k, end = 0, 0, j, j
        while True:
            v = self.kind(k, "numbers")
            if v is None or v == "X":
                break
            atom = int(v)
            if atom == 100:
                current = max(current, 1) * 100
            elif atom == 1000:
                total += max(current, 1) * 1000
                current = 0
            else:
                current += atom
            end = k + 1
            # Compounds: « dix-huit », « vingt et un », « quatre-vingt-dix »
            if self.word(k + 1) == "-" and self.kind(k + 2, "numbers") not in (None, "X"):
                k += 2
            elif self.word(k + 1) == "et" and self.word(k + 2) in ("un", "une", "onze"):
                k += 2
            elif self.kind(k + 1, "numbers") not in (None, "X") and int(self.kind(k + 1, "numbers") or 0) in (100, 1000) or (
                    atom >= 100 and self.kind(k + 1, "numbers") not in (None, "X")):
                k += 1
            else:
                break
        return end, total + current

    def day_number(self, j: int) -> tuple[int, int] | None:
        """« 14 », « 1er », « premier »."""
        d = self.digits(j)
        if d is not None and len(d) <= 2 and 1 <= int(d) <= 31:
            if self.word(j + 1) in ("er", "re") and self.glued(j + 1):
                return j + 2, int(d)
            return j + 1, int(d)
        if self.kind(j, "ordinals") == "1":
            return j + 1, 1
        return None

    def month(self, j: int, *, abbr: bool) -> tuple[int, int] | None:
        v = self.kind(j, "months")
        if v is None:
            return None
        if "abbr" in self.flags(j, "months"):
            if not abbr:
                return None
            end = j + 1
            if self.word(end) == "." and self.glued(end) and (self.digits(end + 1) is not None):
                end += 1  # « 7 sept. 2024 »: the dot is inside, the year follows
            return end, int(v)
        if self.is_capitalised(j) and not self.sentence_initial(j) and not abbr:
            return None  # « Mars », « Mai » mid-sentence: a planet, a name
        return j + 1, int(v)

    def year_ok_after(self, k: int) -> bool:
        """Nothing after a bare year turns it into a quantity (« 2000 manifestants »)."""
        if k >= self.n:
            return True
        w = self.word(k)
        if not w[0].isalnum():
            return w not in ("%", "€", "$", "£") and not (w in (",", ".") and self.glued(k) and self.digits(k + 1))
        if w.isdecimal():
            return False
        if w in YEAR_FOLLOWERS or self.kind(k, "months") or self.kind(k, "modifiers"):
            return True
        if self.is_capitalised(k):
            return True
        if self.has_pos:
            return self.pos(k) in ("VERB", "AUX", "ADV", "ADP", "CCONJ", "SCONJ", "PRON", "DET", "PUNCT")
        return False

    def composite_year_ok(self, j: int, end: int) -> bool:
        """After a month, a day or a holiday a four-digit year is sure; a two-digit one must end the phrase."""
        return len(self.word(j)) == 4 or self.year_ok_after(end)

    def year(self, j: int, *, two_digits: bool = False) -> tuple[int, int] | None:
        d = self.digits(j)
        if d is None:
            return None
        if self.glued(j + 1) and self.word(j + 1) in (",", ".") and self.digits(j + 2) and self.glued(j + 2):
            return None  # 2,5 / 1.500 (but « 3 mars 2021, 14h30 » keeps its year)
        if len(d) == 4 and 1000 <= int(d) <= 2199:
            return j + 1, int(d)
        if two_digits and len(d) == 2 and self.year_ok_after(j + 1):
            return j + 1, int(d) + (1900 if int(d) >= 30 else 2000)
        return None

    def direction_after(self, k: int) -> tuple[int, str | None]:
        value = self.mod(k)
        if value in ("last", "next", "prev_last", "prev_next"):
            return k + 1, value
        return k, None

    def part_after(self, k: int) -> tuple[int, str | None]:
        """« soir », « au matin », « après-midi » after a day."""
        p = self.kind(k, "parts_of_day")
        if p and ":" not in p and p != "DT":
            return k + 1, p
        if self.word(k) == "au" and (p2 := self.kind(k + 1, "parts_of_day")) and ":" not in p2:
            return k + 2, p2
        # « lundi dans la soirée », « mardi en matinée », « hier en fin d'après-midi »: the part of that
        # day (the TIMEX3 value has no room for the START/END of a part of day after a date)
        j = k
        if self.word(j) == "dans" and self.mod(j + 1) == "det" and self.word(j + 1) != "les":
            j += 2  # « la », « l' »
        elif self.word(j) == "en":
            j += 1
            if self.mod(j) in ("start", "mid", "end") and self.word(j + 1) in ("de", "d"):
                j += 2 if self.word(j + 1) == "de" else 3
        else:
            return k, None
        p3 = self.kind(j, "parts_of_day")
        if p3 and ":" not in p3 and p3 != "DT" and (self.word(k) == "dans" or self.word(j) != "matin"):
            return j + 1, p3
        return k, None

    # ---- rules (each starts its extent at item i) ----------------------------------------------
    def r_numeric_date(self, i: int) -> Match | None:
        j, det = self.opt_det(i)
        a, b, c = self.digits(j), self.digits(j + 2), self.digits(j + 4)
        sep = self.word(j + 1)
        if (det == "det" or self.word(i - 1) in ("du", "au")) and a and b and sep == "/" and len(a) <= 2 \
                and len(b) <= 2 and self.glued(j + 1) and self.glued(j + 2) and not (
                    self.word(j + 3) == "/" and self.glued(j + 3)) and 1 <= int(a) <= 31 and 1 <= int(b) <= 12:
            return j + 3, Frame("date", month=int(b), day=int(a), granularity="day")  # « le 31/10 »
        if a is not None and b is not None and (spaced := self.spaced_date(j)) is not None:
            return spaced
        if a is None or b is None or c is None or sep not in ("/", ".", "-") or self.word(j + 3) != sep:
            return None
        if not all(self.glued(k) for k in range(j + 1, j + 5)):
            return None
        if self.glued(j + 5) and (self.digits(j + 5) or self.word(j + 5) in ("/", ".", "-") and self.digits(j + 6)):
            return None
        if len(a) == 4:
            y, m, d = int(a), int(b), int(c)
        elif len(c) in (2, 4) and len(a) <= 2 and len(b) <= 2:
            d, m, y = int(a), int(b), int(c)
            if len(c) == 2:
                y += 1900 if y >= 30 else 2000
        else:
            return None
        if not (1 <= m <= 12 and 1 <= d <= 31 and 1000 <= y <= 2199):
            return None
        return j + 5, Frame("date", year=y, month=m, day=d, granularity="day")

    def spaced_date(self, j: int) -> Match | None:
        """« 17 02 2014 »: two-digit day, two-digit month, four-digit year, single spaces, and no other
        number touching it (phone numbers and tables of figures have more groups)."""
        groups = [self.digits(j), self.digits(j + 1), self.digits(j + 2)]
        if any(g is None for g in groups) or [len(g or "") for g in groups] != [2, 2, 4]:
            return None
        for k in (j + 1, j + 2):
            if self.text[self.items[k - 1].end:self.items[k].start] != " ":
                return None
        before, after = self.word(j - 1), self.word(j + 3)
        if before.isdecimal() or before in ("+", ",", ".", "-", "/") or after.isdecimal() or (
                after in (",", ".", "-", "/", "%") and self.digits(j + 4) is not None):
            return None
        d, m, y = (int(g or 0) for g in groups)
        if not (1 <= m <= 12 and 1 <= d <= 31 and 1000 <= y <= 2199) or safe_date(y, m, d) is None:
            return None
        return j + 3, Frame("date", year=y, month=m, day=d, granularity="day")

    def daymonth_core(self, j: int) -> Match | None:
        """[weekday] day month [year] [dernier|prochain] [part of day]."""
        weekday = None
        if (w := self.kind(j, "weekdays")) is not None:
            weekday, j = int(w), j + 1
        dn = self.day_number(j)
        if dn is None:
            return None
        k, day = dn
        mm = self.month(k, abbr=True)
        if mm is None:
            return None
        k, month = mm
        year = None
        if (yy := self.year(k, two_digits=True)) is not None and self.composite_year_ok(k, yy[0]):
            k, year = yy
        k, direction = self.direction_after(k)
        k, part = self.part_after(k)
        kind = "time" if part else "date"
        return k, Frame(kind, year=year, month=month, day=day, weekday=weekday, part=part,
                        direction=direction, granularity="day")

    def r_daymonth(self, i: int) -> Match | None:
        j, det = self.opt_det(i)
        if det == "this_det":
            return None
        m = self.daymonth_core(j)
        if m is not None:
            return m
        if (wd0 := self.kind(j, "weekdays")) is not None and (nd := self.r_numeric_date(j + 1)) is not None \
                and nd[1].year is not None:
            return nd[0], replace(nd[1], weekday=int(wd0))  # « samedi 23/06/2018 »: the weekday is checked
        # « les 2 et 9 mai », « du 3 au 6 mai »: the first day borrows the month of the second.
        dn = self.day_number(j) if self.kind(j, "weekdays") is None else None
        if dn is None and self.kind(j, "weekdays") is not None:
            dn2 = self.day_number(j + 1)
            dn = (dn2[0], dn2[1]) if dn2 else None
        if dn is None:
            return None
        k, day = dn
        wd = self.kind(j, "weekdays")
        if wd is None and det == "det" and self.word(j - 1) == "le" and self.word(k) in ("à", "vers") \
                and self.r_clock(k + 1) is not None and self.digits(k + 1) is not None:
            # « le 16 à 18 h »: a day of the month around the publication date (a clock time makes
            # the bare number surely a day; « le 16 » alone may be a bus line or a jersey)
            return k, Frame("date", day=day, granularity="day")
        if self.word(k) in ("et", "au", "à", "ou", "-", ","):
            k2, _ = self.opt_det(k + 1)
            nxt = self.daymonth_core(k2)
            if nxt is not None and nxt[1].month is not None:
                f = nxt[1]
                return k, Frame("date", year=f.year, month=f.month, day=day,
                                weekday=int(wd) if wd else None, direction=f.direction, granularity="day")
        if wd is not None and self.day_alone_ok(k):
            # « jeudi 15 »: the month is the one around the publication date whose 15th is a Thursday.
            k, part = self.part_after(k)
            return k, Frame("time" if part else "date", day=day, weekday=int(wd), part=part, granularity="day")
        return None

    def day_alone_ok(self, k: int) -> bool:
        """After « jeudi 15 », nothing that makes 15 an hour or a quantity (« jeudi 15 h », « 15 morts »)."""
        if k >= self.n:
            return True
        w = self.word(k)
        if w in ("h", ":", "heure", "heures", "%", "€", "$", "£") or w.isdecimal():
            return False
        if not w[0].isalnum():
            return not (self.glued(k) and self.digits(k + 1) is not None)  # « 23/06/18 », « 15,5 »
        return w in YEAR_FOLLOWERS or self.kind(k, "parts_of_day") is not None or self.kind(k, "weekdays") is not None

    def r_month(self, i: int) -> Match | None:
        j, det = self.opt_det(i)
        prefix = False
        if self.kind(j, "units") == "M" and self.word(j) == "mois" and self.word(j + 1) in ("de", "d"):
            j += 2 if self.word(j + 1) == "de" else 3 if self.word(j + 2) == "'" else 2
            prefix = True
        elif det is not None:
            return None  # « le janvier » is not French; « ce mois de mai » needs « mois »
        mm = self.month(j, abbr=False)
        if mm is None:
            abbr = self.month(j, abbr=True)
            if abbr is None or (self.year(abbr[0]) is None):
                return None
            mm = abbr
        k, month = mm
        if (yy := self.year(k, two_digits=True)) is not None and self.composite_year_ok(k, yy[0]):
            return yy[0], Frame("date", year=yy[1], month=month, granularity="month")
        if self.word(k) == "de" and self.word(k + 1) in ("cette", "l") and self.kind(k + 1 + (2 if self.word(k + 1) == "l" else 1), "units") == "Y":
            # « janvier de cette année »
            k2 = k + 1 + (2 if self.word(k + 1) == "l" else 1) + 1
            k3, direction = self.direction_after(k2)
            shift = {"last": -1, "next": 1}.get(direction or "", 0)
            return k3, Frame("date", month=month, shift_unit="Y", shift=shift, granularity="month")
        k, direction = self.direction_after(k)
        if direction in ("prev_last", "prev_next"):
            direction = None
        if this := (det == "this_det"):
            direction = "this"
        del this
        # A bare month in the middle of nowhere: accept it, the lexicon only has month names.
        if not prefix and direction is None and self.word(k) == "-" and self.glued(k):
            return None  # « mai-juin » fine, but avoid odd hyphenated compounds
        return k, Frame("date", month=month, direction=direction, granularity="month")

    def r_year(self, i: int) -> Match | None:
        j, det = self.opt_det(i)
        if self.kind(j, "units") == "Y" and self.word(j) in ("an", "année"):
            yy = self.year(j + 1)
            if yy is not None:
                return yy[0], Frame("date", year=yy[1], granularity="year")
            return None
        if det is not None:
            return None
        yy = self.year(j)
        if yy is None or not self.year_ok_after(yy[0]):
            return None
        prev = self.word(j - 1)
        if prev.isdecimal() or (prev in (",", ".") and self.glued(j)) or prev in ("n", "°", "numéro", "nº"):
            return None
        if self.word(j + 1) == "-" and self.glued(j + 1) and self.digits(j + 2):
            return None  # ISO date handled elsewhere / ranges like 2019-2020 read as two years below
        return yy[0], Frame("date", year=yy[1], granularity="year")

    def r_decade(self, i: int) -> Match | None:
        j, _ = self.opt_det(i)
        if self.word(j) != "années":
            return None
        d = self.digits(j + 1)
        if d is None:
            return None
        if len(d) == 2 and int(d) % 10 == 0:
            return j + 2, Frame("date", decade=(190 if int(d) >= 20 else 200) + int(d) // 10, granularity="decade")
        if len(d) == 4 and int(d) % 10 == 0:
            return j + 2, Frame("date", decade=int(d) // 10, granularity="decade")
        return None

    def r_century(self, i: int) -> Match | None:
        j, _ = self.opt_det(i)
        n = _roman(self.word(j))
        k = j + 1
        if n is None and self.digits(j) and self.word(j + 1) in ("e", "ème", "eme") and self.glued(j + 1):
            n, k = int(self.word(j)), j + 2
        if n is None or self.word(k) != "siècle" or not 1 <= n <= 22:
            return None
        return k + 1, Frame("date", century=n - 1, granularity="century")

    def r_weekday(self, i: int) -> Match | None:
        j, det = self.opt_det(i)
        if self.word(j) == "même" and det == "this_det":
            j += 1
        if det is None and self.word(i - 1) in ("un", "chaque"):
            return None  # « un vendredi » is no particular Friday
        w = self.kind(j, "weekdays")
        if w is None or self.word(j).endswith("s"):
            return None  # « les mardis » is a set
        k = j + 1
        if det == "det" and self.mod(k) not in ("last", "next", "prev_last", "prev_next"):
            return None  # « le mardi » alone is habitual or needs the day number (other rule)
        if self.word(k) == "même" and det == "this_det":
            k += 1
        k, direction = self.direction_after(k)
        k, part = self.part_after(k)
        # « ce lundi » is the nearest Monday in the direction of the tense, like a bare « lundi ».
        if direction is None:
            k2, d2 = self.direction_after(k)
            if d2:
                k, direction = k2, d2
        kind = "time" if part else "date"
        if direction is None:
            # « mardi de la semaine prochaine », « lundi la semaine dernière »
            k2 = k + 1 if self.word(k) == "de" else k
            if self.word(k2) == "la" and self.kind(k2 + 1, "units") == "W" and self.word(k2 + 1) == "semaine":
                k3, d3 = self.direction_after(k2 + 2)
                if d3 in ("last", "next"):
                    return k3, Frame(kind, weekday=int(w), part=part, shift_unit="W",
                                     shift=-1 if d3 == "last" else 1, granularity="day")
        if direction in ("prev_last", "prev_next"):
            return k, Frame(kind, weekday=int(w), part=part, direction=direction, anchor="previous",
                            granularity="day")
        if direction is None and det is None and self.word(k) == "en":
            # « lundi en huit », « mercredi en quinze »: one or two weeks after the coming one
            weeks = {"huit": 1, "8": 1, "quinze": 2, "15": 2}.get(self.word(k + 1))
            if weeks and self.kind(k + 2, "units") is None and not self.digits(k + 2):
                return k + 2, Frame(kind, weekday=int(w), part=part, direction="next", shift_unit="D",
                                    shift=7 * weeks, granularity="day")
        return k, Frame(kind, weekday=int(w), part=part, direction=direction, granularity="day")

    def r_relday(self, i: int) -> Match | None:
        v = self.kind(i, "relative_days")
        j = i
        if v is None:
            j, det = self.opt_det(i)
            v = self.kind(j, "relative_days")
            if v is None or det is None:
                return None
        anchor = "previous" if v.startswith("^") else "published"
        offset = int(v.lstrip("^"))
        k = j + 1
        if anchor == "previous" and (based := self.base_date(k)) is not None:
            # « le lendemain du 13 février », « la veille de Noël »: counted from the date named
            e, base = based
            e, part = self.part_after(e)
            if base.part is not None:  # « … du 13 février au soir »: the evening of the day counted
                part, base = base.part, replace(base, kind="date", part=None)
            return e, Frame("time" if part else "date", shift_unit="D", shift=offset, anchor="base", part=part,
                            base=base, granularity="day")
        if self.word(k) == "même":
            k += 1
        k, part = self.part_after(k)
        if part is None and self.kind(k, "weekdays") is not None and anchor == "published":
            k += 1  # « aujourd'hui vendredi », « demain samedi »
            k, part = self.part_after(k)
        return k, Frame("time" if part else "date", shift_unit="D", shift=offset, anchor=anchor, part=part,
                        granularity="day")

    def base_date(self, k: int) -> Match | None:
        """« du 13 février », « de Noël », « du 03/02/2023 » after « la veille », « le lendemain »."""
        w = self.word(k)
        if w == "du":
            return self.daymonth_core(k + 1) or self.r_numeric_date(k + 1)
        if w == "de" or (w == "d" and self.word(k + 1) == "'"):
            start = k + 1 if w == "de" else k + 2
            m = self.r_holiday(start)
            if m is not None and m[1].holiday is not None:
                return m
        return None

    def r_unit_rel(self, i: int) -> Match | None:
        j, det = self.opt_det(i)
        if det is None:
            return None
        unit = self.kind(j, "units")
        if unit not in ("Y", "M", "W", "WE", "Q", "D"):
            return None
        if self.word(j).endswith("s") and det == "this_det" and self.word(j) not in ("mois",):
            return None  # « ces semaines » → not a single period
        k = j + 1
        anchor, shift = "published", 0
        if self.word(k) == "-" and self.glued(k) and self.word(k + 1) in ("ci", "là", "la"):
            if det != "this_det":
                return None
            anchor = "published" if self.word(k + 1) == "ci" else "previous"
            k += 2
        elif self.word(k) == "même" and det == "this_det":
            anchor, k = "previous", k + 1
        else:
            k2, direction = self.direction_after(k)
            if direction is None:
                if det != "this_det" or unit == "D":
                    return None
            else:
                k = k2
                shift = -1 if direction in ("last", "prev_last") else 1
                anchor = "previous" if direction.startswith("prev") else "published"
                if det == "this_det" and self.word(j).endswith("s"):
                    return None
        if unit == "D" and anchor == "published" and shift == 0:
            return None
        return k, Frame("date", shift_unit=unit, shift=shift, anchor=anchor, granularity=UNIT_GRAIN[unit])

    def r_lastn(self, i: int) -> Match | None:
        """« ces derniers jours » → PXD, « les trois derniers mois » → P3M."""
        j, det = self.opt_det(i)
        if det is None:
            return None
        amount: float | str = "X"
        if (num := self.number(j)) is not None and num[1] != "X":
            j, amount = num
        if self.mod(j) not in ("last", "next"):
            return None
        unit = self.kind(j + 1, "units")
        if unit not in ("Y", "M", "W", "D", "H", "MIN", "S", "DE", "CE", "Q", "WE"):
            return None
        value, grain = duration_value(amount, unit)
        return j + 2, Frame("duration", value=value, granularity=grain)

    def r_part(self, i: int) -> Match | None:
        j, det = self.opt_det(i)
        p = self.kind(j, "parts_of_day")
        if p is None or ":" in p:
            return None
        if det is None:
            return None
        if det == "this_det":
            if self.word(j) in ("soirée", "matinée", "journée", "nuitée"):
                return None  # « cette soirée, animée par… » is an event, « ce soir » a time
            if p == "DT":
                return None
            return j + 1, Frame("time", part=p, shift_unit="D", shift=0, granularity="partofday")
        if self.word(j + 1) in ("de", "du", "d") or (self.word(j + 1) == "même"):
            k = j + 2 if self.word(j + 1) == "même" else j + 1
            if self.word(j + 1) == "même":
                return k, Frame("time", part=p, granularity="partofday")
            if p != "DT" and (m := self.part_of_day_date(j + 1)) is not None:
                e, day = m
                return e, replace(day, kind="time", part=p)
            return None  # « le soir de l'élection »: an event, not a date
        return j + 1, Frame("time", part=p, granularity="partofday")

    def part_of_day_date(self, k: int) -> Match | None:
        """The day after « la nuit », « le soir »: « du 15 février », « du 3 au 4 mars », « de samedi à
        dimanche », « du 14 » (a night over two days belongs to its first day)."""
        w = self.word(k)
        if w == "du":
            m = self.r_daymonth(k + 1)
            if m is not None and m[1].part is None and m[1].month is not None:
                e, f = m
                if self.word(e) in ("au", "à") and (m2 := self.daymonth_core(e + 1)) is not None:
                    e = m2[0]  # « du 3 au 4 mars »
                elif self.word(e) in ("au", "à") and self.day_number(e + 1) is not None:
                    e = self.day_number(e + 1)[0]  # type: ignore[index]
                return e, f
            dn = self.day_number(k + 1)
            if dn is not None and self.word(dn[0]) in ("au", "à") and (m2 := self.daymonth_core(dn[0] + 1)) is not None \
                    and m2[1].part is None:
                f2 = m2[1]  # « du 31 décembre au 1er janvier » is read above; « du 3 au 4 mars » here
                return m2[0], Frame("date", year=f2.year, month=f2.month, day=dn[1], granularity="day")
            if dn is not None and self.word(dn[0]) in ("au", "à") and (dn2 := self.day_number(dn[0] + 1)) is not None \
                    and self.day_alone_ok(dn2[0]) and (dn2[1] == dn[1] + 1 or dn2[1] == 1 and dn[1] >= 28):
                return dn2[0], Frame("date", day=dn[1], granularity="day")  # « la nuit du 14 au 15 »
            return None
        if w == "de" and (wd := self.kind(k + 1, "weekdays")) is not None and not self.word(k + 1).endswith("s"):
            full = self.r_daymonth(k + 1)
            if full is not None and full[1].day is not None and full[1].part is None:
                e, f = full  # « la nuit de samedi 18 (au dimanche 19) »: the night of the day named
                if self.word(e) in ("à", "au") and (m2 := self.r_daymonth(e + 1)) is not None and m2[1].part is None:
                    e = m2[0]
                return e, f
            e = k + 2
            if self.word(e) in ("à", "au") and self.kind(e + 1, "weekdays") is not None:
                m2 = self.r_daymonth(e + 1)
                if m2 is not None and m2[1].day is not None and m2[1].part is None:
                    # « la nuit de jeudi à vendredi 31 mars »: the night before the date named
                    return m2[0], Frame("date", shift_unit="D", shift=-1, anchor="base", base=m2[1], granularity="day")
                e += 2  # « de samedi à dimanche »
            e, direction = self.direction_after(e)
            if direction in ("prev_last", "prev_next"):
                return e, Frame("date", weekday=int(wd), direction=direction, anchor="previous", granularity="day")
            return e, Frame("date", weekday=int(wd), direction=direction, granularity="day")
        return None

    def r_clock(self, i: int) -> Match | None:
        d = self.digits(i)
        if d is None:
            # « à midi », « vers minuit »
            clock = self.kind(i, "parts_of_day")
            if clock and ":" in clock and not self.is_capitalised(i):
                prev = self.word(i - 1)
                if prev in TIME_PREPS or prev in ("ce", "cet") or self.mod(i - 1) == "approx_signal":
                    hours, minutes = clock.split(":")
                    k, delta = self.minutes_after(i + 1)  # « midi et demi », « minuit moins le quart »
                    total = (int(hours) * 60 + int(minutes) + delta) % (24 * 60)
                    return k, Frame("time", hour=total // 60, minute=total % 60, granularity="minute")
            return self.letter_clock(i)
        if len(d) > 2 or int(d) > 24 or self.word(i - 1) in (",", ".") and self.glued(i):
            return None
        h = int(d)
        k = i + 1
        w = self.word(k)
        minute: int | None = None
        if w == "h" or w == ":" and self.glued(k):
            if w == ":" and not (self.digits(k + 1) and self.glued(k + 1)):
                return None
            k += 1
            if (mm := self.digits(k)) is not None and len(mm) == 2 and int(mm) < 60:
                minute, k = int(mm), k + 1
            elif w == "h" and self.word(k) == "et" and self.word(k + 1) in ("demie", "demi"):
                minute, k = 30, k + 2
            if w == "h":
                prev = self.word(i - 1)
                if prev in DURATION_PREPS and self.mod(i - 1) not in ("approx_signal",) and not (
                        self.mod(i - 1) == "approx" and self.word(i - 2) in ("à", "vers", "dès")):
                    return None  # « pendant 2 h »; but « à environ 15 h » is a time
        elif w in ("heure", "heures"):
            prev = self.word(i - 1)
            if not (prev in TIME_PREPS or self.mod(i - 1) == "approx_signal" or self.day_part_follows(i, k + 1)):
                return None
            k += 1
            if (mm := self.digits(k)) is not None and len(mm) == 2 and int(mm) < 60:
                minute, k = int(mm), k + 1
            if self.distance_after(k, strict=False):
                return None  # « à 24 heures du scrutin », « à 3 heures de route »: an interval
        else:
            return None
        k, h = self.part_of_clock(k, h)
        k, zone = self.zone_after(k)
        return k, Frame("time", hour=h % 24 if h == 24 else h, minute=minute or 0, zone=zone, granularity="minute")

    def zone_after(self, k: int) -> tuple[int, str | None]:
        """« GMT », « locales », « heure locale », « heure de Paris » right after a clock time (UTC
        only in capitals: « gmt » in lower case is rarely a zone in running text)."""
        z = self.kind(k, "zones")
        if z == "UTC" and (self.items[k].raw.isupper() or " " in self.items[k].raw):
            return k + 1, z
        if z == "LOCAL" and self.word(k) in ("locale", "locales"):
            return k + 1, z
        if self.word(k) in ("heure", "heures"):
            j = k + 2 if self.word(k + 1) == "de" else k + 1
            if self.kind(j, "zones") == "LOCAL" and (j == k + 1) == (self.word(j) in ("locale", "locales", "française")):
                return j + 1, "LOCAL"
        return k, None

    def part_of_clock(self, k: int, h: int) -> tuple[int, int]:
        """« du soir », « de l'après-midi » after a clock time: the end item and the 24-hour hour."""
        if self.word(k) in ("du", "de") and (part := self.kind(k + 1, "parts_of_day")) in ("EV", "AF", "MO", "NI"):
            k += 2
            if part in ("EV", "AF") and h < 12 or part == "NI" and 7 <= h < 12:
                h += 12  # « onze heures du soir », « dix heures de la nuit »; « deux heures du matin » stays
        elif self.word(k) == "de" and self.word(k + 1) == "l" and self.kind(k + 3, "parts_of_day") == "AF":
            k += 4
            h = h + 12 if h < 12 else h
        elif self.word(k) == "de" and self.mod(k + 1) == "det" and (
                part := self.kind(k + 2, "parts_of_day")) in ("EV", "AF", "MO", "NI"):
            k += 3  # « de l'après-midi », « de la nuit » (« l' » is one lexicon item)
            if part in ("EV", "AF") and h < 12 or part == "NI" and 7 <= h < 12:
                h += 12
        elif h < 12 and (self.mod(k) == "this_det" or self.kind(k, "relative_days") is not None) \
                and self.kind(k + 1, "parts_of_day") in ("EV", "AF"):
            h += 12  # « à 3 heures cet après-midi », « à huit heures demain soir »: a separate expression
        return k, h

    def day_part_follows(self, i: int, k: int) -> bool:
        """« [N heures] du matin », « de l'après-midi » at ``k``: a clock time even with no preposition
        before ``i`` (« trois heures du matin ont sonné »), but not after « pendant », « durant »…
        (« ce matin » is not enough: « il a travaillé deux heures ce matin » is a duration)."""
        if self.word(i - 1) in DURATION_PREPS or self.word(i - 1) in ("pendant", "durant"):
            return False
        if self.word(k) not in ("du", "de"):
            return False
        j = k + 2 if self.word(k) == "de" and self.mod(k + 1) == "det" else k + 1
        return self.kind(j, "parts_of_day") in ("EV", "AF", "MO", "NI")

    def distance_after(self, k: int, *, strict: bool = True) -> bool:
        """« heures de route », « heures du départ », « heures où… »: hours counted, not a clock time.

        ``strict`` (hours in letters) also refuses the other :data:`LETTER_CLOCK_BLOCKERS`; « 17 heures »
        in digits is a clock time more often and is refused before « de »/« du » only.
        """
        w = self.word(k)
        if w in ("du", "de", "d"):
            if self.kind(k + 1, "parts_of_day") in ("EV", "AF", "MO", "NI") or (
                    self.mod(k + 1) == "det" and self.kind(k + 2, "parts_of_day") in ("EV", "AF", "MO", "NI")):
                return False  # « du soir », « de l'après-midi »
            if self.digits(k + 1) is not None or self.kind(k + 1, "months") or self.kind(k + 1, "weekdays") \
                    or self.kind(k + 1, "relative_days"):
                return False  # « 6 heures du 22/04 », « 9 heures de lundi »: the day of the clock time
            return not (w == "de" and self.word(k + 1) == "l" and self.kind(k + 3, "parts_of_day") == "AF")
        return strict and w in LETTER_CLOCK_BLOCKERS

    def minutes_after(self, k: int) -> tuple[int, int]:
        """Minutes written after an hour in letters or after « midi »: (end item, minutes to add).

        « et demie » +30, « et quart » +15, « trois quarts » +45, « moins le quart » -15,
        « moins cinq » -5, « vingt » / « 20 » (+ « minutes ») +20; ``(k, 0)`` when nothing follows.
        """
        w = self.word(k)
        if w == "et" and self.word(k + 1) in ("demi", "demie"):
            return k + 2, 30
        if w == "et" and self.word(k + 1) == "quart":
            return k + 2, 15
        if w == "moins" and self.word(k + 1) == "le" and self.word(k + 2) == "quart":
            return k + 3, -15
        if w == "moins" and self.word(k + 1) == "quart":
            return k + 2, -15
        sign, j = (-1, k + 1) if w == "moins" else (1, k + 1 if w == "et" else k)
        num = self.number(j) if self.digits(j) is None or len(self.word(j)) == 2 else None
        if num is None or not isinstance(num[1], int) or not 0 < num[1] < 60:
            return k, 0
        e, n = num[0], int(num[1])
        if n == 3 and self.word(e) == "quarts" and sign == 1 and w != "et":
            return e + 1, 45
        if self.word(e) in ("minute", "minutes", "min"):
            return e + 1, sign * n
        if w == "et":
            return k, 0  # « sept heures et dix femmes »: only « et N minutes » is sure
        nxt = self.word(e)
        if e >= self.n or not nxt[0].isalnum() or nxt in YEAR_FOLLOWERS or self.kind(e, "parts_of_day") \
                or self.kind(e, "relative_days"):
            return e, sign * n
        return k, 0  # « à deux heures trois personnes… »: a number of something else

    def letter_clock(self, i: int) -> Match | None:
        """« à deux heures », « vers onze heures du soir », « à sept heures moins le quart ».

        Only after « à », « vers », « dès » (« pendant deux heures » stays a duration) and never
        before « de » (« à deux heures de route »).
        """
        num = self.number(i)
        if num is None or not isinstance(num[1], int) or not 0 <= num[1] <= 24:
            return None
        k, h = num[0], int(num[1])
        if self.word(k) not in ("heure", "heures") or self.digits(i) is not None:
            return None
        if self.word(i - 1) not in LETTER_CLOCK_PREPS and self.mod(i - 1) != "approx_signal" \
                and not self.day_part_follows(i, k + 1):
            return None
        k += 1
        k, delta = self.minutes_after(k)
        if self.distance_after(k):
            return None
        k, h = self.part_of_clock(k, h)
        k, zone = self.zone_after(k)
        total = (h * 60 + delta) % (24 * 60)
        return k, Frame("time", hour=total // 60, minute=total % 60, zone=zone, granularity="minute")

    def r_approx_clock(self, i: int) -> Match | None:
        """« à environ 15 heures », « à peu près à 8 h »: an approximate clock time, not a duration."""
        if self.mod(i) != "approx" or self.word(i - 1) not in ("à", "vers", "dès"):
            return None
        m = self.r_clock(i + 1) or self.letter_clock_after(i + 1)
        if m is None or m[1].kind != "time":
            return None
        return m[0], replace(m[1], mod="APPROX")

    def letter_clock_after(self, i: int) -> Match | None:
        """:meth:`letter_clock` when the preposition is two items back (« à environ deux heures »)."""
        num = self.number(i)
        if num is None or self.word(num[0]) not in ("heure", "heures") or self.digits(i) is not None:
            return None
        if not isinstance(num[1], int) or not 0 <= num[1] <= 24:
            return None
        k, delta = self.minutes_after(num[0] + 1)
        if self.distance_after(k):
            return None
        k, h = self.part_of_clock(k, int(num[1]))
        total = (h * 60 + delta) % (24 * 60)
        return k, Frame("time", hour=total // 60, minute=total % 60, granularity="minute")

    def r_duration(self, i: int) -> Match | None:
        j = i
        mod = None
        mv = self.mod(j)
        if mv in ("approx", "more", "less", "equal_or_more", "equal_or_less"):
            mod, j = TIMEX_MODS[mv], j + 1
        # « une demi-heure », « un quart d'heure », « un quart de siècle », « un demi-siècle »
        num = self.number(j)
        if num is None:
            if mod is None:
                unit = self.kind(j, "units")
                if unit and split_unit(unit)[0] > 1 and not (self.word(j - 1) == "par"):
                    value, grain = duration_value(1, unit)
                    return j + 1, Frame("duration", value=value, granularity=grain)
            return None
        k, amount = num
        fraction = None
        if self.word(k) in ("demi", "demie") and self.word(k + 1) == "-":
            fraction, k = 0.5, k + 2
        elif self.word(k) in ("quart", "quarts") and self.word(k + 1) in ("d", "de"):
            fraction, k = 0.25, k + (3 if self.word(k + 1) == "d" else 2)
        unit = self.kind(k, "units")
        if unit is None or unit == "WE" and amount == "X":
            return None
        if isinstance(amount, int) and amount >= 1000 and self.digits(j) is not None and fraction is None \
                and self.has_plural(k):
            return None  # « 2017 trimestre 1 » is a year: a real count would put the unit in the plural
        if self.word(k) in ("an",) and amount not in (1,) and fraction is None:
            pass
        end = k + 1
        if fraction is not None and amount != "X":
            amount = float(amount) * fraction
        elif self.word(end) == "et" and self.word(end + 1) in ("demi", "demie") and amount != "X":
            amount, end = float(amount) + 0.5, end + 2
        first_word = self.word(j)
        if amount == "X" and first_word in VAGUE_NEEDS_SIGNAL:
            if self.signal(i) is None and self.word(i - 1) not in ("pendant", "durant"):
                return None
        if amount == 1 and unit == "D" and mod is None and first_word == "un" and self.signal(i) is None \
                and self.word(i - 1) not in ("pendant", "durant", "en"):
            return None  # « un jour, il reviendra »: not a duration
        if isinstance(amount, float) and amount.is_integer():
            amount = int(amount)
        if unit == "Y" and self.is_age(i, j, end, mod):
            return None
        if self.word(i - 1) == "à" and self.word(end) == "où":
            return None  # « à une heure où la ville dort »: « at a time when », no quantity of time
        value, grain = duration_value(amount, unit)
        base = split_unit(unit)[1]
        if unit in ("Y", "M", "W", "D") and amount != "X" and mod is None and isinstance(amount, int):
            after = self.mod(end)
            if after in ("after", "before") or (self.word(end) in ("après", "avant") and (
                    end + 1 >= self.n or not self.items[end + 1].text[0].isalnum())):
                # « trois jours plus tard », « deux ans auparavant », « une semaine après. »
                shift = amount if after == "after" or self.word(end) == "après" else -amount
                return end + 1, Frame("date", shift_unit=base, shift=shift, anchor="previous",
                                      granularity=UNIT_GRAIN[base])
        if unit in ("Y", "M", "W", "D", "WE") and amount != "X" and mod is None and isinstance(amount, int):
            sig = self.signal(i)
            if sig in ("ago", "in"):
                shift = -amount if sig == "ago" else amount
                return end, Frame("date", shift_unit=base, shift=shift, granularity=UNIT_GRAIN[base])
        return end, Frame("duration", value=value, mod=mod, granularity=grain)

    def has_plural(self, k: int) -> bool:
        """Item ``k`` is a singular unit whose plural is in the lexicon (« trimestre », not « min »)."""
        if self.lexicon is None:
            return False
        return any(kind == "units" for kind, _, _ in self.lexicon.lookup((self.word(k) + "s",)))

    def is_age(self, i: int, j: int, end: int, mod: str | None) -> bool:
        """« de 38 ans », « âgé de 54 ans », « Alain, 53 ans, », « les moins de 17 ans », « 6-16 ans »."""
        prev = self.word(i - 1)
        if prev in ("de", "d"):
            head = self.word(i - 2) if prev == "de" else self.word(i - 3)
            return head in AGE_HEADS or head not in DURATION_HEADS
        if prev in (",", "(") and self.word(end) in (",", ")", ".", "et", ";"):
            return True
        if prev == "à" and mod is None:
            return True  # « à 20 ans, il… »
        if mod in ("LESS_THAN", "MORE_THAN") and self.word(i - 1) in ("les", "des", "aux"):
            return True
        if self.mod(i - 1) in ("less", "more") and self.word(i - 2) in ("les", "des", "aux"):
            return True
        if prev == "-" and self.glued(i) and self.digits(i - 2):
            return True
        return False

    def r_set(self, i: int) -> Match | None:
        if self.mod(i) == "det" and self.word(i) == "les" and (w := self.kind(i + 1, "weekdays")) \
                and self.word(i + 1).endswith("s"):
            k, part = self.part_after(i + 2)
            return k, Frame("set", value=f"XXXX-WXX-{w}" + (f"T{part}" if part else ""), granularity="day")
        if self.kind(i, "sets") != "each":
            return None
        j = i + 1
        amount: float | str = 1
        if (num := self.number(j)) is not None and num[1] not in ("X",):
            j, amount = num
        unit = self.kind(j, "units")
        if unit is not None:
            value, grain = duration_value(amount, unit)
            return j + 1, Frame("set", value=value, granularity=grain)
        if (w := self.kind(j, "weekdays")) is not None and amount == 1:
            k, part = self.part_after(j + 1)
            value = f"XXXX-WXX-{w}" + (f"T{part}" if part else "")
            return k, Frame("set", value=value, granularity="day")
        if (p := self.kind(j, "parts_of_day")) is not None and amount == 1 and ":" not in p:
            return j + 1, Frame("set", value=f"XXXX-XX-XXT{p}", granularity="partofday")
        if self.word(j) == "mois" and self.word(j + 1) == "de" and (m := self.kind(j + 2, "months")):
            return j + 3, Frame("set", value=f"XXXX-{int(m):02d}", granularity="month")
        if (m := self.kind(j, "months")) is not None and "abbr" not in self.flags(j, "months"):
            return j + 1, Frame("set", value=f"XXXX-{int(m):02d}", granularity="month")
        return None

    def r_per(self, i: int) -> Match | None:
        """« deux fois par an » → SET « an » P1Y (the preposition stays outside)."""
        if self.kind(i - 1, "sets") != "per":
            return None
        unit = self.kind(i, "units")
        if unit is None or unit == "WE":
            return None
        value, grain = duration_value(1, unit)
        return i + 1, Frame("set", value=value, granularity=grain)

    def r_adjset(self, i: int) -> Match | None:
        v = self.kind(i, "sets")
        if v is None or not v.startswith("P") or not self.has_pos:
            return None  # without a tagger « le quotidien » (newspaper) cannot be told apart
        if self.pos(i) not in ("ADJ", "ADV") or self.mod(i - 1) in ("det", "this_det"):
            return None
        return i + 1, Frame("set", value=v, granularity=UNIT_GRAIN.get(v[-1], None))

    def r_season(self, i: int) -> Match | None:
        j, det = self.opt_det(i)
        if self.word(j) == "mois" and self.word(j + 1) == "d" and self.word(j + 2) == "'" \
                and self.kind(j + 3, "seasons"):
            j += 3  # « les mois d'été »
            det = det or "det"
        s = self.kind(j, "seasons")
        if s is None:
            return None
        k = j + 1
        if (yy := self.year(k)) is not None:
            return yy[0], Frame("date", year=yy[1], season=s, granularity="season")
        k2, direction = self.direction_after(k)
        if direction in ("last", "next"):
            return k2, Frame("date", season=s, direction=direction, granularity="season")
        if det == "this_det":
            return k, Frame("date", season=s, direction="this", granularity="season")
        prev = self.word(i - 1)
        if det is None and prev not in ("en", "au", "pendant", "durant", "d", "cet", "l", "depuis", "avant",
                                        "après", "comme", "dès", "cette"):
            if not (self.sentence_initial(j) and self.word(k) in ("comme", ",")):
                return None  # « a été » is a verb
        if self.word(j) == "été" and self.has_pos and self.pos(j) in ("AUX", "VERB") and det is None \
                and prev not in ("en", "d"):
            return None
        return k, Frame("date", season=s, granularity="season")

    def r_holiday(self, i: int) -> Match | None:
        j, det = self.opt_det(i)
        h = self.kind(j, "holidays")
        if h is None:
            return None
        k = j + 1
        # « Noël Mamère »: a first name when a capitalised word follows
        if k < self.n and self.is_capitalised(k) and self.word(k).isalpha() and not self.kind(k, "months"):
            return None
        if (yy := self.year(k)) is not None:
            return yy[0], Frame("date", holiday=h, year=yy[1], granularity="day")
        k, direction = self.direction_after(k)
        if direction in ("prev_last", "prev_next"):
            direction = None
        if det == "this_det":
            direction = "this"
        return k, Frame("date", holiday=h, direction=direction, granularity="day")

    def r_ref(self, i: int) -> Match | None:
        v = self.kind(i, "refs")
        if v is None:
            return None
        return i + 1, Frame("date", value=v, granularity=None)

    def ordinal(self, j: int) -> tuple[int, int] | None:
        """« premier », « dernière », « 2e », « 3ème », « 1er »: (end item, rank; -1 for the last)."""
        if (v := self.kind(j, "ordinals")) is not None:
            return j + 1, int(v)
        d = self.digits(j)
        if d is not None and len(d) <= 2 and int(d) >= 1 and self.glued(j + 1) \
                and self.word(j + 1) in ("er", "re", "e", "ème", "eme", "nd", "nde"):
            return j + 2, int(d)
        return None

    def r_ordinal(self, i: int) -> Match | None:
        """« la dernière semaine de septembre », « le premier mercredi du mois prochain »,
        « la deuxième quinzaine de mars », « le dernier jour de l'année », « le premier week-end d'août »."""
        j, det = self.opt_det(i)
        if det == "this_det" or (o := self.ordinal(j)) is None:
            return None
        k, rank = o
        weekday = None
        if (w := self.kind(k, "weekdays")) is not None and not self.word(k).endswith("s"):
            unit, weekday = "WD", int(w)
        elif self.word(k) in ("semaine", "jour", "quinzaine"):
            unit = {"semaine": "W", "jour": "D", "quinzaine": "2W"}[self.word(k)]
        elif self.kind(k, "units") == "WE" and not self.word(k).endswith("s"):
            unit = "WE"
        else:
            return None
        k += 1
        link = self.word(k)
        if link == "d" and self.word(k + 1) == "'":
            k += 2
        elif link in ("de", "du"):
            k += 1
        else:
            return None
        frame = Frame("date", ordinal=rank, ord_unit=unit, weekday=weekday,
                      granularity={"W": "week", "D": "day", "WD": "day", "2W": "month", "WE": "weekend"}[unit])
        # « du mois (prochain) », « de ce mois », « de l'année (dernière) », « du mois de mai »
        k2, det2 = self.opt_det(k)
        if link == "du":
            k2, det2 = k, "det"
        target_unit = self.kind(k2, "units")
        if det2 is not None and self.word(k2) in ("mois", "année", "an") and target_unit in ("M", "Y"):
            if target_unit == "M" and self.word(k2 + 1) in ("de", "d") and self.kind(
                    k2 + (2 if self.word(k2 + 1) == "de" else 3), "months"):
                k = k2 + (2 if self.word(k2 + 1) == "de" else 3)  # « du mois de mai »: the month rule below
            else:
                if unit == "2W" and target_unit == "Y":
                    return None
                e, direction = self.direction_after(k2 + 1)
                if direction in ("prev_last", "prev_next"):
                    return None
                shift = {"last": -1, "next": 1}.get(direction or "", 0)
                return e, replace(frame, shift_unit=target_unit, shift=shift)
        mm = self.month(k, abbr=True)
        if mm is not None:
            e, month = mm
            if (yy := self.year(e, two_digits=True)) is not None and self.composite_year_ok(e, yy[0]):
                return yy[0], replace(frame, year=yy[1], month=month)
            e, direction = self.direction_after(e)
            return e, replace(frame, month=month,
                              direction=direction if direction in ("last", "next") else None)
        if unit != "2W" and (yy := self.year(k)) is not None and self.year_ok_after(yy[0]):
            return yy[0], replace(frame, year=yy[1])
        return None

    def r_week_of(self, i: int) -> Match | None:
        """« la semaine du 6 octobre », « le week-end du 14 juillet »: the week holding that day."""
        j, det = self.opt_det(i)
        unit = self.kind(j, "units")
        if det != "det" or unit not in ("W", "WE") or self.word(j).endswith("s") or self.word(j + 1) != "du":
            return None
        m = self.daymonth_core(j + 2) or self.r_numeric_date(j + 2)
        if m is None or m[1].part is not None:
            return None
        return m[0], Frame("date", shift_unit=unit, shift=0, anchor="base", base=m[1], granularity=UNIT_GRAIN[unit])

    def r_modperiod(self, i: int) -> Match | None:
        """« début janvier », « mi-mars », « fin 2024 », « la fin de l'année dernière »."""
        j, det = self.opt_det(i)
        mv = self.mod(j)
        if mv not in ("start", "mid", "end"):
            return None
        mod = TIMEX_MODS[mv]
        k = j + 1
        if self.word(k) == "-" and self.glued(k):
            k += 1
        elif self.word(k) in ("de", "du", "des"):
            k += 1
        elif self.word(k) == "d" and self.word(k + 1) == "'":
            k += 2
        # target
        if (p := self.kind(k, "parts_of_day")) is not None and ":" not in p and k > j + 1 and det is None:
            # « en fin de matinée », « en début d'après-midi »: the part of the day the text talks about
            return k + 1, Frame("time", part=p, mod=mod, granularity="partofday")
        mm = self.month(k, abbr=True)
        if mm is not None:
            e, month = mm
            if (yy := self.year(e, two_digits=True)) is not None and self.composite_year_ok(e, yy[0]):
                return yy[0], Frame("date", year=yy[1], month=month, mod=mod, granularity="month")
            e, direction = self.direction_after(e)
            return e, Frame("date", month=month, mod=mod, direction=direction if direction in ("last", "next") else None,
                            granularity="month")
        if (yy := self.year(k)) is not None and self.year_ok_after(yy[0]):
            return yy[0], Frame("date", year=yy[1], mod=mod, granularity="year")
        # « au début des années 2000 », « à la fin du XIXe siècle »
        if (period := self.r_decade(k) or self.r_century(k)) is not None:
            return period[0], replace(period[1], mod=mod)
        s = self.kind(k, "seasons")
        if s is not None:
            if (yy := self.year(k + 1)) is not None:
                return yy[0], Frame("date", year=yy[1], season=s, mod=mod, granularity="season")
            return k + 1, Frame("date", season=s, direction="this", mod=mod, granularity="season")
        # « de l'année (dernière) », « du mois », « de semaine », « de la semaine prochaine »
        k2, det2 = self.opt_det(k)
        unit = self.kind(k2, "units")
        if unit in ("Y", "M", "W", "Q") and not self.word(k2).endswith("s") or self.word(k2) == "mois":
            if unit is None:
                return None
            e, direction = self.direction_after(k2 + 1)
            shift = {"last": -1, "next": 1, "prev_last": -1, "prev_next": 1}.get(direction or "", 0)
            anchor = "previous" if direction and direction.startswith("prev") else "published"
            if self.word(e) == "-" and self.word(e + 1) in ("ci", "là"):
                anchor = "published" if self.word(e + 1) == "ci" else "previous"
                e += 2
            return e, Frame("date", shift_unit=unit, shift=shift, anchor=anchor, mod=mod,
                            granularity=UNIT_GRAIN[unit])
        return None

    # ---- driver --------------------------------------------------------------------------------
    def candidates(self) -> list[Candidate]:
        out: list[Candidate] = []
        i = 0
        while i < self.n:
            item = self.items[i]
            if not item.entries and not item.text.isdecimal() and not ROMAN.match(item.text):
                # every rule starts on a lexicon word, digits or a Roman ordinal: skip the rest cheaply
                i += 1
                continue
            best: Match | None = None
            for rule in self.rules:
                m = rule(i)
                if m is not None and m[0] > i and (best is None or m[0] > best[0]):
                    best = m
            if best is None:
                i += 1
                continue
            end, frame = best
            # Clean span: never end on punctuation or a hyphen.
            while end - 1 > i and not self.items[end - 1].text[0].isalnum():
                end -= 1
            signal = self.signal(i)
            if signal == "approx_signal" and frame.mod is None and frame.kind in ("time", "date", "duration"):
                frame = replace(frame, mod="APPROX")
            out.append(Candidate(i, end, self.items[i].start, self.items[end - 1].end, frame, signal,
                                 self.items[i].tok))
            i = end
        return out


def detect(doc: Doc, lexicon: Lexicon, sentences: Sentences | None = None) -> list[Candidate]:
    """All candidate expressions of the doc, left to right, non-overlapping."""
    items = build_items(doc, lexicon)
    return Grammar(doc, items, sentences, lexicon).candidates()
