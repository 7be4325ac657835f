"""How long ``footprint day`` takes, whole process, on a journal of 1,000,000 entries over 10 years.

    python bench/day_speed.py [--runs 15] [--entries 1000000]

The journal is built once into bench/out/ (about a minute) and reused.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta

from _common import FOOTPRINT, OUT, build_journal, compile_package, env, report, time_runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--entries", type=int, default=1_000_000)
    args = parser.parse_args()
    db = build_journal(OUT / f"ten-years-{args.entries}.db", entries=args.entries, years=10)
    compile_package()
    e = env(db)
    middle = (date.today() - timedelta(days=1800)).isoformat()
    print(f"whole-process wall time, {args.runs} runs each, {args.entries:,} entries over 10 years:")
    report("python -c pass", time_runs([sys.executable, "-c", "pass"], args.runs, e))
    report("footprint day (today)", time_runs([str(FOOTPRINT), "day"], args.runs, e))
    report(f"footprint day {middle}", time_runs([str(FOOTPRINT), "day", middle], args.runs, e))
    report("footprint day --json", time_runs([str(FOOTPRINT), "day", "--json"], args.runs, e))
    report("footprint log smartphone", time_runs([str(FOOTPRINT), "log", "smartphone"], args.runs, e))
    print("target: footprint day under 150 ms")


if __name__ == "__main__":
    main()
