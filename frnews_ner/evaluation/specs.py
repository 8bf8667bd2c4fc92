"""Date specs of other projects (Duckling, Microsoft Recognizers-Text) as per-file pass rates.

A spec case is an input sentence, a reference time, and the expressions expected in it. Their
values are converted to TIMEX3 so that our extractor can be judged by its own output format.

Which cases count
    Only cases with a reference date, or whose expected values need none (durations, clock
    times, dates that write their year: see :func:`~frnews_ner.evaluation.scoring.needs_anchor`).
    Extractor specs (no value) and negative cases (no expected result) need no reference.
    Duckling intervals that are no TIMEX3 unit (« en début de semaine », 11h–16h) and
    Recognizers cases marked ``NotSupportedByDesign`` are skipped and counted as such.

When a case passes
    Every expected expression is *overlapped* by a predicted expression (their spans include
    prepositions like « pour le 27e », TIMEX3 does not) whose value, after
    :func:`~frnews_ner.evaluation.scoring.normalize_value`, is one of the accepted TIMEX3
    values of the expected result; a case with no expected result passes when nothing is
    predicted. A clock time ``T07`` also accepts ``XXXX-XX-XXT07:00`` and ``2016-11-07T07:00``.
    Extra predictions do not fail a case that has expected results. ``strict`` also
    requires the exact span. *Ranges as ends*, a named lenient variant shown beside, lets a range
    pass as its two ends (TIMEX3's two points; see :func:`case_passes`). The reference is passed as ``published`` whole, date and
    time of day (« dans deux heures » counts from it; a naive midnight, as Recognizers-Text writes
    its references, is read as a day alone, see :func:`~frnews_ner.published.parse_published_time`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from .readers import GoldDocument, Span
from .scoring import needs_anchor, normalize_value

__all__ = ["SpecExpected", "SpecCase", "SpecFileScore", "load_duckling", "load_recognizers",
           "interval_to_timex", "score_specs", "case_documents", "case_passes"]


@dataclass(frozen=True, slots=True)
class SpecExpected:
    """An expected expression: its span and the TIMEX3 values accepted (empty = span only)."""

    start: int
    end: int
    text: str
    values: tuple[str, ...] = ()
    #: A range's two ends (« de 10 h à 12 h »: ``("T10", "T12")``), for the lenient variant
    #: *ranges as ends*; ``()`` for no range.
    ends: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SpecCase:
    """One spec case; ``skip`` says why it does not count (``""`` when it counts)."""

    file: str
    text: str
    reference: str | None
    expected: tuple[SpecExpected, ...]
    skip: str = ""


@dataclass(frozen=True, slots=True)
class SpecFileScore:
    file: str
    cases: int
    passed: int
    passed_strict: int
    skipped: dict[str, int]
    #: lenient variant: a range also passes as its two ends (see :func:`case_passes`)
    passed_ranges_as_ends: int = 0

    @property
    def rate(self) -> float:
        return self.passed / self.cases if self.cases else 0.0

    def to_dict(self) -> dict[str, object]:
        return {"file": self.file, "cases": self.cases, "passed": self.passed,
                "passed_strict": self.passed_strict, "pass_rate": round(self.rate, 4),
                "passed_ranges_as_ends": self.passed_ranges_as_ends, "skipped": dict(self.skipped)}


# --------------------------------------------------------------------------- value conversion

_SEASONS = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}
# Parts of day of TIMEX3 with the hours they cover here (end may pass midnight).
_PARTS = {"MO": (4, 12), "AF": (12, 19), "EV": (18, 24), "NI": (21, 28)}


def _parse_dt(s: str) -> datetime:
    s = s.strip().replace(" ", "T")
    if re.fullmatch(r"\d{4}", s):
        s += "-01-01"
    elif re.fullmatch(r"\d{4}-\d{2}", s):
        s += "-01"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}", s):
        s += ":00"
    return datetime.fromisoformat(s[:19])


def interval_to_timex(start: str, end: str) -> tuple[str, ...]:
    """TIMEX3 value(s) of a half-open calendar interval, or ``()`` when it is no TIMEX3 unit.

    >>> interval_to_timex("2013-02-01", "2013-03-01")
    ('2013-02',)
    >>> interval_to_timex("2013-02-12T12", "2013-02-12T19")  # « cet après-midi »
    ('2013-02-12TAF',)
    """
    try:
        f, t = _parse_dt(start), _parse_dt(end)
    except ValueError:  # malformed or out-of-range endpoints: no value to compare with
        return ()
    fd, td = f.date(), t.date()
    day_aligned = f.time() == t.time() == datetime.min.time()
    if day_aligned:
        if fd.month == fd.day == 1 and td == date(fd.year + 1, 1, 1):
            return (f"{fd.year:04d}",)
        nxt = date(fd.year + (fd.month == 12), fd.month % 12 + 1, 1)
        if fd.day == 1 and td == nxt:
            return (f"{fd.year:04d}-{fd.month:02d}",)
        if fd.day == 1 and fd.month % 3 == 1 and \
                td == date(fd.year + (fd.month >= 10), (fd.month + 2) % 12 + 1, 1):
            return (f"{fd.year:04d}-Q{(fd.month - 1) // 3 + 1}",)
        iso = fd.isocalendar()
        if fd.weekday() == 0 and td - fd == timedelta(days=7):
            return (f"{iso[0]:04d}-W{iso[1]:02d}",)
        if fd.weekday() == 5 and td - fd == timedelta(days=2):
            return (f"{iso[0]:04d}-W{iso[1]:02d}-WE",)
        if td - fd == timedelta(days=1):
            return (fd.isoformat(),)
        if fd.month in _SEASONS and 19 <= fd.day <= 23 and 85 <= (td - fd).days <= 95:
            return (f"{fd.year:04d}-{_SEASONS[fd.month]}",)
        return ()
    # Duckling's weekend: Friday 18:00 to Monday 00:00.
    if f.weekday() == 4 and f.hour == 18 and t - f == timedelta(hours=54):
        iso = (fd + timedelta(days=1)).isocalendar()
        return (f"{iso[0]:04d}-W{iso[1]:02d}-WE",)
    hours = (t - f).total_seconds() / 3600
    if 0 < hours <= 12:
        lo = f.hour + f.minute / 60
        hi = lo + hours
        codes = [c for c, (a, b) in _PARTS.items() if a <= lo and hi <= b]
        return tuple(f"{fd.isoformat()}T{c}" for c in codes)
    return ()


#: A Recognizers range timex: « (2016-11-01,2016-12-01,P1M) », « (T10,T12,PT2H) »: start, end, duration.
_RANGE = re.compile(r"\((.+?),(.+?),(P.+?)\)")


def _recognizers_value(v: str) -> tuple[str, ...]:
    """Recognizers ``Timex``: ``(2016-11-01,2016-12-01,P1M)`` ranges become a calendar value."""
    v = v.strip()
    m = _RANGE.fullmatch(v)
    if m:
        out = list(interval_to_timex(m.group(1), m.group(2)) if _is_iso(m.group(1)) and
                   _is_iso(m.group(2)) else ())
        out.append(m.group(3))  # « dix derniers mois » may be a DURATION P10M
        return tuple(out)
    return (v,)


def _is_iso(s: str) -> bool:
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?", s.strip()))


def _resolution_value(kind: str, v: str) -> str | None:
    """Recognizers resolved values → TIMEX3: ``07:00:00`` → ``T07:00``, datetimes with a ``T``."""
    v = v.strip()
    if kind == "time" and re.fullmatch(r"\d{2}:\d{2}(:\d{2})?", v):
        return "T" + v
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        return v
    if re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?", v):
        return v.replace(" ", "T")
    return None


# --------------------------------------------------------------------------- loaders

def load_duckling(path: str | Path) -> list[SpecCase]:
    """Duckling French time corpus (JSON export): whole input = the expression."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    ref = data.get("reference_time") or None
    cases = []
    for c in data["cases"]:
        text, e = c["text"], c["expected"]
        skip = ""
        if e["type"] in ("value", "open_interval"):
            vals = [e["timex_value"]]
            if e.get("grain") == "Second" and str(e.get("value", "")).startswith(data.get("reference_time", "")[:16]):
                vals.append("PRESENT_REF")  # « maintenant »: TIMEX3's own value for now
        else:
            vals = list(interval_to_timex(e["timex_from"], e["timex_to"]))
            if not vals:
                skip = "interval with no TIMEX3 value"
        cases.append(SpecCase("duckling_fr_time_cases.json", text, ref,
                              (SpecExpected(0, len(text), text, tuple(vals)),), skip))
    return cases


