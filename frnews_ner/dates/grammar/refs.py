"""Vague references to the present, past or future (family 1 of issue 10): « actuellement », « de nos
jours », « dorénavant », « naguère », « ces derniers temps », « bientôt », « à l'avenir », the adjective
« actuel » → ``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF`` (``refs.tsv``); and « aujourd'hui » when it
means nowadays.

« aujourd'hui » (class ``nowadays``) is the publication day unless a cue around it says nowadays:
after a noun or a pronoun (« la Chine d'aujourd'hui »), next to « encore » (« aujourd'hui encore »), in
an apposition before an adjective or a participle (« Marcelle Dupuy, aujourd'hui âgée de 92 ans, »).
The fourth cue, a contrast with the far past in the same or the previous sentence (« Autrefois…;
aujourd'hui… »), needs the other expressions of the text: the finder reads it from the frame's
``alt_value``. A vague reference followed by « que » is a conjunction (« maintenant que »), not a date.
"""

from __future__ import annotations

from ..models import Frame, Match
from .reader import Reader

#: The TIMEX3 value of « aujourd'hui » read as nowadays.
NOWADAYS = "PRESENT_REF"
#: Parts of speech of the head of « d'aujourd'hui » that make it nowadays (« la Chine d'aujourd'hui »).
_HEAD_POS = ("NOUN", "PROPN", "PRON")


def vague_ref(g: Reader, i: int) -> Match | None:
    v = g.kind(i, "refs")
    if v is None or g.is_(i + 1, "that_conj"):
        return None  # « maintenant que le budget est voté »: a conjunction
    if g.is_(i, "governed_ref") and (g.is_(i - 1, "a_complement_verb") or g.of(i + 1, "of_the") is not None):
        # « en pensant à l'avenir », « une réunion consacrée à l'avenir du site »: the future as a
        # topic, the complement of a verb or the head of « de… », no time of its own
        return None
    if g.is_(i, "signal_adverb") and g.signal(i) is not None and g.number(i + 1) is not None:
        return None  # « il y a maintenant dix ans »: an adverb of the count, no reference of its own
    return i + 1, Frame("date", value=v, granularity=None)


def nowadays(g: Reader, i: int) -> Match | None:
    """« aujourd'hui » as ``PRESENT_REF`` when a cue next to it says nowadays (see the module doc)."""
    if not g.is_(i, "nowadays"):
        return None
    if nowadays_cue(g, i):
        return i + 1, Frame("date", value=NOWADAYS, granularity=None)
    return None


def nowadays_cue(g: Reader, i: int) -> bool:
    if g.is_(i + 1, "still") or g.is_(i - 1, "still"):
        return True  # « aujourd'hui encore », « encore aujourd'hui »
    if g.is_(i - 2, "of_elided") and g.word(i - 1) == "'":
        head = i - 3  # « la Chine d'aujourd'hui »; not « à partir d'aujourd'hui »
        if g.has_pos:
            return g.pos(head) in _HEAD_POS and not g.is_(head, "from_verb")
        return g.word(head).isalpha() and not g.is_(head, "from_verb")
    if g.word(i - 1) == ",":
        # « Marcelle Dupuy, aujourd'hui âgée de 92 ans, »: an apposition without a verb of its own
        if g.is_(i + 1, "age_head"):
            return True
        return g.has_pos and (g.pos(i + 1) == "ADJ" or g.is_participle(i + 1)) and g.pos(i + 1) != "AUX"
    return False
