"""How long ``footprint group summarize`` takes, whole process, on 1,000 challenge cards to one HTML page.

    python bench/group_speed.py [--runs 10] [--cards 1000]

The cards are written into bench/out/cards/ on every run (a few hundred milliseconds): a day without Big
Data taken by a large workshop, with the shapes real cards have (most finished, some without a baseline,
some with exact times). The page and its chart go to bench/out/group.html and bench/out/group-chart.svg.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from _common import FOOTPRINT, OUT, TOUCHPOINTS, ZONE, compile_package, env, report, time_runs

PASSIVE = ["smart-meter", "connected-watch"]


def realistic_card(i: int, rng: random.Random) -> dict:
    """One participant's card: a few usual touchpoints, most removed for the day, a few touched anyway."""
    usual = sorted(set(rng.sample(TOUCHPOINTS, rng.randint(3, 9))) | {"smartphone"} | set(rng.sample(PASSIVE, 1)))
    removable = [tp for tp in usual if tp not in PASSIVE]
    removed = sorted(rng.sample(removable, rng.randint(0, len(removable))))
    kept = [tp for tp in usual if tp not in removed and tp not in PASSIVE]
    touched = {tp: rng.randint(1, 6) for tp in rng.sample(kept, min(len(kept), rng.randint(0, 3)))}
    if rng.random() < 0.2:  # forgot: touched something it had removed
        forgot = rng.choice(removed or usual)
        touched[forgot] = touched.get(forgot, 0) + 1
    unavoidable = sorted({*rng.sample(sorted(touched), min(len(touched), 1)), *(p for p in PASSIVE if p in usual)})
    baseline = round(rng.uniform(150, 900), 2) if rng.random() < 0.7 else None
    day = date(2026, 11, 21) + timedelta(days=rng.randint(0, 6))
    card = {
        "format": "footprint-challenge-card",
        "version": 1,
        "card_id": f"{rng.getrandbits(128):032x}",
        "pseudonym": f"{rng.choice(['owl', 'fox', 'bee', 'elk', 'yak', 'hibou', 'renard'])}-{i}",
        "challenge": "day-without-big-data",
        "lang": rng.choice(["en", "fr"]),
        "status": "finished" if rng.random() < 0.85 else "abandoned",
        "started_on": day.isoformat(),
        "hours": 24.0,
        "usual": usual,
        "removed": removed,
        "touched": touched,
        "unavoidable": unavoidable,
        "captures": {
            "run": round(rng.uniform(5, 250), 2),
            "baseline": baseline,
            "baseline_days": rng.randint(1, 7) if baseline is not None else 0,
            "baseline_wanted": 7,
            "estimate": True,
        },
    }
    if rng.random() < 0.3:  # opted in to exact times
        start = datetime(day.year, day.month, day.day, tzinfo=ZONE)
        card["start"], card["end"] = start.isoformat(), (start + timedelta(days=1)).isoformat()
    return card


def write_cards(folder: Path, count: int, seed: int = 1) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.json"):
        old.unlink()
    rng = random.Random(seed)
    paths = []
    for i in range(count):
        path = folder / f"card-{i:04d}.json"
        path.write_text(json.dumps(realistic_card(i, rng), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--cards", type=int, default=1000)
    args = parser.parse_args()
    cards = write_cards(OUT / "cards", args.cards)
    compile_package()
    e = env(OUT / "group-unused.db")  # summarize never opens the journal
    out = OUT / "group.html"
    command = [str(FOOTPRINT), "group", "summarize", *map(str, cards), "--format", "html", "--out", str(out)]
    print(f"whole-process wall time, {args.runs} runs each, this machine ({sys.version.split()[0]}):")
    report("python -c pass", time_runs([sys.executable, "-c", "pass"], args.runs, e))
    report(f"footprint group summarize ({args.cards:,} cards, html)", time_runs(command, args.runs, e))
    print(f"wrote {out} ({out.stat().st_size:,} bytes); target: under 2 s for 1,000 cards")


if __name__ == "__main__":
    main()
