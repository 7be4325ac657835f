"""A long import beside other writers: it commits in short steps, so ten `footprint log` processes started
while it runs all land (none waits beyond the busy timeout), and the import still ends with exactly the
file's content."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

N = 200_000
LOGGERS = 10


def _export(path: Path) -> Path:
    """A journal export of N typed touches over 400 days, written directly (the fixture needs no journal)."""
    head = {"format": "footprint-journal", "version": 2, "exported_at": "2026-11-22T09:30:00+01:00"}
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(head)[:-1] + ', "timezone": "Europe/Paris", "entries": [\n')
        for i in range(N):
            day, minute = divmod(i, 500)
            d = f"2025-{1 + day // 28 % 12:02d}-{1 + day % 28:02d}"
            sep = ",\n" if i else ""
            f.write(
                f'{sep}{{"at": "{d}T{8 + minute // 60:02d}:{minute % 60:02d}:00+01:00", "day": "{d}", '
                f'"touchpoint": "smartphone", "count": 1, "minutes": null, "note": null, "reason": null, '
                f'"source": "cli", "source_ref": "r{i}"}}'
            )
        f.write("\n]}\n")
    return path


def _rows(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_ten_loggers_beside_a_long_import_all_land(home: Path) -> None:
    export = _export(home / "big.json")
    db = home / "target.db"
    env = {**os.environ, "FOOTPRINT_DB": str(db)}
    env.pop("FOOTPRINT_NOW", None)  # the loggers log "now": a frozen clock is not needed here
    subprocess.run([sys.executable, "-m", "footprint", "log", "email"], env=env, check=True, capture_output=True)
    importer = subprocess.Popen(
        [sys.executable, "-m", "footprint", "import", "footprint-json", str(export)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while (
        time.monotonic() < deadline and importer.poll() is None and _rows(db, "SELECT count(*) FROM entries")[0][0] < 2
    ):
        time.sleep(0.02)  # wait until the import has committed its first step
    assert importer.poll() is None, "the import finished before the loggers started: make the fixture bigger"
    loggers = [
        subprocess.Popen(
            [sys.executable, "-m", "footprint", "log", "computer", "--note", f"writer {i}"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(LOGGERS)
    ]
    results = [(p.wait(), p.stderr.read()) for p in loggers]
    overlapped = importer.poll() is None  # the import was still running when the last logger was done
    out, err = importer.communicate()
    landed = {r[0] for r in _rows(db, "SELECT note FROM entries WHERE touchpoint = 'computer'")}
    lost = LOGGERS - len(landed)
    print(f"\nloggers: {LOGGERS}, landed: {len(landed)}, lost writes: {lost}, overlapped the import: {overlapped}")
    assert [code for code, _ in results] == [0] * LOGGERS, [e for _, e in results if e]
    assert landed == {f"writer {i}" for i in range(LOGGERS)} and lost == 0
    assert importer.returncode == 0, err
    assert _rows(db, "SELECT count(*) FROM entries WHERE touchpoint = 'smartphone'") == [(N,)]
    assert _rows(db, "SELECT count(*) FROM entries") == [(N + 1 + LOGGERS,)]
