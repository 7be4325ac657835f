"""The daily roll-up (charts read it) always equals a fresh count of the entries, whatever changed them."""

import json
import sqlite3


def _rollup_matches(db_path) -> None:
    conn = sqlite3.connect(db_path)
    fresh = conn.execute(
        "SELECT day, touchpoint, sum(count), total(minutes) FROM entries GROUP BY day, touchpoint ORDER BY 1, 2"
    ).fetchall()
    kept = conn.execute("SELECT day, touchpoint, count, minutes FROM day_usage ORDER BY 1, 2").fetchall()
    conn.close()
    assert kept == fresh


def test_rollup_follows_log_edit_rm_undo_and_import(cli, db_path, home, monkeypatch) -> None:
    cli("log", "cb", "--count", "2", "--at", "-1d")
    cli("log", "smartphone", "--minutes", "30")
    cli("log", "smartphone", "--count", "3", "--minutes", "12.5")
    _rollup_matches(db_path)
    ids = [e["id"] for e in json.loads(cli("list", "--json").stdout)]
    cli("edit", str(ids[1]), "--touchpoint", "email", "--at", "-2d", "--minutes", "5")
    _rollup_matches(db_path)
    cli("rm", str(ids[2]))
    _rollup_matches(db_path)
    for _ in range(3):
        cli("undo")
        _rollup_matches(db_path)
    export = home / "j.json"
    export.write_text(cli("export").stdout, encoding="utf-8")
    monkeypatch.setenv("FOOTPRINT_DB", str(home / "other.db"))
    cli("import", "footprint-json", str(export))
    cli("import", "footprint-json", str(export))
    _rollup_matches(home / "other.db")


def test_a_bulk_import_recounts_its_days_and_puts_the_trigger_back(db_path) -> None:
    """A big import lifts the per-row trigger inside its transactions and recounts the days it touched with
    one grouped insert: the roll-up still equals a fresh count, into days that already had entries too, and
    the trigger is back as it was for the writes that follow."""
    from datetime import date, datetime, timedelta
    from zoneinfo import ZoneInfo

    from footprint.domain.journal import Entry
    from footprint.store import Journal
    from footprint.store import bulk as bulk_module

    zone = ZoneInfo("Europe/Paris")

    def entries(n: int, ref: str) -> list[Entry]:
        start = datetime(2026, 1, 1, 8, tzinfo=zone)
        return [
            Entry(None, start + timedelta(minutes=37 * i), (start + timedelta(minutes=37 * i)).date(),
                  ("smartphone", "email", "bank-card")[i % 3], 1 + i % 4, (i % 5) * 1.5 or None, None, None,
                  "import:x", f"{ref}{i}")
            for i in range(n)
        ]  # fmt: skip

    with Journal(db_path) as j:
        trigger = j.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'day_usage_insert'").fetchone()
        j.add_entries(entries(50, "typed")[::7], "some logged before")
        assert j.import_entries(entries(5000, "a"), "import a", batch=700) == 5000
        _rollup_matches(db_path)
        assert j.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'day_usage_insert'").fetchone() == trigger
        j.add_entries([entries(1, "after")[0]._replace(day=date(2026, 1, 1))], "logged after")  # the trigger works
        _rollup_matches(db_path)
        assert j.import_entries(entries(5000, "a") + entries(300, "b"), "import b", batch=999) == 300
        _rollup_matches(db_path)
        assert j.undo() == "import b"
        _rollup_matches(db_path)
    assert bulk_module.ROLLUP_TRIGGER == "day_usage_insert"
