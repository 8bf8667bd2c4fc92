"""A disk cache of what every start would otherwise rebuild from the same files.

Two things are cached, each under a key that names everything it is built from:

- the built :class:`~frnews_ner.rules.RuleSet` (``rules-<key>.pickle``): reading and checking the
  rule files and indexing the knowledge base takes about 0.7 s, unpickling it about 0.07 s. Its key
  digests the frnews_ner version, the Python version, the parts asked for, the path, size and
  modification time of every file of the installed package (code and shipped data), and the name
  and content digest of every file of the user rules directories: editing a rule file or the code
  makes a new key;
- the tokens of the knowledge base's names for the entity ruler (``tokens-<key>.pickle``: word →
  token texts' hashes), about 0.25 s of tokenising. Its key digests the spaCy version and the
  tokenizer's own settings (rules, prefixes, suffixes, infixes); words it does not hold yet are
  tokenised and added.

Where
    ``$FRNEWS_CACHE_DIR``, else ``$XDG_CACHE_HOME/frnews_ner``, else ``~/.cache/frnews_ner``.
    ``FRNEWS_CACHE_DIR=off`` turns the cache off. The newest :data:`KEEP_ENTRIES` entries of each
    kind stay; older ones are pruned when a new one is written.

What can go wrong
    The cache is an optimisation and never changes a result: an unreadable, truncated or foreign
    entry is ignored and rebuilt, an unwritable directory leaves things built in memory. Either is
    logged at ``DEBUG`` level on the ``frnews_ner`` logger, with the path and the error. Entries are
    pickles: only a directory that you alone can write should hold them (the default one is in
    your home directory).
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["KEEP_ENTRIES", "cache_dir", "digest", "load_cached", "package_files", "store_cached"]

log = logging.getLogger("frnews_ner")

#: Entries kept per kind (one per combination of user rule directories and parts, or per tokenizer).
KEEP_ENTRIES = 8
_OFF = frozenset({"off", "none", "0", "false", "no"})
_SUFFIX = ".pickle"
T = TypeVar("T")


def cache_dir() -> Path | None:
    """The cache directory of the module docstring, or None when ``FRNEWS_CACHE_DIR=off``."""
    chosen = os.environ.get("FRNEWS_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in _OFF or not chosen.strip() else Path(chosen).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "frnews_ner"


@lru_cache(maxsize=1)
def package_files() -> tuple[tuple[str, int, int], ...]:
    """Path, size and mtime of every file of the installed package (code and shipped data)."""
    root = Path(__file__).resolve().parent
    return tuple(sorted((p.relative_to(root).as_posix(), st.st_size, st.st_mtime_ns)
                        for p in root.rglob("*")
                        if p.is_file() and "__pycache__" not in p.parts and (st := p.stat())))


def digest(*material: object) -> str:
    """A key naming an entry: the digest of ``material``'s ``repr`` (plain data: strings, numbers, tuples)."""
    return hashlib.sha256(repr(material).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _entry(directory: Path, kind: str, key: str) -> Path:
    return directory / f"{kind}-{key}{_SUFFIX}"


def load_cached(kind: str, key: str, expected: type[T]) -> T | None:
    """The ``expected`` object stored as ``kind`` under ``key``, or None (no cache, no entry, or an
    entry that does not load or holds something else)."""
    directory = cache_dir()
    if directory is None:
        return None
    path = _entry(directory, kind, key)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    enabled = gc.isenabled()
    gc.disable()  # unpickling builds many small objects: collecting them meanwhile doubles the time
    try:
        found: Any = pickle.loads(data)
    except Exception as err:  # noqa: BLE001 - a truncated or foreign entry is rebuilt, whatever failed
        log.debug("frnews_ner cache: ignoring %s (%s: %s)", path, type(err).__name__, err)
        return None
    finally:
        if enabled:
            gc.enable()
    if not isinstance(found, expected):
        log.debug("frnews_ner cache: ignoring %s (holds a %s, not a %s)", path, type(found).__name__,
                  expected.__name__)
        return None
    return found


def store_cached(kind: str, key: str, value: object) -> None:
    """Write ``value`` as ``kind`` under ``key`` (atomically: a reader never sees half a file), then
    prune the entries of that kind beyond :data:`KEEP_ENTRIES`."""
    directory = cache_dir()
    if directory is None:
        return
    tmp = None
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=directory, prefix=".tmp-", suffix=_SUFFIX, delete=False) as f:
            tmp = Path(f.name)
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, _entry(directory, kind, key))
        tmp = None
        entries = sorted(directory.glob(f"{kind}-*{_SUFFIX}"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[KEEP_ENTRIES:]:
            old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError) as err:
        log.debug("frnews_ner cache: not stored in %s (%s: %s)", directory, type(err).__name__, err)
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
