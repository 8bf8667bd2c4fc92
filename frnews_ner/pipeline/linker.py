"""``frnews_linker``: turns the entity spans of a doc into canonical entities.

Reads ``doc.ents`` (after ``frnews_span_hygiene`` and ``frnews_entity_ruler``), groups mentions of
one referent (:mod:`frnews_ner.coref`), links each group to the knowledge base
(:mod:`frnews_ner.kb`, the knowledge base it is given) and writes ``doc._.frnews_entities`` as
:class:`~frnews_ner.records.Entity` records. It also turns the ruler's nationality words
(``doc.spans["frnews_demonyms"]``) and titles (``doc._.frnews_titles``) into ``demonym`` and
``title`` mentions, and marks capitals used for their government as ``metonym`` mentions:
« Kiev continue ses frappes » is a mention of the city Kiev standing for ``iso3166:UA``.

An entity the knowledge base does not know is unlinked: ``kb`` is ``None`` and its id is the
deterministic ``local:<LABEL>/<slug>`` (:func:`frnews_ner.coref.local_slug`: never empty; a hash
of the folded name for names outside plain Latin letters). A name whose words mix Latin letters with
look-alike Cyrillic or Greek ones (« Macrоn » with a Cyrillic « о ») is never linked: it stays its
own unlinked entity, and ``candidates`` lists the records it imitates.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import cast

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..confidence import Calibration, features, scored_mentions, shipped_calibration
from ..coref import MentionGroup, group_mentions
from ..kb import Candidate, KBRecord, KnowledgeBase
from ..kb.translit import romanise
from ..records import Entity, Label, Mention, MentionForm
from ..rules import load_rules
from ..sentences import Sentences
from ..text import fold, is_acronym, mixed_script
from .entity_ruler import DEMONYMS
from .extensions import ENTITIES, TITLES, TitleMention, ensure_extensions, published_of
from .tokens import token_folded

# Without a knowledge base the only evidence is the statistical model's span and how often the
# article repeats it; these are documented in the README next to the linked confidences.
_UNLINKED_CONFIDENCE = 0.5
_PER_EXTRA_MENTION = 0.1
_MAX_UNLINKED_CONFIDENCE = 0.8

# A candidate stays in ``candidates`` when its score is within this margin of the best one.
_AMBIGUITY_MARGIN = 0.12
# The knowledge-base labels a span of each model label may be linked to: an ORG span may name a place
# record or the converse (the model's label stays); a person is never a place or the converse.
# MISC (events, products: « Twitter », « la Coupe du monde ») is never linked: the knowledge base holds
# no such records, and taking a product for the company of the same name makes it an ORG it is not.
_COMPATIBLE = {"PER": {"PER"}, "LOC": {"LOC", "ORG"}, "ORG": {"ORG", "LOC"}, "MISC": set()}

# Metonymy (« Moscou fournissait du carburant »): no dependency parser is loaded, so a capital is
# taken for its state when a finite verb follows within a few tokens (clitics and adverbs may
# stand between) and no preposition or determiner stands before it (« à Kiev », « le Kiev de »),
# after a preposition of relations (« contre Téhéran », « face à Moscou »), or right after a verb
# of addressing (« a averti Pékin »). The words are classes of ``kb/cues.tsv``.
_METONYM_WINDOW = 4
#: Bonus of a place whose country the article is about (« à Valence … à Lyon » → Valence, Drôme).
_CONTEXT_BONUS = 0.2
#: Distinct names whose knowledge-base candidates a linker remembers (a few MB at most).
_CANDIDATE_MEMO_SIZE = 50_000


def _label_with(model_label: str, rec: KBRecord) -> str:
    """The label of a linked entity: an organisation of the knowledge base is an ORG whatever the
    model read (« le FMI » tagged LOC), while a place named for an organisation keeps the model's ORG
    (« la France a battu l'Italie »: the team, linked to the country); measured against the news NER,
    turning ORG places into LOC costs."""
    return "ORG" if rec.type == "organisation" else model_label


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

    def __init__(self, name: str = "frnews_linker", *, kb: KnowledgeBase, home_country: str | None = "FR",
                 calibration: Calibration | None = None) -> None:
        ensure_extensions()
        self.name = name
        self.kb = kb
        #: turns an entity into the measured probability that its mentions are right (see
        #: :mod:`frnews_ner.confidence`); None keeps the linker's own score
        self.calibration = calibration
        #: the country of a title that names none (« le ministre des Sports ») when the article names
        #: no other country; ``None``: such titles name nobody
        self.home_country = home_country
        # the knowledge base never changes once loaded: a name's candidates are looked up once, not
        # once per mention and per pass (a fuzzy miss scans every key of the base)
        self._candidate_memo: dict[tuple[str, bool], tuple[Candidate, ...]] = {}

    def __call__(self, doc: Doc) -> Doc:
        published = published_of(doc)
        ents = list(doc.ents)
        texts = [e.text for e in ents]  # Span.text joins its tokens on each access: read once per name
        folded = token_folded(doc)  # the folded text of each token, for the cue words around names
        article_countries = self._article_countries(doc, texts)
        entities: dict[str, _Linked] = {}
        order: list[str] = []

        def entity_for(fresh: _Linked) -> _Linked:
            """The entity already assembled under ``fresh.id``, else ``fresh`` itself."""
            if fresh.id not in entities:
                entities[fresh.id] = fresh
                order.append(fresh.id)
            return entities[fresh.id]

        by_start = {e.start_char: (e, text) for e, text in zip(ents, texts)}
        groups = group_mentions([(e.start_char, e.end_char, text, label)
                                 for e, text, label in zip(ents, texts, self._labels(ents, texts, folded))],
                                acronym_skip=self.kb.cue("acronym_skip"))
        linked_groups = [(g, self._link_group(folded, g, by_start, article_countries)) for g in groups]
        # Places linked without doubt say which countries the article is about too: « à Valence …
        # à Lyon » is Valence (Drôme). Groups that stayed ambiguous are decided again with them.
        context = article_countries | {
            linked.record.info.country for _, linked in linked_groups
            if linked.record is not None and not linked.candidates and linked.record.info.country
            and linked.record.type in ("city", "region", "place")}
        if context != article_countries:
            linked_groups = [(g, self._link_group(folded, g, by_start, context) if linked.candidates else linked)
                             for g, linked in linked_groups]
        for group, linked in linked_groups:
            target = entity_for(linked)
            for mention in group.mentions:
                form = self._form(target, mention.text, mention.form)
                target.add(mention if form == mention.form else replace(mention, form=form))
            if target is not linked:
                target.confidence = max(target.confidence, linked.confidence)

        for span in doc.spans.get(DEMONYMS, []):
            rec = self.kb.get(span.kb_id_)
            if rec is None:
                continue
            target = entity_for(_Linked("LOC", rec.name, "", rec, 0.9))
            target.add(Mention(span.start_char, span.end_char, span.text, "demonym"))

        if published is not None:
            # sentence bounds cost a walk over every token: computed only for a title that names no
            # country (most articles have none)
            sentences: Sentences | None = None
            for title in doc._.get(TITLES) or ():
                if title.country or title.international:
                    country = title.country
                else:
                    sentences = sentences if sentences is not None else Sentences.of(doc)
                    country = self._title_country(doc, title, sentences, context, entities)
                if country is None and not title.international:
                    continue  # the article does not say which country: nobody rather than a guess
                person = self._title_holder(title, country, published, entities)
                rec = self.kb.get(person) if person else None
                if rec is None:
                    continue  # nobody, or several people at once: say nothing rather than guess
                target = entity_for(_Linked("PER", rec.name, "", rec, 0.8))
                target.add(Mention(title.start, title.end, title.text, "title"))

        self._mark_metonyms(doc, entities)
        records = tuple(self._calibrated(entities[k].to_entity())
                        for k in sorted(order, key=lambda k: min(entities[k].mentions)))
        doc._.set(ENTITIES, records)
        self._label_ents(doc, records)
        return doc

    def _candidates(self, text: str, *, fuzzy: bool = False) -> tuple[Candidate, ...]:
        """:meth:`KnowledgeBase.candidates`, remembered (bounded: forgotten all at once when full)."""
        key = (text, fuzzy)
        found = self._candidate_memo.get(key)
        if found is None:
            if len(self._candidate_memo) >= _CANDIDATE_MEMO_SIZE:
                self._candidate_memo.clear()
            found = self._candidate_memo[key] = tuple(self.kb.candidates(text, fuzzy=fuzzy))
        return found

    def _calibrated(self, entity: Entity) -> Entity:
        """The entity with its calibrated confidence (entities known only by nationality words or
        titles have no gold to be calibrated on: they keep the linker's score)."""
        if self.calibration is None or not scored_mentions(entity):
            return entity
        return replace(entity, confidence=self.calibration(features(entity)))

    @staticmethod
    def _label_ents(doc: Doc, records: tuple[Entity, ...]) -> None:
        """``doc.ents`` say what the entities say: each span gets its entity's label and, when linked,
        its knowledge-base id as ``kb_id_`` (for pipelines that read spaCy's own attributes)."""
        by_offsets = {(m.start, m.end): e for e in records for m in e.mentions}
        ents = []
        for ent in doc.ents:
            entity = by_offsets.get((ent.start_char, ent.end_char))
            if entity is None:
                ents.append(ent)
            else:
                ents.append(Span(doc, ent.start, ent.end, label=entity.label,
                                 kb_id=entity.id if entity.kb is not None else ""))
        doc.set_ents(ents, default="outside")

    # -- titles --------------------------------------------------------------------------------------
    def _title_holder(self, title: TitleMention, country: str | None, day: date,
                      entities: dict[str, _Linked]) -> str | None:
        """Who a title names on ``day``: the holder, or for « l'ancien président » the person named right
        after it when they held the office (« l'ancien président américain Barack Obama »), else the
        previous holder."""
        if title.former:
            following = next((e for e in entities.values() if e.record is not None and e.record.type == "person"
                              and any(title.end <= m.start <= title.end + 1 for m in e.mentions.values())), None)
            if following is not None:
                held = self.kb.held_before(following.record.id, title.roles, country, day)  # type: ignore[union-attr]
                return following.record.id if held else None  # type: ignore[union-attr]
            return self.kb.previous_holder(title.roles, country, day)
        holders = self.kb.holders(title.roles, country, day)
        return holders[0] if len(holders) == 1 else None

    def _title_country(self, doc: Doc, title: TitleMention, sentences: Sentences, context: set[str],
                       entities: dict[str, _Linked]) -> str | None:
        """The country of a title that names none: the one country its sentence names (a country, a
        nationality word or a place linked without doubt: « À Londres, le Premier ministre… »), else
        the home country when the article names no other country."""
        span = doc.char_span(title.start, title.end, alignment_mode="expand")
        if span is not None:
            lo, hi = doc[sentences.start[span.start]].idx, doc[sentences.end[span.start] - 1].idx + 1
            named = {code for code, start in self._country_evidence(doc, entities) if lo <= start < hi}
            if len(named) == 1:
                return next(iter(named))
            if named:
                return None
        if self.home_country and context <= {self.home_country}:
            return self.home_country
        return None

    def _country_evidence(self, doc: Doc, entities: dict[str, _Linked]) -> list[tuple[str, int]]:
        """(country code, character offset) of every nationality word, country and place linked without
        doubt in the doc."""
        found = [(span.kb_id_.split(":", 1)[1], span.start_char) for span in doc.spans.get(DEMONYMS, [])
                 if span.kb_id_]
        for entity in entities.values():
            rec = entity.record
            if rec is None or entity.candidates or not rec.info.country:
                continue
            if rec.type in ("country", "city", "region", "place"):
                found.extend((rec.info.country, m.start) for m in entity.mentions.values() if m.form != "demonym")
        return found

    # -- linking -------------------------------------------------------------------------------------
    def _labels(self, ents: list[Span], texts: list[str], folded: list[str]) -> list[str]:
        """The model's labels, except that a lone surname of a person named in full in the article
        is that person (« Lucie Vanrel … Vanrel » even where the model read « Vanrel » as a place).
        Where the knowledge base also knows the word as a place (« François Hollande … Hollande »),
        the person wins unless a preposition or determiner before it makes it a place (« en
        Hollande », « de Hollande »)."""
        surnames = {folded[e.end - 1] for e in ents if e.label_ == "PER" and len(e) > 1}
        places_before = self.kb.cue("place_preposition")
        labels = []
        for ent, text in zip(ents, texts):
            label = ent.label_
            before = folded[ent.start - 1] if ent.start else ""
            if label != "PER" and len(ent) == 1 and fold(text) in surnames:
                known_otherwise = any(self.kb[c.id].type != "person" for c in self._candidates(text)
                                      if c.match == "exact")
                if not known_otherwise or before not in places_before:
                    label = "PER"
            elif label in ("LOC", "ORG") and self._is_speaker(ent, folded):
                label = "PER"
            labels.append(label)
        return labels

    def _is_speaker(self, ent: Span, folded: list[str]) -> bool:
        """« raconte Nancy, 45 ans » / « Nancy, 45 ans, » / « …, explique Lorient. »: a person speaking or
        given an age in apposition, whatever else the name may be (``folded``: the doc's folded token
        texts; the cue words are read there first, a Token is built only after one)."""
        doc, end = ent.doc, ent.end
        aged = end + 3 <= len(folded) and folded[end + 2] in self.kb.cue("age_unit") \
            and doc[end].text == "," and doc[end + 1].like_num
        said = ent.start > 0 and folded[ent.start - 1] in self.kb.cue("speech_verb") \
            and (end >= len(doc) or doc[end].is_punct)
        return aged or said

    def _article_countries(self, doc: Doc, texts: list[str]) -> set[str]:
        """Countries the article names outright (names, ``texts`` of its entities, and nationality
        words): context for places."""
        countries = {span.kb_id_.split(":", 1)[1] for span in doc.spans.get(DEMONYMS, []) if span.kb_id_}
        for text in dict.fromkeys(texts):
            for cand in self._candidates(text):
                rec = self.kb.get(cand.id)
                if rec is not None and rec.type == "country" and rec.info.country:
                    countries.add(rec.info.country)
        return countries

    def _link_group(self, folded: list[str], group: MentionGroup, by_start: dict[int, tuple[Span, str]],
                    article_countries: set[str]) -> _Linked:
        linked = _Linked(group.label, group.name, group.local_id)
        if any(mixed_script(m.text) for m in group.mentions):
            # « Emmanuel Macrоn » with a Cyrillic « о »: a look-alike is never linked silently. It
            # stays its own unlinked entity (its local id carries a hash, see coref.local_slug) and
            # ``candidates`` names the records it imitates, for a reader to see
            linked.confidence = _UNLINKED_CONFIDENCE
            linked.candidates = self._imitated(group)
            return linked
        spans = [by_start[m.start] for m in group.mentions if m.start in by_start]
        # the ruler may have named the record outright
        ruled = next((rec for s, _ in spans if s.kb_id_ and (rec := self.kb.get(s.kb_id_)) is not None), None)
        if ruled is not None:
            rec = ruled
            linked.record, linked.confidence = rec, 0.95
            linked.label = _label_with(group.label, rec)
            return linked
        scores: dict[str, float] = {}
        base: dict[str, float] = {}  # the same without context and cues: how ambiguous the name itself is
        # every mention is looked up (« Zelenskyy » may be known where « Volodymyr Zelenskyy » is not),
        # each with the words before it as type cue; the group's name stands for itself
        pairs: list[tuple[Span | None, str]] = [*spans] or [(None, group.name)]
        for span, text in pairs:
            candidates = self._candidates(text, fuzzy=True)
            city_too = any(self.kb[c.id].type == "city" for c in candidates)
            for cand in candidates:
                rec = self.kb.get(cand.id)
                if rec is None or rec.label not in _COMPATIBLE.get(group.label, set()):
                    continue
                score = cand.score + self.kb.prior(rec)
                if rec.label != group.label:
                    score -= 0.1  # the model's label is evidence too
                base[cand.id] = max(base.get(cand.id, 0.0), score)
                if rec.info.country and rec.info.country in article_countries and rec.type != "country":
                    score += _CONTEXT_BONUS
                score += self._cue_bonus(folded, span, rec, city_too) if span is not None else 0.0
                scores[cand.id] = max(scores.get(cand.id, 0.0), score)
        if not scores:
            confidence = _UNLINKED_CONFIDENCE + _PER_EXTRA_MENTION * (len(group.mentions) - 1)
            linked.confidence = min(_MAX_UNLINKED_CONFIDENCE, confidence)
            return linked
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        best_id, best = ranked[0]
        # ambiguity stays visible: the names the knowledge base cannot tell apart by themselves (or
        # that stay close once context and cues are counted) are listed, the chosen one first
        top = max(base.values())
        close = [rid for rid, s in ranked if best - s <= _AMBIGUITY_MARGIN or top - base[rid] <= _AMBIGUITY_MARGIN]
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        rec = self.kb[best_id]
        linked.record = rec
        linked.label = _label_with(group.label, rec)
        margin = min(1.0, max(0.0, best - second))
        linked.confidence = max(0.3, min(0.99, 0.55 + 0.4 * min(best, 1.0) * (0.5 + margin)))
        linked.candidates = close if len(close) > 1 else []
        return linked

    def _imitated(self, group: MentionGroup) -> list[str]:
        """The records a mixed-script group's names would name were its look-alike letters Latin."""
        found: dict[str, None] = {}
        for mention in group.mentions:
            for cand in self.kb.candidates(romanise(fold(mention.text))):
                if self.kb[cand.id].label in _COMPATIBLE.get(group.label, set()):
                    found.setdefault(cand.id)
        return list(found)

    def _cue_bonus(self, folded: list[str], span: Span, rec: KBRecord, city_too: bool) -> float:
        """« région de Koursk » is the region, « ville de Koursk » the city; no cue: the city. « au
        Luxembourg », « en Géorgie », « au Québec » are no cities; « à Luxembourg » is first the city.
        ``city_too``: a city of that name is a candidate too (only then does a region need a cue)."""
        cue = self._cue(folded, span)
        if rec.type == "region":
            if cue == "region":
                return 0.4
            if cue in ("city", "at_city"):
                return -0.3 if cue == "city" else -0.1
            return -0.15 if city_too and cue != "not_city" else 0.0
        if rec.type == "city":
            return {"region": -0.3, "not_city": -0.3, "at_city": 0.1}.get(cue or "", 0.0)
        return 0.0

    def _cue(self, folded: list[str], span: Span) -> str | None:
        """What the words before a place say of it: ``region``, ``city`` (a noun: « la ville de »),
        ``not_city`` (« au », « en »), ``at_city`` (« à »), or None."""
        if span.start == 0:
            return None
        before = folded[span.start - 1]
        if before in self.kb.cue("country_preposition"):
            return "not_city"
        if before in self.kb.cue("city_preposition"):
            return "at_city"
        i = span.start - 1
        if before in ("de", "d'", "du"):
            i -= 1
        if i < 0:
            return None
        word = folded[i]
        regions = self.kb.cue("region_cue")
        if word in regions or (word.endswith("s") and word[:-1] in regions):
            return "region"
        if word in self.kb.cue("city_cue"):
            return "city"
        return None

    def _form(self, entity: _Linked, text: str, coref_form: MentionForm) -> MentionForm:
        if coref_form in ("surname", "acronym"):
            return coref_form
        rec = entity.record
        if rec is None or fold(text) == fold(rec.name):
            return "name"
        if is_acronym(text):
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

    def _is_metonym(self, doc: Doc, span: Span) -> bool:
        """A capital standing for its state: subject of a verb, after a preposition of relations, or
        addressed by a verb (see the module comment)."""
        if span.start > 0 and self._after_relation(doc, span.start):
            return True
        if not doc.has_annotation("POS") and not doc.has_annotation("MORPH"):
            return False
        before = doc[span.start - 1] if span.start > 0 else None
        if before is not None and before.pos_ == "VERB" and any(
                fold(before.text).startswith(stem) for stem in self.kb.cue("addressing_verb_stem")):
            return True  # « Londres a averti Pékin »
        if before is not None and fold(before.text) in self.kb.cue("place_preposition"):
            return False
        clitics = self.kb.cue("clitic")
        for token in doc[span.end: span.end + _METONYM_WINDOW]:
            if token.pos_ in ("VERB", "AUX") and "Fin" in token.morph.get("VerbForm", None):
                return True
            if fold(token.text) in clitics or token.pos_ == "ADV":
                continue
            return False
        return False

    def _after_relation(self, doc: Doc, i: int) -> bool:
        """« contre Téhéran », « face à Moscou », « entre Washington et Pékin »: token ``i`` follows a
        preposition of relations between states (over « et » and one capitalised name)."""
        before = fold(doc[i - 1].text)
        if before in ("et", "ou") and i >= 3 and doc[i - 2].text[:1].isupper():
            return self._after_relation(doc, i - 2)
        if before in self.kb.cue("relation_preposition"):
            return True
        return before in ("à", "de", "d'") and i >= 2 and fold(doc[i - 2].text) in self.kb.cue("relation_head")

@Language.factory("frnews_linker", default_config={"rules": [], "home_country": "FR", "calibrated": True},
                  requires=["doc.ents", "doc.spans", "doc._.frnews_titles", "token.pos", "token.morph"],
                  assigns=["doc._.frnews_entities", "doc.ents", "token.ent_kb_id"])
def make_entity_linker(nlp: Language, name: str, rules: list[str], home_country: str | None = "FR",
                       calibrated: bool = True) -> EntityLinker:
    """spaCy factory of :class:`EntityLinker`: the knowledge base of the shipped files and ``rules``;
    ``home_country`` (ISO code or None) is the country of titles that name none; ``calibrated``:
    confidences from the shipped calibration (:mod:`frnews_ner.confidence`), else the linker's score."""
    return EntityLinker(name, kb=load_rules(rules, parts=("kb",)).kb, home_country=home_country,
                        calibration=shipped_calibration() if calibrated else None)
