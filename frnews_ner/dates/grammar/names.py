"""Date words inside names and idioms are no dates (family 8 of issue 10).

A rule of this module reads the words of a name and returns a frame of kind ``none``: the grammar
consumes them and outputs nothing, so no other rule can read a date there. Every cue is a class of
``words.tsv``:

- a hyphenated date after the noun of a street or a square (class ``street_noun``): « rue du
  4-Septembre », « place du 8-Mai-1945 », « avenue du 11-Novembre »;
- a capitalised time word (weekday, month, holiday, season, part of day) after the head of a name
  (class ``name_head``: « Journal du Dimanche », « île de Pâques », « Père Noël », « marché de Noël »,
  « Radio Mars ») or after a naming participle (class ``naming_verb``: « baptisé Vendredi »);
- a number with a capitalised unit (« les 24 Heures du Mans »), or « le / du / au » + N « heures »,
  where the article does not agree with « heures »: the news programme (« l'invitée du 20 heures »).

Idioms (« de temps en temps », « en même temps », « à l'heure ») hold no word of the lexicon in a
date sense, so nothing reads them; document numbers (« l'article 2044 », « la loi 2021-1109 ») are
refused by the year rule (class ``number_sign``, and a year glued to a number that is no later year).
"""

from __future__ import annotations

from ..models import Frame, Match
from .reader import Reader

#: The frame of words that are part of a name: consumed, never output.
NO_DATE = Frame("none")
#: Lexicon kinds whose capitalised words are names after a name head.
_TIME_KINDS = ("weekdays", "months", "holidays", "seasons", "parts_of_day")


def _after_name_head(g: Reader, j: int) -> bool:
    """Item ``j`` follows the head of a name, directly or through « de », « du », « d' » (and an article)."""
    k = j - 1
    if g.is_(k, "naming_verb"):
        return True
    if g.word(k) == "'" and g.is_(k - 1, "of_elided"):
        k -= 2
    elif g.is_(k, "of") or g.is_(k, "of_the"):
        k -= 1
    elif g.mod(k) == "det" and (g.is_(k - 1, "of") or g.word(k - 1) == "'"):
        k -= 2 if g.is_(k - 1, "of") else 3
    return g.is_(k, "name_head")


def in_name(g: Reader, i: int) -> Match | None:
    """The words of a name that hold a date word, from item ``i`` (see the module doc)."""
    d = g.digits(i)
    if d is not None:
        # « rue du 4-Septembre », « place du 8-Mai-1945 »
        if g.glued_sign(i + 1, "-") and g.kind(i + 2, "months") is not None and g.glued(i + 2) \
                and (g.is_(i - 1, "of_the") or g.is_(i - 1, "of")) and g.is_(i - 2, "street_noun"):
            end = i + 3
            if g.glued_sign(end, "-") and g.digits(end + 1) is not None:
                end += 2
            return end, NO_DATE
        # « les 24 Heures du Mans »
        if g.unit(i + 1) is not None and g.is_capitalised(i + 1) and not g.sentence_initial(i):
            return i + 2, NO_DATE
        # « l'invitée du 20 heures »: a masculine singular article before « heures »
        if (g.is_(i - 1, "masculine_article") or g.is_(i - 1, "of_the") or g.is_(i - 1, "at_the")) \
                and g.is_(i + 1, "hour_noun") and g.plural_form(i + 1) and not g.digits(i + 2):
            return i + 2, NO_DATE
        return None
    if any(g.kind(i, kind) is not None for kind in _TIME_KINDS) and g.is_capitalised(i) \
            and _after_name_head(g, i):
        return i + 1, NO_DATE
    return None
