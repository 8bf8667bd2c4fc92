"""Text normalisation shared by rules, the knowledge base and ids."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'", "´": "'"})
_DASHES = str.maketrans({"‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-"})
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Case-, accent-, apostrophe- and hyphen-insensitive form used for matching.

    >>> fold("Corée du Nord")
    'coree du nord'
    >>> fold("nord‑coréennes")
    'nord-coreennes'
    """
    text = text.translate(_APOSTROPHES).translate(_DASHES)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def slug(text: str) -> str:
    """ASCII slug for deterministic ids: « Emmanuelle Chaze » → ``emmanuelle-chaze``."""
    return _NON_ALNUM.sub("-", fold(text)).strip("-")


def clean_name(text: str) -> str:
    """A mention's text as a display name: white space folded to single spaces."""
    return _SPACES.sub(" ", text).strip()
