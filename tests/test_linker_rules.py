"""Rule logic of frnews_entity_ruler and frnews_linker on spacy.blank("fr") (no model needed).

Entity spans the statistical model would give are set by hand; POS-dependent metonymy is tested
with the model in test_linker_model.py.
"""

from __future__ import annotations

import pytest
import spacy
from conftest import doc_with_ents

from frnews_ner.pipeline.entity_ruler import DEMONYMS, make_entity_ruler
from frnews_ner.pipeline.extensions import ensure_extensions
from frnews_ner.pipeline.linker import make_entity_linker


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("fr")


@pytest.fixture(scope="module")
def ruler(nlp):
    return make_entity_ruler(nlp, "frnews_entity_ruler", [])


@pytest.fixture(scope="module")
def linker(nlp):
    return make_entity_linker(nlp, "frnews_linker", [])


def run(nlp, ruler, linker, text: str, ents: list[tuple[str, str]] = (), published: str | None = "2024-12-15"):
    """Run ruler + linker on ``text`` with the model's entities given as (text, label) pairs."""
    doc = doc_with_ents(nlp, text, ents, published=published)
    doc = linker(ruler(doc))
    for entity in doc._.frnews_entities:
        for m in entity.mentions:
            assert text[m.start:m.end] == m.text
    return doc


def entities(doc) -> list[dict]:
    """The linker's Entity records in their JSON shape, for compact assertions."""
    return [e.to_dict() for e in doc._.frnews_entities]


def by_id(doc) -> dict[str, dict]:
    return {e["id"]: e for e in entities(doc)}


def forms(entity: dict) -> list[tuple[str, str]]:
    return [(m["text"], m["form"]) for m in entity["mentions"]]


def test_demonyms_become_mentions_of_the_country(nlp, ruler, linker):
    doc = run(nlp, ruler, linker, "Des marins nord-coréens et des unités nord-coréennes aident les Russes. "
                                  "Un diplomate sud-coréen parle.")
    ents = by_id(doc)
    assert forms(ents["iso3166:KP"]) == [("nord-coréens", "demonym"), ("nord-coréennes", "demonym")]
    assert forms(ents["iso3166:RU"]) == [("Russes", "demonym")]
    assert forms(ents["iso3166:KR"]) == [("sud-coréen", "demonym")]
    assert ents["iso3166:KP"]["name"] == "Corée du Nord" and ents["iso3166:KP"]["label"] == "LOC"


def test_a_model_entity_that_is_a_nationality_word_leaves_doc_ents(nlp, ruler, linker):
    doc = run(nlp, ruler, linker, "Selon lui, les Russes avancent.", [("Russes", "LOC")])
    assert [e.text for e in doc.ents] == []
    assert [s.text for s in doc.spans[DEMONYMS]] == ["Russes"]
    assert forms(by_id(doc)["iso3166:RU"]) == [("Russes", "demonym")]


def test_a_nationality_word_inside_a_longer_name_is_left_alone(nlp, ruler, linker):
    doc = run(nlp, ruler, linker, "Le Parti communiste chinois se réunit.", [("Parti communiste chinois", "ORG")])
    assert "iso3166:CN" not in by_id(doc)


def test_a_capitalised_country_name_is_not_a_nationality(nlp, ruler, linker):
    doc = run(nlp, ruler, linker, "Il est allé en Argentine.", [("Argentine", "LOC")])
    assert forms(by_id(doc)["iso3166:AR"]) == [("Argentine", "name")]


def test_title_resolved_by_publication_date(nlp, ruler, linker):
    text = "Selon le président ukrainien, la situation est grave."
    doc = run(nlp, ruler, linker, text)
    assert [s.text for s in doc._.frnews_titles] == ["président ukrainien"]
    assert forms(by_id(doc)["frnews:person/volodymyr-zelensky"]) == [("président ukrainien", "title")]


@pytest.mark.parametrize("published, person", [("2019-06-01", "frnews:person/donald-trump"),
                                               ("2024-12-15", "frnews:person/joe-biden")])
def test_the_same_title_names_different_people_on_different_days(nlp, ruler, linker, published, person):
    doc = run(nlp, ruler, linker, "Le président américain a parlé.", published=published)
    assert person in by_id(doc)
    assert by_id(doc)[person]["label"] == "PER"


def test_titles_with_a_fixed_country_or_a_country_name(nlp, ruler, linker):
    doc = run(nlp, ruler, linker, "Le chef du Kremlin et le chef de l'État russe, puis le président de la Russie.")
    putin = by_id(doc)["frnews:person/vladimir-poutine"]
    assert [t for t, f in forms(putin)] == ["chef du Kremlin", "chef de l'État russe", "président de la Russie"]


