"""How long ``footprint summary`` takes, whole process, on a journal of 1,000,000 entries over 10 years,
beside ``footprint day`` and ``python -c pass`` in the same run: a summary reads the daily roll-up, never
the entries, so a year costs about what a day does.

    python bench/summary_speed.py [--runs 15] [--entries 1000000]

The journal is built once into bench/out/ (about a minute) and reused (the same one as day_speed.py).
"""

from __future__ import annotations

import argparse
import sys

from _common import FOOTPRINT, OUT, build_journal, compile_package, env, report, time_runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--entries", type=int, default=1_000_000)
    args = parser.parse_args()
    db = build_journal(OUT / f"ten-years-{args.entries}.db", entries=args.entries, years=10)
    compile_package()
    e = env(db)
    print(f"whole-process wall time, {args.runs} runs each, {args.entries:,} entries over 10 years:")
    report("python -c pass", time_runs([sys.executable, "-c", "pass"], args.runs, e))
    report("footprint day", time_runs([str(FOOTPRINT), "day"], args.runs, e))
    for extra in (["week"], ["month"], ["year"], ["year", "--json"], ["year", "--format", "md"]):
        report(f"footprint summary {' '.join(extra)}", time_runs([str(FOOTPRINT), "summary", *extra], args.runs, e))
    print("target: a year's summary within a few times footprint day")


if __name__ == "__main__":
    main()
