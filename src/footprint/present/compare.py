"""Noticed against recorded, as people read it (``footprint compare``): per touchpoint, each day with what
the person logged and what the export recorded, the total over the days both sides hold, and one sentence
that says it plainly; and the JSON record of the same facts.

Words only: the caller prints the lines (the command line) or styles them (the TUI).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from ..i18n import _, current, ngettext
from ..l10n import date_span, integer, medium_date, number
from ..services.compare import Comparison, DayPair, TouchpointComparison
from .catalog import label


# A long span lists thousands of day lines with few distinct days and ratios; Babel costs ~0.1 ms a call,
# so each is worded once per language (the language is part of the key).
@lru_cache(maxsize=4096)
def _date(day: date, lang: str) -> str:
    return medium_date(day)


@lru_cache(maxsize=4096)
def _times(value: float, lang: str) -> str:
    return f"×{number(value)}"


def _ratio(noticed: int, recorded: int) -> str | None:
    return _times(recorded / noticed, current()) if noticed else None


def _exporters(row: TouchpointComparison) -> str:
    """Whose export recorded it: the collectors' names, else the importers' (a user's own format)."""
    names = [c.name.get(current()) for c in row.collectors] or list(row.importers)
    return ", ".join(names)


def _day_line(d: DayPair) -> str:
    day = _date(d.day, current())
    if d.noticed is None:
        recorded = integer(d.recorded or 0)
        return _("  {day}: recorded {recorded}, nothing logged by you").format(day=day, recorded=recorded)
    if d.recorded is None:
        return _("  {day}: noticed {noticed}, nothing in the export").format(day=day, noticed=integer(d.noticed))
    ratio = _ratio(d.noticed, d.recorded)
    if ratio is None:
        return _("  {day}: noticed {noticed}, recorded {recorded}").format(
            day=day, noticed=integer(d.noticed), recorded=integer(d.recorded)
        )
    return _("  {day}: noticed {noticed}, recorded {recorded} ({ratio})").format(
        day=day, noticed=integer(d.noticed), recorded=integer(d.recorded), ratio=ratio
    )


def _total_line(row: TouchpointComparison) -> str:
    both = row.both_days
    if not both:
        return _("  No day holds both sides: log on a day the export covers to compare them.")
    values = {"days": len(both), "noticed": integer(row.noticed), "recorded": integer(row.recorded)}
    ratio = _ratio(row.noticed, row.recorded)
    if ratio is None:
        return ngettext(
            "  In total, on {days} day with both: noticed {noticed}, recorded {recorded}.",
            "  In total, on {days} days with both: noticed {noticed}, recorded {recorded}.",
            len(both),
        ).format(**values)
    return ngettext(
        "  In total, on {days} day with both: noticed {noticed}, recorded {recorded} ({ratio}).",
        "  In total, on {days} days with both: noticed {noticed}, recorded {recorded} ({ratio}).",
        len(both),
    ).format(ratio=ratio, **values)


def sentence(row: TouchpointComparison) -> str | None:
    """The day both sides hold where the export kept the most, said plainly (None without such a day)."""
    both = row.both_days
    if not both:
        return None
    top = max(both, key=lambda d: (d.recorded or 0, d.day))
    return ngettext(
        "You logged {touchpoint} {noticed} time on {day}; the {collector} export records {recorded}.",
        "You logged {touchpoint} {noticed} times on {day}; the {collector} export records {recorded}.",
        top.noticed or 0,
    ).format(
        touchpoint=label(row.touchpoint),
        noticed=integer(top.noticed or 0),
        day=date_span(top.day, top.day),
        collector=_exporters(row),
        recorded=integer(top.recorded or 0),
    )


def _nothing(c: Comparison) -> str:
    if c.imported:
        return _("Nothing to compare, {first} → {last}: no export recorded anything then.").format(
            first=medium_date(c.first), last=medium_date(c.last)
        )
    if c.exports:
        who = c.exports[0]
        return _(
            "Nothing to compare: no export is imported yet. Ask {collector} for theirs (footprint request new {id}), "
            "then import it: footprint import {importer} FILE"
        ).format(collector=who.name.get(current()), id=who.id, importer=who.export.importer if who.export else "")
    return _(
        "Nothing to compare: no export is imported yet. Ask a collector for theirs (footprint collectors names "
        "them), then import it: footprint import FORMAT FILE"
    )


def lines(c: Comparison) -> list[str]:
    """The comparison for the command line: a heading, then per touchpoint its days, total and sentence."""
    if not c.rows:
        return [_nothing(c)]
    span = {"first": medium_date(c.first), "last": medium_date(c.last)}
    out = [_("Noticed against recorded, {first} → {last}:").format(**span)]
    for row in c.rows:
        out.append("")
        head = _("{touchpoint}, recorded by {exporters}:")
        out.append(head.format(touchpoint=label(row.touchpoint), exporters=_exporters(row)))
        out.extend(_day_line(d) for d in row.days)
        out.append(_total_line(row))
        if (said := sentence(row)) is not None:
            out.append(f"  {said}")
    return out


def record(c: Comparison) -> dict[str, Any]:
    """The same facts as JSON (ids, ISO days, raw counts; ``null`` for a side a day does not have)."""
    return {
        "from": c.first.isoformat(),
        "to": c.last.isoformat(),
        "imported": c.imported,
        "exports": [x.export.importer for x in c.exports if x.export],
        "touchpoints": [
            {
                "id": row.touchpoint.id,
                "label": label(row.touchpoint),
                "importers": list(row.importers),
                "collectors": [x.id for x in row.collectors],
                "days_with_both": len(row.both_days),
                "noticed": row.noticed,
                "recorded": row.recorded,
                "ratio": row.ratio,
                "days": [
                    {"day": d.day.isoformat(), "noticed": d.noticed, "recorded": d.recorded, "both": d.both}
                    for d in row.days
                ],
            }
            for row in c.rows
        ],
    }
