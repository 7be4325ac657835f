"""Use cases: the Python API that the CLI and the TUI both call (log a touch, show a day, edit the profile…).

A ``Footprint`` service holds the settings, loads the catalog on first use and opens the journal on first
use. It validates input with the same rules and messages for every shell, and raises ``FootprintError``s.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ..domain import limits
from ..domain.catalog import Catalog, Text, Touchpoint, parse_catalog
from ..domain.footprint import Footprint, entry_captures, footprint, usage_of
from ..domain.journal import DayStatus, Entry, ProfilePeriod
from ..errors import BadInput, DataFileError, NotFound
from ..i18n import N_, Message, nsay, psay, say
from ..resources import shipped_dir
from ..settings import Settings
from ..store import Journal
from .listing import ListFilter, narrowed

if TYPE_CHECKING:
    from ..exporters import JournalDump

FUTURE_SLACK = timedelta(minutes=5)


def moment(at: datetime) -> Message:
    """An instant as a message says it: « 20 nov. 2026 à 08:10 », "20 Nov 2026 at 08:10"."""
    from .. import l10n

    return psay("moment", "{day} at {time}", day=l10n.medium_date(at.date()), time=l10n.clock(at))


def labels(tps: Iterable[Touchpoint], suffix: str = "") -> Text:
    """Touchpoints by their labels, in every language (an undo step is worded in the language of its undo)."""
    tps = list(tps)
    return Text(*(", ".join(getattr(tp.label, lang) + suffix for tp in tps) for lang in Text._fields))


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file as a mapping; a syntax error names the file and the line. Only a regular file is read
    (a FIFO or a link to a device among the user's files would hang footprint or feed it endless bytes)."""
    import tomllib  # only when the catalog cache is stale, or for challenge files

    from ..files import open_regular

    try:
        with open_regular(path) as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(N_("{path}: not valid TOML ({error})"), path=path, error=_toml_error(exc)) from None
    except UnicodeDecodeError:
        raise DataFileError(N_("{path}: not UTF-8 text"), path=path) from None
    except RecursionError:
        raise DataFileError(N_("{path}: not valid TOML (nested too deeply)"), path=path) from None
    except OSError as exc:
        from ..files import os_reason

        raise DataFileError(N_("{path}: cannot read ({reason})"), path=path, reason=os_reason(exc)) from None


def _toml_error(exc: Exception) -> Message | str:
    """Where the TOML reader stopped (tomllib says it in English: "Invalid value (at line 3, column 7)"),
    as a message; the reader's own words when it gives no position."""
    import re

    found = re.search(r"at line (\d+), column (\d+)", str(exc))
    if found is None:
        return str(exc)
    return say("line {line}, column {column}", line=int(found[1]), column=int(found[2]))


def toml_files(folder: Path) -> list[Path]:
    """The ``*.toml`` files of a folder in name order (none when it does not exist); a folder the user
    cannot read is said in one line, not a crash."""
    try:
        if not folder.is_dir():
            return []
        names = os.listdir(folder)  # not Path.glob: it finds nothing, silently, in an unreadable folder
    except OSError as exc:
        from ..files import os_reason

        raise DataFileError(N_("{path}: cannot read ({reason})"), path=folder, reason=os_reason(exc)) from None
    return sorted(folder / n for n in names if n.endswith(".toml") and not n.startswith("."))


def catalog_files(config_dir: Path) -> list[Path]:
    """The shipped catalog, then the user's ``touchpoints/*.toml`` in name order."""
    return [shipped_dir("data") / "catalog.toml", *toml_files(config_dir / "touchpoints")]


def load_catalog(config_dir: Path, cache_dir: Path | None = None) -> Catalog:
    """The merged, validated catalog. Parsing and validating the TOML costs ~15 ms, too much for every
    ``footprint log``, so the validated result is cached, keyed by each file's path, size and mtime."""
    files = catalog_files(config_dir)
    if cache_dir is None:
        return parse_catalog((str(p), read_toml(p)) for p in files)
    from .. import cache

    return cache.cached_catalog(cache_dir, files, lambda: parse_catalog((str(p), read_toml(p)) for p in files))


