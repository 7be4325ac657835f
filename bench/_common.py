"""Shared by the bench scripts: synthetic journals, timing of whole processes, a bytecode-ready env."""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

OUT = Path(__file__).resolve().parent / "out"
FOOTPRINT = Path(sys.executable).parent / "footprint"
ZONE = ZoneInfo("Europe/Paris")
TOUCHPOINTS = [
    "smartphone",
    "computer",
    "bank-card",
    "email",
    "web-search",
    "facebook",
    "instagram",
    "messaging",
    "maps",
    "transit-pass",
    "music-streaming",
    "video-streaming",
    "health-card",
    "loyalty-card",
]


def env(db: Path, **extra: str) -> dict[str, str]:
    """The environment a user has: bytecode caching on (pip compiles at install), a private cache folder."""
    e = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    e.update(
        FOOTPRINT_DB=str(db),
        FOOTPRINT_TZ="Europe/Paris",
        FOOTPRINT_CACHE_DIR=str(OUT / "cache"),
        FOOTPRINT_CONFIG_DIR=str(OUT / "config"),
        FOOTPRINT_LANG="en",
        **extra,
    )
    return e


def compile_package() -> None:
    import footprint

    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(Path(footprint.__file__).parent)],
        check=True,
        stdout=subprocess.DEVNULL,
        env=env(OUT / "x.db"),
    )


def synthetic(entries: int, years: float, seed: int = 1) -> Iterator:
    """``entries`` touches spread over ``years`` years ending today, oldest first."""
    from footprint.domain.journal import Entry

    rng = random.Random(seed)
    days = int(365.25 * years)
    start = date.today() - timedelta(days=days - 1)
    per_day = entries / days
    n = 0
    for d in range(days):
        day = start + timedelta(days=d)
        todo = int(per_day * (d + 1)) - n
        for i in range(todo):
            at = datetime(day.year, day.month, day.day, rng.randrange(6, 23), rng.randrange(60), tzinfo=ZONE)
            yield Entry(
                None, at, day, rng.choice(TOUCHPOINTS), rng.randint(1, 3), None, None, None, "bench", f"{day}:{i}"
            )
        n += todo


def build_journal(path: Path, entries: int, years: float) -> Path:
    """Create (once) a journal with a realistic profile and ``entries`` synthetic touches."""
    if path.exists():
        return path
    from footprint.domain.journal import ProfilePeriod
    from footprint.store import Journal

    OUT.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    t0 = time.perf_counter()
    with Journal(tmp) as j:
        since = date.today() - timedelta(days=int(365.25 * years))
        j.replace_profile(
            [ProfilePeriod(tp, since) for tp in ("smartphone", "computer", "bank-card", "health-card", "smart-meter")],
            "bench profile",
        )
        j.import_entries(synthetic(entries, years), "bench", batch=20000)
    tmp.rename(path)
    print(f"built {path.name}: {entries:,} entries over {years:g} years in {time.perf_counter() - t0:.1f} s")
    return path


def time_runs(cmd: Sequence[str], runs: int, environ: dict[str, str], warmup: int = 2) -> list[float]:
    """Wall-clock seconds of each whole-process run (after ``warmup`` unmeasured runs)."""
    times = []
    for i in range(warmup + runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, env=environ, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if i >= warmup:
            times.append(time.perf_counter() - t0)
    return times


def report(name: str, times: list[float]) -> float:
    med = statistics.median(times)
    print(
        f"  {name:<44} median {med * 1000:6.1f} ms   (min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f}, "
        f"n={len(times)})"
    )
    return med


def reference(rev: str) -> Path:
    """The package's source at ``rev`` (with data/ and challenges/ beside it, as in the repository),
    extracted once under bench/out with ``git archive``: a reference to measure against, never checked
    out over the work tree. Run it with ``PYTHONPATH`` set to the returned folder."""
    import io
    import tarfile

    root = Path(__file__).resolve().parent.parent
    sha = subprocess.run(["git", "rev-parse", "--short", rev], cwd=root, capture_output=True, text=True, check=True)
    dest = OUT / f"ref-{sha.stdout.strip()}"
    if not (dest / "src").exists():
        data = subprocess.run(
            ["git", "archive", rev, "src", "data", "challenges"], cwd=root, capture_output=True, check=True
        ).stdout
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            tar.extractall(dest, filter="data")
    return dest / "src"
