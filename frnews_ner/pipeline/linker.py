"""``frnews_linker``: turns the entity spans of a doc into canonical entities.

Reads ``doc.ents`` (after ``frnews_span_hygiene``), groups mentions of one referent
(:mod:`frnews_ner.coref`) and writes ``doc._.frnews_entities`` as dicts in the shape of
:meth:`frnews_ner.records.Entity.to_dict`. An entity the knowledge base does not know is said to be
unlinked: ``kb`` is ``None`` and its id is the deterministic ``local:<LABEL>/<slug>``.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from ..coref import group_mentions
from .extensions import ENTITIES, ensure_extensions

# Without a knowledge base the only evidence is the statistical model's span and how often the
# article repeats it; these are documented in the README next to the linked confidences.
_UNLINKED_CONFIDENCE = 0.5
_PER_EXTRA_MENTION = 0.1
_MAX_UNLINKED_CONFIDENCE = 0.8


class EntityLinker:
    """Group ``doc.ents`` into entities and write ``doc._.frnews_entities``."""

    def __init__(self, nlp: Language, name: str = "frnews_linker", rules: Iterable[str] = ()) -> None:
        self.name = name
        self.rules = tuple(rules)
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        spans = [(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents]
        entities = []
        for group in group_mentions(spans):
            confidence = min(_MAX_UNLINKED_CONFIDENCE,
                             _UNLINKED_CONFIDENCE + _PER_EXTRA_MENTION * (len(group.mentions) - 1))
            entities.append({
                "id": group.local_id, "label": group.label, "name": group.name, "kb": None,
                "confidence": round(confidence, 3),
                "mentions": [{"start": s, "end": e, "text": t, "form": f, "stands_for": None}
                             for s, e, t, f in group.mentions],
                "candidates": [],
            })
        doc._.set(ENTITIES, entities)
        return doc


@Language.factory("frnews_linker", default_config={"rules": []})
def make_entity_linker(nlp: Language, name: str, rules: list[str]) -> EntityLinker:
    return EntityLinker(nlp, name, rules)
