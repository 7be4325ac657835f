"""The journal's schema, as versioned migrations (sqlite-utils' ``Migrations`` helper).

Never edit a migration that has shipped: add a new one at the end of ``STEPS``. ``PRAGMA user_version``
mirrors the number applied so the fast path can skip this module entirely.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import tzinfo
from typing import Any

# Each step is (name, SQL script). Kept as plain SQL: the schema is easier to read as SQL than as calls;
# a step that needs the journal's zone (006) is a function of the connection and the zone.
Step = str | Callable[[sqlite3.Connection, tzinfo], None]
STEPS: tuple[tuple[str, Step], ...] = (
    (
        "001_journal",
        """
        CREATE TABLE entries (
            id INTEGER PRIMARY KEY,
            ts INTEGER NOT NULL,              -- the instant, Unix seconds (UTC)
            utc_offset INTEGER NOT NULL,      -- minutes east of UTC in the journal's zone at that instant
            day TEXT NOT NULL,                -- the local day it belongs to, YYYY-MM-DD
            touchpoint TEXT NOT NULL,
            count INTEGER NOT NULL DEFAULT 1 CHECK (count >= 0),
            minutes REAL CHECK (minutes IS NULL OR minutes >= 0),
            note TEXT,
            reason TEXT CHECK (reason IS NULL OR reason IN ('unavoidable', 'chosen', 'forgot')),
            source TEXT NOT NULL,             -- cli, tui, demo, import:<format>...
            source_ref TEXT                   -- stable reference from an importer: re-imports never duplicate
        );
        CREATE INDEX entries_day ON entries (day, touchpoint, count, minutes);
        CREATE INDEX entries_touchpoint ON entries (touchpoint, day);
        CREATE UNIQUE INDEX entries_source_ref ON entries (source, source_ref) WHERE source_ref IS NOT NULL;

        CREATE TABLE days (
            day TEXT PRIMARY KEY,
            closed INTEGER NOT NULL DEFAULT 0,
            closed_at TEXT
        );

        CREATE TABLE profile (
            id INTEGER PRIMARY KEY,
            touchpoint TEXT NOT NULL,
            state TEXT,
            since TEXT NOT NULL,
            until TEXT                        -- NULL while it is still in the profile
        );
        CREATE INDEX profile_touchpoint ON profile (touchpoint, since);

        CREATE TABLE ops (                    -- the undo history, newest last
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            action TEXT NOT NULL,
            summary TEXT NOT NULL,
            payload TEXT NOT NULL             -- JSON: what undo needs to restore
        );
        """,
    ),
    (
        "002_challenge_runs",
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            challenge TEXT NOT NULL,
            name TEXT,                        -- a name lets several runs be active at once
            pseudonym TEXT,                   -- how the run signs its public card
            start TEXT NOT NULL,              -- ISO-8601 with offset
            planned_end TEXT NOT NULL,
            ended TEXT,                       -- when it was ended or abandoned by hand
            status TEXT NOT NULL CHECK (status IN ('active', 'finished', 'abandoned')),
            rules TEXT NOT NULL               -- JSON: the challenge file as it was when the run started
        );
        -- one active run without a name, and active names unique
        CREATE UNIQUE INDEX runs_one_active ON runs (coalesce(name, '')) WHERE status = 'active';
        """,
    ),
    (
        "003_scores_and_breaks",
        """
        CREATE TABLE scores (
            metric TEXT NOT NULL,             -- klout, followers:twitter, linkedin-ssi…
            day TEXT NOT NULL,
            value REAL NOT NULL,
            source TEXT NOT NULL,             -- cli, import, demo
            PRIMARY KEY (metric, day)
        ) WITHOUT ROWID;
        CREATE TABLE breaks (
            id INTEGER PRIMARY KEY,
            first TEXT NOT NULL,              -- first and last day, inclusive
            last TEXT NOT NULL,
            label TEXT NOT NULL,
            scope TEXT NOT NULL               -- JSON list of touchpoint ids or kinds; [] is everything
        );
        """,
    ),
    (
        "004_daily_rollup",
        """
        -- Count and minutes per day and touchpoint, kept in step with entries by triggers, so charts over
        -- years read thousands of rows instead of scanning every entry.
        CREATE TABLE day_usage (
            day TEXT NOT NULL,
            touchpoint TEXT NOT NULL,
            count INTEGER NOT NULL,
            minutes REAL NOT NULL,
            PRIMARY KEY (day, touchpoint)
        ) WITHOUT ROWID;
        INSERT INTO day_usage (day, touchpoint, count, minutes)
            SELECT day, touchpoint, sum(count), total(minutes) FROM entries GROUP BY day, touchpoint;
        CREATE TRIGGER day_usage_insert AFTER INSERT ON entries BEGIN
            INSERT INTO day_usage (day, touchpoint, count, minutes)
                VALUES (new.day, new.touchpoint, new.count, coalesce(new.minutes, 0))
                ON CONFLICT (day, touchpoint) DO UPDATE
                SET count = count + excluded.count, minutes = minutes + excluded.minutes;
        END;
        CREATE TRIGGER day_usage_delete AFTER DELETE ON entries BEGIN
            UPDATE day_usage SET count = count - old.count, minutes = minutes - coalesce(old.minutes, 0)
                WHERE day = old.day AND touchpoint = old.touchpoint;
            DELETE FROM day_usage
                WHERE day = old.day AND touchpoint = old.touchpoint AND count <= 0 AND minutes < 0.000001;
        END;
        CREATE TRIGGER day_usage_update AFTER UPDATE OF day, touchpoint, count, minutes ON entries BEGIN
            UPDATE day_usage SET count = count - old.count, minutes = minutes - coalesce(old.minutes, 0)
                WHERE day = old.day AND touchpoint = old.touchpoint;
            DELETE FROM day_usage
                WHERE day = old.day AND touchpoint = old.touchpoint AND count <= 0 AND minutes < 0.000001;
            INSERT INTO day_usage (day, touchpoint, count, minutes)
                VALUES (new.day, new.touchpoint, new.count, coalesce(new.minutes, 0))
                ON CONFLICT (day, touchpoint) DO UPDATE
                SET count = count + excluded.count, minutes = minutes + excluded.minutes;
        END;
        """,
    ),
)