def test_no_title_without_a_publication_date(nlp, ruler, linker):
    doc = run(nlp, ruler, linker, "Le président ukrainien a parlé.", published=None)
    assert entities(doc) == [] or "frnews:person/volodymyr-zelensky" not in by_id(doc)


def test_the_title_and_the_name_join_one_person(nlp, ruler, linker):
    text = "Volodymyr Zelensky parle. Le président ukrainien insiste."
    doc = run(nlp, ruler, linker, text, [("Volodymyr Zelensky", "PER")])
    zelensky = by_id(doc)["frnews:person/volodymyr-zelensky"]
    assert forms(zelensky) == [("Volodymyr Zelensky", "name"), ("président ukrainien", "title")]
    assert zelensky["kb"]["type"] == "person" and zelensky["name"] == "Volodymyr Zelensky"


def test_region_cue_picks_the_region_and_no_cue_the_city(nlp, ruler, linker):
    doc = run(nlp, ruler, linker, "Des combats dans la région de Koursk.", [("Koursk", "LOC")])
    assert "iso3166-2:RU-KRS" in by_id(doc)
    doc = run(nlp, ruler, linker, "Des drones au-dessus de Koursk.", [("Koursk", "LOC")])
    kursk = by_id(doc)["geonames:538560"]
    assert kursk["name"] == "Koursk" and kursk["kb"]["type"] == "city" and kursk["kb"]["geonames"] == 538560
    doc = run(nlp, ruler, linker, "Un dépôt de la région d'Oryol.", [("Oryol", "LOC")])
    assert by_id(doc)["iso3166-2:RU-ORL"]["mentions"][0]["text"] == "Oryol"


def test_ambiguity_stays_visible(nlp, ruler, linker):
    doc = run(nlp, ruler, linker, "Il vit à Vienne.", [("Vienne", "LOC")])
    (entity,) = entities(doc)
    assert entity["id"] == "geonames:2761369"  # the Austrian capital, by population
    assert 0 < entity["confidence"] < 1


def test_country_context_helps_places(nlp, ruler, linker):
    doc = run(nlp, ruler, linker, "En France, à Vienne, la mairie a voté.", [("France", "LOC"), ("Vienne", "LOC")])
    assert "geonames:2969284" in by_id(doc)  # Vienne (Isère)... stays possible or wins with context
    # whichever wins, the other one stays among the candidates
    vienne = [e for e in entities(doc) if e["mentions"][0]["text"] == "Vienne"][0]
    assert set(vienne["candidates"]) >= {"geonames:2969284"} or vienne["id"] == "geonames:2969284"


def test_the_ruler_adds_known_organisations_and_relabels(nlp, ruler, linker):
    text = "Les Nations unies et l'OTAN réagissent, comme le ministère de l'Intérieur et la Cour de cassation."
    doc = run(nlp, ruler, linker, text, [("Nations", "LOC")])
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Nations unies", "ORG"), ("OTAN", "ORG"), ("ministère de l'Intérieur", "ORG"), ("Cour de cassation", "ORG")]
    ents = by_id(doc)
    assert forms(ents["frnews:org/onu"]) == [("Nations unies", "alias")]
    assert forms(ents["frnews:org/otan"]) == [("OTAN", "acronym")]
    assert ents["frnews:org/onu"]["name"] == "Organisation des Nations unies"
    assert ents["frnews:org/ministere-de-l-interieur"]["kb"]["country"] == "FR"


def test_a_model_label_is_corrected_by_the_kb(nlp, ruler, linker):
    doc = run(nlp, ruler, linker, "Le FMI prête.", [("FMI", "LOC")])
    assert by_id(doc)["frnews:org/fmi"]["label"] == "ORG"


def test_a_person_span_never_becomes_a_place(nlp, ruler, linker):
    doc = run(nlp, ruler, linker, "Paris Hilton arrive.", [("Paris Hilton", "PER")])
    (entity,) = entities(doc)
    assert entity["id"] == "local:PER/paris-hilton" and entity["kb"] is None


def test_spellings_and_surname_join_the_kb_person(nlp, ruler, linker):
    text = "Volodymyr Zelenskyy a parlé. Zelensky insiste."
    doc = run(nlp, ruler, linker, text, [("Volodymyr Zelenskyy", "PER"), ("Zelensky", "PER")])
    (entity,) = entities(doc)
    assert entity["id"] == "frnews:person/volodymyr-zelensky"
    assert forms(entity) == [("Volodymyr Zelenskyy", "alias"), ("Zelensky", "surname")]


