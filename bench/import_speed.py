"""How fast ``footprint import google-takeout FILE`` reads a big My Activity JSON, whole process, into a fresh
journal each run: entries per second and the process's peak memory beside the file's size.

    python bench/import_speed.py [--entries 1000000] [--runs 3] [--profile]

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

from _common import OUT, compile_package, env

TARGET = 150_000  # entries per second, end to end
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

# Registers the importer when the registry does not list it yet (it is added to IMPORTERS by hand).
RUNNER = """
import sys
import footprint.importers as registry
from footprint.importers.google_takeout import GoogleTakeout
if not any(i.name == "google-takeout" for i in registry.IMPORTERS):
    registry.IMPORTERS = registry.IMPORTERS + (GoogleTakeout(),)
from footprint.cli import main
sys.argv[0] = "footprint"
main()
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


def one_run(cmd: list[str], db: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (bytes) of one import into a fresh journal.
    CPU time is the figure to trust when other work shares the machine."""
    for p in db.parent.glob(db.name + "*"):
        p.unlink()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env(db), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # ru_maxrss of children is that of the largest child waited for so far (KiB on Linux): over identical
    # runs, the maximum of them all.
    return wall, cpu, after.ru_maxrss * 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="also profile one run with cProfile")
    args = parser.parse_args()
    path = make_export(args.entries)
    compile_package()
    runner = OUT / "import_runner.py"
    runner.write_text(RUNNER)
    db = OUT / "import-bench.db"
    cmd = [sys.executable, str(runner), "import", "google-takeout", str(path)]
    base = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    times, cpus, peak = [], [], 0
    for _ in range(args.runs):
        wall, cpu, peak = one_run(cmd, db)
        times.append(wall)
        cpus.append(cpu)
    med, cpu_med = statistics.median(times), statistics.median(cpus)
    size = path.stat().st_size
    print(
        f"footprint import google-takeout, {args.entries:,} entries ({size / 1e6:.0f} MB), fresh journal, "
        f"{args.runs} runs ({sys.version.split()[0]}):"
    )
    print(
        f"  median {med:.2f} s (min {min(times):.2f}, max {max(times):.2f})  →  {args.entries / med:,.0f} entries/s "
        f"(target {TARGET:,})"
    )
    print(f"  CPU time median {cpu_med:.2f} s  →  {args.entries / cpu_med:,.0f} entries per CPU second")
    print(
        f"  peak memory {peak / 1e6:.0f} MB (rusage of children; before the runs {base / 1e6:.0f} MB) "
        f"= {peak / size:.2f} × the file's size"
    )
    if args.profile:
        stats = OUT / "import.prof"
        for p in db.parent.glob(db.name + "*"):
            p.unlink()
        subprocess.run(
            [sys.executable, "-m", "cProfile", "-o", str(stats), *cmd[1:]],
            env=env(db),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        import pstats

        pstats.Stats(str(stats)).sort_stats("tottime").print_stats(15)


if __name__ == "__main__":
    main()
