"""Sentence boundaries as plain index arrays, computed once per doc.

``Token.sent`` walks the doc's sentences on every call; rules that ask « same sentence? » for many
tokens use these arrays instead.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy
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
        # SENT_START read in one call (1: starts a sentence, -1: does not, 0: unknown), not through a
        # Token per token; Token.is_sent_start is True exactly where it is 1. Token 0 always starts one.
        flags = doc.to_array("SENT_START")
        index = numpy.arange(n)
        opening = flags == 1
        starts = numpy.maximum.accumulate(numpy.where(opening, index, 0))
        # the end of token i's sentence: the first token after i that opens one, else the doc's end
        bounds = numpy.append(numpy.flatnonzero(opening), n)
        ends = bounds[numpy.searchsorted(bounds, index, side="right")]
        return cls(tuple(starts.tolist()), tuple(ends.tolist()), True)

    def same(self, a: int, b: int) -> bool:
        return self.start[a] == self.start[b]
