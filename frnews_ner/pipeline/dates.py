"""``frnews_dates``: writes the temporal expressions of a doc to ``doc._.frnews_dates``.

>>> import spacy
>>> nlp = spacy.blank("fr"); tagger = nlp.add_pipe("frnews_dates")  # doctest: +SKIP
>>> doc = nlp.make_doc("Il est arrivé hier soir."); doc._.frnews_published = "2024-12-15"  # doctest: +SKIP
>>> tagger(doc)._.frnews_dates[0].value  # doctest: +SKIP
'2024-12-14TEV'

The component is given its :class:`~frnews_ner.dates.lexicon.Lexicon`; the factory takes it from
the rule set of ``rules`` (shipped files overlaid by ``<rules dir>/dates/*.tsv``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..dates import find_time_expressions
from ..dates.lexicon import Lexicon
from ..dates.resolver import check_bare_dates
from ..rules import load_rules
from .extensions import DATES, ensure_extensions, published_of, published_time_of


class DateTagger:
    """Finds and normalises dates against the doc's publication date (see :func:`published_of`)."""

    def __init__(self, name: str = "frnews_dates", *, lexicon: Lexicon, bare_dates: str = "nearest") -> None:
        ensure_extensions()
        self.name = name
        self.lexicon = lexicon
        self.bare_dates = check_bare_dates(bare_dates)

    def __call__(self, doc: Doc) -> Doc:
        found = find_time_expressions(doc, published_of(doc), lexicon=self.lexicon,
                                      published_time=published_time_of(doc), bare_dates=self.bare_dates)
        doc._.set(DATES, tuple(found))
        # the same expressions as spaCy spans, labelled with their TIMEX3 type, in the same order
        spans = [doc.char_span(t.start, t.end, label=t.type, alignment_mode="expand") for t in found]
        doc.spans[DATES] = [s for s in spans if s is not None]
        return doc


@Language.factory("frnews_dates", default_config={"rules": [], "bare_dates": "nearest"},
                  requires=["token.pos", "token.morph", "token.is_sent_start"],
                  assigns=["doc._.frnews_dates", "doc.spans"])
def make_date_tagger(nlp: Language, name: str, rules: list[str], bare_dates: str = "nearest") -> DateTagger:
    """spaCy factory of :class:`DateTagger`: the lexicon of the shipped files and ``rules`` directories;
    ``bare_dates`` as in :func:`~frnews_ner.dates.finder.find_time_expressions`."""
    return DateTagger(name, lexicon=load_rules(rules, parts=("dates",)).lexicon, bare_dates=bare_dates)
