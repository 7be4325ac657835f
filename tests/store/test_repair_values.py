"""Migration 005 repairs journals the old code let poison: a journal at schema 4 with an infinite minutes
value, huge counts, entries of year 1 and 9999, an infinite score and an undo step holding Infinity opens
migrated, and then day, rm, undo and export all work, with valid JSON."""

import json
import sqlite3
from pathlib import Path

from sqlite_utils import Database, Migrations

from footprint.store import migrations
from footprint.store.connection import APPLICATION_ID

TS = 1795766400  # 2026-11-21T09:00:00+01:00
ROW = "INSERT INTO entries (ts, utc_offset, day, touchpoint, count, minutes, source) VALUES (?, ?, ?, ?, ?, ?, ?)"
POISONED = [
    (TS, 60, "2026-11-21", "smartphone", 1, float("inf"), "import:footprint-json"),  # kept, minutes → NULL
    (TS + 60, 60, "2026-11-21", "smartphone", 2, 10.0, "cli"),  # healthy
    (TS + 120, 60, "2026-11-21", "email", 2**62, None, "import:footprint-json"),  # removed
    (TS + 180, 60, "2026-11-21", "email", 3, 1e308, "import:footprint-json"),  # kept, minutes → NULL
    (TS + 240, 60, "2026-11-21", "email", 5_000_000, None, "import:google-takeout"),  # removed
    (-62135596800 + 86400, 0, "0001-01-02", "smartphone", 1, None, "import:footprint-json"),  # removed
    (253402297200, -300, "9999-12-31", "smartphone", 1, None, "import:footprint-json"),  # removed
]


def schema_4(path: Path) -> sqlite3.Connection:
    """A journal as footprint created it before step 005 (steps 001 to 004 applied)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    old = Migrations("footprint")
    for name, script in migrations.STEPS[:4]:
        old(name=name)(migrations._step(script))
    old.apply(Database(conn))
    conn.execute("PRAGMA user_version = 4")
    return conn


def old_journal(path: Path) -> None:
    """A schema-4 journal holding what the old import let in."""
    conn = schema_4(path)
    conn.executemany(ROW, POISONED)
    conn.execute("INSERT INTO days (day, closed) VALUES ('0001-01-02', 1), ('2026-11-20', 1)")
    conn.execute("INSERT INTO scores VALUES ('klout', '2026-11-20', 42, 'cli'), ('reach', '2026-11-20', ?, 'cli'), "
                 "('klout', '0001-01-01', 3, 'import')", (float("inf"),))  # fmt: skip
    payload = json.dumps({"rows": [[99, TS, 60, "2026-11-21", "smartphone", 1, float("inf"), None, None, "cli", None]]})
    conn.execute("INSERT INTO ops (at, action, summary, payload) VALUES ('2026-11-21', 'rm', 'rm #99', ?)", (payload,))
    assert (
        conn.execute("SELECT minutes FROM day_usage WHERE day = '2026-11-21' AND touchpoint = 'smartphone'").fetchone()[
            0
        ]
        > 1e308
    )
    conn.close()


def valid_json(text: str):
    def refuse(name: str) -> None:
        raise AssertionError(f"invalid JSON constant {name}")

    return json.loads(text, parse_constant=refuse)


def rows(db_path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_a_poisoned_journal_is_repaired_when_footprint_opens_it(cli, db_path) -> None:
    old_journal(db_path)
    day = cli("day", "2026-11-21", "--json")
    assert day.exit_code == 0, day.stderr
    assert rows(db_path, "PRAGMA user_version") == [(migrations.MIGRATION_COUNT,)]
    assert rows(db_path, "SELECT id, count, minutes FROM entries ORDER BY id") == [
        (1, 1, None), (2, 2, 10.0), (4, 3, None)
    ]  # fmt: skip
    assert rows(db_path, "SELECT day, touchpoint, count, minutes FROM day_usage ORDER BY 1, 2") == [
        ("2026-11-21", "email", 3, 0.0), ("2026-11-21", "smartphone", 3, 10.0)
    ]  # fmt: skip
    assert rows(db_path, "SELECT day FROM days") == [("2026-11-20",)]
    assert rows(db_path, "SELECT metric, day, value FROM scores") == [("klout", "2026-11-20", 42.0)]
    assert rows(db_path, "SELECT count(*) FROM ops") == [(0,)]  # undo could have brought the Infinity back
    view = valid_json(day.stdout)
    assert [e["id"] for e in view["entries"]] == [1, 2, 4] and view["footprint"]["total"] > 0


def test_day_rm_undo_and_export_work_on_the_repaired_journal(cli, db_path) -> None:
    old_journal(db_path)
    text = cli("day", "2026-11-21")
    assert text.exit_code == 0 and text.stderr == ""
    assert cli("rm", "1").exit_code == 0
    undone = cli("undo")
    assert undone.exit_code == 0 and "removing entry #1" in undone.stdout
    assert cli("undo").stdout.strip() == "Nothing to undo."
    export = cli("export", "--format", "json")
    assert export.exit_code == 0, export.stderr
    assert [e["id"] for e in valid_json(export.stdout)["entries"]] == [1, 2, 4]
    listed = cli("list", "--json")
    assert listed.exit_code == 0 and len(valid_json(listed.stdout)) == 3
    chart = cli("chart", "footprint", "--from", "all", "--json")
    assert chart.exit_code == 0 and "0001-" not in chart.stdout
    assert rows(db_path, "SELECT day, touchpoint, count, minutes FROM day_usage ORDER BY 1, 2") == rows(
        db_path, "SELECT day, touchpoint, sum(count), total(minutes) FROM entries GROUP BY 1, 2 ORDER BY 1, 2"
    )


def test_a_healthy_journal_keeps_its_undo_history_through_the_repair(cli, db_path) -> None:
    schema_4(db_path).close()
    cli("log", "smartphone", "--minutes", "20")  # migrates, then logs
    assert cli("undo").stdout.startswith("Undone: logging Smartphone")


def test_a_value_written_behind_footprints_back_after_the_repair_is_a_clear_error(cli, db_path) -> None:
    assert cli("log", "smartphone", "--at", "08:00", "--minutes", "12").exit_code == 0
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE entries SET minutes = 9e999")
    conn.commit()
    conn.close()
    for args in (("day",), ("day", "--json"), ("list", "--json"), ("export", "--format", "json")):
        result = cli(*args)
        assert result.exit_code == 4, args
        assert result.stderr == (
            "footprint: entry #1 (2026-11-22) holds minutes out of range: the journal was changed outside footprint\n"
        )
        assert "Infinity" not in result.stdout and "NaN" not in result.stdout
