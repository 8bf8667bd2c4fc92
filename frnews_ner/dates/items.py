"""Cutting a doc into the items the grammar reads: lexicon phrases, or single pieces of text.

Each spaCy token is cut into pieces (letters, digits, single signs: « 14h30 » → 14 · h · 30), and
pieces are grouped into the longest phrase of the :class:`~frnews_ner.dates.lexicon.Lexicon`
(« il y a », « aujourd'hui »), so a word matches however spaCy tokenised the text.
"""

from __future__ import annotations

from typing import cast

from spacy.tokens import Doc

from ..text import lower_keep_length
from .lexicon import PIECE_RE, Lexicon
from .models import Item


def _pieces(doc: Doc, low: str) -> tuple[list[int], list[int], list[int]]:
    """Start, end and token index of every piece of ``low`` (the lower-cased ``doc.text``), left to right.

    The pieces of the whole text are found in one pass, then cut where a token ends inside one
    (« 14h30 » stays 14 · h · 30, but letters glued across two tokens are two pieces): the pieces of
    each token, as if each token were read alone. Outside tokens there are only the spaces that
    follow them, which hold no piece.
    """
    # idx, length, idx, length…: one flat list, no list per row
    flat = cast(list[int], doc.to_array(["IDX", "LENGTH"]).ravel().tolist())
    starts: list[int] = []
    ends: list[int] = []
    toks: list[int] = []
    if not flat:
        return starts, ends, toks
    last = len(flat) // 2 - 1
    t = 0
    tok_start = flat[0]
    tok_end = tok_start + flat[1]
    for m in PIECE_RE.finditer(low):
        s, e = m.span()
        while s >= tok_end and t < last:
            t += 1
            tok_start = flat[2 * t]
            tok_end = tok_start + flat[2 * t + 1]
        if s < tok_start or s >= tok_end:
            raise ValueError("a piece of text outside every token")  # never with spaCy's docs (see above)
        while e > tok_end:  # the piece runs into the next token: cut it there
            starts.append(s)
            ends.append(tok_end)
            toks.append(t)
            s = tok_end
            if t == last:
                raise ValueError("a piece of text outside every token")
            t += 1
            tok_start = flat[2 * t]
            tok_end = tok_start + flat[2 * t + 1]
            if s != tok_start:
                raise ValueError("a piece of text outside every token")
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


def build_items(doc: Doc, lexicon: Lexicon, text: str | None = None) -> list[Item]:
    """The items of ``doc``, left to right, covering every piece once (``text``: ``doc.text`` when the
    caller has it already — Doc.text joins every token on each access)."""
    text = doc.text if text is None else text
    low = lower_keep_length(text)
    try:
        starts, ends, toks = _pieces(doc, low)
    except ValueError:
        starts, ends, toks = _pieces_by_token(doc, low)
    words = [low[s:e] for s, e in zip(starts, ends)]
    longest_from = lexicon.longest_from
    lookup = lexicon.lookup
    classes_of = lexicon.classes_of
    # a word alone: its key and classes, looked up once per distinct word of the doc
    singles: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {}
    items: list[Item] = []
    append = items.append
    i = 0
    n = len(words)
    prev_end = -1
    while i < n:
        w = words[i]
        s = starts[i]
        space = i == 0 or prev_end < s
        longest = longest_from.get(w, 0)
        if longest:
            length, entries = 1, {}
            for size in range(min(longest, n - i), 0, -1):
                matches = lookup(tuple(words[i:i + size]))
                if matches:
                    length, entries = size, {k: (v, f) for k, v, f in matches}
                    break
            if length > 1:
                key = tuple(words[i:i + length])
                e = ends[i + length - 1]
                append(Item(s, e, low[s:e], text[s:e], key, entries, classes_of(key), space, toks[i]))
                prev_end = e
                i += length
                continue
        else:
            entries = {}
        single = singles.get(w)
        if single is None:
            key = (w,)
            single = singles[w] = (key, classes_of(key))
        e = ends[i]
        append(Item(s, e, w, text[s:e], single[0], entries, single[1], space, toks[i]))
        prev_end = e
        i += 1
    return items
