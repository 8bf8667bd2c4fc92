"""Ablation of every rule and list against the news NER, on the WiNER-fr dev split, scored strictly.

    python models/ner/ablation.py [--winer PATH] [--json out.json]

One Extractor (``ner="news"``) is loaded; each row switches one rule or list off (by patching the
component instance, nothing is changed on disk), extracts the 245 dev articles again and scores
strict span + type F1 (PER/LOC/ORG micro and per type). ``Δ`` is the full pipeline minus the
ablated one: a positive Δ means the rule helps.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from frnews_ner import Extractor  # noqa: E402
from frnews_ner.evaluation.readers import read_span_jsonl, split_by_date  # noqa: E402
from frnews_ner.evaluation.scoring import score_ner  # noqa: E402
from frnews_ner.evaluation.systems import ner_spans  # noqa: E402
from frnews_ner.pipeline import linker as linker_module  # noqa: E402

DEFAULT_WINER = REPO.parent / "shared" / "evaldata" / "winer-fr" / "winer_fr_2016_2017.jsonl"


@contextlib.contextmanager
def patched(obj: Any, name: str, value: Any) -> Iterator[None]:
    old = getattr(obj, name)
    setattr(obj, name, value)
    try:
        yield
    finally:
        setattr(obj, name, old)


def _rule_spans_without(ruler: Any, keep: Callable[[str], bool]) -> Callable[[Any], list]:
    """The ruler's ``_rule_spans`` keeping only the matches whose key ``frnews:LABEL:ID:SOURCE`` passes."""
    original = type(ruler)._rule_spans

    def filtered(doc: Any) -> tuple[list, frozenset]:
        spans, named = original(ruler, doc)
        keys = {}
        for match_id, start, end in list(ruler.matcher(doc)) + list(ruler.phrases(doc)):
            keys[(start, end)] = doc.vocab.strings[match_id]
        return [s for s in spans if keep(keys.get((s.start, s.end), ""))], named
    return filtered


def ablations(ex: Extractor) -> dict[str, Callable[[], contextlib.AbstractContextManager[None]]]:
    nlp = ex.nlp
    hygiene, ruler, linker = (nlp.get_pipe(n) for n in ("frnews_span_hygiene", "frnews_entity_ruler", "frnews_linker"))
    import re

    never = re.compile(r"(?!x)x")
    return {
        "span hygiene (whole component)": lambda: nlp.select_pipes(disable=["frnews_span_hygiene"]),
        "document consistency (whole component)": lambda: nlp.select_pipes(disable=["frnews_doc_consistency"]),
        "hygiene: cut at line breaks": lambda: patched(hygiene, "break_mark", never),
        "hygiene: not_entities.txt": lambda: patched(hygiene, "not_entities", {}),
        "hygiene: trim determiners and punctuation": lambda: patched(hygiene, "_trim", lambda span: span),
        "ruler: patterns.jsonl": lambda: patched(ruler, "_rule_spans", _rule_spans_without(
            ruler, lambda key: key.endswith(":kb"))),
        "ruler: organisations.tsv names": lambda: patched(ruler, "_rule_spans", _rule_spans_without(
            ruler, lambda key: not (key.endswith(":kb") and key.startswith("frnews:ORG:")))),
        "ruler: people.tsv names": lambda: patched(ruler, "_rule_spans", _rule_spans_without(
            ruler, lambda key: not (key.endswith(":kb") and key.startswith("frnews:PER:")))),
        "ruler: country names": lambda: patched(ruler, "_rule_spans", _rule_spans_without(
            ruler, lambda key: not (key.endswith(":kb") and key.startswith("frnews:LOC:")))),
        "ruler: all KB names and patterns": lambda: patched(ruler, "_rule_spans", lambda doc: ([], frozenset())),
        "ruler: model-span fixes (single letters, « La France »)": lambda: patched(
            ruler, "_clean_model_ents", lambda doc: list(doc.ents)),
        "ruler: nationality words leave doc.ents": lambda: patched(
            ruler, "_demonyms", lambda doc, ents, titles: ([], ents)),
        "ruler: words of a title are no entity": lambda: patched(ruler, "_titles", lambda doc: []),
        "linker: label from the KB type (LOC <-> ORG)": lambda: patched(linker_module, "_COMPATIBLE", {
            "PER": {"PER"}, "LOC": {"LOC"}, "ORG": {"ORG"}, "MISC": set()}),
        "linker: surname / speaker relabelling": lambda: patched(linker, "_labels", lambda ents: [e.label_ for e in ents]),
    }


def score(ex: Extractor, docs: list) -> dict[str, float]:
    preds = [ner_spans(x) for x in ex.extract_many([(d.text, d.published) for d in docs], batch_size=16)]
    res = score_ner(docs, preds, mode="strict")
    out = {"micro": round(100 * res.micro.f1, 2)}
    out.update({t: round(100 * p.f1, 2) for t, p in res.per_type.items()})
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--winer", default=str(DEFAULT_WINER))
    parser.add_argument("--only", nargs="*", help="run only these ablations (names as printed)")
    parser.add_argument("--json", help="write the table as JSON")
    args = parser.parse_args()
    docs = split_by_date(read_span_jsonl(args.winer), "dev")
    ex = Extractor(ner="news")
    full = score(ex, docs)
    rows = [("full pipeline (ner=news)", full)]
    print(f"{'switched off':58} {'micro':>6} {'PER':>6} {'LOC':>6} {'ORG':>6}  Δmicro  ΔORG", flush=True)
    print(f"{rows[0][0]:58} {full['micro']:6.2f} {full['PER']:6.2f} {full['LOC']:6.2f} {full['ORG']:6.2f}", flush=True)
    for name, make in ablations(ex).items():
        if args.only and name not in args.only:
            continue
        with make():
            got = score(ex, docs)
        rows.append((name, got))
        print(f"{name:58} {got['micro']:6.2f} {got['PER']:6.2f} {got['LOC']:6.2f} {got['ORG']:6.2f}  "
              f"{full['micro'] - got['micro']:+6.2f} {full['ORG'] - got['ORG']:+6.2f}", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(dict(rows), indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
