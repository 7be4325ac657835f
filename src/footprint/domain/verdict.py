"""The verdict of a challenge run: what was usual, removed, touched, unavoidable, and captures against
the person's own baseline. Pure: the service gathers entries, profile and closed days and passes them in.

Rules (from the product's definition):

- ``usual``: the touchpoints of the profile (at the start of the run) that the challenge forbids;
- ``touched``: forbidden touchpoints with touches during the run, usual or not, with counts and reasons;
- ``unavoidable``: usual passive touchpoints (they capture whatever you do) and touched ones whose touch
  was given the reason *unavoidable*;
- ``removed``: usual touchpoints neither touched nor unavoidable;
- captures during the run (so far) are compared with closed days just before it, as many as the run has
  calendar days, over the same hours of the day (an evening run with earlier evenings); a past day of
  the run left open is not compared, and the verdict says why (``comparison``). Durations are
  wall-clock: a 24-hour run on the day clocks change still covers one calendar day.

What a verdict reads is bounded by the run, never by the journal: ``day_spans`` turns the run's window and
its baseline windows into whole days of the journal (read from the daily roll-up) and parts of days (read
from their touches), and the verdict is computed from usage per touchpoint, the order in which forbidden
touchpoints were first touched and the few touches that carry a reason or a note. A whole day counts every
touch the journal files under that day; a part of a day, the touches of that day whose instant is in it.
"""

from __future__ import annotations

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


class Piece(NamedTuple):
    """Hours of the day a run covers on ``days`` of its calendar days, from ``start`` to ``end`` (None: to
    midnight), on the wall clock."""

    start: time
    end: time | None
    days: int

    def on(self, day: date, zone: tzinfo | None) -> Window:
        """These hours on ``day`` (a day clocks change on keeps its wall-clock hours: 00:00–24:00 is 25 h)."""
        hi = datetime.combine(day + DAY, time()) if self.end is None else datetime.combine(day, self.end)
        return Window(datetime.combine(day, self.start).replace(tzinfo=zone), hi.replace(tzinfo=zone))


def pieces(window: Window) -> tuple[Piece, ...]:
    """A run's window cut at its midnights: the hours it covers on each calendar day, the days with the same
    hours counted together (a week from Monday 18:00 so far: 18:00–24:00 once, whole days, 00:00–now)."""
    start, end = window.start.replace(tzinfo=None), window.end.replace(tzinfo=None)
    found: dict[tuple[time, time | None], int] = {}
    day = datetime.combine(start.date(), time())
    while day < end:
        lo, hi = max(start, day), min(end, day + DAY)
        if hi > lo:
            key = (lo.time(), None if hi == day + DAY else hi.time())
            found[key] = found.get(key, 0) + 1
        day += DAY
    return tuple(Piece(a, b, n) for (a, b), n in found.items())


class Comparison(NamedTuple):
    """What a run's captures are compared with; ``why_not`` says when they are not (see ``comparison``)."""

    pieces: tuple[Piece, ...]  # the run's hours, so far
    days: tuple[date, ...]  # the closed days before the run it is compared with, newest first
    wanted: int  # as many as the run has calendar days
    open_days: tuple[date, ...]  # the run's days before today that were not closed
    so_far: bool  # the run reaches into today, not closed: it compares what was logged up to now

    @property
    def why_not(self) -> str | None:
        """``not-started`` (no time of the run has passed), ``open-days`` (a past day of the run is not
        closed: it may be logged only in part), ``no-baseline`` (no closed day before the run), or None."""
        if not self.pieces:
            return "not-started"
        if self.open_days:
            return "open-days"
        return None if self.days else "no-baseline"