def _span_in(text: str, res: dict[str, object]) -> tuple[int, int]:
    found = str(res.get("Text", ""))
    start = res.get("Start", res.get("start"))
    if isinstance(start, int) and text[start:start + len(found)].lower() == found.lower():
        return start, start + len(found)
    i = text.lower().find(found.lower())
    return (i, i + len(found)) if i >= 0 else (0, len(text))


def load_recognizers(folder: str | Path) -> list[SpecCase]:
    """Recognizers-Text French DateTime specs (every ``*.json`` in ``folder``)."""
    cases = []
    for path in sorted(Path(folder).glob("*.json")):
        for c in json.loads(path.read_text(encoding="utf-8-sig")):
            text = c["Input"]
            ctx = c.get("Context") or {}
            ref = str(ctx.get("ReferenceDateTime", "")) or None
            expected = []
            needs_ref = False
            for res in c.get("Results", []):
                start, end = _span_in(text, res)
                vals: list[str] = []
                value = res.get("Value")
                if isinstance(value, dict):
                    if value.get("Timex"):
                        vals.extend(_recognizers_value(str(value["Timex"])))
                    for key in ("FutureResolution", "PastResolution"):
                        for kind, v in (value.get(key) or {}).items():
                            conv = _resolution_value(kind, str(v))
                            if conv:
                                vals.append(conv)
                resolution = res.get("Resolution")
                if isinstance(value, dict) and isinstance(value.get("values"), list):
                    resolution = value  # MergedParser nests model-style values under "Value"
                if isinstance(resolution, dict):
                    for v in resolution.get("values", []):
                        if v.get("timex"):
                            vals.extend(_recognizers_value(str(v["timex"])))
                        if v.get("value"):
                            conv = _resolution_value(str(v.get("type", "")), str(v["value"]))
                            if conv:
                                vals.append(conv)
                # Whether the case needs a reference is judged on the specs' own timex (a range
                # by its start), not on the alternatives added above.
                raw = [str(value["Timex"])] if isinstance(value, dict) and value.get("Timex") else []
                if isinstance(resolution, dict):
                    raw += [str(v["timex"]) for v in resolution.get("values", []) if v.get("timex")]
                ends = next(((m.group(1), m.group(2)) for r in raw if (m := _RANGE.fullmatch(r.strip()))), ())
                raw = [r.strip("(").split(",")[0] for r in raw]
                if raw and all(needs_anchor(text[start:end], r) for r in raw):
                    needs_ref = True
                expected.append(SpecExpected(start, end, text[start:end],
                                             tuple(dict.fromkeys(vals)), ends))
            skip = ""
            if "NotSupportedByDesign" in c:
                skip = "NotSupportedByDesign"
            elif ref is None and needs_ref:
                skip = "no reference date and the value needs one"
            cases.append(SpecCase(path.name, text, ref, tuple(expected), skip))
    return cases


