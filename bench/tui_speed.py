"""How fast the TUI is on a journal of 1,000,000 entries over 10 years, beside a minimal Textual app
measured in the same run.

    python bench/tui_speed.py [--runs 9] [--entries 1000000]

- first screen painted: whole process, from spawn until the first screen's text has been written to a
  pseudo-terminal of 80×24, for a minimal Textual app (one Static), for the TUI (``python -m footprint.tui``)
  on the big journal and on a journal holding only that day's touches (the same screen: the difference is
  the journal's size), and for ``footprint tui`` once the CLI has that command;
- logging a touch by key: Today's key handler, in one headless app on the big journal (median of 200 keys);
- switching to the charts screen: from pressing F4 to the chart drawn, in a fresh process each time (so
  it is the first switch, which imports the chart module), after two seconds on Today (the app has
  imported plotext in the background by then) and at once (it has not).

The big journal is copied to bench/out/tui-N.db at each run (the bench logs touches into the copy), and
the clock is set to 21:00 on its last day, so Today shows a full day of the synthetic journal (about 270
touches: more than anyone logs by hand, which is the point).
"""

from __future__ import annotations

import argparse
import fcntl
import os
import re
import select
import shutil
import statistics
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

from _common import OUT, build_journal, compile_package, env, report

MARK = "Footprint (estimate)"  # drawn only once Today has read its data (the footprint panel's title)
MINIMAL = f"""
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    def compose(self):
        yield Static({MARK!r})

Minimal().run()
"""
ANSI = re.compile(r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[P^_][^\x1b]*\x1b\\|[()][0-9A-Za-z]|.)")

CHARTS = """
import asyncio, sys, time
from footprint.tui import make_app

async def main():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        if sys.argv[1] == "warm":  # the person looked at Today for a couple of seconds first
            await asyncio.sleep(2.0)
            await app.workers.wait_for_complete()
        from footprint.tui.widgets.chart_view import ChartView  # (a tiny module: no chart code)
        t0 = time.perf_counter()
        await pilot.press("f4")
        while not any(v._drawn_at for v in app.screen.query(ChartView)):
            await asyncio.sleep(0.0005)
        print(time.perf_counter() - t0)

asyncio.run(main())
"""

HANDLER = """
import asyncio, statistics, sys, time
from footprint.tui import make_app
from footprint.tui.screens.today import TodayScreen

times = []
original = TodayScreen.on_key

def timed(self, event):
    t0 = time.perf_counter()
    original(self, event)
    if event.stop and event._stop_propagation:
        times.append(time.perf_counter() - t0)

TodayScreen.on_key = timed

async def main():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        rows = len(app.screen.view.entries)
        for i in range(int(sys.argv[1])):
            await pilot.press("s")
        print(rows, " ".join(str(t) for t in times))

asyncio.run(main())
"""


def paint_time(cmd: list[str], environ: dict[str, str], timeout: float = 20.0) -> float:
    """Seconds from spawning ``cmd`` on an 80×24 pseudo-terminal to ``MARK`` appearing on it."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdin=slave, stdout=slave, stderr=slave, env={**environ, "TERM": "xterm-256color"}, close_fds=True
    )
    os.close(slave)
    seen, elapsed = "", None
    try:
        while time.perf_counter() - t0 < timeout:
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            seen += chunk.decode("utf-8", "replace")
            if MARK in ANSI.sub("", seen):
                elapsed = time.perf_counter() - t0
                break
    finally:
        proc.kill()
        proc.wait()
        os.close(master)
    if elapsed is None:
        raise RuntimeError(f"{cmd[-1]} never painted {MARK!r}: {ANSI.sub('', seen)[-300:]!r}")
    return elapsed


def paint_rounds(commands: list[tuple[list[str], dict[str, str]]], runs: int, warmup: int = 2) -> list[list[float]]:
    """Each command's paint times, measured in turns (one of each per round), so a busy moment on the
    machine slows all of them alike and their ratio stays fair."""
    times: list[list[float]] = [[] for _ in commands]
    for i in range(warmup + runs):
        for j, (cmd, environ) in enumerate(commands):
            elapsed = paint_time(cmd, environ)
            if i >= warmup:
                times[j].append(elapsed)
    return times


def one_day_journal(big: Path, day: str, path: Path) -> Path:
    """A journal holding only ``day``'s touches and the profile of ``big``: Today shows exactly the same
    screen on both, so the difference between them is the journal's size alone."""
    from datetime import date

    from footprint.store import Journal

    path.unlink(missing_ok=True)
    with Journal(big) as source, Journal(path) as target:
        target.replace_profile(source.profile(), "bench profile")
        target.import_entries(source.entries_on(date.fromisoformat(day)), "bench day")
    return path


