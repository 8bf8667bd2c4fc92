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
        if needs and needs[0] not in key and (len(needs) == 1 or needs[1] not in key):
            continue
        key = pattern.sub(replacement, key)
    return key


# Latin letters that folding leaves as they are (no accent to strip): « Łódź » → « lodz ».
_LATIN = {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h",
          "ŋ": "ng", "ŧ": "t", "ŀ": "l"}
_LATINISE = str.maketrans(_LATIN)
# Cyrillic (Russian, Ukrainian, Belarusian, Serbian, Macedonian…) and Greek letters in a plain
# Latin romanisation, for readable ids only (« москва » → « moskva »); letters are folded first,
# so accents (« ά », « ё ») are gone and only lower case is needed.
_ROMAN = str.maketrans({**_LATIN,
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i", "й": "i",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e",
    "ю": "yu", "я": "ya", "і": "i", "є": "ye", "ґ": "g", "ў": "u", "ј": "j", "љ": "lj", "њ": "nj",
    "ћ": "c", "ђ": "dj", "џ": "dz", "ѕ": "dz", "ќ": "kj", "ѓ": "gj",
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k",
    "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t",
    "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o",
})


def latinise(folded: str) -> str:
    """Latin letters of a folded text that have no accent to strip in plain ASCII (« łodz » → « lodz »)."""
    return folded.translate(_LATINISE)


def romanise(folded: str) -> str:
    """Cyrillic and Greek letters of a folded text in Latin letters (and :func:`latinise`); other
    characters unchanged.

    >>> romanise(fold("Москва")), romanise(fold("Αθήνα"))
    ('moskva', 'athina')
    """
    return folded.translate(_ROMAN)
