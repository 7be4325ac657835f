"""How long ``footprint chart footprint`` takes, whole process, on 1,000,000 entries over 10 years:
the whole range (``--from 10y``) and one month, beside ``python -c pass`` and ``footprint day``.

    python bench/chart_speed.py [--runs 11]
"""

from __future__ import annotations

import argparse
import sys

from _common import FOOTPRINT, OUT, build_journal, compile_package, env, report, time_runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    db = build_journal(OUT / "ten-years-1000000.db", entries=1_000_000, years=10)
    compile_package()
    e = env(db, COLUMNS="120", LINES="40")
    chart = [str(FOOTPRINT), "chart", "footprint", "--width", "120"]
    print(f"whole-process wall time, {args.runs} runs each, 1,000,000 entries over 10 years:")
    report("python -c pass", time_runs([sys.executable, "-c", "pass"], args.runs, e))
    report("footprint day", time_runs([str(FOOTPRINT), "day"], args.runs, e))
    report("chart footprint --from 10y", time_runs([*chart, "--from", "10y"], args.runs, e))
    report(
        "chart footprint --from 10y --score activity",
        time_runs([*chart, "--from", "10y", "--score", "activity"], args.runs, e),
    )
    report("chart footprint --from 1mo", time_runs([*chart, "--from", "1mo"], args.runs, e))
    report(
        "chart touchpoints --from 1mo",
        time_runs([str(FOOTPRINT), "chart", "touchpoints", "--from", "1mo"], args.runs, e),
    )
    print("targets: 10 years under 500 ms, one month under 250 ms")


if __name__ == "__main__":
    main()
