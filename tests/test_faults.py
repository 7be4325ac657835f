"""Faults: every writing command killed (SIGKILL) at random points leaves a sound journal, and running it
again finishes; a locked journal is one line, exit 4.

Each command runs as a real process (``python -m footprint``) and is killed after a random delay within the
time an unkilled run takes, a few times per command; the whole test stays within a time budget. After each
kill: the journal opens, ``PRAGMA integrity_check`` is ok, the daily roll-up equals a fresh count of the
entries, and the command run again exits as it should. The number of kills that hit a live process (and
were survived) is printed, with the random seed.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from footprint.store import connection
from footprint.store.connection import open_database

KILLS_PER_COMMAND = 3
BUDGET_S = 60.0  # for all the kills together (CI); every command gets at least one


def _run(env: dict[str, str], *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "footprint", *args], env=env, capture_output=True, text=True, timeout=timeout
    )


def _rollup_matches(conn: sqlite3.Connection) -> bool:
    """The roll-up kept by triggers is what counting the entries afresh gives."""
    kept = conn.execute("SELECT day, touchpoint, count, round(minutes, 6) FROM day_usage ORDER BY 1, 2").fetchall()
    fresh = conn.execute(
        "SELECT day, touchpoint, sum(count), round(total(minutes), 6) FROM entries GROUP BY day, touchpoint "
        "ORDER BY 1, 2"
    ).fetchall()
    return kept == fresh


def _sound(db: Path) -> None:
    """The journal a kill left behind: sound as SQLite sees it, then it opens as a journal, and its
    roll-up agrees with its entries."""
    if db.exists() and db.stat().st_size:
        raw = sqlite3.connect(db)
        try:
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            raw.close()
    conn = open_database(db)  # a blank file left by a kill at birth is set up here
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA application_id").fetchone()[0] == connection.APPLICATION_ID
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert _rollup_matches(conn)
    finally:
        conn.close()


def _is_blank(db: Path) -> bool:
    """A file with no schema yet (0 bytes, or only WAL mode set): what a kill at a journal's birth leaves."""
    if not db.exists():
        return False
    raw = sqlite3.connect(db)
    try:
        return raw.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    finally:
        raw.close()


class Scenario:
    """A writing command, the journal it starts from, and the exit codes running it again may give."""

    def __init__(self, name: str, args: list[str], again: set[int], start: str = "seeded") -> None:
        self.name, self.args, self.again, self.start = name, args, again, start


def _scenarios(csv: Path, export: Path) -> list[Scenario]:
    return [
        Scenario("first log to a new path", ["log", "smartphone"], {0}, start="missing"),
        Scenario("first log to an empty file", ["log", "smartphone"], {0}, start="empty"),
        Scenario("log", ["log", "smartphone", "email", "--minutes", "3"], {0}),
        Scenario("edit", ["edit", "1", "--count", "4", "--minutes", "2"], {0}),
        Scenario("rm", ["rm", "2"], {0, 3}),  # 3: already removed by a run that finished
        Scenario("undo", ["undo"], {0}),
        Scenario("close", ["close"], {0}),
        Scenario("reopen", ["reopen", "yesterday"], {0}),
        Scenario("profile add", ["profile", "add", "linky", "computer"], {0}),
        Scenario("score add", ["score", "add", "klout", "42,5"], {0}),
        Scenario("break add", ["break", "add", "--from", "2026-11-01", "--to", "2026-11-05"], {0}),
        Scenario("challenge start", ["challenge", "start", "day-without-big-data"], {0, 2}),  # 2: already running
        Scenario("import csv", ["import", "csv", str(csv)], {0}),
        Scenario("import footprint-json", ["import", "footprint-json", str(export)], {0}),
        # 2: a run that finished left a whole demo journal, which a second demo refuses
        Scenario("demo", ["demo", "--days", "60"], {0, 2}, start="missing"),
    ]


@pytest.fixture
def seeded(home: Path) -> tuple[Path, dict[str, str], Path]:
    """A small journal to start from (entries 1-3, a score, a closed day, a profile), and an export of it."""
    env = {**os.environ, "FOOTPRINT_DB": str(home / "seed.db")}
    for args in (
        ["profile", "add", "smartphone"],
        ["log", "email", "--at", "08:00"],
        ["log", "cb", "--at", "08:30", "-n", "2"],
        ["log", "facebook", "--minutes", "10", "--at", "yesterday 18:00"],
        ["score", "add", "klout", "40", "--on", "yesterday"],
        ["close", "yesterday"],
    ):
        done = _run(env, *args)
        assert done.returncode == 0, done.stderr
    export = home / "export.json"
    done = _run(env, "export", "--format", "json", "--out", str(export))
    assert done.returncode == 0, done.stderr
    return home / "seed.db", env, export


