"""Undoing a recorded step: for each kind of step in the undo history (``ops``), what puts the journal back.

Each function gets the step's payload, as ``Journal`` stored it beside the write it reverses, and runs
inside the transaction of ``Journal.undo`` (or of a failed import's clean-up).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from .journal import _ENTRY_COLUMNS, _RUN_COLUMNS, Journal


def _undo_run(conn: sqlite3.Connection, payload: dict[str, Any]) -> None:
    if "added" in payload:
        conn.executemany("DELETE FROM runs WHERE id = ?", [(i,) for i in payload["added"]])
    else:
        row = payload["before"]
        conn.execute("DELETE FROM runs WHERE id = ?", (row[0],))
        conn.execute(f"INSERT INTO runs ({_RUN_COLUMNS}) VALUES ({', '.join('?' * 9)})", row)


def _undo_scores(conn: sqlite3.Connection, payload: dict[str, Any]) -> None:
    conn.executemany("DELETE FROM scores WHERE metric = ? AND day = ?", [tuple(k) for k in payload["keys"]])
    conn.executemany(
        "INSERT OR REPLACE INTO scores (metric, day, value, source) VALUES (?, ?, ?, ?)", payload["before"]
    )


def _undo_break(conn: sqlite3.Connection, payload: dict[str, Any]) -> None:
    if "added" in payload:
        conn.executemany("DELETE FROM breaks WHERE id = ?", [(i,) for i in payload["added"]])
    else:
        conn.execute("INSERT INTO breaks (id, first, last, label, scope) VALUES (?, ?, ?, ?, ?)", payload["before"])


def _undo_merge(conn: sqlite3.Connection, payload: dict[str, Any]) -> None:
    conn.executemany("DELETE FROM entries WHERE id = ?", [(i,) for i in payload["added"]])
    for row in payload["before"]:
        _undo_edit(conn, {"before": row})


def _undo_log(conn: sqlite3.Connection, ids: list[int]) -> None:
    conn.executemany("DELETE FROM entries WHERE id = ?", [(i,) for i in ids])


def _undo_import(conn: sqlite3.Connection, payload: dict[str, Any]) -> None:
    from .bulk import undo_import

    undo_import(conn, payload)


def _undo_edit(conn: sqlite3.Connection, payload: dict[str, Any]) -> None:
    row = payload["before"]
    conn.execute(
        "UPDATE entries SET ts=?, utc_offset=?, day=?, touchpoint=?, count=?, minutes=?, note=?, reason=?, "
        "source=?, source_ref=? WHERE id=?",
        (*row[1:], row[0]),
    )


def _undo_rm(conn: sqlite3.Connection, payload: dict[str, Any]) -> None:
    conn.executemany(f"INSERT INTO entries ({_ENTRY_COLUMNS}) VALUES ({', '.join('?' * 11)})", payload["rows"])


def _undo_day(conn: sqlite3.Connection, payload: dict[str, Any]) -> None:
    conn.execute("DELETE FROM days WHERE day = ?", (payload["day"],))
    if payload["before"]:
        conn.execute("INSERT INTO days (day, closed, closed_at) VALUES (?, ?, ?)", payload["before"])


def _undo_profile(conn: sqlite3.Connection, payload: dict[str, Any]) -> None:
    Journal._write_profile(conn, payload["before"])


def _undo_request(conn: sqlite3.Connection, payload: dict[str, Any]) -> None:
    from .requests import undo_request

    undo_request(conn, payload)


UNDO = {
    "log": _undo_log,
    "import": _undo_import,
    "edit": _undo_edit,
    "rm": _undo_rm,
    "day": _undo_day,
    "profile": _undo_profile,
    "run": _undo_run,
    "scores": _undo_scores,
    "break": _undo_break,
    "merge": _undo_merge,
    "request": _undo_request,
}