def comparison(window: Window, closed: set[date], today: date, wanted: int) -> Comparison:
    """Like with like: the run's captures so far (``window``, up to now) against the same hours of the day on
    closed days before it.

    - The run is cut into its hours on each calendar day (``pieces``, wall clock: a run crossing midnight
      is 18:00–24:00 then 00:00–06:00; on a day clocks change, the same wall hours).
    - It is compared with up to ``wanted`` days before its first day, newest first within
      ``BASELINE_LOOKBACK_DAYS``, each of them closed: a day not closed may be logged in part, and a low
      count on it would flatter the run. Each of the run's hours is compared with the mean of the same
      hours on those days (``baseline_captures``).
    - A past day of the run that is not closed stops the comparison (``open-days``): its touches may be
      partly logged, and a partial day is not a complete one. Today, still open, is compared up to now.
    - Without a closed day before the run there is nothing to compare with (``no-baseline``).
    """
    cut = pieces(window)
    first = window.start.date()
    last = (window.end - timedelta(microseconds=1)).date() if cut else first
    run_days = [first + timedelta(days=i) for i in range((last - first).days + 1)] if cut else []
    days: list[date] = []
    day, floor = first - DAY, first - timedelta(days=BASELINE_LOOKBACK_DAYS)
    while len(days) < wanted and day >= floor:
        if day in closed:
            days.append(day)
        day -= DAY
    open_days = tuple(d for d in run_days if d < today and d not in closed)
    return Comparison(cut, tuple(days), wanted, open_days, today in run_days and today not in closed)


def baseline_captures(
    c: Comparison,
    usage: Sequence[Mapping[str, Usage]],
    periods: Sequence[ProfilePeriod],
    catalog: Catalog,
    zone: tzinfo | None,
) -> Captures | None:
    """The captures of a usual day over the run's hours: for each piece of the run, the mean over the
    baseline days of the captures in those hours, times the run days it covers. ``usage`` holds, for each
    piece in order, the touches in its hours summed over the baseline days. None when ``c.why_not``."""
    if c.why_not is not None:
        return None
    n = len(c.days)
    active = passive = 0.0
    for piece, use in zip(c.pieces, usage, strict=True):
        active += piece.days * active_in(use, catalog) / n
        passive += piece.days * sum(passive_in(piece.on(d, zone), periods, catalog) for d in c.days) / n
    return Captures(active, passive)


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
    window: Window  # the run's time so far: from its start to its end, or to now while it runs
    status: str  # planned (not begun), running, finished, abandoned
    usual: tuple[str, ...]
    removed: tuple[str, ...]
    touched: tuple[Touched, ...]
    unavoidable: tuple[Unavoidable, ...]
    run: Captures
    baseline: Captures | None  # a usual day's captures over the run's hours; None when not compared
    comparison: Comparison
    planned_end: datetime | None = None

    @property
    def baseline_days(self) -> int:
        return len(self.comparison.days)

    @property
    def baseline_wanted(self) -> int:
        return self.comparison.wanted

    @property
    def baseline_scaled(self) -> float | None:
        """The baseline's total (already over the run's hours: nothing left to scale; kept for the records)."""
        return None if self.baseline is None else self.baseline.total

    @property
    def change(self) -> float | None:
        """The run's captures against the baseline's, as a fraction (-0.94: 94 % fewer)."""
        if self.baseline is None or self.baseline.total <= 0:
            return None
        return self.run.total / self.baseline.total - 1

    @property
    def planned(self) -> timedelta:
        """The run's planned length on the wall clock (its window's when no planned end is known)."""
        if self.planned_end is None:
            return self.window.wall()
        return Window(self.window.start, self.planned_end).wall()

    @property
    def ended_early(self) -> bool:
        """Ended by hand before its planned end (an abandoned run says so by its status)."""
        return self.status == "finished" and self.planned_end is not None and self.window.end < self.planned_end


class RunReads(NamedTuple):
    """What the journal holds about a run and its baseline, read for exactly their spans (see ``day_spans``)."""

    usage: Mapping[str, Usage]  # the run's touches, summed per touchpoint
    first_touched: Sequence[str]  # forbidden touchpoints touched during the run, by their first touch
    remarks: Sequence[Entry]  # the run's touches of forbidden touchpoints that carry a reason or a note, in order
    comparison: Comparison
    baseline_usage: Sequence[Mapping[str, Usage]]  # per piece of the run: its hours' touches on the baseline days


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
    planned_end: datetime | None = None,
) -> Verdict:
    """The verdict of a run, from what the journal holds about the run's window and its baseline days."""
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
    zone = window.start.tzinfo
    baseline = baseline_captures(reads.comparison, reads.baseline_usage, periods, catalog, zone)
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
        comparison=reads.comparison,
        planned_end=planned_end,
    )
