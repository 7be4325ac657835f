"""The journal file: private, refuses what is not a journal, survives locks, never loses what it had."""

import sqlite3
import stat

import pytest

from footprint.store import connection


def test_journal_is_owner_only(cli, db_path) -> None:
    cli("log", "email")
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700
    mode = sqlite3.connect(db_path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_db_option_and_variable(cli, home, monkeypatch) -> None:
    other = home / "elsewhere.db"
    assert cli("--db", str(other), "log", "email").exit_code == 0
    assert other.exists()
    monkeypatch.setenv("FOOTPRINT_DB", str(other))
    assert '"touchpoint": "email"' in cli("day", "--json").stdout


def _refused(result, fragment: str) -> None:
    assert result.exit_code == 4, result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr.startswith("footprint: ") and result.stderr.count("\n") == 1
    assert fragment in result.stderr


def test_a_file_that_is_not_a_database_is_left_untouched(cli, home) -> None:
    junk = home / "notes.txt"
    junk.write_bytes(b"my private notes, definitely not sqlite\n" * 100)
    before = junk.read_bytes()
    _refused(cli("--db", str(junk), "log", "email"), "is not a footprint journal or is damaged")
    assert junk.read_bytes() == before


def test_another_sqlite_database_is_refused(cli, home) -> None:
    other = home / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    _refused(cli("--db", str(other), "day"), "is not a footprint journal")
    assert sqlite3.connect(other).execute("SELECT name FROM sqlite_master").fetchall() == [("recipes",)]


def test_a_damaged_journal_is_refused(cli, db_path) -> None:
    cli("log", "email")
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # trash the schema page
    db_path.write_bytes(bytes(data))
    _refused(cli("day"), "damaged")


def test_a_locked_journal_is_a_clear_error_and_nothing_is_half_written(cli, db_path, monkeypatch) -> None:
    cli("log", "email")
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        _refused(cli("log", "cb"), "locked")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    entries = sqlite3.connect(db_path).execute("SELECT touchpoint FROM entries").fetchall()
    assert entries == [("email",)]


def test_a_journal_from_a_newer_footprint_is_refused(cli, db_path) -> None:
    cli("log", "email")
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {connection.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    _refused(cli("day"), "newer footprint")


def test_a_folder_is_not_a_journal(cli, home) -> None:
    _refused(cli("--db", str(home), "day"), "is a folder")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_internal_errors_are_one_line_without_data(cli, monkeypatch, lang) -> None:
    from footprint import services

    def boom(*args, **kwargs):
        raise ValueError("secret note content")

    monkeypatch.setattr(services.Service, "log", boom)
    result = cli("--lang", lang, "log", "email")
    assert result.exit_code == 1
    assert result.stderr == "footprint: internal error (ValueError); run again with --debug\n"