def test_unknown_people_keep_a_deterministic_id(nlp, ruler, linker):
    doc = run(nlp, ruler, linker, "Emmanuelle Chaze rapporte.", [("Emmanuelle Chaze", "PER")])
    (entity,) = entities(doc)
    assert entity["id"] == "local:PER/emmanuelle-chaze" and entity["kb"] is None
    assert entity["candidates"] == []


def test_no_metonymy_without_pos_tags(nlp, ruler, linker):
    doc = run(nlp, ruler, linker, "Kiev annonce un plan.", [("Kiev", "LOC")])
    assert forms(by_id(doc)["geonames:703448"]) == [("Kiev", "name")]


def test_nationality_nouns_after_an_article(nlp, ruler, linker):
    doc = run(nlp, ruler, linker, "L'Australienne Sam Stosur bat la Belge Kim Clijsters et le Français Paul Dupont.",
              [("Australienne", "LOC"), ("Sam Stosur", "PER"), ("Belge", "LOC"), ("Kim Clijsters", "PER"),
               ("Français", "LOC"), ("Paul Dupont", "PER")])
    ents = by_id(doc)
    assert forms(ents["iso3166:AU"]) == [("Australienne", "demonym")]
    assert forms(ents["iso3166:BE"]) == [("Belge", "demonym")]
    assert forms(ents["iso3166:FR"]) == [("Français", "demonym")]  # France, not its southern lands
    assert [e.text for e in doc.ents] == ["Sam Stosur", "Kim Clijsters", "Paul Dupont"]


def test_model_span_fixes(nlp, ruler, linker):
    doc = run(nlp, ruler, linker, "La France et le groupe A ; La Haye accueille.",
              [("La France", "LOC"), ("A", "LOC"), ("La Haye", "LOC")])
    assert [e.text for e in doc.ents] == ["France", "La Haye"]


def test_a_lone_surname_the_model_read_as_a_place_joins_the_person(nlp, ruler, linker):
    doc = run(nlp, ruler, linker, "Lucie Vanrel gagne. Vanrel est en tête.", [("Lucie Vanrel", "PER"), ("Vanrel", "LOC")])
    (entity,) = entities(doc)
    assert entity["label"] == "PER" and forms(entity) == [("Lucie Vanrel", "name"), ("Vanrel", "surname")]


from hypothesis import given, settings, strategies as st  # noqa: E402

_WORDS = ["le", "président", "ukrainien", "nord-", "coréens", "Russes", "Kiev", "continue", "région", "de",
          "Koursk", "l'", "OTAN", "Nations", "unies", "’", "-", "\n\n", " ", "Zelensky", "chef", "État", "russe"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=25))
def test_any_word_salad_keeps_exact_offsets(nlp, ruler, linker, words):
    text = " ".join(words)
    doc = run(nlp, ruler, linker, text)  # run() asserts text[start:end] == mention text
    for entity in entities(doc):
        assert entity["mentions"] and entity["id"]


def test_surname_that_is_also_a_place_is_the_person_unless_a_preposition_makes_it_a_place(nlp, ruler, linker):
    text = "François Hollande parle. Selon Hollande, rien ne presse. Il part en Hollande."
    doc = run(nlp, ruler, linker, text, [("François Hollande", "PER"), ("Hollande", "LOC"), ("Hollande", "LOC")])
    person = next(e for e in entities(doc) if e["label"] == "PER")
    assert forms(person) == [("François Hollande", "name"), ("Hollande", "surname")]
    place = next(e for e in entities(doc) if e["label"] == "LOC")
    assert place["mentions"][0]["start"] == text.rindex("Hollande")


def test_places_linked_without_doubt_decide_an_ambiguous_one(nlp, ruler, linker):
    alone = run(nlp, ruler, linker, "Le match a eu lieu à Valence.", [("Valence", "LOC")])
    (valence,) = entities(alone)
    assert valence["kb"]["country"] == "ES" and len(valence["candidates"]) > 1
    text = "Le match a eu lieu à Valence, puis l'équipe est rentrée à Lyon."
    doc = run(nlp, ruler, linker, text, [("Valence", "LOC"), ("Lyon", "LOC")])
    valence = next(e for e in entities(doc) if e["mentions"][0]["text"] == "Valence")
    assert valence["kb"]["country"] == "FR" and valence["id"] in valence["candidates"]


