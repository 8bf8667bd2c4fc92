"""Speed benchmark: ``Extractor.extract_many`` against bare ``nlp.pipe`` of the same spaCy model.

Fresh processes: every measurement runs in its own subprocess (``python -m
frnews_ner.evaluation.bench --worker``) so that its peak RSS (``ru_maxrss`` of the child) belongs
to that configuration alone and no cache is shared. Configurations alternate within each
repetition (spaCy, ours, spaCy, ours…) so that machine noise hits both sides alike; the summary
reports medians and the spread (lowest–highest).

One process: both pipelines loaded side by side in one child and run alternately ``repeat`` times
on the same texts: the comparison without process start-up or page-cache differences.

Configurations:

- ``spacy``: ``spacy.load(model)`` with its default pipeline, ``nlp.pipe`` — what a user of bare
  spaCy runs;
- ``spacy-lean``: the same model loaded without the components the Extractor excludes
  (parser, lemmatizer) — the like-for-like cost of our own components;
- ``frnews``: ``Extractor(model).extract_many`` (Extraction records included).

Also measured: the share of each pipeline component on the same texts (:func:`component_shares`),
the cold start (import + load + first call, :func:`cold_start`), and with ``--hostile`` the cost
per character of generated inputs (:func:`run_hostile`, generators in
:mod:`frnews_ner.evaluation.hostile`).

Words are whitespace-separated tokens of the input texts (``len(text.split())``), the same count
for every configuration. The texts are the articles of a JSONL (``text`` and, for the split,
``dct``): by default the WiNER-fr dev split, each with its creation date as publication date.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..errors import EvaluationError

__all__ = ["BenchRun", "MODES", "cold_start", "component_shares", "load_articles", "load_texts", "render_bench",
           "render_hostile", "run_bench", "run_hostile"]

MODES: tuple[str, ...] = ("spacy", "spacy-lean", "frnews")
#: Publication date given with every hostile text (relative dates then resolve as in news).
HOSTILE_PUBLISHED = "2020-06-15"
#: Sizes of the hostile suite, in characters.
HOSTILE_SIZES: tuple[int, ...] = (10_000, 100_000, 1_000_000)

Article = tuple[str, str | None]


@dataclass(frozen=True, slots=True)
class BenchRun:
    """One measured subprocess."""

    mode: str
    n_process: int
    docs: int
    words: int
    load_s: float
    first_doc_s: float
    process_s: float
    peak_rss_mb: float

    @property
    def words_per_s(self) -> float:
        return self.words / self.process_s if self.process_s else 0.0


def load_articles(path: str | Path, limit: int | None = None, split: str = "all") -> list[Article]:
    """``(text, creation date)`` of a JSONL of articles, in file order: the ``split`` of
    :func:`~frnews_ner.evaluation.readers.split_by_date` (``all``, ``train``, ``dev``), then the
    first ``limit``."""
    from .readers import read_span_jsonl, split_by_date

    docs = split_by_date(read_span_jsonl(path), split)
    return [(d.text, d.published) for d in docs[:limit]]


def load_texts(path: str | Path, limit: int | None = None, split: str = "all") -> list[str]:
    """Texts of a JSONL of articles (``text`` field), in file order (see :func:`load_articles`)."""
    return [text for text, _ in load_articles(path, limit, split)]


def _maxrss_mb(who: int = resource.RUSAGE_SELF) -> float:
    rss = resource.getrusage(who).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def _spacy_nlp(mode: str, model: str | None) -> Any:
    import spacy

    from frnews_ner.extractor import EXCLUDED_COMPONENTS, resolve_model

    name = resolve_model(model)
    return spacy.load(name, exclude=list(EXCLUDED_COMPONENTS)) if mode == "spacy-lean" else spacy.load(name)


def _words(articles: Sequence[Article]) -> int:
    return sum(len(text.split()) for text, _ in articles)


def _runner(mode: str, model: str | None, articles: Sequence[Article], batch_size: int,
            n_process: int) -> tuple[float, float, Any]:
    """Load ``mode``'s pipeline and warm it up on one short text: ``(load_s, first_doc_s, run)``,
    ``run()`` processing every article and returning the number of documents."""
    texts = [text for text, _ in articles]
    warm = texts[0][:200] if texts else "Paris."
    t0 = time.perf_counter()
    if mode == "frnews":
        from frnews_ner import Extractor

        ext = Extractor(model)
        load_s = time.perf_counter() - t0
        t1 = time.perf_counter()
        ext.extract(warm, published="2016-01-01")  # what a first call pays beyond the load
        first_s = time.perf_counter() - t1
        return load_s, first_s, lambda: sum(1 for _ in ext.extract_many(articles, batch_size=batch_size,
                                                                         n_process=n_process))
    nlp = _spacy_nlp(mode, model)
    load_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    nlp(warm)
    first_s = time.perf_counter() - t1
    return load_s, first_s, lambda: sum(1 for _ in nlp.pipe(texts, batch_size=batch_size, n_process=n_process))


def _worker(mode: str, model: str | None, path: str, limit: int | None, n_process: int,
            batch_size: int, split: str = "all") -> dict[str, Any]:
    """Load, warm up on one short text, then time the whole input. Runs in the child."""
    articles = load_articles(path, limit, split)
    load_s, first_s, run = _runner(mode, model, articles, batch_size, n_process)
    t2 = time.perf_counter()
    n = run()
    process_s = time.perf_counter() - t2
    # With n_process > 1 the work happens in grandchildren: count their peak too.
    return {"mode": mode, "n_process": n_process, "docs": n, "words": _words(articles),
            "load_s": load_s, "first_doc_s": first_s, "process_s": process_s,
            "peak_rss_mb": _maxrss_mb(), "peak_rss_children_mb": _maxrss_mb(resource.RUSAGE_CHILDREN)}


def _same_process_worker(modes: Sequence[str], model: str | None, path: str, limit: int | None,
                         n_process: int, batch_size: int, split: str, repeat: int) -> dict[str, Any]:
    """Every mode loaded in this one process, then run alternately ``repeat`` times. Runs in the child."""
    articles = load_articles(path, limit, split)
    runners = {mode: _runner(mode, model, articles, batch_size, n_process)[2] for mode in modes}
    seconds: dict[str, list[float]] = {mode: [] for mode in modes}
    for _ in range(repeat):
        for mode in modes:
            t0 = time.perf_counter()
            runners[mode]()
            seconds[mode].append(time.perf_counter() - t0)
    return {"n_process": n_process, "docs": len(articles), "words": _words(articles), "seconds": seconds,
            "peak_rss_mb": max(_maxrss_mb(), _maxrss_mb(resource.RUSAGE_CHILDREN))}


def component_shares(ext: Any, articles: Sequence[Article], batch_size: int = 32) -> dict[str, float]:
    """Seconds spent in each stage of ``ext``'s pipeline on ``articles``, in pipeline order:
    ``make_doc`` (tokenizer and chunking), each component, ``records`` (Extraction assembly).

    The stages run one after the other on the whole input, each component through its own
    ``pipe`` as ``nlp.pipe`` would call it (same batches), so the shares add up to one
    single-process ``extract_many``.
    """
    seconds: dict[str, float] = {}
    t0 = time.perf_counter()
    plans = [ext._plan(index, item) for index, item in enumerate(articles)]
    jobs = [(plan, n) for plan in plans for n in range(len(plan.pieces))]
    docs = [ext._make_doc(plan, n) for plan, n in jobs]
    seconds["make_doc"] = time.perf_counter() - t0
    for name, proc in ext.nlp.pipeline:
        t0 = time.perf_counter()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=batch_size))
        else:
            docs = [proc(doc) for doc in docs]
        seconds[name] = time.perf_counter() - t0
    t0 = time.perf_counter()
    parts: dict[int, list[Any]] = {}
    for doc, (plan, _) in zip(docs, jobs):
        parts.setdefault(plan.index, []).append(doc)
        if len(parts[plan.index]) == len(plan.pieces):
            ext._to_extraction(plan, parts.pop(plan.index))
    seconds["records"] = time.perf_counter() - t0
    return seconds


def _components_worker(model: str | None, path: str, limit: int | None, batch_size: int, split: str,
                       repeat: int) -> dict[str, Any]:
    from frnews_ner import Extractor

    articles = load_articles(path, limit, split)
    ext = Extractor(model)
    ext.extract(articles[0][0][:200] if articles else "Paris.", published="2016-01-01")
    runs = [component_shares(ext, articles, batch_size) for _ in range(repeat)]
    return {"seconds": {k: statistics.median(r[k] for r in runs) for k in runs[0]}}


#: Run as ``python -c`` so that the import of frnews_ner (or spaCy) is inside the measured time.
_COLD_CODE = {
    "frnews": ("import time, json, resource; t0 = time.perf_counter()\n"
               "from frnews_ner import Extractor\n"
               "t1 = time.perf_counter(); ext = Extractor({model!r}); t2 = time.perf_counter()\n"
               "ext.extract('Jeanne Martin est arrivée à Lyon hier soir.', published='2020-06-15')\n"
               "t3 = time.perf_counter()\n"),
    "spacy": ("import time, json, resource; t0 = time.perf_counter()\n"
              "import spacy\n"
              "t1 = time.perf_counter(); nlp = spacy.load({model!r}); t2 = time.perf_counter()\n"
              "nlp('Jeanne Martin est arrivée à Lyon hier soir.')\n"
              "t3 = time.perf_counter()\n"),
}
_COLD_REPORT = ("print(json.dumps({{'import_s': t1 - t0, 'load_s': t2 - t1, 'first_call_s': t3 - t2,"
                " 'total_s': t3 - t0, 'peak_rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))")


def _child(cmd: list[str]) -> dict[str, Any]:
    proc = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ))
    if proc.returncode != 0:
        raise EvaluationError(f"benchmark worker failed ({' '.join(cmd)}):\n{proc.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def cold_start(model: str, repeat: int = 3) -> dict[str, Any]:
    """Import + load + first call, in fresh processes, for ``frnews`` (``Extractor(model).extract``)
    and ``spacy`` (``spacy.load(model)`` and one call): medians and spreads of ``repeat`` runs."""
    runs: dict[str, list[dict[str, Any]]] = {"spacy": [], "frnews": []}
    for _ in range(repeat):
        for mode in runs:
            code = _COLD_CODE[mode].format(model=model) + _COLD_REPORT.format()
            runs[mode].append(_child([sys.executable, "-c", code]))
    out: dict[str, Any] = {}
    for mode, sel in runs.items():
        out[mode] = {k: round(statistics.median(r[k] for r in sel), 3) for k in sel[0]}
        out[mode]["total_spread_s"] = [round(min(r["total_s"] for r in sel), 3),
                                       round(max(r["total_s"] for r in sel), 3)]
    return out


def _worker_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "frnews_ner.evaluation.bench", *args]


def _measure(mode: str, model: str | None, path: str, limit: int | None, n_process: int,
             batch_size: int, split: str = "all") -> BenchRun:
    cmd = _worker_cmd("--worker", mode, "--input", path, "--n-process", str(n_process),
                      "--batch-size", str(batch_size), "--split", split)
    if model:
        cmd += ["--model", model]
    if limit is not None:
        cmd += ["--limit", str(limit)]
    d = _child(cmd)
    return BenchRun(d["mode"], d["n_process"], d["docs"], d["words"], d["load_s"], d["first_doc_s"],
                    d["process_s"], max(d["peak_rss_mb"], d["peak_rss_children_mb"]))


def _spread(values: Sequence[float], digits: int = 1) -> list[float]:
    return [round(min(values), digits), round(max(values), digits)]


def run_bench(path: str | Path, *, model: str | None = None, limit: int | None = None,
              repeat: int = 3, n_processes: Sequence[int] = (1, 2), modes: Sequence[str] = MODES,
              batch_size: int = 32, split: str = "all", same_process: bool = True, components: bool = True,
              cold: bool = True, progress: Any = None) -> dict[str, Any]:
    """Alternate every (mode, n_process) configuration ``repeat`` times in fresh processes; then
    (``same_process``) alternately in one process per n_process; the component shares
    (``components``) and the cold start (``cold``). Returns medians, spreads and runs."""
    def say(msg: str) -> None:
        if progress is not None:
            print(msg, file=progress, flush=True)

    runs: list[BenchRun] = []
    for r in range(repeat):
        for n_proc in n_processes:
            for mode in modes:
                run = _measure(mode, model, str(path), limit, n_proc, batch_size, split)
                runs.append(run)
                say(f"  rep {r + 1}/{repeat} {mode:10} n_process={n_proc}: "
                    f"{run.words_per_s:8.0f} words/s, {run.peak_rss_mb:6.0f} MB")
    summary: dict[str, Any] = {}
    for n_proc in n_processes:
        for mode in modes:
            sel = [r for r in runs if r.mode == mode and r.n_process == n_proc]
            if not sel:
                continue
            summary[f"{mode}/n{n_proc}"] = {
                "mode": mode, "n_process": n_proc, "docs": sel[0].docs, "words": sel[0].words,
                "words_per_s": round(statistics.median(r.words_per_s for r in sel), 1),
                "words_per_s_spread": _spread([r.words_per_s for r in sel]),
                "peak_rss_mb": round(statistics.median(r.peak_rss_mb for r in sel), 1),
                "load_s": round(statistics.median(r.load_s for r in sel), 3),
                "first_doc_s": round(statistics.median(r.first_doc_s for r in sel), 3),
                "process_s": round(statistics.median(r.process_s for r in sel), 3),
            }
    ratios: dict[str, float] = {}
    for n_proc in n_processes:
        ours, bare, lean = (summary.get(f"{m}/n{n_proc}") for m in ("frnews", "spacy", "spacy-lean"))
        if ours and bare and bare["words_per_s"]:
            ratios[f"frnews/spacy n{n_proc}"] = round(ours["words_per_s"] / bare["words_per_s"], 3)
        if ours and lean and lean["words_per_s"]:
            ratios[f"frnews/spacy-lean n{n_proc}"] = round(ours["words_per_s"] / lean["words_per_s"], 3)
    loads: dict[str, float] = {}
    if "spacy-lean/n1" in summary and "frnews/n1" in summary:
        # Extractor() = spacy.load (lean) + our components' resources: the difference is the
        # knowledge-base and rule loading; the first call adds anything loaded lazily.
        loads["model_load_s"] = summary["spacy-lean/n1"]["load_s"]
        loads["extractor_init_s"] = summary["frnews/n1"]["load_s"]
        loads["kb_rules_load_s"] = round(summary["frnews/n1"]["load_s"] - summary["spacy-lean/n1"]["load_s"]
                                         + max(0.0, summary["frnews/n1"]["first_doc_s"]
                                               - summary["spacy-lean/n1"]["first_doc_s"]), 3)
    res: dict[str, Any] = {"task": "bench", "input": str(path), "split": split, "repeat": repeat, "limit": limit,
                           "summary": summary, "ratios": ratios, "load": loads,
                           "runs": [{**asdict(r), "words_per_s": round(r.words_per_s, 1)} for r in runs]}
    if same_process:
        same: dict[str, Any] = {}
        for n_proc in n_processes:
            cmd = _worker_cmd("--worker", "same-process", "--modes", ",".join(modes), "--input", str(path),
                              "--n-process", str(n_proc), "--batch-size", str(batch_size), "--split", split,
                              "--repeat", str(repeat))
            if model:
                cmd += ["--model", model]
            if limit is not None:
                cmd += ["--limit", str(limit)]
            d = _child(cmd)
            for mode, secs in d["seconds"].items():
                rates = [d["words"] / s for s in secs]
                same[f"{mode}/n{n_proc}"] = {"words_per_s": round(statistics.median(rates), 1),
                                             "words_per_s_spread": _spread(rates)}
            for key in ("spacy", "spacy-lean"):
                if f"frnews/n{n_proc}" in same and f"{key}/n{n_proc}" in same:
                    ratios[f"same process frnews/{key} n{n_proc}"] = round(
                        same[f"frnews/n{n_proc}"]["words_per_s"] / same[f"{key}/n{n_proc}"]["words_per_s"], 3)
            say(f"  one process n_process={n_proc}: " + ", ".join(
                f"{k} {v['words_per_s']:.0f} words/s" for k, v in same.items() if k.endswith(f"/n{n_proc}")))
        res["same_process"] = same
    if components:
        # a fresh process per repetition: a second pass in the same process would find the
        # linker's memory of candidates warm and flatter it
        cmd = _worker_cmd("--worker", "components", "--input", str(path), "--batch-size", str(batch_size),
                          "--split", split, "--repeat", "1")
        if model:
            cmd += ["--model", model]
        if limit is not None:
            cmd += ["--limit", str(limit)]
        passes = [_child(cmd)["seconds"] for _ in range(repeat)]
        seconds = {k: statistics.median(p[k] for p in passes) for k in passes[0]}
        res["components"] = _shares(seconds)
        say("  components: " + ", ".join(f"{k} {v['share']:.1%}" for k, v in res["components"].items()))
    if cold:
        from frnews_ner.extractor import resolve_model

        res["cold_start"] = cold_start(resolve_model(model), repeat)
        say(f"  cold start: frnews {res['cold_start']['frnews']['total_s']:.2f} s, "
            f"spacy {res['cold_start']['spacy']['total_s']:.2f} s")
    return res


def _ours(name: str) -> bool:
    """Our own stages (the rest of the pipeline is the spaCy model's, or the tokenizer's)."""
    return name.startswith("frnews_") or name == "records"


def _shares(seconds: dict[str, float]) -> dict[str, dict[str, Any]]:
    total = sum(seconds.values()) or 1.0
    return {k: {"seconds": round(v, 3), "share": round(v / total, 4), "ours": _ours(k)} for k, v in seconds.items()}


# --------------------------------------------------------------------------- hostile inputs

def _hostile_worker(generator: str, size: int, model: str | None, mode: str) -> dict[str, Any]:
    """One generated text through ``Extractor.extract`` (or bare ``spacy``). Runs in the child."""
    from .hostile import generate

    text = generate(generator, size)
    if mode == "frnews":
        from frnews_ner import Extractor

        ext = Extractor(model)
        ext.extract("Jeanne Martin est arrivée à Lyon hier soir.", published=HOSTILE_PUBLISHED)
        t0 = time.perf_counter()
        ex = ext.extract(text, published=HOSTILE_PUBLISHED)
        seconds = time.perf_counter() - t0
        found = {"entities": len(ex.entities), "dates": len(ex.dates)}
    else:
        nlp = _spacy_nlp(mode, model)
        nlp.max_length = max(nlp.max_length, size + 1)
        nlp("Jeanne Martin est arrivée à Lyon hier soir.")
        t0 = time.perf_counter()
        doc = nlp(text)
        seconds = time.perf_counter() - t0
        found = {"entities": len(doc.ents), "dates": 0}
    return {"generator": generator, "size": size, "mode": mode, "seconds": seconds,
            "us_per_char": 1e6 * seconds / size if size else 0.0, "peak_rss_mb": _maxrss_mb(), **found}


def run_hostile(generators: Sequence[str] | None = None, sizes: Sequence[int] = HOSTILE_SIZES, *,
                model: str | None = None, baseline: bool = True, progress: Any = None) -> dict[str, Any]:
    """Every generator at every size through ``Extractor.extract``, each in a fresh process (its peak
    RSS is its own); with ``baseline``, bare ``spacy.load(model)`` on the news text of each size too
    (the memory reference). Ratios are µs per character over ordinary news at the same size."""
    from .hostile import GENERATORS

    names = list(generators or GENERATORS)
    rows: list[dict[str, Any]] = []
    for size in sizes:
        configs = [(g, "frnews") for g in names] + ([("news", "spacy")] if baseline else [])
        for generator, mode in configs:
            cmd = _worker_cmd("--worker", "hostile", "--generator", generator, "--size", str(size),
                              "--hostile-mode", mode)
            if model:
                cmd += ["--model", model]
            row = _child(cmd)
            rows.append(row)
            if progress is not None:
                print(f"  {mode:6} {generator:18} {size:>9}: {row['us_per_char']:7.1f} µs/char, "
                      f"{row['seconds']:7.2f} s, {row['peak_rss_mb']:6.0f} MB", file=progress, flush=True)
    news = {r["size"]: r["us_per_char"] for r in rows if r["generator"] == "news" and r["mode"] == "frnews"}
    for r in rows:
        r["vs_news"] = round(r["us_per_char"] / news[r["size"]], 2) if news.get(r["size"]) else None
    return {"task": "bench-hostile", "sizes": list(sizes), "generators": names, "rows": rows}


def render_hostile(res: dict[str, Any]) -> str:
    from .report import table

    rows = [[f"{r['generator']}" + (" (bare spaCy)" if r["mode"] != "frnews" else ""), r["size"],
             f"{r['us_per_char']:.1f}", "" if r["vs_news"] is None else f"{r['vs_news']:.2f}",
             f"{r['seconds']:.2f}", f"{r['peak_rss_mb']:.0f}", r["entities"], r["dates"]] for r in res["rows"]]
    return table(["generator", "chars", "µs/char", "× news", "s", "peak RSS MB", "entities", "dates"], rows,
                 title=f"Hostile inputs, one fresh process each (model {res.get('model', '?')})")


def render_bench(res: dict[str, Any]) -> str:
    from .report import table

    def spread(v: dict[str, Any]) -> str:
        lo_hi = v.get("words_per_s_spread")
        return f"{lo_hi[0]:.0f}–{lo_hi[1]:.0f}" if lo_hi else ""

    rows = [[k, v["docs"], v["words"], f"{v['words_per_s']:.0f}", spread(v), f"{v['peak_rss_mb']:.0f}",
             f"{v['load_s']:.2f}", f"{v['first_doc_s']:.3f}"] for k, v in res["summary"].items()]
    text = table(["config", "docs", "words", "words/s", "spread", "peak RSS MB", "load s", "first doc s"], rows,
                 title=f"Speed, fresh processes, medians of {res['repeat']} alternating runs — {res['input']} "
                       f"(split {res.get('split', 'all')}, model {res.get('model', '?')})")
    if res.get("same_process"):
        text += "\n\n" + table(["config", "words/s", "spread"],
                               [[k, f"{v['words_per_s']:.0f}", spread(v)] for k, v in res["same_process"].items()],
                               title=f"Speed, one process, medians of {res['repeat']} alternating runs")
    if res.get("components"):
        comps = res["components"]
        ours = sum(v["share"] for v in comps.values() if v["ours"])
        text += "\n\n" + table(["stage", "seconds", "share"],
                               [[k, f"{v['seconds']:.2f}", f"{100 * v['share']:.1f} %"] for k, v in comps.items()],
                               title="Time per pipeline stage (n_process 1, medians)")
        text += f"\nour components and records: {100 * ours:.1f} % of the pipeline"
    if res["ratios"]:
        text += "\n" + "\n".join(f"ratio {k}: {v:.2f}" for k, v in res["ratios"].items())
    if res["load"]:
        text += "\n" + "  ".join(f"{k}={v:.2f}" for k, v in res["load"].items())
    if res.get("cold_start"):
        text += "\n" + "\n".join(
            f"cold start {mode}: import {v['import_s']:.2f} s + load {v['load_s']:.2f} s + first call "
            f"{v['first_call_s']:.2f} s = {v['total_s']:.2f} s (spread {v['total_spread_s'][0]:.2f}–"
            f"{v['total_spread_s'][1]:.2f}), peak RSS {v['peak_rss_mb']:.0f} MB"
            for mode, v in res["cold_start"].items())
    return text


def _main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m frnews_ner.evaluation.bench")
    p.add_argument("--worker", choices=MODES + ("same-process", "components", "hostile"), required=True)
    p.add_argument("--input")
    p.add_argument("--model")
    p.add_argument("--limit", type=int)
    p.add_argument("--split", default="all")
    p.add_argument("--n-process", type=int, default=1)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--modes", default=",".join(MODES))
    p.add_argument("--generator")
    p.add_argument("--size", type=int)
    p.add_argument("--hostile-mode", default="frnews")
    a = p.parse_args(argv)
    if a.worker == "hostile":
        out = _hostile_worker(a.generator, a.size, a.model, a.hostile_mode)
    elif a.worker == "same-process":
        out = _same_process_worker(a.modes.split(","), a.model, a.input, a.limit, a.n_process, a.batch_size,
                                   a.split, a.repeat)
    elif a.worker == "components":
        out = _components_worker(a.model, a.input, a.limit, a.batch_size, a.split, a.repeat)
    else:
        out = _worker(a.worker, a.model, a.input, a.limit, a.n_process, a.batch_size, a.split)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(_main())
