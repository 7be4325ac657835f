"""How fast footprint's own format goes out and back in: ``footprint export --format json`` of a journal of N
entries, and ``footprint import footprint-json`` of that file into a fresh journal, whole process, with the
child's peak memory beside the file's size.

    python bench/roundtrip_speed.py [--entries 100000 1000000] [--runs 3]

References in the same run (plain Python, no footprint code on the measured path):
  export floor: sqlite3 reads the entries and ``json.dumps`` writes one line per row, streamed;
  import floor: ``json.loads`` of each entry's line reads the same file and ``executemany`` inserts the rows into a fresh journal
  (same schema, same roll-up trigger), in one transaction.

The journal (bench/out/roundtrip-N.db) is built once by SQL (a recursive CTE), with a few runs, breaks,
scores and closed days so every table is exported.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _common import FOOTPRINT, OUT, compile_package, env

TARGET_SECONDS = 15.0  # each way, for 1,000,000 entries
TARGET_MB = 100

EXPORT_FLOOR = r"""
import json, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
out = open(sys.argv[2], "w", encoding="utf-8")
out.write('{"format": "footprint-journal", "entries": [')
sep = "\n  "
keys = ("id", "at", "day", "touchpoint", "count", "minutes", "note", "reason", "source", "source_ref")
for row in conn.execute("SELECT id, datetime(ts, 'unixepoch'), day, touchpoint, count, minutes, note, reason, "
                        "source, source_ref FROM entries ORDER BY day, ts, id"):
    out.write(sep + json.dumps(dict(zip(keys, row)), ensure_ascii=False))
    sep = ",\n  "
