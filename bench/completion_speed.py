"""What shell completion costs: a tab press (``footprint log sm<TAB>``, ``footprint challenge start <TAB>``),
whole process, beside ``footprint log smartphone`` (which must not pay for completion) here and at a
reference commit from before completion (``--against``, extracted with ``git archive``), rounds
interleaved, and ``python -c pass``, on a one-year journal.

    python bench/completion_speed.py [--runs 20] [--against REV]
"""

from __future__ import annotations

import argparse
import subprocess
import sys

from _common import FOOTPRINT, OUT, build_journal, compile_package, env, reference, report, time_runs


def tab(words: str, e: dict[str, str]) -> dict[str, str]:
    """The environment bash's completion function gives footprint for ``words`` (the last one incomplete)."""
    return {**e, "_FOOTPRINT_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--against", default="6782785", help="a commit from before shell completion")
    args = parser.parse_args()
    db = build_journal(OUT / "one-year.db", entries=12_000, years=1)
    compile_package()
    e = env(db)
    ref = reference(args.against)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ref)], check=True, stdout=subprocess.DEVNULL)
    log = [sys.executable, "-m", "footprint", "log", "smartphone"]
    print(f"whole-process wall time, {args.runs} runs each, this machine ({sys.version.split()[0]}):")
    report("python -c pass", time_runs([sys.executable, "-c", "pass"], args.runs, e))
    here, there = [], []
    for _ in range(args.runs):  # interleaved: a busy machine slows both alike
        here += time_runs(log, 1, e, warmup=0)
        there += time_runs(log, 1, {**e, "PYTHONPATH": str(ref)}, warmup=0)
    report("footprint log smartphone (this tree)", here)
    report(f"footprint log smartphone (at {args.against})", there)
    report("tab: footprint log sm", time_runs([str(FOOTPRINT)], args.runs, tab("footprint log sm", e)))
    start = tab("footprint challenge start x", e)
    report("tab: footprint challenge start ", time_runs([str(FOOTPRINT)], args.runs, start))
    report("tab: footprint import ", time_runs([str(FOOTPRINT)], args.runs, tab("footprint import x", e)))


if __name__ == "__main__":
    main()
