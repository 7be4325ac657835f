"""Streaks: "days without X", counted over closed days only.

A day that was never closed is not logged, so it can never extend a streak: it breaks it, as a day with a
touch of X does. A closed day without any touch of X extends the streak.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import NamedTuple


class Streaks(NamedTuple):
    current: int  # the streak that ends on the latest closed day (0 if that day had X)
    current_since: date | None
    longest: int
    longest_from: date | None
    longest_to: date | None
    closed_days: int
    days_with: int  # closed days on which X was touched
    last_closed: date | None


def streaks(closed: Iterable[date], touched: set[date]) -> Streaks:
    days = sorted(set(closed))
    longest, longest_from, longest_to = 0, None, None
    run, run_from, previous = 0, None, None
    for day in days:
        contiguous = previous is not None and day - previous == timedelta(days=1)
        if day in touched:
            run, run_from = 0, None
        else:
            run, run_from = (run + 1, run_from) if contiguous and run else (1, day)
            if run > longest:
                longest, longest_from, longest_to = run, run_from, day
        previous = day
    return Streaks(
        current=run,
        current_since=run_from,
        longest=longest,
        longest_from=longest_from,
        longest_to=longest_to,
        closed_days=len(days),
        days_with=sum(1 for d in days if d in touched),
        last_closed=days[-1] if days else None,
    )
