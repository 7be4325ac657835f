"""The verdict of a challenge run: what was usual, removed, touched, unavoidable, and captures against
the person's own baseline. Pure: the service gathers entries, profile and closed days and passes them in.

Rules (from the product's definition):

- ``usual``: the touchpoints of the profile (at the start of the run) that the challenge forbids;
- ``touched``: forbidden touchpoints with touches during the run, usual or not, with counts and reasons;
- ``unavoidable``: usual passive touchpoints (they capture whatever you do) and touched ones whose touch
  was given the reason *unavoidable*;
- ``removed``: usual touchpoints neither touched nor unavoidable;
- captures during the run are compared with the same number of closed days just before it, over the
  same hours of the day (an evening run is compared with earlier evenings). Durations are wall-clock:
  a 24-hour run on the day clocks change still covers one calendar day.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from .catalog import Catalog
from .challenge import Challenge
from .footprint import Captures, Usage, active_captures, passive_captures
from .journal import Entry, ProfilePeriod

DAY = timedelta(days=1)
BASELINE_LOOKBACK_DAYS = 90


class Window(NamedTuple):
    """A span of time, aware datetimes in the journal's zone. The end is excluded, except for a run's own
    window: a touch logged at the very moment a run ends (or is looked at) belongs to it."""

    start: datetime
    end: datetime
    inclusive: bool = False

    def wall(self) -> timedelta:
        """The length on the wall clock (DST changes do not shorten a day)."""
        return self.end.replace(tzinfo=None) - self.start.replace(tzinfo=None)

    def contains(self, at: datetime) -> bool:
        return self.start <= at < self.end or (self.inclusive and at == self.end)


def run_window(start: datetime, duration: timedelta) -> Window:
    """The window of a run starting at ``start`` (wall-clock arithmetic in the start's zone)."""
    return Window(start, start + duration, inclusive=True)


def passive_in(window: Window, periods: Sequence[ProfilePeriod], catalog: Catalog) -> float:
    """Passive captures over ``window``: each calendar day it covers contributes the share of that day it
    covers times the passive touchpoints of the profile that day."""
    total = 0.0
    day = window.start.date()
    last = (window.end - timedelta(microseconds=1)).date()
    start_wall, end_wall = window.start.replace(tzinfo=None), window.end.replace(tzinfo=None)
    while day <= last:
        day_start = datetime.combine(day, time())
        covered = min(end_wall, day_start + DAY) - max(start_wall, day_start)
        share = max(covered, timedelta(0)) / DAY
        for p in periods:
            tp = catalog.get(p.touchpoint)
            if tp is not None and tp.passive and p.covers(day):
                total += share * passive_captures(tp, p.state)
        day += DAY
    return total


def captures_in(
    window: Window, entries: Iterable[Entry], periods: Sequence[ProfilePeriod], catalog: Catalog
) -> Captures:
    """Active captures of the touches inside ``window`` plus passive captures over it."""
    active = 0.0
    for e in entries:
        if window.contains(e.at):
            tp = catalog.get(e.touchpoint)
            if tp is not None:
                active += active_captures(tp, Usage(e.count, e.minutes or 0.0))
    return Captures(active, passive_in(window, periods, catalog))


def baseline_windows(run: Window, closed: set[date]) -> tuple[list[Window], int]:
    """The windows to compare a run with, and how many were wanted.

    A run spanning N calendar days (rounded up) is compared with N closed days just before it, each over the
    run's hours of the day (at most 24 h). A day counts only if every day its window touches is closed.
    """
    wanted = max(1, math.ceil(run.wall() / DAY))
    length = min(run.wall(), DAY)
    zone = run.start.tzinfo
    windows: list[Window] = []
    day = run.start.date() - DAY
    floor = run.start.date() - timedelta(days=BASELINE_LOOKBACK_DAYS)
    while len(windows) < wanted and day >= floor:
        start = datetime.combine(day, run.start.timetz().replace(tzinfo=None)).replace(tzinfo=zone)
        w = Window(start, start + length)
        spanned = {w.start.date(), (w.end - timedelta(microseconds=1)).date()}
        if spanned <= closed:
            windows.append(w)
        day -= DAY
    return windows, wanted


class Touched(NamedTuple):
    touchpoint: str
    count: int
    reasons: tuple[str, ...]  # reason of each touch that gave one
    notes: tuple[str, ...]  # private: shown only to their owner, or when asked


class Unavoidable(NamedTuple):
    touchpoint: str
    why: str  # "passive" or "reason"
    notes: tuple[str, ...]


class Verdict(NamedTuple):
    challenge: Challenge
    window: Window
    status: str  # running, finished, abandoned
    usual: tuple[str, ...]
    removed: tuple[str, ...]
    touched: tuple[Touched, ...]
    unavoidable: tuple[Unavoidable, ...]
    run: Captures
    baseline: Captures | None  # summed over the baseline windows found
    baseline_days: int
    baseline_wanted: int

    @property
    def baseline_scaled(self) -> float | None:
        """The baseline total scaled to the run's length (when fewer baseline days than wanted were found)."""
        if self.baseline is None or self.baseline_days == 0:
            return None
        return self.baseline.total * self.baseline_wanted / self.baseline_days


def verdict(
    challenge: Challenge,
    window: Window,
    status: str,
    entries: Sequence[Entry],
    profile_at_start: Sequence[ProfilePeriod],
    periods: Sequence[ProfilePeriod],
    catalog: Catalog,
    baseline_entries: Sequence[Entry],
    closed: set[date],
) -> Verdict:
    """The verdict of a run; ``entries`` may include touches outside the window (they are ignored)."""
    usual: list[str] = []
    for p in profile_at_start:
        tp = catalog.get(p.touchpoint)
        if tp is not None and challenge.forbids(tp) and tp.id not in usual:
            usual.append(tp.id)
    in_run = [e for e in entries if window.contains(e.at)]
    touched: dict[str, Touched] = {}
    for e in in_run:
        tp = catalog.get(e.touchpoint)
        if tp is None or not challenge.forbids(tp):
            continue
        old = touched.get(tp.id, Touched(tp.id, 0, (), ()))
        touched[tp.id] = Touched(
            tp.id,
            old.count + e.count,
            old.reasons + ((e.reason,) if e.reason else ()),
            old.notes + ((e.note,) if e.note else ()),
        )
    unavoidable: list[Unavoidable] = []
    for tp_id in usual:
        tp = catalog.get(tp_id)
        if tp is not None and tp.passive:
            unavoidable.append(Unavoidable(tp_id, "passive", ()))
    for t in touched.values():
        if "unavoidable" in t.reasons and t.touchpoint not in {u.touchpoint for u in unavoidable}:
            unavoidable.append(Unavoidable(t.touchpoint, "reason", t.notes))
    kept = {u.touchpoint for u in unavoidable} | set(touched)
    removed = tuple(tp for tp in usual if tp not in kept)
    windows, wanted = baseline_windows(window, closed)
    baseline = None
    if windows:
        parts = [captures_in(w, baseline_entries, periods, catalog) for w in windows]
        baseline = Captures(sum(c.active for c in parts), sum(c.passive for c in parts))
    return Verdict(
        challenge=challenge,
        window=window,
        status=status,
        usual=tuple(usual),
        removed=removed,
        touched=tuple(touched.values()),
        unavoidable=tuple(unavoidable),
        run=captures_in(window, in_run, periods, catalog),
        baseline=baseline,
        baseline_days=len(windows),
        baseline_wanted=wanted,
    )


_WORDS = {
    "en": {
        "removed": "{n} of {m} removed",
        "none_usual": "none of your usual touchpoints is forbidden by this challenge",
        "unavoidable": "unavoidable: {items}",
        "touched": "touched: {items}",
        "passive": "passive",
        "abandoned": "abandoned",
        "running": "so far",
        "sep": "; ",
    },
    "fr": {
        "removed": "{n} sur {m} supprimés",
        "none_usual": "aucun de vos points de contact habituels n'est interdit par ce défi",
        "unavoidable": "inévitables : {items}",
        "touched": "touchés : {items}",
        "passive": "passif",
        "abandoned": "abandonné",
        "running": "pour l'instant",
        "sep": " ; ",
    },
}
_REASONS = {
    "en": {"unavoidable": "unavoidable", "chosen": "chosen", "forgot": "forgot"},
    "fr": {"unavoidable": "inévitable", "chosen": "choisi", "forgot": "oubli"},
}


def headline(v: Verdict, catalog: Catalog, lang: str, with_notes: bool = False) -> str:
    """ "3 of 5 removed; unavoidable: Smartphone (alarm clock), Smart meter (passive)". Notes (the
    person's own words, like "alarm clock") appear only ``with_notes``; otherwise the reason is named."""
    words = _WORDS.get(lang, _WORDS["en"])

    def label(tp_id: str) -> str:
        tp = catalog.get(tp_id)
        return tp.label.get(lang) if tp else tp_id

    parts = [words["removed"].format(n=len(v.removed), m=len(v.usual)) if v.usual else words["none_usual"]]
    if v.unavoidable:
        items = []
        for u in v.unavoidable:
            why = (
                words["passive"] if u.why == "passive" else _REASONS[lang if lang in _REASONS else "en"]["unavoidable"]
            )
            if with_notes and u.notes:
                why = ", ".join(dict.fromkeys(u.notes))
            items.append(f"{label(u.touchpoint)} ({why})")
        parts.append(words["unavoidable"].format(items=", ".join(items)))
    others = [t for t in v.touched if t.touchpoint not in {u.touchpoint for u in v.unavoidable}]
    if others:
        items = []
        for t in others:
            reasons = ", ".join(_REASONS.get(lang, _REASONS["en"])[r] for r in dict.fromkeys(t.reasons))
            items.append(f"{label(t.touchpoint)} ×{t.count}" + (f" ({reasons})" if reasons else ""))
        parts.append(words["touched"].format(items=", ".join(items)))
    text = words["sep"].join(parts)
    if v.status in ("abandoned", "running"):
        text = (
            f"{words[v.status].capitalize()}: {text[0].lower()}{text[1:]}"
            if lang == "en"
            else f"{words[v.status].capitalize()} : {text}"
        )
    return text
