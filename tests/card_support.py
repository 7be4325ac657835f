"""A valid challenge card to build test cards from, shared by the group, value and security tests."""

from __future__ import annotations

from typing import Any


def card(n: int, **changes: Any) -> dict[str, Any]:
    """A valid card numbered ``n`` (its id and default pseudonym follow from it), with ``changes``."""
    data: dict[str, Any] = {
        "format": "footprint-challenge-card",
        "version": 1,
        "card_id": f"{n:032x}",
        "pseudonym": f"participant-{n}",
        "challenge": "day-without-big-data",
        "lang": "en",
        "status": "finished",
        "started_on": "2026-11-21",
        "hours": 24.0,
        "usual": ["smartphone", "computer", "bank-card", "health-card", "smart-meter"],
        "removed": ["computer", "bank-card", "health-card"],
        "touched": {"smartphone": 1},
        "unavoidable": ["smartphone", "smart-meter"],
        "captures": {"run": 57.0, "baseline": 412.5, "baseline_days": 1, "baseline_wanted": 1, "estimate": True},
    }
    data.update(changes)
    return data
