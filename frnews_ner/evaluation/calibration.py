"""Is ``confidence`` a probability? Reliability tables and calibration error on a NER gold.

For every entity with mentions a NER gold can judge, the target is the share of those mentions that
are exactly a gold span of its label (strict; MISC: an Event or Product span). Three readings of
the same entities, side by side:

- ``linker score``: the uncalibrated score the linker computes;
- ``calibrated, out of fold``: the calibration refitted on 4/5 of the articles and applied to the
  other fifth, for each fifth (the honest estimate on this split);
- ``shipped calibration``: the one in the package, fitted on this very split (in-sample).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..confidence import Calibration, ReliabilityBin, features, fit_logistic, reliability, scored_mentions, \
    shipped_calibration
from .readers import GoldDocument
from .report import table
from .scoring import map_label, outermost

_MISC_GOLD = {"event": "MISC", "product": "MISC"}


@dataclass(frozen=True)
class JudgedEntity:
    doc: int
    features: list[float]
    target: float
    raw: float


def judged_entities(docs: Sequence[GoldDocument], extractor: Any) -> list[JudgedEntity]:
    """The entities of ``extractor`` on ``docs`` with their target, the calibration switched off."""
    linker = extractor.nlp.get_pipe("frnews_linker")
    kept, linker.calibration = linker.calibration, None
    try:
        results = list(extractor.extract_many([(d.text, d.published) for d in docs], batch_size=16))
    finally:
        linker.calibration = kept
    out = []
    for n, (doc, extraction) in enumerate(zip(docs, results)):
        gold = {(s.start, s.end, map_label(s.label) or _MISC_GOLD.get(s.label.lower())) for s in outermost(doc.spans)}
        for entity in extraction.entities:
            mentions = scored_mentions(entity)
            if mentions:
                right = sum((m.start, m.end, entity.label) in gold for m in mentions) / len(mentions)
                out.append(JudgedEntity(n, features(entity), right, entity.confidence))
    return out


def fit(rows: Sequence[JudgedEntity], source: str = "") -> Calibration:
    """The logistic calibration of ``rows`` (see :mod:`frnews_ner.confidence`)."""
    return Calibration(fit_logistic([r.features for r in rows], [r.target for r in rows]), source)


def out_of_fold(rows: Sequence[JudgedEntity], folds: int = 5) -> list[float]:
    """Each entity's calibrated confidence from a calibration fitted on the other folds (by article)."""
    out = [0.0] * len(rows)
    for fold in range(folds):
        train = [r for r in rows if r.doc % folds != fold]
        calibration = fit(train)
        for i, r in enumerate(rows):
            if r.doc % folds == fold:
                out[i] = calibration(r.features)
    return out


def evaluate_calibration(rows: Sequence[JudgedEntity], *, folds: int = 5) -> dict[str, Any]:
    targets = [r.target for r in rows]
    readings: dict[str, list[float]] = {"linker score": [r.raw for r in rows],
                                        f"calibrated, out of {folds} folds": out_of_fold(rows, folds)}
    shipped = shipped_calibration()
    if shipped is not None:
        readings["shipped calibration (in-sample)"] = [shipped(r.features) for r in rows]
    result: dict[str, Any] = {"entities": len(rows), "articles": len({r.doc for r in rows}), "readings": {}}
    for name, confidences in readings.items():
        bins, ece = reliability(confidences, targets)
        monotone = all(a.share_right <= b.share_right for a, b in zip(bins, bins[1:]))
        result["readings"][name] = {"ece": round(ece, 4), "monotone": monotone,
                                    "bins": [b.__dict__ for b in bins]}
    return result


def render_calibration(res: dict[str, Any]) -> str:
    lines = [f"Confidence calibration — {res.get('dataset', '')}{', split ' + res['split'] if res.get('split') else ''}: "
             f"{res['entities']} entities of {res['articles']} articles (share of mentions strictly right)"]
    for name, reading in res["readings"].items():
        lines.append("")
        lines.append(f"{name}: expected calibration error {reading['ece']:.3f}, bins (of 50 entities or more) "
                     f"{'monotone' if reading['monotone'] else 'NOT monotone'}")
        rows = [[f"[{b['low']:.1f}, {b['high']:.1f})", b["count"], f"{b['mean_confidence']:.3f}", f"{b['share_right']:.3f}"]
                for b in reading["bins"]]
        lines.append(table(["confidence", "entities", "mean confidence", "share right"], rows))
    return "\n".join(lines)


__all__ = ["JudgedEntity", "evaluate_calibration", "fit", "judged_entities", "out_of_fold", "render_calibration",
           "ReliabilityBin"]
