"""How fast ``footprint import google-takeout FILE`` reads a big My Activity JSON, whole process, into a fresh
journal each run: entries per second and the process's peak memory beside the file's size, for footprint
now, the same at a reference commit (``--against``, default the previous commit, extracted with
``git archive``), and a plain-Python floor (``json.load`` of the whole file, counting its items), in the
same run.

    python bench/import_speed.py [--entries 1000000] [--runs 3] [--against HEAD~1] [--profile]

The file (bench/out/takeout-N/MyActivity.json) is made once: pretty-printed as Takeout writes it, newest
first, several products (Search, YouTube, Maps, Chrome, Discover, Image Search, Android app use) with
titles, escaped URLs (``\\u003d``), subtitles, details and activity controls. ``--profile`` runs the import
once more under cProfile and prints the top functions.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from _common import OUT, compile_package, env, reference

TARGET = 250_000  # entries per second, end to end
PRODUCTS = [
    # (header, weight, title verb, URL prefix or None)
    ("Search", 30, "Searched for", "https://www.google.com/search?q="),
    ("YouTube", 20, "Watched", "https://www.youtube.com/watch?v="),
    ("Maps", 12, "Searched for", "https://www.google.com/maps/search/"),
    ("Chrome", 15, "Visited", "https://example.org/page?id="),
    ("Discover", 8, None, None),
    ("Image Search", 5, "Searched for", "https://www.google.com/search?tbm=isch&q="),
    ("Android", 10, "Used", "https://play.google.com/store/apps/details?id="),
]
APPS = [
    ("WhatsApp Messenger", "com.whatsapp"),
    ("Instagram", "com.instagram.android"),
    ("Pocket Tool", "com.example.tool"),
    ("Spotify", "com.spotify.music"),
]
WORDS = "owl river bread train music piano weather news recipe garden bike paris lyon school code".split()

# Each process writes its own peak memory (max RSS) where BENCH_RSS says, as it exits.
_RSS = """
import atexit, os, resource
atexit.register(lambda: open(os.environ["BENCH_RSS"], "w").write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)))
"""
RUNNER = _RSS + """
import sys
from footprint.cli import main
sys.argv[0] = "footprint"
main()
"""
FLOOR = _RSS + """
import json, sys
with open(sys.argv[1], "rb") as f:
    print(len(json.load(f)))
"""


def entry(rng: random.Random, at: datetime) -> dict:
    header, _, verb, url = rng.choices(PRODUCTS, weights=[p[1] for p in PRODUCTS])[0]
    words = " ".join(rng.sample(WORDS, rng.randint(1, 4)))
    item: dict = {"header": header}
    if header == "Android":
        name, package = rng.choice(APPS)
        item.update(header=name, title=f"Used {name}", titleUrl=url + package)
    elif verb is None:
        item["title"] = f"{rng.randint(2, 9)} cards in your feed"
    else:
        item.update(title=f"{verb} {words}", titleUrl=url + words.replace(" ", "+") + "&hl=en")
    if header == "YouTube":
        item["subtitles"] = [{"name": f"Channel {rng.randint(1, 500)}", "url": "https://www.youtube.com/channel/UC123"}]
    item["time"] = at.strftime("%Y-%m-%dT%H:%M:%S.") + f"{at.microsecond // 1000:03d}Z"
    item["products"] = ["Android" if header == "Android" else header]
    if rng.random() < 0.05:
        item["details"] = [{"name": "From Google Ads"}]
    item["activityControls"] = ["YouTube watch history" if header == "YouTube" else "Web & App Activity"]
    return item


def make_export(entries: int) -> Path:
    path = OUT / f"takeout-{entries}" / "MyActivity.json"
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".building")
    rng = random.Random(7)
    at = datetime(2026, 11, 20, 23, 59, tzinfo=UTC)
    t0 = time.perf_counter()
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("[")
        for i in range(entries):
            at -= timedelta(seconds=rng.randint(5, 240), milliseconds=rng.randint(0, 999))
            text = json.dumps(entry(rng, at), indent=2, ensure_ascii=False)
            # Takeout escapes = and & in URLs as \u003d and \u0026 (JSON-legal; a trap for regexes)
            f.write(("," if i else "") + text.replace("=", "\\u003d").replace("&", "\\u0026"))
        f.write("]")
    tmp.rename(path)
    print(
        f"wrote {path.relative_to(OUT.parent)}: {entries:,} entries, {path.stat().st_size / 1e6:.0f} MB "
        f"in {time.perf_counter() - t0:.1f} s"
    )
    return path


def one_run(cmd: list[str], db: Path, src: Path | None = None) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (bytes) of one process (an import into a
    fresh journal). CPU time is the figure to trust when other work shares the machine."""
    for p in db.parent.glob(db.name + "*"):
        p.unlink()
    rss = OUT / "bench-rss.txt"
    extra = {"BENCH_RSS": str(rss), **({"PYTHONPATH": str(src)} if src else {})}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env(db, **extra), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, int(rss.read_text())


def measure(cmd: list[str], db: Path, runs: int, src: Path | None = None) -> tuple[float, float, int]:
    results = [one_run(cmd, db, src) for _ in range(runs)]
    return (
        statistics.median(r[0] for r in results),
        statistics.median(r[1] for r in results),
        max(r[2] for r in results),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--against", default="HEAD~1")
    parser.add_argument("--profile", action="store_true", help="also profile one run with cProfile")
    args = parser.parse_args()
    path = make_export(args.entries)
    compile_package()
    runner, floor = OUT / "import_runner.py", OUT / "import_floor.py"
    runner.write_text(RUNNER)
    floor.write_text(FLOOR)
    db = OUT / "import-bench.db"
    cmd = [sys.executable, str(runner), "import", "google-takeout", str(path)]
    size = path.stat().st_size
    rows = [
        ("floor: json.load, count", measure([sys.executable, str(floor), str(path)], db, args.runs)),
        (f"reference {args.against}", measure(cmd, db, args.runs, reference(args.against))),
        ("footprint now", measure(cmd, db, args.runs)),
    ]
    print(
        f"footprint import google-takeout, {args.entries:,} entries ({size / 1e6:.0f} MB), fresh journal, "
        f"median of {args.runs} ({sys.version.split()[0]}):"
    )
    for name, (wall, cpu, peak) in rows:
        print(
            f"  {name:<26} {wall:6.2f} s wall {args.entries / wall:>9,.0f}/s  CPU {cpu:6.2f} s "
            f"{args.entries / cpu:>9,.0f}/s  peak {peak / 1e6:4.0f} MB = {peak / size:.2f}× the file"
        )
    print(f"  target: {TARGET:,} entries/s end to end, memory under a third of the file's size")
    if args.profile:
        stats = OUT / "import.prof"
        for p in db.parent.glob(db.name + "*"):
            p.unlink()
        subprocess.run(
            [sys.executable, "-m", "cProfile", "-o", str(stats), *cmd[1:]],
            env=env(db, BENCH_RSS=str(OUT / "bench-rss.txt")),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        import pstats

        pstats.Stats(str(stats)).sort_stats("tottime").print_stats(15)


if __name__ == "__main__":
    main()
