"""The documents the browser tests look at, made the way a person makes them: through the command line.

A workshop of 15 (the size the worksheets are printed for) with a dozen touchpoints, so the summary's table
spans more than one screen; a group of 3, below the minimum size, that must show totals only; and the blog
report of the seed's day without Big Data.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from card_support import card

POOL = (
    "smartphone", "computer", "bank-card", "health-card", "smart-meter", "transit-pass", "email", "web-search",
    "messaging", "maps", "facebook", "instagram", "video-streaming", "loyalty-card",
)  # fmt: skip


def _participant(i: int, pool: tuple[str, ...] = POOL) -> dict[str, Any]:
    """Participant ``i`` of the workshop: a different life for each, the same every run."""
    usual = [tp for k, tp in enumerate(pool) if (i * 7 + k * 3) % 5 != 0] or list(pool[:3])
    unavoidable = [tp for tp in usual if tp in ("smart-meter", "transit-pass") or (tp == "smartphone" and i % 3 == 0)]
    touched = {tp: 1 + (i + k) % 3 for k, tp in enumerate(usual) if (i + k) % 4 == 0 and tp not in unavoidable}
    removed = [tp for tp in usual if tp not in unavoidable and tp not in touched]
    baseline = 300.0 + 25 * (i % 4) if i % 5 else None
    return {
        "usual": usual,
        "removed": removed,
        "touched": touched,
        "unavoidable": unavoidable,
        "status": "abandoned" if i % 6 == 0 else "finished",
        "captures": {
            "run": 40.0 + 9 * (i % 5),
            "baseline": baseline,
            "baseline_days": 1 if baseline else 0,
            "baseline_wanted": 1,
            "estimate": True,
        },
    }


# A touchpoint from a newer catalog shows as its id, here one long word that must wrap rather than overflow.
UNKNOWN = "a-touchpoint-from-a-newer-catalog-that-this-facilitators-footprint-does-not-know-yet"


def write_cards(folder: Path, n: int, pool: tuple[str, ...] = POOL) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(1, n + 1):
        (folder / f"card-{i:02d}.json").write_text(json.dumps(card(i, **_participant(i, pool))), encoding="utf-8")
    return folder


def group_summary(cli: Any, folder: Path, lang: str, *extra: str) -> str:
    result = cli("group", "summarize", str(folder), "--format", "html", "--lang", lang, *extra)
    assert result.exit_code == 0, result.stderr
    return result.stdout


FIVE = ("computer", "smartphone", "bank-card", "health-card", "smart-meter")


def blog_reports(cli: Any, monkeypatch: Any) -> dict[str, str]:
    """The seed's story (a closed baseline week, then the day without Big Data), reported in HTML in each
    language."""

    def at(when: str) -> None:
        monkeypatch.setenv("FOOTPRINT_NOW", when)

    at("2026-11-13T22:00:00+01:00")
    assert cli("profile", "add", *FIVE, "--since", "2026-11-01").exit_code == 0
    for day in range(13, 20):
        at(f"2026-11-{day}T22:00:00+01:00")
        cli("log", "smartphone", "--at", "07:00", "--count", "20")
        cli("log", "computer", "--at", "09:00", "--minutes", "240")
        cli("close")
    at("2026-11-20T06:50:00+01:00")
    assert cli("challenge", "start", "day-without-big-data", "--as", "owl").exit_code == 0
    at("2026-11-20T07:05:00+01:00")
    assert cli("log", "smartphone", "--at", "07:00", "--reason", "unavoidable", "--note", "alarm clock").exit_code == 0
    at("2026-11-21T09:00:00+01:00")
    reports = {}
    for lang in ("en", "fr"):
        result = cli("--lang", lang, "challenge", "report", "--format", "html", "--with-notes")
        assert result.exit_code == 0, result.stderr
        reports[lang] = result.stdout
    return reports
