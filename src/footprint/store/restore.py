"""Merging the small tables of a journal export (days, profile, runs, breaks, scores) into the journal.

Every function is idempotent (what is already there is not added again) and notes in the import's undo
``payload`` what it changed, so ``undo`` reverses it with the import's entries.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..domain.journal import DayStatus, ProfilePeriod, Run

if TYPE_CHECKING:
    from ..domain.breaks import Break
    from ..domain.scores import Score


def days(conn: sqlite3.Connection, statuses: Sequence[DayStatus], payload: dict[str, Any]) -> int:
    """A closed day stays closed; the first closing time known is kept. Returns the days changed."""
    changed = 0
    for s in statuses:
        day, closed_at = s.day.isoformat(), s.closed_at.isoformat() if s.closed_at else None
        old = conn.execute("SELECT closed, closed_at FROM days WHERE day = ?", (day,)).fetchone()
        new = (int(s.closed), closed_at) if old is None else (max(old[0], int(s.closed)), old[1] or closed_at)
        if old is not None and tuple(old) == new:
            continue
        payload.setdefault("days", []).append([day, *(old if old is not None else (None, None))])
        conn.execute(
            "INSERT INTO days (day, closed, closed_at) VALUES (?, ?, ?) "
            "ON CONFLICT (day) DO UPDATE SET closed = excluded.closed, closed_at = excluded.closed_at",
            (day, *new),
        )
        changed += 1
    return changed


def profile(conn: sqlite3.Connection, periods: Sequence[ProfilePeriod], payload: dict[str, Any]) -> int:
    """Periods not already in the profile are added after the current ones."""
    rows = [tuple(r) for r in conn.execute("SELECT touchpoint, since, until, state FROM profile ORDER BY since, id")]
    new = [
        r
        for r in dict.fromkeys(
            (p.touchpoint, p.since.isoformat(), p.until.isoformat() if p.until else None, p.state) for p in periods
        )
        if r not in rows
    ]
    if not new:
        return 0
    if "profile" not in payload:  # a resumed import keeps the profile as it was before its first try
        payload["profile"] = [list(r) for r in conn.execute("SELECT touchpoint, since, until, state FROM profile")]
    conn.execute("DELETE FROM profile")
    conn.executemany("INSERT INTO profile (touchpoint, since, until, state) VALUES (?, ?, ?, ?)", rows + new)
    return len(new)


def runs(conn: sqlite3.Connection, items: Sequence[Run], payload: dict[str, Any]) -> int:
    """Runs the journal does not hold yet (all but the id compared: the file holding one twice adds it
    twice, only once more than the journal has it). One that would be a second active run under the same
    name is skipped (the journal's own run wins)."""
    from .journal import _RUN_COLUMNS, _run_values

    columns = _RUN_COLUMNS.split(", ")[1:]
    same = " AND ".join(f"{c} IS ?" for c in columns)
    added = 0
    for values in _surplus(conn, [_run_values(r) for r in items], f"SELECT count(*) FROM runs WHERE {same}"):
        try:
            cur = conn.execute(f"INSERT INTO runs ({_RUN_COLUMNS}) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?)", values)
        except sqlite3.IntegrityError:
            payload["clashing_runs"] = payload.get("clashing_runs", 0) + 1
            continue
        payload.setdefault("runs", []).append(cur.lastrowid)
        added += 1
    return added


def breaks(conn: sqlite3.Connection, items: Sequence[Break], payload: dict[str, Any]) -> int:
    """Breaks the journal does not hold yet, counted like runs."""
    rows = [(b.first.isoformat(), b.last.isoformat(), b.label, json.dumps(list(b.scope))) for b in items]
    sql = "SELECT count(*) FROM breaks WHERE first = ? AND last = ? AND label = ? AND scope = ?"
    new = _surplus(conn, rows, sql)
    for values in new:
        cur = conn.execute("INSERT INTO breaks (first, last, label, scope) VALUES (?, ?, ?, ?)", values)
        payload.setdefault("breaks", []).append(cur.lastrowid)
    return len(new)


def _surplus(conn: sqlite3.Connection, rows: list[tuple[Any, ...]], count_sql: str) -> list[tuple[Any, ...]]:
    """The rows as many times as the file holds each more often than the journal does."""
    out, seen = [], {}
    for values in rows:
        seen[values] = seen.get(values, 0) + 1
        if seen[values] > conn.execute(count_sql, values).fetchone()[0]:
            out.append(values)
    return out


def scores(conn: sqlite3.Connection, items: Sequence[Score], payload: dict[str, Any]) -> int:
    added = 0
    for sc in items:
        cur = conn.execute(
            "INSERT INTO scores (metric, day, value, source) VALUES (?, ?, ?, ?) ON CONFLICT (metric, day) DO NOTHING",
            (sc.metric, sc.day.isoformat(), sc.value, sc.source),
        )
        if cur.rowcount > 0:
            payload.setdefault("scores", []).append([sc.metric, sc.day.isoformat()])
            added += 1
    return added


def undo(conn: sqlite3.Connection, payload: dict[str, Any]) -> None:
    conn.executemany("DELETE FROM runs WHERE id = ?", [(i,) for i in payload.get("runs", [])])
    conn.executemany("DELETE FROM breaks WHERE id = ?", [(i,) for i in payload.get("breaks", [])])
    conn.executemany("DELETE FROM scores WHERE metric = ? AND day = ?", payload.get("scores", []))
    for day, closed, closed_at in reversed(payload.get("days", [])):
        conn.execute("DELETE FROM days WHERE day = ?", (day,))
        if closed is not None:
            conn.execute("INSERT INTO days (day, closed, closed_at) VALUES (?, ?, ?)", (day, closed, closed_at))
    if "profile" in payload:
        conn.execute("DELETE FROM profile")
        conn.executemany(
            "INSERT INTO profile (touchpoint, since, until, state) VALUES (?, ?, ?, ?)", payload["profile"]
        )
