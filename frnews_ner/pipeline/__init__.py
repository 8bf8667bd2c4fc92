"""spaCy components of frnews_ner, one per module, each registered with ``Language.factory``.

Importing this package registers the factories (spaCy also finds them through the
``spacy_factories`` entry point, so ``nlp.add_pipe("frnews_…")`` works in any pipeline).
"""
