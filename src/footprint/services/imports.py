"""Importing exports: run an importer, keep what it counts, write it in short transactions as one step.

Touches from an export are counted per local day, touchpoint and part of the export (the importer's
``group``) and stored as one entry each with the reference ``GROUP:DAY:TOUCHPOINT``: importing the same
export again, or a newer export that overlaps it, keeps the larger count and adds nothing twice. Nothing
of the content is kept.

The journal is written while the file is read, in transactions of at most half a second (see
``store/bulk.py``), so a long import never keeps another writer waiting beyond its busy timeout. The whole
import is still one step of ``undo``. A file found malformed half-way, or an interrupted import, is undone
before the error is reported; a process killed mid-way leaves the chunks already written, and running the
same import again finishes the job without adding anything twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from ..domain import limits
from ..domain.journal import DayStatus, Entry, ProfilePeriod
from ..errors import BadInput, DataFileError, NotFound
from ..i18n import N_, Message, say
from ..resources import shipped_dir
from . import Service, read_toml

Progress = Callable[[int], None]


class ImportReport(NamedTuple):
    source: str
    read: int  # touches read from the file (within --since/--until)
    added: int  # entries added to the journal
    updated: int  # entries whose count grew (a newer export of a day already imported)
    outside: int  # touches left out by --since/--until
    issues: dict[Message | str, tuple[int, list[str]]]  # kind of problem (worded when shown) -> (count, places)
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
        raise NotFound(N_("{path}: no such file or folder"), path=path)
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
    from ..importers import importer

    imp = importer(source)
    if columns is not None or touchpoint is not None:
        if source != "csv":
            raise BadInput(
                N_("--columns and --touchpoint describe a generic CSV: use them with 'footprint import csv'")
            )
        from ..importers.generic_csv import GenericCsv

        fixed = svc.catalog.resolve(touchpoint).id if touchpoint else None
        imp = GenericCsv.from_spec(columns, fixed_touchpoint=fixed, resolve=lambda name: svc.catalog.resolve(name).id)
    if not path.exists():
        raise NotFound(N_("{path}: no such file or folder"), path=path)
    first_ok = svc.day_of(since) if since else None
    last_ok = svc.day_of(until) if until else None
    if first_ok and last_ok and first_ok > last_ok:
        raise BadInput(N_("--since {first} is after --until {last}"), first=first_ok, last=last_ok)
    reading = _Reading(svc, imp, path, first_ok, last_ok, progress)
    if strict or dry_run:  # a first pass that writes nothing: --strict refuses the file before any write
        for _ in reading.entries():
            pass
        bad = {k: v for k, v in reading.issues.items() if k not in reading.notices}
        if strict and bad:
            kind, (count, places) = next(iter(bad.items()))
            raise DataFileError(
                N_("{path}: {n} × {kind} (first at {places}); --strict: nothing imported"),
                path=path,
                n=count,
                kind=kind,
                places=", ".join(places),
            )
        if dry_run:
            return reading.report(0, 0, [f"{tp}: {state}" for tp, state in reading.hints.items()], True)
        reading = _Reading(svc, imp, path, first_ok, last_ok, None)
    with svc.journal.bulk(say("importing {file} ({source})", file=path.name, source=imp.name)) as bulk:
        added = bulk.add_entries(reading.entries())
        added_merged, updated = bulk.merge_counts(reading.merged())
        bulk.restore(reading.days, reading.periods, reading.runs, reading.breaks, reading.scores)
    profile_notes = _apply_hints(svc, reading.hints, reading.first_day)
    return reading.report(added + added_merged, updated, profile_notes, False)


def _resolver(svc: Service) -> Callable[[str], str]:
    """A name to the id of a touchpoint of the journal's catalog (the user's own ones too), "" if unknown."""

    def resolve(name: str) -> str:
        try:
            return svc.catalog.resolve(name).id
        except (BadInput, NotFound):
            return ""

    return resolve


class _Reading:
    """One pass over an export: the touches become entries (streamed to the journal), the rest is kept
    for the end (day statuses, profile, runs, breaks, scores: small), with what went wrong."""

    def __init__(
        self, svc: Service, imp: Any, path: Path, first_ok: date | None, last_ok: date | None, progress: Progress | None
    ) -> None:
        from ..importers import ImportContext

        self.svc, self.imp, self.path, self.first_ok, self.last_ok = svc, imp, path, first_ok, last_ok
        self.ctx = ImportContext(
            load_mappings(), svc.settings.zone, progress or (lambda n: None), svc.settings.now(), _resolver(svc)
        )
        self.issues: dict[Message | str, tuple[int, list[str]]] = {}
        self.notices: set[str] = set()
        self.groups: dict[tuple[date, str, str], list[Any]] = {}  # (day, tp, group) -> [count, minutes, first at]
        self.days: list[DayStatus] = []
        self.periods: list[ProfilePeriod] = []
        self.runs: list[Any] = []
        self.breaks: list[Any] = []
        self.scores: list[Any] = []
        self.hints: dict[str, str | None] = {}
        self.per_tp: dict[str, int] = {}
        self.first_day: date | None = None
        self.last_day: date | None = None
        self.read = self.outside = 0

    def problem(self, kind: Message | str, where: str) -> None:
        count, places = self.issues.get(kind, (0, []))
        self.issues[kind] = (count + 1, places if len(places) >= 3 else [*places, where])

    def _other(self, record: Any) -> None:
        from ..domain.journal import Run
        from ..importers import Issue, ProfileHint

        if isinstance(record, Issue):
            self.problem(record.kind, record.where)
            if record.notice:
                self.notices.add(record.kind)
        elif isinstance(record, DayStatus):
            self.days.append(record)
        elif isinstance(record, ProfileHint):
            self.hints[record.touchpoint] = record.state
        elif isinstance(record, ProfilePeriod):
            self.periods.append(record)
        elif isinstance(record, Run):
            self.runs.append(record)
        elif hasattr(record, "scope"):
            self.breaks.append(record)
        else:
            self.scores.append(record)

    def entries(self) -> Iterator[Entry]:
        """The touches of the file with no group (footprint's own export), as entries, one by one; grouped
        touches are counted into ``groups`` (see ``merged``). The one place where touches become entries."""
        from ..importers import IMPORTERS, Touch

        zone, imp = self.svc.settings.zone, self.imp
        first_ok, last_ok, groups, per_tp = self.first_ok, self.last_ok, self.groups, self.per_tp
        known: set[str] = {tp.id for tp in self.svc.catalog.touchpoints}
        sources = limits.import_sources(i.name for i in IMPORTERS)
        local_days: dict[int, date] = {}  # quarter hour (UTC) -> local day: every zone offset is a multiple of 15 min
        for record in imp.read(self.path, self.ctx):
            if type(record) is not Touch:
                self._other(record)
                continue
            refused = limits.check_touch(record, sources)  # the one gate: what the CLI refuses stays out
            if refused is not None:
                self.problem(*refused)
                continue
            tp = record.touchpoint
            if tp not in known:
                self.problem(say("unknown touchpoint '{id}'", id=tp), record.source_ref or record.at.isoformat())
                continue
            day = record.day
            if day is None:
                quarter = int(record.at.timestamp()) // 900
                day = local_days.get(quarter)
                if day is None:
                    day = local_days[quarter] = record.at.astimezone(zone).date()
            if (first_ok and day < first_ok) or (last_ok and day > last_ok):
                self.outside += 1
                continue
            self.read += record.count
            per_tp[tp] = per_tp.get(tp, 0) + record.count
            if self.first_day is None or day < self.first_day:
                self.first_day = day
            if self.last_day is None or day > self.last_day:
                self.last_day = day
            if record.group is None:
                at = record.at if record.day else record.at.astimezone(zone)
                source = record.source or f"import:{imp.name}"
                yield Entry(
                    None,
                    at,
                    day,
                    tp,
                    record.count,
                    record.minutes,
                    record.note,
                    record.reason,
                    source,
                    record.source_ref,
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

    def merged(self) -> list[Entry]:
        """One entry per day, touchpoint and group, with the reference that makes a re-import merge."""
        source = f"import:{self.imp.name}"
        return [
            Entry(None, at, day, tp, count, round(minutes, 2) or None, None, None, source, f"{group}:{day}:{tp}")
            for (day, tp, group), (count, minutes, at) in sorted(self.groups.items(), key=lambda kv: kv[1][2])
        ]

    def report(self, added: int, updated: int, profile: list[str], dry_run: bool) -> ImportReport:
        return ImportReport(
            self.imp.name,
            self.read,
            added,
            updated,
            self.outside,
            self.issues,
            dict(sorted(self.per_tp.items(), key=lambda kv: -kv[1])),
            self.first_day,
            self.last_day,
            profile,
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
