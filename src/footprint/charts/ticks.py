"""Round axis ticks: steps of 1, 2, 2.5 or 5 × 10^k from 0 (0/250/500/750/1000, never 0/250/500/749/999),
and a second axis whose ticks fall on the first one's gridlines."""

from __future__ import annotations

import math

_NICE = (1.0, 2.0, 2.5, 5.0, 10.0)


def nice_step(raw: float) -> float:
    """The smallest round step (1, 2, 2.5, 5 × 10^k) at least ``raw``."""
    if not math.isfinite(raw) or raw <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(raw))
    for m in _NICE:
        if m * power >= raw * (1 - 1e-9):
            return m * power
    return 10.0 * power  # pragma: no cover (10 is in _NICE)


def nice_ticks(top: float, count: int = 5) -> list[float]:
    """Ticks from 0 to a round value at least ``top``, with ``count - 1`` to ``count + 1`` intervals: the
    choice that wastes least room above ``top`` (1,100 gets 0…1,250 by 250, not 0…1,500 by 500)."""
    top = top if math.isfinite(top) and top > 0 else 1.0
    best: tuple[float, int, float, int] | None = None
    for intervals in range(max(1, count - 1), count + 2):
        step = nice_step(top / intervals)
        n = max(1, math.ceil(top / step - 1e-9))
        candidate = (n * step - top, abs(n - count), step, n)
        best = candidate if best is None or candidate[:2] < best[:2] else best
    assert best is not None
    _waste, _distance, step, n = best
    return [_clean(step * k) for k in range(n + 1)]


def aligned_ticks(top: float, intervals: int) -> list[float]:
    """A second axis of exactly ``intervals`` round steps reaching at least ``top``: its ticks sit on the
    gridlines of a first axis with that many intervals."""
    top = top if math.isfinite(top) and top > 0 else 1.0
    step = nice_step(top / max(1, intervals))
    return [_clean(step * k) for k in range(max(1, intervals) + 1)]


def _clean(value: float) -> float:
    """12 × 0.1 is 1.2000000000000002: round away the float noise so labels read 1.2."""
    return float(f"{value:.10g}")


def decimals(ticks: list[float]) -> int:
    """How many decimals the ticks' labels need so each reads as its own value (0.25, not 0.2)."""
    for digits in range(0, 7):
        if all(abs(round(v, digits) - v) < 1e-9 for v in ticks):
            return digits
    return 6


def labels(ticks: list[float]) -> list[str]:
    """The ticks as the language writes numbers, each with the decimals it needs: ``0``, ``0.25``, ``1,000``."""
    from .. import l10n

    return [l10n.decimal(v, decimals([v])) for v in ticks]
