"""Running extraction over Dask collections, one pipeline per worker process.

Needs the ``dask`` extra: ``pip install "frnews-ner[dask]"``.

>>> import dask.bag as db
>>> from frnews_ner.distributed import extract_bag
>>> articles = db.from_sequence([{"id": "1", "text": "Jean Dupont est à Lyon.", "published": "2024-12-15"}],
...                             npartitions=1)  # doctest: +SKIP
>>> extract_bag(articles).compute()  # doctest: +SKIP
[{'schema': 'frnews_ner/1', 'id': '1', ...}]

Each worker builds its :class:`~frnews_ner.Extractor` once, on the first partition it processes,
and keeps it for the following ones (a process-wide cache keyed by model and rule directories).
Results are plain dicts (``Extraction.to_dict()``) so they serialise cheaply between processes.

A record that cannot be processed does not end the job: with ``errors="record"`` (the default
here) it becomes an error record in its place, ``{"schema", "id", "line": null, "error": {"type",
"message"}}``, the message naming its position in the partition (``item 3 (id 'x'): ...``).
``errors="raise"`` fails the task on it instead.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from .errors import InputError
from .extractor import ErrorMode, Extractor, Item
from .jsonl import parse_lines
from .records import ErrorRecord

_extractors: dict[tuple[str | None, tuple[str, ...]], Extractor] = {}
_lock = threading.Lock()


def worker_extractor(model: str | None = None, rules: Sequence[str] = ()) -> Extractor:
    """The Extractor of this process for ``(model, rules)``, built on first use."""
    key = (model, tuple(str(r) for r in rules))
    with _lock:
        if key not in _extractors:
            _extractors[key] = Extractor(model=model, rules=key[1])
        return _extractors[key]


def read_jsonl(urlpath: Any, **read_text_options: Any) -> Any:
    """A Dask bag of items from JSONL files, one per non-empty line (``db.read_text`` options pass
    through): the line's object, or — for a line that is no JSON object — an :class:`ErrorRecord`
    that :func:`extract_bag` writes in its place, so one bad line does not fail its task.

    >>> items = read_jsonl("articles-*.jsonl")  # doctest: +SKIP
    >>> extract_bag(items).map(json.dumps).to_textfiles("out-*.jsonl")  # doctest: +SKIP
    """
    import dask.bag as db

    return db.read_text(urlpath, **read_text_options).filter(str.strip).map(item_of_line)


def item_of_line(line: str) -> dict[str, Any] | ErrorRecord:
    """One JSONL line → its object, or the :class:`ErrorRecord` saying why it is none.

    >>> item_of_line('{"id": 3, "text": "Lyon."}')
    {'id': 3, 'text': 'Lyon.'}
    >>> item_of_line('[1]').message
    'expected a JSON object, found an array'
    """
    for _, obj in parse_lines([line]):
        if isinstance(obj, InputError):
            # parse_lines names the line of its own input (always 1 here): Dask knows no line numbers
            return ErrorRecord(type="InputError", message=str(obj).removeprefix("line 1: "))
        return obj
    return ErrorRecord(type="InputError", message="empty line: expected a JSON object")


def extract_partition(items: Iterable[Item | ErrorRecord], model: str | None = None, rules: Sequence[str] = (),
                      batch_size: int = 32, errors: ErrorMode = "record") -> list[dict[str, Any]]:
    """Extract every item of one partition; one dict per item, in order: a result, or an error record
    (an :class:`ErrorRecord` given as an item, as :func:`read_jsonl` gives for a bad line, is kept)."""
    items = list(items)
    given = {i: item for i, item in enumerate(items) if isinstance(item, ErrorRecord)}
    if given and errors == "raise":
        index, first = next(iter(given.items()))
        raise InputError(f"item {index}: {first.message}")
    extractor = worker_extractor(model, rules)
    valid = [item for item in items if not isinstance(item, ErrorRecord)]
    extracted = iter(extractor.extract_many(valid, batch_size=batch_size, errors=errors))
    out = []
    for index in range(len(items)):
        record = given[index] if index in given else next(extracted)
        if isinstance(record, ErrorRecord):
            record = replace(record, index=index)  # its place in this partition, not among the valid items
            data = record.to_dict()
            data["error"]["message"] = f"{record.where()}: {record.message}"
            out.append(data)
        else:
            out.append(record.to_dict())
    return out


def extract_bag(bag: Any, *, model: str | None = None, rules: Sequence[str] = (), batch_size: int = 32,
                errors: ErrorMode = "record") -> Any:
    """A Dask bag of result dicts from a bag of items (strings, pairs or ``{"id","text","published"}``);
    an item that cannot be processed gives an error record (``errors="raise"``: fails the task)."""
    return bag.map_partitions(extract_partition, model=model, rules=tuple(rules), batch_size=batch_size,
                              errors=errors)


def extract_dataframe(df: Any, *, text: str = "text", published: str | None = "published", id: str | None = "id",
                      model: str | None = None, rules: Sequence[str] = (), batch_size: int = 32,
                      errors: ErrorMode = "record") -> Any:
    """A Dask bag of result dicts from a Dask DataFrame with a text column (and optional date and id columns);
    a row that cannot be processed gives an error record (``errors="raise"``: fails the task)."""
    columns = [c for c in (id, text, published) if c is not None]

    def rows(partition: Any) -> list[dict[str, Any]]:
        items = []
        for record in partition[columns].to_dict("records"):
            items.append({"id": _present(record.get(id)) if id else None, "text": record[text],
                          "published": _present(record.get(published)) if published else None})
        return extract_partition(items, model=model, rules=rules, batch_size=batch_size, errors=errors)

    import dask.bag as db

    return db.from_delayed([_delayed(rows)(part) for part in df.to_delayed()])


def _present(value: Any) -> Any:
    """pandas marks a missing cell with NaN or NaT, which are not equal to themselves; a numpy scalar
    (an int64 id) becomes the Python value it holds, so ids keep their JSON type."""
    if value is None or value != value:
        return None
    if not isinstance(value, (str, bytes)) and type(value).__module__ == "numpy" and hasattr(value, "item"):
        return value.item()
    return value


def _delayed(func: Any) -> Any:
    from dask import delayed

    return delayed(func)
