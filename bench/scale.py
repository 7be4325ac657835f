"""What each command costs as the journal grows: 10,000 / 1,000,000 (/ 10,000,000) entries over 10 years.

    python bench/scale.py [--sizes 10k,1m] [--runs 3] [--analyze] [--only verdict,streak] [--footprint PATH]

For every command: the median wall time of a few whole-process runs and the peak memory of the child
(``ru_maxrss``), at each size (the sizes in turn, round after round, so that a machine whose speed drifts
shifts them alike), the growth from the smallest journal to the largest, and a floor measured in
the same run: plain ``python -c`` with ``sqlite3`` doing the same query. A command that should cost what it
shows (a day, a run, a streak) grows by about 1×; a command that shows everything (``list --json``) grows
with the journal in time but not in memory.

The journals are written by SQL directly (one ``INSERT … SELECT`` over a recursive CTE, indexes and the
daily roll-up built once at the end): 10,000,000 entries take well under two minutes. They are kept in
``bench/out/`` and reused. Add ``10m`` to ``--sizes`` for the largest (about 1.5 GB on disk).
``--analyze`` runs ``ANALYZE`` on each journal first (and drops its statistics afterwards), to check
that SQLite's statistics never make a plan worse. ``--footprint`` times another installation's
``footprint`` executable on the same journals (say, the previous release).
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from _common import FOOTPRINT, OUT, TOUCHPOINTS, ZONE, compile_package, env

SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000, "10m": 10_000_000}
YEARS = 10
PROFILE = ("smartphone", "computer", "bank-card", "health-card", "smart-meter")
SLOW = 5.0  # seconds: a command slower than this is run fewer times (and without a warm-up)


# --- building the journals ---------------------------------------------------------------------------


def _day_table(conn: sqlite3.Connection, first: date, days: int) -> None:
    """One row per day: its local midnight as a UTC instant and its offset at noon (every synthetic touch
    is between 06:00 and 23:00, after any change of clocks)."""
    rows = []
    for i in range(days):
        d = first + timedelta(days=i)
        noon = datetime(d.year, d.month, d.day, 12, tzinfo=ZONE)
        offset = int(noon.utcoffset().total_seconds())  # type: ignore[union-attr]
        rows.append((i, d.isoformat(), int(datetime(d.year, d.month, d.day, tzinfo=ZONE).timestamp()), offset))
    conn.execute("CREATE TEMP TABLE bench_days (i INTEGER PRIMARY KEY, day TEXT, midnight INTEGER, offset INTEGER)")
    conn.executemany("INSERT INTO bench_days VALUES (?, ?, ?, ?)", rows)
    conn.execute("CREATE TEMP TABLE bench_tps (i INTEGER PRIMARY KEY, id TEXT)")
    conn.executemany("INSERT INTO bench_tps VALUES (?, ?)", list(enumerate(TOUCHPOINTS)))


def _fill(conn: sqlite3.Connection, entries: int, days: int) -> None:
    """``entries`` touches spread evenly over the days, at pseudo-random times between 06:00 and 23:00,
    pseudo-random touchpoints and counts, whole minutes on one touch in five."""
    conn.execute(
        f"""
        WITH RECURSIVE n(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n WHERE k + 1 < {entries})
        INSERT INTO entries (ts, utc_offset, day, touchpoint, count, minutes, note, reason, source, source_ref)
        SELECT d.midnight + 21600 + (k * 2654435761) % 61200, d.offset / 60, d.day, t.id,
               1 + (k * 40503) % 3, CASE WHEN k % 5 = 0 THEN 1 + (k * 7) % 90 END, NULL, NULL, 'bench', k
        FROM n
        JOIN bench_days d ON d.i = k * {days} / {entries}
        JOIN bench_tps t ON t.i = (k * 2246822519) % {len(TOUCHPOINTS)}
        """
    )


def build(path: Path, entries: int) -> Path:
    """Create (once) a journal of ``entries`` touches over 10 years ending today, every day but today closed,
    a five-touchpoint profile, a few scores, a break and two finished challenge runs (24 h and 21 days)."""
    if path.exists():
        return path
    from footprint.store import Journal

    OUT.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    t0 = time.perf_counter()
    days = int(365.25 * YEARS)
    first = date.today() - timedelta(days=days - 1)
    Journal(tmp).close()  # the schema, by the migrations
    conn = sqlite3.connect(tmp, isolation_level=None)
    schema = conn.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'entries' AND type IN ('index', 'trigger') AND sql IS NOT NULL"
    ).fetchall()
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -400000")
    conn.execute("BEGIN")
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE tbl_name = 'entries' AND type IN ('index', 'trigger') AND sql IS NOT NULL"
    ).fetchall():
        kind = conn.execute("SELECT type FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
        conn.execute(f"DROP {kind.upper()} {name}")
    _day_table(conn, first, days)
    _fill(conn, entries, days)
    for (sql,) in schema:
        conn.execute(sql)
    conn.execute(
        "INSERT INTO day_usage (day, touchpoint, count, minutes) "
        "SELECT day, touchpoint, sum(count), total(minutes) FROM entries GROUP BY day, touchpoint"
    )
    conn.execute("INSERT INTO days (day, closed, closed_at) SELECT day, 1, day || 'T23:30:00+01:00' FROM bench_days")
    conn.execute("DELETE FROM days WHERE day = ?", (date.today().isoformat(),))
    conn.executemany(
        "INSERT INTO profile (touchpoint, state, since, until) VALUES (?, NULL, ?, NULL)",
        [(tp, first.isoformat()) for tp in PROFILE],
    )
    conn.execute(
        "INSERT INTO scores (metric, day, value, source) SELECT 'followers:twitter', day, 100 + i, 'bench' "
        "FROM bench_days WHERE i % 7 = 0"
    )
    conn.execute("COMMIT")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    _runs_and_break(tmp)
    tmp.rename(path)
    print(f"built {path.name}: {entries:,} entries over {YEARS} years in {time.perf_counter() - t0:.1f} s", flush=True)
    return path


def _runs_and_break(db: Path) -> None:
    today = date.today()
    e = env(db)
    steps = [
        ["challenge", "start", "day-without-big-data", "--name", "day", "--at", f"{today - timedelta(days=3)}T10:00"],
        [
            "challenge",
            "start",
            "digital-break-3-weeks",
            "--name",
            "weeks",
            "--at",
            f"{today - timedelta(days=25)}T10:00",
        ],
        ["break", "add", "--from", str(today - timedelta(days=60)), "--to", str(today - timedelta(days=46))],
    ]
    for step in steps:
        subprocess.run([str(FOOTPRINT), *step], env=e, check=True, stdout=subprocess.DEVNULL)


# --- measuring -----------------------------------------------------------------------------------------


@dataclass
class Figure:
    seconds: float
    peak_mb: float
    runs: int


class Series:
    """Whole-process runs of one command: wall times and the largest peak memory."""

    def __init__(self, cmd: list[str], environ: dict[str, str], runs: int) -> None:
        self.cmd, self.environ, self.wanted = cmd, environ, runs
        self.times: list[float] = []
        self.peak = 0.0
        self.warm = False

    def step(self) -> None:
        """One run; the first is a warm-up unless the command is slow (then it counts, and fewer follow)."""
        seconds, peak = _run(self.cmd, self.environ)
        self.peak = max(self.peak, peak)
        if not self.warm:
            self.warm = True
            if seconds <= SLOW:
                return
            self.wanted = 1 if seconds > 4 * SLOW else min(self.wanted, 2)
        self.times.append(seconds)

    @property
    def done(self) -> bool:
        return len(self.times) >= self.wanted

    def figure(self) -> Figure:
        return Figure(statistics.median(self.times), self.peak, len(self.times))


def measure(plan: dict[int, tuple[Series, Series]]) -> dict[int, tuple[Figure, Figure]]:
    """Every size in turn, round after round (command, then its floor): a machine that speeds up or slows
    down during the bench shifts all sizes alike, so the growth between sizes stays true."""
    while not all(got.done and ref.done for got, ref in plan.values()):
        for got, ref in plan.values():
            if not got.done:
                got.step()
            if not ref.done:
                ref.step()
    return {n: (got.figure(), ref.figure()) for n, (got, ref) in plan.items()}


# A small launcher times the command and reads its peak memory: a child forked straight from this script
# would count the script's own memory (the journals were built in it) in its ru_maxrss.
_LAUNCH = """
import os, sys, time
t0 = time.perf_counter()
pid = os.fork()
if pid == 0:
    fd = os.open(os.devnull, os.O_WRONLY)
    os.dup2(fd, 1)
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - t0, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status))
"""


def _run(cmd: list[str], environ: dict[str, str]) -> tuple[float, float]:
    done = subprocess.run([sys.executable, "-c", _LAUNCH, *cmd], env=environ, capture_output=True, text=True)
    elapsed, peak, code = done.stdout.split()
    if code != "0":
        raise SystemExit(f"{' '.join(cmd[:4])}… failed ({code}): {done.stderr[-300:]}")
    return float(elapsed), float(peak)


# --- the commands and their floors -------------------------------------------------------------------

_ROW = "SELECT id, ts, utc_offset, day, touchpoint, count, minutes, note, reason, source, source_ref FROM entries"
_DUMP = "w = sys.stdout.write\nfor r in c.execute({sql!r}, {params!r}):\n    w(json.dumps(r) + ',')"


def _floor(sql: str, params: tuple = (), dump: bool = False) -> str:
    body = _DUMP.format(sql=sql, params=params) if dump else f"c.execute({sql!r}, {params!r}).fetchall()"
    return f"import json, os, sqlite3, sys\nc = sqlite3.connect(os.environ['FOOTPRINT_DB'])\n{body}\n"


# The floor of an import: parse each entry of the export and insert it, in batches, into a fresh table.
_IMPORT_FLOOR = """
import json, os, sqlite3, sys
if os.path.exists(sys.argv[2]): os.remove(sys.argv[2])
c = sqlite3.connect(sys.argv[2])
c.execute("CREATE TABLE e (at, day, touchpoint, count, minutes, note, reason, source, source_ref)")
batch, sql = [], "INSERT INTO e VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
for line in open(sys.argv[1], encoding="utf-8"):
    s = line.strip().rstrip(",")
    if s.startswith('{"id"'):
        r = json.loads(s)
        batch.append((r["at"], r["day"], r["touchpoint"], r["count"], r["minutes"], r["note"], r["reason"],
                      r["source"], r["source_ref"]))
        if len(batch) >= 10000:
            c.executemany(sql, batch)
            batch = []
