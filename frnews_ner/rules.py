"""The one reader of rule files: the shipped ones under ``frnews_ner/data`` overlaid by the user's.

A rules directory mirrors the shipped layout::

    my_rules/
      kb/        people.tsv places.tsv organisations.tsv offices.tsv titles.tsv roles.tsv
                 demonyms.tsv countries.tsv regions.tsv cities.tsv patterns.jsonl
      dates/     months.tsv weekdays.tsv … words.tsv   (one file per kind of the date lexicon)
      hygiene/   not_entities.txt determiners.txt

:func:`load_rules` reads and checks every file of every directory once and returns a
:class:`RuleSet` — the knowledge base, the date lexicon, the token and phrase patterns and the
hygiene word lists — that is handed to the components. Every problem of every file is collected
and raised together in one :class:`~frnews_ner.errors.RuleError`, each as ``file:line: what was
expected, what was found``: unreadable or non-UTF-8 files, unknown file names, a rule file outside
its folder (a flat layout), malformed lines, unknown ids, roles or country codes, spaCy pattern
errors, bad or explosive regular expressions.

>>> rules = load_rules()
>>> rules.kb.get("iso3166:UA").name
'Ukraine'
"""

from __future__ import annotations

import hashlib
import json
import pickle
import re
import sys
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import disk_cache
from ._version import __version__
from .errors import RuleError, RuleProblem

if TYPE_CHECKING:
    from .dates.lexicon import Lexicon
    from .kb.base import KnowledgeBase

DATA_DIR = Path(str(resources.files("frnews_ner") / "data"))

#: Rule folders and the files each may hold (``dates/`` files are named after the lexicon kinds).
KB_FILES: tuple[str, ...] = ("countries.tsv", "regions.tsv", "cities.tsv", "places.tsv", "organisations.tsv",
                             "people.tsv", "roles.tsv", "offices.tsv", "titles.tsv", "demonyms_world_countries.tsv",
                             "demonyms.tsv", "cues.tsv", "patterns.jsonl")
HYGIENE_FILES: tuple[str, ...] = ("not_entities.txt", "determiners.txt")
#: Files that document a rules directory and are never read as rules.
_DOCUMENTATION = re.compile(r"^(README|SOURCES|LICENSE|NOTICE|CHANGES)[\w.-]*$|\.md$", re.IGNORECASE)
#: The parts a :class:`RuleSet` may be built with.
PARTS: tuple[str, ...] = ("kb", "dates", "hygiene")


class Problems:
    """The problems found while reading rule files, raised all together by :meth:`raise_if_any`."""

    def __init__(self) -> None:
        self.items: list[RuleProblem] = []

    def add(self, path: Path | str, line: int, message: str) -> None:
        self.items.append(RuleProblem(str(path), line, message))

    def raise_if_any(self) -> None:
        """Raise one :class:`RuleError` with every problem: files in the order read, lines in order."""
        if self.items:
            first_seen = {path: n for n, path in reversed(list(enumerate(p.path for p in self.items)))}
            raise RuleError(sorted(self.items, key=lambda p: (first_seen[p.path], p.line)))


# --------------------------------------------------------------------------- reading one file

def read_text(path: Path, problems: Problems) -> str | None:
    """The text of a UTF-8 file (a byte-order mark is dropped), or ``None`` with the problem noted."""
    try:
        data = path.read_bytes()
    except OSError as err:
        problems.add(path, 0, f"expected a readable file, found {type(err).__name__}: {err.strerror or err}")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        problems.add(path, line, f"expected UTF-8 text, found the byte {data[err.start]:#04x} at position "
                                 f"{err.start} (save the file as UTF-8)")
        return None


