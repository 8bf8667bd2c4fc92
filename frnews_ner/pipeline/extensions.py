"""The custom Doc attributes the frnews_ner components read and write.

They are registered when a component is created, never at import. Values are plain JSON-like data
(strings, lists, dicts) so that docs survive ``nlp.pipe(n_process=2)``, which serialises them.

- ``doc._.frnews_published``: ISO date string of the publication date, or ``None``; set by the
  caller before the pipeline runs (``Extractor`` does it).
- ``doc._.frnews_entities``: list of entity dicts in the shape of ``Entity.to_dict()``; written by
  ``frnews_linker``.
- ``doc._.frnews_dates``: list of date dicts in the shape of ``TimeExpression.to_dict()``; written
  by ``frnews_dates``.
"""

from __future__ import annotations

from spacy.tokens import Doc

PUBLISHED = "frnews_published"
ENTITIES = "frnews_entities"
DATES = "frnews_dates"


def ensure_extensions() -> None:
    """Register the Doc extensions if they are not there yet (idempotent)."""
    for name in (PUBLISHED, ENTITIES, DATES):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
