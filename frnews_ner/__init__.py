"""frnews_ner: canonical people, places, organisations, nationalities and dates from French news.

>>> import frnews_ner
>>> ex = frnews_ner.extract("Emmanuel Macron est à Lyon samedi.", published="2024-12-15")  # doctest: +SKIP
>>> print(ex.to_json(indent=2))  # doctest: +SKIP

Importing the package loads no model and registers nothing; the spaCy pipeline is built on the
first call to :func:`extract` or when an :class:`Extractor` is created.
"""

from ._version import __version__
from .errors import (FrnewsError, GoldDataNotFoundError, InputError, ModelNotFoundError, NewsNerMismatchError,
                     PublishedDateError, RecordError, RuleError, RuleProblem)
from .extractor import Extractor, extract
from .records import SCHEMA, Entity, ErrorRecord, Extraction, KBInfo, Mention, TimeExpression, read_result
from .tables import to_frames

__all__ = [
    "Entity",
    "ErrorRecord",
    "Extraction",
    "Extractor",
    "FrnewsError",
    "GoldDataNotFoundError",
    "InputError",
    "KBInfo",
    "Mention",
    "ModelNotFoundError",
    "NewsNerMismatchError",
    "PublishedDateError",
    "RecordError",
    "RuleError",
    "RuleProblem",
    "SCHEMA",
    "TimeExpression",
    "__version__",
    "extract",
    "read_result",
    "to_frames",
]