# --------------------------------------------------------------------------- scoring

def case_documents(cases: Sequence[SpecCase]) -> list[GoldDocument]:
    """The counted cases as documents (``published`` = reference date) for a date system."""
    return [GoldDocument(f"{c.file}#{i}", c.text, c.reference) for i, c in enumerate(cases) if not c.skip]


def _value_ok(pred: str | None, values: Sequence[str]) -> bool:
    """Predicted value among the accepted ones; a clock time also matches on its time part.

    The specs give « 7h » as ``T07``; a news extractor anchors it to a day
    (``XXXX-XX-XXT07:00`` or ``2016-11-07T07:00``): TIMEX3 allows both, so both pass.
    """
    p = normalize_value(pred)
    if p is None:
        return False
    for v in values:
        n = normalize_value(v)
        if n is None:
            continue
        if p == n:
            return True
        if n.startswith("T") and re.fullmatch(r"(XXXX-XX-XX|\d{4}-\d{2}-\d{2})" + re.escape(n), p):
            return True
    return False


def case_passes(case: SpecCase, preds: Sequence[Span], *, strict: bool = False,
                ranges_as_ends: bool = False) -> bool:
    """The pass rule of the module docstring.

    ``ranges_as_ends`` is a named lenient variant: a range the specs give as one interval
    (``(T10,T12,PT2H)`` for « de 10 h à 12 h ») also passes when the expressions predicted inside
    its span hold both its ends, as TIMEX3 annotates a range (two points; French TimeBank guide).
    """
    if not case.expected:
        return not preds
    for exp in case.expected:
        inside = [p for p in preds if min(p.end, exp.end) - max(p.start, exp.start) > 0
                  and not (strict and (p.start, p.end) != (exp.start, exp.end))]
        ok = any(not exp.values or _value_ok(p.value, exp.values) for p in inside)
        if not ok and ranges_as_ends and exp.ends:
            ok = all(any(_value_ok(p.value, (end,)) for p in inside) for end in exp.ends)
        if not ok:
            return False
    return True


def score_specs(cases: Sequence[SpecCase], predicted: Sequence[Sequence[Span]]) -> list[SpecFileScore]:
    """Per-file pass rates; ``predicted`` is aligned with :func:`case_documents` (counted cases)."""
    counted = [c for c in cases if not c.skip]
    if len(counted) != len(predicted):
        raise ValueError("one prediction list per counted case expected")
    files: dict[str, dict[str, object]] = {}
    for c in cases:
        f = files.setdefault(c.file, {"cases": 0, "passed": 0, "strict": 0, "ends": 0, "skipped": {}})
        if c.skip:
            sk = f["skipped"]
            sk[c.skip] = sk.get(c.skip, 0) + 1  # type: ignore[index,union-attr,attr-defined]
    for c, preds in zip(counted, predicted):
        f = files[c.file]
        f["cases"] += 1  # type: ignore[operator]
        f["passed"] += case_passes(c, preds)  # type: ignore[operator]
        f["strict"] += case_passes(c, preds, strict=True)  # type: ignore[operator]
        f["ends"] += case_passes(c, preds, ranges_as_ends=True)  # type: ignore[operator]
    return [SpecFileScore(name, int(v["cases"]), int(v["passed"]), int(v["strict"]),  # type: ignore[call-overload]
                          dict(v["skipped"]), int(v["ends"]))  # type: ignore[call-overload]
            for name, v in sorted(files.items())]
