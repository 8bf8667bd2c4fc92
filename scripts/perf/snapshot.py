"""Full output of the Extractor on fixed inputs, to prove a speed change leaves every output as it was.

    PYTHONPATH=. python scripts/perf/snapshot.py dump /tmp/snap-before      # on the unmodified code
    PYTHONPATH=. python scripts/perf/snapshot.py dump /tmp/snap-after       # after the change
    python scripts/perf/snapshot.py compare /tmp/snap-before /tmp/snap-after

``dump`` writes one file per input set, one line per document: ``Extraction.to_dict()`` as JSON with
sorted keys (the document number stands in the id). The sets:

- ``winer``: the first 150 articles of the WiNER-fr JSONL (file order), published on their ``dct``;
- ``timebank``: every French TimeBank dev document, published on its DCT;
- ``specs``: the counted Duckling and Recognizers-Text cases (:func:`case_documents`), published on
  their reference date;
- ``hostile-<name>``: each hostile generator at 20,000 characters, published on the bench's date.

``compare`` says, set by set, whether the files are byte-identical, and prints the first differing
document of each set that is not. The evaluation data is read from ``../shared/evaldata`` (the
defaults of ``frnews-ner evaluate``); nothing of it is written into the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from frnews_ner.evaluation.cli import DEFAULTS

WINER_ARTICLES = 150
HOSTILE_CHARS = 20_000


def input_sets() -> dict[str, list[tuple[str, str | None]]]:
    from frnews_ner.evaluation.bench import HOSTILE_PUBLISHED
    from frnews_ner.evaluation.hostile import GENERATORS, generate
    from frnews_ner.evaluation.readers import read_span_jsonl, read_timeml
    from frnews_ner.evaluation.specs import case_documents, load_duckling, load_recognizers

    sets: dict[str, list[tuple[str, str | None]]] = {}
    sets["winer"] = [(d.text, d.published) for d in read_span_jsonl(DEFAULTS["winer"], limit=WINER_ARTICLES)]
    sets["timebank"] = [(d.text, d.published) for d in read_timeml(DEFAULTS["timeml"])]
    cases = load_duckling(DEFAULTS["duckling"]) + load_recognizers(DEFAULTS["recognizers"])
    sets["specs"] = [(d.text, d.published) for d in case_documents(cases)]
    for name in GENERATORS:
        sets[f"hostile-{name}"] = [(generate(name, HOSTILE_CHARS), HOSTILE_PUBLISHED)]
    return sets


def dump(out: Path) -> None:
    import frnews_ner
    from frnews_ner import Extractor

    print(f"frnews_ner from {frnews_ner.__file__}", file=sys.stderr)
    out.mkdir(parents=True, exist_ok=True)
    ext = Extractor()
    for name, items in input_sets().items():
        lines = []
        for n, rec in enumerate(ext.extract_many(items, batch_size=32)):
            d = rec.to_dict()
            d["id"] = n
            lines.append(json.dumps(d, ensure_ascii=False, sort_keys=True))
        data = ("\n".join(lines) + "\n").encode("utf-8")
        (out / f"{name}.jsonl").write_bytes(data)
        print(f"{name:26} {len(items):5} docs  sha256 {hashlib.sha256(data).hexdigest()[:16]}", file=sys.stderr)


def compare(a: Path, b: Path) -> int:
    names = sorted({p.name for p in a.glob("*.jsonl")} | {p.name for p in b.glob("*.jsonl")})
    bad = 0
    for name in names:
        pa, pb = a / name, b / name
        if not pa.exists() or not pb.exists():
            print(f"{name:32} MISSING in {'first' if not pa.exists() else 'second'}")
            bad += 1
            continue
        da, db = pa.read_bytes(), pb.read_bytes()
        if da == db:
            print(f"{name:32} identical ({len(da.splitlines())} docs)")
            continue
        bad += 1
        la, lb = da.decode().splitlines(), db.decode().splitlines()
        first = next((i for i, (x, y) in enumerate(zip(la, lb)) if x != y), min(len(la), len(lb)))
        print(f"{name:32} DIFFERENT: {len(la)} vs {len(lb)} docs, first difference at doc {first}")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = p.parse_args(argv)
    if args.cmd == "dump":
        dump(args.out)
        return 0
    return compare(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())
