"""What every journal exporter is: a name, a file extension, and chunks of text from a ``JournalDump``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from ..domain.journal import DayStatus, Entry, ProfilePeriod


@dataclass(frozen=True)
class JournalDump:
    """Everything an export carries: entries (streamed), day statuses, profile periods, the zone name."""

    entries: Iterable[Entry]
    days: list[DayStatus]
    profile: list[ProfilePeriod]
    timezone: str
    exported_at: str


class Exporter(Protocol):
    name: str
    extension: str

    def export(self, dump: JournalDump) -> Iterator[str]:
        """The file's text, in chunks (a large journal is never held whole in memory)."""
        ...
