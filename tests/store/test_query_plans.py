"""Every query that answers a day or a range uses an index, with and without SQLite's statistics.

The commands run for real (through the CLI) on a small journal while every connection the journal opens
records its statements (``set_trace_callback``, parameters bound in); then each SELECT is explained on a
fresh connection, once with no statistics and once with the statistics of a big journal. A statement bound
to days or instants must never scan ``entries`` or ``day_usage``; a statement that reads everything (an
export, ``list`` of everything, a chart of all time) may walk an index, but never scans the table bare nor
sorts the whole journal in a temporary b-tree (its memory would grow with the journal).
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

import footprint.store.journal as journal_module

# ``ANALYZE`` of a 1,000,000-entry journal built by bench/scale.py (10 years, 14 touchpoints).
BIG_JOURNAL_STATS = [
    ("day_usage", "day_usage", "51128 14 1"),
    ("entries", "entries_source_ref", "1000000 1000000 1"),
    ("entries", "entries_touchpoint", "1000000 71429 20"),
    ("entries", "entries_day", "1000000 274 20 20 4"),
    ("days", "sqlite_autoindex_days_1", "3651 1"),
    ("profile", "profile_touchpoint", "5 1 1"),
    ("scores", "scores", "522 522 1"),
]
BOUNDED = re.compile(r"\b(day|ts)\s*(=|>=|<=|<|>|BETWEEN)", re.IGNORECASE)
BIG_TABLES = re.compile(r"^(SCAN|SEARCH) (entries|day_usage|u|e)\b")


@pytest.fixture
def traced(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The statements of every journal connection opened from now on."""
    seen: list[str] = []
    real = journal_module.open_database

    def open_traced(path: Path, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = real(path, *args, **kwargs)
        conn.set_trace_callback(seen.append)
        return conn

    monkeypatch.setattr(journal_module, "open_database", open_traced)
    return seen


def _arrange(cli, tmp_path: Path) -> None:
    for args in (
        ("profile", "add", "smartphone", "bank-card", "smart-meter", "--since", "2026-10-01"),
        ("log", "smartphone", "--at", "2026-11-18 07:00", "--count", "3"),
        ("log", "email", "--at", "2026-11-19 21:30", "--note", "late"),
        ("log", "facebook", "--at", "2026-11-20 10:00", "--minutes", "20"),
        ("log", "smartphone", "--at", "2026-11-20 23:00", "--reason", "unavoidable"),
        ("log", "cb", "--at", "2026-11-21 12:00"),
        ("close", "2026-11-18"),
        ("close", "2026-11-19"),
        ("close", "2026-11-21"),
        ("score", "add", "klout", "40", "--on", "2026-11-20"),
        ("break", "add", "--from", "2026-11-10", "--to", "2026-11-12"),
        ("challenge", "start", "day-without-big-data", "--at", "2026-11-20T10:00", "--name", "day"),
        ("challenge", "start", "week-without-social", "--at", "2026-11-01T09:00", "--name", "week"),
        ("export", "--format", "json", "--out", str(tmp_path / "journal.json")),
    ):
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stderr)


COMMANDS = [
    ("day",),
    ("day", "2026-11-20", "--json"),
    ("list",),
    ("list", "--json"),
    ("list", "--csv", "--from", "-7d"),
    ("list", "--from", "2026-11-19", "--to", "2026-11-20"),
    ("list", "--to", "2026-11-20"),
    ("list", "-t", "smartphone"),
    ("list", "-t", "smartphone", "--from", "-3d"),
    ("list", "--reverse", "--limit", "3"),
    ("list", "--kind", "social", "-r"),
    ("list", "--reason", "unavoidable", "--source", "manual"),
    ("list", "--search", "LATE", "--from", "-7d", "-r"),
    ("challenge", "verdict", "day"),
    ("challenge", "verdict", "week", "--json"),
    ("challenge", "status", "week"),
    ("challenge", "report", "day"),
    ("streak", "social"),
    ("streak", "cb"),
    ("chart", "footprint", "--json"),
    ("chart", "footprint", "--from", "all", "--json"),
    ("chart", "touchpoints"),
    ("break", "effect", "1"),
    ("score", "list"),
    ("score", "list", "--from", "-30d"),
    ("export", "--format", "csv"),
]


@pytest.fixture
def statements(cli, traced, tmp_path: Path) -> list[str]:
    _arrange(cli, tmp_path)
    traced.clear()
    for args in COMMANDS:
        result = cli(*args)
        assert result.exit_code == 0, (args, result.stderr)
    result = cli("import", "footprint-json", str(tmp_path / "journal.json"))  # reads days already there
    assert result.exit_code == 0, result.stderr
    selects = {s.strip() for s in traced if s.lstrip().upper().startswith(("SELECT", "WITH"))}
    return sorted(s for s in selects if re.search(r"\bFROM\s+(entries|day_usage)\b", s))


def _plans(db: Path, sqls: list[str], stats: list[tuple[str, str, str]] | None) -> dict[str, list[str]]:
    conn = sqlite3.connect(db)
    try:
        conn.execute("DROP TABLE IF EXISTS sqlite_stat1")
        if stats is not None:
            conn.execute("ANALYZE")  # creates sqlite_stat1, then it holds the big journal's figures
            conn.execute("DELETE FROM sqlite_stat1")
            conn.executemany("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)", stats)
        conn.commit()
    finally:
        conn.close()
    conn = sqlite3.connect(db)  # a new connection loads the statistics
    conn.create_function("footprint_fold", 1, journal_module._fold_note, deterministic=True)  # --search
    try:
        return {sql: [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql)] for sql in sqls}
    finally:
        conn.close()


@pytest.mark.parametrize("stats", [None, BIG_JOURNAL_STATS], ids=["no statistics", "big journal statistics"])
def test_day_and_range_queries_use_an_index(statements, db_path: Path, tmp_path: Path, stats) -> None:
    bounded = [s for s in statements if BOUNDED.search(s)]
    # The commands did ask days and ranges: day, list --from, verdicts' spans, streaks, charts, breaks.
    assert len(bounded) >= 12, bounded
    assert any("day_usage" in s and "BETWEEN" in s for s in bounded)  # a verdict's whole days
    assert any(re.search(r"\bts >= \d+", s) for s in bounded)  # a verdict's parts of days
    copy = tmp_path / "explained.db"
    shutil.copy(db_path, copy)
    bad = {}
    for sql, plan in _plans(copy, statements, stats).items():
        big = [p for p in plan if BIG_TABLES.match(p)]
        if BOUNDED.search(sql):
            wrong = [p for p in big if p.startswith("SCAN")]
        else:
            wrong = [p for p in big if " USING " not in p and p.startswith("SCAN entries")]
            wrong += [p for p in plan if p == "USE TEMP B-TREE FOR ORDER BY"]
        if wrong:
            bad[sql] = plan
    assert not bad, "\n".join(f"{sql}\n    {plan}" for sql, plan in bad.items())


def test_whole_journal_reads_are_few_and_named(statements) -> None:
    """What reads everything is what shows everything: keep this list short, and each read streamed."""
    whole = [s for s in statements if not BOUNDED.search(s)]
    kinds = {re.sub(r"'[^']*'|\d+", "?", s) for s in whole}
    for kind in kinds:
        assert re.search(
            r"ORDER BY day, ts, id$|ORDER BY day DESC, ts DESC, id DESC( LIMIT \?)?$|^SELECT min\(day\) FROM day_usage$|FROM day_usage$|max\(id\)", kind
        ) or ("source_ref =" in kind), kind
