"""Text normalisation shared by rules, the knowledge base, the date lexicon and ids.

One table of typographic variants (apostrophes, hyphens and dashes) serves every normaliser:

- :func:`fold` — case-, accent-, apostrophe- and hyphen-insensitive key used for matching names;
- :func:`lower_keep_length` — lower case and the same typography, one character for one, so that
  offsets found in the result are offsets in the original (the date finder works on it).
"""

from __future__ import annotations

import re
import unicodedata
from typing import TypeVar

#: Typographic apostrophes and dashes, each read as the plain ASCII one.
APOSTROPHES = "’ʼ‘`´"
DASHES = "‐‑‒–—−"
#: Each typographic apostrophe and dash → its plain form.
_TYPOGRAPHY = (*((c, "'") for c in APOSTROPHES), *((c, "-") for c in DASHES))
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_SPACES = re.compile(r"\s+")
#: The combining diacritics of U+0300–U+036F (all but U+034F, the grapheme joiner, which is no mark).
_LATIN_MARKS = re.compile("[\u0300-\u034e\u0350-\u036f]+")


def fold(text: str) -> str:
    """Case-, accent-, apostrophe- and hyphen-insensitive form used for matching.

    >>> fold("Corée du Nord")
    'coree du nord'
    >>> fold("nord‑coréennes")
    'nord-coreennes'
    """
    found = _FOLDED.get(text)
    return found if found is not None else _remember(_FOLDED, text, _fold(text))


#: Words and names folded before (the same few thousand come back in every article), bounded:
#: forgotten all at once when full. Longer texts are folded afresh each time.
_FOLDED: dict[str, str] = {}
_FOLD_MEMO_SIZE = 100_000
_FOLD_MEMO_LENGTH = 64
_Value = TypeVar("_Value")


def _remember(memo: dict[str, _Value], text: str, value: _Value) -> _Value:
    """``value``, kept in ``memo`` for ``text`` when the text is short (the memo starts afresh when full)."""
    if len(text) <= _FOLD_MEMO_LENGTH:
        if len(memo) >= _FOLD_MEMO_SIZE:
            memo.clear()
        memo[text] = value
    return value


def _fold(text: str) -> str:
    """:func:`fold`, computed."""
    if text.isascii():  # most names (and every GeoNames ASCII alias): no accents to strip
        return _SPACES.sub(" ", text.replace("`", "'").lower()).strip()
    text = plain_typography(text)
    decomposed = unicodedata.normalize("NFKD", text)
    # the accents of Latin letters in one pass; other scripts' marks one character at a time
    stripped = _LATIN_MARKS.sub("", decomposed)
    if not stripped.isascii():
        stripped = "".join(c for c in stripped if not unicodedata.combining(c))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def plain_typography(text: str) -> str:
    """Typographic apostrophes and dashes as plain ones, one character for one.

    >>> plain_typography("l’ONU – aujourd’hui")
    "l'ONU - aujourd'hui"
    """
    # one C scan per sign: str.translate reads a non-ASCII text character by character through a dict
    for sign, plain in _TYPOGRAPHY:
        if sign in text:
            text = text.replace(sign, plain)
    return text


def lower_keep_length(text: str) -> str:
    """Lower case with plain apostrophes and hyphens, never changing the length (offsets stay valid).

    >>> lower_keep_length("Aujourd’hui À 14h")
    "aujourd'hui à 14h"
    """
    plain = plain_typography(text)
    lowered = plain.lower()
    # str.lower changes a length only where one character lowers to several (« İ »), and it reads
    # a final « Σ » by its context: elsewhere it is the per-character rule below, in C
    if len(lowered) == len(plain) and "Σ" not in plain:
        return lowered
    out = []
    for ch in plain:
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
    return "".join(out)


def slug(text: str) -> str:
    """ASCII slug for deterministic ids: « Emmanuelle Chaze » → ``emmanuelle-chaze``."""
    return _NON_ALNUM.sub("-", fold(text)).strip("-")


#: The scripts whose letters look alike (« о » Cyrillic and « o » Latin): mixing them in one word is
#: the mark of a homoglyph, not of a name.
_LOOKALIKE_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")
_WORDS = re.compile(r"[^\W\d_]+")


def is_acronym(text: str) -> bool:
    """One word whose letters, two at least, are all capitals.

    >>> is_acronym("FLN"), is_acronym("C.G.T."), is_acronym("Fnac"), is_acronym("LE MONDE")
    (True, True, False, False)
    """
    if " " in text.strip():
        return False  # most names: read no further
    letters = 0
    for c in text:
        if c.isalpha():
            if not c.isupper():
                return False
            letters += 1
    return letters >= 2


def mixed_script(text: str) -> bool:
    """Whether a word of ``text`` mixes Latin, Cyrillic and Greek letters (a homoglyph).

    >>> mixed_script("Emmanuel Macr\u043en"), mixed_script("Москва"), mixed_script("Macron à Москва")
    (True, False, False)
    """
    if text.isascii():
        return False
    found = _MIXED.get(text)
    return found if found is not None else _remember(_MIXED, text, _mixed_script(text))


#: :func:`mixed_script` of the non-ASCII texts read before (bounded like the fold memo).
_MIXED: dict[str, bool] = {}


def _mixed_script(text: str) -> bool:
    for word in _WORDS.findall(text):
        if word.isascii():
            continue
        scripts: set[str] = set()
        for char in word:
            name = unicodedata.name(char, "")
            scripts.update(s for s in _LOOKALIKE_SCRIPTS if name.startswith(s + " "))
            if len(scripts) > 1:
                return True
    return False


def clean_name(text: str) -> str:
    """A mention's text as a display name: white space folded to single spaces."""
    return _SPACES.sub(" ", text).strip()
