"""``frnews_span_hygiene``: fixes the systematic span errors of the French statistical NER.

Runs after ``ner`` and rewrites ``doc.ents``:

- an entity never crosses a line break: « Zelensky\\n\\nVolodymyr Zelensky » becomes two entities
  (with ``split_at="paragraph"``, for hard-wrapped text such as OCR or wire copy wrapped at a
  fixed width, only a blank line splits: a name may run over a line end there);
- leading and trailing punctuation, and lower-case leading determiners, are trimmed
  (« la Russie, » → « Russie »; « La Haye » stays whole), and so is an elided capitalised article
  before an acronym (« L'OTAN » → « OTAN »; « L'Express » stays whole);
- an entity that is only a word from ``hygiene/not_entities.txt`` is dropped, under every label or
  only under the labels listed after the word (« Samedi » is never an entity, « État » is not a
  place but may be an organisation).

The word lists are data files; users add theirs with ``rules=["my_rules/"]``
(``my_rules/hygiene/not_entities.txt``, ``my_rules/hygiene/determiners.txt``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Set

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..rules import load_rules
from ..text import fold

# Tokens that may stand at an edge of an entity although they are punctuation: a closing
# parenthesis or bracket belongs to a name only when its opening one is inside it too.
_PAIRS = {")": "(", "]": "[", "»": "«", '"': '"'}
# Closing marks that belong to names (« En marche ! », « Yahoo! »): never trimmed at the end.
_NAME_FINAL_MARKS = frozenset({"!", "?"})


#: Where an entity is cut: at every line break, or only at blank lines (hard-wrapped text).
SPLIT_AT = ("line", "paragraph")
_BREAKS = {"line": re.compile(r"\n"), "paragraph": re.compile(r"\n[^\S\n]*\n")}


class SpanHygiene:
    """Rewrite ``doc.ents`` so that every entity span is clean (see the module docstring)."""

    def __init__(self, name: str = "frnews_span_hygiene", *, not_entities: Mapping[str, frozenset[str]],
                 determiners: Set[str], split_at: str = "line") -> None:
        if split_at not in SPLIT_AT:
            raise ValueError(f"split_at must be one of {SPLIT_AT}, got {split_at!r}")
        self.name = name
        self.break_mark = _BREAKS[split_at]
        #: folded word → labels under which it is never an entity
        self.not_entities = not_entities
        #: folded determiners trimmed from the start of an entity
        self.determiners = determiners

    def __call__(self, doc: Doc) -> Doc:
        cleaned: list[Span] = []
        for ent in doc.ents:
            for piece in self._split_at_line_breaks(ent):
                trimmed = self._trim(piece)
                if trimmed is not None and trimmed.label_ not in self.not_entities.get(fold(trimmed.text), ()):
                    cleaned.append(trimmed)
        doc.set_ents(cleaned, default="outside")
        return doc

    def _split_at_line_breaks(self, ent: Span) -> list[Span]:
        doc = ent.doc
        pieces: list[Span] = []
        start = ent.start
        for i in range(ent.start, ent.end):
            token = doc[i]
            if token.is_space:
                continue
            # the white space after a word: its own trailing space plus any space tokens that
            # follow (spaCy keeps "\n\n" as a space token, or as trailing whitespace)
            j, gap = i + 1, token.whitespace_
            while j < len(doc) and doc[j].is_space:
                gap += doc[j].text_with_ws
                j += 1
            if self.break_mark.search(gap) and j < ent.end:
                pieces.append(Span(doc, start, i + 1, label=ent.label, kb_id=ent.kb_id))
                start = j
        if start < ent.end:
            pieces.append(Span(doc, start, ent.end, label=ent.label, kb_id=ent.kb_id))
        return pieces

    def _trim(self, span: Span) -> Span | None:
        doc = span.doc
        start, end = span.start, span.end
        while start < end and self._is_edge_noise(doc[start], doc[start:end], leading=True):
            start += 1
        while end > start and self._is_edge_noise(doc[end - 1], doc[start:end], leading=False):
            end -= 1
        if start >= end:
            return None
        if (start, end) == (span.start, span.end):
            return span
        return Span(doc, start, end, label=span.label, kb_id=span.kb_id)

    def _is_edge_noise(self, token: Token, span: Span, *, leading: bool) -> bool:
        """Whether ``token``, at the start (``leading``) or end of ``span``, is not part of the name."""
        if token.is_space:
            return True
        if token.is_punct or token.is_quote or token.is_bracket:
            if not leading and token.text in _NAME_FINAL_MARKS and token.i > span.start:
                return False
            opening = _PAIRS.get(token.text)
            if not leading and opening is not None and opening != token.text:
                # keep « (Drôme) » whole when the opening bracket is inside the span
                return opening not in span.text[: token.idx - span.start_char]
            return True
        if not leading or fold(token.text) not in self.determiners:
            return False
        if token.text.islower():
            return True
        # « L'OTAN » at the start of a sentence: an elided article is never part of an acronym,
        # while « L'Express » or « L'Oréal » keep theirs
        following = token.doc[token.i + 1] if token.i + 1 < span.end else None
        return token.text.endswith(("'", "’")) and following is not None and following.text.isupper() \
            and len(following.text) > 1


@Language.factory("frnews_span_hygiene", default_config={"rules": [], "split_at": "line"},
                  requires=["doc.ents"], assigns=["doc.ents"])
def make_span_hygiene(nlp: Language, name: str, rules: list[str], split_at: str) -> SpanHygiene:
    """spaCy factory of :class:`SpanHygiene`: the word lists of the shipped files and ``rules`` directories."""
    ruleset = load_rules(rules, parts=("hygiene",))
    return SpanHygiene(name, not_entities=ruleset.not_entities, determiners=ruleset.determiners, split_at=split_at)
