"""How long ``footprint compare`` takes, whole process, on a journal of 300,000 entries over 2 years, nine in
ten imported (an export) and one in ten logged by hand, beside ``footprint day`` and ``python -c pass`` in the
same run: the sides are summed in SQL per day, touchpoint and side (``store/sides.py``), never loaded.

    python bench/compare_speed.py [--runs 10] [--entries 300000]

The journal is built once into bench/out/ and reused.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from _common import FOOTPRINT, OUT, compile_package, env, report, synthetic, time_runs


def build(path: Path, entries: int) -> Path:
    if path.exists():
        return path
    from footprint.store import Journal

    OUT.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    t0 = time.perf_counter()
    rows = (
        e._replace(source="cli" if i % 10 == 0 else "import:google-takeout")
        for i, e in enumerate(synthetic(entries, years=2))
    )
    with Journal(tmp) as j:
        j.import_entries(rows, "bench", batch=20000)
    tmp.rename(path)
    print(f"built {path.name}: {entries:,} entries in {time.perf_counter() - t0:.1f} s")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--entries", type=int, default=300_000)
    args = parser.parse_args()
    db = build(OUT / f"compare-{args.entries}.db", args.entries)
    compile_package()
    e = env(db)
    print(f"whole-process wall time, {args.runs} runs each, {args.entries:,} entries over 2 years:")
    report("python -c pass", time_runs([sys.executable, "-c", "pass"], args.runs, e))
    report("footprint day", time_runs([str(FOOTPRINT), "day"], args.runs, e))
    for extra in ([], ["--touchpoint", "web-search"], ["--json"]):
        report(f"footprint compare {' '.join(extra)}", time_runs([str(FOOTPRINT), "compare", *extra], args.runs, e))
    print("target: compare over the whole span within a few times footprint day")


if __name__ == "__main__":
    main()
