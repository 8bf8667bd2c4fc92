"""Speed benchmark: ``Extractor.extract_many`` against bare ``nlp.pipe`` of the same spaCy model.

Every measurement runs in a fresh subprocess (``python -m frnews_ner.evaluation.bench --worker``)
so that its peak RSS (``ru_maxrss`` of the child) belongs to that configuration alone and no
cache is shared. Configurations alternate within each repetition (spaCy, ours, spaCy, ours…)
so that machine noise hits both sides alike; the summary reports medians.

Configurations:

- ``spacy``: ``spacy.load(model)`` with its default pipeline, ``nlp.pipe`` — what a user of bare
  spaCy runs;
- ``spacy-lean``: the same model loaded without the components the Extractor excludes
  (parser, lemmatizer) — the like-for-like cost of our own components;
- ``frnews``: ``Extractor(model).extract_many`` (Extraction records included).

Words are whitespace-separated tokens of the input texts (``len(text.split())``), the same count
for every configuration.
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

__all__ = ["BenchRun", "run_bench", "render_bench", "load_texts", "MODES"]

MODES: tuple[str, ...] = ("spacy", "spacy-lean", "frnews")


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


def load_texts(path: str | Path, limit: int | None = None) -> list[str]:
    """Texts of a JSONL of articles (``text`` field), in file order."""
    texts = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                texts.append(json.loads(line)["text"])
                if limit is not None and len(texts) >= limit:
                    break
    return texts


def _maxrss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def _worker(mode: str, model: str | None, path: str, limit: int | None, n_process: int,
            batch_size: int) -> dict[str, Any]:
    """Load, warm up on one short text, then time the whole input. Runs in the child."""
    texts = load_texts(path, limit)
    t0 = time.perf_counter()
    if mode == "frnews":
        from frnews_ner import Extractor

        ext = Extractor(model)
        load_s = time.perf_counter() - t0
        t1 = time.perf_counter()
        # The first document pays for lazily loaded resources (knowledge base, rules).
        ext.extract(texts[0][:200] if texts else "Paris.", published="2016-01-01")
        first_s = time.perf_counter() - t1
        t2 = time.perf_counter()
        n = sum(1 for _ in ext.extract_many(texts, batch_size=batch_size, n_process=n_process))
    else:
        import spacy

        from frnews_ner.extractor import EXCLUDED_COMPONENTS, resolve_model

        name = resolve_model(model)
        nlp = spacy.load(name, exclude=list(EXCLUDED_COMPONENTS)) if mode == "spacy-lean" else spacy.load(name)
        load_s = time.perf_counter() - t0
        t1 = time.perf_counter()
        nlp(texts[0][:200] if texts else "Paris.")
        first_s = time.perf_counter() - t1
        t2 = time.perf_counter()
        n = sum(1 for _ in nlp.pipe(texts, batch_size=batch_size, n_process=n_process))
    process_s = time.perf_counter() - t2
    # With n_process > 1 the work happens in grandchildren: count their peak too.
    rss_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    rss_children_mb = rss_children / (1024 * 1024) if sys.platform == "darwin" else rss_children / 1024
    return {"mode": mode, "n_process": n_process, "docs": n, "words": sum(len(t.split()) for t in texts),
            "load_s": load_s, "first_doc_s": first_s, "process_s": process_s,
            "peak_rss_mb": _maxrss_mb(), "peak_rss_children_mb": rss_children_mb}


def _measure(mode: str, model: str | None, path: str, limit: int | None, n_process: int,
             batch_size: int) -> BenchRun:
    cmd = [sys.executable, "-m", "frnews_ner.evaluation.bench", "--worker", mode, "--input", path,
           "--n-process", str(n_process), "--batch-size", str(batch_size)]
    if model:
        cmd += ["--model", model]
    if limit is not None:
        cmd += ["--limit", str(limit)]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ))
    if proc.returncode != 0:
        raise EvaluationError(f"benchmark worker failed ({' '.join(cmd)}):\n{proc.stderr[-2000:]}")
    d = json.loads(proc.stdout.strip().splitlines()[-1])
    return BenchRun(d["mode"], d["n_process"], d["docs"], d["words"], d["load_s"], d["first_doc_s"],
                    d["process_s"], max(d["peak_rss_mb"], d["peak_rss_children_mb"]))


def run_bench(path: str | Path, *, model: str | None = None, limit: int | None = None,
              repeat: int = 3, n_processes: Sequence[int] = (1, 2), modes: Sequence[str] = MODES,
              batch_size: int = 32, progress: Any = None) -> dict[str, Any]:
    """Alternate every (mode, n_process) configuration ``repeat`` times; return medians and runs."""
    runs: list[BenchRun] = []
    for r in range(repeat):
        for n_proc in n_processes:
            for mode in modes:
                run = _measure(mode, model, str(path), limit, n_proc, batch_size)
                runs.append(run)
                if progress is not None:
                    print(f"  rep {r + 1}/{repeat} {mode:10} n_process={n_proc}: "
                          f"{run.words_per_s:8.0f} words/s, {run.peak_rss_mb:6.0f} MB", file=progress)
    summary: dict[str, Any] = {}
    for n_proc in n_processes:
        for mode in modes:
            sel = [r for r in runs if r.mode == mode and r.n_process == n_proc]
            if not sel:
                continue
            summary[f"{mode}/n{n_proc}"] = {
                "mode": mode, "n_process": n_proc, "docs": sel[0].docs, "words": sel[0].words,
                "words_per_s": round(statistics.median(r.words_per_s for r in sel), 1),
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
    return {"task": "bench", "input": str(path), "repeat": repeat, "limit": limit,
            "summary": summary, "ratios": ratios, "load": loads,
            "runs": [{**asdict(r), "words_per_s": round(r.words_per_s, 1)} for r in runs]}


def render_bench(res: dict[str, Any]) -> str:
    from .report import table

    rows = [[k, v["docs"], v["words"], f"{v['words_per_s']:.0f}", f"{v['peak_rss_mb']:.0f}",
             f"{v['load_s']:.2f}", f"{v['first_doc_s']:.3f}"] for k, v in res["summary"].items()]
    text = table(["config", "docs", "words", "words/s", "peak RSS MB", "load s", "first doc s"], rows,
                 title=f"Speed, medians of {res['repeat']} alternating runs — {res['input']} "
                       f"(model {res.get('model', '?')})")
    if res["ratios"]:
        text += "\n" + "\n".join(f"ratio {k}: {v:.2f}" for k, v in res["ratios"].items())
    if res["load"]:
        text += "\n" + "  ".join(f"{k}={v:.2f}" for k, v in res["load"].items())
    return text


def _main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m frnews_ner.evaluation.bench")
    p.add_argument("--worker", choices=MODES, required=True)
    p.add_argument("--input", required=True)
    p.add_argument("--model")
    p.add_argument("--limit", type=int)
    p.add_argument("--n-process", type=int, default=1)
    p.add_argument("--batch-size", type=int, default=32)
    a = p.parse_args(argv)
    print(json.dumps(_worker(a.worker, a.model, a.input, a.limit, a.n_process, a.batch_size)))
    return 0


if __name__ == "__main__":
    sys.exit(_main())
