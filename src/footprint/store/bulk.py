"""Writing one import into the journal in short transactions, recorded as one undoable step.

A big import must never hold the write lock longer than another writer waits for it (the busy timeout,
5 s): a ``footprint log`` beside it would fail, the TUI would freeze. So rows are written in chunks, each in
its own ``BEGIN IMMEDIATE`` transaction of at most ``TX_SECONDS``. Between two of them the lock is free while
the next chunk is read from the file, and at least about as long as the last transaction took (up to
``GAP_SECONDS``): a waiting writer's busy handler looks again every 100 ms at most, so every waiter gets in.

Each transaction also updates the import's one record in the undo history (``ops``): the id ranges it
added, the rows it changed, the runs, breaks, scores, days and profile it restored. ``undo`` reverses the
whole import at once. The record stays *open* until the last chunk; a rerun of the same import after a kill
finds it open and carries on in it, and adds nothing twice (every write is idempotent: references are
unique, typed touches are counted, runs/breaks/scores are compared with what is there). Inside a caller's
transaction (``Journal.atomic``) everything is written in that one transaction.

The roll-up ``day_usage`` is kept by a trigger per inserted row. For a chunk of thousands of rows it is
faster to lift that trigger inside the transaction and recount the chunk's days with one grouped insert
(half the insert's CPU time, measured on 100,000 rows; other connections never see the trigger missing:
the DDL is part of the same transaction, and the trigger's own SQL is put back as it was).
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ..domain.journal import DayStatus, Entry, ProfilePeriod, Run
from ..errors import StorageError
from ..i18n import Message
from .summary import stored
from .journal import _entry_values as entry_values  # one way to turn an entry into a row

if TYPE_CHECKING:
    from ..domain.breaks import Break
    from ..domain.scores import Score
    from .journal import Journal

TX_SECONDS = 0.5  # the longest a chunk holds the write lock
GAP_SECONDS = 0.12  # the pause after a long transaction (> the busy handler's longest sleep, 100 ms)
CHUNK = 10_000  # rows read before a chunk is written (bounded memory; reading them is the natural gap)
STEP = 2_000  # rows per executemany, between two looks at the clock
CACHE_KIB = -12_288  # the page cache while importing: 12 MB (SQLite's default is 2 MB)
ROLLUP_TRIGGER = "day_usage_insert"
_INSERT = (
    "INSERT OR IGNORE INTO entries (id, ts, utc_offset, day, touchpoint, count, minutes, note, reason, source, "
    "source_ref) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


class BulkImport:
    """One import's writes. Use as a context manager; on an exception what was written is undone."""

    def __init__(self, journal: Journal, summary: Message | str, action: str = "import") -> None:
        self.journal, self.conn, self.summary, self.action = journal, journal.conn, stored(summary), action
        self.nested = self.conn.in_transaction
        self.op_id: int | None = None
        self.payload: dict[str, Any] = {"open": True, "spans": [], "before": []}
        self._t0 = 0.0
        self._last_commit = 0.0
        self._last_tx = 0.0
        self._days: set[str] = set()  # days whose roll-up this transaction must recount
        self._trigger: str | None = None
        self.added = self.updated = 0

    # --- transactions -------------------------------------------------------------------------------

    def __enter__(self) -> BulkImport:
        # A bigger page cache for the import's B-tree inserts (~30% less CPU measured at 100k rows), given
        # back at the end: the connection may live on (the TUI, a test).
        self._cache = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        self.conn.execute(f"PRAGMA cache_size = {CACHE_KIB}")
        return self

    def __exit__(self, kind: type | None, exc: BaseException | None, tb: object) -> None:
        try:
            self._finish(kind)
        finally:
            self.conn.execute(f"PRAGMA cache_size = {int(self._cache)}")

    def _finish(self, kind: type | None) -> None:
        if kind is None:
            self._close()
            return
        if self.conn.in_transaction and not self.nested:
            self.conn.execute("ROLLBACK")
        if self.op_id is not None and not self.nested:
            try:
                self.journal.undo_op(self.op_id)  # a malformed file or Ctrl-C: the journal as it was
            except StorageError:
                pass  # the step stays open: running the same import again finishes it

    def _close(self) -> None:
        """The last transaction: the step is complete (or, when the import changed nothing, not kept)."""
        if self.op_id is None:
            return
        self.payload["open"] = False
        with self._tx():
            p = self.payload
            if not (p["spans"] or p["before"] or any(k not in ("open", "spans", "before") for k in p)):
                self.conn.execute("DELETE FROM ops WHERE id = ?", (self.op_id,))

    def _begin(self) -> None:
        # A writer that started waiting during our last transaction sleeps at most about 1.5 times as long
        # as it has waited (SQLite's busy handler: 1, 2, 5, 10… 100 ms): a pause that long lets it in.
        pause = min(GAP_SECONDS, 1.5 * self._last_tx + 0.002)
        wait = pause - (time.monotonic() - self._last_commit)
        if not self.nested:
            if wait > 0 and self._last_commit:
                time.sleep(wait)
            self.conn.execute("BEGIN IMMEDIATE")
        self._t0 = time.monotonic()
        if self.op_id is None:
            self._open_op()

    def _commit(self) -> None:
        self._recount()
        self.conn.execute("UPDATE ops SET payload = ? WHERE id = ?", (json.dumps(self.payload), self.op_id))
        if not self.nested:
            self.conn.execute("COMMIT")
            self._last_commit = time.monotonic()
            self._last_tx = self._last_commit - self._t0

    @contextmanager
    def _tx(self) -> Iterator[None]:
        """One transaction; an exception leaves it open for ``__exit__`` to roll back."""
        self._begin()
        yield
        self._commit()

    def _over_budget(self) -> bool:
        return time.monotonic() - self._t0 > TX_SECONDS and not self.nested

    def _open_op(self) -> None:
        """Carry on in the newest step when it is this same import left open by a killed process."""
        row = self.conn.execute("SELECT id, action, summary, payload FROM ops ORDER BY id DESC LIMIT 1").fetchone()
        if row and row[1] == self.action and row[2] == self.summary and json.loads(row[3]).get("open"):
            self.op_id, self.payload = row[0], json.loads(row[3])
            self.payload["open"] = True
            return
        cur = self.conn.execute(
            "INSERT INTO ops (at, action, summary, payload) VALUES (?, ?, ?, ?)",
            (datetime.now(UTC).isoformat(), self.action, self.summary, json.dumps(self.payload)),
        )
        self.op_id = int(cur.lastrowid or 0)
        from .journal import UNDO_DEPTH

        self.conn.execute("DELETE FROM ops WHERE id <= ? - ?", (self.op_id, UNDO_DEPTH))

    # --- the roll-up ---------------------------------------------------------------------------------

    def _lift_trigger(self) -> None:
        if self._trigger is None:
            row = self.conn.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (ROLLUP_TRIGGER,)
            ).fetchone()
            if row is not None:
                self._trigger = row[0]
                self.conn.execute(f"DROP TRIGGER {ROLLUP_TRIGGER}")

    def _recount(self) -> None:
        """Count the touched days again from the entries, then put the trigger back (same transaction)."""
        if self._trigger is None:
            return
        days = json.dumps(sorted(self._days))
        self.conn.execute("DELETE FROM day_usage WHERE day IN (SELECT value FROM json_each(?))", (days,))
        self.conn.execute(
            "INSERT INTO day_usage (day, touchpoint, count, minutes) SELECT day, touchpoint, sum(count), "
            "total(minutes) FROM entries WHERE day IN (SELECT value FROM json_each(?)) GROUP BY day, touchpoint",
            (days,),
        )
        self.conn.execute(self._trigger)
        self._trigger, self._days = None, set()

    # --- entries -------------------------------------------------------------------------------------

    def add_entries(self, entries: Iterable[Entry], chunk: int | None = None) -> int:
        """Add touches; an entry with a ``source_ref`` is skipped when (source, source_ref) is there; one
        without (a typed touch in a journal export) is added only as many times as the stream holds it more
        often than the journal did before this import, so a second import, or a rerun, adds nothing.

        The stream is expected grouped by day (an export is): the counts of one day are forgotten when the
        next day starts, so memory stays flat."""
        before = self.added
        counter = _TypedCounter(self.conn)
        for rows in _chunks(map(entry_values, entries), chunk or CHUNK):
            with self._tx():
                fresh = counter.keep(rows)
                for part in _chunks(iter(fresh), STEP):
                    self._lift_trigger()
                    self._days.update(r[2] for r in part)
                    self._insert(part)
                    if self._over_budget():
                        self._commit()
                        self._begin()
        return self.added - before

    def _insert(self, rows: list[tuple[Any, ...]]) -> None:
        first = self.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM entries").fetchone()[0]
        cur = self.conn.executemany(_INSERT, rows)
        if cur.rowcount > 0:
            self.added += cur.rowcount
            last = self.conn.execute("SELECT max(id) FROM entries").fetchone()[0]
            spans = self.payload["spans"]
            if spans and spans[-1][1] == first - 1:
                spans[-1][1] = last
            else:
                spans.append([first, last])

    def merge_counts(self, rows: Iterable[Entry]) -> tuple[int, int]:
        """Per-day counts with stable references: a new reference adds an entry, a known one keeps the
        larger count and minutes (a newer export of the same day has at least as many records)."""
        added, updated = self.added, self.updated
        for part in _chunks(iter(rows), STEP):
            with self._tx():
                new = []
                for e in part:
                    old = self.conn.execute(
                        "SELECT id, ts, utc_offset, day, touchpoint, count, minutes, note, reason, source, "
                        "source_ref FROM entries WHERE source = ? AND source_ref = ?",
                        (e.source, e.source_ref),
                    ).fetchone()
                    if old is None:
                        new.append(entry_values(e))
                    elif e.count > old[5] or (e.minutes or 0) > (old[6] or 0):
                        self.payload["before"].append(list(old))
                        self.conn.execute(
                            "UPDATE entries SET count = max(count, ?), minutes = max(coalesce(minutes, 0), ?) "
                            "WHERE id = ?",
                            (e.count, e.minutes or 0, old[0]),
                        )
                        self.updated += 1
                if new:
                    self._lift_trigger()
                    self._days.update(r[2] for r in new)
                    self._insert(new)
        return self.added - added, self.updated - updated

    # --- the small tables ----------------------------------------------------------------------------

    def restore(
        self,
        days: Sequence[DayStatus] = (),
        profile: Sequence[ProfilePeriod] = (),
        runs: Sequence[Run] = (),
        breaks: Sequence[Break] = (),
        scores: Sequence[Score] = (),
    ) -> dict[str, int]:
        """Merge what an export holds besides entries, in one transaction; returns how many of each were
        added. A closed day stays closed; a profile period, a run, a break already there is not added again;
        a score already there for that metric and day keeps the journal's value."""
        from . import restore

        if not (days or profile or runs or breaks or scores):
            return {}
        with self._tx():
            return {
                "days": restore.days(self.conn, days, self.payload),
                "profile": restore.profile(self.conn, profile, self.payload),
                "runs": restore.runs(self.conn, runs, self.payload),
                "breaks": restore.breaks(self.conn, breaks, self.payload),
                "scores": restore.scores(self.conn, scores, self.payload),
            }


