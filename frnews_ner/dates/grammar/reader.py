"""The view every rule has of a doc: its items, what the lexicon says of them, and shared building blocks.

A rule never compares text with a French word: it asks the lexicon's kinds (``g.kind(j, "months")``)
and the function-word classes of ``data/dates/words.tsv`` (``g.is_(j, "of")`` for « de »). The
building blocks that several families need — an optional determiner, « de / d' », numbers in
digits or letters, a day number, a month, a year, a direction word, a part of day after a day, a
clock time from hours and minutes — are written here once.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from spacy.tokens import Doc

from ...sentences import Sentences
from ..lexicon import Lexicon
from ..items import Items
from ..models import Frame, Match

#: Punctuation that opens a sentence or a quotation for :meth:`Reader.sentence_initial`.
_OPENING_MARKS = frozenset({".", "!", "?", ":", "«", "\"", "(", "-", "_", "\n"})
#: Modifier values that stand just before an extent and stay outside it (TimeBank: prepositions).
SIGNALS = frozenset({"ago", "in", "since", "by", "approx_signal"})
#: The mark of a plural noun in French spelling (« les mardis », « ces semaines »).
PLURAL_MARK = "s"
#: The modifier values of a determiner kept in an extent (:meth:`Reader.opt_det`).
DETERMINERS = ("det", "this_det")
#: Direction modifiers and the shift (in units) each one means.
DIRECTION_SHIFTS = {"last": -1, "next": 1, "prev_last": -1, "prev_next": 1}


def shift_of(direction: str | None) -> int:
    """``last``/``prev_last`` → -1, ``next``/``prev_next`` → +1, no direction → 0."""
    return DIRECTION_SHIFTS.get(direction or "", 0)


def clock_frame(hour: int, minutes: int = 0, *, zone: str | None = None, mod: str | None = None,
                second: int | None = None) -> Frame:
    """A clock time ``hour`` h + ``minutes`` (possibly negative: « midi moins le quart »), on a 24-hour
    dial; ``second`` makes it a time to the second (« 12:34:45 »)."""
    total = (hour * 60 + minutes) % (24 * 60)
    return Frame("time", hour=total // 60, minute=total % 60, second=second, zone=zone, mod=mod,
                 granularity="minute" if second is None else "second")


#: Tens a unit may follow in a compound number (« vingt-quatre », or « vingt quatre » without hyphen).
_TENS = frozenset({20, 30, 40, 50, 60})
#: The longest number a date expression can hold (« 20241215 », a count of seconds).
MAX_DATE_DIGITS = 12

def read_once(rule: Callable[[Reader, int], Match | None]) -> Callable[[Reader, int], Match | None]:
    """``rule``, remembered per reader and item: a rule that other rules call on the same item (the
    apposition rule reads the clock and day-month rules where each of them also runs) reads it once.
    Rules only read the reader, so the remembered match is the one a new read would give."""
    @wraps(rule)
    def read(g: Reader, i: int) -> Match | None:
        key = (rule, i)
        memo = g.memo
        if key in memo:
            return memo[key]
        found = memo[key] = rule(g, i)
        return found
    return read


class Reader:
    """Items of one doc with accessors; out-of-range indexes read as nothing (``""``, ``None``)."""

    def __init__(self, doc: Doc, items: Items, sentences: Sentences, lexicon: Lexicon,
                 text: str | None = None) -> None:
        self.doc = doc
        self.lexicon = lexicon
        # Doc.text joins every token on each access: read it once (or take the caller's)
        self.text = doc.text if text is None else text
        self.sentences = sentences
        self.items = items
        self.n = len(items)
        # the item lists the accessors read (one list per field, see Items)
        self._entries = items.entries
        self._classes = items.classes
        self._texts = items.text
        self._toks = items.tok
        self.has_pos = any(t.pos_ for t in doc)
        #: matches of the rules marked :func:`read_once`, by (rule, item)
        self.memo: dict[tuple[object, int], Match | None] = {}

    # ---- what the lexicon says -------------------------------------------------------------------
    def kind(self, j: int, kind: str, *, abbr: bool = False) -> str | None:
        """The value item ``j`` has in lexicon ``kind`` (``"8"`` for « août » in ``months``), else None.

        An abbreviation (flag ``abbr``: « sept », « sam ») has a value only for a rule that asks for
        one (``abbr=True``, next to a day or a year): alone it is a word (« sept soldats », « Sam »)."""
        if 0 <= j < self.n:
            e = self._entries[j].get(kind)
            return e[0] if e and (abbr or "abbr" not in e[1]) else None
        return None

    def flags(self, j: int, kind: str) -> frozenset[str]:
        e = self._entries[j].get(kind) if 0 <= j < self.n else None
        return e[1] if e else frozenset()

    def is_(self, j: int, word_class: str) -> bool:
        """Whether item ``j`` is a word of ``word_class`` in ``words.tsv`` (« de » is ``of``)."""
        return 0 <= j < self.n and word_class in self._classes[j]

    def mod(self, j: int) -> str | None:
        return self.kind(j, "modifiers")

    def unit(self, j: int) -> str | None:
        return self.kind(j, "units")

    def part_of_day(self, j: int, *, plural: bool = False) -> str | None:
        """A part of day code (``MO``, ``EV``…) of item ``j``; clock words (« midi ») are not parts of day.

        ``plural``: also a plural whose singular is one (« matins », « soirs », « nuits »: the lexicon
        holds the singular)."""
        p = self.kind(j, "parts_of_day")
        if p is None and plural and self.plural_form(j):
            singular = self.word(j)[: -len(PLURAL_MARK)]
            p = next((v for kind, v, _ in self.lexicon.lookup((singular,)) if kind == "parts_of_day"), None)
        return p if p is not None and ":" not in p else None

    # ---- surface -------------------------------------------------------------------------------------
    def word(self, j: int) -> str:
        return self._texts[j] if 0 <= j < self.n else ""

    def digits(self, j: int) -> str | None:
        """The digits of item ``j`` when it is a number a date can hold (at most
        :data:`MAX_DATE_DIGITS` of them: a longer run is a code or junk, and Python refuses
        ``int()`` of 4,300 digits and more)."""
        w = self.word(j)
        return w if w.isdecimal() and len(w) <= MAX_DATE_DIGITS else None

    def glued(self, j: int) -> bool:
        """Item ``j`` touches the previous one (no space)."""
        return 0 <= j < self.n and not self.items.space_before[j]

    def glued_sign(self, j: int, sign: str) -> bool:
        """Item ``j`` is ``sign`` written against the previous item (« mi-mars », « 14h30 »)."""
        return self.word(j) == sign and self.glued(j)

    def decimal_sign(self, j: int) -> bool:
        """Item ``j`` is a comma or dot glued to the number before it (« 30,4 », « 1.5 »)."""
        return self.word(j) in (",", ".") and self.glued(j)

    def decimal_follows(self, j: int) -> bool:
        """« 2,5 », « 1.500 »: item ``j`` is a comma or dot glued between two numbers."""
        return self.decimal_sign(j) and self.digits(j + 1) is not None and self.glued(j + 1)

    def pos(self, j: int) -> str:
        return self.doc[self._toks[j]].pos_ if 0 <= j < self.n else ""

    def is_participle(self, j: int) -> bool:
        """The token of item ``j`` is a participle (spaCy morphology; never without a tagger)."""
        return 0 <= j < self.n and "Part" in self.doc[self._toks[j]].morph.get("VerbForm", None)

    def is_capitalised(self, j: int) -> bool:
        raw = self.items.raw(j)
        return bool(raw) and raw[0].isupper()

    def sentence_initial(self, j: int) -> bool:
        if j == 0:
            return True
        tok = self.doc[self._toks[j]]
        if tok.is_sent_start:
            return True
        return self.word(j - 1) in _OPENING_MARKS or "\n" in self.text[self.items.end[j - 1]:self.items.start[j]]

    def signal(self, first: int) -> str | None:
        """The preposition-like modifier just before an extent (outside of it)."""
        j = first - 1
        # « il y a tout juste un an », « depuis déjà trois ans »: at most two adverbs between
        while j >= first - 2 and self.is_(j, "signal_adverb"):
            j -= 1
        value = self.mod(j)
        return value if value in SIGNALS else None

    # ---- building blocks -----------------------------------------------------------------------------
    def opt_det(self, j: int) -> tuple[int, str | None]:
        """An optional determiner kept in the extent: (next item, ``det``/``this_det``/None)."""
        value = self.mod(j)
        if value in DETERMINERS:
            return j + 1, value
        return j, None

    def of(self, k: int, *also: str) -> int | None:
        """The item after « de » or « d' » at ``k`` (or after a word of the classes ``also``, such as
        ``of_the`` « du »), else None."""
        if self.is_(k, "of") or any(self.is_(k, c) for c in also):
            return k + 1
        if self.is_(k, "of_elided") and self.word(k + 1) == "'":
            return k + 2
        return None

    def number(self, j: int) -> tuple[int, float | str] | None:
        """Digits (« 30,4 ») or a number in letters (« vingt et un », « dix-huit »), or X (« quelques »)."""
        d = self.digits(j)
        if d is not None:
            if self.glued(j) and self.decimal_sign(j - 1) and self.digits(j - 2) is not None:
                return None  # « 1.5 heures »: the digits after a decimal sign are the end of a number
            if self.decimal_sign(j + 1) and (tail := self.digits(j + 2)) and self.glued(j + 2) \
                    and (self.word(j + 1) == "," or len(tail) <= 2):
                # « 30,4 », « 1.5 » (a dot before three digits groups thousands: « 1.500 »)
                return j + 3, float(f"{d}.{tail}")
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
            following = self.kind(k + 1, "numbers")
            # Compounds: « dix-huit », « vingt et un », « quatre-vingt-dix »
            if self.word(k + 1) == "-" and self.kind(k + 2, "numbers") not in (None, "X"):
                k += 2
            elif self.is_(k + 1, "and") and self.is_(k + 2, "joins_with_and"):
                k += 2
            elif following not in (None, "X") and (int(following or 0) in (100, 1000) or atom >= 100):
                k += 1
            elif following not in (None, "X") and atom in _TENS and current % 100 == atom and 1 <= int(following or 0) <= 9:
                k += 1  # « vingt quatre heures », « trente cinq ans »: a compound written without its hyphen
            else:
                break
        return end, total + current

    def day_number(self, j: int) -> tuple[int, int] | None:
        """« 14 », « 1er », « premier »."""
        d = self.digits(j)
        if d is not None and len(d) <= 2 and 1 <= int(d) <= 31:
            if self.is_(j + 1, "first_suffix") and self.glued(j + 1):
                return j + 2, int(d)
            return j + 1, int(d)
        if self.kind(j, "ordinals") == "1":
            return j + 1, 1
        return None

    def month(self, j: int, *, abbr: bool) -> tuple[int, int] | None:
        """A month name (abbreviations only with ``abbr``: next to a day or a year)."""
        v = self.kind(j, "months", abbr=True)
        if v is None:
            return None
        if "abbr" in self.flags(j, "months"):
            if not abbr:
                return None
            end = j + 1
            if self.glued_sign(end, ".") and self.digits(end + 1) is not None:
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
            # « 2000 % »; a comma or dot glued to the number and followed by digits (« 2,5 », « 2020, 5 »)
            return not self.is_(k, "quantity_sign") and not (
                self.word(k) in (",", ".") and self.glued(k) and self.digits(k + 1) is not None)
        if w.isdecimal():
            return False
        if self.is_(k, "year_follower") or self.kind(k, "months") or self.mod(k):
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
        if self.decimal_follows(j + 1):
            return None  # 2,5 / 1.500 (but « 3 mars 2021, 14h30 » keeps its year)
        if len(d) == 4 and 1000 <= int(d) <= 2199:
            return j + 1, int(d)
        if two_digits and len(d) == 2 and self.year_ok_after(j + 1):
            return j + 1, int(d)  # « mars 98 »: a year of two digits, placed by the resolver (full_year)
        return None

    def year_after(self, j: int) -> tuple[int, int] | None:
        """A year right after a month, a day or a season part (« mars 2021 », « mars 21 »), or a
        year of four digits as its complement (« juin de 1992 », « le 4 juillet de 1995 », « au
        printemps de 1978 »; not the start of a range: « mai de 2019 à 2021 »)."""
        if self.is_(j, "of"):
            yy = self.year(j + 1)
            if yy is None or (self.is_(yy[0], "range_to") and self.digits(yy[0] + 1) is not None):
                return None
            # after « de » a number may be a quantity (« en mars de 2000 euros »): the year must end the phrase
            return yy if self.year_ok_after(yy[0]) else None
        yy = self.year(j, two_digits=True)
        return yy if yy is not None and self.composite_year_ok(j, yy[0]) else None

    def direction_after(self, k: int) -> tuple[int, str | None]:
        value = self.mod(k)
        if value in DIRECTION_SHIFTS:
            return k + 1, value
        if self.is_(k, "relative_qui"):
            # « la semaine qui vient » (not « qui vient de s'achever »), « les jours qui suivent »
            if self.is_(k + 1, "coming_verb") and not (self.is_(k + 2, "of") or self.is_(k + 2, "of_elided")):
                return k + 2, "next"
            if self.is_(k + 1, "following_verb"):
                return k + 2, "prev_next"
            if self.is_(k + 1, "preceding_verb"):
                return k + 2, "prev_last"
        j = self.of(k) if self.is_(k, "of_elided") else None
        if j is not None and (self.is_(j, "after") or self.is_(j, "before")) and self._ends_phrase(j + 1):
            # « le jour d'après », « la semaine d'avant »: the next or previous one from the date before
            # (not « dimanche d'après la préfecture », « according to »)
            return j + 1, "prev_next" if self.is_(j, "after") else "prev_last"
        return k, None

    def sign_or_end(self, k: int) -> bool:
        """Item ``k`` is a sign (punctuation) or past the last item."""
        return k >= self.n or not self._texts[k][0].isalnum()

    def _ends_phrase(self, k: int) -> bool:
        """Nothing a preposition could govern starts at ``k``: the end, a sign, or (tagged docs) a
        word that is no determiner, noun, name, number or adjective."""
        if self.sign_or_end(k):
            return True
        return self.has_pos and self.pos(k) not in ("DET", "NOUN", "PROPN", "NUM", "ADJ")

    def part_after(self, k: int) -> tuple[int, str | None]:
        """« soir », « au matin », « après-midi », « dans la soirée », « en fin de matinée » after a day."""
        end, part, _ = self.part_mod_after(k)
        return end, part

    def part_mod_after(self, k: int) -> tuple[int, str | None, str | None]:
        """:meth:`part_after` with the modifier of « en fin de soirée », « en début de matinée »
        (``end``, ``start``, ``mid``; the TIMEX3 mod of the whole expression)."""
        p = self.part_of_day(k)
        if p and p != "DT":
            return k + 1, p, None
        if self.is_(k, "at_the") and (p2 := self.part_of_day(k + 1)):
            return k + 2, p2, None
        # « lundi dans la soirée », « mardi en matinée », « dimanche en fin de soirée »
        j = k
        mod = None
        within = self.is_(j, "within")
        if within and self.mod(j + 1) == "det" and not self.is_(j + 1, "plural_det"):
            j += 2  # « la », « l' »
        elif self.is_(j, "in_prep"):
            j += 1
            if self.mod(j) in ("start", "mid", "end") and (after := self.of(j + 1)) is not None:
                mod, j = self.mod(j), after
        else:
            return k, None, None
        p3 = self.part_of_day(j)
        if p3 and p3 != "DT" and (within or not self.is_(j, "part_not_after_en")):
            return j + 1, p3, mod
        return k, None, None

    def plural_form(self, j: int) -> bool:
        """Item ``j`` is written like a plural (« mardis », « semaines »; « mois » too: ask ``month_noun``)."""
        return self.word(j).endswith(PLURAL_MARK)

    def has_plural(self, k: int) -> bool:
        """Item ``k`` is a singular unit whose plural is in the lexicon (« trimestre », not « min »)."""
        return any(kind == "units" for kind, _, _ in self.lexicon.lookup((self.word(k) + PLURAL_MARK,)))

    def ordinal(self, j: int) -> tuple[int, int] | None:
        """« premier », « dernière », « 2e », « 3ème », « 1er »: (end item, rank; -1 for the last)."""
        if (v := self.kind(j, "ordinals")) is not None:
            return j + 1, int(v)
        d = self.digits(j)
        if d is not None and len(d) <= 2 and int(d) >= 1 and self.glued(j + 1) and self.is_(j + 1, "ordinal_suffix"):
            return j + 2, int(d)
        return None
