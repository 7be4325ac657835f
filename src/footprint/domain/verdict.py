"""The verdict of a challenge run: what was usual, removed, touched, unavoidable, and captures against
the person's own baseline. Pure: the service gathers entries, profile and closed days and passes them in.

Rules (from the product's definition):

- ``usual``: the touchpoints of the profile (at the start of the run) that the challenge forbids;
- ``touched``: forbidden touchpoints with touches during the run, usual or not, with counts and reasons;
- ``unavoidable``: usual passive touchpoints (they capture whatever you do) and touched ones whose touch
  was given the reason *unavoidable*;
- ``removed``: usual touchpoints neither touched nor unavoidable;
- captures during the run are compared with the same number of closed days just before it, over the
  same hours of the day (an evening run is compared with earlier evenings). Durations are wall-clock:
  a 24-hour run on the day clocks change still covers one calendar day.

What a verdict reads is bounded by the run, never by the journal: ``day_spans`` turns the run's window and
its baseline windows into whole days of the journal (read from the daily roll-up) and parts of days (read
from their touches), and the verdict is computed from usage per touchpoint, the order in which forbidden
touchpoints were first touched and the few touches that carry a reason or a note. A whole day counts every
touch the journal files under that day; a part of a day, the touches of that day whose instant is in it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import NamedTuple

from .catalog import Catalog
from .challenge import Challenge
from .footprint import Captures, Usage, active_captures, passive_captures
from .journal import Entry, ProfilePeriod

DAY = timedelta(days=1)
BASELINE_LOOKBACK_DAYS = 90


class Window(NamedTuple):
    """A span of time, aware datetimes in the journal's zone. The end is excluded, except for a run's own
    window: a touch logged at the very moment a run ends (or is looked at) belongs to it."""

    start: datetime
    end: datetime
    inclusive: bool = False

    def wall(self) -> timedelta:
        """The length on the wall clock (DST changes do not shorten a day)."""
        return self.end.replace(tzinfo=None) - self.start.replace(tzinfo=None)

    def contains(self, at: datetime) -> bool:
        return self.start <= at < self.end or (self.inclusive and at == self.end)


def run_window(start: datetime, duration: timedelta) -> Window:
    """The window of a run starting at ``start`` (wall-clock arithmetic in the start's zone)."""
    return Window(start, start + duration, inclusive=True)


def passive_in(window: Window, periods: Sequence[ProfilePeriod], catalog: Catalog) -> float:
    """Passive captures over ``window``: each calendar day it covers contributes the share of that day it
    covers times the passive touchpoints of the profile that day."""
    total = 0.0
    day = window.start.date()
    last = (window.end - timedelta(microseconds=1)).date()
    start_wall, end_wall = window.start.replace(tzinfo=None), window.end.replace(tzinfo=None)
    while day <= last:
        day_start = datetime.combine(day, time())
        covered = min(end_wall, day_start + DAY) - max(start_wall, day_start)
        share = max(covered, timedelta(0)) / DAY
        for p in periods:
            tp = catalog.get(p.touchpoint)
            if tp is not None and tp.passive and p.covers(day):
                total += share * passive_captures(tp, p.state)
        day += DAY
    return total


def active_in(usage: Mapping[str, Usage], catalog: Catalog) -> float:
    """Active captures of the touches summed in ``usage`` (touchpoints the catalog lost count for nothing)."""
    total = 0.0
    for tp_id, use in usage.items():
        tp = catalog.get(tp_id)
        if tp is not None:
            total += active_captures(tp, use)
    return total


class Span(NamedTuple):
    """Days of the journal from ``first`` to ``last`` (inclusive), whole; or, with ``lo`` and ``hi``, the part
    of the single day ``first`` whose instants are in [lo, hi) (Unix seconds, as touches are stored)."""

    first: date
    last: date
    lo: int | None = None
    hi: int | None = None


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _seconds(w: Window) -> tuple[int, int]:
    """The window as whole Unix seconds [lo, hi): a touch at second s is inside exactly when lo <= s < hi."""

    def split(at: datetime) -> tuple[int, bool]:
        delta = at - _EPOCH
        return delta.days * 86400 + delta.seconds, bool(delta.microseconds)

    lo, lo_frac = split(w.start)
    hi, hi_frac = split(w.end)
    if w.inclusive:
        return lo + lo_frac, hi + 1
    return lo + lo_frac, hi + hi_frac


def _midnight(day: date, zone: tzinfo) -> int:
    return int(datetime.combine(day, time(), tzinfo=zone).timestamp())


def day_spans(windows: Iterable[Window], zone: tzinfo) -> list[Span]:
    """The instants of ``windows`` (disjoint, as a run's or its baseline's are) as spans of the journal's days
    in ``zone``, in day order: whole days joined into ranges, and the parts of the days they cut."""
    parts: dict[date, list[tuple[int, int]]] = {}
    for w in windows:
        lo, hi = _seconds(w)
        day = datetime.fromtimestamp(lo, zone).date()
        while lo < hi:
            end = _midnight(day + DAY, zone)
            parts.setdefault(day, []).append((lo, min(hi, end)))
            lo, day = end, day + DAY
    spans: list[Span] = []
    for day in sorted(parts):
        pieces = _merged(parts[day])
        if pieces == [(_midnight(day, zone), _midnight(day + DAY, zone))]:
            if spans and spans[-1].lo is None and spans[-1].last == day - DAY:
                spans[-1] = spans[-1]._replace(last=day)
            else:
                spans.append(Span(day, day))
        else:
            spans.extend(Span(day, day, a, b) for a, b in pieces)
    return spans


def _merged(pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(pieces):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def baseline_windows(run: Window, closed: set[date]) -> tuple[list[Window], int]:
    """The windows to compare a run with, and how many were wanted.

    A run spanning N calendar days (rounded up) is compared with N closed days just before it, each over the
    run's hours of the day (at most 24 h). A day counts only if every day its window touches is closed.
    """
    wanted = max(1, math.ceil(run.wall() / DAY))
    length = min(run.wall(), DAY)
    zone = run.start.tzinfo
    windows: list[Window] = []
    day = run.start.date() - DAY
    floor = run.start.date() - timedelta(days=BASELINE_LOOKBACK_DAYS)
    while len(windows) < wanted and day >= floor:
        start = datetime.combine(day, run.start.timetz().replace(tzinfo=None)).replace(tzinfo=zone)
        w = Window(start, start + length)
        spanned = {w.start.date(), (w.end - timedelta(microseconds=1)).date()}
        if spanned <= closed:
            windows.append(w)
        day -= DAY
    return windows, wanted


class Touched(NamedTuple):
    touchpoint: str
    count: int
    reasons: tuple[str, ...]  # reason of each touch that gave one
    notes: tuple[str, ...]  # private: shown only to their owner, or when asked


class Unavoidable(NamedTuple):
    touchpoint: str
    why: str  # "passive" or "reason"
    notes: tuple[str, ...]


class Verdict(NamedTuple):
    challenge: Challenge
    window: Window
    status: str  # running, finished, abandoned
    usual: tuple[str, ...]
    removed: tuple[str, ...]
    touched: tuple[Touched, ...]
    unavoidable: tuple[Unavoidable, ...]
    run: Captures
    baseline: Captures | None  # summed over the baseline windows found
    baseline_days: int
    baseline_wanted: int

    @property
    def baseline_scaled(self) -> float | None:
        """The baseline total scaled to the run's length (when fewer baseline days than wanted were found)."""
        if self.baseline is None or self.baseline_days == 0:
            return None
        return self.baseline.total * self.baseline_wanted / self.baseline_days


class RunReads(NamedTuple):
    """What the journal holds about a run and its baseline, read for exactly their spans (see ``day_spans``)."""

    usage: Mapping[str, Usage]  # the run's touches, summed per touchpoint
    first_touched: Sequence[str]  # forbidden touchpoints touched during the run, by their first touch
    remarks: Sequence[Entry]  # the run's touches of forbidden touchpoints that carry a reason or a note, in order
    baseline_windows: Sequence[Window]
    baseline_wanted: int
    baseline_usage: Mapping[str, Usage]  # the touches in the baseline windows, summed per touchpoint


def _touched(challenge: Challenge, reads: RunReads, catalog: Catalog) -> dict[str, Touched]:
    """Forbidden touchpoints touched during the run, by first touch, with their counts, reasons and notes."""
    touched = {
        tp_id: Touched(tp_id, reads.usage[tp_id].count, (), ())
        for tp_id in reads.first_touched
        if (tp := catalog.get(tp_id)) is not None and challenge.forbids(tp) and tp_id in reads.usage
    }
    for e in reads.remarks:
        old = touched.get(e.touchpoint)
        if old is not None:
            touched[e.touchpoint] = old._replace(
                reasons=old.reasons + ((e.reason,) if e.reason else ()),
                notes=old.notes + ((e.note,) if e.note else ()),
            )
    return touched


def verdict(
    challenge: Challenge,
    window: Window,
    status: str,
    reads: RunReads,
    profile_at_start: Sequence[ProfilePeriod],
    periods: Sequence[ProfilePeriod],
    catalog: Catalog,
) -> Verdict:
    """The verdict of a run, from what the journal holds about the run's window and its baseline windows."""
    usual: list[str] = []
    for p in profile_at_start:
        tp = catalog.get(p.touchpoint)
        if tp is not None and challenge.forbids(tp) and tp.id not in usual:
            usual.append(tp.id)
    touched = _touched(challenge, reads, catalog)
    unavoidable: list[Unavoidable] = []
    for tp_id in usual:
        tp = catalog.get(tp_id)
        if tp is not None and tp.passive:
            unavoidable.append(Unavoidable(tp_id, "passive", ()))
    for t in touched.values():
        if "unavoidable" in t.reasons and t.touchpoint not in {u.touchpoint for u in unavoidable}:
            unavoidable.append(Unavoidable(t.touchpoint, "reason", t.notes))
    kept = {u.touchpoint for u in unavoidable} | set(touched)
    removed = tuple(tp for tp in usual if tp not in kept)
    windows = reads.baseline_windows
    baseline = None
    if windows:
        passive = sum(passive_in(w, periods, catalog) for w in windows)
        baseline = Captures(active_in(reads.baseline_usage, catalog), passive)
    return Verdict(
        challenge=challenge,
        window=window,
        status=status,
        usual=tuple(usual),
        removed=removed,
        touched=tuple(touched.values()),
        unavoidable=tuple(unavoidable),
        run=Captures(active_in(reads.usage, catalog), passive_in(window, periods, catalog)),
        baseline=baseline,
        baseline_days=len(windows),
        baseline_wanted=reads.baseline_wanted,
    )
