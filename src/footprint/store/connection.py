"""Opening the journal database: owner-only file, WAL, busy timeout, schema migrations, clear errors.

The fast path (every ``footprint log``) uses plain ``sqlite3`` and one statement that reads the schema
version, the application id and the step names the migrations table records; only a new, stranded or older
journal pays for importing ``sqlite_utils`` and running the migrations.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import JournalBusy, StorageError
from ..i18n import N_

APPLICATION_ID = 0x46505254  # "FPRT": marks a footprint journal, so another SQLite file is refused
BUSY_TIMEOUT_MS = 5000


def _schema_version() -> int:
    from .migrations import MIGRATION_COUNT

    return MIGRATION_COUNT


SCHEMA_VERSION = _schema_version()


def storage_error(path: Path, exc: BaseException) -> StorageError:
    """Turn a sqlite3 failure into one line a person can act on.

    A full disk is recognised first (by SQLite's error code where there is one, else by "database or disk
    is full"): whatever else the message says, the person must hear that the disk is full, not be sent to
    check a folder that is fine."""
    text = str(exc).lower()
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF  # the primary code of an extended one
    full = StorageError(N_("the disk holding {path} is full; nothing was written"), path=path)
    if code == sqlite3.SQLITE_FULL or "disk is full" in text or "no space" in text:
        return full
    if "locked" in text or "busy" in text:
        return JournalBusy(N_("the journal {path} is locked by another footprint or program; try again"), path=path)
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StorageError(N_("{path} is not a footprint journal or is damaged (it was left untouched)"), path=path)
    if _disk_full(path):  # SQLite says "disk I/O error" when the shared-memory file cannot grow
        return full
    if "readonly" in text or "read-only" in text or "unable to open" in text or "disk i/o" in text:
        return StorageError(N_("cannot write the journal {path}: check the folder exists and is yours"), path=path)
    return StorageError(N_("the journal {path} could not be used ({error})"), path=path, error=type(exc).__name__)


def _disk_full(path: Path) -> bool:
    """Less than 1 MiB left for the journal's folder (asked only once something has failed)."""
    try:
        st = os.statvfs(Path(path).parent)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False
    return st.f_bavail * st.f_frsize < 1 << 20


@contextmanager
def guarded(path: Path) -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as exc:
        raise storage_error(path, exc) from exc
    except UnicodeDecodeError:
        # sqlite3 raises this instead of its error when SQLite's message is not UTF-8: text from a damaged
        # schema or a trigger another program planted.
        raise StorageError(N_("{path} is damaged (SQLite reported an unreadable error)"), path=path) from None


def _create_private(path: Path, make_folder: bool) -> None:
    from ..files import private_dirs

    if make_folder:
        private_dirs(path.parent)
    elif not path.parent.is_dir():
        raise StorageError(N_("{path}: no such folder (create it first)"), path=path.parent)
    # Created empty with 0600 before SQLite touches it: SQLite gives the -wal and -shm files the
    # permissions of the database file, so they stay private too.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def open_database(path: Path, make_folder: bool = True) -> sqlite3.Connection:
    """An autocommit connection to a migrated journal; callers open transactions explicitly.

    A missing file is created (and its folder, owner-only, unless ``make_folder`` is false: a journal path
    the user typed must not grow folders from a typo). An empty file, or one a killed footprint left
    half-initialised, is set up as a new journal; any other SQLite file is refused untouched.
    """
    path = Path(path)
    try:
        is_dir, exists = path.is_dir(), path.exists()
    except OSError as exc:  # an unreadable folder on the way
        from ..files import os_reason

        raise StorageError(N_("cannot open the journal {path}: {reason}"), path=path, reason=os_reason(exc)) from None
    if is_dir:
        raise StorageError(N_("{path} is a folder, not a journal file"), path=path)
    try:
        if not exists:
            _create_private(path, make_folder)
    except FileExistsError:
        pass  # another footprint created it a moment ago
    except OSError as exc:
        from ..files import os_reason

        raise StorageError(N_("cannot create the journal {path}: {reason}"), path=path, reason=os_reason(exc)) from None
    with guarded(path):
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            found = _state(conn)
            if found is None or found[:2] != (SCHEMA_VERSION, APPLICATION_ID):
                _migrate(conn, path)
                found = _state(conn)
            if found is None:
                raise StorageError(
                    N_("{path} is a damaged footprint journal (its migrations table is missing)"), path=path
                )
            _check_steps(found[2], path)
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = NORMAL")
        except BaseException:
            conn.close()
            raise
    return conn


def _identity(conn: sqlite3.Connection) -> tuple[int, int]:
    row = conn.execute("SELECT * FROM pragma_user_version, pragma_application_id").fetchone()
    return row[0], row[1]


def _has_tables(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0


def _is_blank(conn: sqlite3.Connection) -> bool:
    """Nothing of a journal yet: a 0-byte file, or one a footprint killed while creating it left with WAL
    mode set (or, before this check existed, an application id) but no schema."""
    version, app_id = _identity(conn)
    return version == 0 and app_id in (0, APPLICATION_ID) and not _has_tables(conn)


def _newer(path: Path, version: object) -> StorageError:
    return StorageError(
        N_("{path} was written by a newer footprint (schema {version}); upgrade footprint"), path=path, version=version
    )


# The fast path's one statement: the schema version, the application id, and the names of the steps the
# migrations table records (a newer footprint may have recorded one this one does not know).
_STATE = (
    "SELECT (SELECT user_version FROM pragma_user_version), (SELECT application_id FROM pragma_application_id), "
    "(SELECT group_concat(name, char(10)) FROM _sqlite_migrations WHERE migration_set = 'footprint')"
)


def _state(conn: sqlite3.Connection) -> tuple[int, int, str | None] | None:
    """(user_version, application_id, recorded step names), or None when there is no migrations table (a
    new file, or not a journal). One statement, about as cheap as the two pragmas it replaced (measured)."""
    try:
        return conn.execute(_STATE).fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return None
        raise


def _check_steps(names: str | None, path: Path) -> None:
    """Refuse a journal whose migrations table names a step this footprint does not know: a newer footprint
    wrote it, even if ``user_version`` looks current."""
    from .migrations import KNOWN_STEPS

    unknown = [name for name in (names or "").split("\n") if name and name not in KNOWN_STEPS]
    if unknown:
        raise _newer(path, _shorten(unknown[-1]))


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "…"


def _adoptable(conn: sqlite3.Connection) -> bool:
    """A footprint journal an earlier footprint stranded without its application id (it initialised an
    empty file without one): its migrations table names footprint's own steps."""
    from .migrations import MIGRATION_SET

    try:
        row = conn.execute(
            "SELECT count(*) FROM _sqlite_migrations WHERE migration_set = ?", (MIGRATION_SET,)
        ).fetchone()
    except sqlite3.OperationalError:
        return False
    return row[0] > 0


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Bring a new, stranded or older journal to the current schema; refuse anything else untouched.

    The application id, the schema and ``user_version`` land in one transaction: a kill at any point leaves
    either a blank file (set up again on the next run) or a whole journal. WAL mode cannot be switched
    inside a transaction, so it is set just before; a file killed right after it is still blank."""
    from .migrations import apply

    version, app_id = _identity(conn)
    if version > SCHEMA_VERSION and app_id == APPLICATION_ID:
        raise _newer(path, version)
    if app_id != APPLICATION_ID and not _is_blank(conn) and not (app_id == 0 and _adoptable(conn)):
        raise StorageError(N_("{path} is not a footprint journal (it was left untouched)"), path=path)
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        conn.execute("PRAGMA journal_mode = WAL")  # persistent: set once
    conn.execute("BEGIN IMMEDIATE")
    try:
        version, app_id = _identity(conn)  # again under the write lock: another footprint may have been first
        if version > SCHEMA_VERSION:
            raise _newer(path, version)
        if app_id != APPLICATION_ID:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        if version < SCHEMA_VERSION:
            apply(conn)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    _private(path)


def _private(path: Path) -> None:
    """An empty file the user made for the journal may be world-readable: the journal never is."""
    try:
        if os.stat(path).st_mode & 0o077:
            os.chmod(path, 0o600)
    except OSError:
        pass  # not ours to change (another owner): SQLite could write it, so it stays usable
