"""How fast the Enedis importer reads a 5-year Linky load curve (87,600 half-hours), beside a ``csv.reader``
floor and the importer of an earlier commit, in the same rounds.

    python bench/linky_speed.py [--runs 5] [--against HEAD~1]

The load curve (``bench/out/Enedis_Conso_Heure_20200101-20241230_….csv``) is written once, in the real shape:
the 9-field header, ``Horodate;Valeur``, rows stamped with Paris's offset at the end of each half-hour, both
clock changes of every year, a few gaps. Each figure is the median CPU time of reading the whole file with
the importer (``Enedis().read`` consumed), in a fresh process after one warm-up read; the floor is
``csv.reader`` over the same file counting the rows per day (``row[0][:10]``), nothing else. ``--against``
names the commit whose ``src/`` is extracted with ``git archive`` into ``bench/out/`` and measured the same way.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from _common import OUT, ZONE

ROOT = Path(__file__).resolve().parent.parent
ROWS = 87_600
NAME = "Enedis_Conso_Heure_20200101-20241230_00000000000000.csv"

MEASURE = r"""
import sys, time
from pathlib import Path
from zoneinfo import ZoneInfo
path, runs = Path(sys.argv[1]), int(sys.argv[2])
if sys.argv[3] == "floor":
    import csv
    def read():
        days = {}
        with open(path, newline="", encoding="utf-8-sig") as f:
            for row in csv.reader(f, delimiter=";"):
                if len(row) == 2 and row[0][:1].isdigit() and row[1]:
                    days[row[0][:10]] = days.get(row[0][:10], 0) + 1
        return sum(days.values())
else:
    from footprint.importers.base import ImportContext, Touch
    from footprint.importers.enedis import Enedis
    ctx = ImportContext({}, ZoneInfo("Europe/Paris"))
    def read():
        return sum(r.count for r in Enedis().read(path, ctx) if isinstance(r, Touch))
read()
times = []
for _ in range(runs):
    t = time.process_time()
    n = read()
    times.append(time.process_time() - t)
print(n, *times)
"""


def build() -> Path:
    path = OUT / NAME
    if path.exists():
        return path
    OUT.mkdir(exist_ok=True)
    lines = [
        "\ufeffIdentifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;Grandeur metier;"
        "Etape metier;Unite;Pas en minutes",
        "00000000000000;Courbe de charge;01/01/2020;30/12/2024;Energie active;Consommation;Comptage Brut;W;",
        "Horodate;Valeur",
    ]
    utc = datetime(2020, 1, 1, 0, 30, tzinfo=ZONE).timestamp()
    for i in range(ROWS):
        local = datetime.fromtimestamp(utc + i * 1800, ZONE)
        value = "" if i % 9973 == 0 else str(200 + (i * 37) % 3000)
        lines.append(f"{local.isoformat()};{value}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def source(against: str | None) -> Path:
    if against is None:
        return ROOT / "src"
    rev = subprocess.run(["git", "rev-parse", "--short", against], cwd=ROOT, capture_output=True, text=True, check=True)
    folder = OUT / f"src-{rev.stdout.strip()}"
    if not folder.exists():
        folder.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", against, "src"], cwd=ROOT, capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder / "src"


def measure(what: str, src: Path, path: Path, runs: int) -> tuple[int, float]:
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path), str(runs), what],
        env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return int(out[0]), statistics.median(float(t) for t in out[1:])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--against", default="HEAD~1")
    args = parser.parse_args()
    path = build()
    floor_n, floor = measure("floor", ROOT / "src", path, args.runs)
    rows = [("csv.reader floor", floor_n, floor)]
    rows.append((f"enedis at {args.against}", *measure("importer", source(args.against), path, args.runs)))
    rows.append(("enedis (this tree)", *measure("importer", source(None), path, args.runs)))
    print(f"{ROWS:,} rows ({path.stat().st_size / 1e6:.1f} MB), median CPU of {args.runs} reads:")
    for name, n, seconds in rows:
        print(f"  {name:24} {seconds:6.3f} s  {n:,} readings  {seconds / floor:4.1f}x the floor")


if __name__ == "__main__":
    main()
