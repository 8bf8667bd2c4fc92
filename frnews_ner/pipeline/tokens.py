"""Token attributes of a doc as plain lists, read without creating a ``Token`` object per token.

The rule components look at every token of every doc several times; ``[t.text for t in doc]``
builds a Python ``Token`` for each, ``Doc.to_array`` reads the same values in one C call.

>>> import spacy
>>> doc = spacy.blank("fr")("Le nord-coréen est là.")
>>> token_texts(doc)
['Le', 'nord-coréen', 'est', 'là', '.']
>>> FoldMemo()("Coréen")
'coreen'
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..text import fold

__all__ = ["FoldMemo", "token_glued", "token_starts", "token_texts"]

#: Distinct words a :class:`FoldMemo` remembers before it starts afresh.
_FOLD_MEMO_SIZE = 100_000


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


class FoldMemo:
    """:func:`~frnews_ner.text.fold` of single words, each distinct word folded once (bounded)."""

    def __init__(self) -> None:
        self._folded: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        folded = self._folded.get(word)
        if folded is None:
            if len(self._folded) >= _FOLD_MEMO_SIZE:
                self._folded.clear()
            folded = self._folded[word] = fold(word)
        return folded

    def words(self, words: list[str]) -> list[str]:
        """The folded form of each word of ``words`` (known words read straight from the memo)."""
        get = self._folded.get
        return [f if (f := get(w)) is not None else self(w) for w in words]
