"""Sentence boundaries as plain index arrays, computed once per doc.

``Token.sent`` walks the doc's sentences on every call; rules that ask « same sentence? » for many
tokens use these arrays instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class Sentences:
    """``start[i]``/``end[i]``: token bounds of the sentence of token ``i``; ``known`` is False
    when the doc has no sentence boundaries (``spacy.blank`` docs), then the doc is one sentence."""

    start: tuple[int, ...]
    end: tuple[int, ...]
    known: bool

    @classmethod
    def of(cls, doc: Doc) -> Sentences:
        n = len(doc)
        if not doc.has_annotation("SENT_START"):
            return cls((0,) * n, (n,) * n, False)
        starts: list[int] = []
        current = 0
        # SENT_START read in one call (1: starts a sentence, -1: does not, 0: unknown), not through a
        # Token per token; Token.is_sent_start is True exactly where it is 1
        for i, flag in enumerate(doc.to_array("SENT_START").tolist()):
            if flag == 1:
                current = i
            starts.append(current)
        ends = [n] * n
        bound = n
        for i in range(n - 1, -1, -1):
            ends[i] = bound
            if starts[i] == i:
                bound = i
        return cls(tuple(starts), tuple(ends), True)

    def same(self, a: int, b: int) -> bool:
        return self.start[a] == self.start[b]
