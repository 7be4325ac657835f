"""Importing exports: run an importer, keep what it counts, write it all in one transaction.

Touches from an export are counted per local day, touchpoint and part of the export (the importer's
``group``) and stored as one entry each with the reference ``GROUP:DAY:TOUCHPOINT``: importing the same
export again, or a newer export that overlaps it, keeps the larger count and adds nothing twice. Nothing
of the content is kept. A process killed mid-way leaves the journal as it was (one transaction), so
running the import again finishes the job.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from ..domain import limits
from ..domain.journal import DayStatus, Entry, ProfilePeriod
from ..errors import BadInput, DataFileError, NotFound
from ..resources import shipped_dir
from . import Service, read_toml

Progress = Callable[[int], None]


class ImportReport(NamedTuple):
    source: str
    read: int  # touches read from the file (within --since/--until)
    added: int  # entries added to the journal
    updated: int  # entries whose count grew (a newer export of a day already imported)
    outside: int  # touches left out by --since/--until
    issues: dict[str, tuple[int, list[str]]]  # kind of problem -> (how many, first locations)
    per_touchpoint: dict[str, int]  # touches counted per touchpoint
    first_day: date | None
    last_day: date | None
    profile: list[str]  # what the export said of the profile ("smart-meter: load-curve")
    dry_run: bool


def load_mappings() -> dict[str, Any]:
    """``data/mappings/*.toml``: each file's tables, by file name (``google``, ``apps``…)."""
    folder = shipped_dir("data") / "mappings"
    return {p.stem: read_toml(p) for p in sorted(folder.glob("*.toml"))} if folder.is_dir() else {}


def detect(path: Path) -> str | None:
    from ..importers import detect as find

    if not path.exists():
        raise NotFound(f"{path}: no such file or folder")
    imp = find(path)
    return imp.name if imp else None


def run(
    svc: Service,
    source: str,
    path: Path,
    dry_run: bool = False,
    strict: bool = False,
    since: str | None = None,
    until: str | None = None,
    progress: Progress | None = None,
    columns: str | None = None,
    touchpoint: str | None = None,
) -> ImportReport:
    """``columns`` and ``touchpoint`` describe a generic CSV (source ``csv``): which column is which."""
    from ..importers import IMPORTERS, ImportContext, Issue, ProfileHint, Touch, importer

    imp = importer(source)
    if columns is not None or touchpoint is not None:
        if source != "csv":
            raise BadInput("--columns and --touchpoint describe a generic CSV: use them with 'footprint import csv'")
        from ..importers.generic_csv import GenericCsv

        fixed = svc.catalog.resolve(touchpoint).id if touchpoint else None
        imp = GenericCsv.from_spec(columns, fixed_touchpoint=fixed, resolve=lambda name: svc.catalog.resolve(name).id)
    if not path.exists():
        raise NotFound(f"{path}: no such file or folder")
    first_ok = svc.day_of(since) if since else None
    last_ok = svc.day_of(until) if until else None
    if first_ok and last_ok and first_ok > last_ok:
        raise BadInput(f"--since {first_ok} is after --until {last_ok}")
    zone = svc.settings.zone
    catalog = svc.catalog
    ctx = ImportContext(load_mappings(), zone, progress or (lambda n: None))
    issues: dict[str, tuple[int, list[str]]] = {}
    notices: set[str] = set()

    def problem(kind: str, where: str) -> None:
        count, places = issues.get(kind, (0, []))
        issues[kind] = (count + 1, places if len(places) >= 3 else [*places, where])

    groups: dict[tuple[date, str, str], list[Any]] = {}  # (day, touchpoint, group) -> [count, minutes, first at]
    exact: list[Entry] = []
    days: list[DayStatus] = []
    periods: list[ProfilePeriod] = []
    hints: dict[str, str | None] = {}
    per_tp: dict[str, int] = {}
    known: set[str] = {tp.id for tp in catalog.touchpoints}
    sources = limits.import_sources(i.name for i in IMPORTERS)
    local_days: dict[int, date] = {}  # quarter hour (UTC) -> local day: every zone offset is a multiple of 15 min
    read = outside = 0
    for record in imp.read(path, ctx):
        if type(record) is not Touch:
            if isinstance(record, Issue):
                problem(record.kind, record.where)
                if record.notice:
                    notices.add(record.kind)
            elif isinstance(record, DayStatus):
                days.append(record)
            elif isinstance(record, ProfileHint):
                hints[record.touchpoint] = record.state
            else:
                periods.append(record)
            continue
        refused = limits.check_touch(record, sources)  # the one gate: what the CLI refuses stays out
        if refused is not None:
            problem(*refused)
            continue
        tp = record.touchpoint
        if tp not in known:
            problem(f"unknown touchpoint {tp!r}", record.source_ref or record.at.isoformat())
            continue
        day = record.day
        if day is None:
            quarter = int(record.at.timestamp()) // 900
            day = local_days.get(quarter)
            if day is None:
                day = local_days[quarter] = record.at.astimezone(zone).date()
        if (first_ok and day < first_ok) or (last_ok and day > last_ok):
            outside += 1
            continue
        read += record.count
        per_tp[tp] = per_tp.get(tp, 0) + record.count
        if record.group is None:
            at = record.at if record.day else record.at.astimezone(zone)
            exact.append(
                Entry(
                    None,
                    at,
                    day,
                    tp,
                    record.count,
                    record.minutes,
                    record.note,
                    record.reason,
                    record.source or f"import:{imp.name}",
                    record.source_ref,
                )
            )
            continue
        key = (day, tp, record.group)
        slot = groups.get(key)
        if slot is None:
            groups[key] = [record.count, record.minutes or 0.0, record.at]
        else:
            slot[0] += record.count
            if record.minutes:
                slot[1] += record.minutes
            if record.at < slot[2]:
                slot[2] = record.at
    bad = {k: v for k, v in issues.items() if k not in notices}
    if strict and bad:
        kind, (count, places) = next(iter(bad.items()))
        raise DataFileError(f"{path}: {count} × {kind} (first at {', '.join(places)}); --strict: nothing imported")
    merged = [
        Entry(
            None, at, day, tp, count, round(minutes, 2) or None, None, None, f"import:{imp.name}", f"{group}:{day}:{tp}"
        )
        for (day, tp, group), (count, minutes, at) in sorted(groups.items(), key=lambda kv: kv[1][2])
    ]
    all_days = [e.day for e in merged] + [e.day for e in exact]
    added = updated = 0
    profile_notes: list[str] = []
    if not dry_run:
        journal = svc.journal
        with journal.atomic():
            if exact:
                added += journal.import_entries(exact, f"import {imp.name} {path.name}")
            if merged:
                a, u = journal.merge_counts(merged, f"import {imp.name} {path.name}")
                added, updated = added + a, updated + u
            if days:
                journal.restore_days(days)
            if periods:
                current = journal.profile()
                new = current + [p for p in periods if p not in current]
                if new != current:
                    journal.replace_profile(new, f"import profile from {path.name}")
            profile_notes = _apply_hints(svc, hints, min(all_days) if all_days else None)
    else:
        profile_notes = [f"{tp}: {state}" for tp, state in hints.items()]
    return ImportReport(
        imp.name,
        read,
        added,
        updated,
        outside,
        issues,
        dict(sorted(per_tp.items(), key=lambda kv: -kv[1])),
        min(all_days) if all_days else None,
        max(all_days) if all_days else None,
        profile_notes,
        dry_run,
    )


def _apply_hints(svc: Service, hints: dict[str, str | None], since: date | None) -> list[str]:
    """Put what the export shows into the profile: the meter with its load curve on, for instance."""
    notes = []
    current = {p.touchpoint: p for p, _ in svc.profile()}
    for tp, state in hints.items():
        period = current.get(tp)
        if period is not None and (state is None or period.state == state or _richer(svc, tp, period.state, state)):
            continue
        start = (since or svc.settings.now().date()).isoformat()
        if period is not None and period.since.isoformat() > start:
            start = period.since.isoformat()
        svc.profile_add([tp], state=state, since=start)
        notes.append(f"{tp}: {state}" if state else tp)
    return notes


def _richer(svc: Service, tp_id: str, current: str | None, seen: str | None) -> bool:
    """Whether the profile's state already captures more than the export shows (a daily-index download
    from a meter that sends its load curve does not mean the load curve was turned off)."""
    tp = svc.catalog.get(tp_id)
    if tp is None:
        return False
    now, other = tp.passive_estimate(current), tp.passive_estimate(seen)
    return now is not None and other is not None and now.value > other.value
