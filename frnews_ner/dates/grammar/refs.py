"""Vague references to the present, past or future: « actuellement », « naguère », « prochainement »
→ ``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF`` (``refs.tsv``)."""

from __future__ import annotations

from ..models import Frame, Match
from .reader import Reader


def vague_ref(g: Reader, i: int) -> Match | None:
    v = g.kind(i, "refs")
    if v is None:
        return None
    return i + 1, Frame("date", value=v, granularity=None)
