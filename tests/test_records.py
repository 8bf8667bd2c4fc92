"""Records own their JSON: from_dict(to_dict(x)) == x, clear errors naming the field, msgpack transport."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
import srsly
from hypothesis import given, settings
from hypothesis import strategies as st

from frnews_ner import Extraction, RecordError
from frnews_ner.pipeline.extensions import ensure_extensions
from frnews_ner.records import ANCHORS, LABELS, MENTION_FORMS, TIMEX_TYPES, Entity, KBInfo, Mention, TimeExpression

_text = st.text(max_size=12)
_ints = st.integers(min_value=0, max_value=10_000)
_maybe = st.one_of(st.none(), _text)

mentions = st.builds(Mention, start=_ints, end=_ints, text=_text, form=st.sampled_from(MENTION_FORMS),
                     stands_for=_maybe)
kb_infos = st.builds(KBInfo, type=st.sampled_from(["city", "country", "person", "organisation"]), country=_maybe,
                     lat=st.one_of(st.none(), st.floats(-90, 90)), lon=st.one_of(st.none(), st.floats(-180, 180)),
                     geonames=st.one_of(st.none(), _ints), wikidata=_maybe, population=st.one_of(st.none(), _ints),
                     source=_text)
entities = st.builds(Entity, id=_text, label=st.sampled_from(LABELS), name=_text, kb=st.one_of(st.none(), kb_infos),
                     confidence=st.floats(0, 1), mentions=st.lists(mentions, max_size=3).map(tuple),
                     candidates=st.lists(_text, max_size=2).map(tuple))
dates = st.builds(TimeExpression, start=_ints, end=_ints, text=_text, type=st.sampled_from(TIMEX_TYPES),
                  value=_maybe, granularity=_maybe, mod=_maybe, anchor=st.sampled_from(ANCHORS),
                  warnings=st.lists(_text, max_size=2).map(tuple))
extractions = st.builds(Extraction, model=_text, published=st.one_of(st.none(), st.dates()),
                        entities=st.lists(entities, max_size=3).map(tuple), dates=st.lists(dates, max_size=3).map(tuple),
                        id=_maybe, published_time=st.one_of(st.none(), st.times()))


@settings(max_examples=200, deadline=None)
@given(extractions)
def test_from_dict_of_to_dict_is_the_same_extraction(extraction: Extraction) -> None:
    assert Extraction.from_dict(extraction.to_dict()) == extraction
    assert Extraction.from_json(extraction.to_json()) == extraction


@settings(max_examples=100, deadline=None)
@given(st.lists(entities, max_size=3), st.lists(dates, max_size=3))
def test_records_survive_msgpack_as_spacy_serialises_docs(ents, times) -> None:
    packed = srsly.msgpack_dumps({"entities": tuple(ents), "dates": tuple(times)})
    back = srsly.msgpack_loads(packed)
    assert back == {"entities": list(ents), "dates": list(times)}


def test_a_doc_with_records_survives_to_bytes() -> None:
    ensure_extensions()
    nlp = spacy.blank("fr")
    doc = nlp("Kiev, le 14 décembre.")
    doc._.frnews_dates = (TimeExpression(10, 21, "14 décembre", "DATE", "2024-12-14", "day", None, "published"),)
    again = spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert tuple(again._.frnews_dates) == doc._.frnews_dates


def test_records_survive_a_docbin() -> None:
    # DocBin reads user data with msgpack's use_list=False: lists of mentions arrive as tuples
    ensure_extensions()
    nlp = spacy.blank("fr")
    doc = nlp("Volodymyr Zelensky à Kiev.")
    mention = Mention(0, 18, "Volodymyr Zelensky", "name")
    doc._.frnews_entities = (Entity("local:PER/volodymyr-zelensky", "PER", "Volodymyr Zelensky", None, 0.9,
                                    (mention,)),)
    doc._.frnews_dates = (TimeExpression(0, 4, "hier", "DATE", "2024-12-14", "day", None, "published"),)
    blob = spacy.tokens.DocBin(store_user_data=True, docs=[doc]).to_bytes()
    (again,) = spacy.tokens.DocBin().from_bytes(blob).get_docs(nlp.vocab)
    assert tuple(again._.frnews_entities) == doc._.frnews_entities
    assert tuple(again._.frnews_dates) == doc._.frnews_dates


def test_settled_msgpack_hooks_keep_every_hook_and_stop_rescanning() -> None:
    # run in a subprocess: settling changes srsly's registries for the rest of the process
    import subprocess
    import sys

    code = """
import srsly, spacy
from frnews_ner.pipeline.extensions import ensure_extensions
from frnews_ner.records import TimeExpression
from frnews_ner.serialization import settle_msgpack_hooks
before = sorted(srsly.msgpack_decoders.get_all()), sorted(srsly.msgpack_encoders.get_all())
settle_msgpack_hooks(); settle_msgpack_hooks()  # twice: the second call changes nothing
after = sorted(srsly.msgpack_decoders.get_all()), sorted(srsly.msgpack_encoders.get_all())
assert before == after and "frnews_ner" in after[0], (before, after)
assert not srsly.msgpack_decoders.entry_points and not srsly.msgpack_encoders.entry_points
ensure_extensions()
nlp = spacy.blank("fr")
doc = nlp("Kiev, le 14 décembre.")
doc._.frnews_dates = (TimeExpression(10, 21, "14 décembre", "DATE", "2024-12-14", "day", None, "published"),)
assert tuple(spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes())._.frnews_dates) == doc._.frnews_dates
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]


@pytest.mark.parametrize("data, message", [
    ({"model": "m", "entities": [{"id": "x", "label": "PERSON", "name": "n", "confidence": 1, "mentions": []}]},
     "entities[0].label: expected one of PER, LOC, ORG, MISC, found 'PERSON'"),
    ({"model": "m", "entities": [{"id": "x", "label": "PER", "name": "n", "confidence": 1,
                                  "mentions": [{"start": "0", "end": 3, "text": "abc"}]}]},
     "entities[0].mentions[0].start: expected int, found '0'"),
    ({"model": "m", "dates": [{"start": 0, "end": 3, "text": "abc", "type": "DATE"}], "published": "hier"},
     "published: expected an ISO date like '2024-12-15', found 'hier'"),
    ({"model": "m", "published": "2024-12-15", "published_time": "8h30"},
     "published_time: expected an ISO time like '08:30:00', found '8h30'"),
    ({"entities": []}, "model: expected a value, found nothing"),
    ({"model": "m", "schema": "frnews_ner/0"}, "schema: expected 'frnews_ner/1', found 'frnews_ner/0'"),
    ([1, 2], "record: expected a JSON object, found list"),
])
def test_from_dict_names_the_field_that_is_wrong(data, message) -> None:
    with pytest.raises(RecordError) as info:
        Extraction.from_dict(data)
    assert str(info.value) == message


def test_from_json_reports_invalid_json() -> None:
    with pytest.raises(RecordError, match="expected a JSON object, found invalid JSON"):
        Extraction.from_json("{oops")


def test_extraction_from_the_library_round_trips(extractor) -> None:
    ex = extractor.extract("Volodymyr Zelensky était à Kiev samedi 14 décembre.", published=date(2024, 12, 15))
    assert ex.entities and ex.dates
    assert Extraction.from_json(ex.to_json()) == ex
