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
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from typing import Any

from .extractor import Extractor, Item

_extractors: dict[tuple[str | None, tuple[str, ...]], Extractor] = {}
_lock = threading.Lock()


def worker_extractor(model: str | None = None, rules: Sequence[str] = ()) -> Extractor:
    """The Extractor of this process for ``(model, rules)``, built on first use."""
    key = (model, tuple(str(r) for r in rules))
    with _lock:
        if key not in _extractors:
            _extractors[key] = Extractor(model=model, rules=key[1])
        return _extractors[key]


def extract_partition(items: Iterable[Item], model: str | None = None, rules: Sequence[str] = (),
                      batch_size: int = 32) -> list[dict[str, Any]]:
    """Extract every item of one partition; one result dict per item, in order."""
    extractor = worker_extractor(model, rules)
    return [ex.to_dict() for ex in extractor.extract_many(list(items), batch_size=batch_size)]


def extract_bag(bag: Any, *, model: str | None = None, rules: Sequence[str] = (), batch_size: int = 32) -> Any:
    """A Dask bag of result dicts from a bag of items (strings, pairs or ``{"id","text","published"}``)."""
    return bag.map_partitions(extract_partition, model=model, rules=tuple(rules), batch_size=batch_size)


def extract_dataframe(df: Any, *, text: str = "text", published: str | None = "published", id: str | None = "id",
                      model: str | None = None, rules: Sequence[str] = (), batch_size: int = 32) -> Any:
    """A Dask bag of result dicts from a Dask DataFrame with a text column (and optional date and id columns)."""
    columns = [c for c in (id, text, published) if c is not None]

    def rows(partition: Any) -> list[dict[str, Any]]:
        items = []
        for record in partition[columns].to_dict("records"):
            items.append({"id": _present(record.get(id)) if id else None, "text": record[text],
                          "published": _present(record.get(published)) if published else None})
        return extract_partition(items, model=model, rules=rules, batch_size=batch_size)

    import dask.bag as db

    return db.from_delayed([_delayed(rows)(part) for part in df.to_delayed()])


def _present(value: Any) -> Any:
    """pandas marks a missing cell with NaN or NaT, which are not equal to themselves."""
    return None if value is None or value != value else value


def _delayed(func: Any) -> Any:
    from dask import delayed

    return delayed(func)
