"""Cutting a doc into the items the grammar reads: lexicon phrases, or single pieces of text.

Each spaCy token is cut into pieces (letters, digits, single signs: « 14h30 » → 14 · h · 30), and
pieces are grouped into the longest phrase of the :class:`~frnews_ner.dates.lexicon.Lexicon`
(« il y a », « aujourd'hui »), so a word matches however spaCy tokenised the text.

The items of a doc are held as :class:`Items`, one list per field: a doc has one item per piece of
text and almost none of them is a date word, so no object is built per item (``items[j]`` gives one,
an :class:`~frnews_ner.dates.models.Item`, for the rare reader that wants it).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from typing import TypeVar, cast

import numpy
from spacy.tokens import Doc

from ..text import lower_keep_length
from .lexicon import PIECE_RE, Entry, Lexicon
from .models import Item

#: The entries and classes of a piece the lexicon does not know. Shared by every such item: nothing
#: writes to an item's entries or classes (the grammar only reads them).
_NO_ENTRIES: dict[str, tuple[str, frozenset[str]]] = {}
_NO_CLASSES: frozenset[str] = frozenset()
_Field = TypeVar("_Field")


def _pieces(doc: Doc, low: str) -> tuple[list[int], list[int], list[int]]:
    """Start, end and token index of every piece of ``low`` (the lower-cased ``doc.text``), left to right.

    The pieces of the whole text are found in one pass, then cut where a token ends inside one
    (« 14h30 » stays 14 · h · 30, but letters glued across two tokens are two pieces): the pieces of
    each token, as if each token were read alone. Outside tokens there are only the spaces that
    follow them, which hold no piece.
    """
    spans = [m.span() for m in PIECE_RE.finditer(low)]
    if not spans or not len(doc):
        if spans:
            raise ValueError("a piece of text outside every token")
        return [], [], []
    bounds = doc.to_array(["IDX", "LENGTH"])
    tok_starts = bounds[:, 0]
    tok_ends = tok_starts + bounds[:, 1]
    at = numpy.array(spans, dtype=tok_starts.dtype)
    toks = numpy.searchsorted(tok_starts, at[:, 0], side="right") - 1
    if toks[0] < 0:
        raise ValueError("a piece of text outside every token")
    own_ends = tok_ends[toks]
    if bool((at[:, 0] >= own_ends).any()):
        raise ValueError("a piece of text outside every token")  # never with spaCy's docs (see above)
    if not bool((at[:, 1] > own_ends).any()):
        return (cast(list[int], at[:, 0].tolist()), cast(list[int], at[:, 1].tolist()),
                cast(list[int], toks.tolist()))
    return _cut_at_tokens(spans, cast(list[int], tok_starts.tolist()), cast(list[int], tok_ends.tolist()))


def _cut_at_tokens(spans: list[tuple[int, int]], tok_starts: list[int], tok_ends: list[int]
                   ) -> tuple[list[int], list[int], list[int]]:
    """:func:`_pieces` when some piece runs into the next token (letters or digits of two tokens
    written together): each such piece is cut where its token ends."""
    starts: list[int] = []
    ends: list[int] = []
    toks: list[int] = []
    last = len(tok_starts) - 1
    for s, e in spans:
        t = bisect_right(tok_starts, s) - 1
        while e > tok_ends[t]:
            starts.append(s)
            ends.append(tok_ends[t])
            toks.append(t)
            s = tok_ends[t]
            if t == last or tok_starts[t + 1] != s:
                raise ValueError("a piece of text outside every token")
            t += 1
        starts.append(s)
        ends.append(e)
        toks.append(t)
    return starts, ends, toks


def _pieces_by_token(doc: Doc, low: str) -> tuple[list[int], list[int], list[int]]:
    """:func:`_pieces` token by token (the reference; used if a doc's tokens do not cover its text)."""
    starts: list[int] = []
    ends: list[int] = []
    toks: list[int] = []
    for i, (start, length) in enumerate(doc.to_array(["IDX", "LENGTH"]).tolist()):
        for m in PIECE_RE.finditer(low, start, start + length):
            starts.append(m.start())
            ends.append(m.end())
            toks.append(i)
    return starts, ends, toks


class Items:
    """The items of a doc, left to right, one list per field of :class:`~frnews_ner.dates.models.Item`.

    ``text`` is the lower-cased surface, ``entries`` what the lexicon says of each item per kind,
    ``classes`` its function-word classes, ``space_before`` whether a space (or nothing: the first
    item) comes before it, ``tok`` the spaCy token holding its first piece. ``source`` is the text
    the offsets count in (``raw``: an item as written).
    """

    __slots__ = ("start", "end", "text", "entries", "classes", "space_before", "tok", "source", "_keys")

    def __init__(self, start: list[int], end: list[int], text: list[str],
                 entries: list[dict[str, tuple[str, frozenset[str]]]], classes: list[frozenset[str]],
                 space_before: list[bool], tok: list[int], source: str, keys: dict[int, tuple[str, ...]]) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.entries = entries
        self.classes = classes
        self.space_before = space_before
        self.tok = tok
        self.source = source
        #: the pieces of the items that group several (a lexicon phrase), by item
        self._keys = keys

    def __len__(self) -> int:
        return len(self.text)

    def raw(self, j: int) -> str:
        """Item ``j`` as written in the text."""
        return self.source[self.start[j]:self.end[j]]

    def key(self, j: int) -> tuple[str, ...]:
        """The lower-cased pieces of item ``j`` (``("il", "y", "a")``)."""
        return self._keys.get(j) or (self.text[j],)

    def __getitem__(self, j: int) -> Item:
        if not -len(self) <= j < len(self):
            raise IndexError(f"item {j} of {len(self)}")
        j %= len(self)
        return Item(self.start[j], self.end[j], self.text[j], self.raw(j), self.key(j), self.entries[j],
                    self.classes[j], self.space_before[j], self.tok[j])

    def __iter__(self) -> Iterator[Item]:
        return (self[j] for j in range(len(self)))


def build_items(doc: Doc, lexicon: Lexicon, text: str | None = None) -> Items:
    """The items of ``doc``, left to right, covering every piece once (``text``: ``doc.text`` when the
    caller has it already — Doc.text joins every token on each access)."""
    text = doc.text if text is None else text
    low = lower_keep_length(text)
    try:
        starts, ends, toks = _pieces(doc, low)
    except ValueError:
        starts, ends, toks = _pieces_by_token(doc, low)
    words = [low[s:e] for s, e in zip(starts, ends)]
    space = [True, *(a < b for a, b in zip(ends, starts[1:]))] if starts else []
    singles = lexicon.single_pieces
    known = [singles.get(w) for w in words]
    # the phrases of several pieces: only where a phrase starts with the piece (most pieces start none)
    longest_from = lexicon.longest_from
    seconds = lexicon.phrase_seconds
    lookup = lexicon.lookup
    n = len(words)
    phrases: list[tuple[int, int, tuple[Entry, ...]]] = []  # first piece, size, lexicon entries
    for i in [k for k, (w, nxt) in enumerate(zip(words, words[1:])) if w in seconds and nxt in seconds[w]]:
        if phrases and i < phrases[-1][0] + phrases[-1][1]:
            continue  # inside the phrase found before
        for size in range(min(longest_from[words[i]], n - i), 1, -1):
            found = lookup(tuple(words[i:i + size]))
            if found:
                phrases.append((i, size, found))
                break
    entries = [k[0] if k is not None else _NO_ENTRIES for k in known]
    classes = [k[1] if k is not None else _NO_CLASSES for k in known]
    # the same lists with each phrase's pieces as one item
    bounds = [(starts[first], ends[first + size - 1]) for first, size, _ in phrases]
    keys: dict[int, tuple[str, ...]] = {}
    merged_before = 0  # pieces of earlier phrases that are no item of their own
    for first, size, _ in phrases:
        keys[first - merged_before] = tuple(words[first:first + size])
        merged_before += size - 1

    def by_item(by_piece: list[_Field], of_phrases: list[_Field]) -> list[_Field]:
        """``by_piece`` with each phrase's pieces replaced by its value in ``of_phrases``."""
        out: list[_Field] = []
        done = 0
        for (first, size, _), value in zip(phrases, of_phrases):
            out += by_piece[done:first]
            out.append(value)
            done = first + size
        out += by_piece[done:]
        return out

    return Items(by_item(starts, [s for s, _ in bounds]), by_item(ends, [e for _, e in bounds]),
                 by_item(words, [low[s:e] for s, e in bounds]),
                 by_item(entries, [{k: (v, f) for k, v, f in found} for _, _, found in phrases]),
                 by_item(classes, [lexicon.classes_of(key) for key in keys.values()]),
                 by_item(space, [space[first] for first, _, _ in phrases]),
                 by_item(toks, [toks[first] for first, _, _ in phrases]), text, keys)
