"""``frnews_dates``: writes the temporal expressions of a doc to ``doc._.frnews_dates``.

>>> import spacy, frnews_ner.pipeline.dates  # doctest: +SKIP
>>> nlp = spacy.blank("fr"); nlp.add_pipe("frnews_dates")  # doctest: +SKIP
>>> doc = nlp.make_doc("Il est arrivé hier soir."); doc._.frnews_published = "2024-12-15"  # doctest: +SKIP
>>> nlp.get_pipe("frnews_dates")(doc)._.frnews_dates[0]["value"]  # doctest: +SKIP
'2024-12-14TEV'

The lexicon is read once, when the component is created: shipped files overlaid by
``<rules dir>/dates/*.tsv`` of every directory given in ``rules``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from ..dates import find_time_expressions
from ..dates.lexicon import Lexicon
from ..rules import rule_dirs
from .extensions import DATES, PUBLISHED, ensure_extensions


class DateTagger:
    """Finds and normalises dates against ``doc._.frnews_published`` (ISO date string or ``None``)."""

    def __init__(self, nlp: Language, name: str = "frnews_dates", rules: Iterable[str] = ()) -> None:
        ensure_extensions()
        self.name = name
        user_dirs = [str(r) for r in rules]
        rule_dirs(user_dirs)  # every user directory must exist: a typo should not pass silently
        self.lexicon = Lexicon.load(user_dirs)

    def __call__(self, doc: Doc) -> Doc:
        raw = getattr(doc._, PUBLISHED)
        published = datetime.date.fromisoformat(raw) if raw else None
        found = find_time_expressions(doc, published, lexicon=self.lexicon)
        setattr(doc._, DATES, [t.to_dict() for t in found])
        return doc


@Language.factory("frnews_dates", default_config={"rules": []})
def make_date_tagger(nlp: Language, name: str, rules: list[str]) -> DateTagger:
    """spaCy factory of :class:`DateTagger`."""
    return DateTagger(nlp, name, rules)
