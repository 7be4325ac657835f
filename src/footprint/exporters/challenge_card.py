"""``footprint challenge card``: the small pseudonymous JSON a participant hands to a workshop.

Schema ``footprint-challenge-card`` version 1 (read back by ``footprint group summarize``): no notes ever,
no exact times unless the participant opts in, captures labelled as estimates. ``planned_hours`` and
``ended_early`` (a run ended before its planned end) were added to version 1: readers ignore keys they do
not know, so older cards and readers still agree.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from ..domain.journal import Run
from ..domain.verdict import Verdict

FORMAT = "footprint-challenge-card"
VERSION = 1


def card(run: Run, v: Verdict, pseudonym: str, lang: str, with_times: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "card_id": uuid.uuid4().hex,
        "pseudonym": pseudonym,
        "challenge": v.challenge.id,
        "lang": lang,
        "status": "abandoned" if v.status == "abandoned" else "finished",
        "started_on": v.window.start.date().isoformat(),
        "hours": max(round(v.window.wall().total_seconds() / 3600, 2), 0.01),  # >0 even for a run given up at once
        "planned_hours": round(v.planned.total_seconds() / 3600, 2),  # more than hours: ended early or given up
        "ended_early": v.ended_early,
        "usual": list(v.usual),
        "removed": list(v.removed),
        "touched": {t.touchpoint: t.count for t in v.touched if t.count > 0},
        "unavoidable": [u.touchpoint for u in v.unavoidable],
        "captures": {
            "run": round(v.run.total, 2),
            "baseline": round(v.baseline_scaled, 2) if v.baseline_scaled is not None else None,
            "baseline_days": v.baseline_days,
            "baseline_wanted": v.baseline_wanted,
            "estimate": True,
        },
    }
    if with_times:
        data["start"] = v.window.start.isoformat()
        data["end"] = v.window.end.isoformat()
    return data


def card_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
