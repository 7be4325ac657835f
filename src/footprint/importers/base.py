"""What every importer is, and the records it yields.

An importer reads a file, a folder or a zip and yields ``Touch`` records, ``Issue`` values (a bad record
is reported, never fatal) and ``NotRead`` parts. It never prints, never touches the database, never reads config. Importers
count, they do not copy: a ``Touch`` has no field for content.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from ..domain.journal import DayStatus, ProfilePeriod
from .toolkit.dates import Window


class Touch(NamedTuple):
    """One touch read from an export: an aware instant (UTC is fine: the journal's zone decides the day),
    a touchpoint id, how many, how many minutes.

    ``group`` names the part of the export it came from (``"Search"``, ``"tweets"``, ``"window"``): the
    service counts touches per local day, touchpoint and group, and stores one entry for each with a stable
    reference, so importing the same export again, or a newer one that overlaps it, adds nothing twice.
    A touch without a group (footprint's own export) is stored as it is.

    A NamedTuple, not a frozen dataclass: a big export makes millions of them, and building one costs
    ~0.5 µs instead of ~3.6 µs (measured)."""

    at: datetime
    touchpoint: str
    count: int = 1
    minutes: float | None = None
    source_ref: str | None = None
    group: str | None = None
    # Only footprint's own export carries these: a journal moved between machines keeps its words.
    day: date | None = None
    note: str | None = None
    reason: str | None = None
    source: str | None = None


class Issue(NamedTuple):
    """A record that could not be read: what kind of problem, and where (never the content).

    A ``notice`` says something true about the export that is not a broken record (Twitter's likes have
    no dates): it is reported, but ``--strict`` does not refuse the import for it."""

    kind: str
    where: str
    notice: bool = False


class NotRead(NamedTuple):
    """A part of the export footprint does not read (``data/follower.js``, ``messages/``), and how many
    items it holds (``None``: it could not be counted). Reported in the import summary, every one of them,
    so nothing is silently ignored; never a problem, so ``--strict`` does not refuse the import for it.
    ``unit`` says what is counted: ``record`` (an item of a list, a row of a table) or ``conversation``
    (message threads are counted, never named: their folders carry people's names)."""

    part: str
    count: int | None
    unit: str = "record"


class ProfileHint(NamedTuple):
    """What an export shows about the profile, e.g. the smart meter sends its load curve (``state``)."""

    touchpoint: str
    state: str | None = None


Record = Touch | Issue | NotRead | DayStatus | ProfilePeriod | ProfileHint


@dataclass(frozen=True)
class ImportContext:
    """What an importer may use: the mapping tables of ``data/mappings/NAME.toml`` (services, apps and
    package ids to touchpoints: data, not code), the journal's zone for exports that carry local times
    without an offset, a callback to report how many bytes it has read (for the progress bar), the
    present (``now``: an importer never reads the clock; it bounds the plausible dates, see ``window``),
    and ``resolve``: a name (id or alias) to the id of a touchpoint of the user's catalog, their own
    touchpoints included ("" when unknown; an importer never reads the catalog or the config itself)."""

    mappings: Mapping[str, Any]
    zone: tzinfo
    progress: Callable[[int], None] = field(default=lambda n: None)
    now: datetime | None = None
    resolve: Callable[[str], str] | None = None

    def table(self, name: str) -> Mapping[str, Any]:
        table = self.mappings.get(name, {})
        return table if isinstance(table, Mapping) else {}

    def window(self, founded: datetime | None = None) -> Window:
        """The instants an export may hold: from ``founded`` (or 1970) to ``now`` and a day of slack."""
        return Window.until(self.now, founded)


class Importer(Protocol):
    name: str
    description: str

    def detect(self, path: Path) -> bool:
        """Whether ``path`` (a file, a folder or a zip) looks like this importer's format (cheap: names and
        first bytes)."""
        ...

    def read(self, path: Path, ctx: ImportContext) -> Iterator[Record]:
        """The records of ``path``; raises ``DataFileError`` only when the file as a whole is unreadable
        (wrong format, truncated archive, wrong encoding). A bad record is an ``Issue``, never an error."""
        ...
