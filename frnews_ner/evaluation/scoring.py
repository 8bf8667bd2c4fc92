"""Scorers: NER (exact span+type, strict and lenient), temporal expressions (TempEval-3 style) and linking.

All scorers take aligned sequences of gold documents and predicted spans (one list of
:class:`~frnews_ner.evaluation.readers.Span` per document) and return plain frozen records that
serialise to JSON with :func:`dataclasses.asdict`.

>>> from frnews_ner.evaluation.readers import GoldDocument, Span
>>> gold = [GoldDocument("d", "Macron à Lyon", None, (Span(0, 6, "Person"), Span(9, 13, "Location")))]
>>> score_ner(gold, [[Span(0, 6, "PER"), Span(9, 13, "ORG")]], mode="strict").micro.f1
0.5
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field


from .readers import GoldDocument, Span

__all__ = [
    "PRF", "NerScore", "DateScore", "DateSubset", "LinkingScore", "NER_LABEL_MAP", "NER_TYPES",
    "NER_MODES", "outermost", "score_ner", "score_dates", "score_linking", "normalize_value", "value_matches",
    "needs_anchor",
]

NER_TYPES: tuple[str, ...] = ("PER", "LOC", "ORG")

#: The two NER scoring modes (see :func:`score_ner`): ``strict`` counts every prediction,
#: ``lenient`` ignores predictions inside an outermost gold span of an unscored type.
NER_MODES: tuple[str, ...] = ("strict", "lenient")

# Gold type names of the supported corpora → our labels; anything else is not scored.
NER_LABEL_MAP: Mapping[str, str] = {
    "person": "PER", "location": "LOC", "organization": "ORG", "organisation": "ORG",
    "per": "PER", "loc": "LOC", "org": "ORG", "pers": "PER",
}


@dataclass(frozen=True, slots=True)
class PRF:
    """Counts and precision/recall/F1 (all 0.0 when undefined)."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def _add(a: PRF, b: PRF) -> PRF:
    return PRF(a.tp + b.tp, a.fp + b.fp, a.fn + b.fn)


# --------------------------------------------------------------------------- NER

def map_label(label: str, label_map: Mapping[str, str] = NER_LABEL_MAP) -> str | None:
    """``Person`` → ``PER``; labels of other kinds (``Event``, ``MISC``…) → ``None``."""
    return label_map.get(label.lower())


