"""Evaluation and benchmark harness: gold readers, scorers, anchors, date specs, speed.

Score your own gold data the way the README numbers were made:

>>> from frnews_ner.evaluation import read_brat, score_ner, extractor_system, ner_spans
>>> gold = read_brat("mes_articles/")  # doctest: +SKIP
>>> from frnews_ner import Extractor  # doctest: +SKIP
>>> preds = extractor_system(Extractor(), ner_spans)(gold)  # doctest: +SKIP
>>> print(score_ner(gold, preds).micro.f1)  # doctest: +SKIP

Importing this package loads no model; the command line is ``frnews-ner evaluate …`` and
``frnews-ner bench`` (see :mod:`frnews_ner.evaluation.cli`).
"""

from .readers import (
    GoldDocument,
    Span,
    read_brat,
    read_conll,
    read_hipe,
    read_ner,
    read_span_jsonl,
    read_timeml,
)
from .scoring import (
    PRF,
    DateScore,
    LinkingScore,
    NerScore,
    needs_anchor,
    normalize_value,
    score_dates,
    score_linking,
    score_ner,
    value_matches,
)
from .specs import load_duckling, load_recognizers, score_specs
from .systems import date_spans, extractor_system, link_spans, ner_spans

__all__ = [
    "DateScore",
    "GoldDocument",
    "LinkingScore",
    "NerScore",
    "PRF",
    "Span",
    "date_spans",
    "extractor_system",
    "link_spans",
    "load_duckling",
    "load_recognizers",
    "needs_anchor",
    "ner_spans",
    "normalize_value",
    "read_brat",
    "read_conll",
    "read_hipe",
    "read_ner",
    "read_span_jsonl",
    "read_timeml",
    "score_dates",
    "score_linking",
    "score_ner",
    "score_specs",
    "value_matches",
]
