"""In-article grouping of mentions into entities (no knowledge base needed).

People: a surname-only mention (« Zelensky ») joins the full name it abbreviates (« Volodymyr
Zelensky »), the nearest earlier one if several people share the surname, else the only later one.
Two full names stay two entities. Other labels group by identical folded text.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .kb.translit import latinise, romanise
from .records import Mention
from .text import clean_name, fold, is_acronym, slug

# Name particles that stand between first names and surname and may open a surname-only mention
# (« de Gaulle », « Le Pen » keep their particle; « Ursula von der Leyen » → « von der Leyen »).
_PARTICLES = {"de", "du", "des", "d'", "von", "van", "der", "den", "da", "di", "del", "la", "le", "al", "el", "ben", "bin"}


@dataclass
class MentionGroup:
    """Mentions found to be one referent; ``name`` is the fullest name seen."""

    label: str
    name: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def local_id(self) -> str:
        """Deterministic id of an unlinked entity: ``local:PER/emmanuelle-chaze`` (see :func:`local_slug`)."""
        return f"local:{self.label}/{local_slug(self.name)}"


#: Characters of a name that its ASCII slug may drop without losing who it names: separators.
_SEPARATORS = frozenset(" -'.,&/()")


@lru_cache(maxsize=65_536)  # the same names come back in every article; the slug is a function of the name
def local_slug(name: str) -> str:
    """The name part of a local id: never empty, and two names that differ by more than case, accents
    and separators never share it.

    A name in Latin letters is its ASCII slug (« Emmanuelle Chaze » → ``emmanuelle-chaze``). Any
    other name — Cyrillic or Greek (romanised for reading), Arabic, CJK, emoji, symbols, punctuation
    only, or Latin mixed with look-alike letters of another script — gets a stable hash of its
    folded form after the readable part: « Москва » → ``moskva-…``, « 北京 » → ``…`` (ten hex digits).

    >>> local_slug("Emmanuelle Chaze")
    'emmanuelle-chaze'
    >>> local_slug("Москва") != local_slug("Киев") and local_slug("Москва").startswith("moskva-")
    True
    """
    folded = latinise(fold(name))
    readable = slug(romanise(folded))
    if readable and all(c in _SEPARATORS or (c.isascii() and c.isalnum()) for c in folded):
        return readable
    digest = hashlib.blake2b(folded.encode("utf-8", "surrogatepass"), digest_size=5).hexdigest()
    return f"{readable}-{digest}" if readable else digest


def name_words(name: str) -> list[str]:
    """« Jean-Yves Le Drian » → ``["jean", "-", "yves", "le", "drian"]`` (folded, hyphens apart)."""
    return fold(name).replace("-", " - ").split()


def is_surname_only(name: str) -> bool:
    """One word, or a particle and what follows (« Zelensky », « Le Pen », « von der Leyen »)."""
    words = name_words(name)
    return len(words) == 1 or bool(words) and words[0] in _PARTICLES


def is_surname_of(short: str, full: str) -> bool:
    """« Zelensky » abbreviates « Volodymyr Zelensky »; « Le Pen » abbreviates « Marine Le Pen »."""
    return tuple(name_words(short)) in surname_keys(full)


def surname_keys(full: str) -> list[tuple[str, ...]]:
    """The proper word suffixes of a full name: what a surname-only mention of it can be.

    Index full names by these and look a short mention up by ``tuple(name_words(short))``: one
    lookup per mention instead of :func:`is_surname_of` against every name.

    >>> surname_keys("Marine Le Pen")
    [('le', 'pen'), ('pen',)]
    """
    words = name_words(full)
    return [tuple(words[k:]) for k in range(1, len(words))]


def initials(name: str, skip: frozenset[str]) -> str:
    """The acronym a name would have: « Front de libération nationale » → ``FLN`` (``skip``: the
    folded function words that give no letter, « de », « des », « l' »…)."""
    words = fold(name).replace("-", " ").replace("'", "' ").split()
    return "".join(w[0] for w in words if w not in skip and w[0].isalpha()).upper()


def join_acronyms(groups: list[MentionGroup], skip: frozenset[str]) -> list[MentionGroup]:
    """An acronym group (« FLN ») joins the one group of the article whose name it abbreviates
    (« Front de libération nationale »), its mentions becoming ``acronym`` mentions; with two such
    names, or none, it stays apart."""
    long_forms: dict[str, list[MentionGroup]] = {}
    for g in groups:
        if not is_acronym(g.name) and len(g.name.split()) > 1 and g.label != "PER":
            long_forms.setdefault(initials(g.name, skip), []).append(g)
    kept = []
    for g in groups:
        targets = long_forms.get(g.name.replace(".", "")) if is_acronym(g.name) else None
        if targets and len(targets) == 1 and g.label != "PER":
            targets[0].mentions.extend(replace(m, form="acronym") for m in g.mentions)
            targets[0].mentions.sort(key=lambda m: (m.start, m.end))
            continue
        kept.append(g)
    return kept


def group_mentions(spans: Sequence[tuple[int, int, str, str]], *,
                   acronym_skip: frozenset[str] | None = None) -> list[MentionGroup]:
    """Group ``(start, end, text, label)`` spans (sorted by start) into entities, in order of first mention.

    With ``acronym_skip`` (the function words of :func:`initials`), acronyms join their long form.
    """
    groups: list[MentionGroup] = []
    by_key: dict[tuple[str, str], MentionGroup] = {}
    # the full names of people by each of their proper word suffixes (what a surname-only mention
    # can be, see is_surname_of), in text order: a lookup per short mention, not a scan of all names
    full_by_suffix: dict[tuple[str, ...], list[tuple[int, MentionGroup]]] = defaultdict(list)
    pending_short: list[tuple[int, int, str]] = []

    def group_of(label: str, name: str) -> MentionGroup:
        key = (label, fold(name))
        group = by_key.get(key)
        if group is None:
            group = by_key[key] = MentionGroup(label, name)
            groups.append(group)
        return group

    for start, end, text, label in spans:
        name = clean_name(text)
        if label == "PER" and is_surname_only(name):
            pending_short.append((start, end, text))
            continue
        known = (label, fold(name)) in by_key
        group = group_of(label, name)
        if label == "PER" and not known:
            for key in surname_keys(group.name):
                full_by_suffix[key].append((start, group))
        group.mentions.append(Mention(start, end, text, "name"))

    for start, end, text in pending_short:
        fulls = full_by_suffix.get(tuple(name_words(text)), [])
        # the starts are increasing: the full names before this mention, then the ones after it
        before = bisect_left(fulls, start, key=lambda f: f[0])
        after = bisect_right(fulls, start, key=lambda f: f[0])
        if before:
            fulls[before - 1][1].mentions.append(Mention(start, end, text, "surname"))
        elif len(fulls) - after == 1:  # one entry per group: a group is listed when first seen
            fulls[after][1].mentions.append(Mention(start, end, text, "surname"))
        else:
            group_of("PER", clean_name(text)).mentions.append(Mention(start, end, text, "name"))

    for group in groups:
        group.mentions.sort(key=lambda m: (m.start, m.end))
    groups.sort(key=lambda g: g.mentions[0].start)
    return join_acronyms(groups, acronym_skip) if acronym_skip is not None else groups
