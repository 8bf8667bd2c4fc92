"""The publication date of an article: the one parser of what callers give as ``published``.

Relative dates are resolved against it, never against today's date.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Union

from .errors import PublishedDateError

#: What ``published`` may be: a date, a datetime, an ISO string, or nothing.
Published = Union[date, datetime, str, None]


def parse_published(published: object) -> date | None:
    """``date``, ``datetime`` or an ISO string (``"2024-12-15"``, ``"2024-12-15T08:30:00Z"``) → ``date``.

    ``None`` and missing markers of data frames (``NaN``, ``pandas.NaT``: values not equal to
    themselves) mean « no publication date ». Anything else raises :class:`PublishedDateError`.

    >>> parse_published("2024-12-15T08:30:00+01:00")
    datetime.date(2024, 12, 15)
    """
    if _is_missing(published):
        return None
    if type(published).__name__ == "datetime64" and hasattr(published, "astype"):  # numpy, without importing it
        return published.astype("datetime64[D]").item()  # type: ignore[no-any-return]
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    if isinstance(published, str):
        value = published.strip()
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
        except ValueError:
            pass
    raise PublishedDateError(f"published must be a date, a datetime or an ISO date string like '2024-12-15'; "
                             f"got {published!r:.80}")


def _is_missing(value: object) -> bool:
    """``None``, or a missing marker of a data frame: float ``NaN``, ``pandas.NaT``, ``numpy.datetime64("NaT")``.

    They are the values not equal to themselves; an object whose comparison fails or gives no
    boolean (an array) is not missing, and is refused by the caller.
    """
    if value is None:
        return True
    try:
        return bool(value != value)
    except Exception:  # noqa: BLE001 - any comparison failure means "not a missing marker"
        return False
