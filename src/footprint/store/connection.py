"""Opening the journal database: owner-only file, WAL, busy timeout, schema migrations, clear errors.

The fast path (every ``footprint log``) uses plain ``sqlite3`` and reads ``PRAGMA user_version``; only a
database whose version is behind pays for importing ``sqlite_utils`` and running the migrations.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import JournalBusy, StorageError

APPLICATION_ID = 0x46505254  # "FPRT": marks a footprint journal, so another SQLite file is refused
BUSY_TIMEOUT_MS = 5000


def _schema_version() -> int:
    from .migrations import MIGRATION_COUNT

    return MIGRATION_COUNT


SCHEMA_VERSION = _schema_version()


def storage_error(path: Path, exc: BaseException) -> StorageError:
    """Turn a sqlite3 failure into one line a person can act on."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return JournalBusy(f"the journal {path} is locked by another footprint or program; try again")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StorageError(f"{path} is not a footprint journal or is damaged (it was left untouched)")
    if "readonly" in text or "read-only" in text or "unable to open" in text or "disk i/o" in text:
        return StorageError(f"cannot write the journal {path}: check the folder exists and is yours")
    if "no space" in text or "full" in text:
        return StorageError(f"the disk holding {path} is full; nothing was written")
    return StorageError(f"the journal {path} could not be used ({type(exc).__name__})")


@contextmanager
def guarded(path: Path) -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as exc:
        raise storage_error(path, exc) from exc


def _create_private(path: Path) -> None:
    from ..files import private_dirs

    private_dirs(path.parent)
    # Created empty with 0600 before SQLite touches it: SQLite gives the -wal and -shm files the
    # permissions of the database file, so they stay private too.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def open_database(path: Path) -> sqlite3.Connection:
    """An autocommit connection to a migrated journal; callers open transactions explicitly."""
    path = Path(path)
    if path.is_dir():
        raise StorageError(f"{path} is a folder, not a journal file")
    created = False
    try:
        if not path.exists():
            _create_private(path)
            created = True
    except FileExistsError:
        pass  # another footprint created it a moment ago
    except OSError as exc:
        raise StorageError(f"cannot create the journal {path}: {exc.strerror}") from exc
    with guarded(path):
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            version, app_id = _identity(conn)
            if not created and app_id != APPLICATION_ID and (version or _has_tables(conn)):
                raise StorageError(f"{path} is not a footprint journal (it was left untouched)")
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if version < SCHEMA_VERSION:
                _migrate(conn, created)
            elif version > SCHEMA_VERSION:
                raise StorageError(f"{path} was written by a newer footprint (schema {version}); upgrade footprint")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = NORMAL")
        except BaseException:
            conn.close()
            raise
    return conn


def _identity(conn: sqlite3.Connection) -> tuple[int, int]:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    return version, app_id


def _has_tables(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0


def _migrate(conn: sqlite3.Connection, created: bool) -> None:
    from .migrations import apply

    if created:
        conn.execute("PRAGMA journal_mode = WAL")  # persistent: set once, when the file is new
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    apply(conn)
