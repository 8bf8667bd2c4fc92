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

from ..text import fold

__all__ = ["token_folded", "token_glued", "token_starts", "token_texts"]

#: Folded texts by ORTH hash (a hash of the string itself, the same in every vocab), bounded:
#: forgotten all at once when full. News reuses the same few thousand words in every article.
_FOLDED_BY_ORTH: dict[int, str] = {}
_FOLDED_MEMO_SIZE = 100_000


def token_texts(doc: Doc) -> list[str]:
    """``[t.text for t in doc]``."""
    strings = doc.vocab.strings
    return [strings[orth] for orth in doc.to_array("ORTH").tolist()]


def token_folded(doc: Doc) -> list[str]:
    """``[fold(t.text) for t in doc]`` (see :func:`frnews_ner.text.fold`): one dict lookup per token
    once its word has been met.

    >>> import spacy
    >>> token_folded(spacy.blank("fr")("Le Nord-Coréen"))
    ['le', 'nord-coreen']
    """
    ids: list[int] = doc.to_array("ORTH").tolist()
    memo = _FOLDED_BY_ORTH
    found = [memo.get(orth) for orth in ids]
    if None not in found:
        return found  # type: ignore[return-value]
    if len(memo) >= _FOLDED_MEMO_SIZE:
        memo.clear()
    strings = doc.vocab.strings
    out: list[str] = []
    for orth, folded in zip(ids, found):
        if folded is None:
            folded = memo[orth] = fold(strings[orth])
        out.append(folded)
    return out


def token_starts(doc: Doc) -> list[int]:
    """``[t.idx for t in doc]``: the character offset of each token."""
    starts: list[int] = doc.to_array("IDX").tolist()
    return starts


def token_glued(doc: Doc) -> list[bool]:
    """``[not t.whitespace_ for t in doc]``: token ``i`` touches token ``i + 1``."""
    return [not space for space in doc.to_array("SPACY").tolist()]