def _repair_values() -> str:
    """Step 005's script, with the bounds of ``domain/limits.py`` written in."""
    from datetime import UTC, datetime

    from ..domain import limits

    first_ts = int(datetime(limits.FIRST_YEAR - 1, 12, 31, tzinfo=UTC).timestamp())  # a day of slack for zones
    last_ts = int(datetime(limits.LAST_YEAR + 1, 1, 2, tzinfo=UTC).timestamp())
    bad_entry = (
        f"typeof(count) != 'integer' OR count < 0 OR count > {limits.MAX_IMPORTED_COUNT} "
        f"OR day NOT BETWEEN '{limits.FIRST_DAY}' AND '{limits.LAST_DAY}' OR ts NOT BETWEEN {first_ts} AND {last_ts}"
    )
    bad_minutes = (
        f"minutes IS NOT NULL AND NOT (typeof(minutes) IN ('real', 'integer') "
        f"AND minutes BETWEEN 0 AND {limits.MAX_IMPORTED_MINUTES})"
    )
    return f"""
        -- Repairs what footprint let in before every door checked the bounds of domain/limits.py: an imported
        -- "minutes": Infinity (day crashed, rm and undo failed on inf - inf in the roll-up), a count of 2**62,
        -- an entry dated year 1 (chart --from all walked two thousand years).
        -- * A count that is not a whole number from 0 to {limits.MAX_IMPORTED_COUNT} removes the entry: no real
        --   export holds one, the row says nothing else about how many touches there were, and clamping would
        --   put a made-up million touches in every chart. Entries dated outside {limits.FIRST_YEAR}-{limits.LAST_YEAR} go
        --   too: the command line never accepted them; they are typos or forged records.
        -- * Minutes that are not a number from 0 to {limits.MAX_IMPORTED_MINUTES} (infinite, negative, text) become
        --   NULL: the touch happened and keeps its count; only its length is unknown. (SQLite stores NaN as NULL.)
        -- * Closed days and scores outside those years, and scores that are not finite or beyond
        --   {limits.MAX_SCORE:.0e}, are removed.
        -- * The undo history is cleared when any of this was found: a step recorded before the repair can bring a
        --   repaired value back (rm keeps the rows it removed, edit the row before), and SQL cannot tell which.
        -- * The day_usage roll-up is rebuilt from the entries (it may hold inf). It is emptied first, so the
        --   roll-up triggers never compute inf - inf while the entries are repaired.
        DELETE FROM ops WHERE EXISTS (SELECT 1 FROM entries WHERE {bad_entry} OR {bad_minutes})
            OR EXISTS (SELECT 1 FROM ops WHERE payload GLOB '*Infinity*' OR payload GLOB '*NaN*');
        DELETE FROM day_usage;
        DELETE FROM entries WHERE {bad_entry};
        UPDATE entries SET minutes = NULL WHERE {bad_minutes};
        DELETE FROM days WHERE day NOT BETWEEN '{limits.FIRST_DAY}' AND '{limits.LAST_DAY}';
        DELETE FROM scores WHERE day NOT BETWEEN '{limits.FIRST_DAY}' AND '{limits.LAST_DAY}'
            OR typeof(value) NOT IN ('real', 'integer') OR NOT abs(value) <= {limits.MAX_SCORE:.0f};
        DELETE FROM day_usage;
        INSERT INTO day_usage (day, touchpoint, count, minutes)
            SELECT day, touchpoint, sum(count), total(minutes) FROM entries GROUP BY day, touchpoint;
        """


