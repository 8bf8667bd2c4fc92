"""Fit the confidence calibration on the WiNER-fr dev split and write ``frnews_ner/data/confidence/``.

    python models/confidence/fit.py [--winer PATH]

The pipeline (news NER, the shipped rules) runs on the dev split (articles of 2017-03-01 and
later) with the calibration switched off; every entity with mentions a NER gold can judge gives its
features (:func:`frnews_ner.confidence.features`) and its target, the share of those mentions that
are exactly a gold span of its label (strict; MISC: an Event or Product span). A logistic regression
is fitted (Newton's method, L2 = 10: chosen over L2 = 1 and over an isotonic step after it by the
out-of-fold calibration error). ``frnews-ner evaluate calibration`` measures the result (out of fold
and in-sample).
Deterministic: no randomness. CI never runs this.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from frnews_ner import Extractor  # noqa: E402
from frnews_ner.confidence import CALIBRATION_FILE  # noqa: E402
from frnews_ner.evaluation.calibration import evaluate_calibration, fit, judged_entities  # noqa: E402
from frnews_ner.evaluation.readers import read_span_jsonl, split_by_date  # noqa: E402

DEFAULT_WINER = REPO.parent / "shared" / "evaldata" / "winer-fr" / "winer_fr_2016_2017.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--winer", default=str(DEFAULT_WINER))
    parser.add_argument("--out", default=str(CALIBRATION_FILE))
    args = parser.parse_args()
    docs = split_by_date(read_span_jsonl(args.winer), "dev")
    rows = judged_entities(docs, Extractor(ner="news"))
    calibration = fit(rows, source=f"fitted by models/confidence/fit.py on the WiNER-fr dev split ({len(rows)} "
                                   f"entities of {len({r.doc for r in rows})} articles from 2017-03-01); "
                                   f"WiNER-fr annotations CC BY 4.0 (Yoann Dupont)")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(calibration.to_dict(), indent=1) + "\n", encoding="utf-8")
    report = evaluate_calibration(rows)
    for name, reading in report["readings"].items():
        print(f"{name}: ECE {reading['ece']:.3f}, monotone {reading['monotone']}")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
