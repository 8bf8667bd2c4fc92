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
from typing import cast

import numpy
from spacy.tokens import Doc

from ..text import lower_keep_length
from .lexicon import PIECE_RE, Lexicon
from .models import Item

#: The entries and classes of a piece the lexicon does not know. Shared by every such item: nothing
#: writes to an item's entries or classes (the grammar only reads them).
_NO_ENTRIES: dict[str, tuple[str, frozenset[str]]] = {}
_NO_CLASSES: frozenset[str] = frozenset()


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
    phrases: list[tuple[int, int]] = []
    for i in [k for k, (w, nxt) in enumerate(zip(words, words[1:])) if w in seconds and nxt in seconds[w]]:
        if phrases and i < phrases[-1][0] + phrases[-1][1]:
            continue  # inside the phrase found before
        for size in range(min(longest_from[words[i]], n - i), 1, -1):
            if lookup(tuple(words[i:i + size])):
                phrases.append((i, size))
                break
    entries = [k[0] if k is not None else _NO_ENTRIES for k in known]
    classes = [k[1] if k is not None else _NO_CLASSES for k in known]
    if not phrases:
        return Items(starts, ends, words, entries, classes, space, toks, text, {})
    # the lists with each phrase's pieces as one item
    out_start: list[int] = []
    out_end: list[int] = []
    out_text: list[str] = []
    out_entries: list[dict[str, tuple[str, frozenset[str]]]] = []
    out_classes: list[frozenset[str]] = []
    out_space: list[bool] = []
    out_tok: list[int] = []
    keys: dict[int, tuple[str, ...]] = {}
    done = 0
    for first, size in phrases:
        out_start += starts[done:first]
        out_end += ends[done:first]
        out_text += words[done:first]
        out_entries += entries[done:first]
        out_classes += classes[done:first]
        out_space += space[done:first]
        out_tok += toks[done:first]
        key = tuple(words[first:first + size])
        s, e = starts[first], ends[first + size - 1]
        keys[len(out_text)] = key
        out_start.append(s)
        out_end.append(e)
        out_text.append(low[s:e])
        out_entries.append({k: (v, f) for k, v, f in lookup(key)})
        out_classes.append(lexicon.classes_of(key))
        out_space.append(space[first])
        out_tok.append(toks[first])
        done = first + size
    out_start += starts[done:]
    out_end += ends[done:]
    out_text += words[done:]
    out_entries += entries[done:]
    out_classes += classes[done:]
    out_space += space[done:]
    out_tok += toks[done:]
    return Items(out_start, out_end, out_text, out_entries, out_classes, out_space, out_tok, text, keys)
