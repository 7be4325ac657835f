"""The year heatmap as data: one cell a day with its state and captures, intensity levels, closed-day streaks.

A day is in exactly one state:

- ``closed``: marked as fully logged; its captures are a complete figure (a closed day without captures is a
  real zero, never "not logged");
- ``open``: it has entries but was never closed, so its captures may be incomplete;
- ``unlogged``: no entries and never closed (every day before the journal began is one): no figure at all;
- ``today``: today, not closed yet: unfinished, never drawn as a low day;
- ``future``: after today.

Levels 1–4 split the closed days that had captures into quarters (their quartiles are the thresholds), so a
picture reads the same whatever a person's usual footprint is; level 0 is a closed day without captures.
Open days get the level their captures so far would have. Unlogged, today and future days get none.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from .breaks import Break
from .streak import Streaks, streaks

CLOSED, OPEN, UNLOGGED, TODAY, FUTURE = "closed", "open", "unlogged", "today", "future"
STATES = (CLOSED, OPEN, UNLOGGED, TODAY, FUTURE)
LEVELS = 4


class Cell(NamedTuple):
    day: date
    state: str
    captures: float | None  # the day's total, as ``footprint day`` computes it; None in the future
    level: int | None  # 0 (closed, no captures) to LEVELS; None when the day has no comparable figure


class Streak(NamedTuple):
    days: int
    first: date | None
    last: date | None


class Heatmap(NamedTuple):
    first: date
    last: date
    today: date
    year: int | None  # the calendar year asked for, or None for the last 365 days
    cells: tuple[Cell, ...]
    thresholds: tuple[float, ...]  # the upper bound of levels 1..LEVELS-1 (level LEVELS is above the last)
    current: Streak  # the closed days ending today or yesterday (today, still open, does not break it)
    longest: Streak  # the longest run of consecutive closed days inside the span
    marks: tuple[Break, ...]  # breaks and challenge runs (id ``r…``) that overlap the span, clipped to it

    def weeks(self) -> list[list[Cell | None]]:
        """Columns of seven cells, Monday first; days outside the span are None."""
        return weeks(self.first, self.last, self.cells)


def year_span(today: date, year: int | None) -> tuple[date, date]:
    """A calendar year, or the 365 days ending today (366 days back would show a day twice a year apart)."""
    if year is None:
        return today - timedelta(days=364), today
    return date(year, 1, 1), date(year, 12, 31)


def state_of(day: date, today: date, closed: bool, logged: bool) -> str:
    if day > today:
        return FUTURE
    if closed:
        return CLOSED
    if day == today:
        return TODAY
    return OPEN if logged else UNLOGGED


def quartiles(values: Iterable[float]) -> tuple[float, ...]:
    """The values at 1/4, 2/4, 3/4 of the sorted list (nearest rank); empty for no values."""
    ordered = sorted(values)
    if not ordered:
        return ()
    return tuple(ordered[max(0, -(-len(ordered) * k // LEVELS) - 1)] for k in range(1, LEVELS))


def level_of(captures: float, thresholds: Sequence[float]) -> int:
    if captures <= 0:
        return 0
    return 1 + sum(1 for t in thresholds if captures > t)


def _longest(closed: Iterable[date]) -> Streak:
    s = streaks(closed, set())
    return Streak(s.longest, s.longest_from, s.longest_to)


def _current(s: Streaks, today: date) -> Streak:
    """The streak ending on the latest closed day, when that day is today or yesterday; else none."""
    if s.last_closed is None or s.last_closed < today - timedelta(days=1) or not s.current:
        return Streak(0, None, None)
    return Streak(s.current, s.current_since, s.last_closed)


def clip(marks: Iterable[Break], first: date, last: date) -> tuple[Break, ...]:
    shown = [m for m in marks if m.first <= last and first <= m.last]
    return tuple(m._replace(first=max(m.first, first), last=min(m.last, last)) for m in sorted(shown, key=lambda m: m.first))


def build(
    first: date,
    last: date,
    today: date,
    totals: Mapping[date, float],
    closed: set[date],
    logged: set[date],
    marks: Iterable[Break] = (),
    year: int | None = None,
) -> Heatmap:
    """The heatmap of ``first``..``last``: ``totals`` are each past day's captures, ``closed`` every closed day
    of the journal up to ``last`` (the current streak may have begun before the span), ``logged`` the days
    with entries."""
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    states = {d: state_of(d, today, d in closed, d in logged) for d in days}
    thresholds = quartiles(v for d, v in totals.items() if states.get(d) == CLOSED and v > 0)
    cells = []
    for d in days:
        state = states[d]
        captures = None if state == FUTURE else totals.get(d, 0.0)
        level = level_of(captures or 0.0, thresholds) if state in (CLOSED, OPEN) else None
        cells.append(Cell(d, state, captures, level))
    in_span = {d for d in closed if first <= d <= min(last, today)}
    return Heatmap(
        first, last, today, year, tuple(cells), thresholds,
        _current(streaks((d for d in closed if d <= today), set()), today) if first <= today <= last else Streak(0, None, None),
        _longest(in_span),
        clip(marks, first, last),
    )


def weeks(first: date, last: date, cells: Sequence[Cell]) -> list[list[Cell | None]]:
    by_day = {c.day: c for c in cells}
    start = first - timedelta(days=first.weekday())
    columns: list[list[Cell | None]] = []
    while start <= last:
        columns.append([by_day.get(start + timedelta(days=i)) for i in range(7)])
        start += timedelta(days=7)
    return columns


def column_of(first: date, day: date) -> int:
    """The week column (0-based) of ``day`` in a grid starting on the week of ``first``."""
    return (day - (first - timedelta(days=first.weekday()))).days // 7
