"""Touches by side, for ``compare``: what the person logged (sources ``cli`` and ``tui``) against what an
export recorded (sources ``import:<importer>``), summed in SQL per day, touchpoint and side, so a journal
of a million imported touches is read as a few hundred rows. Demo entries are neither side.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from .journal import Journal, _damaged
from .journal import _day as _stored_day
from ..i18n import say

NOTICED_SOURCES = ("cli", "tui")
_IMPORTED = "import:*"
_ENTRIES = say("the entries")


class SideCount(NamedTuple):
    day: date
    touchpoint: str
    importer: str | None  # None: noticed (logged by the person); else the importer that recorded it
    count: int


def _where(first: date | None, last: date | None, touchpoints: Sequence[str] | None) -> tuple[str, list[object]]:
    clauses, params = [], []
    if first is not None:
        clauses.append("day >= ?")
        params.append(first.isoformat())
    if last is not None:
        clauses.append("day <= ?")
        params.append(last.isoformat())
    if touchpoints is not None:
        clauses.append(f"touchpoint IN ({', '.join('?' * len(touchpoints))})")
        params.extend(touchpoints)
    return "".join(f" AND {c}" for c in clauses), params


def imported_span(journal: Journal, touchpoints: Sequence[str] | None = None) -> tuple[date, date] | None:
    """The first and last day an imported touch falls on (of ``touchpoints`` if given); None without any."""
    where, params = _where(None, None, touchpoints)
    row = journal._query(f"SELECT min(day), max(day) FROM entries WHERE source GLOB ?{where}", [_IMPORTED, *params])
    lo, hi = row[0]
    return None if lo is None else (_stored_day(lo, _ENTRIES), _stored_day(hi, _ENTRIES))


def side_counts(journal: Journal, first: date, last: date, touchpoints: Sequence[str] | None) -> list[SideCount]:
    """Touches per day × touchpoint × side from ``first`` to ``last``, in day order."""
    where, params = _where(first, last, touchpoints)
    marks = ", ".join("?" * len(NOTICED_SOURCES))
    rows = journal._query(
        f"SELECT day, touchpoint, CASE WHEN source IN ({marks}) THEN NULL ELSE substr(source, 8) END AS side, "
        f"sum(count) FROM entries WHERE (source IN ({marks}) OR source GLOB ?){where} "
        "GROUP BY day, touchpoint, side ORDER BY day, touchpoint, side",
        [*NOTICED_SOURCES, *NOTICED_SOURCES, _IMPORTED, *params],
    )
    out = []
    for day_s, tp, side, count in rows:
        if type(count) is not int or not isinstance(tp, str):
            raise _damaged(_ENTRIES)
        out.append(SideCount(_stored_day(day_s, _ENTRIES), tp, side, count))
    return out
