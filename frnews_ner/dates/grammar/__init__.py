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

from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from ...sentences import Sentences
from ..items import build_items
from ..lexicon import Lexicon
from ..models import Candidate, Match
from . import (absolute, clock, decades, durations, extents, holidays, last_next, names, ordinals, parts_of_day,
               refs,
               relative_days, seasons, sets, start_mid_end, weekdays)
from .decades import ROMAN
from .ranges import link_ranges
from .reader import Reader

RuleFunction = Callable[[Reader, int], "Match | None"]


@dataclass(frozen=True)
class Rule:
    """A grammar rule of a family; ``priority`` breaks ties between matches of the same length."""

    name: str
    read: RuleFunction
    priority: int


#: Every rule, highest priority first.
RULES: tuple[Rule, ...] = tuple(sorted((
    Rule("in_name", names.in_name, 250),
    Rule("apposition", extents.apposition, 240),
    Rule("numeric_date", absolute.numeric_date, 230),
    Rule("day_month", absolute.daymonth, 220),
    Rule("month", absolute.month, 210),
    Rule("year", absolute.year, 200),
    Rule("decade", decades.decade, 190),
    Rule("century", decades.century, 180),
    Rule("millennium", decades.millennium, 175),
    Rule("short_year", decades.short_year, 172),
    Rule("weekday", weekdays.weekday, 170),
    Rule("nowadays", refs.nowadays, 165),
    Rule("relative_day", relative_days.relative_day, 160),
    Rule("unit_relative", last_next.unit_relative, 150),
    Rule("last_n", last_next.last_n, 140),
    Rule("part_of_day", parts_of_day.part_of_day, 130),
    Rule("clock", clock.clock, 120),
    Rule("approx_clock", clock.approx_clock, 110),
    Rule("duration", durations.duration, 100),
    Rule("each", sets.each, 90),
    Rule("season", seasons.season, 80),
    Rule("holiday", holidays.holiday, 70),
    Rule("vague_ref", refs.vague_ref, 60),
    Rule("start_mid_end", start_mid_end.start_mid_end, 50),
    Rule("per", sets.per, 40),
    Rule("frequency_word", sets.frequency_word, 30),
    Rule("ranked_period", ordinals.ranked_period, 20),
    Rule("year_part", ordinals.year_part, 15),
    Rule("week_of", ordinals.week_of, 10),
    Rule("early_late", extents.early_late, 5),
), key=lambda r: -r.priority))


class Grammar:
    """Runs :data:`RULES` over the items of a doc, left to right, without overlaps."""

    def __init__(self, reader: Reader, rules: tuple[Rule, ...] = RULES) -> None:
        self.g = reader
        self.rules = rules

    def candidates(self) -> list[Candidate]:
        g = self.g
        out: list[Candidate] = []
        i = 0
        while i < g.n:
            item = g.items[i]
            if not item.entries and not item.text.isdecimal() and not ROMAN.match(item.text):
                # every rule starts on a lexicon word, digits or a Roman ordinal: skip the rest cheaply
                i += 1
                continue
            best: Match | None = None
            for rule in self.rules:  # highest priority first: a later rule must be strictly longer
                m = rule.read(g, i)
                if m is not None and m[0] > i and (best is None or m[0] > best[0]):
                    best = m
            if best is None:
                i += 1
                continue
            end, frame = best
            if frame.kind == "none":  # the words of a name (« rue du 4-Septembre »): no date
                i = end
                continue
            # Clean span: never end on punctuation or a hyphen.
            while end - 1 > i and not g.items[end - 1].text[0].isalnum():
                end -= 1
            signal = g.signal(i)
            if signal == "approx_signal" and frame.mod is None and frame.kind in ("time", "date", "duration"):
                frame = replace(frame, mod="APPROX")
            out.append(Candidate(i, end, g.items[i].start, g.items[end - 1].end, frame, signal, item.tok))
            i = end
        return link_ranges(g, out)


def detect(doc: Doc, lexicon: Lexicon, sentences: Sentences | None = None) -> list[Candidate]:
    """All candidate expressions of the doc, left to right, non-overlapping."""
    sentences = sentences if sentences is not None else Sentences.of(doc)
    reader = Reader(doc, build_items(doc, lexicon), sentences, lexicon)
    return Grammar(reader).candidates()


__all__ = ["RULES", "Grammar", "Rule", "detect"]
