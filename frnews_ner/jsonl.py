"""Reading JSONL input line by line: each line decoded on its own, each bad line named, none fatal.

A file is read as bytes and cut at ``\\n`` only (a U+2028 inside a JSON string is no line end);
each line is decoded as UTF-8 by itself, so one line with invalid bytes is one bad line. A UTF-8
byte-order mark at the start of the file is dropped, not reported. An item's id is kept as given
(a string or an integer); an item without one, or with ``"id": null``, gets its line number (an
integer).

>>> [(n, obj) for n, obj in parse_lines([b'\\xef\\xbb\\xbf{"text": "Lyon."}\\n', b'\\n', b'[1]\\n'])]
[(1, {'text': 'Lyon.'}), (3, InputError('line 3: expected a JSON object, found an array'))]
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from typing import IO, Any

from .errors import InputError
from .records import DocId

_BOM = b"\xef\xbb\xbf"


def raw_lines(path: str) -> Iterator[bytes | str]:
    """The lines of ``path`` (``-``: standard input) as bytes; a text stream without ``buffer`` gives str."""
    if path == "-":
        stream: IO[Any] = getattr(sys.stdin, "buffer", sys.stdin)
        yield from stream
        return
    with open(path, "rb") as binary:
        yield from binary


def parse_lines(lines: Iterable[bytes | str], *, skip: int = 0) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    """``(line number, object)`` for each non-empty line, or ``(line number, InputError)`` for a bad one.

    The error says what was expected and what arrived, after ``line N:`` (json's own « line 1
    column 5 » is left out: the position is given as a character of that line).
    """
    for number, raw in enumerate(lines, start=1):
        if number == 1:
            raw = raw[len(_BOM):] if isinstance(raw, bytes) and raw.startswith(_BOM) else raw
            raw = raw[1:] if isinstance(raw, str) and raw.startswith("\ufeff") else raw
        if number <= skip:
            continue
        try:
            text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        except UnicodeDecodeError as err:
            yield number, utf8_error(f"line {number}", err)
            continue
        if not text.strip():
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as err:
            yield number, InputError(f"line {number}: invalid JSON: {err.msg} at character {err.pos + 1}")
            continue
        if not isinstance(obj, dict):
            yield number, InputError(f"line {number}: expected a JSON object, found {_json_type(obj)}")
            continue
        yield number, obj


def utf8_error(where: str, err: UnicodeDecodeError) -> InputError:
    """The error of bytes that are not UTF-8, naming ``where`` and the first bad byte:
    ``line 2: invalid UTF-8 at byte 23 (0xe9): invalid continuation byte``."""
    bad = err.object[err.start:err.end]
    return InputError(f"{where}: invalid UTF-8 at byte {err.start + 1} (0x{bad.hex()}): {err.reason}")


def output_id(obj: dict[str, Any] | None, line: int) -> DocId | None:
    """The id a line's record carries: its own id (str or int), its line number when it has none,
    ``None`` when the line has no valid object or its id is neither a string nor an integer."""
    if obj is None:
        return None
    raw = obj.get("id")
    if raw is None:
        return line
    if isinstance(raw, (str, int)) and not isinstance(raw, bool):
        return raw
    return None


def id_key(doc_id: DocId | None) -> str:
    """A key that keeps the JSON type: the id ``4`` and the id ``"4"`` are two ids."""
    return json.dumps(doc_id)


def _json_type(value: object) -> str:
    return {list: "an array", str: "a string", int: "a number", float: "a number", bool: "a boolean",
            type(None): "null"}.get(type(value), type(value).__name__)


__all__ = ["id_key", "output_id", "parse_lines", "raw_lines", "utf8_error"]
