"""``frnews_doc_consistency``: one article, one reading of each name.

The statistical model decides token by token, so a name it tags in one sentence may be missed or
labelled otherwise three sentences later. Within a doc, this component (after
``frnews_span_hygiene``, before ``frnews_entity_ruler``):

- gives every occurrence of a tagged string the label most of its occurrences have (« Lorient »
  LOC twice and ORG once → LOC everywhere; a tie changes nothing);
- tags the untagged repeats of a tagged name: the same words written the same way (« Nuit debout »
  … « Nuit debout »), and the lower-case repeat of a name of several words when the lower-case
  form is not itself a phrase of the article's common words (« les Gilets jaunes » … « les gilets
  jaunes »);
- tags an acronym of a tagged name of several words once the article uses it (« le Front de
  libération nationale » … « le FLN »): its letters are the initials of the name's words but its
  function words (``acronym_skip`` of ``kb/cues.tsv``), and no other name of the article gives the
  same acronym (the linker then makes them one entity).

A single word is repeated only where it is capitalised and not at the start of a sentence; a
repeat never overlaps an entity already there.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..coref import initials
from ..rules import load_rules
from ..text import fold
from .tokens import token_texts


class DocConsistency:
    """See the module docstring."""

    def __init__(self, name: str = "frnews_doc_consistency", *, plain_openers: frozenset[str] = frozenset(),
                 acronym_skip: frozenset[str] = frozenset()) -> None:
        self.name = name
        #: words after which a lower-case repeat of a name is plain words (``possessive`` of cues.tsv)
        self.plain_openers = plain_openers
        #: function words that give no letter to an acronym (``acronym_skip`` of cues.tsv)
        self.acronym_skip = acronym_skip

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        if not ents:
            return doc
        words = token_texts(doc)
        # each name as its words, read from the doc's words (not a Token per word of every name)
        keys = [tuple(words[e.start:e.end]) for e in ents]
        votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        for key, ent in zip(keys, ents):
            votes[key][ent.label_] += 1
        majority: dict[tuple[str, ...], str] = {}
        for key, counts in votes.items():
            (label, n), *rest = counts.most_common()
            if not rest or n > rest[0][1]:
                majority[key] = label
        fixed = [Span(doc, e.start, e.end, label=majority.get(key, e.label_), kb_id=e.kb_id)
                 for key, e in zip(keys, ents)]
        taken = [False] * len(doc)
        for e in fixed:
            for i in range(e.start, e.end):
                taken[i] = True
        added = self._repeats(doc, words, majority, taken) + self._acronyms(doc, words, fixed, taken)
        doc.set_ents(sorted(fixed + added, key=lambda s: s.start), default="outside")
        return doc

    def _repeats(self, doc: Doc, words: list[str], majority: dict[tuple[str, ...], str],
                 taken: list[bool]) -> list[Span]:
        """Untagged occurrences of tagged names (as written, or lower-case for names of several words)."""
        # name → its (label, lowered) readings in the order they were met; and the lengths of the
        # names opening with each word, longest first: at each token one dict lookup per length,
        # never a scan of every name sharing its first word (a list of names shares « Le » a lot)
        options: dict[tuple[str, ...], list[tuple[str, bool]]] = defaultdict(list)
        for key, label in majority.items():
            if len(key) == 1 and not key[0][:1].isupper():
                continue
            options[key].append((label, False))
            lower_key = tuple(w.lower() for w in key)
            if len(key) > 1 and lower_key != key:
                options[lower_key].append((label, True))
        lengths: dict[str, set[int]] = defaultdict(set)
        for key in options:
            lengths[key[0]].add(len(key))
        by_first = {first: sorted(ns, reverse=True) for first, ns in lengths.items()}
        added: list[Span] = []
        # only the tokens that start a tagged name are read (a repeat moves past its last token)
        i = -1
        for first in [k for k, w in enumerate(words) if w in by_first]:
            if first <= i:
                continue
            i = first
            matched = False
            for n in by_first[words[i]]:
                end = i + n
                if end > len(words):
                    continue
                readings = options.get(tuple(words[i:end]))
                if readings is None or any(taken[i:end]):
                    continue
                for label, lowered in readings:
                    if n == 1 and doc[i].is_sent_start:
                        continue  # a capitalised single word opening a sentence may be a common word
                    if lowered and self._common_phrase(doc, i):
                        continue
                    added.append(Span(doc, i, end, label=label))
                    for k in range(i, end):
                        taken[k] = True
                    i = end - 1
                    matched = True
                    break
                if matched:
                    break
        return added

    def _common_phrase(self, doc: Doc, start: int) -> bool:
        """A lower-case repeat read as plain words: after a possessive or a number (« ses gilets jaunes »,
        « deux gilets jaunes ») rather than after an article."""
        before = doc[start - 1] if start > 0 else None
        return before is not None and (before.like_num or fold(before.text) in self.plain_openers)

    def _acronyms(self, doc: Doc, words: list[str], ents: list[Span], taken: list[bool]) -> list[Span]:
        """« FLN » after « Front de libération nationale »: the initials of one tagged name of the doc."""
        sources: dict[str, set[str]] = defaultdict(set)
        for e in ents:
            letters = initials(e.text, self.acronym_skip)
            if len(e) > 1 and len(letters) >= 2 and e.label_ != "PER":
                sources[letters].add(e.label_)
        added = []
        if not sources:
            return []
        # only the words that are the initials of a name (Token.is_alpha is str.isalpha of its text)
        for i in [k for k, word in enumerate(words) if word in sources]:
            word = words[i]
            if taken[i] or len(word) < 2 or not word.isupper() or not word.isalpha():
                continue
            labels = sources.get(word)
            if labels is not None and len(labels) == 1:
                added.append(Span(doc, i, i + 1, label=next(iter(labels))))
                taken[i] = True
        return added


@Language.factory("frnews_doc_consistency", default_config={"rules": []}, requires=["doc.ents"],
                  assigns=["doc.ents"])
def make_doc_consistency(nlp: Language, name: str, rules: list[str]) -> DocConsistency:
    """spaCy factory of :class:`DocConsistency` (its words from ``kb/cues.tsv`` of the rule set)."""
    kb = load_rules(rules, parts=("kb",)).kb
    return DocConsistency(name, plain_openers=kb.cue("possessive"), acronym_skip=kb.cue("acronym_skip"))