def _local_times(conn: sqlite3.Connection, zone: tzinfo) -> None:
    """Step 006: imported touches shown in the journal's zone, and no file name in the undo history.

    Before it, an imported day's entry kept the offset its export gave (UTC for Google, the meter's for
    Enedis): ``list --json`` showed ``2026-03-28T23:30:00+00:00`` under the day 2026-03-29 and ``day`` listed
    it at 23:30. The instant (``ts``) and the day were right; only ``utc_offset`` is put right, to the
    journal's zone at that instant, where the time it gives falls on the entry's day (a journal imported in
    another zone keeps the times that go with its days). The undo history's copies of rows get the same
    offsets, so an undo does not bring the old ones back. An import's summary kept the file's name, which
    can carry a meter or account number: only ``import <format>`` is kept.
    """
    from datetime import UTC, datetime

    def offset(ts: int, day: str) -> int | None:
        at = datetime.fromtimestamp(ts, UTC).astimezone(zone)
        delta = at.utcoffset()
        return int(delta.total_seconds() // 60) if delta is not None and at.date().isoformat() == day else None

    fixes = []
    for entry_id, ts, old, day in conn.execute(
        "SELECT id, ts, utc_offset, day FROM entries WHERE source GLOB 'import:*' AND typeof(ts) = 'integer'"
    ):
        new = offset(ts, day)
        if new is not None and new != old:
            fixes.append((new, entry_id))
    conn.executemany("UPDATE entries SET utc_offset = ? WHERE id = ?", fixes)
    steps = []
    for op_id, summary, payload in conn.execute("SELECT id, summary, payload FROM ops WHERE action = 'import'"):
        data = json.loads(payload)
        for row in data.get("before", []) if isinstance(data, dict) else []:
            if isinstance(row, list) and len(row) == 11 and type(row[1]) is int and isinstance(row[3], str):
                new = offset(row[1], row[3])
                row[2] = row[2] if new is None else new
        steps.append((" ".join(summary.split(" ")[:2]), json.dumps(data), op_id))
    conn.executemany("UPDATE ops SET summary = ?, payload = ? WHERE id = ?", steps)


STEPS += (("005_repair_values", _repair_values()), ("006_local_times", _local_times))

# Access requests (GDPR art. 15): what was asked of whom, and when; never the letter's personal details.
STEPS += (
    (
        "007_access_requests",
        """
        CREATE TABLE requests (
            id INTEGER PRIMARY KEY,
            collector TEXT NOT NULL,          -- the organisation written to (a collectors.toml id)
            sent TEXT NOT NULL,               -- the day it was sent, YYYY-MM-DD
            channel TEXT NOT NULL CHECK (channel IN ('post', 'email', 'form')),
            due TEXT NOT NULL,                -- one month after sent; three when the controller extended it
            extended INTEGER NOT NULL DEFAULT 0,
            answered TEXT,                    -- the day the answer came
            import_source TEXT,               -- the importer that read the answer's export
            import_first TEXT,                -- the days that export covered
            import_last TEXT,
            import_touches INTEGER
        );
        """,
    ),
)

MIGRATION_COUNT = len(STEPS)
MIGRATION_SET = (
    "footprint"  # sqlite-utils records each step under it, in ``_sqlite_migrations`` (see connection._STATE)
)
KNOWN_STEPS = frozenset(name for name, _ in STEPS)


def statements(script: str) -> list[str]:
    """Split a script into statements; SQLite itself decides where one ends (comments may hold ';')."""
    out, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            out.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        out.append(buffer.strip())
    return out


def _step(script: Step, zone: tzinfo | None = None) -> Callable[[Any], None]:
    def run(db: Any) -> None:
        if callable(script):
            assert zone is not None, "a step written in Python is given the journal's zone"
            script(db.conn, zone)
            return
        for statement in statements(script):
            db.conn.execute(statement)

    return run


def apply(conn: sqlite3.Connection, zone: tzinfo) -> None:
    """Apply the pending steps and set ``user_version``, inside the caller's write transaction (``BEGIN
    IMMEDIATE``, see ``connection._migrate``): the identity, every step and the version commit together,
    and two processes opening a new journal never race. ``zone`` is the journal's (step 006 needs it)."""
    from sqlite_utils import Database, Migrations

    assert conn.in_transaction, "migrations run inside the caller's write transaction"
    migrations = Migrations(MIGRATION_SET)
    for name, script in STEPS:
        migrations(name=name)(_step(script, zone))
    migrations.apply(Database(conn))
    conn.execute(f"PRAGMA user_version = {MIGRATION_COUNT}")