def _prepare(s: Scenario, seed_db: Path, db: Path) -> None:
    for leftover in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        leftover.unlink(missing_ok=True)
    if s.start == "seeded":
        shutil.copy(seed_db, db)
    elif s.start == "empty":
        db.touch(mode=0o600)


def _kill_after(env: dict[str, str], args: list[str], delay: float) -> bool:
    """Start the command, SIGKILL it after ``delay`` seconds; True if it was still running when killed."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "footprint", *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True


def test_writing_commands_killed_at_random_points_leave_a_sound_journal(
    seeded: tuple[Path, dict[str, str], Path], home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_db, env, export = seeded
    seed = int(os.environ.get("FOOTPRINT_FAULT_SEED", "20261122"))
    rng = random.Random(seed)
    diary = home / "diary.csv"
    diary.write_text("date,touchpoint,count\n" + "".join(f"2026-11-{d:02},cb,{d % 3 + 1}\n" for d in range(1, 21)))
    scenarios = _scenarios(diary, export)
    started = time.monotonic()
    live, finished_first, blank = 0, 0, 0
    for number, s in enumerate(scenarios):
        db = home / f"fault-{number}.db"
        run_env = {**env, "FOOTPRINT_DB": str(db)}
        _prepare(s, seed_db, db)
        t0 = time.monotonic()  # an unkilled run tells how long the command takes
        first = _run(run_env, *s.args)
        took = time.monotonic() - t0
        assert first.returncode == 0, (s.name, first.stderr)
        for kill in range(KILLS_PER_COMMAND):
            if kill and time.monotonic() - started > BUDGET_S:
                break
            _prepare(s, seed_db, db)
            # half the kills anywhere, half late in the run, where the writes are
            delay = (rng.uniform(0.15, 1.0) if kill % 2 else rng.uniform(0.6, 1.0)) * took
            if _kill_after(run_env, s.args, delay):
                live += 1
            else:
                finished_first += 1
            blank += _is_blank(db)
            _sound(db)
            again = _run(run_env, *s.args)
            assert again.returncode in s.again, (s.name, again.returncode, again.stderr)
            assert all(line.startswith("footprint: ") for line in again.stderr.splitlines()), again.stderr
            _sound(db)
    with capsys.disabled():
        print(
            f"\n[faults] {live} kills of a running command survived ({finished_first} runs ended before their kill), "
            f"{blank} left a journal not set up yet, {len(scenarios)} commands, seed {seed}, {time.monotonic() - started:.0f} s"
        )
    assert live >= len(scenarios)  # most kills must land while the command runs, or the test proves little


def _hold_write_lock(db: Path) -> subprocess.Popen[str]:
    """Another process holding ``BEGIN IMMEDIATE`` on the journal until its stdin closes."""
    code = (
        "import sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('BEGIN IMMEDIATE')\n"
        "print('held', flush=True)\n"
        "sys.stdin.read()\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    return holder


@pytest.mark.parametrize(
    "args",
    [["log", "cb"], ["close"], ["profile", "add", "linky"], ["score", "add", "klout", "3"], ["undo"]],
)
def test_a_journal_locked_by_another_process_is_one_line_exit_4(
    cli: Callable[..., object], db_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    assert cli("log", "email").exit_code == 0  # type: ignore[attr-defined]
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 100)
    holder = _hold_write_lock(db_path)
    try:
        result = cli(*args)
    finally:
        holder.communicate("")
    assert result.exit_code == 4  # type: ignore[attr-defined]
    assert result.stdout == ""  # type: ignore[attr-defined]
    assert result.stderr == f"footprint: the journal {db_path} is locked by another footprint or program; try again\n"  # type: ignore[attr-defined]
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT touchpoint FROM entries").fetchall() == [("email",)]
    assert conn.execute("SELECT count(*) FROM ops").fetchone()[0] == 1


def test_a_new_journal_locked_while_it_is_set_up_is_one_line_and_a_rerun_finishes(
    cli: Callable[..., object], db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path.touch(mode=0o600)
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 100)
    holder = _hold_write_lock(db_path)
    try:
        result = cli("log", "email")
    finally:
        holder.communicate("")
    assert result.exit_code == 4 and result.stdout == ""  # type: ignore[attr-defined]
    assert result.stderr.startswith("footprint: ") and "locked" in result.stderr  # type: ignore[attr-defined]
    assert result.stderr.count("\n") == 1  # type: ignore[attr-defined]
    again = cli("log", "email")
    assert again.exit_code == 0, again.stderr  # type: ignore[attr-defined]
    _sound(db_path)
