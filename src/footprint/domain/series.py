"""Time series for charts: daily values aggregated into as many buckets as a chart can show.

A long range is never drawn as a solid blob: days are grouped into buckets of ``ceil(days / max_points)``
consecutive days, and each bucket shows the daily *average* of its days (so the scale stays "per day"
whatever the zoom). A bucket with no value at all (a score never recorded) stays empty.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import NamedTuple


class Bucket(NamedTuple):
    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def buckets(first: date, last: date, max_points: int) -> list[Bucket]:
    """Consecutive buckets covering ``first``..``last``, at most ``max_points`` of them."""
    total = (last - first).days + 1
    if total <= 0:
        return []
    size = max(1, math.ceil(total / max(1, max_points)))
    out = []
    start = first
    while start <= last:
        end = min(start + timedelta(days=size - 1), last)
        out.append(Bucket(start, end))
        start = end + timedelta(days=1)
    return out


def average(values: Mapping[date, float], bucket: Bucket, missing_is_zero: bool) -> float | None:
    """The mean over the bucket's days. Captures: a missing day counts 0. Scores: missing days are skipped
    and an empty bucket gives None."""
    day, seen, total = bucket.first, 0, 0.0
    while day <= bucket.last:
        if day in values:
            total += values[day]
            seen += 1
        day += timedelta(days=1)
    if missing_is_zero:
        return total / bucket.days
    return total / seen if seen else None


def aggregate(values: Mapping[date, float], bs: Sequence[Bucket], missing_is_zero: bool = True) -> list[float | None]:
    return [average(values, b, missing_is_zero) for b in bs]


def marks(spans: Sequence[tuple[date, date]], bs: Sequence[Bucket]) -> list[list[int]]:
    """For each span (a break, a run), the indexes of the buckets it overlaps."""
    return [[i for i, b in enumerate(bs) if b.first <= last and first <= b.last] for first, last in spans]


# --- calendar buckets and the state of each day ------------------------------------------------------------
#
# A chart that ends on a day still under way, or crosses days nobody logged, must not draw them as lows:
# each day has a state, buckets average over their *counted* days only, and the chart says what it left out.

CLOSED, LOGGED, OPEN, UNLOGGED = "closed", "logged", "open", "unlogged"
KINDS = ("day", "week", "month", "year")


def _period_end(day: date, kind: str) -> date:
    if kind == "week":  # weeks start on Monday, as in both languages' calendars
        return day + timedelta(days=6 - day.weekday())
    if kind == "month":
        following = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        return following - timedelta(days=1)
    if kind == "year":
        return date(day.year, 12, 31)
    return day


def calendar_buckets(first: date, last: date, max_points: int) -> tuple[str, list[Bucket]]:
    """The finest calendar unit (day, week from Monday, month, year) that fits ``max_points`` buckets, and
    the buckets, the first and last cut to the range. Calendar units keep bars regular and nameable."""
    for kind in KINDS:
        out: list[Bucket] = []
        start = first
        while start <= last and len(out) <= max_points:
            end = min(_period_end(start, kind), last)
            out.append(Bucket(start, end))
            start = end + timedelta(days=1)
        if len(out) <= max(1, max_points) or kind == KINDS[-1]:
            return kind, out
    raise AssertionError("unreachable")  # pragma: no cover


def day_state(day: date, today: date, closed: set[date], logged: set[date]) -> str:
    """closed (marked fully logged), open (today or later, not closed: still under way), logged (touches
    but not closed), unlogged (a past day with no touch and not closed: nobody knows what happened)."""
    if day in closed:
        return CLOSED
    if day >= today:
        return OPEN
    return LOGGED if day in logged else UNLOGGED


def _days(bucket: Bucket) -> list[date]:
    return [bucket.first + timedelta(days=i) for i in range(bucket.days)]


def counted(bucket: Bucket, states: Mapping[date, str]) -> list[date]:
    """The days a bucket's average is taken over: its closed and logged days; a bucket holding only a day
    under way shows that day as it stands (drawn as unfinished)."""
    days = _days(bucket)
    known = [d for d in days if states.get(d) in (CLOSED, LOGGED)]
    return known or [d for d in days if states.get(d) == OPEN]


def bucket_state(bucket: Bucket, states: Mapping[date, str]) -> str:
    """open if the bucket holds a day under way, unlogged if none of its days is known, closed if all are
    closed, else logged."""
    seen = {states.get(d, UNLOGGED) for d in _days(bucket)}
    if OPEN in seen:
        return OPEN
    if seen == {UNLOGGED}:
        return UNLOGGED
    return CLOSED if seen == {CLOSED} else LOGGED


def mean_over(values: Mapping[date, float], days: Sequence[date]) -> float | None:
    """The daily average over ``days`` (a day without a value counts 0); None when there is no day."""
    return sum(values.get(d, 0.0) for d in days) / len(days) if days else None
