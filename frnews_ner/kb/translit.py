"""Transliteration keys: one key for the spellings French news uses for the same foreign name.

« Zelensky », « Zelenski », « Zelenskyy » → ``zelenski``; « Poutine », « Putin » → ``putin``;
« Choïgou », « Shoigu » → ``shoigu``. The key is only used to look a name up among the
knowledge-base aliases, never to display anything.
"""

from __future__ import annotations

import re

from ..text import fold

_SEPARATORS = re.compile(r"[-'.\s]+")
# Order matters: digraphs first, then single letters. Each rule maps French and English
# romanisations of Cyrillic, Arabic, Hebrew, Korean… names to one spelling. Each rule comes with
# the letters without which it changes nothing (checked first: most rules do not apply to a name).
_RULES: tuple[tuple[tuple[str, ...], re.Pattern[str], str], ...] = tuple(
    (needs, re.compile(p), r) for needs, p, r in (
        (("tch",), r"tch", "ch"), (("sch",), r"sch", "sh"), (("ch",), r"ch", "sh"), (("zh",), r"zh", "j"),
        (("kh",), r"kh", "k"), (("ph",), r"ph", "f"), (("ck",), r"ck", "k"), (("ou",), r"ou", "u"),
        (("y", "j"), r"[yj](?=[aeiou])", "i"), (("y",), r"y", "i"), (("w",), r"w", "v"),
        (("c", "q"), r"[cq]", "k"), ((), r"(.)\1+", r"\1"), (("e",), r"(?<=[a-z]{3})e\b", ""),
    )
)


def translit_key(text: str) -> str:
    """The transliteration key of a name.

    >>> translit_key("Volodymyr Zelenskyy") == translit_key("Volodymyr Zelensky")
    True
    >>> translit_key("Koursk") == translit_key("Kursk")
    True
    """
    return key_of_folded(fold(text))


def key_of_folded(folded: str) -> str:
    """:func:`translit_key` of a text already folded (:func:`frnews_ner.text.fold`)."""
    key = _SEPARATORS.sub(" ", folded).strip()
    for needs, pattern, replacement in _RULES:
        if not needs or any(n in key for n in needs):
            key = pattern.sub(replacement, key)
    return key
