"""How long the bank importer takes to read a 100,000-row bank CSV, beside a plain ``csv.reader`` floor
(decode the same bytes, split the same rows, touch every row) and beside the same importer at another
commit (the previous one by default), measured side by side in the same run: runs interleaved, each in a
fresh process, median of each.

    python bench/bank_speed.py [--rows 100000] [--runs 5] [--against HEAD~1]

The statement is built once into bench/out/bank-N.csv in Crédit Agricole's real shape: cp1252, a preamble
(holder, account number, balance), ``Date;Libellé;Débit euros;Crédit euros;``, debits without a minus,
decimal commas with no-break-space thousands, one label in ten spanning two lines inside its quotes; three
rows in five are card payments (``CARTE X1234 02/03 …``, ``PAIEMENT PAR CARTE …``, contactless, Apple
Pay), the rest transfers, direct debits, withdrawals and refunds. The other commit is read from git
(``git archive``) into bench/out/bank-REV/, and timed with its own code and mapping files.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tarfile
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path

from _common import OUT

ROOT = Path(__file__).resolve().parents[1]
MERCHANTS = "BOULANGERIE PAUL,CARREFOUR CITY,PHARMACIE DU PARC,CAFÉ DE LA GARE,FNAC,SNCF,MONOPRIX,LIBRAIRIE".split(",")

CHILD = r"""
import csv, json, sys, time
from pathlib import Path
path, what = Path(sys.argv[1]), sys.argv[2]
setup = 0.0
t0 = time.perf_counter()
if what == "floor":
    rows = 0
    with open(path, encoding="cp1252", newline="") as f:
        for row in csv.reader(f, delimiter=";"):
            rows += len(row) > 1
    count = rows
else:
    from zoneinfo import ZoneInfo
    from footprint.importers.bank import Bank
    from footprint.importers.base import ImportContext, Touch
    from footprint.services.imports import load_mappings
    ctx = ImportContext(load_mappings(), ZoneInfo("Europe/Paris"))
    setup = time.perf_counter() - t0  # imports and mapping files: once per import, whatever its size
    t0 = time.perf_counter()
    count = sum(r.count for r in Bank().read(path, ctx) if isinstance(r, Touch))
print(json.dumps({"seconds": time.perf_counter() - t0, "setup": setup, "count": count}))
"""


def build(rows: int) -> Path:
    path = OUT / f"bank-{rows}.csv"
    if path.exists():
        return path
    OUT.mkdir(exist_ok=True)
    rng = random.Random(7)
    out = [
        "Téléchargement du 05/03/2024;",
        "",
        "M. CLAUDE EXEMPLE;",
        "Compte de Dépôt carte n° 71234567890;",
        "Solde au 05/03/2024 1\u00a0234,56 €;",
        "",
        "Liste des opérations du compte entre le 01/01/2019 et le 05/03/2024;",
        "",
        "Date;Libellé;Débit euros;Crédit euros;",
    ]
    day = date(2024, 3, 5)
    for i in range(rows):
        if i % 60 == 59:
            day -= timedelta(days=1)
        bought = (day - timedelta(days=rng.randint(0, 3))).strftime("%d/%m")
        shop = rng.choice(MERCHANTS)
        amount = f"{rng.randint(1, 1500)},{rng.randint(0, 99):02d}"
        kind = rng.random()
        if kind < 0.3:
            label, debit, credit = f"CARTE X1234 {bought} {shop}", amount, ""
        elif kind < 0.45:
            label, debit, credit = f"PAIEMENT PAR CARTE X1234 {shop} {bought}", amount, ""
        elif kind < 0.55:
            label, debit, credit = f"PAIEMENT PSC {bought.replace('/', '')} PARIS {shop} CARTE 8101", amount, ""
        elif kind < 0.6:
            label, debit, credit = f"CARTE X1234 APPLE PAY {bought} {shop}", amount, ""
        elif kind < 0.75:
            label, debit, credit = f"PRLV SEPA FOURNISSEUR {i}\nECH {bought} REF {i}", amount, ""
        elif kind < 0.85:
            label, debit, credit = f"VIREMENT EN VOTRE FAVEUR\nREF {i}", "", "2\u00a0000,00"
        elif kind < 0.93:
            label, debit, credit = f"RETRAIT DAB {bought} CARTE X1234", "40,00", ""
        else:
            label, debit, credit = f"AVOIR CARTE X1234 {bought} {shop}", "", amount
        out.append(f'{day:%d/%m/%Y};"{label}";{debit};{credit};')
    path.write_bytes(("\r\n".join(out) + "\r\n").encode("cp1252"))
    return path


def checkout(rev: str) -> Path:
    """The code and mapping files of ``rev``, for its own importer to run on."""
    sha = subprocess.run(["git", "rev-parse", "--short", rev], cwd=ROOT, capture_output=True, text=True, check=True)
    folder = OUT / f"bank-{sha.stdout.strip()}"
    if not folder.exists():
        tar = subprocess.run(["git", "archive", rev, "src", "data"], cwd=ROOT, capture_output=True, check=True)
        with tarfile.open(fileobj=BytesIO(tar.stdout)) as t:
            t.extractall(folder, filter="data")
    return folder


def once(path: Path, what: str, src: Path | None) -> tuple[float, float, int]:
    env_path = {"PYTHONPATH": str(src / "src")} if src else {}
    import os

    env = {**os.environ, **env_path}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), what], capture_output=True, text=True, env=env, check=True
    )
    result = json.loads(done.stdout)
    return result["seconds"], result["setup"], result["count"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--against", default="HEAD~1", help="the other commit to time (default: the previous)")
    args = parser.parse_args()
    path = build(args.rows)
    other = checkout(args.against)
    times: dict[str, list[float]] = {"floor": [], "this": [], args.against: []}
    setups: dict[str, list[float]] = {name: [] for name in times}
    counts: dict[str, int] = {}
    for _ in range(args.runs):
        for name, what, src in (("floor", "floor", None), ("this", "bank", None), (args.against, "bank", other)):
            seconds, setup, count = once(path, what, src)
            times[name].append(seconds)
            setups[name].append(setup)
            counts[name] = count
    floor = statistics.median(times["floor"])
    print(f"{args.rows:,} rows, {path.stat().st_size / 1e6:.1f} MB, median of {args.runs} runs (reading only;")
    print("the importer's imports and mapping files, once per import whatever its size, apart)")
    for name, values in times.items():
        median = statistics.median(values)
        what = "rows" if name == "floor" else "card payments"
        extra = f", setup {statistics.median(setups[name]):.2f} s" if name != "floor" else ""
        print(f"  {name:<12} {median:7.3f} s  {median / floor:5.1f}× the floor  ({counts[name]:,} {what}{extra})")


if __name__ == "__main__":
    main()
