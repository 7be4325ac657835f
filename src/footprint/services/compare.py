"""Noticed against recorded (``footprint compare``): per touchpoint and day, the touches the person logged
(CLI, TUI) beside the touches an imported export recorded, and their ratio over the days where both exist.

A day with one side only is listed as such and left out of the ratio: a day the person did not log says
nothing of what they missed, a day the export does not cover says nothing of what it kept. Only touchpoints
an export recorded in the period are compared. The sums run in SQL (``store.sides``).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from ..domain.catalog import Touchpoint
from ..domain.collectors import Collector
from ..errors import BadInput
from ..i18n import N_
from ..store.sides import SideCount, imported_span, side_counts
from . import Service

DEFAULT_DAYS = 30


class DayPair(NamedTuple):
    day: date
    noticed: int | None  # None: nothing logged that day
    recorded: int | None  # None: the export holds nothing that day

    @property
    def both(self) -> bool:
        return self.noticed is not None and self.recorded is not None


class TouchpointComparison(NamedTuple):
    touchpoint: Touchpoint
    importers: tuple[str, ...]  # what recorded it, by importer name
    collectors: tuple[Collector, ...]  # whose exports those are (an importer no collector names: none)
    days: tuple[DayPair, ...]

    @property
    def both_days(self) -> tuple[DayPair, ...]:
        return tuple(d for d in self.days if d.both)

    @property
    def noticed(self) -> int:
        """What the person logged on the days both sides hold."""
        return sum(d.noticed or 0 for d in self.both_days)

    @property
    def recorded(self) -> int:
        """What the export recorded on the days both sides hold."""
        return sum(d.recorded or 0 for d in self.both_days)

    @property
    def ratio(self) -> float | None:
        """Recorded per touch noticed, over the days both sides hold (None without any, or nothing noticed)."""
        return self.recorded / self.noticed if self.noticed else None


class Comparison(NamedTuple):
    first: date
    last: date
    rows: tuple[TouchpointComparison, ...]
    imported: bool  # whether any export was imported at all (of the touchpoint asked for)
    exports: tuple[Collector, ...]  # when nothing of the touchpoint asked for is imported: whose export would do


def _period(svc: Service, start: str | None, end: str | None, span: tuple[date, date] | None) -> tuple[date, date]:
    """``--from``/``--to``; by default ``span`` (what the imported touches cover), else the last 30 days."""
    today = svc.settings.now().date()
    last = svc.day_of(end) if end else (span[1] if span and not start else today)
    first = svc.day_of(start) if start else (span[0] if span and not end else last - timedelta(DEFAULT_DAYS - 1))
    if first > last:
        raise BadInput(N_("--from {first} is after --to {last}"), first=first, last=last)
    return first, last


def _exports_for(svc: Service, tp: Touchpoint | None) -> tuple[Collector, ...]:
    """The collectors of ``tp`` whose export footprint reads, one per importer (none when ``tp`` is None:
    every collector would do)."""
    from .collectors import catalog_of, chosen

    if tp is None:
        return ()
    known, picks = catalog_of(svc), chosen(svc)
    orgs: list[Collector] = []
    for c in (known.get(cid) for cid in tp.collectors):
        if c is not None:  # a role nobody chose: any organisation that can play it may hold the export
            org = known.behind(c, picks)
            orgs.extend([org] if org is not c else [c, *(x for p in c.choices if (x := known.get(p)))])
    by_importer: dict[str, Collector] = {}
    for o in orgs:
        if o.export and o.export.importer:
            by_importer.setdefault(o.export.importer, o)
    return tuple(by_importer.values())


def _collectors_of(svc: Service, importers: tuple[str, ...]) -> tuple[Collector, ...]:
    from .collectors import catalog_of

    found = [c for c in catalog_of(svc).entries.values() if c.export and c.export.importer in importers]
    return tuple(found)


def _rows(svc: Service, counts: list[SideCount]) -> tuple[TouchpointComparison, ...]:
    noticed: dict[tuple[str, date], int] = {}
    recorded: dict[tuple[str, date], int] = {}
    importers: dict[str, dict[str, None]] = {}
    for c in counts:
        if c.importer is None:
            noticed[(c.touchpoint, c.day)] = c.count
        else:
            recorded[(c.touchpoint, c.day)] = recorded.get((c.touchpoint, c.day), 0) + c.count
            importers.setdefault(c.touchpoint, {})[c.importer] = None
    rows = []
    for tp_id, names in importers.items():
        tp = svc.catalog.get(tp_id)
        if tp is None:  # a touchpoint the catalog no longer has: nothing to name it by
            continue
        days = sorted({d for (t, d) in (*noticed, *recorded) if t == tp_id})
        pairs = tuple(DayPair(d, noticed.get((tp_id, d)), recorded.get((tp_id, d))) for d in days)
        rows.append(TouchpointComparison(tp, tuple(names), _collectors_of(svc, tuple(names)), pairs))
    return tuple(rows)


def compare(
    svc: Service, touchpoint: str | None = None, start: str | None = None, end: str | None = None
) -> Comparison:
    """What the person noticed against what exports recorded, per touchpoint, from ``start`` to ``end``."""
    tp = svc.catalog.resolve(touchpoint) if touchpoint is not None else None
    tps = [tp.id] if tp is not None else None
    span = imported_span(svc.journal, tps)
    first, last = _period(svc, start, end, span)
    if span is None:
        return Comparison(first, last, (), False, _exports_for(svc, tp))
    rows = _rows(svc, side_counts(svc.journal, first, last, tps))
    return Comparison(first, last, rows, True, ())
