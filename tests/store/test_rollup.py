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
