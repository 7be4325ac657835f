"""``footprint summary``: a week, a month, a year (or any span) of the journal against the period before.

Everything comes from the daily roll-up (``day_usage``), the days table and the profile, never from the
entries themselves: the roll-up is summed by SQL over each stretch of days the profile stays the same, and
captures are ``domain.footprint``'s over that stretch (its passive part counted for each of its days);
touches are the roll-up's counts. A year's summary costs a handful of grouped queries, whatever the size.

Periods are the journal zone's calendar: weeks begin on Monday. A period that has not ended is counted up
to today, and compared with the same number of days at the start of the period before (like with like: a
Tuesday's week so far against the Monday and Tuesday of the week before). Notes, the only private words a
summary could show, are read only when asked for (``with_notes``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from ..domain.footprint import footprint
from ..domain.journal import Entry, ProfilePeriod, Run
from ..domain.verdict import Span, Verdict
from ..errors import BadInput, FootprintError
from ..i18n import N_
from . import Service

UNITS = {"week": "week", "semaine": "week", "month": "month", "mois": "month", "year": "year", "an": "year"}
UNITS.update({"annee": "year", "année": "year"})
SHOWN_UNITS = ("week", "month", "year")
DEFAULT_RANGE_DAYS = 7  # --to alone: the week that ends there


class Period(NamedTuple):
    unit: str  # week, month, year, or range (--from/--to)
    first: date
    last: date  # the period's last day, which may be after today

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


class Change(NamedTuple):
    """A figure in the period and in the period before."""

    now: float
    before: float


class Line(NamedTuple):
    key: str  # a touchpoint id or a collector id
    touches: Change
    captures: Change


class DayCounts(NamedTuple):
    counted: int  # days of the period up to today
    closed: int
    open_logged: int  # touches logged, not closed
    unlogged: int  # neither


class ClosedStreaks(NamedTuple):
    """Runs of consecutive closed days."""

    current: int  # ending on the period's last counted day (or the day before, when that one is today)
    current_since: date | None
    current_to: date  # the day it is counted up to
    longest: int  # the longest within the period
    longest_from: date | None
    longest_to: date | None


class RunSummary(NamedTuple):
    run: Run
    verdict: Verdict | None  # None when the run's stored rules cannot be read


class Summary(NamedTuple):
    period: Period
    through: date  # the last day counted: the period's last, or today
    previous: Period  # the days compared with
    touches: Change
    captures: Change
    touchpoints: tuple[Line, ...]  # most captures first
    collectors: tuple[Line, ...]
    days: DayCounts
    streaks: ClosedStreaks
    runs: tuple[RunSummary, ...]
    notes: tuple[Entry, ...] = ()  # only with_notes
    unknown: tuple[str, ...] = ()  # touchpoint ids the catalog no longer has

    @property
    def partial(self) -> bool:
        return self.through < self.period.last


# --- which days ----------------------------------------------------------------------------------------


def unit_of(text: str | None) -> str:
    """``week``, ``month`` or ``year`` from what was typed (French names too)."""
    if text is None:
        return "week"
    from ..domain.text import fold, suggestion

    key = fold(text)
    if key not in UNITS:
        raise BadInput(
            N_("unknown period '{value}'{hint}; use week, month or year"),
            value=text.strip()[:40],
            hint=suggestion(text, UNITS),
        )
    return UNITS[key]


def _month_start(day: date, months_back: int = 0) -> date:
    index = day.year * 12 + day.month - 1 - months_back
    return date(index // 12, index % 12 + 1, 1)


def calendar_period(unit: str, day: date) -> Period:
    """The week (Monday first), month or year that holds ``day``."""
    if unit == "week":
        first = day - timedelta(days=day.weekday())
        return Period(unit, first, first + timedelta(days=6))
    if unit == "month":
        first = _month_start(day)
        return Period(unit, first, _month_start(first, -1) - timedelta(days=1))
    return Period(unit, date(day.year, 1, 1), date(day.year, 12, 31))


def before(period: Period, length: int) -> Period:
    """The ``length`` first days of the period before ``period`` (the whole of it, at most)."""
    if period.unit == "week" or period.unit == "range":
        first = period.first - timedelta(days=period.days)
        last = period.first - timedelta(days=1)
    elif period.unit == "month":
        first, last = _month_start(period.first, 1), period.first - timedelta(days=1)
    else:
        first, last = date(period.first.year - 1, 1, 1), date(period.first.year - 1, 12, 31)
    return Period(period.unit, first, min(last, first + timedelta(days=length - 1)))


def period_of(svc: Service, unit: str | None, on: str | None, start: str | None, end: str | None) -> Period:
    """The period asked for: a unit (default week) around ``on`` (default today), or ``start``–``end``."""
    if start is None and end is None:
        return calendar_period(unit_of(unit), svc.day_of(on))
    if unit is not None or on is not None:
        raise BadInput(N_("give a period (week, month, year, --date) or --from/--to, not both"))
    last = svc.day_of(end) if end else svc.settings.now().date()
    first = svc.day_of(start) if start else last - timedelta(days=DEFAULT_RANGE_DAYS - 1)
    if first > last:
        raise BadInput(N_("--from {first} is after --to {last}"), first=first, last=last)
    return Period("range", first, last)


# --- the figures -----------------------------------------------------------------------------------------


class _Totals(NamedTuple):
    touches: dict[str, int]
    captures: dict[str, float]
    collectors: dict[str, float]
    collector_touches: dict[str, int]
    unknown: set[str]


def segments(first: date, last: date, periods: Sequence[ProfilePeriod]) -> list[tuple[date, date, list[ProfilePeriod]]]:
    """``first``–``last`` cut where the profile changes, each part with the profile periods covering it."""
    cuts = {first, last + timedelta(days=1)}
    for p in periods:
        cuts.update(d for d in (p.since, p.until and p.until + timedelta(days=1)) if d and first < d <= last)
    bounds = sorted(cuts)
    return [(a, b - timedelta(days=1), [p for p in periods if p.covers(a)]) for a, b in zip(bounds, bounds[1:])]


def _totals(svc: Service, first: date, last: date) -> _Totals:
    """Touches and captures per touchpoint and collector from ``first`` to ``last``: one grouped read of the
    daily roll-up and one ``domain.footprint`` computation for each stretch of days the profile is the same
    over (the arithmetic is linear: summing days then computing is computing each day then summing)."""
    out = _Totals({}, {}, {}, {}, set())
    for a, b, covering in segments(first, last, svc.journal.profile()):
        usage = svc.journal.usage_in([Span(a, b)])
        fp = footprint(usage, covering, svc.catalog, days=(b - a).days + 1)
        for tp_id, caps in fp.by_touchpoint.items():
            out.captures[tp_id] = out.captures.get(tp_id, 0.0) + caps.total
        for cid, value in fp.by_collector.items():
            out.collectors[cid] = out.collectors.get(cid, 0.0) + value
        out.unknown.update(fp.unknown)
        for tp_id, use in usage.items():
            out.touches[tp_id] = out.touches.get(tp_id, 0) + use.count
            tp = svc.catalog.get(tp_id)
            for cid in tp.collectors if tp is not None else ():
                out.collector_touches[cid] = out.collector_touches.get(cid, 0) + use.count
    return out


def _lines(keys: Iterable[str], touches: tuple[dict, dict], captures: tuple[dict, dict]) -> tuple[Line, ...]:
    lines = [
        Line(
            k,
            Change(touches[0].get(k, 0), touches[1].get(k, 0)),
            Change(captures[0].get(k, 0.0), captures[1].get(k, 0.0)),
        )
        for k in dict.fromkeys(keys)
    ]
    lines.sort(key=lambda x: (-x.captures.now, -x.touches.now, -x.captures.before, x.key))
    return tuple(lines)


def day_counts(first: date, last: date, closed: set[date], logged: Iterable[date]) -> DayCounts:
    counted = (last - first).days + 1 if last >= first else 0
    shut = sum(1 for d in closed if first <= d <= last)
    open_logged = sum(1 for d in set(logged) if first <= d <= last and d not in closed)
    return DayCounts(counted, shut, open_logged, counted - shut - open_logged)


def closed_streaks(closed: set[date], first: date, last: date, today: date) -> ClosedStreaks:
    """Consecutive closed days: the streak running at ``last`` (today may still be open: then the streak
    that reaches yesterday still runs) and the longest within ``first``–``last``."""
    end = last - timedelta(days=1) if last == today and last not in closed else last
    current, day = 0, end
    while day in closed:
        current, day = current + 1, day - timedelta(days=1)
    longest, longest_from, longest_to, run = 0, None, None, 0
    day = first
    while day <= last:
        run = run + 1 if day in closed else 0
        if run > longest:
            longest, longest_from, longest_to = run, day - timedelta(days=run - 1), day
        day += timedelta(days=1)
    since = end - timedelta(days=current - 1) if current else None
    return ClosedStreaks(current, since, end, longest, longest_from, longest_to)


def _runs(svc: Service, first: date, last: date) -> tuple[RunSummary, ...]:
    from .challenges import runs, verdict_of

    out = []
    for run in runs(svc):
        if run.start.date() <= last and run.end.date() >= first:
            try:
                out.append(RunSummary(run, verdict_of(svc, run)))
            except FootprintError:  # rules stored by another version that this one cannot read
                out.append(RunSummary(run, None))
    return tuple(out)


def _notes(svc: Service, first: date, last: date, touchpoints: Iterable[str]) -> tuple[Entry, ...]:
    found = svc.journal.remarks_in([Span(first, last)], sorted(touchpoints))
    return tuple(e for e in found if e.note)


def summary(
    svc: Service,
    unit: str | None = None,
    on: str | None = None,
    start: str | None = None,
    end: str | None = None,
    with_notes: bool = False,
) -> Summary:
    """The summary of one period (see the module's docstring): one call for every shell."""
    period = period_of(svc, unit, on, start, end)
    today = svc.settings.now().date()
    if period.first > today:
        raise BadInput(N_("{day} has not happened yet"), day=period.first)
    through = min(period.last, today)
    prev = before(period, (through - period.first).days + 1)
    now, was = _totals(svc, period.first, through), _totals(svc, prev.first, prev.last)
    closed = svc.journal.closed_days()
    return Summary(
        period=period,
        through=through,
        previous=prev,
        touches=Change(sum(now.touches.values()), sum(was.touches.values())),
        captures=Change(sum(now.captures.values()), sum(was.captures.values())),
        touchpoints=_lines(
            [*now.captures, *now.touches, *was.captures, *was.touches],
            (now.touches, was.touches),
            (now.captures, was.captures),
        ),
        collectors=_lines(
            [*now.collectors, *was.collectors],
            (now.collector_touches, was.collector_touches),
            (now.collectors, was.collectors),
        ),
        days=day_counts(period.first, through, closed, svc.journal.logged_days(period.first, through)),
        streaks=closed_streaks(closed, period.first, through, today),
        runs=_runs(svc, period.first, through),
        notes=_notes(svc, period.first, through, now.touches) if with_notes else (),
        unknown=tuple(sorted(now.unknown | was.unknown)),
    )
