"""In-article grouping of mentions into entities (no knowledge base needed).

People: a surname-only mention (« Zelensky ») joins the full name it abbreviates (« Volodymyr
Zelensky »), the nearest earlier one if several people share the surname, else the only later one.
Two full names stay two entities. Other labels group by identical folded text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .text import clean_name, fold, slug

# Name particles that stand between first names and surname and may open a surname-only mention
# (« de Gaulle », « Le Pen » keep their particle; « Ursula von der Leyen » → « von der Leyen »).
_PARTICLES = {"de", "du", "des", "d'", "von", "van", "der", "den", "da", "di", "del", "la", "le", "al", "el", "ben", "bin"}


@dataclass
class MentionGroup:
    """Mentions found to be one referent; ``name`` is the fullest name seen."""

    label: str
    name: str
    mentions: list[tuple[int, int, str, str]] = field(default_factory=list)  # start, end, text, form

    @property
    def local_id(self) -> str:
        """Deterministic id of an unlinked entity: ``local:PER/emmanuelle-chaze``."""
        return f"local:{self.label}/{slug(self.name)}"


def _words(text: str) -> list[str]:
    return fold(text).replace("-", " - ").split()


def _is_surname_of(short: list[str], full: list[str]) -> bool:
    """« zelensky » abbreviates « volodymyr zelensky »; « le pen » abbreviates « marine le pen »."""
    return 0 < len(short) < len(full) and full[-len(short):] == short


def group_mentions(spans: list[tuple[int, int, str, str]]) -> list[MentionGroup]:
    """Group ``(start, end, text, label)`` spans (sorted by start) into entities, in order of first mention."""
    groups: list[MentionGroup] = []
    by_key: dict[tuple[str, str], MentionGroup] = {}
    full_people: list[tuple[int, list[str], MentionGroup]] = []  # (start, words, group) of full names
    pending_short: list[tuple[int, int, str]] = []

    for start, end, text, label in spans:
        name = clean_name(text)
        key = (label, fold(name))
        words = _words(name)
        if label == "PER" and len(words) == 1 or (label == "PER" and words and words[0] in _PARTICLES):
            pending_short.append((start, end, text))
            continue
        group = by_key.get(key)
        if group is None:
            group = MentionGroup(label, name)
            by_key[key] = group
            groups.append(group)
            if label == "PER":
                full_people.append((start, words, group))
        group.mentions.append((start, end, text, "name"))

    for start, end, text in pending_short:
        words = _words(text)
        earlier = [g for s, w, g in full_people if s < start and _is_surname_of(words, w)]
        later = [g for s, w, g in full_people if s > start and _is_surname_of(words, w)]
        if earlier:
            target = earlier[-1]
        elif len({id(g) for g in later}) == 1:
            target = later[0]
        else:
            key = ("PER", fold(clean_name(text)))
            alone = by_key.get(key)
            if alone is None:
                alone = MentionGroup("PER", clean_name(text))
                by_key[key] = alone
                groups.append(alone)
            alone.mentions.append((start, end, text, "name"))
            continue
        target.mentions.append((start, end, text, "surname"))

    for group in groups:
        group.mentions.sort()
    groups.sort(key=lambda g: g.mentions[0][0])
    return groups