c.executemany(sql, batch)
c.commit()
"""


def commands(export_file: Path, today: date) -> dict[str, tuple[list[str], str]]:
    """name → (footprint arguments, floor script)."""
    month = (today - timedelta(days=30)).isoformat()
    d3, d25 = today - timedelta(days=3), today - timedelta(days=25)
    social = ("facebook", "instagram", "messaging")
    return {
        "list --json (all)": (["list", "--json"], _floor(f"{_ROW} ORDER BY day, ts, id", dump=True)),
        "list --from -30d": (
            ["list", "--from", "-30d"],
            _floor(f"{_ROW} WHERE day >= ? ORDER BY day, ts, id", (month,), True),
        ),
        "challenge verdict (24 h)": (
            ["challenge", "verdict", "day"],
            _floor(
                f"{_ROW} WHERE day BETWEEN ? AND ? ORDER BY day, ts, id",
                (str(d3 - timedelta(days=1)), str(d3 + timedelta(days=1))),
            ),
        ),
        "challenge verdict (21 days)": (
            ["challenge", "verdict", "weeks"],
            _floor(
                "SELECT touchpoint, sum(count), total(minutes) FROM day_usage WHERE day BETWEEN ? AND ? GROUP BY touchpoint",
                (str(d25 - timedelta(days=21)), str(d25 + timedelta(days=21))),
            ),
        ),
        "streak social": (
            ["streak", "social"],
            _floor(
                "SELECT d.day FROM days d WHERE d.closed = 1 AND EXISTS (SELECT 1 FROM day_usage u "
                "WHERE u.day = d.day AND u.touchpoint IN (?, ?, ?))",
                social,
            ),
        ),
        "day": (["day"], _floor(f"{_ROW} WHERE day = ? ORDER BY ts, id", (today.isoformat(),))),
        "chart footprint --from all --json": (
            ["chart", "footprint", "--from", "all", "--json"],
            _floor("SELECT day, touchpoint, count, minutes FROM day_usage"),
        ),
        "break effect": (
            ["break", "effect", "1"],
            _floor(
                "SELECT day, touchpoint, count, minutes FROM day_usage WHERE day BETWEEN ? AND ?",
                (str(today - timedelta(days=120)), str(today)),
            ),
        ),
        "score list": (["score", "list"], _floor("SELECT metric, day, value FROM scores ORDER BY metric, day")),
        "export --format json": (["export", "--format", "json"], _floor(f"{_ROW} ORDER BY id", dump=True)),
        "import footprint-json": (["import", "footprint-json", str(export_file)], _IMPORT_FLOOR),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10k,1m", help="comma-separated: 10k, 100k, 1m, 10m")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default="", help="comma-separated words: run only the commands naming one")
    parser.add_argument("--skip", default="", help="comma-separated size:word pairs to leave out, e.g. 10m:import")
    parser.add_argument("--analyze", action="store_true", help="ANALYZE each journal before measuring")
    parser.add_argument("--footprint", type=Path, default=FOOTPRINT, help="the footprint executable to time")
    args = parser.parse_args()
    sizes = [SIZES[s.strip().lower()] for s in args.sizes.split(",")]
    compile_package()
    today = date.today()
    dbs = {n: build(OUT / f"scale-{n}.db", n) for n in sizes}
    if args.analyze:
        for db in dbs.values():
            _analyze(db, True)
    try:
        results = _measure_all(args, dbs, today)
    finally:
        if args.analyze:
            for db in dbs.values():
                _analyze(db, False)
    _table(results, sizes, args)


def _measure_all(args: argparse.Namespace, dbs: dict[int, Path], today: date) -> dict:
    words = [w for w in args.only.split(",") if w]
    results: dict[str, dict[int, tuple[Figure, Figure]]] = {}
    for name in commands(OUT, today):
        if words and not any(w in name.split() for w in words):
            continue
        plan = {}
        for n, db in dbs.items():
            label = next(k for k, v in SIZES.items() if v == n)
            if not any(f"{label}:{w}" in args.skip.split(",") for w in name.split()):
                plan[n] = _series(args, name, n, db, today)
        results[name] = measure(plan)
        for n, (got, ref) in results[name].items():
            print(
                f"  {n:>10,}  {name:<34} {got.seconds * 1000:9.0f} ms {got.peak_mb:7.0f} MB (n={got.runs})"
                f"   floor {ref.seconds * 1000:7.0f} ms {ref.peak_mb:6.0f} MB",
                flush=True,
            )
    return results


def _series(args: argparse.Namespace, name: str, n: int, db: Path, today: date) -> tuple[Series, Series]:
    export_file = OUT / f"scale-{n}.json"
    argv, floor = commands(export_file, today)[name]
    e = env(db)
    if not name.startswith("import"):
        return Series([str(args.footprint), *argv], e, args.runs), Series([sys.executable, "-c", floor], e, args.runs)
    if not export_file.exists():
        with open(export_file, "w") as out:
            subprocess.run([str(args.footprint), "export", "--format", "json"], env=e, stdout=out, check=True)
    target = OUT / f"scale-import-{n}.db"
    cmd = [sys.executable, "-c", _FRESH, str(target), str(args.footprint), *argv]
    floor_cmd = [sys.executable, "-c", floor, str(export_file), str(OUT / f"scale-floor-{n}.db")]
    return Series(cmd, env(target), args.runs), Series(floor_cmd, e, args.runs)


# Imports go into a fresh journal each time: the child removes the previous one, then becomes footprint.
_FRESH = (
    "import os, sys\n"
    "for suffix in ('', '-wal', '-shm'):\n"
    "    if os.path.exists(sys.argv[1] + suffix): os.remove(sys.argv[1] + suffix)\n"
    "os.execv(sys.argv[2], sys.argv[2:])\n"
)


def _analyze(db: Path, on: bool) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    if on:
        conn.execute("ANALYZE")
    else:
        conn.execute("DROP TABLE IF EXISTS sqlite_stat1")
        conn.execute("DROP TABLE IF EXISTS sqlite_stat4")
    conn.close()


def _table(results: dict, sizes: list[int], args: argparse.Namespace) -> None:
    label = {v: k for k, v in SIZES.items()}
    stats = " (with ANALYZE)" if args.analyze else ""
    print(f"\nmedian wall time / peak memory of whole processes{stats}; floor = python + sqlite3, same query")
    head = " | ".join(f"{label[n]}" for n in sizes)
    print(f"| command | {head} | growth {label[sizes[-1]]}/{label[sizes[0]]} | floor at {label[sizes[-1]]} |")
    print("|---" * (len(sizes) + 3) + "|")
    for name, by_size in results.items():
        cells = [
            f"{by_size[n][0].seconds * 1000:,.0f} ms, {by_size[n][0].peak_mb:,.0f} MB" for n in sizes if n in by_size
        ]
        lo, hi = by_size.get(sizes[0]), by_size.get(sizes[-1])
        growth = (
            f"{hi[0].seconds / lo[0].seconds:.2f}× time, {hi[0].peak_mb / lo[0].peak_mb:.2f}× memory"
            if lo and hi
            else "—"
        )
        floor = f"{hi[1].seconds * 1000:,.0f} ms, {hi[1].peak_mb:,.0f} MB" if hi else "—"
        print(f"| {name} | {' | '.join(cells)} | {growth} | {floor} |")


if __name__ == "__main__":
    main()
