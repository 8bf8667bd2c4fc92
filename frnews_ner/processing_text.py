"""The text the pipeline processes, and the exact way back to offsets in the caller's string.

Three things a scraper hands us would otherwise break matching or crash the pipeline; each is
repaired in a copy used for processing only, never in the caller's string:

- lone surrogates (``"\\ud800"`` from an escaped JSON string, half an emoji) cannot be encoded:
  each becomes one space (a U+FFFD would be read as part of a neighbouring name), so the length —
  and every offset — is unchanged;
- a run of more than :data:`DIGIT_RUN_LIMIT` digits (no date, no name) would exceed Python's
  int-string limit in the date grammar: each of its digits becomes ``x``, same length again;
- NFD-decomposed text (accents as combining marks, as some Mac tools write it) finds no dates and
  fewer names: it is composed to NFC, and an offset map brings every offset back to the original.

>>> pt = ProcessingText.of("e\\u0301te\\u0301 a\\u0300 Lyon")
>>> pt.text
'été à Lyon'
>>> pt.to_original(6, 10), pt.original[9:13]
((9, 13), 'Lyon')
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

#: Longer runs of digits are masked for processing (Python refuses int() of 4,300+ digits).
DIGIT_RUN_LIMIT = 1_000
_LONG_DIGIT_RUN = re.compile(r"\d{%d,}" % (DIGIT_RUN_LIMIT + 1))
_SURROGATE = re.compile("[\ud800-\udfff]")
_PLACEHOLDER = " "  # a space: it joins no name and starts none


@dataclass(frozen=True)
class ProcessingText:
    """``text`` is what the pipeline sees; :meth:`to_original` maps its offsets into ``original``.

    ``starts`` / ``original_starts`` are the starts of the pieces whose length changed under NFC
    (empty when nothing was composed: offsets are then the same in both strings).
    """

    original: str
    text: str
    starts: tuple[int, ...] = ()
    original_starts: tuple[int, ...] = ()
    lengths: tuple[tuple[int, int], ...] = ()

    @classmethod
    def of(cls, original: str) -> ProcessingText:
        text = original
        if _SURROGATE.search(text):
            text = _SURROGATE.sub(_PLACEHOLDER, text)
        if _LONG_DIGIT_RUN.search(text):
            text = _LONG_DIGIT_RUN.sub(lambda m: "x" * len(m.group()), text)
        if unicodedata.is_normalized("NFC", text):
            return cls(original, text)
        return _composed(original, text)

    @property
    def identity(self) -> bool:
        return not self.starts

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Offsets ``[start, end)`` of :attr:`text` → offsets in :attr:`original`.

        A boundary inside a composed piece (never a token boundary in practice) widens to the
        whole piece, so the span still covers what it found.
        """
        if self.identity:
            return start, end
        return self._map(start, at_end=False), self._map(end, at_end=True)

    def _map(self, position: int, *, at_end: bool) -> int:
        # the last changed piece starting at or before position
        k = bisect.bisect_right(self.starts, position) - 1
        if k < 0:
            return position
        start, original_start = self.starts[k], self.original_starts[k]
        length, original_length = self.lengths[k]
        if position >= start + length:  # after that piece: shift by what all pieces up to it changed
            return position + (original_start + original_length) - (start + length)
        if position == start:
            return original_start
        return original_start + original_length if at_end else original_start


def _composed(original: str, text: str) -> ProcessingText:
    """NFC of ``text`` with the map of every piece (a starter and its combining marks) that changed.

    The map is exact by construction: pieces are composed one by one, and the result is checked
    against NFC of the whole text; in the rare scripts where composition crosses pieces (Hangul
    jamo), the text is processed as it is.
    """
    out: list[str] = []
    starts: list[int] = []
    original_starts: list[int] = []
    lengths: list[tuple[int, int]] = []
    position = 0
    piece_start = 0
    for i in range(1, len(text) + 1):
        if i < len(text) and unicodedata.combining(text[i]):
            continue
        piece = text[piece_start:i]
        composed = unicodedata.normalize("NFC", piece)
        if len(composed) != len(piece):
            starts.append(position)
            original_starts.append(piece_start)
            lengths.append((len(composed), len(piece)))
        out.append(composed)
        position += len(composed)
        piece_start = i
    joined = "".join(out)
    if joined != unicodedata.normalize("NFC", text):
        return ProcessingText(original, text)
    return ProcessingText(original, joined, tuple(starts), tuple(original_starts), tuple(lengths))
