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

import os
import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, timedelta, timezone, tzinfo
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
    not_read: tuple[Any, ...] = ()  # every part of the export footprint does not read (importers.NotRead)


def load_mappings(config_dir: Path | None = None) -> dict[str, Any]:
    """``data/mappings/*.toml``: each file's tables, by file name (``google``, ``apps``…); with the user's
    bank layouts (``CONFIG/banks/*.toml``, see the README) under ``bank-layouts``."""
    folder = shipped_dir("data") / "mappings"
    found = {p.stem: read_toml(p) for p in sorted(folder.glob("*.toml"))} if folder.is_dir() else {}
    if config_dir is not None:
        from ..importers.bank import LAYOUTS_KEY
        from ..importers.bank.layouts import read_folder

        user = read_folder(config_dir / "banks", str)
        if user:
            found[LAYOUTS_KEY] = user
    return found


def detect(path: Path, svc: Service | None = None) -> str | None:
    """The source that recognises ``path``, and what it holds when the importer can say (``bank: LCL``);
    with ``svc``, the user's own layouts (bank mapping files) are known too."""
    from ..importers import IMPORTERS, ImportContext
    from ..importers import detect as find

    if not path.exists():
        raise NotFound(N_("{path}: no such file or folder"), path=shown(path))
    imp = find(path)
    ctx = ImportContext(load_mappings(svc.settings.config_dir if svc else None), svc.settings.zone if svc else UTC)
    for candidate in [imp] if imp is not None else IMPORTERS:
        layout_of = getattr(candidate, "layout_of", None)
        layout = layout_of(path, candidate.layouts(ctx)) if layout_of is not None else None
        if layout:
            return f"{candidate.name}: {layout}"
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
        imp = GenericCsv.from_spec(columns, fixed_touchpoint=fixed)
    if not path.exists():
        raise NotFound(N_("{path}: no such file or folder"), path=shown(path))
    first_ok = svc.day_of(since) if since else None
    last_ok = svc.day_of(until) if until else None
    if first_ok and last_ok and first_ok > last_ok:
        raise BadInput(N_("--since {first} is after --until {last}"), first=first_ok, last=last_ok)
    reading = _Reading(svc, imp, path, first_ok, last_ok, progress)
    if strict or dry_run:  # a first pass that writes nothing: --strict refuses the file before any write
        for _ in reading.rows():
            pass
        bad = {k: v for k, v in reading.issues.items() if k not in reading.notices}
        if strict and bad:
            kind, (count, places) = next(iter(bad.items()))
            raise DataFileError(
                N_("{path}: {n} × {kind} (first at {where}); --strict: nothing imported"),
                path=shown(path),
                n=count,
                kind=kind,  # worded when read (a Message or text in the interface's language)
                where=", ".join(places),
            )
        if dry_run:
            return reading.report(0, 0, [f"{tp}: {state}" for tp, state in reading.hints.items()], True)
        reading = _Reading(svc, imp, path, first_ok, last_ok, None)
    # No file name in the undo history: Enedis's carries the meter number, a bank's the account number.
    with svc.journal.bulk(say("importing {source}", source=imp.name), key=_fingerprint(path)) as bulk:
        added = bulk.add_rows(reading.rows())
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
            load_mappings(svc.settings.config_dir),
            svc.settings.zone,
            progress or (lambda n: None),
            svc.settings.now(),
            _resolver(svc),
        )
        self.issues: dict[Message | str, tuple[int, list[str]]] = {}
        self.notices: set[str] = set()
        self.not_read: list[Any] = []
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
        from ..importers import Issue, NotRead, ProfileHint

        if isinstance(record, NotRead):
            self.not_read.append(record)
        elif isinstance(record, Issue):
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

    def rows(self) -> Iterator[tuple[Any, ...]]:
        """The touches of the file with no group (footprint's own export), as rows of ``entries`` (the
        store's ``Entry`` values, made here without an ``Entry``: a journal of millions is read back at the
        cost of its rows), one by one; grouped touches are counted into ``groups`` (see ``merged``). The one
        place where touches become entries."""
        from ..importers import IMPORTERS, Touch

        zone, imp = self.svc.settings.zone, self.imp
        first_ok, last_ok, groups, per_tp = self.first_ok, self.last_ok, self.groups, self.per_tp
        known: set[str] = {tp.id for tp in self.svc.catalog.touchpoints}
        sources = limits.import_sources(i.name for i in IMPORTERS)
        imported = f"import:{imp.name}"
        # quarter hour (UTC) -> (local day, the zone's offset then in minutes, the day's text): every zone
        # offset is a multiple of 15 minutes
        local: dict[int, tuple[date, int, str]] = {}
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
            ts = int(record.at.timestamp())
            here = local.get(ts // 900)
            if here is None:
                at_here = record.at.astimezone(zone)
                day_here = at_here.date()
                offset = at_here.utcoffset()
                here = local[ts // 900] = (day_here, int(offset.total_seconds()) // 60 if offset else 0, str(day_here))
            day = record.day or here[0]
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
                # The instant, shown in the journal's zone; a journal moved from another zone keeps its
                # own days, and the times that go with them.
                if day == here[0]:
                    offset_min, day_text = here[1], here[2]
                else:
                    own = record.at.utcoffset()
                    offset_min, day_text = int(own.total_seconds()) // 60 if own else 0, day.isoformat()
                yield (
                    ts,
                    offset_min,
                    day_text,
                    tp,
                    record.count,
                    record.minutes,
                    record.note,
                    record.reason,
                    record.source or imported,
                    record.source_ref,
                )
                continue
            key = (day, tp, record.group)
            slot = groups.get(key)
            if slot is None:
                groups[key] = [record.count, record.minutes or 0.0, record.at.astimezone(_fixed(here[1]))]
            else:
                slot[0] += record.count
                if record.minutes:
                    slot[1] += record.minutes
                if record.at < slot[2]:
                    slot[2] = record.at.astimezone(_fixed(here[1]))

    def merged(self) -> list[Entry]:
        """One entry per day, touchpoint and group, with the reference that makes a re-import merge."""
        source = f"import:{self.imp.name}"
        return [
            Entry(None, at, day, tp, count, round(minutes, 2) or None, None, None, source, f"{ref}:{day}:{tp}")
            for (day, tp, group), (count, minutes, at) in sorted(self.groups.items(), key=lambda kv: kv[1][2])
            for ref in (_unnumbered(group),)
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
            tuple(self.not_read),
        )


_NUMBER = re.compile(r"\d{6,}")
_LONG_NUMBER = re.compile(r"\d{9,}")


def shown(path: Path) -> str:
    """A path for a message, without a long number in it (a meter's PRM, an account number): a message
    never carries an identifier read from a file's name."""
    return _LONG_NUMBER.sub("…", str(path))


def _unnumbered(group: str) -> str:
    """A group as the reference keeps it, without a long number: a group made of a file's name (the generic
    CSV's) would otherwise bring an account or meter number into the journal."""
    return _NUMBER.sub("#", group) if any(c.isdigit() for c in group) else group


def _fingerprint(path: Path) -> str:
    """What tells one imported file (or folder) from another without naming it: a digest of sizes and first
    bytes, so a rerun after a kill carries on in its own undo step. Never a name: names carry identifiers."""
    import hashlib

    from ..files import is_regular, open_regular

    digest = hashlib.blake2b(digest_size=12)
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if is_regular(p))[:1000]
    for p in files:
        try:
            with open_regular(p) as f:
                digest.update(f"{os.fstat(f.fileno()).st_size}:".encode())
                digest.update(f.read(1 << 16 if p is path else 1 << 12))
        except OSError:
            digest.update(b"?")
    return digest.hexdigest()


_OFFSETS: dict[int, tzinfo] = {}


def _fixed(minutes: int) -> tzinfo:
    """The fixed offset of ``minutes`` east of UTC, shared: an entry stores the instant and this offset."""
    zone = _OFFSETS.get(minutes)
    if zone is None:
        zone = _OFFSETS[minutes] = timezone(timedelta(minutes=minutes))
    return zone


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
