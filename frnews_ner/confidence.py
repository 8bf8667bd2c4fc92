"""Confidence that means something: the measured probability that an entity's mentions are right.

An entity's ``confidence`` is a logistic regression over what the pipeline already knows of it —
linked or not, its label, how many mentions it has and of which forms, its name's shape, how
ambiguous its linking was, and the linker's own score (``raw``) — fitted on the WiNER-fr dev
split (articles of 2017-03-01 and later) by ``models/confidence/fit.py``, its coefficients shipped
in ``data/confidence/calibration.json``. « Right » is strict: a mention is right when it is exactly
a gold span of its entity's label (MISC: an Event or Product span). The reliability table
(confidence bins → share right) and the expected calibration error are printed by ``frnews-ner
evaluate calibration`` and published in ``docs/evaluation.md``.

Entities known only through nationality words or titles have no gold to be measured against in
WiNER-fr; they keep the linker's fixed values (0.9 and 0.8), not calibrated.

>>> features(entity)  # doctest: +SKIP
[1.0, 0.0, 1.0, 0.0, 0.0, 0.693, …]
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .records import Entity

#: Mention forms a NER gold can judge (demonyms and titles are no NER spans).
SCORED_FORMS = frozenset({"name", "surname", "alias", "acronym", "metonym"})
#: The features, in order (their meaning in :func:`features`).
FEATURE_NAMES: tuple[str, ...] = (
    "bias", "linked", "label_PER", "label_LOC", "label_ORG", "label_MISC", "log_mentions", "surname_share",
    "acronym", "single_token", "long_name", "lowercase_start", "ambiguous", "raw", "raw_linked",
)
CALIBRATION_FILE = Path(str(resources.files("frnews_ner") / "data" / "confidence" / "calibration.json"))


def scored_mentions(entity: Entity) -> list:
    """The mentions of ``entity`` a NER gold can judge."""
    return [m for m in entity.mentions if m.form in SCORED_FORMS]


def features(entity: Entity, raw: float | None = None) -> list[float]:
    """The calibration features of an entity (``raw``: the linker's own score, default its confidence)."""
    mentions = scored_mentions(entity)
    n = len(mentions)
    words = entity.name.split()
    first = mentions[0].text if mentions else entity.name
    score = entity.confidence if raw is None else raw
    linked = 1.0 if entity.kb is not None else 0.0
    return [
        1.0,
        linked,
        1.0 if entity.label == "PER" else 0.0,
        1.0 if entity.label == "LOC" else 0.0,
        1.0 if entity.label == "ORG" else 0.0,
        1.0 if entity.label == "MISC" else 0.0,
        math.log1p(n),
        (sum(1 for m in mentions if m.form == "surname") / n) if n else 0.0,
        1.0 if any(m.form == "acronym" for m in mentions) or (first.isupper() and len(first) > 1) else 0.0,
        1.0 if len(words) == 1 else 0.0,
        1.0 if len(words) >= 4 else 0.0,
        1.0 if first[:1].islower() else 0.0,
        1.0 if len(entity.candidates) > 1 else 0.0,
        score,
        score * linked,
    ]


@dataclass(frozen=True)
class Calibration:
    """Logistic regression coefficients over :data:`FEATURE_NAMES`."""

    coefficients: tuple[float, ...]
    source: str = ""

    def __call__(self, values: Sequence[float]) -> float:
        z = sum(w * x for w, x in zip(self.coefficients, values))
        p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        return round(min(0.99, max(0.01, p)), 3)

    def to_dict(self) -> dict[str, object]:
        return {"features": list(FEATURE_NAMES), "coefficients": list(self.coefficients), "source": self.source}

    @classmethod
    def from_dict(cls, data: dict[str, Any], where: str = "calibration.json") -> Calibration:
        names = data.get("features")
        if names != list(FEATURE_NAMES):
            raise ValueError(f"{where}: expected the features {list(FEATURE_NAMES)}, found {names!r}")
        coefficients = tuple(float(c) for c in data["coefficients"])
        if len(coefficients) != len(FEATURE_NAMES):
            raise ValueError(f"{where}: expected {len(FEATURE_NAMES)} coefficients, found {len(coefficients)}")
        return cls(coefficients, str(data.get("source", "")))


_loaded: dict[str, Calibration | None] = {}
_lock = threading.Lock()


def shipped_calibration() -> Calibration | None:
    """The calibration shipped in the package (None when the file is absent), read once."""
    with _lock:
        if "shipped" not in _loaded:
            if CALIBRATION_FILE.is_file():
                data = json.loads(CALIBRATION_FILE.read_text(encoding="utf-8"))
                _loaded["shipped"] = Calibration.from_dict(data, str(CALIBRATION_FILE))
            else:
                _loaded["shipped"] = None
        return _loaded["shipped"]


# --------------------------------------------------------------------------- fitting and measuring

def fit_logistic(rows: Sequence[Sequence[float]], targets: Sequence[float], *, l2: float = 10.0,
                 iterations: int = 50) -> tuple[float, ...]:
    """Coefficients minimising cross-entropy with soft targets (Newton's method, L2 on all but the bias)."""
    import numpy as np

    x = np.asarray(rows, dtype=float)
    y = np.asarray(targets, dtype=float)
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    return tuple(float(v) for v in w)


@dataclass(frozen=True)
class ReliabilityBin:
    low: float
    high: float
    count: int
    mean_confidence: float
    share_right: float


def reliability(confidences: Sequence[float], targets: Sequence[float], bins: int = 10,
                min_count: int = 50) -> tuple[list[ReliabilityBin], float]:
    """Equal-width confidence bins → share right, and the expected calibration error (weighted by count).

    A bin with fewer than ``min_count`` entities is pooled with the next one (the last with the one
    before), so that every share is measured on enough entities to mean something (on 50 entities,
    a share has a standard error of about 0.07).
    """
    groups: list[tuple[float, float, list[tuple[float, float]]]] = []
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        inside = [(c, t) for c, t in zip(confidences, targets) if low <= c < high or (b == bins - 1 and c >= 1.0)]
        if inside:
            groups.append((low, high, inside))
    pooled: list[tuple[float, float, list[tuple[float, float]]]] = []
    carry: tuple[float, list[tuple[float, float]]] | None = None
    for low, high, inside in groups:
        if carry is not None:
            low, inside = carry[0], carry[1] + inside
            carry = None
        if len(inside) < min_count:
            carry = (low, inside)
            continue
        pooled.append((low, high, inside))
    if carry is not None:
        if pooled:
            low, _, inside = pooled.pop()
            pooled.append((low, groups[-1][1], inside + carry[1]))
        else:
            pooled.append((carry[0], groups[-1][1], carry[1]))
    out, ece, total = [], 0.0, max(1, len(confidences))
    for low, high, inside in pooled:
        mean_c = sum(c for c, _ in inside) / len(inside)
        share = sum(t for _, t in inside) / len(inside)
        out.append(ReliabilityBin(low, high, len(inside), mean_c, share))
        ece += len(inside) / total * abs(mean_c - share)
    return out, ece


__all__ = ["CALIBRATION_FILE", "Calibration", "FEATURE_NAMES", "ReliabilityBin", "SCORED_FORMS", "features",
           "fit_logistic", "reliability", "scored_mentions", "shipped_calibration"]
