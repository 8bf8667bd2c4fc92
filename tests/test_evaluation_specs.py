"""Date-spec loaders, value conversion and the pass rule, on hand-made spec files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frnews_ner.evaluation.readers import Span
from frnews_ner.evaluation.specs import (
    SpecCase,
    SpecExpected,
    case_documents,
    case_passes,
    interval_to_timex,
    load_duckling,
    load_recognizers,
    score_specs,
)


@pytest.mark.parametrize("start,end,values", [
    ("2013-01-01", "2014-01-01", ("2013",)),
    ("2013-02-01", "2013-03-01", ("2013-02",)),
    ("2013-12-01", "2014-01-01", ("2013-12",)),
    ("2013-04-01", "2013-07-01", ("2013-Q2",)),
    ("2013-02-11", "2013-02-18", ("2013-W07",)),
    ("2013-02-16", "2013-02-18", ("2013-W07-WE",)),
    ("2013-02-15T18", "2013-02-18T00", ("2013-W07-WE",)),
    ("2013-02-12", "2013-02-13", ("2013-02-12",)),
    ("2013-06-21", "2013-09-24", ("2013-SU",)),
    ("2013-02-12T12", "2013-02-12T19", ("2013-02-12TAF",)),
    ("2013-02-12T18", "2013-02-13T00", ("2013-02-12TEV",)),
    ("2013-02-12T07", "2013-02-12T09", ("2013-02-12TMO",)),
    ("2013-02-12T11", "2013-02-12T16", ()),  # midday to afternoon: no TIMEX3 unit
    ("2013-02-11", "2013-02-13", ()),        # « en début de semaine »
    ("2013-02-30", "2013-03-01", ()),        # malformed
])
def test_interval_to_timex(start, end, values) -> None:
    assert interval_to_timex(start, end) == values


def test_load_duckling(tmp_path: Path) -> None:
    data = {"reference_time": "2013-02-12T04:30:00-02:00", "cases": [
        {"text": "hier", "expected": {"type": "value", "value": "2013-02-11T00:00:00", "grain": "Day",
                                      "timex_value": "2013-02-11"}},
        {"text": "tout de suite", "expected": {"type": "value", "value": "2013-02-12T04:30:00",
                                               "grain": "Second", "timex_value": "2013-02-12T04:30:00"}},
        {"text": "en semaine", "expected": {"type": "interval", "from": "x", "to": "y", "grain": "Day",
                                            "timex_from": "2013-02-11", "timex_to": "2013-02-16"}},
        {"text": "avant midi", "expected": {"type": "open_interval", "direction": "before",
                                            "value": "2013-02-12T12:00:00", "grain": "Hour",
                                            "timex_value": "2013-02-12T12:00:00"}},
    ]}
    p = tmp_path / "d.json"
    p.write_text(json.dumps(data), encoding="utf-8")
    cases = load_duckling(p)
    assert [c.reference for c in cases] == ["2013-02-12T04:30:00-02:00"] * 4  # the time of day kept
    assert cases[0].expected[0].values == ("2013-02-11",)
    assert "PRESENT_REF" in cases[1].expected[0].values
    assert cases[2].skip and not cases[3].skip
    assert len(case_documents(cases)) == 3


def test_load_recognizers(tmp_path: Path) -> None:
    parser = [
        {"Input": "Je reviens le 15", "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
         "Results": [{"Text": "15", "Type": "date", "Start": 14, "Length": 2,
                      "Value": {"Timex": "XXXX-XX-15", "FutureResolution": {"date": "2016-11-15"},
                                "PastResolution": {"date": "2016-10-15"}}}]},
        {"Input": "Je reviens demain",  # no reference, the value needs one → skipped
         "Results": [{"Text": "demain", "Type": "date", "Start": 11, "Length": 6,
                      "Value": {"Timex": "2016-11-08"}}]},
        {"Input": "Pendant 3 jours", "Results": [{"Text": "3 jours", "Type": "duration", "Start": 8,
                                                  "Length": 7, "Value": {"Timex": "P3D"}}]},
        {"Input": "Rien", "Results": [], "NotSupportedByDesign": "all"},
    ]
    model = [{"Input": "Ventes du mois dernier", "Context": {"ReferenceDateTime": "2016-11-07T00:00:00"},
              "Results": [{"Text": "mois dernier", "TypeName": "datetimeV2.daterange", "Start": 10, "End": 21,
                           "Resolution": {"values": [{"timex": "(2016-10-01,2016-11-01,P1M)",
                                                      "type": "daterange"}]}}]},
             {"Input": "à 7h", "Results": [{"Text": "7h", "TypeName": "datetimeV2.time", "Start": 2, "End": 3,
                                            "Resolution": {"values": [{"timex": "T07", "type": "time",
                                                                       "value": "07:00:00"}]}}]}]
    (tmp_path / "P.json").write_text(json.dumps(parser), encoding="utf-8-sig")
    (tmp_path / "M.json").write_text(json.dumps(model), encoding="utf-8")
    cases = load_recognizers(tmp_path)
    by_text = {c.text: c for c in cases}
    c15 = by_text["Je reviens le 15"]
    assert c15.reference == "2016-11-07T00:00:00"
    assert set(c15.expected[0].values) == {"XXXX-XX-15", "2016-11-15", "2016-10-15"}
    assert by_text["Je reviens demain"].skip
    assert not by_text["Pendant 3 jours"].skip
    assert by_text["Rien"].skip == "NotSupportedByDesign"
    mois = by_text["Ventes du mois dernier"].expected[0]
    assert mois.text == "mois dernier" and set(mois.values) == {"2016-10", "P1M"}
    sept = by_text["à 7h"].expected[0]
    assert sept.text == "7h" and "T07" in sept.values and "T07:00:00" in sept.values


def test_pass_rule_and_per_file_scores() -> None:
    ok = SpecCase("f.json", "pour le 27 mai", "2016-11-07",
                  (SpecExpected(0, 14, "pour le 27 mai", ("2016-05-27",)),))
    span_only = SpecCase("g.json", "le 2 mai", None, (SpecExpected(0, 8, "le 2 mai"),))
    negative = SpecCase("g.json", "Rien ici", None, ())
    skipped = SpecCase("g.json", "demain", None, (SpecExpected(0, 6, "demain", ("2016-11-08",)),),
                       skip="no reference date and the value needs one")
    pred_ok = [Span(8, 14, "DATE", "27 mai", " 2016-05-27")]
    assert case_passes(ok, pred_ok)
    assert not case_passes(ok, pred_ok, strict=True)
    assert not case_passes(ok, [Span(8, 14, "DATE", "27 mai", "2016-05-28")])
    assert not case_passes(ok, [])
    assert case_passes(span_only, [Span(3, 8, "DATE", "2 mai", None)])
    assert case_passes(negative, []) and not case_passes(negative, [Span(0, 4, "DATE", "Rien", "X")])
    cases = [ok, span_only, negative, skipped]
    assert len(case_documents(cases)) == 3
    files = score_specs(cases, [pred_ok, [], []])
    f, g = files
    assert (f.file, f.cases, f.passed, f.passed_strict) == ("f.json", 1, 1, 0)
    assert (g.cases, g.passed, g.skipped) == (2, 1, {"no reference date and the value needs one": 1})
    assert g.rate == 0.5
    with pytest.raises(ValueError):
        score_specs(cases, [])


def test_clock_time_matches_on_its_time_part() -> None:
    case = SpecCase("t.json", "à 7h", None, (SpecExpected(2, 4, "7h", ("T07",)),))
    assert case_passes(case, [Span(2, 4, "TIME", "7h", "XXXX-XX-XXT07:00")])
    assert case_passes(case, [Span(2, 4, "TIME", "7h", "2016-11-07T07:00")])
    assert not case_passes(case, [Span(2, 4, "TIME", "7h", "2016-11-07T08:00")])
    assert not case_passes(case, [Span(2, 4, "TIME", "7h", None)])


def test_ranges_as_ends_is_a_named_lenient_variant(tmp_path: Path) -> None:
    spec = [{"Input": "Je suis pris de 10h à 12h",
             "Results": [{"Text": "de 10h à 12h", "TypeName": "datetimeV2.timerange", "Start": 13, "End": 24,
                          "Resolution": {"values": [{"timex": "(T10,T12,PT2H)", "type": "timerange"}]}}]}]
    (tmp_path / "TimePeriodParser.json").write_text(json.dumps(spec), encoding="utf-8")
    (case,) = load_recognizers(tmp_path)
    assert case.expected[0].ends == ("T10", "T12") and case.expected[0].values == ("PT2H",)
    two_points = [Span(16, 19, "TIME", "10h", "XXXX-XX-XXT10:00"), Span(22, 25, "TIME", "12h", "XXXX-XX-XXT12:00")]
    assert not case_passes(case, two_points)  # the specs' own rule wants the duration
    assert case_passes(case, two_points, ranges_as_ends=True)
    assert not case_passes(case, two_points[:1], ranges_as_ends=True)  # both ends, not one
    (score,) = score_specs([case], [two_points])
    assert (score.passed, score.passed_ranges_as_ends) == (0, 1)
    assert score.to_dict()["passed_ranges_as_ends"] == 1
