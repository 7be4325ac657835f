"""The year heatmap use case: a calendar year (or the last 365 days) read from the journal, one cell a day.

Each day's captures come from ``Service.footprint_between``, the computation ``footprint day`` shows; closed
days from the days table, breaks and challenge runs from ``services.scores.all_breaks``, streaks from
``domain.streak``. Nothing here counts differently from the commands that show one day or one streak.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..domain import limits
from ..domain.heatmap import Heatmap, build, year_span
from ..errors import BadInput
from ..i18n import N_
from . import Service


def check_year(year: int | None, today: date) -> int | None:
    """A year footprint can show: within the dates it reads, and begun already."""
    if year is None:
        return None
    if not (limits.FIRST_YEAR <= year <= limits.LAST_YEAR):
        raise BadInput(
            N_("--year {year} is out of range: footprint reads years {first} to {last}"),
            year=str(year), first=limits.FIRST_YEAR, last=limits.LAST_YEAR,
        )
    if year > today.year:
        raise BadInput(N_("--year {year} has not begun yet"), year=str(year))
    return year


def year_heatmap(svc: Service, year: int | None = None) -> Heatmap:
    from .scores import all_breaks

    today = svc.settings.now().date()
    first, last = year_span(today, check_year(year, today))
    known_last = min(last, today)
    totals = {d: fp.total for d, fp in svc.footprint_between(first, known_last).items()} if first <= known_last else {}
    logged = set(svc.journal.usage_by_day(first, known_last)) if first <= known_last else set()
    closed = svc.journal.closed_days(None, known_last)
    return build(first, last, today, totals, closed, logged, all_breaks(svc), year)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def as_json(hm: Heatmap) -> dict[str, Any]:
    """What ``footprint chart year --json`` prints: the cells, the levels' thresholds, the streaks, the marks."""
    return {
        "first": hm.first.isoformat(),
        "last": hm.last.isoformat(),
        "today": hm.today.isoformat(),
        "year": hm.year,
        "thresholds": [round(t, 2) for t in hm.thresholds],
        "cells": [
            {
                "day": c.day.isoformat(),
                "state": c.state,
                "captures": None if c.captures is None else round(c.captures, 2),
                "level": c.level,
            }
            for c in hm.cells
        ],
        "streaks": {
            name: {"days": s.days, "first": _iso(s.first), "last": _iso(s.last)}
            for name, s in (("current", hm.current), ("longest", hm.longest))
        },
        "runs": [_mark(m) for m in hm.marks if m.id.startswith("r")],
        "breaks": [_mark(m) for m in hm.marks if not m.id.startswith("r")],
    }


def _mark(m: Any) -> dict[str, Any]:
    return {"id": m.id, "label": m.label, "first": m.first.isoformat(), "last": m.last.isoformat()}