def last_day(db: Path) -> str:
    import sqlite3  # the bench reads its own file; footprint's code keeps SQLite in store/

    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT max(day) FROM entries").fetchone()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--entries", type=int, default=1_000_000)
    args = parser.parse_args()
    source = build_journal(OUT / f"ten-years-{args.entries}.db", entries=args.entries, years=10)
    big = OUT / f"tui-{args.entries}.db"
    shutil.copyfile(source, big)  # afresh each time: the handler bench logs touches into it
    compile_package()
    day = last_day(big)
    now = f"{day}T21:00:00+01:00"
    same_day = one_day_journal(big, day, OUT / "tui-one-day.db")
    big_env, one_day_env = env(big, FOOTPRINT_NOW=now), env(same_day, FOOTPRINT_NOW=now)
    (OUT / "minimal_textual.py").write_text(MINIMAL)

    from footprint.cli import COMMANDS

    tui = [sys.executable, "-m", "footprint.tui"]
    commands = [
        ("minimal Textual app (one Static)", [sys.executable, str(OUT / "minimal_textual.py")], big_env),
        ("python -m footprint.tui, that day's touches alone", tui, one_day_env),
        (f"python -m footprint.tui, {args.entries:,} entries", tui, big_env),
    ]
    if "tui" in COMMANDS:
        footprint = str(Path(sys.executable).parent / "footprint")
        commands.append((f"footprint tui, {args.entries:,} entries", [footprint, "tui"], big_env))
    print(f"first screen painted on an 80×24 pseudo-terminal, whole process, {args.runs} rounds (taken in turns):")
    results = paint_rounds([(cmd, e) for _, cmd, e in commands], args.runs)
    medians = [report(name, times) for (name, _, _), times in zip(commands, results, strict=True)]
    for (name, _, _), times, med in list(zip(commands, results, medians, strict=True))[1:]:
        per_round = statistics.median(t / m for t, m in zip(times, results[0], strict=True))
        print(f"  {name} / minimal: {med / medians[0]:.2f}× (median of per-round ratios {per_round:.2f}×)")
    size_effect = statistics.median(b / d for b, d in zip(results[2], results[1], strict=True))
    print(f"  the same screen on {args.entries:,} entries / on that day alone: {size_effect:.2f}× (per round)")
    if "tui" not in COMMANDS:
        print("  (footprint tui: not registered in the CLI yet)")
    print("  target: at most 1.3× the minimal app, and the journal's size must not show")

    out = subprocess.run(
        [sys.executable, "-c", HANDLER, "200"], env=big_env, check=True, capture_output=True, text=True
    ).stdout.split()
    rows, handler = int(out[0]), [float(x) for x in out[1:]]
    print(f"logging a touch by key on Today ({rows} touches already shown that day), in-process:")
    report("Today's key handler (log + update widgets)", handler)
    print(f"  p95 {sorted(handler)[int(len(handler) * 0.95)] * 1000:.2f} ms   target: under 5 ms")

    print("switching to the charts screen (last 30 days), the first switch, in a fresh process each time:")
    for when, what in (
        ("warm", "F4 after 2 s on Today → chart drawn"),
        ("cold", "F4 at once (plotext not loaded yet) → drawn"),
    ):
        cmd = [sys.executable, "-c", CHARTS, when]
        switches = [
            float(subprocess.run(cmd, env=big_env, check=True, capture_output=True, text=True).stdout)
            for _ in range(args.runs)
        ]
        report(what, switches)
    print("  target: under 150 ms")


if __name__ == "__main__":
    main()
