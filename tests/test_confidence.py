"""Calibrated confidence (frnews_ner.confidence): the shipped calibration, its fitting and measuring tools."""

from __future__ import annotations

import json

import pytest

from frnews_ner.confidence import (CALIBRATION_FILE, FEATURE_NAMES, Calibration, features, fit_logistic, reliability,
                                   shipped_calibration)
from frnews_ner.records import Entity, KBInfo, Mention


def _entity(label="PER", kb=None, mentions=(("Jeanne Doucet", "name"),), confidence=0.5):
    ms, cursor = [], 0
    for text, form in mentions:
        ms.append(Mention(cursor, cursor + len(text), text, form))
        cursor += len(text) + 10
    return Entity("local:PER/x", label, mentions[0][0], kb, confidence, tuple(ms))


def test_the_shipped_calibration_reads_and_names_its_source():
    calibration = shipped_calibration()
    assert calibration is not None and len(calibration.coefficients) == len(FEATURE_NAMES)
    data = json.loads(CALIBRATION_FILE.read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURE_NAMES) and "WiNER-fr dev split" in data["source"]


def test_a_linked_entity_named_often_is_more_likely_right_than_a_lone_lower_case_span():
    calibration = shipped_calibration()
    strong = _entity(kb=KBInfo("person", "FR"), mentions=(("Jeanne Doucet", "name"),) * 4, confidence=0.95)
    weak = _entity(label="ORG", mentions=(("conseil", "name"),))
    assert 0.0 < calibration(features(weak)) < calibration(features(strong)) < 1.0


def test_a_calibration_file_with_other_features_is_refused():
    with pytest.raises(ValueError, match="expected the features"):
        Calibration.from_dict({"features": ["bias"], "coefficients": [0.0]})


def test_logistic_fitting_recovers_a_share():
    rows = [[1.0, 0.0]] * 50 + [[1.0, 1.0]] * 50
    targets = [0.2] * 50 + [0.9] * 50
    w = fit_logistic(rows, targets, l2=0.0)
    calibration = Calibration(w)
    assert calibration([1.0, 0.0]) == pytest.approx(0.2, abs=0.01)
    assert calibration([1.0, 1.0]) == pytest.approx(0.9, abs=0.01)


def test_reliability_pools_small_bins_and_measures_the_error():
    confidences = [0.05] * 10 + [0.55] * 60 + [0.95] * 100
    targets = [0.0] * 10 + [0.5] * 60 + [1.0] * 100
    bins, ece = reliability(confidences, targets)
    assert [(b.count, round(b.share_right, 3)) for b in bins] == [(70, 0.429), (100, 1.0)]
    assert ece == pytest.approx((70 * abs((0.5 + 33) / 70 - 30 / 70) + 100 * 0.05) / 170, abs=1e-6)


def test_the_linker_calibrates_named_entities_and_keeps_titles(extractor):
    text = "Le président ukrainien a reçu Jeanne Doucet à Kiev. Jeanne Doucet a salué Kiev."
    linker = extractor.nlp.get_pipe("frnews_linker")
    calibration, linker.calibration = linker.calibration, None
    try:
        raw = {e.name: e for e in extractor.extract(text, published="2024-12-15").entities}
    finally:
        linker.calibration = calibration
    calibrated = {e.name: e for e in extractor.extract(text, published="2024-12-15").entities}
    assert calibrated["Volodymyr Zelensky"].confidence == raw["Volodymyr Zelensky"].confidence == 0.8  # title only
    for name in ("Jeanne Doucet", "Kiev"):
        assert calibrated[name].confidence == calibration(features(raw[name]))
    assert raw["Jeanne Doucet"].confidence == 0.6  # the linker's own score: 0.5 + 0.1 per further mention
