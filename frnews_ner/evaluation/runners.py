"""Run systems over gold documents, score them, and render the results.

Each ``evaluate_*`` takes gold documents and named systems (see
:mod:`frnews_ner.evaluation.systems`) and returns a JSON-ready dict; each ``render_*`` turns that
dict into the printed table. Loading models is left to the caller (the CLI), so these functions
run on tiny hand-made systems in tests:

>>> from frnews_ner.evaluation.readers import GoldDocument, Span
>>> gold = [GoldDocument("d", "Macron à Lyon", None, (Span(0, 6, "Person"), Span(9, 13, "Location")))]
>>> res = evaluate_ner(gold, {"toy": lambda docs: [[Span(0, 6, "PER")]]})
>>> res["systems"]["toy"]["strict"]["micro"]["f1"], res["systems"]["toy"]["lenient"]["micro"]["f1"]
(0.6667, 0.6667)
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import EvaluationError

from .readers import GoldDocument
from .report import pct, table
from .scoring import NER_MODES, NER_TYPES, score_dates, score_linking, score_ner
from .specs import SpecCase, case_documents, score_specs
from .systems import System

__all__ = ["evaluate_ner", "evaluate_dates", "evaluate_linking", "evaluate_specs",
           "render_ner", "render_dates", "render_linking", "render_specs", "PUBLISHED_ANCHORS"]

#: Published numbers quoted beside ours (not measured here; they use other data splits).
PUBLISHED_ANCHORS: dict[str, dict[str, float]] = {
    "ner": {"spaCy fr_core_news_lg 3.8, WikiNER ents F": 84.2,
            "spaCy fr_core_news_md 3.8, WikiNER ents F": 83.2,
            "spaCy fr_core_news_sm 3.8, WikiNER ents F": 81.4},
    "dates": {"HeidelTime, French TimeBank strict F1": 86.0,
              "HeidelTime, French TimeBank value F1": 73.6},
}


def _timed(system: System, docs: Sequence[GoldDocument]) -> tuple[list[Any], float]:
    t0 = time.perf_counter()
    preds = system(docs)
    if len(preds) != len(docs):
        raise EvaluationError(f"system returned {len(preds)} predictions for {len(docs)} documents")
    return preds, time.perf_counter() - t0


def evaluate_ner(docs: Sequence[GoldDocument], systems: Mapping[str, System]) -> dict[str, Any]:
    """Exact span+type NER scores of each system, ``strict`` and ``lenient`` (see
    :func:`~.scoring.score_ner`), from one run of the system."""
    out: dict[str, Any] = {"task": "ner", "documents": len(docs),
                           "gold_spans": sum(len(d.spans) for d in docs), "systems": {}}
    for name, system in systems.items():
        preds, secs = _timed(system, docs)
        out["systems"][name] = {**{m: score_ner(docs, preds, mode=m).to_dict() for m in NER_MODES},
                                "seconds": round(secs, 2)}
    return out


def evaluate_dates(docs: Sequence[GoldDocument], systems: Mapping[str, System], *,
                   keep_errors: int = 0) -> dict[str, Any]:
    """TempEval-3 style date scores of each system (see :func:`~.scoring.score_dates`)."""
    out: dict[str, Any] = {"task": "dates", "documents": len(docs), "systems": {}}
    for name, system in systems.items():
        preds, secs = _timed(system, docs)
        score = score_dates(docs, preds, keep_errors=keep_errors)
        out["systems"][name] = {**score.to_dict(), "seconds": round(secs, 2)}
        if keep_errors:
            out["systems"][name]["errors"] = list(score.errors)
    return out


def evaluate_linking(docs: Sequence[GoldDocument], systems: Mapping[str, System]) -> dict[str, Any]:
    """Linking scores on gold spans that carry a link annotation."""
    out: dict[str, Any] = {"task": "linking", "documents": len(docs), "systems": {}}
    for name, system in systems.items():
        preds, secs = _timed(system, docs)
        out["systems"][name] = {**score_linking(docs, preds).to_dict(), "seconds": round(secs, 2)}
    return out


def evaluate_specs(suites: Mapping[str, Sequence[SpecCase]],
                   systems: Mapping[str, System]) -> dict[str, Any]:
    """Per-file pass rates of each system on each spec suite (``{"duckling": cases, …}``)."""
    out: dict[str, Any] = {"task": "specs", "systems": {}}
    for name, system in systems.items():
        res: dict[str, Any] = {}
        for suite, cases in suites.items():
            docs = case_documents(cases)
            preds, secs = _timed(system, docs)
            files = score_specs(cases, preds)
            total = sum(f.cases for f in files)
            passed = sum(f.passed for f in files)
            res[suite] = {"cases": total, "passed": passed,
                          "pass_rate": round(passed / total, 4) if total else 0.0,
                          "passed_strict": sum(f.passed_strict for f in files),
                          "passed_ranges_as_ends": sum(f.passed_ranges_as_ends for f in files),
                          "skipped": sum(sum(f.skipped.values()) for f in files),
                          "files": [f.to_dict() for f in files], "seconds": round(secs, 2)}
        out["systems"][name] = res
    return out


# --------------------------------------------------------------------------- rendering

def _prf_cells(d: Mapping[str, Any]) -> list[str]:
    return [pct(d["precision"]), pct(d["recall"]), pct(d["f1"])]


def render_ner(res: Mapping[str, Any]) -> str:
    rows = []
    for name, s in res["systems"].items():
        st, le = s["strict"], s["lenient"]
        for t in (*NER_TYPES, "micro"):
            a = st["micro"] if t == "micro" else st["per_type"][t]
            b = le["micro"] if t == "micro" else le["per_type"][t]
            rows.append([name, t, *_prf_cells(a), *_prf_cells(b), a["tp"], a["fp"], b["fp"], a["fn"]])
    split = f", split {res['split']}" if res.get("split") else ""
    head = (f"NER, exact span+type on outermost gold spans — {res.get('dataset', '')}{split} "
            f"({res['documents']} documents, model {res.get('model', '?')})\n"
            "strict: a PER/LOC/ORG prediction inside a gold span of an unscored type (Event, "
            "Product, Date…) is a false positive; lenient: it is ignored")
    return table(["system", "type", "strict P", "strict R", "strict F1", "lenient P", "lenient R",
                  "lenient F1", "tp", "fp strict", "fp lenient", "fn"], rows, title=head)


def render_dates(res: Mapping[str, Any]) -> str:
    rows = []
    for name, s in res["systems"].items():
        for subset in ("all", "absolute", "relative"):
            d = s[subset]
            rows.append([name, subset, d["strict"]["tp"] + d["strict"]["fn"],
                         pct(d["strict"]["f1"]), pct(d["relaxed"]["precision"]),
                         pct(d["relaxed"]["recall"]), pct(d["relaxed"]["f1"]),
                         pct(d["value"]["f1"]), pct(d["value_lenient"]["f1"]), pct(d["type"]["f1"])])
    head = (f"Temporal expressions, TempEval-3 style — {res.get('dataset', '')} "
            f"({res['documents']} documents, dct passed as published)")
    text = table(["system", "subset", "gold", "strict F1", "relaxed P", "relaxed R", "relaxed F1",
                  "value F1", "value F1 lenient", "type F1"], rows, title=head)
    if res.get("notes"):
        text += "\n" + "\n".join(f"note: {n}" for n in res["notes"])
    return text


def render_linking(res: Mapping[str, Any]) -> str:
    rows = []
    for name, s in res["systems"].items():
        n = s["nil"]
        rows.append([name, s["linked_gold"], s["recognised"], s["correct"], pct(s["accuracy"]),
                     s["predicted_ids"], pct(n["precision"]), pct(n["recall"]), pct(n["f1"])])
    head = (f"Linking to Wikidata on HIPE gold spans — {res.get('dataset', '')} "
            f"({res['documents']} documents, model {res.get('model', '?')})")
    return table(["system", "gold with id", "overlapped", "right id", "accuracy", "ids predicted",
                  "NIL P", "NIL R", "NIL F1"], rows, title=head)


def _ends_pct(d: Mapping[str, Any]) -> str:
    return pct(d.get("passed_ranges_as_ends", 0) / d["cases"]) if d["cases"] else "-"


def render_specs(res: Mapping[str, Any]) -> str:
    parts = []
    for name, suites in res["systems"].items():
        rows = []
        for suite, s in suites.items():
            for f in s["files"]:
                rows.append([f"{suite}/{f['file']}", f["cases"], f["passed"], pct(f["pass_rate"]),
                             f["passed_strict"], _ends_pct(f), sum(f["skipped"].values())])
            rows.append([f"{suite} (all files)", s["cases"], s["passed"], pct(s["pass_rate"]),
                         s["passed_strict"], _ends_pct(s), s["skipped"]])
        parts.append(table(["file", "cases", "passed", "pass %", "strict span", "lenient: ranges as ends %",
                            "skipped"], rows, title=f"Date specs — system {name}"))
    return "\n\n".join(parts)
