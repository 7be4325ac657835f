"""A real import process killed in the middle leaves a sound journal, and running it again finishes it.

An import writes in short transactions (so other writers never wait long): a kill leaves the chunks already
committed, never half a chunk, and the rerun carries on in the same undo step without adding anything twice."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from footprint.domain.journal import Entry
from footprint.exporters import exporter
from footprint.services import Service
from footprint.settings import resolve
from footprint.store import Journal

N = 150_000


def _big_export(folder: Path) -> Path:
    zone = ZoneInfo("Europe/Paris")
    start = date(2025, 1, 1)
    with Journal(folder / "source.db") as j:
        j.import_entries(
            (
                Entry(
                    None,
                    datetime(2025, 1, 1, 8, tzinfo=zone) + timedelta(minutes=3 * i),
                    start + timedelta(days=i // 480),
                    "smartphone",
                    1,
                    None,
                    None,
                    None,
                    "cli",
                    None,
                )
                for i in range(N)
            ),
            "fixture",
        )
    svc = Service(resolve(db=folder / "source.db"))
    path = folder / "big.json"
    path.write_text("".join(exporter("json").export(svc.dump())), encoding="utf-8")
    svc.close()
    return path


def _count(db: Path) -> tuple[str, int]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0], conn.execute(
            "SELECT count(*) FROM entries"
        ).fetchone()[0]
    finally:
        conn.close()


def test_killed_import_leaves_a_sound_journal_and_a_rerun_finishes(home: Path) -> None:
    export = _big_export(home)
    db = home / "target.db"
    env = {**os.environ, "FOOTPRINT_DB": str(db)}
    subprocess.run([sys.executable, "-m", "footprint", "log", "email"], env=env, check=True, capture_output=True)
    proc = subprocess.Popen(
        [sys.executable, "-m", "footprint", "import", "footprint-json", str(export)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    wal = Path(str(db) + "-wal")
    deadline = time.monotonic() + 60
    # Wait until the import is writing (its transactions grow the write-ahead log), then kill it hard.
    while time.monotonic() < deadline and proc.poll() is None and (not wal.exists() or wal.stat().st_size < 1_000_000):
        time.sleep(0.02)
    assert proc.poll() is None, "the import finished before it could be killed: make the fixture bigger"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    check, count = _count(db)
    assert check == "ok" and 1 <= count < N + 1  # sound: whole chunks or nothing, never the whole file
    done = subprocess.run(
        [sys.executable, "-m", "footprint", "import", "footprint-json", str(export)],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert _count(db) == ("ok", N + 1)
    again = subprocess.run(
        [sys.executable, "-m", "footprint", "import", "footprint-json", str(export)],
        env=env,
        capture_output=True,
        text=True,
    )
    assert "Nothing new" in again.stdout and _count(db) == ("ok", N + 1)
    undo = subprocess.run([sys.executable, "-m", "footprint", "undo"], env=env, capture_output=True, text=True)
    assert undo.returncode == 0, undo.stderr
    assert _count(db) == ("ok", 1)  # the killed import and its rerun are one step: undo takes both away
