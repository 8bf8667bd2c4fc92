"""The ``frnews-ner`` command line.

    frnews-ner extract article.txt --published 2024-12-15
    frnews-ner extract --jsonl articles.jsonl > results.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from .errors import FrnewsError, InputError
from .extractor import Extractor
from .published import parse_published
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
    ext.add_argument("--hard-wrapped", action="store_true",
                     help="text wrapped at a fixed width (OCR, wire copy): only blank lines cut names")
    ext.add_argument("--batch-size", type=int, default=32, help="documents per nlp.pipe batch (default 32)")
    ext.add_argument("--n-process", type=int, default=1, help="worker processes for nlp.pipe (default 1)")
    ext.add_argument("-o", "--output", help="write results to this file instead of standard output")
    ext.add_argument("--resume", action="store_true",
                     help="with --jsonl and --output: keep the results already in the output file and "
                          "process only the inputs whose id is not there yet")
    ext.add_argument("--skip", type=int, default=0, metavar="N", help="with --jsonl: skip the first N input lines")
    ext.add_argument("--strict", action="store_true", help="with --jsonl: stop at the first bad input line (exit 2)")
    ext.set_defaults(func=_cmd_extract)

    try:
        from .evaluation.cli import add_parsers
    except ImportError as err:  # the evaluation module is part of the package; say so if it is broken
        raise FrnewsError(f"frnews_ner.evaluation could not be imported: {err}") from err
    add_parsers(sub)
    from .kb.wikidata import add_parser as add_kb_parser
    from .render import add_parser as add_render_parser

    add_kb_parser(sub)
    add_render_parser(sub)
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


def _jsonl_items(stream: TextIO, errors: list[str], *, skip: int = 0, done: frozenset[str] = frozenset(),
                 strict: bool = False) -> Iterator[dict[str, Any]]:
    """Valid items of a JSONL stream; a bad line is reported on stderr with its number and skipped.

    An item without an ``id`` gets its line number as id, so every result can be traced to its line.
    """
    for number, line in enumerate(stream, start=1):
        if number <= skip or not line.strip():
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
            if strict:
                raise InputError(message) from err
            errors.append(message)
            print(f"frnews-ner: skipped {message}", file=sys.stderr)
            continue
        doc_id = str(obj.get("id", number))
        if doc_id in done:
            continue
        yield {"id": doc_id, "text": obj["text"], "published": obj.get("published")}


def _ids_already_written(path: str) -> frozenset[str]:
    """Ids of the complete results in an output file; a torn last line (a crash mid-write) is cut off."""
    ids: set[str] = set()
    keep = 0
    with open(path, "rb") as stream:
        for raw in stream:
            try:
                if not raw.endswith(b"\n"):
                    break
                ids.add(str(json.loads(raw)["id"]))
            except (ValueError, KeyError, TypeError):
                break
            keep += len(raw)
    with open(path, "rb+") as stream:
        stream.truncate(keep)
    return frozenset(ids)


def _progress(results: Iterator[Extraction]) -> Iterator[Extraction]:
    """A progress bar on stderr when it is a terminal; nothing otherwise."""
    if not sys.stderr.isatty():
        return results
    from tqdm import tqdm  # a dependency of spaCy

    return iter(tqdm(results, unit="doc", file=sys.stderr))


def _cmd_extract(args: argparse.Namespace) -> int:
    if args.resume and not (args.jsonl and args.output):
        raise ValueError("--resume needs --jsonl and --output")
    extractor = Extractor(model=args.model, rules=args.rules, hard_wrapped=args.hard_wrapped)
    if args.jsonl:
        return _extract_jsonl(args, extractor)
    published = parse_published(args.published)
    with _open_input(args.input) as stream:
        text = stream.read()
    result = extractor.extract(text, published=published)
    if args.format == "table":
        rendered = _table(result)
    elif args.format == "jsonl":
        rendered = result.to_json()
    else:
        rendered = result.to_json(indent=2)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as out:
            out.write(rendered + "\n")
    else:
        sys.stdout.write(rendered + "\n")
    return 0


def _extract_jsonl(args: argparse.Namespace, extractor: Extractor) -> int:
    errors: list[str] = []
    done = _ids_already_written(args.output) if args.resume and os.path.exists(args.output) else frozenset()
    out = open(args.output, "a" if args.resume else "w", encoding="utf-8") if args.output else sys.stdout
    try:
        with _open_input(args.input) as stream:
            items = _jsonl_items(stream, errors, skip=args.skip, done=done, strict=args.strict)
            results = extractor.extract_many(items, batch_size=args.batch_size, n_process=args.n_process)
            for result in _progress(results):
                # one whole line per write, flushed: an interruption leaves only complete lines
                out.write(result.to_json() + "\n")
                out.flush()
    finally:
        if out is not sys.stdout:
            out.close()
    if errors:
        print(f"frnews-ner: {len(errors)} bad input line(s) skipped", file=sys.stderr)
        return 1
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
