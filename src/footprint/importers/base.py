"""What every importer is, and the records it yields.

An importer reads a file, a folder or a zip and yields ``Touch`` records or ``Issue`` values: a bad record
is reported, never fatal. It never prints, never touches the database, never reads config. Importers
count, they do not copy: a ``Touch`` has no field for content.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from ..domain.journal import DayStatus, ProfilePeriod


@dataclass(frozen=True)
class Touch:
    """One touch read from an export: an aware instant, a touchpoint id, how many, and a stable reference
    (the same record in a later export gives the same ``source_ref``)."""

    at: datetime
    touchpoint: str
    count: int = 1
    minutes: float | None = None
    source_ref: str | None = None
    # Only footprint's own export carries these: a journal moved between machines keeps its words.
    day: date | None = None
    note: str | None = None
    reason: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Issue:
    """A record that could not be read: what kind of problem, and where (never the content)."""

    kind: str
    where: str


Record = Touch | Issue | DayStatus | ProfilePeriod


class Importer(Protocol):
    name: str
    description: str

    def detect(self, path: Path) -> bool:
        """Whether ``path`` looks like this importer's format (cheap: names and first bytes)."""
        ...

    def read(self, path: Path) -> Iterator[Record]:
        """The records of ``path``; raises ``DataFileError`` only when the file as a whole is unreadable."""
        ...