def test_names_tokenised_in_one_call_as_word_by_word(nlp, ruler):
    """The ruler tokenises the knowledge base's words in one tokenizer call; each word must come out
    as the tokenizer gives it alone (names of our own, with apostrophes, hyphens and dots)."""
    names = ["Jean-Pierre L'Hôtel", "Saint-Étienne-du-Rouvray", "O’Neill", "U.S. Steel", "A.B.C.", "l'ONU",
             "Marie-Ève d’Arc", "(Paris)", "5e République"]
    ruler._orths = {}  # the construction-time memo (dropped once the ruler is built)
    try:
        ruler._pretokenize(nlp, names)
        for name in names:
            for word in name.split(" "):
                assert ruler._orths[word] == tuple(t.orth for t in nlp.make_doc(word)), word
        assert ruler._tokens(nlp, names[0]) == tuple(t.orth for t in nlp.make_doc(names[0]))
    finally:
        del ruler._orths


def test_the_matcher_reads_windows_after_gate_words_and_finds_the_whole_docs_matches(nlp, ruler):
    from frnews_ner.pipeline.entity_ruler import EntityRuler, pattern_reach
    from frnews_ner.rules import Pattern

    assert pattern_reach([{"LOWER": "cour"}, {"LOWER": "de", "OP": "?"}, {"IS_TITLE": True}]) == 3
    assert pattern_reach([{"LOWER": "a"}, {"IS_TITLE": True, "OP": "{2}"}, {"LOWER": "b", "OP": "{,3}"}]) == 6
    assert pattern_reach([{"LOWER": "a"}, {"IS_TITLE": True, "OP": "{1,4}"}]) == 5
    for unbounded in ("+", "*", "{2,}"):
        assert pattern_reach([{"LOWER": "a"}, {"IS_TITLE": True, "OP": unbounded}]) is None
    assert ruler._matcher_reach and ruler._matcher_reach >= 4
    # gate words closer than the reach (windows that overlap), far apart, at the start and at the end
    text = ("Cour de cassation et Conseil d'État, puis le ministère de l'Intérieur et des Outre-mer. "
            + "Rien à signaler ici, " * 30 + "sinon le Parti socialiste unifié, le Tribunal de Lyon et la Cour")
    doc = nlp.make_doc(text)
    windowed = ruler._token_matches(doc)
    assert len(windowed) >= 4 and sorted(windowed) == sorted(ruler.matcher(doc))
    assert ruler._token_matches(nlp.make_doc("Rien à signaler.")) == []
    unbounded = Pattern("ORG", [{"LOWER": "groupe"}, {"IS_TITLE": True, "OP": "+"}], None, "mine.jsonl:1")
    own = EntityRuler(nlp, "own_ruler", kb=ruler.kb, patterns=[unbounded])
    assert own._matcher_reach is None  # no bound: the Matcher reads the whole doc
    assert "groupe Vatel Durand Martin" in [e.text for e in own(nlp("Le groupe Vatel Durand Martin rachète.")).ents]


def test_the_matcher_is_skipped_only_where_no_pattern_can_start(nlp, ruler):
    from frnews_ner.pipeline.entity_ruler import EntityRuler, first_words
    from frnews_ner.rules import Pattern

    assert first_words([{"LOWER": "ministère"}, {"IS_TITLE": True}]) == {"ministère"}
    assert first_words([{"TEXT": {"IN": ["Cour", "Tribunal"]}, "IS_SENT_START": False}]) == {"cour", "tribunal"}
    assert first_words([{"LOWER": "grand", "OP": "?"}, {"LOWER": "prix"}]) is None  # optional first token
    assert first_words([{"LOWER": {"REGEX": "^pr"}}]) is None
    assert ruler._matcher_gate and "ministère" in ruler._matcher_gate  # the shipped patterns all start on words
    doc = nlp("Les agents du Ministère de la Culture sont en grève.")
    assert [(e.text, e.label_) for e in ruler(doc).ents if e.label_ == "ORG"] == [("Ministère de la Culture", "ORG")]

    anywhere = Pattern("ORG", [{"IS_TITLE": True}, {"LOWER": "holding"}], None, "mine.jsonl:1")
    own = EntityRuler(nlp, "own_ruler", kb=ruler.kb, patterns=[anywhere])
    assert own._matcher_gate is None  # a pattern that may start on any word: the Matcher always runs
    assert "Vatel holding" in [e.text for e in own(nlp("La société Vatel holding rachète le port.")).ents]
