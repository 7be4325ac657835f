"""What the preferences file costs ``footprint log smartphone`` (one-year journal), whole process: this tree
with no config.toml, this tree with a config.toml setting language, theme, first run and [user], and the
package at a reference commit (before the preferences file existed: default ``main``), runs interleaved
so that a busy machine slows all three alike.

    python bench/config_speed.py [--runs 30] [--against main]

``FOOTPRINT_LANG`` is left unset here, so the file's language is read as a user without the variable has it.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time

from _common import OUT, build_journal, compile_package, env, reference

CONFIG = """# footprint's preferences
language = "en"
theme = "dark"
first_run = "skipped"

[user]
name = "Camille Martin"
address = \"\"\"12 rue des Lilas
75011 Paris\"\"\"
"""
LOG = [sys.executable, "-c", "from footprint.cli import main; main()", "log", "smartphone"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--against", default="main")
    args = parser.parse_args()
    db = build_journal(OUT / "one-year.db", entries=12_000, years=1)
    compile_package()
    ref = reference(args.against)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ref)], check=True, stdout=subprocess.DEVNULL)
    with_file = OUT / "config-with-file"
    with_file.mkdir(parents=True, exist_ok=True)
    (with_file / "config.toml").write_text(CONFIG)
    base = {k: v for k, v in env(db).items() if k != "FOOTPRINT_LANG"}
    # Each case has its own catalog cache: the cache's key names the code, so sharing one would rebuild
    # it (reading the catalog's TOML) at every other run.
    cases = {
        f"reference {args.against} (no preferences file)": {
            **base,
            "PYTHONPATH": str(ref),
            "FOOTPRINT_CACHE_DIR": str(OUT / "cache-reference"),
        },
        "this tree, no config.toml": {**base, "FOOTPRINT_CONFIG_DIR": str(OUT / "config-none")},
        "this tree, config.toml with 6 keys": {**base, "FOOTPRINT_CONFIG_DIR": str(with_file)},
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    cpu: dict[str, list[float]] = {name: [] for name in cases}
    for i in range(args.runs + 2):
        for name, e in cases.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            subprocess.run(LOG, env=e, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wall = time.perf_counter() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if i >= 2:  # two warm-up rounds
                times[name].append(wall)
                cpu[name].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    print(f"footprint log smartphone, whole process, {args.runs} interleaved runs each ({sys.version.split()[0]}):")
    for name, t in times.items():
        c = cpu[name]
        print(
            f"  {name:<44} wall median {statistics.median(t) * 1000:6.1f} ms (min {min(t) * 1000:.1f})"
            f"   CPU median {statistics.median(c) * 1000:6.1f} ms (min {min(c) * 1000:.1f})"
        )


if __name__ == "__main__":
    main()