def outermost(spans: Sequence[Span]) -> list[Span]:
    """Spans not strictly contained in another span (ties: identical offsets keep the first)."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    out: list[Span] = []
    max_end = -1
    for sp in ordered:
        if sp.end <= max_end and out:
            continue  # inside (or equal to) an earlier, wider span
        out.append(sp)
        max_end = max(max_end, sp.end)
    return out


@dataclass(frozen=True, slots=True)
class NerScore:
    """Exact span+type scores per type and micro-averaged over ``types``, in one ``mode``.

    ``inside_unscored``: predictions (not gold) lying inside an outermost gold span of an unscored
    type; ``strict`` counts them as false positives, ``lenient`` ignores them
    (``ignored_predictions`` is then the same number, 0 in ``strict``).
    """

    per_type: dict[str, PRF]
    micro: PRF
    documents: int
    ignored_predictions: int = 0
    mode: str = "lenient"
    inside_unscored: int = 0

    def to_dict(self) -> dict[str, object]:
        return {"mode": self.mode, "micro": self.micro.to_dict(),
                "per_type": {k: v.to_dict() for k, v in self.per_type.items()},
                "documents": self.documents, "ignored_predictions": self.ignored_predictions,
                "inside_unscored": self.inside_unscored}


def score_ner(gold: Sequence[GoldDocument], predicted: Sequence[Sequence[Span]], *,
              types: Sequence[str] = NER_TYPES,
              label_map: Mapping[str, str] = NER_LABEL_MAP,
              mode: str = "lenient") -> NerScore:
    """Exact span+type P/R/F1 on character offsets against the outermost gold spans.

    Nesting: only the outermost gold spans count (« Université de Lyon » is one ORG, not also a
    LOC); a prediction of a nested span (« Lyon » as LOC there) is a false positive in both modes.
    The modes differ only for predictions lying inside an outermost gold span whose type is not
    scored (WiNER ``Event``, ``Product``, ``Date``…), such as « Rio » tagged LOC inside the Event
    « Jeux olympiques de Rio »:

    - ``mode="strict"``: such a prediction is a false positive, like any prediction that is not
      gold (the corpus says the whole phrase is one name of another type);
    - ``mode="lenient"`` (the default, and the only variant before the strict one was added):
      such a prediction is ignored, as following a different nesting convention.

    True positives and false negatives are the same in both modes; only false positives differ.
    Predictions are de-duplicated by (start, end, label) (``inside_unscored`` counts them so too);
    overlapping predictions are judged one by one.
    """
    if mode not in NER_MODES:
        raise ValueError(f"mode must be one of {', '.join(NER_MODES)}; got {mode!r}")
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted must have one entry per document")
    counts = {t: PRF(0, 0, 0) for t in types}
    inside = 0
    for doc, preds in zip(gold, predicted):
        top = outermost(doc.spans)
        gold_set = {(s.start, s.end, lab) for s in top
                    if (lab := map_label(s.label, label_map)) in types}
        dont_care = [(s.start, s.end) for s in top if map_label(s.label, label_map) not in types]
        pred_set = set()
        inside_set = set()
        for p in preds:
            lab = p.label if p.label in types else map_label(p.label, label_map)
            if lab not in types:
                continue
            key = (p.start, p.end, lab)
            if key not in gold_set and any(s <= p.start and p.end <= e for s, e in dont_care):
                inside_set.add(key)
                if mode == "lenient":
                    continue
            pred_set.add(key)
        inside += len(inside_set)
        for t in types:
            g = {k for k in gold_set if k[2] == t}
            pr = {k for k in pred_set if k[2] == t}
            counts[t] = _add(counts[t], PRF(len(g & pr), len(pr - g), len(g - pr)))
    micro = PRF(0, 0, 0)
    for c in counts.values():
        micro = _add(micro, c)
    return NerScore(counts, micro, len(gold), inside if mode == "lenient" else 0, mode, inside)


# --------------------------------------------------------------------------- TIMEX3 values

_PART_OF_DAY = re.compile(r"T(MO|MI|AF|EV|NI|DT)$")


def normalize_value(value: str | None) -> str | None:
    """Format-only normalisation of a TIMEX3 value, applied to gold and predictions alike.

    Upper-case, no blanks, zero seconds and minutes dropped the same way on both sides
    (``T21:45:00`` → ``T21:45``, ``T07`` → ``T07:00``), a trailing ``Z`` dropped.
    """
    if value is None:
        return None
    v = value.strip().upper().replace(" ", "")
    if not v:
        return None
    v = v.removesuffix("Z")
    v = re.sub(r"(T\d{2}:\d{2}):00(\.0+)?$", r"\1", v)
    v = re.sub(r"(T\d{2})$", r"\1:00", v)
    return v


def _x_pattern(gold: str) -> re.Pattern[str]:
    # "PXD" matches "P3D", "196X" matches "1960"… an X stands for one or more digits/letters.
    return re.compile("^" + "".join("[0-9A-Z]+" if c == "X" else re.escape(c) for c in gold) + "$")


def value_matches(gold: str | None, pred: str | None, *, published: str | None = None,
                  lenient: bool = False) -> bool:
    """Whether a predicted TIMEX3 value equals the gold one.

    Strict (the TempEval-3 metric): equal after :func:`normalize_value`. ``lenient`` also
    accepts the French TimeBank conventions a news extractor reasonably does not reproduce:

    - parts of day: gold ``1999-05-19TMO`` (« hier matin ») accepts ``1999-05-19``;
    - underspecified gold: ``PXD`` (« plusieurs jours ») accepts ``P3D``, ``196X`` accepts ``1960``;
    - ``PRESENT_REF`` accepts the creation date itself (« aujourd'hui » → ``1999-05-17``).
    """
    g, p = normalize_value(gold), normalize_value(pred)
    if g is None or p is None:
        return g == p
    if g == p:
        return True
    if not lenient:
        return False
    if _PART_OF_DAY.search(g) and p == _PART_OF_DAY.sub("", g):
        return True
    if "X" in g and _x_pattern(g).match(p):
        return True
    if g == "PRESENT_REF" and published and p == published:
        return True
    return False


def needs_anchor(text: str, value: str | None) -> bool:
    """Whether a gold value can only be computed with a reference date (a *relative* expression).

    Rule (deterministic, from text and value only, because the ``temporalFunction`` flags of
    French TimeBank are inconsistent): a value that names a specific year — ``1999-05-18``,
    ``1999-W27``, ``2002-05-22TMO`` — is relative unless that year is written in the text
    (``1999``, or its two last digits as in « octobre 98 »). ``PRESENT_REF``/``PAST_REF``/
    ``FUTURE_REF`` are relative. Durations, sets, clock times and year-less values
    (``XXXX-08-15``) are absolute.
    """
    v = normalize_value(value)
    if v is None:
        return False
    if v.endswith("_REF"):
        return True
    m = re.match(r"^(\d{4})", v)
    if not m:
        return False
    year = m.group(1)
    if re.search(rf"(?<!\d){year}(?!\d)", text):
        return False
    # « le 10 novembre 93 », « octobre 98 », « années 60 » (196X: "196" written as 60)
    return not re.search(rf"(?<![\d]){year[2:]}(?!\d)", text)


# --------------------------------------------------------------------------- dates

@dataclass(frozen=True, slots=True)
class DateSubset:
    """Extraction and attribute scores on one subset of expressions (all, absolute, relative)."""

    strict: PRF
    relaxed: PRF
    value: PRF
    value_lenient: PRF
    type: PRF

    def to_dict(self) -> dict[str, object]:
        return {"strict": self.strict.to_dict(), "relaxed": self.relaxed.to_dict(),
                "value": self.value.to_dict(), "value_lenient": self.value_lenient.to_dict(),
                "type": self.type.to_dict()}


@dataclass(frozen=True, slots=True)
class DateScore:
    """TempEval-3 style scores; ``subsets`` has ``all``, ``absolute`` and ``relative``."""

    subsets: dict[str, DateSubset]
    documents: int
    gold: int
    predicted: int
    errors: tuple[dict[str, object], ...] = field(default=())

    def to_dict(self) -> dict[str, object]:
        return {"documents": self.documents, "gold": self.gold, "predicted": self.predicted,
                **{k: v.to_dict() for k, v in self.subsets.items()}}


def _overlap(a: Span, b: Span) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def _align(gold: Sequence[Span], pred: Sequence[Span]) -> list[tuple[int, int]]:
    """One-to-one relaxed alignment: pairs of overlapping spans, largest overlap first."""
    cands = sorted(((_overlap(g, p), gi, pi) for gi, g in enumerate(gold)
                    for pi, p in enumerate(pred) if _overlap(g, p) > 0), reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def score_dates(gold: Sequence[GoldDocument], predicted: Sequence[Sequence[Span]], *,
                keep_errors: int = 0) -> DateScore:
    """TempEval-3 extraction and normalisation scores for temporal expressions.

    - strict: exact character offsets; relaxed: any overlap (one-to-one, largest overlap first);
    - value / type: a relaxed match whose value (type) is right counts as a true positive;
      precision is over all predictions, recall over all gold expressions (TempEval-3
      "attribute F1"); ``value_lenient`` uses :func:`value_matches` with ``lenient=True``;
    - ``absolute`` / ``relative`` (see :func:`needs_anchor`): gold expressions by their own
      class, predictions by the class of the gold they match, or, unmatched, by their own
      text and value.
    """
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted must have one entry per document")
    names = ("all", "absolute", "relative")
    acc = {n: {k: [0, 0, 0] for k in ("strict", "relaxed", "value", "value_lenient", "type")}
           for n in names}  # [tp, n_pred, n_gold]
    errors: list[dict[str, object]] = []
    n_gold = n_pred = 0
    for doc, preds in zip(gold, predicted):
        g_spans = list(doc.spans)
        p_spans = sorted(set(preds), key=lambda s: (s.start, s.end))
        n_gold += len(g_spans)
        n_pred += len(p_spans)
        g_class = ["relative" if needs_anchor(s.text, s.value) else "absolute" for s in g_spans]
        p_class = ["relative" if needs_anchor(s.text or doc.text[s.start:s.end], s.value)
                   else "absolute" for s in p_spans]
        pairs = _align(g_spans, p_spans)
        for gi, pi in pairs:
            p_class[pi] = g_class[gi]
        for subset in names:
            def inside(cls: str) -> bool:
                return subset == "all" or cls == subset
            ng = sum(1 for c in g_class if inside(c))
            np_ = sum(1 for c in p_class if inside(c))
            for k in acc[subset]:
                acc[subset][k][1] += np_
                acc[subset][k][2] += ng
            strict_g = {(s.start, s.end) for s, c in zip(g_spans, g_class) if inside(c)}
            acc[subset]["strict"][0] += sum(
                1 for s, c in zip(p_spans, p_class) if inside(c) and (s.start, s.end) in strict_g)
            for gi, pi in pairs:
                if not inside(g_class[gi]):
                    continue
                g, p = g_spans[gi], p_spans[pi]
                acc[subset]["relaxed"][0] += 1
                acc[subset]["value"][0] += value_matches(g.value, p.value)
                acc[subset]["value_lenient"][0] += value_matches(
                    g.value, p.value, published=doc.published, lenient=True)
                acc[subset]["type"][0] += (g.label.upper() == p.label.upper())
        if len(errors) < keep_errors:
            matched_g = {gi for gi, _ in pairs}
            matched_p = {pi for _, pi in pairs}
            for gi, pi in pairs:
                g, p = g_spans[gi], p_spans[pi]
                if not value_matches(g.value, p.value):
                    errors.append({"doc": doc.id, "kind": "value", "gold": [g.text, g.value],
                                   "pred": [p.text, p.value]})
            errors.extend({"doc": doc.id, "kind": "missed", "gold": [g_spans[i].text, g_spans[i].value]}
                          for i in range(len(g_spans)) if i not in matched_g)
            errors.extend({"doc": doc.id, "kind": "spurious",
                           "pred": [p_spans[i].text or doc.text[p_spans[i].start:p_spans[i].end],
                                    p_spans[i].value]}
                          for i in range(len(p_spans)) if i not in matched_p)
    subsets = {}
    for subset in names:
        prfs = {k: PRF(tp, npred - tp, ngold - tp) for k, (tp, npred, ngold) in acc[subset].items()}
        subsets[subset] = DateSubset(**prfs)
    return DateScore(subsets, len(gold), n_gold, n_pred, tuple(errors[:keep_errors]))


# --------------------------------------------------------------------------- linking

@dataclass(frozen=True, slots=True)
class LinkingScore:
    """Linking on gold spans: accuracy on spans with a Wikidata id, NIL precision/recall.

    ``accuracy`` = right id / gold spans that have an id. NIL: a gold span is *predicted NIL*
    when the system's best-overlapping mention has no Wikidata id or when no mention overlaps it;
    ``nil`` precision = predicted NIL that are gold NIL / predicted NIL, recall = gold NIL
    predicted NIL / gold NIL. ``recognised`` = gold linkable spans overlapped by any mention.
    """

    linked_gold: int
    correct: int
    recognised: int
    nil: PRF
    predicted_ids: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.linked_gold if self.linked_gold else 0.0

    def to_dict(self) -> dict[str, object]:
        return {"linked_gold": self.linked_gold, "correct": self.correct,
                "accuracy": round(self.accuracy, 4), "recognised": self.recognised,
                "predicted_ids": self.predicted_ids, "nil": self.nil.to_dict()}


def score_linking(gold: Sequence[GoldDocument], predicted: Sequence[Sequence[Span]]) -> LinkingScore:
    """Score predicted ``link`` values (Wikidata ids or ``None``) against gold span links.

    Gold spans without a link annotation (``None``) are skipped. Each gold span takes the link of
    the predicted span that overlaps it most (type is not checked: linking is scored apart from
    typing).
    """
    linked = correct = recognised = predicted_ids = 0
    nil_tp = nil_fp = nil_fn = 0
    for doc, preds in zip(gold, predicted):
        for g in doc.spans:
            if g.link is None:
                continue
            best = max(preds, key=lambda p: _overlap(g, p), default=None)
            hit = best is not None and _overlap(g, best) > 0
            pred_link = best.link if hit and best is not None else None
            pred_nil = pred_link in (None, "NIL")
            gold_nil = g.link.upper() == "NIL"
            if not gold_nil:
                linked += 1
                recognised += hit
                correct += (pred_link == g.link)
            predicted_ids += not pred_nil
            if pred_nil and gold_nil:
                nil_tp += 1
            elif pred_nil:
                nil_fp += 1
            elif gold_nil:
                nil_fn += 1
    return LinkingScore(linked, correct, recognised, PRF(nil_tp, nil_fp, nil_fn), predicted_ids)
