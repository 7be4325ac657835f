"""Which letter logs which touchpoint on Today: pure, stable for a given profile order.

Each touchpoint takes the first free letter among: the initials of its id's parts (``smart-meter`` → s, m),
the other letters of its id, the letters of its label, then any letter. The profile keeps its order (oldest
first), so adding a touchpoint never moves the keys people already know.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..domain.text import fold

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def assign(touchpoints: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Touchpoint id → its letter, for (id, label) pairs in profile order; once the 26 letters are taken,
    the remaining touchpoints get no key (they are still logged by click, Enter or the palette)."""
    taken: set[str] = set()
    out: dict[str, str] = {}
    for tp_id, label in touchpoints:
        parts = tp_id.split("-")
        candidates = [p[0] for p in parts if p] + list(tp_id.replace("-", "")) + list(fold(label)) + list(LETTERS)
        for c in candidates:
            if c in LETTERS and c not in taken:
                out[tp_id] = c
                taken.add(c)
                break
    return out
