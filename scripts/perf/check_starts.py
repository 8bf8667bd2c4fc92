"""Empirical proof of the grammar's first-item dispatch on the snapshot inputs (scripts/perf/snapshot.py).

    PYTHONPATH=. python scripts/perf/check_starts.py [--sets winer,timebank,specs,hostile]

Each text goes through the Extractor's spaCy pipeline (tagger, morphology, sentences: what the date
component sees). Then, on its items:

1. every rule is read at every item; where it returns a match (ending after the item) the rule must be
   tried there by its declaration (:meth:`~frnews_ner.dates.grammar.Rule.tried_at`);
2. the candidates of the grammar with dispatch must equal those of the same rules declaring nothing
   (tried at every item, as before the dispatch).

Prints the matches per rule and every violation; exits 1 on any.
"""

from __future__ import annotations

import argparse
import collections
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from snapshot import input_sets  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--sets", default="winer,timebank,specs,hostile")
    args = p.parse_args(argv)
    from frnews_ner import Extractor
    from frnews_ner.dates.finder import default_lexicon
    from frnews_ner.dates.grammar import RULES, Grammar
    from frnews_ner.dates.grammar.reader import Reader
    from frnews_ner.dates.items import build_items
    from frnews_ner.sentences import Sentences

    wanted = args.sets.split(",")
    sets = {k: v for k, v in input_sets().items() if k.split("-")[0] in wanted}
    nlp = Extractor().nlp
    names = [n for n in nlp.pipe_names if n.startswith("frnews_")]
    lex = default_lexicon()
    undeclared = tuple(replace(r, kinds=(), mods=(), classes=(), digits=False, roman=False, det=None) for r in RULES)
    matches: collections.Counter[str] = collections.Counter()
    violations: list[str] = []
    differ = 0
    docs_seen = items_seen = 0
    for set_name, texts in sets.items():
        with nlp.select_pipes(disable=names):
            docs = list(nlp.pipe([t for t, _ in texts], batch_size=32))
        for n, doc in enumerate(docs):
            text = doc.text
            sentences = Sentences.of(doc)
            items = build_items(doc, lex, text)
            g = Reader(doc, items, sentences, lex, text)
            for i in range(len(items)):
                for rule in RULES:
                    m = rule.read(g, i)
                    if m is not None and m[0] > i:
                        matches[rule.name] += 1
                        if not rule.tried_at(g, i):
                            violations.append(f"{set_name}#{n} item {i} {items[i].raw!r}: {rule.name} "
                                              f"matched {text[items[i].start:items[m[0] - 1].end]!r}")
            fast = Grammar(Reader(doc, items, sentences, lex, text)).candidates()
            slow = Grammar(Reader(doc, items, sentences, lex, text), undeclared).candidates()
            if fast != slow:
                differ += 1
                violations.append(f"{set_name}#{n}: candidates differ with and without dispatch")
            docs_seen += 1
            items_seen += len(items)
        print(f"{set_name:26} {len(docs):5} docs checked", file=sys.stderr)
    print(f"{docs_seen} docs, {items_seen} items; matches per rule (every rule at every item):")
    for rule in RULES:
        print(f"  {rule.name:16} {matches[rule.name]:7}")
    print(f"docs whose candidates differ with and without dispatch: {differ}")
    print(f"matches outside a rule's declaration: {len(violations) - differ}")
    for v in violations[:50]:
        print("  " + v)
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
