"""The date grammar: rules of every family, tried at each item; the longest match wins.

Each family lives in its own module (absolute dates, weekdays, relative days, last/next periods,
parts of day, clock times, durations, sets, seasons, holidays, vague references, ordinal periods,
start/mid/end of a period) and knows no French word: it asks the lexicon (``data/dates/*.tsv``)
through a :class:`~frnews_ner.dates.grammar.reader.Reader`. A rule reads from item ``i`` and returns
where its match ends and the neutral :class:`~frnews_ner.dates.models.Frame` it means; no arithmetic
happens here.

When two rules match the same items, the one with the higher ``priority`` wins: « 14/07 » is read
as a numeric date before anything else can claim its digits, a day-month before a bare month.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from ...sentences import Sentences
from ..items import build_items
from ..lexicon import KINDS, MODIFIERS, MULTI_VALUED, WORD_CLASSES, Lexicon
from ..models import Candidate, Item, Match
from . import (absolute, clock, decades, durations, extents, holidays, last_next, names, ordinals, parts_of_day,
               refs,
               relative_days, seasons, sets, start_mid_end, weekdays)
from .decades import ROMAN, ROMAN_LETTERS
from .ranges import link_ranges
from .reader import DETERMINERS, Reader

RuleFunction = Callable[[Reader, int], "Match | None"]


@dataclass(frozen=True)
class Rule:
    """A grammar rule of a family; ``priority`` breaks ties between matches of the same length.

    The other fields declare on which items the rule can start (first-item dispatch): the grammar
    tries the rule at item ``i`` only when the item it declares is there. A rule that declares
    nothing is tried at every item: the safe default for a new rule.

    - ``kinds``: lexicon kinds (``"months"``, ``"units"``, ``"modifiers"`` for any modifier);
    - ``mods``: values of ``modifiers`` (``"approx"``; a determiner is ``"det"``/``"this_det"``);
    - ``classes``: function-word classes of ``words.tsv`` (``"nowadays"``);
    - ``digits``: a number in digits; ``roman``: a Roman ordinal such as « XIXe »;
    - ``det``: ``None``, the item declared is item ``i``; ``"optional"``, item ``i`` or, after a
      determiner at ``i`` (what :meth:`~.reader.Reader.opt_det` reads), item ``i + 1``;
      ``"required"``: a determiner at ``i`` and the item declared at ``i + 1``.

    A declaration must cover every item where the rule can return a match, the items its building
    blocks read first included (``number``: digits or ``numbers``; ``ordinal``: digits or
    ``ordinals``; ``day_number``: digits or ``ordinals``): a rule changed to start on other words
    must widen its declaration (or drop it). ``tests/test_rule_starts.py`` checks every
    declaration on sample sentences.
    """

    name: str
    read: RuleFunction
    priority: int
    kinds: Collection[str] = frozenset()
    mods: Collection[str] = frozenset()
    classes: Collection[str] = frozenset()
    digits: bool = False
    roman: bool = False
    det: str | None = None

    def __post_init__(self) -> None:
        # declarations are written as tuples; a misspelt kind or class would silently never match
        for name in ("kinds", "mods", "classes"):
            object.__setattr__(self, name, frozenset(getattr(self, name)))
        bad = sorted(k for k in self.kinds if k not in KINDS or k in MULTI_VALUED) + sorted(
            set(self.mods) - MODIFIERS) + sorted(set(self.classes) - WORD_CLASSES)
        if bad:
            raise ValueError(f"rule {self.name!r} declares unknown lexicon kinds, modifiers or word classes: "
                             f"{', '.join(bad)}")
        if self.det not in (None, "optional", "required"):
            raise ValueError(f"rule {self.name!r}: det must be None, 'optional' or 'required', got {self.det!r}")
        if self.det is not None and self.everywhere:
            raise ValueError(f"rule {self.name!r}: det={self.det!r} needs the item declared after the determiner")

    @property
    def everywhere(self) -> bool:
        """The rule declares no first item: it is tried at every item."""
        return not (self.kinds or self.mods or self.classes or self.digits or self.roman)

    def _declared(self, item: Item) -> bool:
        mod = item.entries.get("modifiers")
        return bool(any(k in item.entries for k in self.kinds) or (mod is not None and mod[0] in self.mods)
                    or any(c in item.classes for c in self.classes) or (self.digits and item.text.isdecimal())
                    or (self.roman and ROMAN.match(item.text)))

    def tried_at(self, g: Reader, i: int) -> bool:
        """Whether the grammar tries the rule at item ``i`` of ``g`` (its declaration, or everywhere;
        the grammar also skips items with no lexicon entry, digits or Roman ordinal)."""
        if self.everywhere:
            return True
        if self.det != "required" and self._declared(g.items[i]):
            return True
        return self.det is not None and g.mod(i) in DETERMINERS and i + 1 < g.n and self._declared(g.items[i + 1])


# What the building blocks read first: a day number (``day_number``: digits or « premier »), a
# number (``number``: digits or a number in letters), an ordinal (``ordinal``: digits or a word).
_DAY = ("ordinals",)  # and digits
_NUMBER = ("numbers",)  # and digits
_ORDINAL = ("ordinals",)  # and digits
#: Where the clock rule starts: digits, « midi »/« minuit » (parts of day), hours in letters.
_CLOCK = ("parts_of_day", *_NUMBER)
#: Where the day-month rule starts, after its optional determiner: a weekday, a day number.
_DAYMONTH = ("weekdays", *_DAY)
#: The modifiers that open a duration (« environ », « plus de »…, « toute » of « toute la journée »).
_DURATION_MODS = (*durations.COUNT_MODS, "whole")

#: Every rule, highest priority first.
RULES: tuple[Rule, ...] = tuple(sorted((
    Rule("in_name", names.in_name, 250, kinds=names._TIME_KINDS, digits=True),
    Rule("apposition", extents.apposition, 240, kinds=(*_CLOCK, *_DAYMONTH), digits=True, det="optional"),
    Rule("numeric_date", absolute.numeric_date, 230, digits=True, det="optional"),
    Rule("day_month", absolute.daymonth, 220, kinds=_DAYMONTH, digits=True, det="optional"),
    Rule("month", absolute.month, 210, kinds=("units", "months"), det="optional"),
    Rule("year", absolute.year, 200, kinds=("units",), digits=True, det="optional"),
    Rule("decade", decades.decade, 190, classes=("decade_noun",), det="optional"),
    Rule("century", decades.century, 180, kinds=_ORDINAL, digits=True, roman=True, det="optional"),
    Rule("millennium", decades.millennium, 175, kinds=_ORDINAL, digits=True, det="optional"),
    Rule("short_year", decades.short_year, 172, digits=True),
    Rule("weekday", weekdays.weekday, 170, kinds=("weekdays",), classes=("same",), det="optional"),
    Rule("nowadays", refs.nowadays, 165, classes=("nowadays",)),
    Rule("relative_day", relative_days.relative_day, 160, kinds=("relative_days",), det="optional"),
    Rule("that_moment", relative_days.that_moment, 155, classes=("moment_noun",), det="required"),
    Rule("day_of_month_shift", last_next.day_of_month_shift, 152, kinds=_DAY, digits=True, det="required"),
    Rule("unit_relative", last_next.unit_relative, 150, kinds=("units",), classes=("same", "new_adjective"),
         det="required"),
    Rule("last_n", last_next.last_n, 140, kinds=_NUMBER, mods=("last", "next"), digits=True, det="optional"),
    Rule("part_of_day", parts_of_day.part_of_day, 130, kinds=("parts_of_day",), det="optional"),
    Rule("clock", clock.clock, 120, kinds=_CLOCK, digits=True),
    Rule("approx_clock", clock.approx_clock, 110, mods=("approx",)),
    Rule("sign_duration", durations.sign_duration, 105, mods=_DURATION_MODS, digits=True),
    Rule("duration", durations.duration, 100, kinds=(*_NUMBER, "units"), mods=_DURATION_MODS,
         classes=("indefinite",), digits=True),
    Rule("each", sets.each, 90, kinds=("sets", "weekdays"), det="optional"),  # « chaque », « les mardis »
    Rule("season", seasons.season, 80, kinds=("seasons",), classes=("month_noun",), det="optional"),
    Rule("holiday", holidays.holiday, 70, kinds=("holidays",), det="optional"),
    Rule("vague_ref", refs.vague_ref, 60, kinds=("refs",)),
    Rule("start_mid_end", start_mid_end.start_mid_end, 50, mods=("start", "mid", "end"), det="optional"),
    Rule("per", sets.per, 40, kinds=("units",)),
    Rule("frequency_word", sets.frequency_word, 30, kinds=("sets",)),
    Rule("ranked_period", ordinals.ranked_period, 20, kinds=_ORDINAL, digits=True, det="optional"),
    Rule("ranked_weekdays", ordinals.ranked_weekdays, 18, kinds=_ORDINAL, digits=True, det="required"),
    Rule("year_part", ordinals.year_part, 15, kinds=_ORDINAL, digits=True, det="optional"),
    Rule("week_of", ordinals.week_of, 10, kinds=("units",), det="required"),
    Rule("early_late", extents.early_late, 5, classes=("early_late",)),
), key=lambda r: -r.priority))


class _Masks:
    """Bit masks of the rules that declare each kind, modifier value, class, digits and Roman ordinals."""

    def __init__(self, rules: list[tuple[int, Rule]]) -> None:
        self.kinds: dict[str, int] = {}
        self.mods: dict[str, int] = {}
        self.classes: dict[str, int] = {}
        self.digits = self.roman = 0
        for n, rule in rules:
            bit = 1 << n
            for kind in rule.kinds:
                self.kinds[kind] = self.kinds.get(kind, 0) | bit
            for value in rule.mods:
                self.mods[value] = self.mods.get(value, 0) | bit
            for word_class in rule.classes:
                self.classes[word_class] = self.classes.get(word_class, 0) | bit
            if rule.digits:
                self.digits |= bit
            if rule.roman:
                self.roman |= bit
        self.class_names = frozenset(self.classes)

    def of(self, entries: dict[str, tuple[str, frozenset[str]]], classes: frozenset[str], decimal: bool,
           roman: bool) -> int:
        """The rules whose declaration an item meets, from its lexicon ``entries`` and ``classes``
        (``decimal``/``roman``: what its text is)."""
        mask = 0
        kinds = self.kinds
        for kind in entries:
            mask |= kinds.get(kind, 0)
        mod = entries.get("modifiers")
        if mod is not None:
            mask |= self.mods.get(mod[0], 0)
        if classes and not self.class_names.isdisjoint(classes):
            for word_class in self.class_names.intersection(classes):
                mask |= self.classes[word_class]
        if decimal:
            mask |= self.digits
        if roman:
            mask |= self.roman
        return mask


class Dispatch:
    """The rules to try at an item, from what the item is (first-item dispatch, see :class:`Rule`).

    Each rule is a bit. ``at`` holds the masks of the declarations met by item ``i`` itself, ``after``
    those met by item ``i + 1`` after a determiner at ``i``; the rules of a mask are listed once, in the
    order of ``rules``.
    """

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        self.everywhere = sum(1 << n for n, r in enumerate(rules) if r.everywhere)
        self.at = _Masks([(n, r) for n, r in enumerate(rules) if not r.everywhere and r.det != "required"])
        self.after = _Masks([(n, r) for n, r in enumerate(rules) if not r.everywhere and r.det is not None])
        self._tables: dict[int, tuple[Rule, ...]] = {}

    def rules_at(self, g: Reader, i: int, decimal: bool, roman: bool) -> tuple[Rule, ...]:
        """The rules to try at item ``i`` (``decimal``/``roman``: its text is digits / a Roman ordinal)."""
        items = g.items
        entries = items.entries[i]
        mask = self.everywhere | self.at.of(entries, items.classes[i], decimal, roman)
        mod = entries.get("modifiers")
        if mod is not None and mod[0] in DETERMINERS and i + 1 < g.n:
            text = items.text[i + 1]
            mask |= self.after.of(items.entries[i + 1], items.classes[i + 1], text.isdecimal(),
                                  ROMAN.match(text) is not None)
        table = self._tables.get(mask)
        if table is None:
            table = self._tables[mask] = tuple(r for n, r in enumerate(self.rules) if mask >> n & 1)
        return table


_DISPATCH: dict[tuple[Rule, ...], Dispatch] = {}


def dispatch_of(rules: tuple[Rule, ...]) -> Dispatch:
    """The :class:`Dispatch` of ``rules``, built once per rule tuple."""
    found = _DISPATCH.get(rules)
    if found is None:
        found = _DISPATCH[rules] = Dispatch(rules)
    return found


class Grammar:
    """Runs :data:`RULES` over the items of a doc, left to right, without overlaps."""

    def __init__(self, reader: Reader, rules: tuple[Rule, ...] = RULES) -> None:
        self.g = reader
        self.rules = rules
        self.dispatch = dispatch_of(rules)

    def candidates(self) -> list[Candidate]:
        g = self.g
        items = g.items
        texts = items.text
        rules_at = self.dispatch.rules_at
        roman_match = ROMAN.match
        out: list[Candidate] = []
        # every rule starts on a lexicon word, digits or a Roman ordinal (« xixe »: its first letter is
        # one of ROMAN_LETTERS): the other items are never visited
        starts = [i for i, (text, entries) in enumerate(zip(texts, items.entries))
                  if entries or text.isdecimal() or (text[0] in ROMAN_LETTERS and roman_match(text))]
        done = 0  # the items before are read (inside a match, or no rule starts there)
        for i in starts:
            if i < done:
                continue
            text = texts[i]
            decimal = text.isdecimal()
            roman = roman_match(text) is not None
            best: Match | None = None
            # only the rules that can start on this item (first-item dispatch, see Rule), highest
            # priority first: a later rule must be strictly longer
            for rule in rules_at(g, i, decimal, roman):
                m = rule.read(g, i)
                if m is not None and m[0] > i and (best is None or m[0] > best[0]):
                    best = m
            if best is None:
                continue
            end, frame = best
            if frame.kind == "none":  # the words of a name (« rue du 4-Septembre »): no date
                done = end
                continue
            # Clean span: never end on punctuation or a hyphen.
            while end - 1 > i and not texts[end - 1][0].isalnum():
                end -= 1
            done = end
            signal = g.signal(i)
            if signal == "approx_signal" and frame.mod is None and frame.kind in ("time", "date", "duration"):
                frame = replace(frame, mod="APPROX")
            out.append(Candidate(i, end, items.start[i], items.end[end - 1], frame, signal, items.tok[i]))
        return link_ranges(g, out)


def detect(doc: Doc, lexicon: Lexicon, sentences: Sentences | None = None) -> list[Candidate]:
    """All candidate expressions of the doc, left to right, non-overlapping."""
    sentences = sentences if sentences is not None else Sentences.of(doc)
    reader = Reader(doc, build_items(doc, lexicon), sentences, lexicon)
    return Grammar(reader).candidates()


__all__ = ["RULES", "Dispatch", "Grammar", "Rule", "detect", "dispatch_of"]
