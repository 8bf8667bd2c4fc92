"""Hard inputs: whatever a scraper produces gives a result, exact offsets and the same output twice."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import frnews_ner
from frnews_ner.chunking import split_text

HARD_TEXTS = {
    "control characters": "Jean\x07 Dupont\x1b est à Lyon.\x0c Fin\x7f.",
    "nul bytes": "Angela\x00 Merkel\x00 est à Berlin.\x00",
    "zero-width and bidi marks": "Emma\u200bnuel Macron\u200d à \u202eParis\u202c et \u2066Lyon\u2069.",
    "emoji": "🇫🇷 Emmanuel Macron 😀 à Marseille 🚀 le 14 juillet 2023 ! 👍🏽",
    "mixed scripts": "Владимир Путин et 习近平 ont vu Recep Tayyip Erdoğan à Ankara ; مرحبا.",
    "markup": "<p>Le <b>président</b> <a href='x'>Joe Biden</a> est à <i>Washington</i>.</p>&nbsp;&amp;",
    "impossible dates": "Le 31 février à 25h61, il y a 999999999999 jours, le 0/0/0000 et le 32 décembre.",
    "only punctuation": "!!! ??? ... — « » ( ) [ ]",
    "carriage returns": "Jean Dupont\r\nest à Lyon.\r\n\r\nPaul Durand\ravait dit non.",
    "word repeated 10000 times": " ".join(["Lyon"] * 10_000),
}


def _check_offsets(text: str, result: frnews_ner.Extraction) -> None:
    for entity in result.entities:
        assert entity.mentions, entity
        for m in entity.mentions:
            assert text[m.start:m.end] == m.text
            assert 0 <= m.start < m.end <= len(text)
    for d in result.dates:
        assert text[d.start:d.end] == d.text


@pytest.mark.parametrize("name", sorted(HARD_TEXTS))
def test_hard_text_gives_a_result_with_exact_offsets_twice_the_same(extractor, name):
    text = HARD_TEXTS[name]
    first = extractor.extract(text, published="2024-12-15")
    _check_offsets(text, first)
    assert extractor.extract(text, published="2024-12-15") == first


def test_word_repeated_ten_thousand_times_is_one_entity(extractor):
    text = HARD_TEXTS["word repeated 10000 times"]
    lyon = [e for e in extractor.extract(text).entities if e.name == "Lyon"]
    assert len(lyon) <= 1


def test_long_article_is_chunked_and_nothing_is_lost(extractor, monkeypatch):
    paragraph = ("Le maire de Lyon, Grégory Doucet, a rencontré Emmanuel Macron à Paris. "
                 "La réunion a duré trois heures.\n\n")
    text = paragraph * 300
    whole = extractor.extract(text, published="2024-12-15")
    monkeypatch.setattr(extractor, "chunk_chars", 5_000)  # force chunking on a test-sized text
    assert len(split_text(text, extractor.chunk_chars)) > 1
    chunked = extractor.extract(text, published="2024-12-15")
    _check_offsets(text, chunked)
    assert {e.id for e in chunked.entities} == {e.id for e in whole.entities}
    count = lambda ex: sum(len(e.mentions) for e in ex.entities)  # noqa: E731
    assert count(chunked) == count(whole)
    assert len(chunked.dates) == len(whole.dates)


@pytest.mark.parametrize("value", [None, b"Lyon", 3, 2.5, object()])
def test_non_text_is_a_type_error(extractor, value):
    with pytest.raises(TypeError, match="text must be str"):
        extractor.extract(value)  # type: ignore[arg-type]


# Generated text: letters of several scripts, French punctuation, digits, spaces and controls.
_alphabet = st.characters(codec="utf-8", exclude_categories=("Cs",))
_french_bits = st.sampled_from(["Lyon", "Paris", " le ", "Emmanuel Macron", " hier", "14 décembre", "\n\n",
                                "l'", "« ", " »", "Samedi", "2024", "-", "ONU", "nord-coréens", "\u200b", "\x00"])
texts = st.lists(st.one_of(st.text(_alphabet, max_size=8), _french_bits), max_size=30).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts, published=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())))
def test_generated_text_keeps_the_invariants(extractor, text, published):
    result = extractor.extract(text, published=published)
    _check_offsets(text, result)
    assert extractor.extract(text, published=published) == result
    if not text.strip():
        assert result.entities == () and result.dates == ()
    if published is None:
        assert all(d.anchor != "published" for d in result.dates)


# Generated text with what scrapers also produce: lone surrogates, combining marks (NFD), long digit runs.
_hostile_bits = st.sampled_from(["\ud800", "\udfff", "e\u0301", "a\u0300", "\u0301", "c\u0327", "9" * 1_200,
                                 "de\u0301cembre", "E\u0301milie Dupre\u0301", " le 14 ", "\ufeff"])
hostile_texts = st.lists(st.one_of(_french_bits, _hostile_bits, st.text(_alphabet, max_size=5)), max_size=20).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile_texts)
def test_generated_hostile_text_keeps_offsets_in_the_callers_string(extractor, text):
    result = extractor.extract(text, published="2024-12-15")
    _check_offsets(text, result)
    assert extractor.extract(text, published="2024-12-15") == result
