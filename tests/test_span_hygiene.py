"""Each span-hygiene rule on spacy.blank("fr") docs with hand-set entities."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from frnews_ner.errors import RuleError
from frnews_ner.pipeline.span_hygiene import make_span_hygiene


def SpanHygiene(nlp, rules=(), split_at="line"):  # noqa: N802  (the component built by its factory)
    return make_span_hygiene(nlp, "frnews_span_hygiene", [str(r) for r in rules], split_at)


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("fr")


def _run(nlp, text: str, ents: list[tuple[str, str]], rules=()) -> list[tuple[str, str]]:
    """Set entities by their text (first occurrence after the previous one) and run the component."""
    doc = nlp(text)
    spans, cursor = [], 0
    for ent_text, label in ents:
        start = text.index(ent_text, cursor)
        cursor = start + len(ent_text)
        span = doc.char_span(start, cursor, label=label)
        assert span is not None, ent_text
        spans.append(span)
    doc.ents = spans
    SpanHygiene(nlp, rules=rules)(doc)
    return [(e.text, e.label_) for e in doc.ents]


def test_entity_is_split_at_a_line_break(nlp):
    text = "Il le dit, affirme Zelensky\n\nVolodymyr Zelensky a aussi accusé Moscou."
    assert _run(nlp, text, [("Zelensky\n\nVolodymyr Zelensky", "PER")]) == [
        ("Zelensky", "PER"), ("Volodymyr Zelensky", "PER")]


def test_single_newline_inside_an_entity_also_splits(nlp):
    text = "Avec Jeanne Martin\nPaul Durand est venu."
    assert _run(nlp, text, [("Jeanne Martin\nPaul Durand", "PER")]) == [
        ("Jeanne Martin", "PER"), ("Paul Durand", "PER")]


@pytest.mark.parametrize("word", ["Samedi", "Dimanche", "Décembre", "Août"])
def test_weekday_or_month_alone_is_not_an_entity(nlp, word):
    assert _run(nlp, f"{word} soir, la ville dormait.", [(word, "PER")]) == []


def test_common_noun_is_not_a_place(nlp):
    text = "La naissance d'un nouvel État au sud de la région inquiète Lyon."
    assert _run(nlp, text, [("État", "LOC"), ("Lyon", "LOC")]) == [("Lyon", "LOC")]


def test_institution_may_be_an_organisation_but_not_a_place(nlp):
    text = "Le Parlement a voté. Au Parlement, on discute."
    assert _run(nlp, text, [("Parlement", "ORG"), ("Parlement", "LOC")]) == [("Parlement", "ORG")]


def test_user_word_limited_to_labels_and_bad_label_is_reported(nlp, tmp_path):
    (tmp_path / "hygiene").mkdir()
    words = tmp_path / "hygiene" / "not_entities.txt"
    words.write_text("Mairie\tLOC\n", encoding="utf-8")
    text = "La Mairie a signé, puis à la Mairie."
    assert _run(nlp, text, [("Mairie", "ORG"), ("Mairie", "LOC")], rules=[str(tmp_path)]) == [("Mairie", "ORG")]
    words.write_text("Mairie\tLIEU\nOK\nPréfecture\tORG PLACE\n", encoding="utf-8")
    with pytest.raises(RuleError) as info:
        SpanHygiene(nlp, rules=[str(tmp_path)])
    message = str(info.value)
    assert "2 problems" in message
    assert f"{words}:1: expected labels among ['LOC', 'MISC', 'ORG', 'PER'] after the tab, found ['LIEU']" in message
    assert f"{words}:3:" in message and "found ['PLACE']" in message


def test_leading_lowercase_determiner_and_trailing_punctuation_are_trimmed(nlp):
    text = "Le convoi a rejoint la Bretagne, puis l'Alsace."
    assert _run(nlp, text, [("la Bretagne,", "LOC"), ("l'Alsace.", "LOC")]) == [
        ("Bretagne", "LOC"), ("Alsace", "LOC")]


def test_elided_article_before_an_acronym_is_trimmed_but_not_before_a_name(nlp):
    text = "L'OTAN se réunit. L'Express le raconte."
    assert _run(nlp, text, [("L'OTAN", "ORG"), ("L'Express", "ORG")]) == [("OTAN", "ORG"), ("L'Express", "ORG")]


def test_capitalised_article_of_a_name_stays(nlp):
    text = "La Cour siège à La Haye depuis longtemps."
    assert _run(nlp, text, [("La Haye", "LOC")]) == [("La Haye", "LOC")]


def test_closing_parenthesis_stays_when_its_opening_one_is_inside(nlp):
    text = "Elle habite Valence (Drôme) depuis dix ans."
    assert _run(nlp, text, [("Valence (Drôme)", "LOC")]) == [("Valence (Drôme)", "LOC")]


def test_quotes_around_a_name_are_trimmed(nlp):
    text = "Le journal « Ouest-France » a titré sur la grève."
    assert _run(nlp, text, [("« Ouest-France »", "ORG")]) == [("Ouest-France", "ORG")]


def test_entity_of_only_punctuation_disappears(nlp):
    assert _run(nlp, "Il a dit : « non ».", [(":", "MISC")]) == []


def test_user_rules_add_words(nlp, tmp_path):
    (tmp_path / "hygiene").mkdir()
    (tmp_path / "hygiene" / "not_entities.txt").write_text("# mes mots\nRédaction\n", encoding="utf-8")
    text = "La Rédaction remercie Paris."
    assert _run(nlp, text, [("Rédaction", "ORG"), ("Paris", "LOC")], rules=[str(tmp_path)]) == [("Paris", "LOC")]


def test_missing_rule_directory_is_an_error_naming_it(nlp, tmp_path):
    missing = tmp_path / "absent"
    with pytest.raises(RuleError) as info:
        SpanHygiene(nlp, rules=[str(missing)])
    assert str(missing) in str(info.value)
    assert "expected a directory of rule files, found nothing" in str(info.value)


def test_works_through_add_pipe_by_factory_name(nlp):
    import frnews_ner.pipeline.span_hygiene  # noqa: F401  (registers the factory)

    pipe_nlp = spacy.blank("fr")
    pipe_nlp.add_pipe("frnews_span_hygiene")
    doc = pipe_nlp.make_doc("Samedi, Lyon.")
    doc.ents = [Span(doc, 0, 1, label="PER"), Span(doc, 2, 3, label="LOC")]
    doc = pipe_nlp.get_pipe("frnews_span_hygiene")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Lyon", "LOC")]


def test_hard_wrapped_text_keeps_a_name_across_a_line_end_but_not_across_a_blank_line(nlp):
    text = "Hier, le député Jean\nDurand a parlé.\n\nMarie Curie\n \nPaul Langevin."
    ents = [("Jean\nDurand", "PER"), ("Marie Curie\n \nPaul Langevin", "PER")]
    assert _run(nlp, text, ents) == [("Jean", "PER"), ("Durand", "PER"), ("Marie Curie", "PER"),
                                      ("Paul Langevin", "PER")]
    doc = nlp(text)
    doc.ents = [doc.char_span(text.index(t), text.index(t) + len(t), label=label) for t, label in ents]
    SpanHygiene(nlp, split_at="paragraph")(doc)
    assert [e.text for e in doc.ents] == ["Jean\nDurand", "Marie Curie", "Paul Langevin"]


def test_unknown_split_at_is_refused_with_the_choices(nlp):
    with pytest.raises(ValueError, match=r"split_at must be one of \('line', 'paragraph'\), got 'page'"):
        SpanHygiene(nlp, split_at="page")
