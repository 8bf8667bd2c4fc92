"""The ``frnews-ner`` command line.

    frnews-ner extract article.txt --published 2024-12-15
    frnews-ner extract --jsonl articles.jsonl -o results.jsonl
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import signal
import sys
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from types import FrameType
from typing import IO, Any

from ._version import __version__
from .errors import FrnewsError, InputError
from .extractor import Extractor
from .jsonl import id_key, output_id, parse_lines, raw_lines, utf8_error
from .published import parse_published
from .records import ErrorRecord, Extraction

EXTRACT_EPILOG = """\
examples:
  frnews-ner extract article.txt --published 2024-12-15
  frnews-ner extract article.txt --published 2024-12-15 --format csv -o mentions.csv
  cat article.txt | frnews-ner extract - --format table
  frnews-ner extract --jsonl articles.jsonl -o results.jsonl --n-process 2
  frnews-ner extract --jsonl articles.jsonl -o results.jsonl --resume     # after an interruption

without --published (or a "published" field), relative dates (« samedi », « le mois dernier ») are
never resolved against today: they are resolved against the article's dateline when it has one
(anchor "dateline", with a warning), else left unresolved (XXXX-12-14, or null), anchor "none".

--jsonl input: one {"id", "text", "published"} object per line; an item without id (or with
"id": null) gets its line number, an integer. Output: one line per non-empty input line, in order:
a result, or an error record {"schema", "id", "line", "error": {"type", "message"}}; exit status 1
when there was an error record, 2 when the run itself could not go on, 130 when interrupted.
"""


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="frnews-ner", description="Canonical entities and dates from French news.",
                                     epilog="frnews-ner COMMAND --help for each command; without a command this "
                                            "help is printed and the exit status is 2.")
    parser.add_argument("--version", action="version", version=f"frnews-ner {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ext = sub.add_parser("extract", help="extract entities and dates from an article or a JSONL stream",
                         description="Canonical entities and dates of a French article, or of one article per "
                                     "line of a JSONL file.",
                         epilog=EXTRACT_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    ext.add_argument("input", help="a text file, or - for standard input")
    ext.add_argument("--published", help="publication date of the article (ISO, e.g. 2024-12-15, or "
                                         "2024-12-15T08:30 with its time of day); without it "
                                         "relative dates are left unresolved and flagged, never resolved "
                                         "against today")
    ext.add_argument("--format", choices=("json", "jsonl", "table", "csv"), default=None,
                     help="output format: json (default for one file), jsonl (default for --jsonl input, the "
                          "only one with --resume), table, csv (one row per mention and per date, with the "
                          "document id; columns of frnews_ner.tables.COLUMNS)")
    ext.add_argument("--jsonl", action="store_true",
                     help='input holds one {"id", "text", "published"} object per line; one result per line')
    ext.add_argument("--model", help="spaCy model name or path (default: $FRNEWS_MODEL or the best installed)")
    ext.add_argument("--rules", action="append", default=[], metavar="DIR", help="a directory of your own rule files")
    ext.add_argument("--bare-dates", choices=("nearest", "future"), default="nearest",
                     help="a weekday or day-month whose clause does not say its direction: the nearest "
                          "(default, news) or the coming one (future: agendas, event listings)")
    ext.add_argument("--hard-wrapped", action="store_true",
                     help="text wrapped at a fixed width (OCR, wire copy): only blank lines cut names")
    ext.add_argument("--batch-size", type=int, default=32, help="documents per nlp.pipe batch (default 32)")
    ext.add_argument("--n-process", type=int, default=1, help="worker processes for nlp.pipe (default 1)")
    ext.add_argument("-o", "--output", help="write results to this file instead of standard output")
    ext.add_argument("--resume", action="store_true",
                     help="with --jsonl and --output: keep the complete lines already in the output file "
                          "(a torn last line is cut) and process only the input lines whose (id, line) is "
                          "not there yet")
    ext.add_argument("--skip", type=int, default=0, metavar="N", help="with --jsonl: skip the first N input lines")
    ext.add_argument("--strict", action="store_true",
                     help="with --jsonl: stop at the first input line that cannot be processed (exit 2)")
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


def _read_text_file(path: str) -> str:
    """One article: UTF-8 (a leading byte-order mark dropped); invalid bytes are an error naming the byte."""
    data = sys.stdin.buffer.read() if path == "-" and hasattr(sys.stdin, "buffer") else None
    if path == "-" and data is None:
        return sys.stdin.read().removeprefix("\ufeff")
    if data is None:
        with open(path, "rb") as stream:
            data = stream.read()
    try:
        return data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as err:
        raise utf8_error(path, err) from None


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


def _json_line(data: dict[str, Any]) -> str:
    """One JSON line; a lone surrogate of the input (valid in a JSON escape, not in UTF-8) stays escaped."""
    line = json.dumps(data, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(data, ensure_ascii=True)
    return line


def _with_line(record: Extraction | ErrorRecord, line: int) -> dict[str, Any]:
    data = record.to_dict()
    return {"schema": data.pop("schema"), "id": data.pop("id"), "line": line, **data}


# ---- output: never the input, a temporary file renamed at the end, or a safe append -------------

class _Output:
    """Where results go: stdout, a file written through a temporary file, or (``--resume``) appended.

    The temporary file lives in the output's directory and replaces the output when the run ends
    normally or is interrupted (its lines are complete: ``--resume`` continues it); if the run fails
    otherwise it is removed and an existing output is left untouched. A device or a pipe given as
    output (``/dev/null``) is written directly.
    """

    def __init__(self, path: str | None, *, append: bool) -> None:
        self.path = path
        self.temporary: str | None = None
        self.stream: IO[str]
        if path is None:
            self.stream = sys.stdout
        elif append or (os.path.exists(path) and not os.path.isfile(path)):
            self.stream = open(path, "a" if append else "w", encoding="utf-8")
        else:
            directory = os.path.dirname(os.path.abspath(path))
            if not os.path.isdir(directory):
                raise FileNotFoundError(f"-o {path}: the directory {directory} does not exist")
            fd, self.temporary = tempfile.mkstemp(dir=directory, prefix=f".{os.path.basename(path)}.",
                                                  suffix=".tmp")
            umask = os.umask(0)
            os.umask(umask)
            os.fchmod(fd, 0o666 & ~umask)
            self.stream = os.fdopen(fd, "w", encoding="utf-8")

    def write_line(self, line: str) -> None:
        # one whole line per write, flushed: an interruption leaves only complete lines
        self.stream.write(line + "\n")
        self.stream.flush()

    def close(self, *, keep: bool) -> None:
        if self.stream is sys.stdout:
            self.stream.flush()
            return
        self.stream.close()
        if self.temporary is not None and self.path is not None:
            if keep:
                os.replace(self.temporary, self.path)
            else:
                os.unlink(self.temporary)


def _refuse_input_as_output(input_path: str, output: str | None) -> None:
    if output is None or input_path == "-" or not os.path.exists(output) or not os.path.exists(input_path):
        return
    if os.path.samefile(input_path, output):
        raise InputError(f"-o {output} is the input file {input_path} itself (the same file, or a link to it); "
                         "refusing to overwrite the input: choose another output file")


def _done_lines(path: str) -> set[tuple[str, int | None]]:
    """``(id key, line)`` of every complete line of an earlier output (results and error records).

    A torn last line (a crash mid-write) is cut off the file; a complete line that is no record
    stops the resume (nothing is ever cut but that torn line).
    """
    done: set[tuple[str, int | None]] = set()
    keep = 0
    with open(path, "rb") as stream:
        for number, raw in enumerate(stream, start=1):
            if not raw.endswith(b"\n"):
                break  # the torn last line
            if raw.strip():
                try:
                    data = json.loads(raw)
                    line = data.get("line")
                    done.add((id_key(data["id"]), line if isinstance(line, int) else None))
                except (ValueError, KeyError, TypeError, AttributeError):
                    raise InputError(f"{path}:{number}: expected a result or an error record of an earlier run, "
                                     f"found {raw[:60]!r}; --resume does not know what to keep") from None
            keep += len(raw)
    if keep != os.path.getsize(path):
        with open(path, "rb+") as stream:
            stream.truncate(keep)
    return done


def _count_lines(path: str) -> int | None:
    """Non-empty lines of a regular file (the progress bar's total), ``None`` for a stream."""
    if path == "-" or not os.path.isfile(path):
        return None
    with open(path, "rb") as stream:
        return sum(1 for raw in stream if raw.strip())


class _Progress:
    """A progress bar on stderr when it is a terminal (total and ETA when the input size is known)."""

    def __init__(self, total: int | None, initial: int) -> None:
        self.bar: Any = None
        if sys.stderr.isatty():
            from tqdm import tqdm  # a dependency of spaCy

            self.bar = tqdm(total=total, initial=initial, unit="doc", file=sys.stderr, dynamic_ncols=True)

    def step(self) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


# ---- interrupts: workers and main process stop within seconds ----------------------------------

def _stop_on_signal(main_pid: int) -> Callable[[int, FrameType | None], None]:
    """SIGINT/SIGTERM handler. In the main process: stop the nlp.pipe workers, then raise
    KeyboardInterrupt (the output keeps its complete lines). In a worker forked by spaCy, which
    inherits the handler: exit at once and quietly, the main process is already stopping."""

    def handler(signum: int, frame: FrameType | None) -> None:
        if os.getpid() != main_pid:
            os._exit(128 + signum)
        for worker in multiprocessing.active_children():
            worker.terminate()
        raise KeyboardInterrupt

    return handler


# ---- the extract command ----------------------------------------------------------------------

def _cmd_extract(args: argparse.Namespace) -> int:
    if args.resume and not (args.jsonl and args.output):
        raise ValueError("--resume needs --jsonl and --output")
    if args.jsonl and args.format not in (None, "jsonl", "csv"):
        raise ValueError(f"--jsonl input writes jsonl or csv, not {args.format}")
    if args.resume and args.format == "csv":
        raise ValueError("--resume continues a jsonl output; it cannot continue a csv one")
    _refuse_input_as_output(args.input, args.output)
    if not args.jsonl:
        parse_published(args.published)  # refused before the model loads; passed as written (a time of day too)
        text = _read_text_file(args.input)
        extractor = Extractor(model=args.model, rules=args.rules, hard_wrapped=args.hard_wrapped,
                              bare_dates=args.bare_dates)
        return _extract_one(args, extractor.extract(text, published=args.published))
    if args.input != "-" and not os.path.exists(args.input):
        raise FileNotFoundError(f"{args.input}: no such file")
    # what --resume keeps is read (and a torn line cut) before the model loads: a bad file fails at once
    done = _done_lines(args.output) if args.resume and os.path.exists(args.output) else set()
    extractor = Extractor(model=args.model, rules=args.rules, hard_wrapped=args.hard_wrapped,
                          bare_dates=args.bare_dates)
    return _extract_jsonl(args, extractor, done)


def _extract_one(args: argparse.Namespace, result: Extraction) -> int:
    if args.format == "table":
        rendered = _table(result)
    elif args.format == "jsonl":
        rendered = _json_line(result.to_dict())
    elif args.format == "csv":
        import io

        from .tables import write_csv

        buffer = io.StringIO()
        write_csv([result], buffer)
        rendered = buffer.getvalue().rstrip("\n")
    else:
        rendered = result.to_json(indent=2)
    out = _Output(args.output, append=False)
    ok = False
    try:
        out.write_line(rendered)
        ok = True
    finally:
        out.close(keep=ok)
    return 0


def _extract_jsonl(args: argparse.Namespace, extractor: Extractor, done: set[tuple[str, int | None]]) -> int:
    kept = 0
    pending: deque[tuple[int, ErrorRecord | None]] = deque()  # input lines in order: None = sent to the model
    first_line: dict[str, int] = {}

    def note_id(doc_id: object, line: int) -> None:
        key = id_key(doc_id)  # type: ignore[arg-type]
        if doc_id is None:
            return
        if key in first_line:
            print(f"frnews-ner: line {line}: id {doc_id!r} already on line {first_line[key]}; both are kept",
                  file=sys.stderr)
        else:
            first_line[key] = line

    def items() -> Iterator[dict[str, Any]]:
        nonlocal kept
        for line, parsed in parse_lines(raw_lines(args.input), skip=args.skip):
            obj = parsed if isinstance(parsed, dict) else None
            doc_id = output_id(obj, line)
            if (id_key(doc_id), line) in done or (obj is not None and (id_key(doc_id), None) in done):
                kept += 1
                note_id(doc_id, line)
                continue
            note_id(doc_id, line)
            if isinstance(parsed, InputError):
                pending.append((line, ErrorRecord(type="InputError", message=str(parsed), line=line)))
                continue
            pending.append((line, None))
            item = {"id": doc_id if doc_id is not None else parsed.get("id"), "published": parsed.get("published")}
            if "text" in parsed:
                item["text"] = parsed["text"]
            yield item

    def text_error(record: ErrorRecord, line: int) -> ErrorRecord:
        message = record.message
        if record.type == "TypeError" and message.startswith("text must be str"):
            message = message.replace("text must be str, got", "expected a string 'text' field, found", 1)
        elif record.type == "InputError" and message.startswith("expected a mapping with a 'text' key"):
            message = "expected a string 'text' field, found none"
        return replace(record, line=line, index=None, message=f"line {line}: {message}")

    total = _count_lines(args.input)
    if total is not None:
        total = max(0, total - args.skip)  # --skip counts lines; an approximation when blanks are skipped
    out = _Output(args.output, append=args.resume)
    progress = _Progress(total, 0)
    errors = 0
    as_csv = args.format == "csv"
    if as_csv:
        from .tables import write_csv

        write_csv([], out.stream)  # the header

    def emit(record: Extraction | ErrorRecord, line: int) -> None:
        nonlocal errors
        if isinstance(record, ErrorRecord):
            errors += 1
            # on stderr as file:line, in the record as « line N: » (the record is in that file's output)
            source = "<stdin>" if args.input == "-" else args.input
            print(f"frnews-ner: {source}:{line}: {record.message.removeprefix(f'line {line}: ')}", file=sys.stderr)
            if args.strict:
                raise _StrictStop(record.message)
        if as_csv:
            if isinstance(record, Extraction):
                write_csv([record], out.stream, header=False)
                out.stream.flush()
        else:
            out.write_line(_json_line(_with_line(record, line)))
        progress.step()

    global _workers_started
    _workers_started = args.n_process != 1
    finished = False
    interrupted = False
    previous: dict[int, Any] = {}
    if threading.current_thread() is threading.main_thread():  # only the main thread may set handlers
        previous = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
        handler = _stop_on_signal(os.getpid())
        for signum in previous:
            signal.signal(signum, handler)
    try:
        results = extractor.extract_many(items(), batch_size=args.batch_size, n_process=args.n_process,
                                         errors="record")
        announced = False
        for result in results:
            if not announced and args.resume:
                announced = True
                _announce_kept(kept, args.output, progress)
            while pending and pending[0][1] is not None:
                line, error = pending.popleft()
                emit(error, line)  # type: ignore[arg-type]
            line, _ = pending.popleft()
            emit(text_error(result, line) if isinstance(result, ErrorRecord) else result, line)
        while pending:
            line, error = pending.popleft()
            emit(error, line)  # type: ignore[arg-type]
        if args.resume and not announced:
            _announce_kept(kept, args.output, progress)
        finished = True
    except (KeyboardInterrupt, _StrictStop):
        interrupted = True  # the lines written are complete and right: they are kept
        raise
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)
        progress.close()
        out.close(keep=finished or interrupted)
    if errors:
        print(f"frnews-ner: {errors} input line(s) could not be processed (error records in the output)",
              file=sys.stderr)
        return 1
    return 0


class _StrictStop(InputError):
    """--strict: the first line that cannot be processed ends the run (exit 2)."""


def _announce_kept(kept: int, output: str, progress: _Progress) -> None:
    message = f"frnews-ner: --resume kept {kept} line(s) already in {output}"
    if progress.bar is not None:
        progress.bar.write(message, file=sys.stderr)
        progress.bar.update(kept)
    else:
        print(message, file=sys.stderr)


#: Set when nlp.pipe worker processes were started: an interrupted run then ends with ``os._exit``.
_workers_started = False


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (without a command: the help, status 2).

    Run as the program (``argv`` None) and interrupted while ``--n-process`` workers ran, the
    process ends with ``os._exit`` once the output is closed: multiprocessing would otherwise wait
    at exit for queue threads feeding workers that are gone (the hang of a Ctrl-C).
    """
    parser = _build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "func", None) is None:
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except (FrnewsError, OSError, ValueError, TypeError) as err:
        print(f"frnews-ner: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("frnews-ner: interrupted; the output holds complete lines only (--resume continues it)",
              file=sys.stderr)
        if argv is None and _workers_started:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(130)
        return 130