out.write("\n ]\n}\n")
out.close()
"""

IMPORT_FLOOR = r"""
import json, sqlite3, sys
from datetime import datetime
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
def rows():
    with open(sys.argv[2], encoding="utf-8") as f:
        for line in f:  # footprint writes one entry a line: json.loads of each is the plain floor
            line = line.strip().rstrip(",")
            if not line.startswith('{"id":') or '"at":' not in line:
                continue  # the head: days, profile, runs, breaks, scores
            e = json.loads(line)
            at = datetime.fromisoformat(e["at"])
            yield (int(at.timestamp()), int(at.utcoffset().total_seconds() // 60), e["day"], e["touchpoint"],
                   e["count"], e["minutes"], e["note"], e["reason"], e["source"], e["source_ref"])
conn.execute("BEGIN")
conn.executemany("INSERT INTO entries (ts, utc_offset, day, touchpoint, count, minutes, note, reason, source, "
                 "source_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows())
conn.execute("COMMIT")
"""

BUILD = """
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < :n - 1)
INSERT INTO entries (ts, utc_offset, day, touchpoint, count, minutes, note, reason, source, source_ref)
SELECT ts, 60, date(ts + 3600, 'unixepoch'), tp, 1 + i % 3,
       CASE WHEN i % 7 = 0 THEN (i % 50) * 1.5 END,
       CASE WHEN i % 11 = 0 THEN 'a note ' || i END,
       CASE i % 13 WHEN 0 THEN 'chosen' WHEN 1 THEN 'unavoidable' END,
       CASE WHEN i % 5 = 0 THEN 'import:twitter' ELSE 'cli' END,
       CASE WHEN i % 5 = 0 THEN 'tweets:' || i END
FROM (SELECT i, 1577836800 + i * (315360000 / :n) AS ts,
             json_extract(:tps, '$[' || (i % 14) || ']') AS tp FROM n)
"""
TPS = (
    '["smartphone","computer","bank-card","email","web-search","facebook","instagram","messaging","maps",'
    '"transit-pass","music-streaming","video-streaming","health-card","loyalty-card"]'
)


def build(entries: int) -> Path:
    path = OUT / f"roundtrip-{entries}.db"
    if path.exists():
        return path
    import sqlite3

    from footprint.store import Journal

    OUT.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    Journal(tmp).close()  # the schema, made by footprint itself
    conn = sqlite3.connect(tmp, isolation_level=None)
    t0 = time.perf_counter()
    conn.execute("BEGIN")
    conn.execute(BUILD, {"n": entries, "tps": TPS})
    conn.execute("INSERT INTO days SELECT DISTINCT day, 1, day || 'T23:00:00+01:00' FROM entries WHERE day LIKE '%-01'")
    conn.execute("INSERT INTO profile (touchpoint, state, since) VALUES ('smartphone', NULL, '2020-01-01')")
    for i in range(20):
        conn.execute(
            "INSERT INTO runs (challenge, name, pseudonym, start, planned_end, ended, status, rules) "
            "VALUES ('no-phone-weekend', ?, NULL, ?, ?, NULL, 'finished', '{\"id\": \"no-phone-weekend\"}')",
            (f"run {i}", f"2021-01-{i + 1:02d}T09:00:00+01:00", f"2021-01-{i + 2:02d}T09:00:00+01:00"),
        )
        conn.execute(
            "INSERT INTO breaks (first, last, label, scope) VALUES (?, ?, 'holiday', '[]')",
            (f"2022-02-{i + 1:02d}", f"2022-02-{i + 1:02d}"),
        )
    conn.execute(
        "INSERT INTO scores SELECT 'klout', day, 40 + count % 10, 'cli' FROM day_usage WHERE touchpoint = 'email'"
    )
    conn.execute("COMMIT")
    conn.close()
    tmp.rename(path)
    print(f"built {path.name}: {entries:,} entries by SQL in {time.perf_counter() - t0:.1f} s")
    return path


def measure(cmd: list[str], environ: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, peak resident memory (MB) and CPU seconds (user + system) of one child process: on a
    shared machine the CPU time is the steadier figure."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode:
        raise SystemExit(f"{cmd[1:3]} failed ({proc.returncode}): {err.strip()[:300]}")
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def fresh(path: Path) -> Path:
    from footprint.store import Journal

    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    Journal(path).close()
    return path


def line(name: str, runs: list[tuple[float, float, float]], entries: int) -> float:
    wall = statistics.median(r[0] for r in runs)
    cpu = statistics.median(r[2] for r in runs)
    peak = max(r[1] for r in runs)
    print(
        f"  {name:<34} median {wall:6.2f} s wall {cpu:6.2f} s CPU  {entries / wall:9,.0f} entries/s  "
        f"peak {peak:5.0f} MB  (n={len(runs)})"
    )
    return wall


def bench(entries: int, runs: int) -> None:
    db = build(entries)
    doc = OUT / f"roundtrip-{entries}.json"
    target, floor_db = OUT / f"roundtrip-{entries}-target.db", OUT / f"roundtrip-{entries}-floor.db"
    e = env(db)
    export = [str(FOOTPRINT), "export", "--format", "json", "--out", str(doc)]
    floor_doc = OUT / f"roundtrip-{entries}-floor.json"
    exp, exp_floor, imp, imp_floor = [], [], [], []
    for _ in range(runs):  # interleaved, so a busy moment of the machine weighs on both
        exp.append(measure(export, e))
        exp_floor.append(measure([sys.executable, "-c", EXPORT_FLOOR, str(db), str(floor_doc)], e))
        fresh(target)
        imp.append(measure([str(FOOTPRINT), "import", "footprint-json", str(doc)], env(target)))
        fresh(floor_db)
        imp_floor.append(measure([sys.executable, "-c", IMPORT_FLOOR, str(floor_db), str(doc)], e))
    size = doc.stat().st_size / 1e6
    print(f"{entries:,} entries, export file {size:,.0f} MB:")
    a = line("footprint export --format json", exp, entries)
    b = line("floor: sqlite3 + json.dumps", exp_floor, entries)
    print(f"    export is {a / b:.2f}x the floor (wall)")
    c = line("footprint import footprint-json", imp, entries)
    d = line("floor: json.loads per line + executemany", imp_floor, entries)
    print(f"    import is {c / d:.2f}x the floor (wall); peak memory {max(r[1] for r in imp) / size:.2f}x the file")
    if entries >= 1_000_000:
        print(f"    target: under {TARGET_SECONDS:g} s each way and under {TARGET_MB} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    compile_package()
    for n in args.entries:
        bench(n, args.runs)


if __name__ == "__main__":
    main()
