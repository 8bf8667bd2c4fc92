"""The French temporal lexicon: words of the data files mapped onto a small neutral vocabulary.

The idea is dateparser's data layout: the grammar only knows neutral keys (``month=12``,
``unit=W``, ``modifier=last``), every French word lives in a TSV file of
``frnews_ner/data/dates/`` and users add their own words in ``<rules dir>/dates/<kind>.tsv``.

>>> lex = Lexicon.load()
>>> lex.lookup(("août",))
(('months', '8', frozenset()),)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..rules import Problems, files_named, read_table
from ..text import fold, lower_keep_length

#: Splits text into the pieces the grammar works on: runs of letters, runs of digits, single
#: other characters. Lexicon words are split the same way, so « aujourd'hui », « aujourd’hui »
#: and tokenisations that glue « 14h30 » or « mi-janvier » into one spaCy token all match.
PIECE_RE = re.compile(r"\d+|[^\W\d_]+|[^\w\s]", re.UNICODE)


def split_pieces(text: str) -> tuple[str, ...]:
    """« Aujourd’hui » → ``("aujourd", "'", "hui")``."""
    return tuple(PIECE_RE.findall(lower_keep_length(text)))


_INT = re.compile(r"^[+-]?\d+$")
_UNIT = re.compile(r"^(\d+)?(Y|M|W|D|H|MIN|S|WE|Q|DE|CE)$")
#: The three forms of a holiday code of ``holidays.tsv`` (read here, computed by the resolver): a
#: fixed ``MM-DD``; ``E±N`` days from Easter Sunday; ``MM-W#N[±K]``, the N-th (-1: last) ISO weekday
#: W of month MM, plus K days (« 11-4#4+1 »).
HOLIDAY_FIXED = re.compile(r"^(\d\d)-(\d\d)$")
HOLIDAY_EASTER = re.compile(r"^E[+-]\d+$")
HOLIDAY_NTH = re.compile(r"^(\d\d)-([1-7])#(-1|[1-5])([+-]\d+)?$")
_CLOCK = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_FREQ = re.compile(r"^P\d+(Y|M|W|D)$")

MODIFIERS = frozenset({
    "last", "next", "this", "prev_last", "prev_next", "start", "mid", "end", "approx", "more", "less",
    "equal_or_more", "equal_or_less", "approx_signal", "det", "this_det", "ago", "in", "since", "by", "after", "before",
    "whole",
})


#: The neutral classes of function words (``words.tsv``) the grammar asks about; each is described
#: in the data file.
WORD_CLASSES = frozenset({
    "after", "age_head", "agency", "aller_present", "and", "approx_clock_prep", "at", "at_the", "avoir_aux",
    "avoir_present", "before", "dating_back_verb", "day_for_day", "etre_verb_participle", "century_noun", "century_suffix", "clock_blocker", "day_clock_link",
    "day_noun", "day_range_link", "decade_noun", "duration_head", "duration_prep", "during", "etre_present",
    "event_part_of_day", "feminine_article", "first_suffix", "fortnight_noun", "half", "here", "hour_noun",
    "hour_sign", "in_prep", "indefinite_masculine", "joins_with_and", "letter_clock_prep", "like",
    "local_adjective", "masculine_article", "minus", "minute_noun", "month_noun", "not_a_particular_day",
    "number_sign", "of", "of_elided", "of_the", "of_the_plural", "one_week_on", "ordinal_suffix",
    "part_not_after_en", "plural_article", "plural_det", "quantity_sign", "quarter", "range_to", "reflexive",
    "same", "season_homograph", "season_opener", "second_sign", "signal_adverb", "there", "this_masculine", "time_prep", "two_weeks_on",
    "vague_quantity", "week_noun", "where", "within", "year_follower", "year_noun", "zone_adjective",
    # issue 10, family 1: vague references and « aujourd'hui » read as nowadays
    "from_verb", "nowadays", "stative", "still", "that_conj",
    # clock times told with « il est » (« il est 10 heures »)
    "impersonal_il", "telling_time_verb",
    # family 2: the direction of a bare date from the sense of its clause (dates/sense.py)
    # family 8: names that hold a date word
    "name_head", "naming_verb", "street_noun",
    # family 7: extents
    "early_late", "indefinite",
    # family 6: ranges and sentences
    "range_from", "sentence_verb",
    # family 4: millennia and two-digit years
    "achievement", "event_name", "millennium_noun", "vintage_noun",
    "already", "clitic_se", "deadline", "modal", "past_head", "planned_event", "schedule", "unplanned_event",
    # spellings without accents: words that keep a date word's accented entry from their bare form
    "needs_its_accent",
    # third persons singular that the present and the passé simple share (« réunit », « choisit »)
    "present_or_simple_past",
    # « uniquement le mercredi », « sauf le dimanche »: a weekday restricted is every one of them
    "restriction",
    # « la semaine qui vient », « les jours qui suivent »: a relative clause that says the direction
    "relative_qui", "coming_verb", "following_verb", "preceding_verb",
    # « à ce moment-là »: the moment named before
    "moment_noun",
    # « la nouvelle année »: the year beginning nearest to the publication
    "new_adjective",
    # « en pensant à l'avenir »: after a verb that governs « à », « l'avenir » is its complement (a topic)
    "a_complement_verb", "governed_ref",
})
#: The classes only the lexicon reads, while it is built (:func:`_unaccented`), never the grammar.
LEXICON_CLASSES = frozenset({"needs_its_accent"})


def _int_in(lo: int, hi: int, what: str) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        if not _INT.match(value) or not lo <= int(value) <= hi:
            return f"expected {what} ({lo}-{hi}), got {value!r}"
        return None
    return check


def _check_number(value: str) -> str | None:
    if value == "X" or (value.isdecimal()):
        return None
    return f"expected a non-negative integer or X (vague quantity), got {value!r}"


def _check_ordinal(value: str) -> str | None:
    if value == "-1" or (value.isdecimal() and int(value) >= 1):
        return None
    return f"expected a positive integer or -1 (last), got {value!r}"


def _check_unit(value: str) -> str | None:
    return None if _UNIT.match(value) else (
        f"expected a unit code Y, M, W, D, H, MIN, S, WE, Q, DE or CE, optionally after a multiplier "
        f"(5Y), got {value!r}")


def _check_part(value: str) -> str | None:
    if value in {"MO", "AF", "EV", "NI", "DT"} or _CLOCK.match(value):
        return None
    return f"expected MO, AF, EV, NI, DT or a clock time HH:MM, got {value!r}"


def _check_relday(value: str) -> str | None:
    body = value[1:] if value.startswith("^") else value
    return None if _INT.match(body) else (
        f"expected a day offset such as -1, +2 or ^-1 (from the previous date), got {value!r}")


def _check_holiday(value: str) -> str | None:
    m = HOLIDAY_FIXED.match(value)
    if m and 1 <= int(m.group(1)) <= 12 and 1 <= int(m.group(2)) <= 31:
        return None
    if HOLIDAY_EASTER.match(value):
        return None
    m = HOLIDAY_NTH.match(value)
    if m and 1 <= int(m.group(1)) <= 12:
        return None
    return (f"expected a fixed date MM-DD, an Easter offset E+N / E-N or the N-th weekday of a month "
            f"MM-W#N (11-4#4: the fourth Thursday of November; #-1 the last; +1 a day after), got {value!r}")


def _check_choice(choices: Iterable[str]) -> Callable[[str], str | None]:
    allowed = tuple(sorted(choices))

    def check(value: str) -> str | None:
        return None if value in allowed else f"expected one of {', '.join(allowed)}, got {value!r}"
    return check


def _check_set(value: str) -> str | None:
    return None if value in {"each", "per"} or _FREQ.match(value) else (
        f"expected each, per or a frequency such as P1D, got {value!r}")


#: Every kind of data file, with the check of its value column. A user file must have one of
#: these names (``<kind>.tsv``).
KINDS: dict[str, Callable[[str], str | None]] = {
    "months": _int_in(1, 12, "a month number"),
    "weekdays": _int_in(1, 7, "an ISO weekday number"),
    "numbers": _check_number,
    "ordinals": _check_ordinal,
    "units": _check_unit,
    "parts_of_day": _check_part,
    "relative_days": _check_relday,
    "holidays": _check_holiday,
    "seasons": _check_choice({"SP", "SU", "FA", "WI"}),
    "modifiers": _check_choice(MODIFIERS),
    "sets": _check_set,
    "refs": _check_choice({"PRESENT_REF", "PAST_REF", "FUTURE_REF"}),
    "zones": _check_choice({"UTC", "LOCAL"}),
    "words": _check_choice(WORD_CLASSES),
}
#: Kinds whose words may hold several values (a function word in several classes).
MULTI_VALUED = frozenset({"words"})
FLAGS = frozenset({"abbr", "approx"})
REMOVE = "-"

Entry = tuple[str, str, frozenset[str]]  # (kind, value, flags)
Words = tuple[str, ...]  # the pieces of a word or phrase


def _read_kind(path: Path, kind: str, problems: Problems) -> list[tuple[int, Words, str, frozenset[str]]]:
    """The lines of one ``<kind>.tsv`` as (line, pieces, value, flags); ``-`` values are kept (removals)."""
    check = KINDS[kind]
    out: list[tuple[int, Words, str, frozenset[str]]] = []
    seen: dict[Words, str] = {}
    for line, row in read_table(path, problems, ("word", "value", "flags"), header=False, required=("word", "value")):
        word, value = row["word"], row["value"]
        flags = frozenset(f.strip() for f in row["flags"].split(",") if f.strip())
        pieces = split_pieces(word)
        if not pieces:
            problems.add(path, line, f"expected a word in column 1, found {word!r}")
            continue
        checked = value[1:] if kind in MULTI_VALUED and value.startswith(REMOVE) and value != REMOVE else value
        if checked != REMOVE and (message := check(checked)):
            problems.add(path, line, f"{kind}: {message}")
            continue
        bad = sorted(flags - FLAGS)
        if bad:
            problems.add(path, line, f"expected flags among {', '.join(sorted(FLAGS))}, found {', '.join(bad)}")
            continue
        if kind not in MULTI_VALUED:
            if pieces in seen and seen[pieces] != value:
                problems.add(path, line, f"expected each word once, found {word!r} again with value {value!r} "
                                         f"(first value {seen[pieces]!r})")
                continue
            seen[pieces] = value
        out.append((line, pieces, value, flags))
    return out


def _unaccented(entries: dict[Words, tuple[Entry, ...]], classes: dict[Words, set[str]]
                ) -> tuple[dict[Words, tuple[Entry, ...]], dict[Words, set[str]]]:
    """The date words written without their accents (« fevrier », « annee », « apres-demain », « ete »,
    and « FEVRIER » in capitals, where French print often drops them) → the entries of the accented
    word. Not where the bare spelling is a word of its own in the lexicon: « des » stays an article,
    never « dès »; « passe » (the verb, listed under ``needs_its_accent``) never « passé » (last).
    Only date words (months, units, ordinals…) and their classes, not the other function words
    (« prévu » stays a class of its own). Returns the bare forms' entries and their classes."""
    out: dict[Words, list[Entry]] = {}
    bare_classes: dict[Words, set[str]] = {}
    for pieces, found in entries.items():
        bare = tuple(fold(p) for p in pieces)
        # a bare spelling that is a word of its own (« des », or listed as ``needs_its_accent``) stays itself
        if bare != pieces and bare not in entries and bare not in classes:
            listed = out.setdefault(bare, [])
            listed.extend(e for e in found if e not in listed)
            if pieces in classes:  # a date word's classes come with it (« siècle »: a unit and a century noun)
                bare_classes.setdefault(bare, set()).update(classes[pieces])
    return {k: tuple(v) for k, v in out.items()}, bare_classes


