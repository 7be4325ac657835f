"""The journal file: private, refuses what is not a journal, survives locks, never loses what it had."""

import json
import os
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


# --- a journal's birth: empty and half-initialised files ------------------------------------------------


def _blank_wal(path) -> None:
    """What a footprint killed right after switching a new file to WAL leaves: no schema, no id."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()


def _blank_with_id(path) -> None:
    """What an earlier footprint killed between setting the application id and the schema left."""
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {connection.APPLICATION_ID}")
    conn.close()


@pytest.mark.parametrize("make", [lambda p: p.touch(mode=0o644), _blank_wal, _blank_with_id])
def test_an_empty_or_half_initialised_file_becomes_a_whole_journal(cli, home, make) -> None:
    path = home / "j.db"
    make(path)
    logged = cli("--db", str(path), "log", "smartphone")
    assert logged.exit_code == 0, logged.stderr
    assert logged.stdout.startswith("Logged Smartphone ×1") and logged.stderr == ""
    again = cli("--db", str(path), "day", "--json")
    assert again.exit_code == 0, again.stderr
    assert '"touchpoint": "smartphone"' in again.stdout
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == connection.APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == connection.SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # a world-readable empty file is made private


def test_a_journal_stranded_without_its_id_by_an_earlier_footprint_is_adopted(cli, db_path) -> None:
    # Earlier footprints set up an empty file without the application id; every later command refused it.
    assert cli("log", "email").exit_code == 0
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA application_id = 0")
    conn.close()
    result = cli("log", "cb")
    assert result.exit_code == 0, result.stderr
    assert sqlite3.connect(db_path).execute("PRAGMA application_id").fetchone()[0] == connection.APPLICATION_ID
    assert [e["touchpoint"] for e in json.loads(cli("list", "--json").stdout)] == ["email", "bank-card"]


def test_the_schema_and_the_id_land_in_one_transaction(db_path, monkeypatch) -> None:
    """A failure while the schema is written leaves the file blank (and the next open sets it up)."""
    from footprint.store import migrations

    db_path.touch(mode=0o600)

    def broken(conn):
        conn.execute("CREATE TABLE entries (id INTEGER PRIMARY KEY)")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(migrations, "apply", broken)
    with pytest.raises(connection.StorageError):
        connection.open_database(db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT * FROM pragma_user_version, pragma_application_id").fetchone() == (0, 0)
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    conn.close()
    monkeypatch.undo()
    connection.open_database(db_path).close()
    assert sqlite3.connect(db_path).execute("PRAGMA application_id").fetchone()[0] == connection.APPLICATION_ID


def test_a_migration_step_this_footprint_does_not_know_is_refused_as_newer(cli, db_path) -> None:
    assert cli("log", "email").exit_code == 0
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('footprint', '099_future', 'x')"
    )
    conn.commit()
    conn.close()
    _refused(cli("log", "cb"), "was written by a newer footprint (schema 099_future); upgrade footprint")
    assert sqlite3.connect(db_path).execute("SELECT touchpoint FROM entries").fetchall() == [("email",)]


def test_a_journal_without_its_migrations_table_is_damaged(cli, db_path) -> None:
    assert cli("log", "email").exit_code == 0
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TABLE _sqlite_migrations")
    conn.commit()
    conn.close()
    _refused(cli("day"), "damaged")


def test_another_program_s_unknown_migrations_are_not_footprint_s(cli, db_path) -> None:
    assert cli("log", "email").exit_code == 0
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('plugin', '001_x', 'x')")
    conn.commit()
    conn.close()
    assert cli("log", "cb").exit_code == 0


# --- where the journal is ---------------------------------------------------------------------------------


@pytest.mark.parametrize("via", ["option", "variable"])
def test_a_given_journal_path_in_a_missing_folder_is_refused(cli, home, monkeypatch, via) -> None:
    typo = home / "typo" / "j.db"
    if via == "option":
        result = cli("--db", str(typo), "log", "email")
    else:
        monkeypatch.setenv("FOOTPRINT_DB", str(typo))
        result = cli("log", "email")
    _refused(result, f"footprint: {typo.parent}: no such folder (create it first)")
    assert not typo.parent.exists()


def test_the_default_journal_folder_is_created_owner_only(cli, home, monkeypatch) -> None:
    import platformdirs

    monkeypatch.delenv("FOOTPRINT_DB")
    monkeypatch.setattr(platformdirs, "user_data_path", lambda name: home / "xdg" / "share" / name)
    umask = os.umask(0o000)  # even so, nothing footprint creates is open to others
    try:
        result = cli("log", "email")
    finally:
        os.umask(umask)
    assert result.exit_code == 0, result.stderr
    for folder in (home / "xdg", home / "xdg" / "share", home / "xdg" / "share" / "footprint"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((home / "xdg" / "share" / "footprint" / "journal.db").stat().st_mode) == 0o600


def _unreadable(monkeypatch, folder) -> None:
    """chmod 000 on ``folder`` as the system would enforce it (tests may run as root, who reads anyway)."""
    real_stat, real_listdir = os.stat, os.listdir

    def inside(p) -> bool:
        return str(p).startswith(str(folder) + os.sep)

    def stat_(p, *args, **kwargs):
        if inside(p):
            raise PermissionError(13, "Permission denied", str(p))
        return real_stat(p, *args, **kwargs)

    def listdir(p="."):
        if str(p) == str(folder) or inside(p):
            raise PermissionError(13, "Permission denied", str(p))
        return real_listdir(p)

    folder.chmod(0o000)
    monkeypatch.setattr(os, "stat", stat_)
    monkeypatch.setattr(os, "listdir", listdir)


def test_an_unreadable_journal_folder_is_one_line(cli, home, monkeypatch) -> None:
    folder = home / "locked"
    folder.mkdir()
    try:
        _unreadable(monkeypatch, folder)
        result = cli("--db", str(folder / "j.db"), "log", "email")
    finally:
        monkeypatch.undo()
        folder.chmod(0o700)
    _refused(result, f"footprint: cannot open the journal {folder / 'j.db'}: permission denied")


@pytest.mark.parametrize("sub", ["touchpoints", "challenges"])
def test_an_unreadable_config_folder_is_one_line(cli, home, monkeypatch, sub) -> None:
    folder = home / "config" / sub
    folder.mkdir(parents=True)
    try:
        _unreadable(monkeypatch, folder.parent)
        result = cli("challenge", "list") if sub == "challenges" else cli("log", "email")
    finally:
        monkeypatch.undo()
        folder.parent.chmod(0o700)
    assert result.exit_code == 5, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"footprint: {folder}: cannot read (permission denied)\n"


# --- damaged journals -------------------------------------------------------------------------------------


def _tamper(db_path, sql: str) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute(sql)
    conn.commit()
    conn.close()


TAMPERED = {  # what another program wrote → a command that reads it
    "UPDATE entries SET count = 'abc'": ["list"],
    "UPDATE entries SET ts = 'yesterday'": ["list"],
    "UPDATE entries SET day = 'not a day'": ["list"],
    "UPDATE entries SET minutes = 'long'": ["list"],
    "UPDATE entries SET utc_offset = 'z'": ["list"],
    "UPDATE entries SET ts = 99999999999999": ["list"],
    "UPDATE day_usage SET count = 'x'": ["chart", "footprint", "--from", "7d", "--json"],
    "UPDATE day_usage SET day = '2026-11-1x'": ["chart", "footprint", "--from", "7d", "--json"],
    "UPDATE profile SET since = 'soon'": ["day"],
    "UPDATE days SET day = 'soon'": ["streak", "social"],
    "UPDATE scores SET value = 'high'": ["score", "list"],
}


def _tampered_journal(cli, db_path, sql: str) -> None:
    for args in (
        ["profile", "add", "smartphone"],
        ["log", "email", "--minutes", "3"],
        ["close", "yesterday"],
        ["score", "add", "klout", "4", "--on", "yesterday"],
    ):
        assert cli(*args).exit_code == 0
    _tamper(db_path, sql)


@pytest.mark.parametrize("sql", list(TAMPERED))
def test_rows_of_the_wrong_type_are_a_damaged_journal_not_a_crash(cli, db_path, sql) -> None:
    _tampered_journal(cli, db_path, sql)
    _refused(cli(*TAMPERED[sql]), "the journal is damaged: ")


@pytest.mark.parametrize("sql", list(TAMPERED))
@pytest.mark.parametrize("command", [["day"], ["chart", "touchpoints"], ["export"]])
def test_no_command_crashes_on_a_tampered_row(cli, db_path, sql, command) -> None:
    _tampered_journal(cli, db_path, sql)
    result = cli(*command)
    assert result.exit_code in (0, 4), result.stderr  # 0: this command does not read the tampered value
    assert "internal error" not in result.stderr and result.stderr.count("\n") <= 1


def test_an_sqlite_error_that_is_not_utf8_is_a_damaged_journal(cli, db_path) -> None:
    assert cli("log", "email").exit_code == 0
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TRIGGER planted BEFORE INSERT ON entries BEGIN SELECT RAISE(ABORT, 'QQQQ'); END")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = db_path.read_bytes()
    assert data.count(b"QQQQ") == 1
    db_path.write_bytes(data.replace(b"QQQQ", b"\xff\xfe\xfd\xfc"))
    _refused(cli("log", "cb"), "damaged")
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM entries").fetchone()[0] == 1


@pytest.mark.parametrize("now", ["9999-12-31T23:59", "9999-12-31T23:59+14:00", "0001-01-01T00:00", "2101-01-01"])
def test_a_frozen_clock_beyond_the_journal_s_years_is_bad_input(cli, monkeypatch, now) -> None:
    monkeypatch.setenv("FOOTPRINT_NOW", now)
    for args in (["log", "smartphone"], ["day"], ["close"]):
        result = cli(*args)
        assert result.exit_code == 2, result.stderr
        assert result.stdout == ""
        assert result.stderr == f"footprint: FOOTPRINT_NOW {now!r} is out of range: use a date from 1970 to 2100\n"
