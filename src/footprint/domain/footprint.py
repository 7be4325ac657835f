"""The footprint arithmetic: the one place where captures are computed.

For one day:

    active  = Σ over the day's touches of  count × captures_per_use  +  minutes × captures_per_minute
    passive = Σ over the passive touchpoints in the profile that day of  passive_per_day (of their state)
    total   = active + passive

``captures_per_minute`` counts only for touchpoints whose catalog entry gives one; a touch with minutes on
another touchpoint counts by its ``count`` alone. A touchpoint's captures are shared evenly among its
collectors, so the by-collector figures add up to the total. Every figure is an estimate built on the
catalog's documented estimates; nothing here is measured.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from .catalog import Catalog, Touchpoint
from .journal import Entry, ProfilePeriod


class Usage(NamedTuple):
    """How much a touchpoint was used in a span: total count and minutes of its touches."""

    count: int = 0
    minutes: float = 0.0

    def __add__(self, other: Usage) -> Usage:
        return Usage(self.count + other.count, self.minutes + other.minutes)


class Captures(NamedTuple):
    active: float = 0.0
    passive: float = 0.0

    @property
    def total(self) -> float:
        return self.active + self.passive


class Footprint(NamedTuple):
    active: float
    passive: float
    by_touchpoint: Mapping[str, Captures]
    by_collector: Mapping[str, float]
    unknown: tuple[str, ...] = ()  # touchpoint ids in the journal that the catalog no longer has

    @property
    def total(self) -> float:
        return self.active + self.passive


def usage_of(entries: Iterable[Entry]) -> dict[str, Usage]:
    """Sum entries into usage per touchpoint."""
    out: dict[str, Usage] = {}
    for e in entries:
        out[e.touchpoint] = out.get(e.touchpoint, Usage()) + Usage(e.count, e.minutes or 0.0)
    return out


def active_captures(tp: Touchpoint, usage: Usage) -> float:
    per_minute = tp.captures_per_minute.value if tp.captures_per_minute else 0.0
    return usage.count * tp.captures_per_use.value + usage.minutes * per_minute


def passive_captures(tp: Touchpoint, state: str | None) -> float:
    estimate = tp.passive_estimate(state)
    return estimate.value if estimate else 0.0


def footprint(
    usage: Mapping[str, Usage],
    passive_profile: Iterable[ProfilePeriod],
    catalog: Catalog,
    days: int = 1,
) -> Footprint:
    """The footprint of a span of ``days`` days: ``usage`` summed over it, ``passive_profile`` the
    profile periods that cover it (each counted for ``days`` days; split the span where the profile
    changed)."""
    per_tp: dict[str, Captures] = {}
    unknown: list[str] = []
    for tp_id, use in usage.items():
        tp = catalog.get(tp_id)
        if tp is None:
            unknown.append(tp_id)
            continue
        per_tp[tp_id] = Captures(active=active_captures(tp, use))
    for period in passive_profile:
        tp = catalog.get(period.touchpoint)
        if tp is None or not tp.passive:
            continue
        old = per_tp.get(tp.id, Captures())
        per_tp[tp.id] = Captures(old.active, old.passive + days * passive_captures(tp, period.state))
    by_collector: dict[str, float] = {}
    for tp_id, caps in per_tp.items():
        tp = catalog.get(tp_id)
        assert tp is not None
        share = caps.total / len(tp.collectors)
        for c in tp.collectors:
            by_collector[c] = by_collector.get(c, 0.0) + share
    return Footprint(
        active=sum(c.active for c in per_tp.values()),
        passive=sum(c.passive for c in per_tp.values()),
        by_touchpoint=dict(sorted(per_tp.items(), key=lambda kv: -kv[1].total)),
        by_collector=dict(sorted(by_collector.items(), key=lambda kv: -kv[1])),
        unknown=tuple(sorted(unknown)),
    )


def entry_captures(entry: Entry, catalog: Catalog) -> float:
    """The active captures one touch added (0 for a touchpoint the catalog no longer has)."""
    tp = catalog.get(entry.touchpoint)
    return active_captures(tp, Usage(entry.count, entry.minutes or 0.0)) if tp else 0.0
