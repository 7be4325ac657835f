"""Reading the dates exports write, and the one plausibility window every importer checks them against.

``Window`` is what an importer may believe: not before ``FIRST_YEAR`` (or the service's founding, when the
importer knows it: nobody tweeted before March 2006), not after the context's ``now`` plus a day of slack
(an export is made after what it holds; a day covers clocks and zones). ``now`` comes from
``ImportContext.now``: no importer reads the clock. Without one (a test, a library caller) the window ends
with ``LAST_YEAR``.

The readers return an aware ``datetime`` or a ``date``, or ``None`` when the text is not one (they never
raise): ``iso_instant`` (ISO 8601, ``Z``, a naive time in a given zone), ``unix_instant`` (seconds, or
milliseconds with ``ms=True``), ``numeric_day`` (``05/03/2024``, ``05.03.24``, ``2024-03-05``), ``clock``
(``08:41``, ``8h30``, ``8:41:12 PM``) and ``named_day`` (``5 mars 2024``, ``Mar 5, 2024``, ``5. März 2024``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any, TypeVar

from ...domain.limits import FIRST_YEAR, LAST_YEAR
from .months import month

SLACK = timedelta(days=1)
NOON = time(12, 0)
_FIRST = datetime(FIRST_YEAR, 1, 1, tzinfo=UTC)
_LAST = datetime(LAST_YEAR, 12, 31, 23, 59, 59, tzinfo=UTC)
_Day = TypeVar("_Day", date, datetime)


@dataclass(frozen=True)
class Window:
    """The instants an export may hold: ``earliest`` ≤ at ≤ ``latest`` (both aware)."""

    earliest: datetime = _FIRST
    latest: datetime = _LAST

    @classmethod
    def until(cls, now: datetime | None, founded: datetime | None = None, slack: timedelta = SLACK) -> Window:
        latest = min(now + slack, _LAST) if now is not None else _LAST
        return cls(max(founded, _FIRST) if founded is not None else _FIRST, latest)

    def holds(self, at: date | datetime) -> bool:
        """Whether ``at`` (an aware datetime, or a day) lies in the window."""
        if isinstance(at, datetime):
            if at.tzinfo is None:
                at = at.replace(tzinfo=UTC)
            return self.earliest <= at <= self.latest
        return self.earliest.date() <= at <= self.latest.date()

    def check(self, at: _Day | None) -> _Day | None:
        """``at`` when it lies in the window, else None."""
        return at if at is not None and self.holds(at) else None


def iso_instant(text: Any, zone: tzinfo = UTC) -> datetime | None:
    """``2024-03-05T08:41:12.123Z``, ``2024-03-05 08:41:12+01:00``, ``2024-03-05T08:41`` (naive: in ``zone``);
    a trailing `` UTC`` is read too. A date alone is not an instant here (see ``numeric_day``)."""
    if not isinstance(text, str) or len(text) < 16:
        return None
    text = text.strip()
    if text.endswith(" UTC"):
        text = text[:-4] + "+00:00"
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        return None
    if not FIRST_YEAR - 1 <= at.year <= LAST_YEAR + 1:
        return None  # year 1 or 9999 would overflow once moved to another zone
    return at if at.tzinfo is not None else at.replace(tzinfo=zone)


_LAST_SECOND = _LAST.timestamp()


def unix_instant(value: Any, ms: bool = False) -> datetime | None:
    """Unix seconds (or milliseconds) — an int, a float or digits in a string — as an aware UTC datetime."""
    if isinstance(value, str):
        value = int(value) if value.strip().isdecimal() and len(value) < 20 else None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if ms:
        value = value / 1000
    if not math.isfinite(value) or not 0 <= value <= _LAST_SECOND:
        return None
    return datetime.fromtimestamp(value, UTC)


_NUMERIC = re.compile(r"(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2}))(?!\d)")


def numeric_day(text: str, month_first: bool = False) -> date | None:
    """The day a text starts with: ``2024-03-05``, ``05/03/2024``, ``5.3.24``, ``05-03-2024`` (day first;
    ``month_first`` for ``03/05/2024`` American style). Two-digit years are 20xx."""
    m = _NUMERIC.match(text.strip())
    if m is None:
        return None
    if m[1]:
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    else:
        y = int(m[6]) + (2000 if len(m[6]) == 2 else 0)
        d, mo = int(m[4]), int(m[5])
        if month_first:
            d, mo = mo, d
    return _day(y, mo, d)


def _day(y: int, mo: int, d: int) -> date | None:
    if not FIRST_YEAR <= y <= LAST_YEAR:
        return None
    try:
        return date(y, mo, d)
    except ValueError:
        return None


_CLOCK = re.compile(r"(\d{1,2})[:hH.](\d{2})?(?:[:.](\d{2})(?:[.,]\d+)?)?(?:\s*([aApP])\.?\s*[mM]\.?)?$")


def clock(text: str) -> time | None:
    """``08:41``, ``8:41:12``, ``18h30``, ``18h``, ``8:41 PM``, ``8:41 p.m.`` as a time, or None."""
    m = _CLOCK.match(text.strip())
    if m is None or (m[2] is None and "h" not in text.lower()):
        return None
    hour, minute, second = int(m[1]), int(m[2] or 0), int(m[3] or 0)
    if m[4]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m[4] in "pP" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second)


_NAMED = (
    re.compile(r"(?P<mon>[^\W\d_]+)\.? (?P<d>\d{1,2})(?:st|nd|rd|th)?,? (?P<y>\d{4})"),  # Mar 5, 2024
    re.compile(r"(?P<d>\d{1,2})\.?(?:er)? (?P<mon>[^\W\d_]+)\.?,? (?P<y>\d{4})"),  # 5 mars 2024 · 5. März 2024
)


def named_day(text: str) -> tuple[date, int] | None:
    """A day written with its month's name at the start of ``text`` (any language of ``months``), and
    where it ends in ``text`` (the time may follow)."""
    for rx in _NAMED:
        m = rx.match(text)
        if m is not None:
            number = month(m["mon"])
            day = _day(int(m["y"]), number, int(m["d"])) if number else None
            if day is not None:
                return day, m.end()
    return None


def local(day: date, at: time | None, zone: tzinfo) -> datetime:
    """A day and a wall-clock time in ``zone`` as an aware instant; a day without a time is noon (as
    ``footprint log --at 2026-11-20`` is)."""
    return datetime.combine(day, at or NOON, tzinfo=zone)
