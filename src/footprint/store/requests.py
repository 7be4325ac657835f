"""The journal's access requests: recorded, extended and answered, each write one undoable step.

A row holds the collector, the days (sent, due, answered), the channel and what imported the answer:
nothing of the letter (no name, no address). Undo puts the row back as it was (``undo_request``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date
from typing import Any

from ..domain.requests import AccessRequest
from ..i18n import Message, say
from .journal import Journal, _damaged


_COLUMNS = (
    "id, collector, sent, channel, due, extended, answered, import_source, import_first, import_last, import_touches"
)


def _day(text: Any) -> date | None:
    return date.fromisoformat(text) if text else None


def _row_to_request(row: Sequence[Any]) -> AccessRequest:
    try:
        sent = date.fromisoformat(row[2])
        return AccessRequest(
            id=row[0],
            collector=str(row[1]),
            sent=sent,
            channel=str(row[3]),
            extended=bool(row[5]),
            answered=_day(row[6]),
            import_source=row[7],
            import_first=_day(row[8]),
            import_last=_day(row[9]),
            import_touches=row[10],
        )
    except (TypeError, ValueError):
        raise _damaged(say("request #{id}", id=row[0])) from None


def _values(r: AccessRequest) -> tuple[Any, ...]:
    return (
        r.collector,
        r.sent.isoformat(),
        r.channel,
        r.due.isoformat(),
        int(r.extended),
        r.answered.isoformat() if r.answered else None,
        r.import_source,
        r.import_first.isoformat() if r.import_first else None,
        r.import_last.isoformat() if r.import_last else None,
        r.import_touches,
    )


def requests(journal: Journal) -> list[AccessRequest]:
    """Every request, oldest first."""
    return [_row_to_request(r) for r in journal._query(f"SELECT {_COLUMNS} FROM requests ORDER BY sent, id")]


def request(journal: Journal, request_id: int) -> AccessRequest | None:
    rows = journal._query(f"SELECT {_COLUMNS} FROM requests WHERE id = ?", (request_id,))
    return _row_to_request(rows[0]) if rows else None


def add_request(journal: Journal, r: AccessRequest, summary: Message | str) -> AccessRequest:
    ids: list[int] = []
    with journal._write("request", summary, {"added": ids}) as conn:
        cur = conn.execute(f"INSERT INTO requests ({_COLUMNS}) VALUES (NULL{', ?' * 10})", _values(r))
        ids.append(int(cur.lastrowid or 0))
    return r._replace(id=ids[0])


def update_request(journal: Journal, r: AccessRequest, summary: Message | str) -> None:
    before = journal._query(f"SELECT {_COLUMNS} FROM requests WHERE id = ?", (r.id,))
    with journal._write("request", summary, {"before": list(before[0])}) as conn:
        conn.execute(
            "UPDATE requests SET collector=?, sent=?, channel=?, due=?, extended=?, answered=?, import_source=?, "
            "import_first=?, import_last=?, import_touches=? WHERE id=?",
            (*_values(r), r.id),
        )


def undo_request(conn: sqlite3.Connection, payload: dict[str, Any]) -> None:
    if "added" in payload:
        conn.executemany("DELETE FROM requests WHERE id = ?", [(i,) for i in payload["added"]])
        return
    row = payload["before"]
    conn.execute("DELETE FROM requests WHERE id = ?", (row[0],))
    conn.execute(f"INSERT INTO requests ({_COLUMNS}) VALUES (?{', ?' * 10})", row)
