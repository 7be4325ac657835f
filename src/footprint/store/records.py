"""The journal's challenge runs, activity scores and breaks: read, added, changed and removed, each write
one undoable step. A part of ``Journal`` (its ``_write``, ``_query`` and ``_span``), kept apart so that
each file stays one a newcomer reads in one go.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from ..domain.journal import Run
from ..i18n import Message
from .rows import _NUMBERS, _SCORE, _damaged, _day

if TYPE_CHECKING:  # scores and breaks are not on the path of every `footprint log`
    from ..domain.breaks import Break
    from ..domain.scores import Score


class Records:
    """Runs, scores and breaks, as methods of ``Journal`` (which brings ``_write``, ``_query``, ``_span``)."""

    _write: Any
    _query: Any
    _span: Any

    # --- challenge runs -----------------------------------------------------------------------------

    def runs(self) -> list[Run]:
        """Every run, oldest first."""
        return [_row_to_run(r) for r in self._query(f"SELECT {_RUN_COLUMNS} FROM runs ORDER BY id")]

    def add_run(self, run: Run, summary: Message | str) -> Run:
        ids: list[int] = []
        with self._write("run", summary, {"added": ids}) as conn:
            try:
                cur = conn.execute(
                    f"INSERT INTO runs ({_RUN_COLUMNS}) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?)", _run_values(run)
                )
            except sqlite3.IntegrityError:
                raise RunConflict() from None
            ids.append(int(cur.lastrowid or 0))
        return run._replace(id=ids[0])

    def update_run(self, run: Run, summary: Message | str) -> None:
        before = self._query(f"SELECT {_RUN_COLUMNS} FROM runs WHERE id = ?", (run.id,))
        with self._write("run", summary, {"before": list(before[0])}) as conn:
            conn.execute(
                "UPDATE runs SET challenge=?, name=?, pseudonym=?, start=?, planned_end=?, ended=?, status=?, "
                "rules=? WHERE id=?",
                (*_run_values(run), run.id),
            )

    def delete_run(self, run_id: int, summary: Message | str) -> None:
        """Remove a run (one planned and cancelled before it began); undo puts it back."""
        before = self._query(f"SELECT {_RUN_COLUMNS} FROM runs WHERE id = ?", (run_id,))
        with self._write("run", summary, {"before": list(before[0])}) as conn:
            conn.execute("DELETE FROM runs WHERE id = ?", (run_id,))

    # --- scores and breaks -------------------------------------------------------------------------

    def scores(self, metric: str | None = None, start: date | None = None, end: date | None = None) -> list[Score]:
        where, params = self._span(start, end, None)
        if metric is not None:
            where += (" AND" if where else " WHERE") + " metric = ?"
            params.append(metric)
        from ..domain.scores import Score

        rows = self._query(f"SELECT metric, day, value, source FROM scores{where} ORDER BY metric, day", params)
        if any(type(r[2]) not in _NUMBERS for r in rows):
            raise _damaged(_SCORE)
        return [Score(m, _day(d, _SCORE), v, src) for m, d, v, src in rows]

    def put_scores(self, scores: Sequence[Score], summary: Message | str) -> None:
        """Add or replace values (one per metric and day), as one undoable step; values already stored as
        given are left alone (all of them: no step)."""
        keys = [(sc.metric, sc.day.isoformat()) for sc in scores]
        before = [
            row[0]
            for k in dict.fromkeys(keys)
            if (row := self._query("SELECT metric, day, value, source FROM scores WHERE metric = ? AND day = ?", k))
        ]
        stored = {(m, d): (v, src) for m, d, v, src in before}
        scores = [sc for sc in scores if stored.get((sc.metric, sc.day.isoformat())) != (sc.value, sc.source)]
        if not scores:
            return
        keys = [(sc.metric, sc.day.isoformat()) for sc in scores]
        with self._write("scores", summary, {"keys": keys, "before": [list(r) for r in before]}) as conn:
            conn.executemany(
                "INSERT INTO scores (metric, day, value, source) VALUES (?, ?, ?, ?) ON CONFLICT (metric, day) "
                "DO UPDATE SET value = excluded.value, source = excluded.source",
                [(sc.metric, sc.day.isoformat(), sc.value, sc.source) for sc in scores],
            )

    def delete_scores(self, metric: str, days: Sequence[date], summary: Message | str) -> int:
        keys = [(metric, d.isoformat()) for d in days]
        before = [
            r[0]
            for k in keys
            if (r := self._query("SELECT metric, day, value, source FROM scores WHERE metric = ? AND day = ?", k))
        ]
        with self._write("scores", summary, {"keys": [], "before": [list(r) for r in before]}) as conn:
            conn.executemany("DELETE FROM scores WHERE metric = ? AND day = ?", keys)
        return len(before)

    def breaks(self) -> list[Break]:
        from ..domain.breaks import Break

        rows = self._query("SELECT id, first, last, label, scope FROM breaks ORDER BY first, id")
        return [
            Break(str(i), date.fromisoformat(f), date.fromisoformat(la), lb, tuple(json.loads(sc)))
            for i, f, la, lb, sc in rows
        ]

    def add_break(self, b: Break, summary: Message | str) -> Break:
        ids: list[int] = []
        with self._write("break", summary, {"added": ids}) as conn:
            cur = conn.execute(
                "INSERT INTO breaks (first, last, label, scope) VALUES (?, ?, ?, ?)",
                (b.first.isoformat(), b.last.isoformat(), b.label, json.dumps(list(b.scope))),
            )
            ids.append(int(cur.lastrowid or 0))
        return b._replace(id=str(ids[0]))

    def delete_break(self, break_id: int, summary: Message | str) -> bool:
        before = self._query("SELECT id, first, last, label, scope FROM breaks WHERE id = ?", (break_id,))
        if not before:
            return False
        with self._write("break", summary, {"before": list(before[0])}) as conn:
            conn.execute("DELETE FROM breaks WHERE id = ?", (break_id,))
        return True


_RUN_COLUMNS = "id, challenge, name, pseudonym, start, planned_end, ended, status, rules"


class RunConflict(Exception):
    """Another active run holds the same name (or is the active unnamed run)."""


def _row_to_run(row: Sequence[Any]) -> Run:
    return Run(
        id=row[0],
        challenge=row[1],
        name=row[2],
        pseudonym=row[3],
        start=datetime.fromisoformat(row[4]),
        planned_end=datetime.fromisoformat(row[5]),
        ended=datetime.fromisoformat(row[6]) if row[6] else None,
        status=row[7],
        rules=json.loads(row[8]),
    )


def _run_values(run: Run) -> tuple[Any, ...]:
    return (
        run.challenge,
        run.name,
        run.pseudonym,
        run.start.isoformat(),
        run.planned_end.isoformat(),
        run.ended.isoformat() if run.ended else None,
        run.status,
        json.dumps(run.rules, ensure_ascii=False),
    )
