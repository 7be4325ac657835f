"""Noticing what other footprint processes write, without reading the journal.

SQLite's ``PRAGMA data_version`` changes on a connection whenever *another* connection commits to the
database: polling it costs a few microseconds and never scans a table. The TUI's own writes do not change
it; the screens that write refresh themselves.
"""

from __future__ import annotations

from ..services import Service


def journal_version(svc: Service) -> int:
    """A number that changes when another process has written to the journal since the last call."""
    method = getattr(svc.journal, "data_version", None)  # the store method proposed for this (see the report)
    if callable(method):
        return int(method())
    return int(svc.journal._query("PRAGMA data_version")[0][0])
