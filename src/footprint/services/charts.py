"""Chart series: what each chart draws (and what ``--json`` prints), built from the journal.

Ranges: ``--from`` and ``--to`` take any date footprint reads, plus spans back from today: ``30d``,
``8w``, ``6mo``, ``10y`` (with or without a leading ``-``), and ``all`` (the first day of the journal).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..charts import ChallengeSeries, FootprintSeries, TouchpointSeries
from ..domain.footprint import active_captures, passive_captures
from ..domain.series import aggregate, buckets, marks
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


def footprint_series(svc: Service, first: date, last: date, metric: str | None, max_points: int) -> FootprintSeries:
    from ..domain.scores import ACTIVITY
    from .scores import all_breaks, check_metric, series, social_per_day

    bs = buckets(first, last, max_points)
    name = check_metric(metric, allow_activity=True) if metric else None
    # One read of the roll-up serves the captures and, for 'activity', its 60-day lead-in.
    lead = first - timedelta(days=60) if name == ACTIVITY else first
    usage = svc.journal.usage_by_day(lead, last)
    per_day = daily_captures(svc, first, last, usage)
    active = [round(v or 0.0, 2) for v in aggregate({d: a for d, (a, _) in per_day.items()}, bs)]
    passive = [round(v or 0.0, 2) for v in aggregate({d: p for d, (_, p) in per_day.items()}, bs)]
    score: list[float | None] = [None] * len(bs)
    if name:
        values = series(svc, name, first, last, social_per_day(svc, usage=usage) if name == ACTIVITY else None)
        score = [None if v is None else round(v, 2) for v in aggregate(values, bs, False)]
    shown = [b for b in all_breaks(svc) if b.first <= last and first <= b.last]
    spans = [
        (b.label if b.id.startswith("r") else f"{b.label} (#{b.id})", idx[0], idx[-1])
        for b, idx in zip(shown, marks([(b.first, b.last) for b in shown], bs), strict=True)
        if idx
    ]
    return FootprintSeries(
        labels=[b.first.isoformat() for b in bs],
        bucket_days=bs[0].days if bs else 1,
        active=active,
        passive=passive,
        metric=metric,
        score=score,
        spans=spans,
    )


def touchpoint_series(svc: Service, first: date, last: date, max_points: int) -> TouchpointSeries:
    bs = buckets(first, last, max_points)
    usage = svc.journal.usage_by_day(first, last)
    per_tp: dict[str, dict[date, float]] = {}
    for day, tps in usage.items():
        for tp, use in tps.items():
            per_tp.setdefault(tp, {})[day] = use.count
    rows = [
        (tp, [round((v or 0) * b.days) for v, b in zip(aggregate(days, bs), bs, strict=True)])
        for tp, days in per_tp.items()
    ]
    rows.sort(key=lambda r: (-sum(r[1]), r[0]))
    lang = svc.settings.lang
    names = [tp.label.get(lang) if (tp := svc.catalog.get(tp_id)) else tp_id for tp_id, _counts in rows]
    return TouchpointSeries([b.first.isoformat() for b in bs], bs[0].days if bs else 1, rows, names)


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
