"""``frnews_entity_ruler``: knowledge-base rules that find what the statistical model misses.

Runs after ``frnews_span_hygiene`` and before ``frnews_linker``. It

- adds entities from the token patterns of ``kb/patterns.jsonl`` (« ministère de l'Intérieur »,
  « Cour de cassation », « Parti socialiste ») and from the names of the knowledge base
  (« Nations unies », « OTAN », « Corée du Nord », « Volodymyr Zelensky ») where the model missed or
  cut them, setting ``kb_id`` when the name is known;
- finds nationality words (« nord-coréens », « sud-coréen », « les Russes ») and puts them in the
  span group ``doc.spans["frnews_demonyms"]`` (``kb_id`` = the country id); an entity that is only a
  nationality word (the model's LOC « Russes ») leaves ``doc.ents``;
- finds titles (« le président ukrainien », « le chef de l'État russe », « le secrétaire général de
  l'ONU ») and writes them to ``doc._.frnews_titles`` as :class:`~frnews_ner.pipeline.extensions.TitleMention`
  records (the roles the title names, and the country; none for an international office); a model
  entity that starts with a title, or a
  place inside a title's own words, is no name (« le ministre de l'Intérieur » is no
  organisation, « le garde des Sceaux » no town), while an organisation in it and the country
  after it stay (« le secrétaire général de l'ONU », « le président de la Russie »).

Where a pattern or a knowledge-base name and a model entity overlap, :func:`prefer_rule_spans`
decides (the named overlap policy of this component). The linker decides what all of these refer to.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import cast

from spacy import __version__ as spacy_version
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from .. import disk_cache
from ..errors import RuleError, RuleProblem
from ..kb import KnowledgeBase
from ..rules import Pattern, load_rules
from ..text import fold, is_acronym
from .extensions import TITLES, TitleMention, ensure_extensions
from .tokens import token_folded, token_glued

DEMONYMS = "frnews_demonyms"
#: Words separated by single spaces, nothing else white: tokenised word by word (EntityRuler._tokens).
_SINGLE_SPACED = re.compile(r"\S+(?: \S+)*")

@dataclass(frozen=True, slots=True)
class _FoundTitle:
    """A title at tokens ``start:end`` whose own words end at ``phrase_end`` (before « russe »);
    ``country`` is None when the title does not say it (« le ministre de l'Intérieur » alone), ""
    for an international office; ``former`` for « l'ancien président »."""

    start: int
    end: int
    phrase_end: int
    roles: tuple[str, ...]
    country: str | None
    former: bool = False


@dataclass(frozen=True, slots=True)
class _Target:
    """What a match of the ruler's matchers adds: an entity of ``label``, linked to ``kb_id`` if any;
    ``from_kb``: the name of a knowledge-base record (not a pattern of a rule file)."""

    label: str
    kb_id: str
    from_kb: bool = False


def prefer_rule_spans(model_ents: Sequence[Span], rule_spans: Sequence[Span],
                      named: frozenset[tuple[int, int]] = frozenset()) -> list[Span]:
    """The ruler's overlap policy: rule spans win over model spans they overlap, longest first, except
    that a model span strictly containing a rule span wins (the model read a longer name), and that a
    knowledge-base name with exactly a model span's extent (``named``: the extents of such names)
    leaves the model's span and label (« Hollande » read as a person stays one; the linker decides)."""
    ordered = sorted(rule_spans, key=lambda s: (-(s.end - s.start), s.start))
    exact = {(e.start, e.end) for e in model_ents}
    taken: list[Span] = []
    for span in ordered:
        if any(span.start < t.end and t.start < span.end for t in taken):
            continue
        inside = [e for e in model_ents if e.start <= span.start and span.end <= e.end
                  and (e.end - e.start) > (span.end - span.start)]
        if inside or ((span.start, span.end) in exact and (span.start, span.end) in named):
            continue
        taken.append(span)
    kept = [e for e in model_ents if not any(e.start < t.end and t.start < e.end for t in taken)]
    return kept + taken


def first_words(pattern: list[dict[str, object]]) -> set[str] | None:
    """The lower-cased words a token pattern's first token can be, or None when it can be any word
    (an optional first token, or a first token not pinned by ``TEXT``/``ORTH``/``LOWER`` to a word or
    an ``IN`` list).

    >>> sorted(first_words([{"TEXT": {"IN": ["Cour", "Tribunal"]}}, {"LOWER": "de"}]))
    ['cour', 'tribunal']
    >>> first_words([{"IS_TITLE": True}]) is None
    True
    """
    if not pattern:
        return None
    first = pattern[0]
    if first.get("OP") not in (None, "1", "+"):
        return None
    for attr in ("LOWER", "TEXT", "ORTH"):
        value = first.get(attr)
        if isinstance(value, str):
            return {value.lower()}
        if isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list) \
                and all(isinstance(v, str) for v in value["IN"]):
            return {v.lower() for v in value["IN"]}
    return None


