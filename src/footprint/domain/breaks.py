"""Breaks: periods away from some touchpoints (a holiday without social networks, a challenge run)."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple


class Break(NamedTuple):
    """From ``first`` to ``last`` (inclusive days), away from ``scope`` (touchpoint ids or kinds; empty means
    everything). ``id`` is ``"3"`` for a break you added, ``"r5"`` for challenge run #5."""

    id: str
    first: date
    last: date
    label: str
    scope: tuple[str, ...] = ()

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def covers(self, day: date) -> bool:
        return self.first <= day <= self.last
