"""French temporal expressions: exact spans in a spaCy Doc, TIMEX3 values against the publication date.

Layout (each module owns one step; see ``docs/architecture.md``):

- :mod:`~frnews_ner.dates.lexicon` — the French words of ``data/dates/*.tsv``, mapped onto a small
  neutral vocabulary (a month number, a unit code, a modifier, a function-word class);
- :mod:`~frnews_ner.dates.items` — a doc cut into pieces grouped into lexicon phrases;
- :mod:`~frnews_ner.dates.grammar` — one module per family of expressions, each rule turning items
  into a neutral :class:`~frnews_ner.dates.models.Frame` (no arithmetic);
- :mod:`~frnews_ner.dates.resolver` — all the arithmetic: a frame and its anchors → a TIMEX3 value;
- :mod:`~frnews_ner.dates.finder` — detection then resolution in text order, with the tense of each
  clause (:mod:`~frnews_ner.dates.tense`) and the article's dateline (:mod:`~frnews_ner.dates.dateline`).

>>> import spacy, datetime
>>> from frnews_ner.dates import find_time_expressions
>>> doc = spacy.blank("fr")("Le mois dernier, la récolte d'août dernier a déçu.")
>>> [(t.text, t.value) for t in find_time_expressions(doc, datetime.date(2024, 12, 15))]
[('Le mois dernier', '2024-11'), ('août dernier', '2024-08')]
"""

from __future__ import annotations

from .finder import find_time_expressions
from .lexicon import Lexicon

__all__ = ["Lexicon", "find_time_expressions"]
