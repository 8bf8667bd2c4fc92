"""msgpack hooks so that frnews_ner records survive ``Doc.to_bytes`` and ``nlp.pipe(n_process=N)``.

spaCy serialises ``doc.user_data`` (where ``doc._.frnews_entities`` and friends live) with srsly's
msgpack, which only knows plain data. These two functions are declared under srsly's
``srsly_msgpack_encoders`` / ``srsly_msgpack_decoders`` entry points (``pyproject.toml``), so every
process that has frnews_ner installed — a spaCy worker included — can write and read them; nothing
is registered at import. A record becomes ``{"__frnews__": "Entity", "data": {...}}``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_MARK = "__frnews__"


def _types() -> dict[str, Any]:
    from .pipeline.extensions import TitleMention
    from .records import Entity, KBInfo, Mention, TimeExpression

    return {t.__name__: t for t in (Entity, Mention, KBInfo, TimeExpression, TitleMention)}


def encode_record(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """msgpack ``default`` hook: a frnews_ner record → a tagged dict; anything else down the chain."""
    types = _types()
    name = type(obj).__name__
    if types.get(name) is type(obj):
        return {_MARK: name, "data": obj.to_dict()}
    return chain(obj) if chain is not None else obj


def decode_record(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """msgpack ``object_hook``: a tagged dict → the record it encodes; anything else down the chain."""
    if isinstance(obj, dict) and _MARK in obj:
        return _types()[obj[_MARK]].from_dict(obj["data"])
    return chain(obj) if chain is not None else obj


def settle_msgpack_hooks() -> None:
    """Read srsly's msgpack entry points once, and stop the registries rescanning them at each call.

    catalogue's registries look up the entry points of every installed package again on each
    ``get_all()``, and srsly calls it on each ``packb``/``unpackb``: with ``nlp.pipe(n_process=N)``
    that is several scans of the installed packages' metadata per document, in the main process and
    in each worker (1.3 s of the main process's 13.6 s on 245 news articles). The hooks found are
    registered as they are (ours and any other package's), so every hook keeps working; a package
    that declares hooks and is installed later in the life of the same process is not seen.
    """
    import srsly

    for registry in (srsly.msgpack_encoders, srsly.msgpack_decoders):
        if not registry.entry_points:
            continue
        found = registry.get_entry_points()
        registry.entry_points = False
        known = registry.get_all()
        for name, func in found.items():
            if name not in known:
                registry.register(name, func=func)