def read_table(path: Path, problems: Problems, columns: Sequence[str], *, required: Sequence[str] = (),
               header: bool = True, text: str | None = None) -> list[tuple[int, dict[str, str]]]:
    """Rows of a tab-separated file as ``(line number, {column: cell})``.

    With ``header`` the first non-comment line names the columns (at least ``columns``); without,
    ``columns`` are the fixed columns, the last ones optional. ``#`` starts a comment line; blank
    lines are skipped. Malformed lines are noted in ``problems`` and left out.
    """
    if text is None:
        text = read_text(path, problems)
        if text is None:
            return []
    rows: list[tuple[int, dict[str, str]]] = []
    names: list[str] | None = None if header else list(columns)
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if names is None:
            names = [c.strip() for c in cells]
            missing = [c for c in columns if c not in names]
            if missing:
                problems.add(path, number, f"expected a header with columns {list(columns)}, missing {missing}; "
                                           f"found {names}")
                return []
            continue
        if len(cells) > len(names):
            problems.add(path, number, f"expected at most {len(names)} tab-separated cells ({', '.join(names)}), "
                                       f"found {len(cells)}: {line!r:.120}")
            continue
        row = {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(names)}
        empty = [c for c in required if not row.get(c)]
        if empty:
            problems.add(path, number, f"expected a value in {empty}, found {line!r:.120}")
            continue
        rows.append((number, row))
    if names is None:
        problems.add(path, 1, f"expected a header line with columns {list(columns)}, found an empty file")
    return rows


