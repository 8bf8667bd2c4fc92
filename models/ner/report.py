"""Print the per-epoch dev scores of one or more ``models/ner/train.py`` runs as Markdown tables.

    python models/ner/report.py OUT1/log.jsonl [OUT2/log.jsonl …]

One table per run (epoch 0 = the base model's NER measured in the same run), then one summary
row per run (its kept epoch). Numbers are F1 × 100 on the WiNER-fr dev split.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def read_log(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, Any]]:
    settings: dict[str, Any] = {}
    rows: list[dict[str, Any]] = []
    summary: dict[str, Any] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if "settings" in rec:
            settings = rec["settings"]
        elif "epoch" in rec:
            rows.append(rec)
        elif "best_epoch" in rec:
            summary = rec
    return settings, rows, summary


def name(settings: dict[str, Any]) -> str:
    return (f"init={settings.get('init')} rehearsal={settings.get('rehearsal')} "
            f"event_product={settings.get('event_product')} train_on={settings.get('train_on')}")


def cells(r: dict[str, Any]) -> list[str]:
    s, le = r["strict"], r["lenient"]
    return [f"{s['micro']:.1f}", f"{s['PER']:.1f}", f"{s['LOC']:.1f}", f"{s['ORG']:.1f}",
            f"{le['micro']:.1f}", f"{le['ORG']:.1f}", f"{r['spacy_ents_f']:.1f}"]


HEAD = "| strict micro | PER | LOC | ORG | lenient micro | lenient ORG | spaCy ents_f |"


def main(paths: list[str]) -> int:
    summaries = []
    for p in paths:
        settings, rows, summary = read_log(Path(p))
        print(f"**{name(settings)}** (lr {settings.get('learn_rate')}, dropout {settings.get('dropout')}, "
              f"{settings.get('batch_docs')} articles a batch, seed {settings.get('seed')})\n")
        print("| epoch " + HEAD + " seconds |")
        print("|---" * 9 + "|")
        for r in rows:
            label = "0 (base md)" if r["epoch"] == 0 else str(r["epoch"]) + (" ✓" if r.get("kept") else "")
            print(f"| {label} | " + " | ".join(cells(r)) + f" | {r.get('seconds', '')} |")
        print()
        kept = [r for r in rows if r["epoch"] == summary.get("best_epoch")]
        if kept:
            summaries.append((name(settings), kept[0], summary))
    if summaries:
        print("| run | epoch " + HEAD + " total seconds |")
        print("|---" * 10 + "|")
        for n, r, s in summaries:
            print(f"| {n} | {r['epoch']} | " + " | ".join(cells(r)) + f" | {s.get('total_seconds')} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
