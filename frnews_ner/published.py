"""The publication date of an article: the one parser of what callers give as ``published``.

Relative dates are resolved against it, never against today's date.
"""

from __future__ import annotations

from datetime import date, datetime, time
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


def parse_published_time(published: object) -> time | None:
    """The time of day ``published`` carries, or ``None`` when it is a date alone.

    A ``datetime`` or an ISO string with a time part (``"2024-12-15T08:30"``) gives its wall-clock
    time as written (the offset is dropped: « dans deux heures » counts on the newsroom's clock);
    relative hours (« il y a deux heures », « dans 30 minutes ») are resolved against it. A naive
    midnight (``00:00:00`` without an offset) is read as a date alone: date columns arrive that way.
    Call after :func:`parse_published`, which refuses what is not a publication date.

    >>> parse_published_time("2024-12-15T08:30:00+01:00")
    datetime.time(8, 30)
    >>> parse_published_time("2024-12-15") is None
    True
    """
    if _is_missing(published) or type(published).__name__ == "datetime64":
        return None  # numpy values are read as days
    moment: datetime | None = None
    if isinstance(published, datetime):
        moment = published
    elif isinstance(published, str) and ("T" in published.strip() or " " in published.strip()):
        try:
            moment = datetime.fromisoformat(published.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    if moment is None:
        return None
    clock = moment.time()
    if clock == time(0) and moment.tzinfo is None:
        # a naive midnight is how date columns arrive (pandas, CMS exports): a day, not a time of day
        return None
    return clock


def published_text(day: date | None, clock: time | None) -> str | None:
    """A parsed publication day and time of day as one ISO string (what docs carry between processes).

    >>> published_text(date(2024, 12, 15), time(8, 30))
    '2024-12-15T08:30:00'
    """
    if day is None:
        return None
    return datetime.combine(day, clock).isoformat() if clock is not None else day.isoformat()


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