#: Quantifiers of spaCy's Matcher → the most tokens one token spec can match (``None``: no bound).
_OP_REACH: dict[str | None, int | None] = {None: 1, "1": 1, "!": 1, "?": 1, "+": None, "*": None}
_COUNTED_OP = re.compile(r"^\{(\d*)(,?)(\d*)\}$")


def pattern_reach(pattern: list[dict[str, object]]) -> int | None:
    """The most tokens a match of a token pattern can span, or None when it has no bound (« + », « * »,
    « {2,} »).

    >>> pattern_reach([{"LOWER": "cour"}, {"LOWER": "de", "OP": "?"}, {"IS_TITLE": True, "OP": "{1,3}"}])
    5
    >>> pattern_reach([{"IS_TITLE": True, "OP": "+"}]) is None
    True
    """
    total = 0
    for spec in pattern:
        op = spec.get("OP")
        if op in _OP_REACH:
            reach = _OP_REACH[op]  # type: ignore[index]
        else:
            counted = _COUNTED_OP.match(op) if isinstance(op, str) else None
            if counted is None:
                return None  # an operator spaCy would refuse: the Matcher says so when the pattern is added
            low, comma, high = counted.groups()
            reach = int(high) if high else (None if comma else int(low or 0))
        if reach is None:
            return None
        total += reach
    return total


def _spellings(phrase: str) -> tuple[str, ...]:
    """A phrase as written and with typographic apostrophes (texts use both)."""
    return tuple(dict.fromkeys((phrase, phrase.replace("'", "’"))))


