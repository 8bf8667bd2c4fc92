"""Reading the editable rule files: shipped ones under ``frnews_ner/data`` overlaid by the user's.

Every reader reports all problems of a file at once through :class:`~frnews_ner.errors.RuleError`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import RuleError, RuleProblem

DATA_DIR = Path(str(resources.files("frnews_ner") / "data"))


def rule_dirs(user_dirs: Iterable[str | Path] = ()) -> list[Path]:
    """The shipped data directory followed by the user's rule directories, each checked to exist."""
    dirs = [DATA_DIR]
    problems = []
    for raw in user_dirs:
        path = Path(raw)
        if not path.is_dir():
            problems.append(RuleProblem(str(path), 0, "expected a directory of rule files, found "
                                        + ("a file" if path.exists() else "nothing")))
        dirs.append(path)
    if problems:
        raise RuleError(problems)
    return dirs


def files_named(dirs: Sequence[Path], relative: str) -> list[Path]:
    """Every ``<dir>/<relative>`` that exists, shipped first, so later ones override."""
    return [d / relative for d in dirs if (d / relative).is_file()]


def read_word_list(path: Path) -> set[str]:
    """One entry per line; ``#`` starts a comment; blank lines are skipped. Entries are kept as written."""
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            words.add(entry)
    return words


def read_labelled_words(path: Path, labels: Iterable[str]) -> dict[str, frozenset[str]]:
    """``word`` or ``word<TAB>LABEL LABEL…`` per line → {word: labels it applies to}.

    A word without labels applies to every label in ``labels``. ``#`` starts a comment. An unknown
    label is reported with its line; every problem of the file at once.
    """
    allowed = frozenset(labels)
    words: dict[str, frozenset[str]] = {}
    problems: list[RuleProblem] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        entry = line.split("#", 1)[0].rstrip()
        if not entry.strip():
            continue
        word, _, rest = entry.partition("\t")
        given = frozenset(rest.split())
        unknown = sorted(given - allowed)
        if unknown:
            problems.append(RuleProblem(str(path), number, f"expected labels among {sorted(allowed)} after the "
                                        f"tab, found {unknown}"))
            continue
        words[word.strip()] = words.get(word.strip(), frozenset()) | (given or allowed)
    if problems:
        raise RuleError(problems)
    return words


def read_tsv(path: Path, columns: Sequence[str], *, required: Sequence[str] = ()) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a TSV file whose first non-comment line is a header naming at least ``columns``.

    Yields ``(line_number, row)``; raises :class:`RuleError` listing every malformed line.
    """
    problems: list[RuleProblem] = []
    rows: list[tuple[int, dict[str, str]]] = []
    header: list[str] | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            missing = [c for c in columns if c not in header]
            if missing:
                problems.append(RuleProblem(str(path), number, f"expected a header with columns {list(columns)}, "
                                            f"missing {missing}; found {header}"))
                break
            continue
        if len(cells) > len(header):
            problems.append(RuleProblem(str(path), number, f"expected at most {len(header)} tab-separated "
                                        f"cells, found {len(cells)}: {line!r}"))
            continue
        row = {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(header)}
        empty = [c for c in required if not row.get(c)]
        if empty:
            problems.append(RuleProblem(str(path), number, f"expected a value in {empty}, found {line!r}"))
            continue
        rows.append((number, row))
    if header is None and not problems:
        problems.append(RuleProblem(str(path), 1, f"expected a header line with columns {list(columns)}, "
                                    "found an empty file"))
    if problems:
        raise RuleError(problems)
    yield from rows


def read_patterns(path: Path, labels: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """spaCy ``{"label", "pattern", "id"}`` JSONL patterns, checked line by line."""
    allowed = set(labels) if labels is not None else None
    problems: list[RuleProblem] = []
    patterns: list[dict[str, Any]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            problems.append(RuleProblem(str(path), number, f"expected a JSON object, found invalid JSON ({err.msg})"))
            continue
        if not isinstance(obj, dict):
            problems.append(RuleProblem(str(path), number, f"expected a JSON object, found {type(obj).__name__}"))
            continue
        missing = [k for k in ("label", "pattern") if k not in obj]
        if missing:
            problems.append(RuleProblem(str(path), number, f"expected keys 'label' and 'pattern', missing {missing}"))
            continue
        if allowed is not None and obj["label"] not in allowed:
            problems.append(RuleProblem(str(path), number, f"expected a label in {sorted(allowed)}, "
                                        f"found {obj['label']!r}"))
            continue
        if not isinstance(obj["pattern"], (str, list)):
            problems.append(RuleProblem(str(path), number, "expected 'pattern' to be a string or a list of "
                                        f"token patterns, found {type(obj['pattern']).__name__}"))
            continue
        patterns.append(obj)
    if problems:
        raise RuleError(problems)
    return patterns
