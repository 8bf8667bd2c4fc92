"""Cutting a doc into the items the grammar reads: lexicon phrases, or single pieces of text.

Each spaCy token is cut into pieces (letters, digits, single signs: « 14h30 » → 14 · h · 30), and
pieces are grouped into the longest phrase of the :class:`~frnews_ner.dates.lexicon.Lexicon`
(« il y a », « aujourd'hui »), so a word matches however spaCy tokenised the text.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..text import lower_keep_length
from .lexicon import PIECE_RE, Lexicon
from .models import Item


def build_items(doc: Doc, lexicon: Lexicon, text: str | None = None) -> list[Item]:
    """The items of ``doc``, left to right, covering every piece once (``text``: ``doc.text`` when the
    caller has it already — Doc.text joins every token on each access)."""
    text = doc.text if text is None else text
    low = lower_keep_length(text)
    pieces: list[tuple[int, int, int]] = []  # start, end, token index
    # token offsets and lengths read in one call, not through a Token object per token
    for i, (start, length) in enumerate(doc.to_array(["IDX", "LENGTH"]).tolist()):
        for m in PIECE_RE.finditer(low, start, start + length):
            pieces.append((m.start(), m.end(), i))
    items: list[Item] = []
    words = [low[s:e] for s, e, _ in pieces]
    i = 0
    n = len(pieces)
    while i < n:
        length, entries = 1, {}
        for size in range(min(lexicon.longest_from.get(words[i], 0), n - i), 0, -1):
            matches = lexicon.lookup(tuple(words[i:i + size]))
            if matches:
                length, entries = size, {k: (v, f) for k, v, f in matches}
                break
        key = tuple(words[i:i + length])
        s, e = pieces[i][0], pieces[i + length - 1][1]
        space = i > 0 and pieces[i - 1][1] < s
        items.append(Item(s, e, low[s:e], text[s:e], key, entries, lexicon.classes_of(key), space or i == 0,
                          pieces[i][2]))
        i += length
    return items
