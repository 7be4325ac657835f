"""Streaming JSON: footprint's ``JsonStream`` (the standard library's C decoder per value) against ijson's
C backend on the same big array, beside a plain-Python floor (``json.load`` of the whole file), and what
each costs on a hostile file nested deep (the shape ``tests/importers/test_hostile_files.py`` feeds).

    python bench/json_stream_speed.py [--items 300000] [--depth 200000] [--runs 3]

ijson is not a dependency: this script is how the choice was made (see ``importers/toolkit/jsonstream.py``);
it measures ijson only when it is installed. Each hostile read runs in its own process, and its peak memory
(max RSS) is what it reports.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ITEM = {
    "header": "Search",
    "title": "Searched for weather tomorrow in Lyon",
    "titleUrl": "https://www.google.com/search?q\u003dweather+tomorrow+lyon",
    "time": "2024-03-05T08:41:12.123Z",
    "products": ["Search"],
    "activityControls": ["Web & App Activity"],
}


def _write(path: Path, n: int) -> None:
    with open(path, "w") as f:
        f.write("[")
        for i in range(n):
            f.write(("," if i else "") + json.dumps({**ITEM, "title": f"Searched for item {i}"}, indent=2))
        f.write("]")


def _floor(path: Path) -> int:
    with open(path, "rb") as f:
        return len(json.load(f))


def _jsonstream(path: Path) -> int:
    from footprint.importers.toolkit.jsonstream import JsonStream

    with open(path, "rb") as f:
        return sum(1 for _ in JsonStream(f, "bench").items())


def _ijson(path: Path) -> int:
    import ijson

    with open(path, "rb") as f:
        return sum(1 for _ in ijson.items(f, "item"))


def _median(fn, path: Path, runs: int) -> tuple[float, int]:
    times, n = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        n = fn(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times), n


_HOSTILE = """
import resource, sys
from pathlib import Path
path, reader = Path(sys.argv[1]), sys.argv[2]
try:
    if reader == "ijson":
        import ijson
        with open(path, "rb") as f:
            for _ in ijson.items(f, "item"):
                pass
    else:
        from footprint.importers.toolkit.jsonstream import JsonStream
        with open(path, "rb") as f:
            for _ in JsonStream(f, "bench").items():
                pass
    outcome = "read"
except Exception as exc:
    outcome = type(exc).__name__
print(outcome, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def _hostile(path: Path, reader: str) -> str:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _HOSTILE, str(path), reader], capture_output=True, text=True)
    took = time.perf_counter() - start
    outcome, _, rss = (out.stdout.strip() or f"crashed({out.returncode}) 0").partition(" ")
    return f"{outcome:>14} in {took:5.2f} s, peak {rss} MB"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=300_000)
    parser.add_argument("--depth", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    try:
        import ijson  # noqa: F401

        have_ijson = True
    except ImportError:
        have_ijson = False
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.json"
        _write(big, args.items)
        size = big.stat().st_size >> 20
        print(f"{args.items:,} items, {size} MB, median of {args.runs}")
        floor, n = _median(_floor, big, args.runs)
        print(f"  floor json.load (whole file)   {floor:6.2f} s  {n / floor:>10,.0f} items/s")
        ours, n = _median(_jsonstream, big, args.runs)
        print(f"  footprint JsonStream            {ours:6.2f} s  {n / ours:>10,.0f} items/s  {ours / floor:.2f}× the floor")
        if have_ijson:
            theirs, n = _median(_ijson, big, args.runs)
            print(f"  ijson.items (C backend)         {theirs:6.2f} s  {n / theirs:>10,.0f} items/s  {theirs / floor:.2f}× the floor")
        deep = Path(tmp) / "deep.json"
        deep.write_text("[" * args.depth + "]" * args.depth)
        print(f"hostile: an array nested {args.depth:,} deep ({deep.stat().st_size >> 10} KB)")
        print(f"  footprint JsonStream  {_hostile(deep, 'jsonstream')}")
        if have_ijson:
            print(f"  ijson.items           {_hostile(deep, 'ijson')}")


if __name__ == "__main__":
    main()