def read_jsonl(path: Path, problems: Problems) -> list[tuple[int, Any]]:
    """``(line number, value)`` of each JSON line; ``//`` starts a comment line."""
    text = read_text(path, problems)
    if text is None:
        return []
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as err:
            problems.add(path, number, f"expected a JSON object, found invalid JSON ({err.msg})")
            continue
        try:
            # an escaped lone surrogate (« \\ud800 ») is valid JSON but no text: spaCy's string
            # store cannot hold it and would fail later naming nothing
            json.dumps(value, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError as err:
            problems.add(path, number, f"expected text, found the lone surrogate \\u{ord(err.object[err.start]):04x} "
                                       "(an escape that stands for no character)")
            continue
        out.append((number, value))
    return out


def read_words(path: Path, problems: Problems, labels: Iterable[str] | None = None) -> dict[str, frozenset[str]]:
    """``word`` or ``word<TAB>LABEL LABEL…`` per line → {word: labels}; no labels = all of ``labels``."""
    allowed = frozenset(labels or ())
    words: dict[str, frozenset[str]] = {}
    for number, row in read_table(path, problems, ("word", "labels"), header=False, required=("word",)):
        if "#" in row["word"] or "#" in row["labels"]:  # « Samedi  # a weekday »: a comment after the word
            row = {k: v.split("#", 1)[0].strip() for k, v in row.items()}
            if not row["word"]:
                continue
        given = frozenset(row["labels"].split())
        if given and labels is None:
            problems.add(path, number, f"expected one word per line, found labels {sorted(given)} after a tab")
            continue
        unknown = sorted(given - allowed)
        if unknown:
            problems.add(path, number, f"expected labels among {sorted(allowed)} after the tab, found {unknown}")
            continue
        words[row["word"]] = words.get(row["word"], frozenset()) | (given or allowed)
    return words


# --------------------------------------------------------------------------- directories

def rule_dirs(user_dirs: Iterable[str | Path] = ()) -> list[Path]:
    """The shipped data directory followed by the user's rule directories, each checked to exist."""
    problems = Problems()
    dirs = [DATA_DIR]
    for raw in user_dirs:
        path = Path(raw)
        if not path.is_dir():
            problems.add(path, 0, "expected a directory of rule files, found " + ("a file" if path.exists() else "nothing"))
        dirs.append(path)
    problems.raise_if_any()
    return dirs


def check_layout(directory: Path, problems: Problems, date_kinds: Iterable[str]) -> None:
    """Every file of a user's rules directory must be a known rule file in its folder (or documentation)."""
    known = {f"kb/{name}" for name in KB_FILES} | {f"hygiene/{name}" for name in HYGIENE_FILES} | {
        f"dates/{kind}.tsv" for kind in date_kinds}
    by_name = {rel.split("/", 1)[1]: rel for rel in known}
    for path in sorted(directory.rglob("*")):
        rel = path.relative_to(directory).as_posix()
        if any(part.startswith(".") or part == "__pycache__" for part in rel.split("/")):
            continue
        if path.is_dir():
            if "/" not in rel and rel not in ("kb", "dates", "hygiene"):
                problems.add(path, 0, f"expected only the folders kb/, dates/ and hygiene/ (and documentation), "
                                      f"found the folder {rel}/")
            continue
        if rel in known or _DOCUMENTATION.search(path.name):
            continue
        if path.name in by_name:
            problems.add(path, 0, f"expected {by_name[path.name]} (rule files live in kb/, dates/ and hygiene/), "
                                  f"found {rel}")
        else:
            folder = rel.split("/", 1)[0] if "/" in rel else ""
            choices = sorted(r for r in known if r.startswith(folder + "/")) if folder else []
            problems.add(path, 0, f"expected a rule file name ({', '.join(choices) if choices else 'kb/…, dates/…, hygiene/…'}), "
                                  f"found {rel}")


def files_named(dirs: Sequence[Path], relative: str) -> list[Path]:
    """Every ``<dir>/<relative>`` that exists, shipped first, so later ones override."""
    return [d / relative for d in dirs if (d / relative).is_file()]


# --------------------------------------------------------------------------- the rule set

@dataclass(frozen=True)
class Pattern:
    """One checked line of ``kb/patterns.jsonl``: a phrase (a string) or a spaCy token pattern (a list)."""

    label: str
    pattern: str | list[dict[str, Any]]
    id: str | None
    #: where it was read, ``path:line``
    source: str


@dataclass(frozen=True)
class RuleSet:
    """Everything the rule files say, read and checked once, handed to the components."""

    dirs: tuple[Path, ...]
    kb: KnowledgeBase
    lexicon: Lexicon
    patterns: tuple[Pattern, ...]
    #: folded word → labels under which it is never an entity (``hygiene/not_entities.txt``)
    not_entities: dict[str, frozenset[str]]
    #: folded determiners trimmed from the edges of entities (``hygiene/determiners.txt``)
    determiners: frozenset[str]


_cache: dict[tuple[tuple[object, ...], tuple[str, ...]], RuleSet] = {}
_lock = threading.Lock()


def _fingerprint(dirs: Sequence[Path]) -> tuple[object, ...]:
    """What identifies the content of rule directories: paths, and for user directories every file's
    name and the digest of its bytes, so that an edited file is read again even when its size and
    modification time did not change (two writes within one tick of a coarse file-system clock).
    The shipped data is identified by the package's files (:func:`~frnews_ner.disk_cache.package_files`)."""
    out: list[object] = [str(dirs[0].resolve())]
    for directory in dirs[1:]:
        files = tuple(sorted((p.relative_to(directory).as_posix(), _file_digest(p))
                             for p in directory.rglob("*") if p.is_file()))
        out.append((str(directory.resolve()), files))
    return tuple(out)


def _file_digest(path: Path) -> str:
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    except OSError as err:  # unreadable: the build reports it with its path; the key only needs to differ
        return f"unreadable: {type(err).__name__}"


def load_rules(user_dirs: Iterable[str | Path] = (), *, parts: Sequence[str] = PARTS) -> RuleSet:
    """The rule set of the shipped files layered with the user's ``user_dirs`` (read once, then cached
    in memory and on disk: :mod:`frnews_ner.disk_cache`).

    ``parts`` limits what is built (``("dates",)`` reads only the date lexicon); every user
    directory is checked whole whatever the parts. Raises :class:`~frnews_ner.errors.RuleError`
    listing every problem of every file.
    """
    dirs = rule_dirs(user_dirs)
    unknown = sorted(set(parts) - set(PARTS))
    if unknown:
        raise ValueError(f"parts must be among {PARTS}, got {unknown}")
    wanted = tuple(p for p in PARTS if p in parts)
    where = _fingerprint(dirs)
    with _lock:
        # a rule set built with more parts serves a request for fewer: each file is read once
        for (cached_dirs, cached_parts), found in _cache.items():
            if cached_dirs == where and set(wanted) <= set(cached_parts):
                return found
        # then the disk cache of an earlier process, keyed by every file the rule set is built from
        key = disk_cache.digest(__version__, sys.version_info[:2], pickle.HIGHEST_PROTOCOL, wanted, where,
                                disk_cache.package_files())
        stored = disk_cache.load_cached("rules", key, RuleSet)
        built = stored if stored is not None else _build(dirs, wanted)
        if stored is None:
            disk_cache.store_cached("rules", key, built)
        _cache[(where, wanted)] = built
        return built


def _build(dirs: list[Path], parts: tuple[str, ...]) -> RuleSet:
    from .dates.lexicon import KINDS, Lexicon
    from .kb.base import KnowledgeBase
    from .kb.loader import read_kb
    from .records import LABELS
    from .text import fold

    problems = Problems()
    for user_dir in dirs[1:]:
        check_layout(user_dir, problems, KINDS)
    kb = read_kb(dirs, problems) if "kb" in parts else KnowledgeBase()
    lexicon = Lexicon.read(dirs, problems) if "dates" in parts else Lexicon()
    patterns = tuple(read_patterns(dirs, problems, kb if "kb" in parts else None)) if "kb" in parts else ()
    not_entities: dict[str, frozenset[str]] = {}
    determiners: set[str] = set()
    if "hygiene" in parts:
        for path in files_named(dirs, "hygiene/not_entities.txt"):
            for word, labels in read_words(path, problems, LABELS).items():
                not_entities[fold(word)] = not_entities.get(fold(word), frozenset()) | labels
        for path in files_named(dirs, "hygiene/determiners.txt"):
            determiners |= {fold(w) for w in read_words(path, problems)}
    problems.raise_if_any()
    if "kb" in parts:
        kb.index()
    return RuleSet(tuple(dirs), kb, lexicon, patterns, not_entities, frozenset(determiners))


# --------------------------------------------------------------------------- patterns

#: How much matching work one token pattern may ask for. spaCy's Matcher follows every way a pattern
#: can match, so the work grows with 2 to the power of its optional tokens and with the length of
#: the text to the power of its unbounded ones (measured on a 1 KB article: three « {"OP": "*"} »
#: took 6 s, sixteen « {"OP": "?"} » 2.4 s, thirty did not end; three « {"IS_TITLE": true, "OP": "+"} »
#: over 200 capitalised words, 24 s). Budget: an optional position costs 1 (« ? », and m - n for
#: « {n,m} »), an unbounded token (« * », « + », « {n,} ») costs 3.
MAX_PATTERN_COST = 8
#: Unbounded tokens per pattern, and among them tokens that match any token (« {} », or only
#: negative constraints: ``NOT_IN``, ``!=``, ``IS_…: false``).
MAX_UNBOUNDED = 2
MAX_UNBOUNDED_WILDCARDS = 1
#: The largest count of « {n} », « {n,m} »: spaCy writes the token out that many times.
MAX_REPEAT = 20
_IN_WORDS = {0: "no", 1: "one", 2: "two", 3: "three"}
_COUNT = re.compile(r"^\{(\d*)(,?)(\d*)\}$")
_STRING_OPERATORS = ("REGEX", "IN", "NOT_IN", "IS_SUBSET", "IS_SUPERSET", "INTERSECTS", "FUZZY", "FUZZY1", "FUZZY2",
                     "FUZZY3", "FUZZY4", "FUZZY5", "FUZZY6", "FUZZY7", "FUZZY8", "FUZZY9", "==", "!=")
_NUMBER_OPERATORS = ("IN", "NOT_IN", "==", "!=", ">=", "<=", ">", "<")
_NEGATIVE_OPERATORS = frozenset({"NOT_IN", "!="})


def _token_attributes() -> tuple[str, ...]:
    """The attribute names spaCy's pattern schema knows (« LOWER », « IS_TITLE », « OP », « _ »…)."""
    from spacy.schemas import TokenPattern

    return tuple(sorted("_" if name == "underscore" else name.upper() for name in TokenPattern.model_fields))


def _expected_value(attribute: str) -> str:
    """What the value of a token attribute may be, in plain words."""
    if attribute == "OP":
        return "'!', '?', '+', '*' or a count like '{2}', '{1,3}', '{2,}', '{,3}'"
    if attribute == "LENGTH":
        return f"a whole number or an object with one of {', '.join(_NUMBER_OPERATORS)} (like {{\">=\": 5}})"
    if attribute.startswith(("IS_", "LIKE_")) or attribute in ("SPACY", "SENT_START"):
        return "true or false"
    if attribute == "ENT_IOB":
        return "one of '', 'I', 'O', 'B', 0, 1, 2, 3"
    if attribute == "_":
        return "an object of registered custom attributes and their values"
    return (f"a string or an object with one of {', '.join(_STRING_OPERATORS[:7])}…, ==, != "
            "(like {\"IN\": [\"a\", \"b\"]})")


def _plain_validation_errors(pattern: list[dict[str, Any]], errors: Sequence[str]) -> list[str]:
    """spaCy's validator errors (« [pattern -> 0 -> LOWER -> TokenPatternString -> IN] Input should be
    a valid list ») in plain words, one per token attribute: « token 1: LOWER must be … found … »."""
    import difflib

    where = re.compile(r"^\[pattern -> (\d+)(?: -> (.*?))?\] (.*)$")
    found: dict[tuple[int, str], list[tuple[list[str], str]]] = {}
    for error in errors:
        m = where.match(str(error))
        if m is None or m.group(2) is None:
            found.setdefault((-1, ""), []).append(([], str(error)))
            continue
        # keep the keys of the user's pattern, drop the names of spaCy's schema classes and types
        path = [part for part in m.group(2).split(" -> ")
                if not re.match(r"^(TokenPattern\w*|str|int|float|bool|list\[\w*\]|str-enum\[.*\]|"
                                r"constrained-str|function-\w+\[.*\])$", part)]
        found.setdefault((int(m.group(1)), path[0] if path else ""), []).append((path, m.group(3)))
    known = _token_attributes()
    out: list[str] = []
    for (index, attribute), reasons in found.items():
        if index < 0:
            out.extend(reason for _, reason in reasons)
            continue
        token = pattern[index] if index < len(pattern) else {}
        head = f"token {index + 1}"
        if any(r == "Extra inputs are not permitted" and len(p) == 1 for p, r in reasons):
            close = difflib.get_close_matches(attribute.upper(), known, n=1)
            out.append(f"{head}: unknown attribute {attribute!r}" + (f" (did you mean {close[0]!r}?)" if close else "")
                       + f"; expected one of {', '.join(known)}")
            continue
        value = json.dumps(token.get(attribute), ensure_ascii=False)
        extra = sorted({p[-1] for p, r in reasons if r == "Extra inputs are not permitted" and len(p) > 1})
        if token.get(attribute) is None:
            why = "must not be null"
        elif extra and attribute != "_":
            why = f"has the unknown operator{'s' if len(extra) > 1 else ''} {', '.join(map(repr, extra))}"
        else:
            why = f"must be {_expected_value(attribute)}"
        out.append(f"{head}: {attribute} {why}, found {value:.80}")
    return out


def nested_quantifier(regex: str) -> str | None:
    """The part of ``regex`` that repeats a group which itself repeats or alternates, or ``None``.

    « (a+)+ », « (\\w+\\s?)* », « ((a+)b)+ », « (a|aa)* » can take exponential time on some strings
    (catastrophic backtracking). The check is static and conservative: a group repeated by « * »,
    « + » or « {n,m} » (m > 1) must hold neither a repeated part nor a « | ». « (de|du)? » is fine.

    >>> nested_quantifier("^(a+)+$")
    '(a+)+'
    >>> nested_quantifier("(iste|ien)$") is None
    True
    """
    stack: list[list[int]] = []  # per open group: [start, whether it repeats or alternates inside]
    i, n = 0, len(regex)
    while i < n:
        char = regex[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":  # a class: nothing in it is an operator
            i += 1
            if regex[i:i + 1] == "^":
                i += 1
            if regex[i:i + 1] == "]":
                i += 1
            while i < n and regex[i] != "]":
                i += 2 if regex[i] == "\\" else 1
            i += 1
            continue
        if char == "(":
            stack.append([i, 0])
            i += 2 if regex[i + 1:i + 2] == "?" else 1  # « (?: », « (?= »: that « ? » is no quantifier
            continue
        if char == "|" and stack:
            stack[-1][1] = 1
        length, repeats = _quantifier(regex, i + 1 if char == ")" else i)
        if char == ")":
            group = stack.pop() if stack else [0, 0]
            if repeats and group[1]:
                return regex[group[0]:i + 1 + length]
            if stack and (repeats or group[1]):
                stack[-1][1] = 1
            i += 1 + length
            continue
        if repeats and stack:
            stack[-1][1] = 1
        i += max(length, 1)
    return None


def _quantifier(regex: str, i: int) -> tuple[int, bool]:
    """The length of the quantifier at ``regex[i]`` (0: none) and whether it repeats (may match twice)."""
    char = regex[i:i + 1]
    if char in ("*", "+", "?"):
        length = 2 if regex[i + 1:i + 2] in ("?", "+") else 1  # lazy « *? », possessive « *+ »
        return length, char != "?"
    m = re.match(r"\{(\d*)(,?)(\d*)\}[?+]?", regex[i:])
    if char == "{" and m and (m.group(1) or m.group(3)):
        low = int(m.group(1) or 0)
        high = int(m.group(3)) if m.group(3) else (low if not m.group(2) else None)
        return len(m.group(0)), high is None or high > 1
    return 0, False


def read_patterns(dirs: Sequence[Path], problems: Problems, kb: KnowledgeBase | None) -> list[Pattern]:
    """Every line of every ``kb/patterns.jsonl``, checked with spaCy's own pattern validator."""
    from spacy.schemas import validate_token_pattern

    from .records import LABELS

    out: list[Pattern] = []
    for path in files_named(dirs, "kb/patterns.jsonl"):
        for number, obj in read_jsonl(path, problems):
            where = f"{path}:{number}"
            if not isinstance(obj, dict):
                problems.add(path, number, f"expected a JSON object, found {type(obj).__name__}")
                continue
            missing = [k for k in ("label", "pattern") if k not in obj]
            unknown = sorted(set(obj) - {"label", "pattern", "id"})
            if missing or unknown:
                problems.add(path, number, f"expected the keys 'label', 'pattern' and optionally 'id', "
                                           f"found {sorted(obj)}")
                continue
            label, pattern, pid = obj["label"], obj["pattern"], obj.get("id")
            if label not in LABELS:
                problems.add(path, number, f"expected a label in {list(LABELS)}, found {label!r}")
                continue
            if pid is not None and (not isinstance(pid, str) or (kb is not None and kb.get(pid) is None)):
                problems.add(path, number, f"expected 'id' to be a knowledge-base id (from kb/*.tsv), "
                                           f"found {pid!r}")
                continue
            if isinstance(pattern, str):
                if not pattern.strip():
                    problems.add(path, number, "expected a non-empty phrase in 'pattern', found an empty string")
                    continue
            elif isinstance(pattern, list):
                message = _token_pattern_problem(pattern, validate_token_pattern)
                if message:
                    problems.add(path, number, message)
                    continue
            else:
                problems.add(path, number, "expected 'pattern' to be a phrase (string) or a list of token "
                                           f"patterns, found {type(pattern).__name__}")
                continue
            out.append(Pattern(label, pattern, pid, where))
    return out


def _token_pattern_problem(pattern: list[Any], validate: Any) -> str | None:
    """Why a token pattern cannot be used (every reason, in plain words), or ``None``."""
    if not pattern or not all(isinstance(t, dict) for t in pattern):
        return "expected a non-empty list of token objects in 'pattern', found " + (
            "an empty list" if not pattern else f"{[type(t).__name__ for t in pattern]}")
    errors = validate(pattern)
    if errors:
        return "expected a valid spaCy token pattern: " + "; ".join(_plain_validation_errors(pattern, errors))
    from spacy.tokens import Token

    reasons: list[str] = []
    for n, token in enumerate(pattern, start=1):
        for name in token.get("_", {}):
            if not Token.has_extension(name):
                reasons.append(f"token {n}: expected a registered custom attribute after '_', found {name!r} "
                               "(no component of the pipeline sets it)")
    cost, unbounded, wildcards = 0, 0, 0
    for n, token in enumerate(pattern, start=1):
        op = token.get("OP", "")
        low, high = _op_range(op)
        if max(low, high or 0) > MAX_REPEAT:
            reasons.append(f"token {n}: expected a count of at most {MAX_REPEAT} in 'OP', found {op!r}")
            continue
        if high is None:
            unbounded += 1
            wildcards += _matches_anything(token)
        else:
            cost += high - low
    cost += 3 * unbounded
    if wildcards > MAX_UNBOUNDED_WILDCARDS:
        reasons.append(f"expected at most {_IN_WORDS[MAX_UNBOUNDED_WILDCARDS]} unbounded wildcard token ({{\"OP\": \"*\"}} or "
                       f"{{\"OP\": \"+\"}} on a token that matches anything), found {wildcards}: their matches grow "
                       "with the square of the text or worse")
    elif unbounded > MAX_UNBOUNDED:
        reasons.append(f"expected at most {_IN_WORDS[MAX_UNBOUNDED]} unbounded tokens ('*', '+', '{{n,}}'), found {unbounded}: "
                       "the work grows with the length of the text to that power")
    elif cost > MAX_PATTERN_COST:
        reasons.append(f"expected at most {MAX_PATTERN_COST} optional positions (each '?' is 1, '{{n,m}}' is m - n, "
                       f"an unbounded token 3), found {cost}: the work doubles with each one")
    for regex in _regexes(pattern):
        try:
            re.compile(regex)
        except (re.error, OverflowError, RecursionError) as err:
            reasons.append(f"expected a valid regular expression, found {regex!r} ({err})")
            continue
        nested = nested_quantifier(regex)
        if nested:
            reasons.append(f"expected a regular expression without nested quantifiers, found {regex!r}: "
                           f"{nested!r} repeats a group that repeats or alternates inside, which can take "
                           "exponential time on some tokens")
    return "; ".join(reasons) or None


def _op_range(op: str) -> tuple[int, int | None]:
    """How many times a token with this « OP » may match: (least, most), most ``None`` when unbounded."""
    if op in ("", "!"):
        return (1, 1) if op == "" else (0, 0)
    if op in ("*", "+", "?"):
        return (0 if op != "+" else 1), (1 if op == "?" else None)
    m = _COUNT.match(op)
    if m is None:
        return 1, 1
    low = int(m.group(1) or 0)
    if not m.group(2):
        return low, low
    return low, int(m.group(3)) if m.group(3) else None


def _matches_anything(token: dict[str, Any]) -> bool:
    """Whether a token pattern matches nearly any token: no constraint but « OP », or only negative ones."""
    for attribute, value in token.items():
        if attribute == "OP":
            continue
        if value is False or (isinstance(value, dict) and value and set(value) <= _NEGATIVE_OPERATORS):
            continue
        return False
    return True


def _regexes(value: Any) -> Iterable[str]:
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "REGEX" and isinstance(inner, str):
                yield inner
            else:
                yield from _regexes(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _regexes(inner)