class Logged(NamedTuple):
    entries: tuple[Entry, ...]
    captures: float
    closed: bool = False  # the day logged on was closed: the touch is stored, and the day stays closed


class DayClosing(NamedTuple):
    day: date
    changed: bool  # False: the day already was closed (or open); nothing was written


class DayView(NamedTuple):
    day: date
    status: DayStatus
    entries: tuple[Entry, ...]
    footprint: Footprint
    profile: tuple[ProfilePeriod, ...]
    unclosed_yesterday: date | None = None  # shown today only, when the journal already held that day

    @property
    def logged(self) -> bool:
        """False for a day with no entries that was never closed: "not logged", not a perfect day."""
        return self.status.closed or bool(self.entries)


def _journal_zone_name(settings: Settings) -> str:
    return getattr(settings.zone, "key", None) or str(settings.zone)


class Service:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @cached_property
    def catalog(self) -> Catalog:
        return load_catalog(self.settings.config_dir, self.settings.cache_dir)

    @cached_property
    def journal(self) -> Journal:
        # A journal path the user gave must be in a folder that exists; the default one's are created.
        return Journal(self.settings.db_path, make_folder=not self.settings.db_given, zone=self.settings.zone)

    def close(self) -> None:
        if "journal" in self.__dict__:
            self.journal.close()
            del self.__dict__["journal"]

    # --- reading what people type -------------------------------------------------------------------

    def when(self, text: str | None) -> datetime:
        now = self.settings.now()
        if text is None:
            return now
        from ..domain.when import parse_when  # only when a date was typed

        return parse_when(text, now)

    def day_of(self, text: str | None) -> date:
        now = self.settings.now()
        if text is None:
            return now.date()
        from ..domain.when import parse_day

        return parse_day(text, now)

    def touchpoints(self, names: Iterable[str]) -> list[Touchpoint]:
        return [self.catalog.resolve(n) for n in names]

    def check_entry(self, count: int | None, minutes: float | None, note: str | None, reason: str | None) -> None:
        """The bounds of a typed touch (``domain/limits.py``): NaN, infinities and huge numbers are refused."""
        if count is not None:
            limits.check_count(count)
        if minutes is not None:
            limits.check_minutes(minutes)
        if note is not None:
            limits.check_note(note)
        if reason is not None:
            limits.check_reason(reason)

    def check_not_future(self, at: datetime) -> None:
        if at > self.settings.now() + FUTURE_SLACK:
            raise BadInput(N_("{when} is in the future: log what has already happened"), when=moment(at))

    # --- touches ------------------------------------------------------------------------------------

    def log(
        self,
        names: Sequence[str],
        at: str | None = None,
        count: int = 1,
        minutes: float | None = None,
        note: str | None = None,
        reason: str | None = None,
        source: str = "cli",
    ) -> Logged:
        """Log one touch of each named touchpoint, as one undoable step."""
        if not names:
            raise BadInput(N_("name at least one touchpoint, such as 'footprint log smartphone'"))
        self.check_entry(count, minutes, note, reason)
        tps = self.touchpoints(names)
        instant = self.when(at)
        self.check_not_future(instant)
        note = note.strip() or None if note is not None else None
        entries = [Entry(None, instant, instant.date(), tp.id, count, minutes, note, reason, source) for tp in tps]
        stored = self.journal.add_entries(entries, say("logging {names}", names=labels(tps, f" ×{count}")))
        closed = self.journal.day_status(instant.date()).closed
        return Logged(tuple(stored), sum(entry_captures(e, self.catalog) for e in stored), closed)

    def entry(self, entry_id: int) -> Entry:
        found = self.journal.entry(entry_id)
        if found is None:
            raise NotFound(N_("no entry #{id} (see 'footprint list')"), id=entry_id)
        return found

    def edit(
        self,
        entry_id: int,
        at: str | None = None,
        touchpoint: str | None = None,
        count: int | None = None,
        minutes: float | None = None,
        note: str | None = None,
        reason: str | None = None,
    ) -> Entry:
        """Change the given fields of one entry; an empty note or reason ("") clears it. Values it already has
        change nothing (and leave no undo step)."""
        old = self.entry(entry_id)
        self.check_entry(count, minutes, note, reason or None)
        changes: dict[str, Any] = {}
        if at is not None:
            instant = self.when(at)
            self.check_not_future(instant)
            changes.update(at=instant, day=instant.date())
        if touchpoint is not None:
            changes["touchpoint"] = self.catalog.resolve(touchpoint).id
        if count is not None:
            changes["count"] = count
        if minutes is not None:
            changes["minutes"] = minutes
        if note is not None:
            changes["note"] = note.strip() or None
        if reason is not None:
            changes["reason"] = reason or None
        if not changes:
            raise BadInput(N_("nothing to change: give --at, --touchpoint, --count, --minutes, --note or --reason"))
        new = old._replace(**changes)
        self.journal.update_entry(new, say("editing entry #{id}", id=entry_id))
        return new

    def remove(self, entry_ids: Sequence[int]) -> list[Entry]:
        entries = [self.entry(i) for i in dict.fromkeys(entry_ids)]
        ids = ", ".join(f"#{e.id}" for e in entries)
        summary = nsay("removing entry {ids}", "removing entries {ids}", len(entries), ids=ids)
        self.journal.delete_entries(entries, summary)
        return entries

    def undo(self) -> Message | str | None:
        """The summary of the step undone (worded when shown), or None when there was nothing to undo."""
        return self.journal.undo()

    def entries(
        self,
        start: str | None = None,
        end: str | None = None,
        touchpoint: str | None = None,
        which: ListFilter | None = None,
    ) -> Iterator[Entry]:
        """Entries between two days, optionally of one touchpoint and narrowed by ``which`` (checked here,
        applied in SQL so the list still streams)."""
        first = self.day_of(start) if start else None
        last = self.day_of(end) if end else None
        if first and last and first > last:
            raise BadInput(N_("--from {first} is after --to {last}"), first=first, last=last)
        tps = [self.catalog.resolve(touchpoint).id] if touchpoint else None
        if which is None:
            return self.journal.entries(first, last, tps)
        tps, narrow = narrowed(self.catalog, tps, which)
        return self.journal.entries(first, last, tps, narrow)

    # --- days ---------------------------------------------------------------------------------------

    def profile_on(self, day: date) -> tuple[ProfilePeriod, ...]:
        return tuple(p for p in self.journal.profile() if p.covers(day))

    def day(self, when: str | None = None) -> DayView:
        day = self.day_of(when)
        entries = tuple(self.journal.entries_on(day))
        profile = self.profile_on(day)
        fp = footprint(usage_of(entries), profile, self.catalog)
        return DayView(day, self.journal.day_status(day), entries, fp, profile, self.unclosed_yesterday(day))

    def unclosed_yesterday(self, day: date) -> date | None:
        """Yesterday, when ``day`` is today and yesterday is not closed, but the journal had begun by then
        (a new journal is not told to close a day it never knew)."""
        if day != self.settings.now().date():
            return None
        yesterday = day - timedelta(days=1)
        if self.journal.day_status(yesterday).closed:
            return None
        first = self.journal.first_day()
        return yesterday if first is not None and first <= yesterday else None

    def footprint_between(self, first: date, last: date) -> dict[date, Footprint]:
        """The footprint of every day from ``first`` to ``last``, from one grouped query."""
        usage = self.journal.usage_by_day(first, last)
        periods = self.journal.profile()
        out: dict[date, Footprint] = {}
        day = first
        while day <= last:
            out[day] = footprint(usage.get(day, {}), [p for p in periods if p.covers(day)], self.catalog)
            day += timedelta(days=1)
        return out

    def set_closed(self, when: str | None, closed: bool) -> DayClosing:
        """Close or reopen a day; one that already is so is left alone (no undo step)."""
        day = self.day_of(when)
        if day > self.settings.now().date():
            raise BadInput(N_("{day} has not happened yet"), day=day)
        summary = say("closing {day}", day=day.isoformat()) if closed else say("reopening {day}", day=day.isoformat())
        return DayClosing(day, self.journal.set_closed(day, closed, self.settings.now(), summary))

    # --- profile ------------------------------------------------------------------------------------

    def profile(self) -> list[tuple[ProfilePeriod, Touchpoint | None]]:
        """The current profile (open periods), with each touchpoint (None if the catalog lost it)."""
        return [(p, self.catalog.get(p.touchpoint)) for p in self.journal.profile() if p.until is None]

    def _state_of(self, tp: Touchpoint, state: str | None) -> str | None:
        if state is None:
            return tp.default_state
        if not tp.states:
            raise BadInput(N_("{name} has no states to choose from"), name=tp.label)
        if tp.state(state) is None:
            raise BadInput(
                N_("{name} has no state '{state}': use one of {states}"),
                name=tp.label,
                state=limits.shown(state),
                states=", ".join(s.id for s in tp.states),
            )
        return state

    def profile_add(self, names: Sequence[str], state: str | None = None, since: str | None = None) -> list[Touchpoint]:
        """Add touchpoints to the profile from ``since`` (default today); re-adding one changes its state.

        Returns the touchpoints that changed: one already in the profile, in that state, since that day or
        earlier, is left alone (and when all are, nothing is written, not even an undo step)."""
        tps = list({tp.id: tp for tp in self.touchpoints(names)}.values())
        start = self.day_of(since)
        periods = self.journal.profile()
        changed = []
        for tp in tps:
            chosen = self._state_of(tp, state)
            if any(
                p.touchpoint == tp.id and p.until is None and p.state == chosen and p.since <= start for p in periods
            ):
                continue
            periods = _close_period(periods, tp.id, start - timedelta(days=1))
            periods.append(ProfilePeriod(tp.id, start, None, chosen))
            changed.append(tp)
        if changed:
            self.journal.replace_profile(periods, say("adding {names} to the profile", names=labels(changed)))
        return changed

    def profile_remove(self, names: Sequence[str], until: str | None = None) -> list[Touchpoint]:
        """Take touchpoints out of the profile; their past days keep counting their passive captures."""
        tps = self.touchpoints(names)
        current = {p.touchpoint for p, _ in self.profile()}
        for tp in tps:
            if tp.id not in current:
                raise NotFound(N_("{name} is not in the profile"), name=tp.label)
        last = self.day_of(until) if until else self.settings.now().date() - timedelta(days=1)
        periods = self.journal.profile()
        for tp in tps:
            periods = _close_period(periods, tp.id, last)
        self.journal.replace_profile(periods, say("removing {names} from the profile", names=labels(tps)))
        return tps

    # --- moving the journal in and out --------------------------------------------------------------

    def dump(self) -> JournalDump:
        from ..exporters import JournalDump

        journal = self.journal
        return JournalDump(
            entries=journal.entries(),
            days=journal.all_days(),
            profile=journal.profile(),
            timezone=_journal_zone_name(self.settings),
            exported_at=self.settings.now().isoformat(timespec="seconds"),
            runs=journal.runs(),
            breaks=journal.breaks(),
            scores=journal.scores(),
            entries_json=journal.entries_json(),
        )


def _close_period(periods: list[ProfilePeriod], touchpoint: str, last: date) -> list[ProfilePeriod]:
    """End the open period of ``touchpoint`` on ``last``; a period that would end before it began goes."""
    out = []
    for p in periods:
        if p.touchpoint == touchpoint and p.until is None:
            if last < p.since:
                continue
            p = p._replace(until=last)
        out.append(p)
    return out
