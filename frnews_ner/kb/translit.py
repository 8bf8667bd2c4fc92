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
# romanisations of Cyrillic, Arabic, Hebrew, Korean… names to one spelling.
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r) for p, r in (
        (r"tch", "ch"), (r"sch", "sh"), (r"ch", "sh"), (r"zh", "j"), (r"kh", "k"), (r"ph", "f"),
        (r"ck", "k"), (r"ou", "u"), (r"[yj](?=[aeiou])", "i"), (r"y", "i"), (r"w", "v"),
        (r"[cq]", "k"), (r"(.)\1+", r"\1"), (r"(?<=[a-z]{3})e\b", ""),
    )
)


def translit_key(text: str) -> str:
    """The transliteration key of a name.

    >>> translit_key("Volodymyr Zelenskyy") == translit_key("Volodymyr Zelensky")
    True
    >>> translit_key("Koursk") == translit_key("Kursk")
    True
    """
    key = _SEPARATORS.sub(" ", fold(text)).strip()
    for pattern, replacement in _RULES:
        key = pattern.sub(replacement, key)
    return key
