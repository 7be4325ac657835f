"""The series a chart draws, exactly what ``--json`` prints: plain named tuples built by
``services.charts``, with their JSON form (``as_json``) and back (``from_json``) for tests and tools.

Each bucket has a state (``closed``, ``logged``, ``open``, ``unlogged``, see ``domain.series``): a chart
draws an open bucket as unfinished and leaves an unlogged one out, and says so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from ..i18n import _


class Span(NamedTuple):
    """A break or a challenge run: its own dates (ISO) and the buckets it covers."""

    label: str
    first: str
    last: str
    from_bucket: int
    to_bucket: int


class FootprintSeries(NamedTuple):
    labels: list[str]  # one per bucket: its first day, ISO
    bucket: str  # day, week, month or year
    active: list[float | None]  # daily average captures over the bucket's counted days; None: none counted
    passive: list[float | None]
    metric: str | None
    score: list[float | None]
    spans: list[Span]
    state: list[str]  # one per bucket: closed, logged, open, unlogged
    today: str = ""  # ISO: the day the chart was drawn (for the years its dates need)
    unlogged_days: int = 0  # days in the range with no touch and not closed: left out
    first: str = ""  # the range, ISO
    last: str = ""

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> FootprintSeries:
        return cls(**{**data, "spans": [Span(**s) for s in data["spans"]]})


class TouchpointSeries(NamedTuple):
    labels: list[str]
    bucket: str
    rows: list[tuple[str, list[int]]]  # (touchpoint, touches in each bucket), most used first
    names: Sequence[str] = ()  # each row's touchpoint by its label, in the language the series was built in
    state: Sequence[str] = ()
    today: str = ""
    unlogged_days: int = 0
    first: str = ""  # the range, ISO
    last: str = ""


class ChallengeSeries(NamedTuple):
    title: str
    headline: str
    categories: list[str]  # active, passive, total
    run: list[float]
    baseline: list[float] | None


def as_json(series: NamedTuple) -> dict[str, Any]:
    """The series as JSON-ready data: spans as objects, everything else as is."""
    data = series._asdict()
    if "spans" in data:
        data["spans"] = [s._asdict() for s in data["spans"]]
    if "rows" in data:
        data["rows"] = [[tp, list(counts)] for tp, counts in data["rows"]]
    for key in ("names", "state"):
        if key in data:
            data[key] = list(data[key])
    return data


def metric_name(metric: str) -> str:
    """A score as a person reads it: the computed ``activity`` is "activity score (estimate)"; a score the
    person recorded keeps the name they gave it."""
    return _("activity score (estimate)") if metric == "activity" else metric
