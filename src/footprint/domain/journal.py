"""Journal records as plain values: touches (entries), profile periods, day status.

An entry's ``day`` is the local date it belongs to, fixed when it is written from the journal's
timezone; ``at`` keeps the instant with the offset that was in force.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

REASONS = ("unavoidable", "chosen", "forgot")


class Entry(NamedTuple):
    """One touch: when, which touchpoint, how many times or minutes, and where it came from."""

    id: int | None
    at: datetime
    day: date
    touchpoint: str
    count: int = 1
    minutes: float | None = None
    note: str | None = None
    reason: str | None = None
    source: str = "cli"
    source_ref: str | None = None


class ProfilePeriod(NamedTuple):
    """A touchpoint the person owns or lives with, from ``since`` to ``until`` (open when None), in a state."""

    touchpoint: str
    since: date
    until: date | None = None
    state: str | None = None

    def covers(self, day: date) -> bool:
        return self.since <= day and (self.until is None or day <= self.until)


class DayStatus(NamedTuple):
    """Whether a day was marked as fully logged. An unclosed day with no entries is "not logged",
    never a perfect day; a closed day with no entries is a real zero."""

    day: date
    closed: bool
    closed_at: datetime | None = None


class Run(NamedTuple):
    """One person taking one challenge. ``rules`` is the challenge file's content when the run started,
    so the verdict keeps judging by the rules that were taken even if the file changes later."""

    id: int | None
    challenge: str
    start: datetime
    planned_end: datetime
    status: str  # active, finished, abandoned
    rules: dict
    name: str | None = None
    pseudonym: str | None = None
    ended: datetime | None = None

    @property
    def end(self) -> datetime:
        return self.ended or self.planned_end
