"""What an import did, as people read it: how many touches, over which days, what is new in the journal,
per touchpoint (by name), what was skipped, and which parts of the export footprint does not read. ``footprint import`` prints these lines; the TUI may too.
Also the list of sources ``footprint import sources`` shows."""

from __future__ import annotations

from typing import Any

from ..domain.catalog import Catalog
from ..i18n import Message, _, ngettext
from ..l10n import integer, medium_date
from .catalog import label, name_of


def summary_lines(report: Any, catalog: Catalog) -> list[str]:
    """The summary of an ``ImportReport`` (``services.imports``), one line each, in the language spoken."""
    n, first, last = report.read, report.first_day, report.last_day
    days = {"n": integer(n), "first": medium_date(first), "last": medium_date(last)} if first else {"n": integer(n)}
    one_day = first is not None and first == last
    if one_day:
        days = {"n": integer(n), "day": medium_date(first)}
    if report.dry_run:
        if one_day:
            head = ngettext(
                "Dry run: {n} touch read, on {day}; nothing was written.",
                "Dry run: {n} touches read, on {day}; nothing was written.",
                n,
            )
        elif first:
            head = ngettext(
                "Dry run: {n} touch read, from {first} to {last}; nothing was written.",
                "Dry run: {n} touches read, from {first} to {last}; nothing was written.",
                n,
            )
        else:
            head = ngettext(
                "Dry run: {n} touch read; nothing was written.", "Dry run: {n} touches read; nothing was written.", n
            )
        lines = [head.format(**days)]
    else:
        if one_day:
            head = ngettext(
                "Imported from {source}: {n} touch, on {day}.", "Imported from {source}: {n} touches, on {day}.", n
            )
        elif first:
            head = ngettext(
                "Imported from {source}: {n} touch, from {first} to {last}.",
                "Imported from {source}: {n} touches, from {first} to {last}.",
                n,
            )
        else:
            head = ngettext("Imported from {source}: {n} touch.", "Imported from {source}: {n} touches.", n)
        lines = [head.format(source=report.source, **days)]
        if report.added or report.updated:
            lines.append(
                "  " + _("New entries: {added}; updated: {updated}.").format(
                    added=integer(report.added), updated=integer(report.updated)
                )
            )
        else:
            lines.append("  " + _("Nothing new: the journal already had all of it."))
    names = {tp: name_of(catalog, tp) for tp in report.per_touchpoint}
    width = max((len(name) for name in names.values()), default=0)
    lines += [f"  {names[tp]:<{width}}  {integer(count):>7}" for tp, count in report.per_touchpoint.items()]
    if report.outside:
        lines.append(
            "  "
            + ngettext(
                "{n} touch outside --since/--until was left out.",
                "{n} touches outside --since/--until were left out.",
                report.outside,
            ).format(n=integer(report.outside))
        )
    if report.profile:
        items = ", ".join(_profile_item(item, catalog) for item in report.profile)
        lines.append("  " + _("Profile in the export: {items}").format(items=items))
    return lines + not_read_lines(report)


def _profile_item(item: str, catalog: Catalog) -> str:
    """``smart-meter: load-curve`` (what the export says) as names: « Compteur… (courbe de charge) »."""
    tp_id, _sep, state_id = item.partition(":")
    tp = catalog.get(tp_id.strip())
    if tp is None:
        return item
    chosen = tp.state(state_id.strip()) if state_id else None
    return _("{name} ({state})").format(name=label(tp), state=label(chosen)) if chosen else label(tp)


def skipped_lines(report: Any) -> list[str]:
    """One line per kind of problem the import skipped (for stderr, after ``footprint: ``)."""
    lines = []
    for kind, (count, places) in report.issues.items():
        what = kind.render() if isinstance(kind, Message) else _(kind)
        lines.append(
            ngettext(
                "skipped {n} record: {what} (first at {where})",
                "skipped {n} records: {what} (first at {where})",
                count,
            ).format(n=integer(count), what=what, where=", ".join(places))
        )
    return lines


def not_read_lines(report: Any) -> list[str]:
    """The parts of the export footprint does not read, every one with what it holds: a section of the
    summary (stdout), not a problem: nothing of the export is silently ignored."""
    parts = getattr(report, "not_read", ())
    if not parts:
        return []
    width = max(len(p.part) for p in parts)
    lines = ["  " + ngettext(
        "Not read ({n} part of the export; footprint does not count what it holds):",
        "Not read ({n} parts of the export; footprint does not count what they hold):",
        len(parts),
    ).format(n=integer(len(parts)))]
    return lines + [f"    {p.part:<{width}}  {_held(p.count, p.unit)}" for p in parts]


def _held(count: int | None, unit: str) -> str:
    if count is None:
        return _("could not be counted")
    if unit == "conversation":
        return ngettext("{n} conversation", "{n} conversations", count).format(n=integer(count))
    return ngettext("{n} record", "{n} records", count).format(n=integer(count))


def source_lines(importers: Any) -> list[str]:
    """``footprint import sources``: each format's name (what the command takes) and what it reads."""
    width = max((len(imp.name) for imp in importers), default=0)
    return [f"  {imp.name:<{width}}  {_(imp.description)}" for imp in importers]
