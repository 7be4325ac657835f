"""The JSON-ready shapes of journal values, shared by ``day --json``, ``list`` and the exports.

Keeping one shape everywhere means ``footprint export`` output is also what ``day --json`` shows, and the
footprint-json importer reads exactly this.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..domain.catalog import Catalog
from ..domain.footprint import Captures, Footprint
from ..domain.journal import DayStatus, Entry, ProfilePeriod, Run
from ..domain.verdict import Verdict

if TYPE_CHECKING:
    from ..domain.breaks import Break
    from ..domain.scores import Score

ENTRY_FIELDS = ("id", "at", "day", "touchpoint", "count", "minutes", "note", "reason", "source", "source_ref")


def entry_record(e: Entry) -> dict[str, Any]:
    return {
        "id": e.id,
        "at": e.at.isoformat(),
        "day": e.day.isoformat(),
        "touchpoint": e.touchpoint,
        "count": e.count,
        "minutes": e.minutes,
        "note": e.note,
        "reason": e.reason,
        "source": e.source,
        "source_ref": e.source_ref,
    }


def day_record(s: DayStatus) -> dict[str, Any]:
    return {
        "day": s.day.isoformat(),
        "closed": s.closed,
        "closed_at": s.closed_at.isoformat() if s.closed_at else None,
    }


def profile_record(p: ProfilePeriod) -> dict[str, Any]:
    return {
        "touchpoint": p.touchpoint,
        "since": p.since.isoformat(),
        "until": p.until.isoformat() if p.until else None,
        "state": p.state,
    }


def run_record(r: Run) -> dict[str, Any]:
    """A challenge run with the rules it was taken under (the challenge file as it was then)."""
    return {
        "id": r.id,
        "challenge": r.challenge,
        "name": r.name,
        "pseudonym": r.pseudonym,
        "start": r.start.isoformat(),
        "planned_end": r.planned_end.isoformat(),
        "ended": r.ended.isoformat() if r.ended else None,
        "status": r.status,
        "rules": r.rules,
    }


def break_record(b: Break) -> dict[str, Any]:
    return {
        "id": b.id,
        "first": b.first.isoformat(),
        "last": b.last.isoformat(),
        "label": b.label,
        "scope": list(b.scope),
    }


def score_record(s: Score) -> dict[str, Any]:
    return {"metric": s.metric, "day": s.day.isoformat(), "value": s.value, "source": s.source}


def _r(x: float) -> float:
    return round(x, 2)


def footprint_record(fp: Footprint) -> dict[str, Any]:
    """Captures are estimates built from the catalog; ``estimate: true`` says so to any reader."""
    return {
        "estimate": True,
        "active": _r(fp.active),
        "passive": _r(fp.passive),
        "total": _r(fp.total),
        "by_touchpoint": {
            tp: {"active": _r(c.active), "passive": _r(c.passive), "total": _r(c.total)}
            for tp, c in fp.by_touchpoint.items()
        },
        "by_collector": {c: _r(v) for c, v in fp.by_collector.items()},
        "unknown_touchpoints": list(fp.unknown),
    }


def neutralise(cell: Any) -> Any:
    """A CSV cell a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell


def verdict_record(
    v: Verdict, catalog: Catalog, lang: str, with_notes: bool = True, with_times: bool = True
) -> dict[str, Any]:
    """The verdict as JSON: for the person's own use notes and times are in; public outputs pass False."""

    def captures(c: Captures | None) -> dict[str, float] | None:
        return None if c is None else {"active": _r(c.active), "passive": _r(c.passive), "total": _r(c.total)}

    def when(at: datetime) -> str:
        return at.isoformat() if with_times else at.date().isoformat()

    return {
        "challenge": v.challenge.id,
        "title": v.challenge.title.get(lang),
        "status": v.status,
        "start": when(v.window.start),
        "end": when(v.window.end),
        "planned_end": when(v.planned_end) if v.planned_end is not None else None,
        "ended_early": v.ended_early,
        "usual": list(v.usual),
        "removed": list(v.removed),
        "touched": [
            {
                "touchpoint": t.touchpoint,
                "count": t.count,
                "reasons": list(t.reasons),
                **({"notes": list(t.notes)} if with_notes else {}),
            }
            for t in v.touched
        ],
        "unavoidable": [
            {"touchpoint": u.touchpoint, "why": u.why, **({"notes": list(u.notes)} if with_notes else {})}
            for u in v.unavoidable
        ],
        "captures": {
            "estimate": True,
            "run": captures(v.run),
            "baseline": captures(v.baseline),
            "baseline_days": v.baseline_days,
            "baseline_wanted": v.baseline_wanted,
            "baseline_scaled": _r(v.baseline_scaled) if v.baseline_scaled is not None else None,
            "not_compared": v.comparison.why_not,  # not-started, open-days, no-baseline, or null
            "change": _r(v.change) if v.change is not None else None,
        },
        "headline": _headline(v, catalog, lang, with_notes),
    }


def _headline(v: Verdict, catalog: Catalog, lang: str, with_notes: bool) -> str:
    from ..i18n import speaking
    from ..present.challenge import headline

    with speaking(lang):
        return headline(v, catalog, with_notes=with_notes)