class EntityRuler:
    """Add pattern and knowledge-base entities, nationality words and titles (module docstring)."""

    def __init__(self, nlp: Language, name: str = "frnews_entity_ruler", *, kb: KnowledgeBase,
                 patterns: Sequence[Pattern] = ()) -> None:
        ensure_extensions()
        self.name = name
        self.kb = kb
        # match key (a string hash) → what a match adds; token patterns go to the Matcher, phrases
        # (string patterns) to the PhraseMatcher, as spaCy's SpanRuler does
        self._targets: dict[int, _Target] = {}
        self._keys: set[str] = set()
        #: (match key, token hashes) of a knowledge-base name → its record's id ("" when shared)
        self._named_ids: dict[tuple[int, tuple[int, ...]], str] = {}
        self.matcher = Matcher(nlp.vocab)
        self.phrases = PhraseMatcher(nlp.vocab, attr="ORTH")
        # match key → the phrases it matches, each as the ORTH hashes of its tokens: every distinct
        # text is tokenised once and no Doc is kept (a knowledge base of 100,000 people would
        # otherwise hold 200,000 Docs at once)
        phrases: dict[str, dict[tuple[int, ...], None]] = {}
        self._orths: dict[str, tuple[int, ...]] = {}
        specials = getattr(nlp.tokenizer, "rules", None)
        self._word_by_word = isinstance(specials, dict) and not any(
            len(k) > 1 and any(c.isspace() for c in k) for k in specials)
        refused: list[RuleProblem] = []
        #: the lower-cased words every token pattern can start with, or None when some pattern may
        #: start on any word: a doc holding none of them cannot match, the Matcher is not run on it
        self._matcher_gate: set[str] | None = set()
        #: the most tokens a token pattern's match spans (None: some pattern has no bound); with the
        #: gate, the Matcher reads only the tokens after a gate word, not the whole doc
        self._matcher_reach: int | None = 0
        for pattern in patterns:
            key = self._key(nlp, pattern.label, pattern.id or "", pattern.source)
            if isinstance(pattern.pattern, list):
                firsts = first_words(pattern.pattern)
                if firsts is None or self._matcher_gate is None:
                    self._matcher_gate = None
                else:
                    self._matcher_gate |= firsts
                reach = pattern_reach(pattern.pattern)
                self._matcher_reach = None if reach is None or self._matcher_reach is None \
                    else max(self._matcher_reach, reach)
                try:
                    self.matcher.add(key, [pattern.pattern], greedy="LONGEST")
                except (ValueError, KeyError, TypeError, AttributeError) as err:
                    # the rule reader checked it with spaCy's validator; what the Matcher still
                    # refuses is reported the same way, never as spaCy's error on an internal key
                    path, _, line = pattern.source.rpartition(":")
                    refused.append(RuleProblem(path, int(line) if line.isdigit() else 0,
                                               f"expected a token pattern spaCy's Matcher accepts, found one it "
                                               f"refuses ({type(err).__name__}: {err})"))
            else:
                phrases.setdefault(key, {}).update(dict.fromkeys(self._variants(nlp, pattern.pattern)))
        if refused:
            raise RuleError(refused)
        strings = nlp.vocab.strings
        self._gate_hashes = frozenset(strings[w] for w in self._matcher_gate) if self._matcher_gate else frozenset()
        self._add_kb_phrases(nlp, phrases)
        for key, orths in phrases.items():
            # sequences of hashes are what spaCy's own unpickling hands PhraseMatcher.add
            self.phrases.add(key, cast(list[Doc], [o for o in orths if o]))
        del self._orths
        # title phrases, folded token by token, indexed by their first token
        self.titles: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], str | None]]] = {}
        for title in self.kb.titles:
            words = tuple(fold(t.text) for t in nlp.make_doc(title.phrase.replace("’", "'")))
            self.titles.setdefault(words[0], []).append((words, tuple(sorted(title.roles)), title.country))
        for options in self.titles.values():
            options.sort(key=lambda o: -len(o[0]))
        # roles only ever held without a country (« secrétaire général de l'ONU »): their titles
        # need no nationality after them
        self.international_roles = ({o.role for o in self.kb.offices}
                                    - {o.role for o in self.kb.offices if o.country})
        self.country_names = {fold(a) for rec in self.kb.records.values() if rec.type == "country"
                              for a in (rec.name, *rec.aliases)}
        # every beginning of a folded demonym: a token whose folded text is none starts no demonym,
        # however many glued tokens follow (their folded texts are joined after it)
        self._demonym_prefixes = frozenset(key[:n] for key in self.kb.demonyms for n in range(len(key) + 1))

    def _key(self, nlp: Language, label: str, kb_id: str, source: str) -> str:
        key = f"frnews:{label}:{kb_id}:{source}"
        if key not in self._keys:
            self._keys.add(key)
            self._targets[nlp.vocab.strings.add(key)] = _Target(label, kb_id, source == "kb")
        return key

    def _tokens(self, nlp: Language, text: str) -> tuple[int, ...]:
        """The ORTH hashes of the tokens of ``text``.

        spaCy's tokenizer splits on white space first and tokenises each piece on its own, so a
        text whose words are separated by single spaces is tokenised word by word, each distinct
        word once (a knowledge base repeats its words: « Jean », « de », « Parti »…); only a
        tokenizer with special cases spanning white space needs the whole text."""
        orths = self._orths.get(text)
        if orths is not None:
            return orths
        if self._word_by_word and _SINGLE_SPACED.fullmatch(text):
            out: list[int] = []
            for word in text.split(" "):
                piece = self._orths.get(word)
                if piece is None:
                    piece = self._orths[word] = tuple(t.orth for t in nlp.make_doc(word))
                out.extend(piece)
            orths = tuple(out)
        else:
            orths = tuple(t.orth for t in nlp.make_doc(text))
        self._orths[text] = orths
        return orths

    def _pretokenize(self, nlp: Language, texts: Iterable[str]) -> None:
        """Tokenise every distinct word of ``texts`` in one call of the tokenizer: the words joined
        by single spaces, then cut back at the spaces (spaCy splits on white space first, each word
        tokenised on its own, as :meth:`_tokens` relies on). One call instead of one per word:
        about 0.5 s less at every start with the shipped knowledge base. The words tokenised by an
        earlier process with the same tokenizer come from the disk cache (:mod:`frnews_ner.disk_cache`)."""
        if not self._word_by_word:
            return
        words = list(dict.fromkeys(w for text in texts if _SINGLE_SPACED.fullmatch(text)
                                   for w in text.split(" ") if w not in self._orths))
        if not words:
            return
        # ORTH hashes are those of the token texts: the same in every process for the same tokenizer
        # settings (a custom tokenizer that cannot say its settings is not cached)
        settings = getattr(nlp.tokenizer, "to_bytes", None)
        key = disk_cache.digest(spacy_version, hashlib.sha256(settings(exclude=["vocab"])).hexdigest()) \
            if callable(settings) else None
        known: dict[str, tuple[int, ...]] = (disk_cache.load_cached("tokens", key, dict) if key else None) or {}
        self._orths.update((w, known[w]) for w in words if w in known)
        words = [w for w in words if w not in known]
        if not words:
            return
        doc = nlp.make_doc(" ".join(words))
        pieces: list[int] = []
        n = 0
        for tok in doc:
            pieces.append(tok.orth)
            if tok.whitespace_ or tok.i == len(doc) - 1:
                self._orths[words[n]] = tuple(pieces)
                pieces, n = [], n + 1
        if n != len(words):  # a tokenizer that does not cut at single spaces: forget and go word by word
            for w in words:
                self._orths.pop(w, None)
            return
        if key:
            disk_cache.store_cached("tokens", key, {**known, **{w: self._orths[w] for w in words}})

    def _variants(self, nlp: Language, phrase: str) -> list[tuple[int, ...]]:
        """A phrase as written and with typographic apostrophes (texts use both), as token hashes."""
        return [self._tokens(nlp, v) for v in _spellings(phrase)]

    def _add_kb_phrases(self, nlp: Language, phrases: dict[str, dict[tuple[int, ...], None]]) -> None:
        """Names of people, organisations and countries as phrases. A name that several records share
        (« Géorgie »: the country and the US state) is added without an id: the linker decides."""
        # the folded names of places, read from the knowledge base's alias index (folded once there)
        records = self.kb.records
        place_names = {folded for folded, ids in self.kb.aliases.items()
                       if any(records[i].type in ("city", "region") for i in ids)}
        # « talibans », « ministère des Armées » (lower case) come from the model or the patterns
        named = [(rec, alias) for rec in self.kb.records.values()
                 if rec.ruler and rec.type in ("person", "organisation", "country")
                 for alias in (rec.name, *rec.aliases) if alias[:1].isupper()]
        self._pretokenize(nlp, (v for _, alias in named for v in _spellings(alias)))
        for rec, alias in named:
            variants = self._variants(nlp, alias)
            single = len(variants[0]) == 1
            folded = fold(alias)
            # a surname alone (« Macron ») is found by the model and joined by coreference;
            # one capitalised word that is also a place (« Orange ») is left to the model
            if single and rec.type == "person":
                continue
            if single and rec.type == "organisation" and not is_acronym(alias) and folded in place_names:
                continue
            shared = len(self.kb.aliases.get(folded, ())) > 1 or folded in place_names
            # one match key per label: a key per record costs PhraseMatcher a lexeme each (25 µs,
            # most of the construction time of a large knowledge base); the record is found
            # again from the matched tokens
            key = self._key(nlp, rec.label, "", "kb")
            phrases.setdefault(key, {}).update(dict.fromkeys(variants))
            key_hash = nlp.vocab.strings[key]
            for orths in variants:
                known = self._named_ids.setdefault((key_hash, orths), "" if shared else rec.id)
                if known != ("" if shared else rec.id):
                    self._named_ids[(key_hash, orths)] = ""  # two records, one spelling: the linker decides

    def _phrase_target(self, doc: Doc, match_id: int, start: int, end: int) -> _Target:
        """What a phrase match adds: a pattern's target, or a knowledge-base name with its record's id."""
        target = self._targets[match_id]
        if not target.from_kb:
            return target
        kb_id = self._named_ids.get((match_id, tuple(t.orth for t in doc[start:end])), "")
        return _Target(target.label, kb_id, True) if kb_id else target

    # -- the component -------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        # every token folded once per doc (titles and demonyms read them; fold remembers each word)
        folded = token_folded(doc)
        titled = self._titles(doc, folded)
        # a title whose country stays unknown (« le ministre de l'Intérieur » alone) names nobody,
        # but its words are still no organisation or place
        in_title_words = {i for found in titled for i in range(found.start, found.phrase_end)}
        title_starts = {found.start for found in titled}

        def part_of_a_title(ent: Span) -> bool:
            # « ministre de l'Intérieur » read as one ORG, « Sceaux » in « garde des Sceaux »: no
            # names; the organisation a title names stays one (« secrétaire général de l'ONU »)
            return ent.start in title_starts or (ent.start in in_title_words and ent.label_ != "ORG")

        model_ents = [e for e in self._clean_model_ents(doc) if not part_of_a_title(e)]
        rule_spans, named = self._rule_spans(doc)
        ents = prefer_rule_spans(model_ents, [s for s in rule_spans if not part_of_a_title(s)], named)
        demonyms, ents = self._demonyms(doc, ents, [f for f in titled if f.country], folded)
        doc.set_ents(sorted(ents, key=lambda s: s.start), default="outside")
        doc.spans[DEMONYMS] = demonyms
        doc._.set(TITLES, tuple(TitleMention(doc[f.start].idx, doc[f.end - 1].idx + len(doc[f.end - 1]),
                                             doc[f.start:f.end].text, f.roles, f.country or None,
                                             international=f.country == "", former=f.former)
                                for f in titled))
        return doc

    def _clean_model_ents(self, doc: Doc) -> list[Span]:
        """Two knowledge-base fixes of the model's spans.

        A single capital letter is no name (« groupe A », « la note B »), and a capitalised article
        before a name the knowledge base knows without it is trimmed (« La France » at the start of
        a sentence → « France »; « La Haye » stays whole since the KB knows it with its article).
        """
        kept: list[Span] = []
        for ent in doc.ents:
            if len(ent.text) == 1:
                continue
            first = fold(ent[0].text)
            if (len(ent) > 1 and first in ("le", "la", "les", "l'") and ent[0].text[:1].isupper()
                    and not self.kb.candidates(ent.text) and self.kb.candidates(ent[1:].text)):
                ent = Span(doc, ent.start + 1, ent.end, label=ent.label, kb_id=ent.kb_id)
            kept.append(ent)
        return kept

    def _rule_spans(self, doc: Doc) -> tuple[list[Span], frozenset[tuple[int, int]]]:
        """Spans of the patterns and knowledge-base names, and the extents of the latter."""
        spans: list[Span] = []
        named: set[tuple[int, int]] = set()
        for match_id, start, end in self._token_matches(doc):
            target = self._targets[match_id]
            spans.append(Span(doc, start, end, label=target.label, kb_id=target.kb_id))
        for match_id, start, end in self.phrases(doc):
            target = self._phrase_target(doc, match_id, start, end)
            if (target.label == "ORG" and end - start == 1 and not is_acronym(doc[start].text)
                    and self._sentence_initial(doc, start)):
                continue  # « Total, ... » at the start of a sentence says nothing; « France : » does
            spans.append(Span(doc, start, end, label=target.label, kb_id=target.kb_id))
            if target.from_kb:
                named.add((start, end))
        return spans, frozenset(named)

    def _token_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The Matcher's matches in ``doc``, read only where a match can be: in the tokens from each
        word a pattern starts with, as far as the longest pattern reaches (the whole doc when some
        pattern may start on any word or has no bound).

        Windows that overlap are read as one, so no two windows hold parts of one match and the
        Matcher's ``greedy`` filter sees, in each, every match that could overlap another: the matches
        are those of the whole doc, window after window.
        """
        if self._matcher_gate is None or self._matcher_reach is None:
            return cast(list[tuple[int, int, int]], self.matcher(doc))
        if not self._gate_hashes:
            return []
        gate, reach, length = self._gate_hashes, self._matcher_reach, len(doc)
        windows: list[list[int]] = []  # [start, end) token bounds, left to right
        for i in [k for k, h in enumerate(doc.to_array("LOWER").tolist()) if h in gate]:
            if windows and i <= windows[-1][1]:
                windows[-1][1] = min(i + reach, length)  # starts increase: so does the end
            else:
                windows.append([i, min(i + reach, length)])
        return [(key, start + s, start + e) for start, end in windows for key, s, e in self.matcher(doc[start:end])]

    @staticmethod
    def _sentence_initial(doc: Doc, i: int) -> bool:
        if i == 0:
            return True
        prev = doc[i - 1]
        return prev.is_space or prev.text in {".", "!", "?", "«", "—", "-", ":", '"'} or "\n" in prev.whitespace_

    def _demonyms(self, doc: Doc, ents: list[Span], titles: list[_FoundTitle],
                  folded: list[str]) -> tuple[list[Span], list[Span]]:
        found: list[Span] = []
        covered = {i for t in titles for i in range(t.start, t.end)}
        glued = token_glued(doc)  # token i touches token i + 1
        prefixes = self._demonym_prefixes
        i = 0
        demonyms = self.kb.demonyms
        # a demonym of one token is one of the base; of several, its first token is glued to the next
        for start in [n for n, word in enumerate(folded)
                      if word in demonyms or (glued[n] and word in prefixes)]:
            if start < i:
                continue  # inside the demonym found before
            i = start
            match = None
            # hyphenated compounds may be split into tokens written without spaces: nord - coréens
            for j in range(min(len(doc), i + 3), i, -1):
                if not all(glued[i:j - 1]):
                    continue
                country = demonyms.get("".join(folded[i:j]))
                if country:
                    match = (j, country)
                    break
            if match is None or i in covered:
                i += 1
                continue
            j, country = match
            text = doc[i:j].text
            if text[:1].isupper():
                # a capitalised word is a nationality noun (« les Russes ») unless it is a country
                # (« l'Argentine ») or stands where a name starts
                prev = fold(doc[i - 1].text) if i else ""
                if fold(text) in self.country_names or (prev not in self.kb.cue("noun_opener") and not doc[i - 1].like_num
                                                        and not self._sentence_initial(doc, i)
                                                        and doc[i - 1].text[:1].isupper()):
                    i = j
                    continue
            holder = [e for e in ents if e.start <= i and j <= e.end]
            if holder and any((e.start, e.end) != (i, j) for e in holder):
                i = j
                continue  # part of a longer name: « Forces armées ukrainiennes »
            ents = [e for e in ents if (e.start, e.end) != (i, j)]
            found.append(Span(doc, i, j, label="DEMONYM", kb_id=f"iso3166:{country}"))
            i = j
        return found, ents

    def _titles(self, doc: Doc, folded: list[str]) -> list[_FoundTitle]:
        """Titles in the doc, each with the end of its own words (before « de la Russie » or « russe »).

        « le président (américain) », « de la Première ministre », « l'ancien président », « l'ex-président »
        (``former``), « le président sortant » (still the holder); a title whose country is not said
        is kept with ``country=None`` for the linker to decide from the article.
        """
        found: list[_FoundTitle] = []
        keyed = list(folded)  # « ex-président » read as « président », marked former
        ex_former = [False] * len(doc)
        for n in [k for k, word in enumerate(folded) if word[:3] == "ex-"]:
            title = folded[n][3:]
            if title in self.titles:
                keyed[n], ex_former[n] = title, True
        determiners, former_words = self.kb.cue("title_determiner"), self.kb.cue("former")
        titles = self.titles
        # only where a title (or « ancien » before one) can start: one pass in C, not a Python step per token
        starts = [n for n in range(1, len(doc)) if keyed[n] in titles or keyed[n] in former_words]
        i = 1
        for start in starts:
            if start < i:
                continue  # inside the title found before
            i = start
            phrase_start, former = i, ex_former[i]
            if keyed[i] in former_words and i + 1 < len(doc) and keyed[i + 1] in self.titles:
                phrase_start, former = i + 1, True  # « l'ancien président »: the mention starts at « ancien »
            options = self.titles.get(keyed[phrase_start])
            det = folded[i - 1]
            if det in ("la", "l'") and i >= 2 and folded[i - 2] == "de":
                det = "de " + det
            if not options or det not in determiners:
                continue
            unresolved: _FoundTitle | None = None  # the longest title whose country stays unknown
            for words, roles, country in options:
                end = phrase_start + len(words)
                if tuple(keyed[phrase_start:end]) != words:
                    continue
                end = self._after_outgoing(folded, end)
                phrase_end = end
                if country is None and set(roles) <= self.international_roles:
                    country = ""
                elif country is None:
                    country, end = self._title_country(doc, folded, end)
                    end = self._after_outgoing(folded, end)
                if country is None:
                    unresolved = unresolved or _FoundTitle(i, end, phrase_end, roles, None, former)
                    continue
                found.append(_FoundTitle(i, end, phrase_end, roles, country, former))
                i = end
                break
            else:
                if unresolved is not None:
                    found.append(unresolved)
                    i = unresolved.phrase_end
        return found

    def _after_outgoing(self, folded: list[str], end: int) -> int:
        """« le président sortant »: « sortant » is part of the title (its holder is still in office)."""
        return end + 1 if end < len(folded) and folded[end] in self.kb.cue("outgoing") else end

    def _title_country(self, doc: Doc, folded: list[str], end: int) -> tuple[str | None, int]:
        """The country after a title: a nationality adjective, or « de (la) <country> »."""
        if end < len(doc) and doc[end].text[:1].islower():
            for j in range(min(len(doc), end + 3), end, -1):
                if any(t.whitespace_ for t in doc[end:j][:-1]):
                    continue
                code = self.kb.demonyms.get(fold(doc[end:j].text))
                if code:
                    return code, j
        if end < len(doc) and folded[end] in self.kb.cue("country_link"):
            k = end + 1
            if k < len(doc) and folded[k] in ("la", "l'"):
                k += 1
            for j in range(min(len(doc), k + 4), k, -1):
                for cand in self.kb.candidates(doc[k:j].text):
                    rec = self.kb.get(cand.id)
                    if rec is not None and rec.type == "country" and cand.match == "exact":
                        return rec.info.country, j
        return None, end


@Language.factory("frnews_entity_ruler", default_config={"rules": []}, requires=["doc.ents"],
                  assigns=["doc.ents", "doc.spans", "doc._.frnews_titles"])
def make_entity_ruler(nlp: Language, name: str, rules: list[str]) -> EntityRuler:
    """spaCy factory of :class:`EntityRuler`: the knowledge base and patterns of the shipped files and ``rules``."""
    ruleset = load_rules(rules, parts=("kb",))
    return EntityRuler(nlp, name, kb=ruleset.kb, patterns=ruleset.patterns)
