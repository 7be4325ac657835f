"""Chart series: what each chart draws (and what ``--json`` prints), built from the journal.

Ranges: ``--from`` and ``--to`` take any date footprint reads, plus spans back from today: ``30d``,
``8w``, ``6mo``, ``10y`` (with or without a leading ``-``), and ``all`` (the first day of the journal).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

from ..charts.series import ChallengeSeries, FootprintSeries, Span, TouchpointSeries
from ..domain.footprint import active_captures, passive_captures
from ..domain.series import (
    UNLOGGED,
    Bucket,
    aggregate,
    bucket_state,
    calendar_buckets,
    counted,
    day_state,
    marks,
    mean_over,
)
from ..errors import BadInput
from ..i18n import N_, pgettext
from . import Service

_SPAN = re.compile(r"^-?(\d+)\s*(d|j|w|sem|mo|m|y|a)$")
_DAYS = {"d": 1, "j": 1, "w": 7, "sem": 7, "mo": 30, "m": 30, "y": 365, "a": 365}
DEFAULT_DAYS = 30


def day_or_span(svc: Service, text: str, today: date) -> date:
    m = _SPAN.match(text.strip().lower())
    if m:
        days = int(m[1]) * _DAYS[m[2]]
        if days > 200 * 365:
            raise BadInput(N_("'{text}' reaches back too far: at most 200 years"), text=text.strip())
        return today - timedelta(days=max(days, 1) - 1)
    if text.strip().lower() in ("all", "tout"):
        return svc.journal.first_day() or today
    return svc.day_of(text)


def date_range(svc: Service, start: str | None, end: str | None) -> tuple[date, date]:
    today = svc.settings.now().date()
    last = day_or_span(svc, end, today) if end else today
    first = day_or_span(svc, start, today) if start else last - timedelta(days=DEFAULT_DAYS - 1)
    if first > last:
        raise BadInput(N_("--from {first} is after --to {last}"), first=first, last=last)
    return first, last


def daily_captures(svc: Service, first: date, last: date, usage: dict | None = None) -> dict[date, tuple[float, float]]:
    """(active, passive) captures per day, from the daily roll-up — the arithmetic of ``domain.footprint``
    without the per-collector split that a chart does not need."""
    catalog = svc.catalog
    usage = svc.journal.usage_by_day(first, last) if usage is None else usage
    periods = svc.journal.profile()
    out: dict[date, tuple[float, float]] = {}
    day = first
    while day <= last:
        active = 0.0
        for tp_id, use in usage.get(day, {}).items():
            tp = catalog.get(tp_id)
            if tp is not None:
                active += active_captures(tp, use)
        passive = 0.0
        for p in periods:
            if p.covers(day) and (tp := catalog.get(p.touchpoint)) is not None and tp.passive:
                passive += passive_captures(tp, p.state)
        out[day] = (active, passive)
        day += timedelta(days=1)
    return out


class _Days(NamedTuple):
    """The calendar a chart is drawn on: its buckets and the state of every day in it."""

    kind: str
    buckets: list[Bucket]
    states: dict[date, str]
    today: date

    def counted(self) -> list[list[date]]:
        return [counted(b, self.states) for b in self.buckets]

    def bucket_states(self) -> list[str]:
        return [bucket_state(b, self.states) for b in self.buckets]

    def unlogged(self) -> int:
        return sum(1 for s in self.states.values() if s == UNLOGGED)


def _calendar(svc: Service, first: date, last: date, max_points: int, usage: dict) -> _Days:
    kind, bs = calendar_buckets(first, last, max_points)
    today = svc.settings.now().date()
    closed = svc.journal.closed_days(first, last)
    logged = {d for d, tps in usage.items() if any(u.count for u in tps.values())}
    states, day = {}, first
    while day <= last:
        states[day] = day_state(day, today, closed, logged)
        day += timedelta(days=1)
    return _Days(kind, bs, states, today)


def _spans(svc: Service, cal: _Days) -> list[Span]:
    from .scores import all_breaks

    first, last = cal.buckets[0].first, cal.buckets[-1].last
    shown = [b for b in all_breaks(svc) if b.first <= last and first <= b.last]
    return [
        Span(b.label, b.first.isoformat(), b.last.isoformat(), idx[0], idx[-1])  # named by words and dates: no id
        for b, idx in zip(shown, marks([(b.first, b.last) for b in shown], cal.buckets), strict=True)
        if idx
    ]


def footprint_series(svc: Service, first: date, last: date, metric: str | None, max_points: int) -> FootprintSeries:
    """Captures per bucket (the daily average over its counted days), a score, breaks and runs with their own
    dates, and each bucket's state: an open or unlogged bucket is never a low."""
    from ..domain.scores import ACTIVITY
    from .scores import check_metric, series, social_per_day

    name = check_metric(metric, allow_activity=True) if metric else None
    # One read of the roll-up serves the captures and, for 'activity', its 60-day lead-in.
    lead = first - timedelta(days=60) if name == ACTIVITY else first
    usage = svc.journal.usage_by_day(lead, last)
    cal = _calendar(svc, first, last, max_points, usage)
    per_day = daily_captures(svc, first, last, usage)
    days = cal.counted()
    active = [_round(mean_over({d: a for d, (a, _) in per_day.items()}, ds)) for ds in days]
    passive = [_round(mean_over({d: p for d, (_, p) in per_day.items()}, ds)) for ds in days]
    score: list[float | None] = [None] * len(cal.buckets)
    if name:
        values = series(svc, name, first, last, social_per_day(svc, usage=usage) if name == ACTIVITY else None)
        score = [_round(v) for v in aggregate(values, cal.buckets, False)]
        if name == ACTIVITY:  # computed from the log: a bucket nobody logged has no activity to show
            score = [None if st == UNLOGGED else v for v, st in zip(score, cal.bucket_states(), strict=True)]
    return FootprintSeries(
        labels=[b.first.isoformat() for b in cal.buckets],
        bucket=cal.kind,
        active=active,
        passive=passive,
        metric=metric,
        score=score,
        spans=_spans(svc, cal) if cal.buckets else [],
        state=cal.bucket_states(),
        today=cal.today.isoformat(),
        unlogged_days=cal.unlogged(),
        first=first.isoformat(),
        last=last.isoformat(),
    )


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def touchpoint_series(svc: Service, first: date, last: date, max_points: int) -> TouchpointSeries:
    """Touches per touchpoint and bucket (totals, not averages), most used first, with each bucket's state."""
    usage = svc.journal.usage_by_day(first, last)
    cal = _calendar(svc, first, last, max_points, usage)
    per_tp: dict[str, dict[date, float]] = {}
    for day, tps in usage.items():
        for tp, use in tps.items():
            per_tp.setdefault(tp, {})[day] = use.count
    rows = [
        (tp, [round(sum(days.get(d, 0) for d in _each_day(b))) for b in cal.buckets]) for tp, days in per_tp.items()
    ]
    rows.sort(key=lambda r: (-sum(r[1]), r[0]))
    lang = svc.settings.lang
    names = [tp.label.get(lang) if (tp := svc.catalog.get(tp_id)) else tp_id for tp_id, _counts in rows]
    return TouchpointSeries(
        [b.first.isoformat() for b in cal.buckets], cal.kind, rows, names, cal.bucket_states(),
        cal.today.isoformat(), cal.unlogged(), first.isoformat(), last.isoformat(),
    )


def _each_day(b: Bucket) -> list[date]:
    return [b.first + timedelta(days=i) for i in range(b.days)]


def challenge_series(svc: Service, run_ref: str | None) -> ChallengeSeries:
    from ..present.challenge import headline
    from .challenges import find_run, verdict_of

    v = verdict_of(svc, find_run(svc, run_ref))
    lang = svc.settings.lang
    baseline = None
    if v.baseline is not None:  # already a usual day over the run's hours: nothing to scale
        baseline = [round(v.baseline.active, 2), round(v.baseline.passive, 2), round(v.baseline.total, 2)]
    return ChallengeSeries(
        title=v.challenge.title.get(lang),
        headline=headline(v, svc.catalog),
        categories=[pgettext("captures", "active"), pgettext("captures", "passive"), pgettext("captures", "total")],
        run=[round(v.run.active, 2), round(v.run.passive, 2), round(v.run.total, 2)],
        baseline=baseline,
    )
