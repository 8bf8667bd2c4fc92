"""How loading a large knowledge base scales: write N generated people to a temporary rules
directory and build the rule components on it (issue 14, item 6).

Run under ``/usr/bin/time -v`` to read the peak memory (« Maximum resident set size »)::

    PYTHONPATH=$PWD /usr/bin/time -v python scripts/robustness/kb_load.py 100000
    PYTHONPATH=$PWD /usr/bin/time -v python scripts/robustness/kb_load.py 100000 --extractor

Without ``--extractor`` the rule set, ``frnews_entity_ruler`` and ``frnews_linker`` are built on
``spacy.blank("fr")``; with it, a whole :class:`frnews_ner.Extractor` (the French model included).
Each generated person has a distinct two-word name and one alias; one row in ten names a country.
The times printed are wall-clock seconds of each step; the script checks one generated name is found.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

_SYLLABLES = ("ba", "ri", "lo", "mé", "tan", "zo", "ké", "vi", "dou", "nar", "sel", "ga", "pé", "lin", "mor", "tu")


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(syllables)).capitalize()


def write_people(directory: Path, rows: int, seed: int = 14) -> tuple[str, str]:
    """``rows`` generated people in ``directory/kb/people.tsv``; returns one (id, name) written."""
    rng = random.Random(seed)
    (directory / "kb").mkdir(parents=True, exist_ok=True)
    lines = ["id\tname\tcountry\taliases"]
    seen: set[str] = set()
    sample = ("", "")
    while len(lines) <= rows:
        name = f"{_word(rng, 2)} {_word(rng, 3)}"
        if name in seen:
            continue
        seen.add(name)
        pid = f"gen:person/{len(lines)}"
        lines.append(f"{pid}\t{name}\t{'FR' if len(lines) % 10 == 0 else ''}\t{name.split()[0][0]}. {name.split()[1]}")
        if len(lines) - 1 == max(1, rows // 2):
            sample = (pid, name)
    (directory / "kb" / "people.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return sample


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rows", type=int, help="people to generate")
    parser.add_argument("--extractor", action="store_true", help="build a whole Extractor (the model too)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        rules_dir = Path(tmp)
        t0 = time.perf_counter()
        pid, name = write_people(rules_dir, args.rows)
        t1 = time.perf_counter()
        print(f"wrote {args.rows} rows in {t1 - t0:.2f} s")
        text = f"Hier, {name} a rencontré les élus de la commune."
        if args.extractor:
            import frnews_ner

            extractor = frnews_ner.Extractor(rules=[rules_dir])
            t2 = time.perf_counter()
            print(f"Extractor built in {t2 - t1:.2f} s")
            ids = [e.id for e in extractor.extract(text, published="2024-12-15").entities]
        else:
            import spacy

            from frnews_ner.pipeline.entity_ruler import make_entity_ruler
            from frnews_ner.pipeline.extensions import ensure_extensions
            from frnews_ner.pipeline.linker import make_entity_linker
            from frnews_ner.rules import load_rules

            nlp = spacy.blank("fr")
            ensure_extensions()
            t2 = time.perf_counter()
            print(f"imports and spacy.blank('fr') in {t2 - t1:.2f} s")
            load_rules()
            t3 = time.perf_counter()
            print(f"shipped rules read in {t3 - t2:.2f} s")
            load_rules([rules_dir])
            t4 = time.perf_counter()
            print(f"shipped + generated rules read in {t4 - t3:.2f} s")
            ruler = make_entity_ruler(nlp, "frnews_entity_ruler", [str(rules_dir)])
            t5 = time.perf_counter()
            print(f"entity ruler built in {t5 - t4:.2f} s")
            linker = make_entity_linker(nlp, "frnews_linker", [str(rules_dir)])
            t6 = time.perf_counter()
            print(f"linker built in {t6 - t5:.2f} s")
            ids = [e.id for e in linker(ruler(nlp.make_doc(text)))._.frnews_entities]
        print(f"total {time.perf_counter() - t0:.2f} s; {name!r} → {ids}")
        if pid not in ids:
            print(f"expected {pid} among the entities", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
