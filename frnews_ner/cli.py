"""The ``frnews-ner`` command line.

    frnews-ner extract article.txt --published 2024-12-15
    frnews-ner extract --jsonl articles.jsonl > results.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from .errors import FrnewsError
from .extractor import Extractor, parse_published
from .records import Extraction


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="frnews-ner", description="Canonical entities and dates from French news.")
    sub = parser.add_subparsers(dest="command", required=True)

    ext = sub.add_parser("extract", help="extract entities and dates from an article or a JSONL stream")
    ext.add_argument("input", help="a text file, or - for standard input")
    ext.add_argument("--published", help="publication date of the article (ISO, e.g. 2024-12-15)")
    ext.add_argument("--format", choices=("json", "jsonl", "table"), default="json",
                     help="output format (default json; --jsonl input always writes jsonl)")
    ext.add_argument("--jsonl", action="store_true",
                     help='input holds one {"id", "text", "published"} object per line; one result per line')
    ext.add_argument("--model", help="spaCy model name or path (default: $FRNEWS_MODEL or the best installed)")
    ext.add_argument("--rules", action="append", default=[], metavar="DIR", help="a directory of your own rule files")
    ext.add_argument("--batch-size", type=int, default=32)
    ext.add_argument("--n-process", type=int, default=1)
    ext.set_defaults(func=_cmd_extract)

    try:
        from .evaluation.cli import add_parsers
    except ImportError as err:  # the evaluation module is part of the package; say so if it is broken
        raise FrnewsError(f"frnews_ner.evaluation could not be imported: {err}") from err
    add_parsers(sub)
    return parser


def _open_input(path: str) -> TextIO:
    if path == "-":
        return sys.stdin
    return open(path, encoding="utf-8")


def _table(extraction: Extraction) -> str:
    lines = [f"{'label':5}  {'id':40}  {'name':30}  mentions"]
    for e in extraction.entities:
        forms = ", ".join(f"{m.text!r}({m.form})" for m in e.mentions)
        lines.append(f"{e.label:5}  {e.id:40}  {e.name:30}  {forms}")
    if extraction.dates:
        lines.append("")
        lines.append(f"{'type':8}  {'value':16}  {'anchor':9}  text")
        for d in extraction.dates:
            lines.append(f"{d.type:8}  {str(d.value):16}  {d.anchor:9}  {d.text!r}")
    return "\n".join(lines)


def _jsonl_items(stream: TextIO, errors: list[str]) -> Iterator[dict[str, Any]]:
    """Valid items of a JSONL stream; a bad line is reported on stderr with its number and skipped."""
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise ValueError(f"expected a JSON object, found {type(obj).__name__}")
            if not isinstance(obj.get("text"), str):
                raise ValueError("expected a string 'text' field, found "
                                 + (type(obj["text"]).__name__ if "text" in obj else "none"))
            parse_published(obj.get("published"))
        except ValueError as err:  # json.JSONDecodeError is a ValueError
            message = f"line {number}: {err}"
            errors.append(message)
            print(f"frnews-ner: skipped {message}", file=sys.stderr)
            continue
        yield {"id": obj.get("id", number), "text": obj["text"], "published": obj.get("published")}


def _cmd_extract(args: argparse.Namespace) -> int:
    extractor = Extractor(model=args.model, rules=args.rules)
    out = sys.stdout
    if args.jsonl:
        errors: list[str] = []
        with _open_input(args.input) as stream:
            for result in extractor.extract_many(_jsonl_items(stream, errors), batch_size=args.batch_size,
                                                 n_process=args.n_process):
                out.write(result.to_json() + "\n")
                out.flush()
        if errors:
            print(f"frnews-ner: {len(errors)} bad input line(s) skipped", file=sys.stderr)
            return 1
        return 0
    published = parse_published(args.published)
    with _open_input(args.input) as stream:
        text = stream.read()
    result = extractor.extract(text, published=published)
    if args.format == "table":
        out.write(_table(result) + "\n")
    elif args.format == "jsonl":
        out.write(result.to_json() + "\n")
    else:
        out.write(result.to_json(indent=2) + "\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except (FrnewsError, OSError, ValueError, TypeError) as err:
        print(f"frnews-ner: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("frnews-ner: interrupted", file=sys.stderr)
        return 130
