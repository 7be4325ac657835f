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
