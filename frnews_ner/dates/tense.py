"""The tense of the clause around a date word, from spaCy's morphology (no parser needed).

A bare weekday or month follows it: « il est arrivé lundi » (past → the previous Monday), « il
viendra lundi » (future → the next one). The auxiliaries that decide a compound tense are word
classes of ``words.tsv`` (``avoir_present``, ``etre_present``, ``aller_present``…).
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from ..sentences import Sentences
from .lexicon import Lexicon, split_pieces

#: Tokens: a verb farther away usually belongs to another clause.
TENSE_WINDOW = 10
#: Marks that cut a sentence into the stretches :meth:`TenseReader.segment_verb` reads.
_SEGMENT_MARKS = frozenset({",", ";", ":"})


class TenseReader:
    """Tenses of a doc's clauses; the classes of each token are looked up once."""

    def __init__(self, doc: Doc, lexicon: Lexicon, sentences: Sentences) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.sentences = sentences
        self._classes: dict[int, frozenset[str]] = {}
        self._verbs: dict[int, tuple[str, int] | None] = {}
        #: per sentence start: its stretches between commas (first, end, their first verb)
        self._segments: dict[int, tuple[list[int], list[tuple[int, int, tuple[str, int] | None]]]] = {}

    def is_(self, tok: Token, word_class: str) -> bool:
        classes = self._classes.get(tok.i)
        if classes is None:
            classes = self._classes[tok.i] = self.lexicon.classes_of(split_pieces(tok.text))
        return word_class in classes

    def verb_tense(self, tok: Token) -> str | None:
        """Tense of one verb form: past, future, present or None (infinitive, not a verb)."""
        doc = tok.doc
        if tok.pos_ not in ("VERB", "AUX"):
            if tok.pos_ in ("NOUN", "ADJ") and tok.i > 0 and self.is_(doc[tok.i - 1], "clitic_se"):
                return "present"  # « le Tour s'élance samedi »: after « se » comes a verb, whatever the tagger says
            if tok.pos_ == "NOUN" and not tok.whitespace_ and tok.i + 1 < len(doc) \
                    and (glued := doc[tok.i + 1]).pos_ == "PRON" and glued.text.startswith("-"):
                # « Rencontrons-nous mardi », « Retrouvons-nous samedi »: a hyphenated pronoun glued
                # after it makes a verb (an imperative), whatever the tagger says
                return "present"
            return None
        morph = tok.morph
        if "Cnd" in morph.get("Mood", None):
            return "future"
        tense = morph.get("Tense", None)
        if "Fut" in tense:
            return "future"
        participle = "Part" in morph.get("VerbForm", None)
        if ("Past" in tense or "Imp" in tense) and not participle:
            if "Past" in tense and self.is_(tok, "present_or_simple_past"):
                # « le conseil se réunit mardi »: the same form in the present and the passé simple;
                # news tells in the present (the passé simple of these verbs is rare in news)
                return "present"
            return "past"
        if participle:
            # A participle alone is ambiguous (« prévue le 16 », « est arrivé »): only « avoir » +
            # participle is surely a past tense.
            aux = [t for t in doc[max(0, tok.i - 3):tok.i] if t.pos_ == "AUX"]
            if aux and self.is_(aux[-1], "avoir_aux"):
                return "past"
            if aux and self.is_(aux[-1], "etre_present") and self.is_(tok, "etre_verb_participle"):
                return "past"  # « il est mort », « elles sont arrivées »: a passé composé with « être »
            if aux and aux[-1].i > 0 and self.is_(doc[aux[-1].i - 1], "reflexive"):
                return "past"  # « ils se sont rendus »: a pronominal verb in the passé composé
            return None
        if "Pres" in tense:
            if self.is_(tok, "dating_back_verb") and tok.i + 1 < len(doc) and any(
                    self.is_(doc[tok.i + 1], c) for c in ("at", "at_the")):
                return "past"  # « les faits remontent au 3 mars »; not « on remonte le temps »
            if self.is_(tok, "etre_present") and any(self.is_(t, "etre_verb_participle") for t in doc[tok.i + 1:tok.i + 3]):
                # « est arrivé », « sont nées », « sont déjà partis » (the tagger may read « partis » as a
                # noun): a verb whose passé composé takes « être »
                return "past"
            nxt = [t for t in doc[tok.i + 1:tok.i + 4] if t.pos_ in ("VERB", "AUX")]
            if any("Part" in t.morph.get("VerbForm", None) for t in nxt):
                if self.is_(tok, "avoir_present") or (tok.i > 0 and self.is_(doc[tok.i - 1], "reflexive")):
                    return "past"  # passé composé (« a annoncé », « se sont rendus »)
                if self.is_(tok, "etre_present"):
                    return None  # « est prévue » (passive present) or « est ouvert » (state): undecided
            if self.is_(tok, "aller_present") and any("Inf" in t.morph.get("VerbForm", None) for t in nxt):
                return "future"  # futur proche
            return "present"
        return None

    def clause_tense(self, tok_index: int) -> str | None:
        """Tense of the verb nearest to a token in its sentence (``None`` without morphology)."""
        verb = self.clause_verb(tok_index)
        return verb[0] if verb else None

    def clause_verb(self, tok_index: int) -> tuple[str, int] | None:
        """The tense and token index of the verb nearest to a token in its clause, or None.

        Only the tokens within :data:`TENSE_WINDOW` of it are read (a verb farther away is never
        chosen), so the cost per expression does not grow with the sentence.
        """
        if tok_index in self._verbs:
            return self._verbs[tok_index]
        doc, sentences = self.doc, self.sentences
        if sentences.known:
            lo, hi = sentences.start[tok_index], sentences.end[tok_index]
        else:
            lo, hi = 0, len(doc)
        lo, hi = max(lo, tok_index - TENSE_WINDOW), min(hi, tok_index + TENSE_WINDOW + 1)
        best: tuple[int, str, int] | None = None
        for t in doc[lo:hi]:
            c = self.verb_tense(t)
            if c is None:
                continue
            dist = abs(t.i - tok_index)
            # A verb on the other side of a semicolon or colon belongs to another clause.
            between = doc[min(t.i, tok_index):max(t.i, tok_index)]
            if any(x.text in (";", ":") for x in between):
                dist += 20
            if dist > TENSE_WINDOW:
                continue
            if best is None or dist < best[0]:
                best = (dist, c, t.i)
        self._verbs[tok_index] = (best[1], best[2]) if best else None
        return self._verbs[tok_index]

    def segment_verb(self, tok_index: int) -> tuple[str, int] | None:
        """The tense and index of the first verb with a tense in the stretch of the sentence around a
        token that no comma, semicolon or colon cuts, or None. A date far from its verb (« a remis
        sa démission au président à la suite des élections législatives du 30 mai ») still takes
        its tense; a verb past a comma may belong to another clause (« avant de quitter ses
        fonctions le 30 octobre, le général l'a rappelé ») and is not taken. Each sentence is cut
        once, however many dates it holds."""
        doc, sentences = self.doc, self.sentences
        lo, hi = (sentences.start[tok_index], sentences.end[tok_index]) if sentences.known else (0, len(doc))
        if lo not in self._segments:
            bounds: list[tuple[int, int, tuple[str, int] | None]] = []
            first, verb = lo, None
            for t in doc[lo:hi]:
                if t.text in _SEGMENT_MARKS:
                    bounds.append((first, t.i, verb))
                    first, verb = t.i + 1, None
                elif verb is None and (c := self.verb_tense(t)):
                    verb = (c, t.i)
            bounds.append((first, hi, verb))
            self._segments[lo] = ([b[0] for b in bounds], bounds)
        starts, bounds = self._segments[lo]
        k = bisect_right(starts, tok_index) - 1  # stretches are in text order
        return bounds[k][2] if k >= 0 and tok_index < bounds[k][1] else None

    def describes(self, tok_index: int) -> bool:
        """The clause of a token is in the present, or has no verb to tell (« le site est aujourd'hui un
        musée », « la station cherche aujourd'hui un second souffle »): no past, no future."""
        verb = self.clause_verb(tok_index)
        return verb is None or verb[0] == "present"
