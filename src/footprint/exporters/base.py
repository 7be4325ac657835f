"""What every journal exporter is: a name, a file extension, and chunks of text from a ``JournalDump``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from ..domain.journal import DayStatus, Entry, ProfilePeriod, Run

if TYPE_CHECKING:
    from ..domain.breaks import Break
    from ..domain.scores import Score


@dataclass(frozen=True)
class JournalDump:
    """Everything a journal holds, as an export carries it: entries (streamed), day statuses, profile
    periods, challenge runs, breaks, scores, the zone name. The undo history is not data: it is left out.

    ``entries_json``, when given, is the same entries already as JSON objects (``records.entry_record``'s
    shape), streamed from the store: the JSON export writes them as they come."""

    entries: Iterable[Entry]
    days: list[DayStatus]
    profile: list[ProfilePeriod]
    timezone: str
    exported_at: str
    runs: Sequence[Run] = ()
    breaks: Sequence[Break] = ()
    scores: Sequence[Score] = ()
    entries_json: Iterable[str] | None = None


class Exporter(Protocol):
    name: str
    extension: str

    def export(self, dump: JournalDump) -> Iterator[str]:
        """The file's text, in chunks (a large journal is never held whole in memory)."""
        ...
