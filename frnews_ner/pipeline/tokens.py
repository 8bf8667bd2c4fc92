"""Token attributes of a doc as plain lists, read without creating a ``Token`` object per token.

The rule components look at every token of every doc several times; ``[t.text for t in doc]``
builds a Python ``Token`` for each, ``Doc.to_array`` reads the same values in one C call.

>>> import spacy
>>> doc = spacy.blank("fr")("Le nord-coréen est là.")
>>> token_texts(doc)
['Le', 'nord-coréen', 'est', 'là', '.']
"""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["token_glued", "token_starts", "token_texts"]


def token_texts(doc: Doc) -> list[str]:
    """``[t.text for t in doc]``."""
    strings = doc.vocab.strings
    return [strings[orth] for orth in doc.to_array("ORTH").tolist()]


def token_starts(doc: Doc) -> list[int]:
    """``[t.idx for t in doc]``: the character offset of each token."""
    starts: list[int] = doc.to_array("IDX").tolist()
    return starts


def token_glued(doc: Doc) -> list[bool]:
    """``[not t.whitespace_ for t in doc]``: token ``i`` touches token ``i + 1``."""
    return [not space for space in doc.to_array("SPACY").tolist()]
