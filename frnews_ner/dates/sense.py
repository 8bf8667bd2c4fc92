"""The direction of a bare weekday, day-month, month or season from the sense of its clause, not only its tense
(issue 10, family 2).

A date without « dernier », « prochain » or « ce » names the occurrence its sentence points to. The
tense says it most often (« il est arrivé lundi », « il viendra lundi »), but news French also points
ahead with a present, a passive, a modal or no verb at all, and back with a bare participle:

1. **Cues right before the date** (read on the items, up to :data:`CUE_WINDOW` of them, across
   determiners and prepositions):

   - a deadline or a start (class ``deadline``: « jusqu'à », « d'ici », « au plus tard », « à partir
     de », « dès », « à compter de », « avant ») → future, unless the clause is in the past;
   - « depuis » (the ``since`` signal) or « déjà » (class ``already``) → past;
   - a scheduling participle (class ``schedule``: « prévu », « fixé », « reporté », « programmé »…) →
     future, whatever the tense of its auxiliary (« l'audience a été fixée au 1er avril »);
   - a participle without an auxiliary, or « vainqueur », « lauréat » (class ``past_head``) → past
     (« interpellé lundi », « élu le 8 mars », « vainqueur dimanche »).

2. **The verb of the clause** (:class:`~frnews_ner.dates.tense.TenseReader`): a future, a conditional
   or a futur proche → future; a past → past; a present → future when it is a modal or an intention
   verb (class ``modal``: « doit », « compte », « prévoit de »…), a state when it is a verb of state
   (class ``stative``: « est », « reste »… → the nearest occurrence), otherwise an event told in the
   present, i.e. a programme (« le sommet s'ouvre mardi ») → ``scheduled``, which the resolver reads as
   the future for days and months and as a generic time for seasons (« en automne, les feuilles
   tombent »).

3. **No verb** (a headline): the event noun before the date says it: a schedulable event (class
   ``planned_event``: grève, sommet, référendum…) → future; an unplanned one (class
   ``unplanned_event``: séisme, accident, incendie…) → past.

Otherwise the direction stays unknown and the resolver takes the nearest occurrence. Every word is a
class of ``words.tsv``; the cost per expression is bounded by the windows, not by the sentence.
"""

from __future__ import annotations

from .grammar.reader import Reader
from .models import Candidate
from .tense import TenseReader

#: Items read back from the first item of a date for a cue (« au plus tard le 30 juin »).
CUE_WINDOW = 4
#: Tokens read back from a date for the event noun of a headline.
HEADLINE_WINDOW = 20
#: Tokens read back from a present verb for the modal that governs it (« veut présenter »).
MODAL_WINDOW = 3


class SenseReader:
    """Directions of the expressions of one doc, from the items and the tense of their clause."""

    def __init__(self, reader: Reader, tenses: TenseReader) -> None:
        self.g = reader
        self.tenses = tenses

    def direction(self, c: Candidate) -> str | None:
        """``past``, ``future``, ``scheduled``, ``present`` or None (unknown) for candidate ``c``."""
        g, tenses = self.g, self.tenses
        verb = tenses.clause_verb(c.tok)
        tense = verb[0] if verb else None
        if c.signal == "since":
            return "past"  # « interrompue depuis lundi »
        cue = self._cue_before(c.first)
        if cue == "deadline":
            return "past" if tense == "past" else "future"
        if cue is not None:
            return cue
        if verb is None:
            far = tenses.segment_verb(c.tok)  # a verb beyond the clause window, no comma between
            if far is not None:
                return far[0] if far[0] in ("past", "future") else None
            return self._headline(c.tok) if g.has_pos else None
        if tense == "present":
            i = verb[1]
            if self._modal(i):
                return "future"
            if tenses.is_(tenses.doc[i], "stative"):
                return "present"
            return "scheduled"
        return tense

    def _cue_before(self, first: int) -> str | None:
        """The first cue met reading back from a date, within its clause (a punctuation mark or a
        finite verb ends the search; other words are read through: « déjà sacré mercredi »)."""
        g = self.g
        for j in range(first - 1, max(first - 1 - CUE_WINDOW, -1), -1):
            if g.is_(j, "deadline") or g.mod(j) == "by":
                return "deadline"
            if g.is_(j, "already"):
                return "past"
            if g.is_(j, "schedule"):
                return "future"
            if g.is_(j, "past_head"):
                return "past"
            if g.is_participle(j):
                tok = g.items.tok[j]
                if tok > 0 and g.doc[tok - 1].pos_ == "AUX":
                    return None  # « a été interpellé lundi »: the clause's tense says it
                return "past"  # « interpellé lundi », « élu le 8 mars »
            word = g.word(j)
            if not word[0].isalnum() and word not in ("'", "-") or g.pos(j) in ("VERB", "AUX"):
                return None
        return None

    def _modal(self, i: int) -> bool:
        """Verb ``i`` is a modal or intention verb, or an infinitive right after one (« veut présenter »)."""
        tenses, doc = self.tenses, self.tenses.doc
        if tenses.is_(doc[i], "modal"):
            return True
        return any(tenses.is_(t, "modal") for t in doc[max(0, i - MODAL_WINDOW):i])

    def _headline(self, tok: int) -> str | None:
        """The direction a verbless clause gets from its event noun (« Grève … vendredi »)."""
        tenses, doc = self.tenses, self.tenses.doc
        sentences = tenses.sentences
        lo = sentences.start[tok] if sentences.known else 0
        for t in reversed(doc[max(lo, tok - HEADLINE_WINDOW):tok]):
            if tenses.is_(t, "planned_event"):
                return "future"
            if tenses.is_(t, "unplanned_event"):
                return "past"
        return None
