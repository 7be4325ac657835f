"""Activity scores: values per metric and day, the computed ``activity`` score, and what a break does.

The computed score (an estimate) follows one transparent formula::

    A(d)        = Σ over days k ≤ d of  social(k) × 0.5 ** ((d − k) / HALF_LIFE_DAYS)
    activity(d) = 100 × A(d) / (A(d) + SCALE)

where ``social(k)`` is the number of touches of social-network touchpoints (posts, comments, reactions,
visits) on day k. With a half-life of 7 days, a week without social touches halves A; SCALE = 20 decayed
touches give a score of 50. It falls during a break from social networks and climbs back after it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from ..i18n import N_

HALF_LIFE_DAYS = 7.0
SCALE = 20.0
ACTIVITY = "activity"
# How the computed score is made, said to the person (a msgid: the CLI translates it where it prints it).
FORMULA = N_(
    "activity(d) = 100 × A(d) / (A(d) + 20), where A(d) = Σ social touches on day k × 0.5^((d − k) / 7) "
    "over the days k up to d: a decaying count of your social-network touches with a half-life of 7 days. "
    "An estimate computed from your journal, not a platform's figure."
)


class Score(NamedTuple):
    metric: str
    day: date
    value: float
    source: str = "cli"  # cli, import, demo, computed


def activity_series(social_per_day: Mapping[date, int], first: date, last: date) -> dict[date, float]:
    """The computed activity score for every day from ``first`` to ``last``; touches before ``first``
    (present in ``social_per_day``) still count through their decay."""
    decay = 0.5 ** (1 / HALF_LIFE_DAYS)
    start = min([first, *social_per_day]) if social_per_day else first
    level = 0.0
    out: dict[date, float] = {}
    day = start
    while day <= last:
        level = level * decay + social_per_day.get(day, 0)
        if day >= first:
            out[day] = round(100 * level / (level + SCALE), 2)
        day += timedelta(days=1)
    return out


class ScoreEffect(NamedTuple):
    metric: str
    before: float | None  # the last value before the break
    lowest: float | None  # the lowest value during it
    lowest_on: date | None
    recovered_on: date | None  # first day after the break back at (or above) ``before``
    days_to_recover: int | None  # counted from the break's last day; None if not (yet) back


def score_effect(metric: str, values: Mapping[date, float], first: date, last: date) -> ScoreEffect:
    """What a break from ``first`` to ``last`` (inclusive days) did to one score series."""
    before_days = [d for d in values if d < first]
    before = values[max(before_days)] if before_days else None
    during = {d: v for d, v in values.items() if first <= d <= last}
    lowest_on = min(during, key=lambda d: (during[d], d)) if during else None
    recovered_on = None
    if before is not None:
        recovered_on = next((d for d in sorted(values) if d > last and values[d] >= before), None)
    return ScoreEffect(
        metric,
        before,
        during[lowest_on] if lowest_on else None,
        lowest_on,
        recovered_on,
        (recovered_on - last).days if recovered_on else None,
    )


class CaptureAverages(NamedTuple):
    """Daily average captures over a span, active and passive apart (passive captures do not stop)."""

    days: int
    active: float
    passive: float

    @property
    def total(self) -> float:
        return self.active + self.passive


def averages(per_day: Sequence[tuple[float, float]]) -> CaptureAverages:
    n = len(per_day)
    if n == 0:
        return CaptureAverages(0, 0.0, 0.0)
    return CaptureAverages(n, sum(a for a, _ in per_day) / n, sum(p for _, p in per_day) / n)
