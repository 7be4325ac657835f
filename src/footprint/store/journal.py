"""The journal repository: touches, days, the profile and the undo history, over one SQLite connection
(challenge runs, scores and breaks are in ``records.py``, the rows' checks in ``rows.py``).

Every write runs in one ``BEGIN IMMEDIATE`` transaction together with the undo record that reverses it,
so a crash leaves either both or neither, and CLI and TUI writers queue on the busy timeout instead of
failing. Every sqlite3 failure leaves this module as a ``StorageError``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ..domain.footprint import Usage
from ..domain.journal import DayStatus, Entry, ProfilePeriod
from ..domain.limits import stored_problem
from ..i18n import Message
from .records import _RUN_COLUMNS, Records, RunConflict, _row_to_run, _run_values  # noqa: F401 (re-exported)
from .rows import _A_DAY, _NUMBERS, _PROFILE, _ROLL_UP, _damaged, _day, _entry, out_of_range  # noqa: F401
from .summary import restored, stored
from .connection import guarded, open_database

if TYPE_CHECKING:  # scores, breaks, imports and verdicts are not on the path of every `footprint log`
    from ..domain.verdict import Span
    from .bulk import BulkImport

_ENTRY_COLUMNS = "id, ts, utc_offset, day, touchpoint, count, minutes, note, reason, source, source_ref"
UNDO_DEPTH = 200


def _row_to_entry(row: Sequence[Any]) -> Entry:
    """An entry from its row; a row another program filled with the wrong types is a damaged journal, said
    in one line, not a crash further on (SQLite's column types do not stop ``count = 'abc'``)."""
    if type(row[5]) is not int or (row[6] is not None and type(row[6]) not in _NUMBERS) or type(row[4]) is not str:
        raise _damaged(_entry(row[0]))
    if (what := stored_problem(row[5], row[6])) is not None:  # an infinity: no view or export could show it
        raise out_of_range(row[0], row[3], what)
    try:
        return Entry(
            id=row[0],
            at=datetime.fromtimestamp(row[1], timezone(timedelta(minutes=row[2]))),
            day=date.fromisoformat(row[3]),
            touchpoint=row[4],
            count=row[5],
            minutes=row[6],
            note=row[7],
            reason=row[8],
            source=row[9],
            source_ref=row[10],
        )
    except (TypeError, ValueError, OverflowError, OSError):
        raise _damaged(_entry(row[0])) from None


def _entry_values(e: Entry) -> tuple[Any, ...]:
    offset = e.at.utcoffset()
    assert offset is not None, "entries carry aware datetimes"
    return (
        int(e.at.timestamp()),
        int(offset.total_seconds() // 60),
        e.day.isoformat(),
        e.touchpoint,
        e.count,
        e.minutes,
        e.note,
        e.reason,
        e.source,
        e.source_ref,
    )


def _entry_row(e: Entry) -> list[Any]:
    return [e.id, *_entry_values(e)]


class EntryFilter(NamedTuple):
    """What ``Journal.entries`` keeps beyond days and touchpoints, and in which order."""

    reason: str | None = None
    sources: tuple[str, ...] | None = None
    search: str | None = None  # in notes, case- and accent-insensitive
    newest_first: bool = False
    limit: int | None = None


def _fold_note(text: str | None) -> str | None:
    """Lowercase, accents stripped (« Café » finds « cafe »), for searching notes."""
    if text is None:
        return None
    import unicodedata  # only when a note is searched

    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


class Journal(Records):
    """One open journal. Use as a context manager, or call ``close``."""

    def __init__(self, path: Path, make_folder: bool = True, zone: tzinfo | None = None) -> None:
        """``zone``: the journal's, which decides days and the times shown (a migration needs it)."""
        self.path = Path(path)
        self.conn = open_database(self.path, make_folder, zone)

    def close(self) -> None:
        self.conn.close()

    def data_version(self) -> int:
        """Changes whenever another connection commits to the journal (``PRAGMA data_version``): the TUI
        polls it to show what the CLI logs, without reading the journal."""
        return int(self._query("PRAGMA data_version")[0][0])

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- plumbing -----------------------------------------------------------------------------------

    @contextmanager
    def _write(
        self, action: str | None = None, summary: Message | str = "", payload: Any = None
    ) -> Iterator[sqlite3.Connection]:
        """A write transaction (a savepoint inside ``atomic``); with ``action``, the undo record is stored in
        the same transaction (``payload`` may be filled in by the block: it is serialised at the end).

        A block that changed no row records no undo step: ``undo`` always reverses the last real change."""
        nested = self.conn.in_transaction
        with guarded(self.path):
            self.conn.execute("SAVEPOINT step" if nested else "BEGIN IMMEDIATE")
            try:
                changes = self.conn.total_changes
                yield self.conn
                if action is not None and self.conn.total_changes != changes:
                    self.conn.execute(
                        "INSERT INTO ops (at, action, summary, payload) VALUES (?, ?, ?, ?)",
                        (datetime.now(UTC).isoformat(), action, stored(summary), json.dumps(payload)),
                    )
                    self.conn.execute("DELETE FROM ops WHERE id <= (SELECT max(id) FROM ops) - ?", (UNDO_DEPTH,))
                self.conn.execute("RELEASE step" if nested else "COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK TO step" if nested else "ROLLBACK")
                    if nested:
                        self.conn.execute("RELEASE step")
                raise

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """Several writes as one transaction: all of them land, or none (an import, a demo journal)."""
        with guarded(self.path):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with guarded(self.path):
            return self.conn.execute(sql, params).fetchall()

    # --- entries ------------------------------------------------------------------------------------

    def add_entries(self, entries: Sequence[Entry], summary: Message | str) -> list[Entry]:
        """Store new touches as one undoable step; returns them with their ids."""
        ids: list[int] = []
        with self._write("log", summary, ids) as conn:
            for e in entries:
                cur = conn.execute(
                    f"INSERT INTO entries ({_ENTRY_COLUMNS}) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    _entry_values(e),
                )
                ids.append(int(cur.lastrowid or 0))
        return [e._replace(id=i) for e, i in zip(entries, ids, strict=True)]

    def import_entries(self, entries: Iterable[Entry], summary: Message | str, batch: int | None = None) -> int:
        """Store imported touches as one undoable step, in short transactions (see ``store/bulk.py``);
        returns how many were added.

        Idempotent: an entry with a ``source_ref`` is skipped when (source, source_ref) is already there;
        one without (a typed touch in a journal export) is added only as many times as the file holds it
        more often than the journal does, so importing the same file twice adds nothing.
        """
        with self.bulk(summary) as bulk:
            return bulk.add_entries(entries, chunk=batch)

    def merge_counts(self, rows: Iterable[Entry], summary: Message | str) -> tuple[int, int]:
        """Store per-day counts from an importer, each with a stable (source, source_ref): a new reference
        adds an entry; a known one keeps the larger count and minutes (a newer export of the same day has
        at least as many records). One undoable step, in short transactions. Returns (added, updated)."""
        with self.bulk(summary) as bulk:
            return bulk.merge_counts(rows)

    def bulk(self, summary: Message | str, key: str | None = None) -> BulkImport:
        """One import's writer: several kinds of rows, short transactions, one undoable step (``key``: see
        ``BulkImport``)."""
        from .bulk import BulkImport

        return BulkImport(self, summary, key=key)

    def undo_op(self, op_id: int) -> None:
        """Reverse one recorded step wherever it is in the history (an import that failed half-way)."""
        with self._write() as conn:
            row = conn.execute("SELECT action, payload FROM ops WHERE id = ?", (op_id,)).fetchone()
            if row is not None:
                undo_step(conn, row[0], json.loads(row[1]))
                conn.execute("DELETE FROM ops WHERE id = ?", (op_id,))

    def wait_for_lock(self, seconds: float) -> None:
        """How long a write waits for another writer before it fails as locked (the TUI waits less, and
        tries again later, rather than freeze)."""
        with guarded(self.path):
            self.conn.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")

    def entry(self, entry_id: int) -> Entry | None:
        rows = self._query(f"SELECT {_ENTRY_COLUMNS} FROM entries WHERE id = ?", (entry_id,))
        return _row_to_entry(rows[0]) if rows else None

    def entries_on(self, day: date) -> list[Entry]:
        rows = self._query(f"SELECT {_ENTRY_COLUMNS} FROM entries WHERE day = ? ORDER BY ts, id", (day.isoformat(),))
        return [_row_to_entry(r) for r in rows]

    def entries(
        self,
        start: date | None = None,
        end: date | None = None,
        touchpoints: Iterable[str] | None = None,
        which: EntryFilter | None = None,
    ) -> Iterator[Entry]:
        """Entries from ``start`` to ``end`` (inclusive days), oldest first (newest first if ``which`` says
        so), streamed; ``which`` narrows them by reason, source and note text, in SQL."""
        where, params = self._span(start, end, touchpoints)
        order, table = "day, ts, id", "entries"
        if which is not None:
            where, params = self._narrow(where, params, which)
            if which.newest_first:  # the same index walked backwards: still no sort of the whole journal
                order = "day DESC, ts DESC, id DESC"
            if which.limit is not None:
                order += f" LIMIT {int(which.limit)}"
            # With a LIMIT, or several touchpoints (a kind), SQLite would rather sort every row it reads than
            # walk the days in order: walking them streams, and stops after the first few days with a LIMIT.
            if which.limit is not None or "touchpoint IN (?, ?" in where:
                table = "entries INDEXED BY entries_day"
        with guarded(self.path):
            cur = self.conn.execute(f"SELECT {_ENTRY_COLUMNS} FROM {table}{where} ORDER BY {order}", params)
            for row in cur:
                yield _row_to_entry(row)

    def _narrow(self, where: str, params: list[Any], which: EntryFilter) -> tuple[str, list[Any]]:
        clauses = [where[len(" WHERE ") :]] if where else []
        if which.reason is not None:
            clauses.append("reason = ?")
            params.append(which.reason)
        if which.sources is not None:
            clauses.append(f"source IN ({', '.join('?' * len(which.sources))})")
            params.extend(which.sources)
        if which.search:
            # SQLite knows no accents: notes are folded by the same Python function as what is searched.
            self.conn.create_function("footprint_fold", 1, _fold_note, deterministic=True)
            clauses.append("instr(footprint_fold(note), ?) > 0")
            params.append(_fold_note(which.search))
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def entries_json(self) -> Iterator[str]:
        """Every entry as one JSON object in the shape of ``exporters.records.entry_record`` (same keys,
        same values, a test keeps them equal), oldest first, streamed: SQLite's JSON functions build the
        text, which is 3 to 4 times faster than making an ``Entry`` and a dict of each row. Minutes are
        written by Python, whose float text reads back exactly (SQLite writes 15 digits)."""
        at = (
            "strftime('%Y-%m-%dT%H:%M:%S', ts + utc_offset * 60, 'unixepoch') || "
            "CASE WHEN utc_offset < 0 THEN '-' ELSE '+' END || "
            "printf('%02d:%02d', abs(utc_offset) / 60, abs(utc_offset) % 60)"
        )
        sql = (
            f"SELECT json_object('id', id, 'at', {at}, 'day', day, 'touchpoint', touchpoint, 'count', count), "
            "minutes, json_object('note', note, 'reason', reason, 'source', source, 'source_ref', source_ref), "
            "id, day, count, typeof(ts) = 'integer' AND typeof(utc_offset) = 'integer' AND typeof(count) = 'integer' "
            "FROM entries ORDER BY day, ts, id"
        )
        with guarded(self.path):
            for head, minutes, tail, entry_id, day, count, typed in self.conn.execute(sql):
                # A row another program wrote with the wrong types, or an infinity, would make invalid JSON.
                if not typed or (minutes is not None and type(minutes) not in _NUMBERS):
                    raise _damaged(_entry(entry_id))
                if (what := stored_problem(count, minutes)) is not None:
                    raise out_of_range(entry_id, day, what)
                yield f'{head[:-1]},"minutes":{"null" if minutes is None else repr(minutes)},{tail[1:]}'

    @staticmethod
    def _span(start: date | None, end: date | None, touchpoints: Iterable[str] | None) -> tuple[str, list[Any]]:
        clauses, params = [], []
        if start:
            clauses.append("day >= ?")
            params.append(start.isoformat())
        if end:
            clauses.append("day <= ?")
            params.append(end.isoformat())
        if touchpoints is not None:
            tps = list(touchpoints)
            clauses.append(f"touchpoint IN ({', '.join('?' * len(tps))})")
            params.extend(tps)
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def usage_by_day(self, start: date | None, end: date | None) -> dict[date, dict[str, Usage]]:
        """Count and minutes per day and touchpoint, from the daily roll-up (kept by triggers)."""
        where, params = self._span(start, end, None)
        out: dict[date, dict[str, Usage]] = {}
        rows = self._query(f"SELECT day, touchpoint, count, minutes FROM day_usage{where}", params)
        for day_s, tp, count, minutes in rows:
            if type(count) is not int or type(minutes) not in _NUMBERS:
                raise _damaged(_ROLL_UP)
            out.setdefault(_day(day_s, _ROLL_UP), {})[tp] = Usage(count, minutes)
        return out

    # --- reads bounded by a run: whole days from the roll-up, parts of days from their touches ---------

    @staticmethod
    def _in_span(span: Span) -> tuple[str, list[Any]]:
        if span.lo is None:
            return "day BETWEEN ? AND ?", [span.first.isoformat(), span.last.isoformat()]
        return "day = ? AND ts >= ? AND ts < ?", [span.first.isoformat(), span.lo, span.hi]

    def usage_in(self, spans: Iterable[Span]) -> dict[str, Usage]:
        """Count and minutes per touchpoint over ``spans``: whole days from the daily roll-up, a part of a
        day from that day's touches (the day index, then each one's instant)."""
        out: dict[str, Usage] = {}
        for span in spans:
            where, params = self._in_span(span)
            table = "day_usage" if span.lo is None else "entries"
            sql = f"SELECT touchpoint, sum(count), total(minutes) FROM {table} WHERE {where} GROUP BY touchpoint"
            for tp, count, minutes in self._query(sql, params):
                out[tp] = out.get(tp, Usage()) + Usage(count, minutes)
        return out

    def first_touched(self, spans: Sequence[Span], touchpoints: Iterable[str]) -> list[str]:
        """Those of ``touchpoints`` touched in ``spans``, in the order of their first touch (by day, time, id);
        one indexed look-up per touchpoint and span, however many touches there are."""
        firsts: list[tuple[tuple[Any, ...], str]] = []
        for tp in touchpoints:
            for span in spans:
                where, params = self._in_span(span)
                rows = self._query(
                    f"SELECT day, ts, id FROM entries WHERE touchpoint = ? AND {where} ORDER BY day, ts, id LIMIT 1",
                    [tp, *params],
                )
                if rows:
                    firsts.append((tuple(rows[0]), tp))
                    break
        return [tp for _, tp in sorted(firsts)]

    def remarks_in(self, spans: Iterable[Span], touchpoints: Sequence[str]) -> list[Entry]:
        """The touches of ``touchpoints`` in ``spans`` that carry a reason or a note, by day, time and id."""
        if not touchpoints:
            return []
        out: list[Entry] = []
        marks = ", ".join("?" * len(touchpoints))
        for span in spans:
            where, params = self._in_span(span)
            rows = self._query(
                f"SELECT {_ENTRY_COLUMNS} FROM entries WHERE touchpoint IN ({marks}) AND {where} "
                "AND (reason IS NOT NULL OR note IS NOT NULL) ORDER BY day, ts, id",
                [*touchpoints, *params],
            )
            out.extend(_row_to_entry(r) for r in rows)
        return out

    def closed_days_with(self, touchpoints: Sequence[str]) -> set[date]:
        """The closed days with at least one touch of any of ``touchpoints``: one look-up in the daily roll-up
        per closed day, whatever the number of entries."""
        marks = ", ".join("?" * len(touchpoints))
        rows = self._query(
            "SELECT d.day FROM days AS d WHERE d.closed = 1 AND EXISTS "
            f"(SELECT 1 FROM day_usage AS u WHERE u.day = d.day AND u.touchpoint IN ({marks}))",
            list(touchpoints),
        )
        return {_day(r[0]) for r in rows}

    def logged_days(self, start: date, end: date) -> set[date]:
        """The days from ``start`` to ``end`` with at least one touch, from the daily roll-up."""
        sql = "SELECT DISTINCT day FROM day_usage WHERE day BETWEEN ? AND ?"
        rows = self._query(sql, (start.isoformat(), end.isoformat()))
        return {_day(r[0], _ROLL_UP) for r in rows}

    def first_day(self) -> date | None:
        row = self._query("SELECT min(day) FROM day_usage")[0][0]
        return _day(row) if row else None

    def update_entry(self, new: Entry, summary: Message | str) -> bool:
        """Store the new values of an entry; False (and no undo step) when they are the ones it has."""
        old = self.entry(new.id or 0)
        assert old is not None
        if _entry_row(old) == _entry_row(new):
            return False
        with self._write("edit", summary, {"before": _entry_row(old)}) as conn:
            conn.execute(
                "UPDATE entries SET ts=?, utc_offset=?, day=?, touchpoint=?, count=?, minutes=?, note=?, "
                "reason=?, source=?, source_ref=? WHERE id=?",
                (*_entry_values(new), new.id),
            )
        return True

    def delete_entries(self, entries: Sequence[Entry], summary: Message | str) -> None:
        with self._write("rm", summary, {"rows": [_entry_row(e) for e in entries]}) as conn:
            conn.executemany("DELETE FROM entries WHERE id = ?", [(e.id,) for e in entries])

    # --- days ---------------------------------------------------------------------------------------

    def day_status(self, day: date) -> DayStatus:
        rows = self._query("SELECT closed, closed_at FROM days WHERE day = ?", (day.isoformat(),))
        if not rows or not rows[0][0]:
            return DayStatus(day, False)
        return DayStatus(day, True, datetime.fromisoformat(rows[0][1]) if rows[0][1] else None)

    def closed_days(self, start: date | None = None, end: date | None = None) -> set[date]:
        where, params = self._span(start, end, None)
        rows = self._query(f"SELECT day FROM days{where}{' AND' if where else ' WHERE'} closed = 1", params)
        return {_day(r[0]) for r in rows}

    def set_closed(self, day: date, closed: bool, at: datetime, summary: Message | str) -> bool:
        """Close or reopen a day; False (and no undo step) when it already was."""
        before = self._query("SELECT day, closed, closed_at FROM days WHERE day = ?", (day.isoformat(),))
        if bool(before and before[0][1]) == closed:
            return False
        with self._write("day", summary, {"day": day.isoformat(), "before": list(before[0]) if before else None}) as c:
            c.execute(
                "INSERT INTO days (day, closed, closed_at) VALUES (?, ?, ?) "
                "ON CONFLICT (day) DO UPDATE SET closed = excluded.closed, closed_at = excluded.closed_at",
                (day.isoformat(), int(closed), at.isoformat() if closed else None),
            )
        return True

    # --- profile ------------------------------------------------------------------------------------

    def profile(self) -> list[ProfilePeriod]:
        """Every profile period, current and past, oldest first."""
        rows = self._query("SELECT touchpoint, since, until, state FROM profile ORDER BY since, id")
        return [
            ProfilePeriod(tp, _day(since, _PROFILE), _day(until, _PROFILE) if until else None, state)
            for tp, since, until, state in rows
        ]

    def replace_profile(self, periods: Sequence[ProfilePeriod], summary: Message | str) -> bool:
        """Write the whole profile (it is small) as one undoable step; False (and no step) when it is the
        profile already there."""
        before = self._query("SELECT touchpoint, since, until, state FROM profile ORDER BY id")
        rows = [tuple(_period_row(p)) for p in periods]
        if [tuple(r) for r in before] == rows:
            return False
        with self._write("profile", summary, {"before": [list(r) for r in before]}) as conn:
            self._write_profile(conn, rows)
        return True

    @staticmethod
    def _write_profile(conn: sqlite3.Connection, rows: Sequence[Sequence[Any]]) -> None:
        conn.execute("DELETE FROM profile")
        conn.executemany("INSERT INTO profile (touchpoint, since, until, state) VALUES (?, ?, ?, ?)", rows)

    # --- undo ---------------------------------------------------------------------------------------

    def undo(self) -> Message | str | None:
        """Reverse the newest recorded step; returns its summary, or None when there is nothing to undo.

        A step whose reversal changes nothing (earlier footprints recorded steps for writes that changed
        nothing, like a failed ``score rm``) is dropped on the way: undo reverses the last real change."""
        with self._write() as conn:
            while row := conn.execute(
                "SELECT id, action, summary, payload FROM ops ORDER BY id DESC LIMIT 1"
            ).fetchone():
                op_id, action, summary, payload = row
                before = conn.total_changes
                undo_step(conn, action, json.loads(payload))
                changed = conn.total_changes != before
                conn.execute("DELETE FROM ops WHERE id = ?", (op_id,))
                if changed:
                    return restored(str(summary))
        return None

    # --- whole-journal reads for export -------------------------------------------------------------

    def all_days(self) -> list[DayStatus]:
        rows = self._query("SELECT day, closed, closed_at FROM days ORDER BY day")
        return [DayStatus(_day(d), bool(c), datetime.fromisoformat(a) if a else None) for d, c, a in rows]

    def restore_days(self, statuses: Iterable[DayStatus]) -> None:
        """Merge day statuses from an export (a closed day stays closed)."""
        with self._write() as conn:
            conn.executemany(
                "INSERT INTO days (day, closed, closed_at) VALUES (?, ?, ?) ON CONFLICT (day) DO UPDATE SET "
                "closed = max(closed, excluded.closed), closed_at = coalesce(closed_at, excluded.closed_at)",
                [
                    (s.day.isoformat(), int(s.closed), s.closed_at.isoformat() if s.closed_at else None)
                    for s in statuses
                ],
            )


def _period_row(p: ProfilePeriod) -> list[Any]:
    return [p.touchpoint, p.since.isoformat(), p.until.isoformat() if p.until else None, p.state]


def undo_step(conn: sqlite3.Connection, action: str, payload: Any) -> None:
    """Reverse one recorded step (``store/undo.py`` knows each kind; only undo pays for importing it)."""
    from .undo import UNDO

    UNDO[action](conn, payload)