@dataclass(frozen=True)
class Lexicon:
    """All temporal words, indexed by their pieces.

    « mi-janvier » is read as the pieces ``mi``, ``-``, ``janvier``: ``mi`` is a modifier (``mid``)
    and ``janvier`` a month (``1``).
    """

    entries: dict[Words, tuple[Entry, ...]] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    #: longest phrase starting with each first piece: most pieces of a text start none
    longest_from: dict[str, int] = field(default_factory=dict)
    #: function-word classes of ``words.tsv`` by pieces (``("de",)`` → ``{"of", "time_prep", …}``)
    classes: dict[Words, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, extra_dirs: Sequence[str | Path] = ()) -> Lexicon:
        """Shipped files overlaid by ``<dir>/dates/<kind>.tsv`` of each user rules directory.

        A user line adds a word or replaces its value; the value ``-`` removes a shipped word (in
        ``words.tsv``, ``-class`` takes it out of one class). Raises
        :class:`frnews_ner.errors.RuleError` listing every problem of the files.
        """
        from ..rules import load_rules

        return load_rules(extra_dirs, parts=("dates",)).lexicon

    @classmethod
    def read(cls, dirs: Sequence[Path], problems: Problems) -> Lexicon:
        """Every ``dates/<kind>.tsv`` of ``dirs`` (shipped first), problems noted."""
        values: dict[str, dict[Words, tuple[str, frozenset[str]]]] = {k: {} for k in KINDS if k not in MULTI_VALUED}
        classes: dict[Words, set[str]] = {}
        where: dict[Words, tuple[Path, int]] = {}
        sources: list[str] = []
        for kind in KINDS:
            for path in files_named(dirs, f"dates/{kind}.tsv"):
                sources.append(str(path))
                for line, pieces, value, flags in _read_kind(path, kind, problems):
                    if kind in MULTI_VALUED:
                        where.setdefault(pieces, (path, line))
                        if value == REMOVE:
                            classes.pop(pieces, None)
                        elif value.startswith(REMOVE):
                            classes.get(pieces, set()).discard(value[1:])
                        else:
                            classes.setdefault(pieces, set()).add(value)
                    elif value == REMOVE:
                        values[kind].pop(pieces, None)
                    else:
                        values[kind][pieces] = (value, flags)
        index: dict[Words, list[Entry]] = {}
        for kind, table in values.items():
            for pieces, (value, flags) in table.items():
                index.setdefault(pieces, []).append((kind, value, flags))
        frozen = {k: tuple(v) for k, v in index.items()}
        for pieces in classes:
            # several words (« de nombreux ») are one item only where they are a phrase of another
            # kind; a word with a sign (« s' ») is still one spaCy token, which the tense reader reads
            if len(pieces) > 1 and all(p.isalnum() for p in pieces) and pieces not in frozen:
                path, line = where[pieces]
                problems.add(path, line, f"expected a word of one piece or a phrase of another date kind, "
                                         f"found {''.join(pieces)!r}, which can never match")
        bare_entries, bare_classes = _unaccented(frozen, classes)
        frozen.update(bare_entries)
        classes.update(bare_classes)
        longest: dict[str, int] = {}
        for key in frozen:
            longest[key[0]] = max(longest.get(key[0], 0), len(key))
        return cls(frozen, tuple(sources), longest,
                   {k: frozenset(v) for k, v in classes.items() if v})

    @cached_property
    def single_pieces(self) -> dict[str, tuple[dict[str, tuple[str, frozenset[str]]], frozenset[str]]]:
        """Each word of one piece the lexicon knows → its entries by kind (``{"months": ("8", …)}``) and
        its classes, as the grammar's items hold them (built once per lexicon; read only)."""
        words = {k[0] for k in self.entries if len(k) == 1} | {k[0] for k in self.classes if len(k) == 1}
        return {w: ({kind: (value, flags) for kind, value, flags in self.lookup((w,))}, self.classes_of((w,)))
                for w in words}

    @cached_property
    def phrase_seconds(self) -> dict[str, frozenset[str]]:
        """The first piece of each phrase of several pieces → the pieces that can follow it in one
        (« il » → {« y »}): where the next piece is none of them, no phrase starts."""
        seconds: dict[str, set[str]] = {}
        for key in self.entries:
            if len(key) > 1:
                seconds.setdefault(key[0], set()).add(key[1])
        return {first: frozenset(v) for first, v in seconds.items()}

    def lookup(self, pieces: Words) -> tuple[Entry, ...]:
        """Every (kind, value, flags) the lower-cased pieces have in the lexicon."""
        return self.entries.get(pieces, ())

    def classes_of(self, pieces: Words) -> frozenset[str]:
        """The function-word classes of the lower-cased pieces (empty when none)."""
        return self.classes.get(pieces, frozenset())

    def members(self, word_class: str) -> tuple[str, ...]:
        """The words of a class, as written pieces joined (« afp », « reuters » for ``agency``)."""
        return tuple(sorted("".join(k) for k, v in self.classes.items() if word_class in v))