class _TypedCounter:
    """How many times each touch without a reference is in the journal (read once per day, before this
    import adds to it) and in the stream so far; only the surplus of the stream is new."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.day: str | None = None
        self.present: dict[tuple[Any, ...], int] = {}
        self.seen: dict[tuple[Any, ...], int] = {}

    def keep(self, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        out = []
        for values in rows:
            if values[9] is not None:
                out.append(values)
                continue
            if values[2] != self.day:
                self.day, self.seen = values[2], {}
                self.present = _rows_without_ref(self.conn, values[2])
            if not self.present:  # nothing typed on that day yet (a fresh journal): every touch is new
                out.append(values)
                continue
            n = self.seen[values] = self.seen.get(values, 0) + 1
            if n > self.present.get(values, 0):
                out.append(values)
        return out


def _rows_without_ref(conn: sqlite3.Connection, day: str) -> dict[tuple[Any, ...], int]:
    counts: dict[tuple[Any, ...], int] = {}
    for row in conn.execute(
        "SELECT ts, utc_offset, day, touchpoint, count, minutes, note, reason, source, source_ref FROM entries "
        "WHERE day = ? AND source_ref IS NULL",
        (day,),
    ):
        counts[tuple(row)] = counts.get(tuple(row), 0) + 1
    return counts


def _chunks(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def undo_import(conn: sqlite3.Connection, payload: dict[str, Any]) -> None:
    """Reverse an import step: its entries, the counts it raised, and what it restored."""
    if "first" in payload:  # a step written before imports were chunked
        conn.execute("DELETE FROM entries WHERE id BETWEEN ? AND ?", (payload["first"], payload["last"]))
        return
    for first, last in payload.get("spans", []):
        conn.execute("DELETE FROM entries WHERE id BETWEEN ? AND ?", (first, last))
    for row in payload.get("before", []):
        conn.execute(
            "UPDATE entries SET ts=?, utc_offset=?, day=?, touchpoint=?, count=?, minutes=?, note=?, reason=?, "
            "source=?, source_ref=? WHERE id=?",
            (*row[1:], row[0]),
        )
    from . import restore

    restore.undo(conn, payload)
