"""``frnews_linker``: turns the entity spans of a doc into canonical entities.

Reads ``doc.ents`` (after ``frnews_span_hygiene`` and ``frnews_entity_ruler``), groups mentions of
one referent (:mod:`frnews_ner.coref`), links each group to the knowledge base
(:mod:`frnews_ner.kb`, the knowledge base it is given) and writes ``doc._.frnews_entities`` as
:class:`~frnews_ner.records.Entity` records. It also turns the ruler's nationality words
(``doc.spans["frnews_demonyms"]``) and titles (``doc._.frnews_titles``) into ``demonym`` and
``title`` mentions, and marks capitals used for their government as ``metonym`` mentions:
« Kiev continue ses frappes » is a mention of the city Kiev standing for ``iso3166:UA``.

An entity the knowledge base does not know is unlinked: ``kb`` is ``None`` and its id is the
deterministic ``local:<LABEL>/<slug>``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import cast

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..coref import MentionGroup, group_mentions
from ..kb import KBRecord, KnowledgeBase
from ..records import Entity, Label, Mention, MentionForm
from ..rules import load_rules
from ..text import fold
from .entity_ruler import DEMONYMS
from .extensions import ENTITIES, TITLES, ensure_extensions, published_of

# Without a knowledge base the only evidence is the statistical model's span and how often the
# article repeats it; these are documented in the README next to the linked confidences.
_UNLINKED_CONFIDENCE = 0.5
_PER_EXTRA_MENTION = 0.1
_MAX_UNLINKED_CONFIDENCE = 0.8

# Words right before a place that say which kind of place it is.
_REGION_CUES = {"region", "oblast", "province", "krai", "republique", "etat", "land", "comte", "gouvernorat"}
_CITY_CUES = {"ville", "capitale", "maire", "mairie", "port", "banlieue"}
# A candidate stays in ``candidates`` when its score is within this margin of the best one.
_AMBIGUITY_MARGIN = 0.12
# Labels a knowledge-base type may take over from the model: an ORG the KB knows as a place (or
# the converse) is relabelled; a person never becomes a place or the converse.
_COMPATIBLE = {"PER": {"PER"}, "LOC": {"LOC", "ORG"}, "ORG": {"ORG", "LOC"}, "MISC": {"LOC", "ORG", "PER"}}

# Metonymy (« Moscou fournissait du carburant »): no dependency parser is loaded, so a capital is
# taken for its state when a finite verb follows within a few tokens (clitics and adverbs may
# stand between) and no preposition or determiner stands before it (« à Kiev », « le Kiev de »).
_NOT_BEFORE_METONYM = {"a", "à", "de", "d'", "du", "des", "vers", "en", "depuis", "sur", "pour", "dans", "au",
                       "aux", "par", "entre", "pres", "via", "chez", "contre", "avec", "le", "la", "l'", "les",
                       "jusqu'a", "outre", "hors", "sous", "apres", "avant", "pendant"}
_CLITICS = {"ne", "n'", "se", "s'", "y", "en", "lui", "leur", "l'", "le", "la", "les", "nous", "vous", "me", "m'",
            "t'", "te"}
_METONYM_WINDOW = 4


@dataclass
class _Linked:
    """One entity being assembled: its label, KB record (or not), mentions and confidence."""

    label: str
    name: str
    local_id: str
    record: KBRecord | None = None
    confidence: float = 0.5
    candidates: list[str] = field(default_factory=list)
    mentions: dict[tuple[int, int], Mention] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.record.id if self.record is not None else self.local_id

    def add(self, mention: Mention) -> None:
        self.mentions.setdefault((mention.start, mention.end), mention)

    def to_entity(self) -> Entity:
        rec = self.record
        return Entity(id=self.id, label=cast(Label, self.label),
                      name=rec.name if rec is not None else self.name,
                      kb=rec.info if rec is not None else None, confidence=round(self.confidence, 3),
                      mentions=tuple(m for _, m in sorted(self.mentions.items())),
                      candidates=tuple(self.candidates))


class EntityLinker:
    """Group ``doc.ents``, link the groups to the knowledge base and write ``doc._.frnews_entities``."""

    def __init__(self, name: str = "frnews_linker", *, kb: KnowledgeBase) -> None:
        ensure_extensions()
        self.name = name
        self.kb = kb

    def __call__(self, doc: Doc) -> Doc:
        published = published_of(doc)
        ents = list(doc.ents)
        article_countries = self._article_countries(doc, ents)
        entities: dict[str, _Linked] = {}
        order: list[str] = []

        def entity_for(fresh: _Linked) -> _Linked:
            """The entity already assembled under ``fresh.id``, else ``fresh`` itself."""
            if fresh.id not in entities:
                entities[fresh.id] = fresh
                order.append(fresh.id)
            return entities[fresh.id]

        by_start = {e.start_char: e for e in ents}
        groups = group_mentions([(e.start_char, e.end_char, e.text, label)
                                 for e, label in zip(ents, self._labels(ents))])
        linked_groups = [(g, self._link_group(doc, g, by_start, article_countries)) for g in groups]
        # Places linked without doubt say which countries the article is about too: « à Valence …
        # à Lyon » is Valence (Drôme). Groups that stayed ambiguous are decided again with them.
        context = article_countries | {
            linked.record.info.country for _, linked in linked_groups
            if linked.record is not None and not linked.candidates and linked.record.info.country
            and linked.record.type in ("city", "region", "place")}
        if context != article_countries:
            linked_groups = [(g, self._link_group(doc, g, by_start, context) if linked.candidates else linked)
                             for g, linked in linked_groups]
        for group, linked in linked_groups:
            target = entity_for(linked)
            for mention in group.mentions:
                target.add(replace(mention, form=self._form(target, mention.text, mention.form)))
            if target is not linked:
                target.confidence = max(target.confidence, linked.confidence)

        for span in doc.spans.get(DEMONYMS, []):
            rec = self.kb.get(span.kb_id_)
            if rec is None:
                continue
            target = entity_for(_Linked("LOC", rec.name, "", rec, 0.9))
            target.add(Mention(span.start_char, span.end_char, span.text, "demonym"))

        if published is not None:
            for title in doc._.get(TITLES) or ():
                holders = self.kb.holders(title.roles, title.country, published)
                if len(holders) != 1:
                    continue  # nobody, or several people at once: say nothing rather than guess
                rec = self.kb.get(holders[0])
                if rec is None:
                    continue
                target = entity_for(_Linked("PER", rec.name, "", rec, 0.8))
                target.add(Mention(title.start, title.end, title.text, "title"))

        self._mark_metonyms(doc, entities)
        doc._.set(ENTITIES, tuple(entities[k].to_entity() for k in
                                  sorted(order, key=lambda k: min(entities[k].mentions))))
        return doc

    # -- linking -------------------------------------------------------------------------------------
    def _labels(self, ents: list[Span]) -> list[str]:
        """The model's labels, except that a lone surname of a person named in full in the article
        is that person (« Lucie Vanrel … Vanrel » even where the model read « Vanrel » as a place).
        Where the knowledge base also knows the word as a place (« François Hollande … Hollande »),
        the person wins unless a preposition or determiner before it makes it a place (« en
        Hollande », « de Hollande »)."""
        surnames = {fold(e[-1].text) for e in ents if e.label_ == "PER" and len(e) > 1}
        labels = []
        for ent in ents:
            label = ent.label_
            if label != "PER" and len(ent) == 1 and fold(ent.text) in surnames:
                known_otherwise = any(self.kb[c.id].type != "person" for c in self.kb.candidates(ent.text)
                                      if c.match == "exact")
                before = fold(ent.doc[ent.start - 1].text) if ent.start else ""
                if not known_otherwise or before not in _NOT_BEFORE_METONYM:
                    label = "PER"
            labels.append(label)
        return labels

    def _article_countries(self, doc: Doc, ents: list[Span]) -> set[str]:
        """Countries the article names outright (names and nationality words): context for places."""
        countries = {span.kb_id_.split(":", 1)[1] for span in doc.spans.get(DEMONYMS, []) if span.kb_id_}
        for ent in ents:
            for cand in self.kb.candidates(ent.text):
                rec = self.kb.get(cand.id)
                if rec is not None and rec.type == "country" and rec.info.country:
                    countries.add(rec.info.country)
        return countries

    def _link_group(self, doc: Doc, group: MentionGroup, by_start: dict[int, Span],
                    article_countries: set[str]) -> _Linked:
        linked = _Linked(group.label, group.name, group.local_id)
        spans = [by_start[m.start] for m in group.mentions if m.start in by_start]
        # the ruler may have named the record outright
        ruled = next((rec for s in spans if s.kb_id_ and (rec := self.kb.get(s.kb_id_)) is not None), None)
        if ruled is not None:
            rec = ruled
            linked.record, linked.confidence, linked.label = rec, 0.95, rec.label
            return linked
        scores: dict[str, float] = {}
        # every mention is looked up (« Zelenskyy » may be known where « Volodymyr Zelenskyy » is not),
        # each with the words before it as type cue; the group's name stands for itself
        pairs: list[tuple[Span | None, str]] = [(s, s.text) for s in spans] or [(None, group.name)]
        for span, text in pairs:
            for cand in self.kb.candidates(text, fuzzy=True):
                rec = self.kb.get(cand.id)
                if rec is None or rec.label not in _COMPATIBLE.get(group.label, set()):
                    continue
                score = cand.score + self.kb.prior(rec)
                if rec.label != group.label:
                    score -= 0.1  # the model's label is evidence too
                if rec.info.country and rec.info.country in article_countries and rec.type != "country":
                    score += 0.1
                score += self._cue_bonus(doc, span, rec) if span is not None else 0.0
                scores[cand.id] = max(scores.get(cand.id, 0.0), score)
        if not scores:
            confidence = _UNLINKED_CONFIDENCE + _PER_EXTRA_MENTION * (len(group.mentions) - 1)
            linked.confidence = min(_MAX_UNLINKED_CONFIDENCE, confidence)
            return linked
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        best_id, best = ranked[0]
        close = [rid for rid, s in ranked if best - s <= _AMBIGUITY_MARGIN]
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        rec = self.kb[best_id]
        linked.record, linked.label = rec, rec.label
        margin = min(1.0, max(0.0, best - second))
        linked.confidence = max(0.3, min(0.99, 0.55 + 0.4 * min(best, 1.0) * (0.5 + margin)))
        linked.candidates = close if len(close) > 1 else []
        return linked

    def _cue_bonus(self, doc: Doc, span: Span, rec: KBRecord) -> float:
        """« région de Koursk » is the region, « ville de Koursk » the city; no cue: the city."""
        cue = self._cue(doc, span)
        if rec.type == "region":
            return 0.4 if cue == "region" else (-0.3 if cue == "city" else -0.15)
        if rec.type == "city":
            return -0.3 if cue == "region" else 0.0
        return 0.0

    @staticmethod
    def _cue(doc: Doc, span: Span) -> str | None:
        i = span.start - 1
        if i >= 0 and fold(doc[i].text) in ("de", "d'", "du"):
            i -= 1
        if i < 0:
            return None
        word = fold(doc[i].text)
        if word in _REGION_CUES or (word.endswith("s") and word[:-1] in _REGION_CUES):
            return "region"
        if word in _CITY_CUES:
            return "city"
        return None

    def _form(self, entity: _Linked, text: str, coref_form: MentionForm) -> MentionForm:
        if coref_form == "surname":
            return "surname"
        rec = entity.record
        if rec is None or fold(text) == fold(rec.name):
            return "name"
        if sum(c.isalpha() for c in text) >= 2 and all(c.isupper() for c in text if c.isalpha()) and " " not in text:
            return "acronym"
        if rec.type == "person" and " " not in text.strip() and fold(rec.name).endswith(fold(text)):
            return "surname"
        return "alias"

    # -- metonymy ------------------------------------------------------------------------------------
    def _mark_metonyms(self, doc: Doc, entities: dict[str, _Linked]) -> None:
        for entity in entities.values():
            rec = entity.record
            country = self.kb.capitals.get(rec.id) if rec is not None else None
            if country is None:
                continue
            for key, mention in list(entity.mentions.items()):
                span = doc.char_span(mention.start, mention.end)
                if span is not None and mention.form in ("name", "alias") and self._is_metonym(doc, span):
                    entity.mentions[key] = replace(mention, form="metonym", stands_for=country)

    @staticmethod
    def _is_metonym(doc: Doc, span: Span) -> bool:
        if not doc.has_annotation("POS") and not doc.has_annotation("MORPH"):
            return False
        if span.start > 0 and fold(doc[span.start - 1].text) in _NOT_BEFORE_METONYM:
            return False
        for token in doc[span.end: span.end + _METONYM_WINDOW]:
            if token.pos_ in ("VERB", "AUX") and "Fin" in token.morph.get("VerbForm", None):
                return True
            if fold(token.text) in _CLITICS or token.pos_ == "ADV":
                continue
            return False
        return False

@Language.factory("frnews_linker", default_config={"rules": []},
                  requires=["doc.ents", "doc.spans", "doc._.frnews_titles", "token.pos", "token.morph"],
                  assigns=["doc._.frnews_entities"])
def make_entity_linker(nlp: Language, name: str, rules: list[str]) -> EntityLinker:
    """spaCy factory of :class:`EntityLinker`: the knowledge base of the shipped files and ``rules``."""
    return EntityLinker(name, kb=load_rules(rules, parts=("kb",)).kb)
