"""``footprint import activitywatch aw-buckets-export.json``: minutes of computer and smartphone use from
ActivityWatch's export, per app where ``data/mappings/apps.toml`` knows the app.

The export is ``{"buckets": {ID: {id, type, client, hostname, created, data, events: [...]}}}`` with events
``{id, timestamp, duration, data}``. What this module owns, and the traps it handles:

- **Buckets by kind and host.** ``aw-watcher-window_HOST`` (``{app, title}``) is computer use,
  ``aw-watcher-afk_HOST`` (``{status: afk|not-afk}``) says when someone was there, ``aw-watcher-android…``
  (``{app, package, classname}``) is smartphone use and ``…-unlock`` buckets hold one event per unlock. The
  bucket's ``type`` (``currentwindow``, ``afkstatus``, ``os.lockscreen.unlocks``) decides when the id is
  unusual; other buckets (editors, browsers' tab watchers, web UI) overlap the window watcher and are left out.
- **Window time counts only while not afk**: each window event is intersected with the not-afk periods of the
  same host. A host without an afk bucket counts its window events as they are.
- **Events newest first** (and sometimes overlapping): each bucket's events are sorted, and an event that
  starts before the previous one ended only counts from where that one ended, so no second counts twice.
- **Timestamps** with ``Z`` or ``+00:00`` and microseconds; ``duration`` in float seconds. A negative, NaN or
  missing duration, or an unreadable timestamp, is an ``Issue`` for that event, never fatal.
- **Days.** Time is cut at local midnight (the journal's zone), so an evening session that runs past
  midnight gives its minutes to both days.

What is emitted, per local day, host and touchpoint: ONE touch (count 1: "used that day") carrying the day's
minutes, at the day's first moment of use. Counting every window event instead would turn thousands of
title changes into thousands of "uses". A known app (firefox → web-browsing, com.whatsapp → messaging)
gets its own touchpoint; an unknown app counts as plain ``computer`` (window) or ``smartphone`` (Android)
minutes. Smartphone unlocks, when the export has them, are the smartphone's uses: one touch per day with
count = the day's unlocks (the same phone's plain smartphone minutes then come with count 0). Groups are ``window@HOST``, ``android@HOST`` and ``unlock@HOST``: re-importing the
same export or a newer one overlapping it adds nothing twice. Titles are never read.

The export is one JSON object (not an array), so it is read whole (a bigger one than ``WHOLE_CAP`` refused).
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from ..errors import DataFileError
from ..i18n import N_, _
from .base import ImportContext, Issue, Record, Touch
from .toolkit import Window, decode, fold, head, iso_instant, members, names
from .toolkit.jsonstream import BROKEN

MEMBER = r"(^|/)aw-buckets-export[^/]*\.json$"
COMPUTER = "computer"
SMARTPHONE = "smartphone"
_EXTENSIONS = (".exe", ".app", ".desktop")
_LONGEST = 366 * 86400  # seconds: an event longer than a year is junk (1e308 s would overflow)


class AppNames:
    """``data/mappings/apps.toml`` as lookups: package ids exactly, app names folded (case, accents, spaces,
    a trailing ``.exe`` dropped). Shared with the Google Takeout importer (Android "Used X" entries)."""

    def __init__(self, table: Mapping[str, Any]) -> None:
        packages = table.get("packages")
        by_name = table.get("names")
        self.packages: dict[str, str] = {}
        self.names: dict[str, str] = {}
        if isinstance(packages, Mapping):
            for key, tp in packages.items():
                if isinstance(tp, str):
                    self.packages[str(key)] = tp
                    self.packages.setdefault(str(key).lower(), tp)
        if isinstance(by_name, Mapping):
            self.names = {self.key(str(k)): tp for k, tp in by_name.items() if isinstance(tp, str)}
        self._cache: dict[tuple[str | None, str | None], str | None] = {}

    @staticmethod
    def key(name: str) -> str:
        low = name.strip().lower()
        for ext in _EXTENSIONS:
            if low.endswith(ext):
                low = low[: -len(ext)]
                break
        return fold(low)

    def touchpoint(self, name: str | None = None, package: str | None = None) -> str | None:
        """The touchpoint of an app given by package id and/or name, or None when neither is known."""
        cache_key = (name, package)
        if cache_key in self._cache:
            return self._cache[cache_key]
        found = None
        if package:
            found = self.packages.get(package) or self.packages.get(package.lower())
        if found is None and name:
            found = self.names.get(self.key(name))
        self._cache[cache_key] = found
        return found


@dataclass
class _Bucket:
    id: str
    kind: str  # "window", "afk", "android", "unlock"
    host: str
    events: list[Any]


def _kind(bucket_id: str, raw: Mapping[str, Any]) -> str | None:
    low = bucket_id.lower()
    btype = str(raw.get("type") or "").lower()
    if low.startswith("aw-watcher-android"):
        return "unlock" if "unlock" in low or "unlock" in btype else "android"
    if "unlock" in btype:
        return "unlock"
    if low.startswith("aw-watcher-afk") or btype == "afkstatus":
        return "afk"
    if low.startswith("aw-watcher-window") or btype == "currentwindow":
        return "window"
    return None


def _host(bucket_id: str, raw: Mapping[str, Any]) -> str:
    host = raw.get("hostname")
    if isinstance(host, str) and host.strip() and host.strip().lower() != "unknown":
        return host.strip()
    _prefix, sep, suffix = bucket_id.rpartition("_")
    return suffix if sep and suffix else "unknown"


def _span(event: Any, window: Window) -> tuple[datetime, float] | str:
    """(start, seconds) of an event, or the kind of problem (worded in the interface's language)."""
    if not isinstance(event, Mapping):
        return _("unreadable event")
    start = iso_instant(event.get("timestamp"), UTC)  # the export's times are UTC
    if start is None:
        return _("event without a readable timestamp")
    if not window.holds(start):
        return _("event with an impossible date (before 1970 or in the future)")
    duration = event.get("duration", 0)
    if isinstance(duration, bool) or not isinstance(duration, int | float) or not math.isfinite(duration):
        return _("event without a readable duration")
    if not 0 <= duration <= _LONGEST:
        return _("event with a negative duration") if duration < 0 else _("event longer than a year")
    return start, float(duration)


def _merge(spans: Iterable[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    out: list[tuple[datetime, datetime]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _clip(
    start: datetime, end: datetime, present: list[tuple[datetime, datetime]] | None, starts: list[datetime]
) -> Iterator[tuple[datetime, datetime]]:
    """The parts of [start, end) inside the not-afk periods (all of it when the host has no afk bucket)."""
    if present is None:
        yield start, end
        return
    i = max(bisect_right(starts, start) - 1, 0)
    while i < len(present) and present[i][0] < end:
        lo, hi = max(start, present[i][0]), min(end, present[i][1])
        if lo < hi:
            yield lo, hi
        i += 1


def _days(start: datetime, end: datetime, zone: tzinfo) -> Iterator[tuple[date, datetime, float]]:
    """[start, end) cut at local midnights: (local day, start of the piece, minutes)."""
    while start < end:
        local = start.astimezone(zone)
        nxt = datetime.combine(local.date() + timedelta(days=1), datetime.min.time(), tzinfo=zone)
        cut = min(end, nxt.astimezone(UTC))
        if cut <= start:  # a zone whose midnight does not exist that day: never loop forever
            cut = end
        yield local.date(), start, (cut - start).total_seconds() / 60
        start = cut


class _Day:
    __slots__ = ("at", "count", "minutes")

    def __init__(self, at: datetime) -> None:
        self.at, self.count, self.minutes = at, 0, 0.0


class ActivityWatch:
    name = "activitywatch"
    description = N_("ActivityWatch export (aw-buckets-export.json): computer and smartphone minutes per app")

    def detect(self, path: Path) -> bool:
        if path.is_file() and path.suffix.lower() == ".json":
            start = head(path, 512)
            return b'"buckets"' in start and b"aw-" in head(path, 4096)
        return any(
            n.rsplit("/", 1)[-1].lower().startswith("aw-buckets-export") and n.lower().endswith(".json")
            for n in names(path)
        )

    def read(self, path: Path, ctx: ImportContext) -> Iterator[Record]:
        found = list(members(path, MEMBER))
        if not found and path.is_file() and path.suffix.lower() == ".json":
            found = list(members(path, r"\.json$"))  # a renamed export: the content decides below
        if not found:
            raise DataFileError(N_("{path}: no ActivityWatch export (aw-buckets-export.json) found"), path=str(path))
        apps = AppNames(ctx.table("apps"))
        for member in found:
            label = str(path) if path.is_file() and member.name == path.name else f"{path}: {member.name}"
            yield from self._member(member, label, ctx, apps)

    def _member(self, member: Any, label: str, ctx: ImportContext, apps: AppNames) -> Iterator[Record]:
        data = member.data()  # read whole, within archive.WHOLE_CAP
        ctx.progress(len(data))
        text = decode(data, label, legacy=False)  # UTF-8, or UTF-16 with its mark
        try:
            doc = json.loads(text)
        except (ValueError, RecursionError):  # broken, cut, nested too deep, a 5,000-digit number
            raise DataFileError(BROKEN, where=label) from None
        raw_buckets = doc.get("buckets") if isinstance(doc, dict) else None
        if not isinstance(raw_buckets, dict):
            raise DataFileError(N_('{where}: not an ActivityWatch export (no "buckets")'), where=label)
        bounds = ctx.window()
        buckets: list[_Bucket] = []
        for bucket_id, raw in raw_buckets.items():
            if not isinstance(raw, Mapping):
                yield Issue(_("unreadable bucket"), f"{member.name} buckets")
                continue
            kind = _kind(str(bucket_id), raw)
            if kind is None:
                continue
            events = raw.get("events")
            if not isinstance(events, list):
                yield Issue(_("bucket without events"), f"{member.name} {bucket_id}")
                continue
            buckets.append(_Bucket(str(bucket_id), kind, _host(str(bucket_id), raw), events))
        present: dict[str, list[tuple[datetime, datetime]]] = {}
        for b in buckets:
            if b.kind == "afk":
                spans = []
                for i, event in enumerate(b.events, start=1):
                    span = _span(event, bounds)
                    if isinstance(span, str):
                        yield Issue(span, f"{b.id} event {i}")
                        continue
                    status = event.get("data", {}).get("status") if isinstance(event.get("data"), Mapping) else None
                    if status == "not-afk":
                        spans.append((span[0], span[0] + timedelta(seconds=span[1])))
                    elif status != "afk":
                        yield Issue(_("afk event without a status"), f"{b.id} event {i}")
                present[b.host] = _merge(spans + present.get(b.host, []))
        days: dict[tuple[date, str, str], _Day] = {}
        unlocking = {b.host for b in buckets if b.kind == "unlock"}
        for b in buckets:
            if b.kind != "afk":
                window = present.get(b.host) if b.kind == "window" else None
                yield from self._bucket(b, window, ctx.zone, apps, days, b.host in unlocking, bounds)
        for (_day, tp, group), d in sorted(days.items(), key=lambda kv: (kv[1].at, kv[0][1], kv[0][2])):
            minutes = round(d.minutes, 2) if d.minutes else None
            yield Touch(at=d.at, touchpoint=tp, count=d.count, minutes=minutes, group=group)

    @staticmethod
    def _bucket(
        b: _Bucket,
        present: list[tuple[datetime, datetime]] | None,
        zone: tzinfo,
        apps: AppNames,
        days: dict[tuple[date, str, str], _Day],
        unlocking: bool,
        bounds: Window,
    ) -> Iterator[Issue]:
        group = f"{b.kind}@{b.host}"
        device = COMPUTER if b.kind == "window" else SMARTPHONE
        starts = [p[0] for p in present] if present is not None else []
        parsed: list[tuple[datetime, float, Any]] = []
        for i, event in enumerate(b.events, start=1):
            span = _span(event, bounds)
            if isinstance(span, str):
                yield Issue(span, f"{b.id} event {i}")
                continue
            parsed.append((span[0], span[1], event.get("data")))
        parsed.sort(key=lambda e: e[0])  # exports are often newest first
        if b.kind == "unlock":
            for start, _seconds, _data in parsed:
                for day, at, _part in _days(start, start + timedelta(microseconds=1), zone):
                    slot = days.setdefault((day, SMARTPHONE, group), _Day(at))
                    slot.count += 1
            return
        covered: datetime | None = None  # where the previous event ended: overlaps count once
        for start, seconds, data in parsed:
            end = start + timedelta(seconds=seconds)
            if covered is not None and start < covered:
                start = covered
            if end <= start:
                continue
            covered = end
            info = data if isinstance(data, Mapping) else {}
            app, package = info.get("app"), info.get("package")
            tp = apps.touchpoint(app if isinstance(app, str) else None, package if isinstance(package, str) else None)
            tp = tp or device
            for lo, hi in _clip(start, end, present, starts):
                for day, at, minutes in _days(lo, hi, zone):
                    slot = days.get((day, tp, group))
                    if slot is None:
                        slot = days[(day, tp, group)] = _Day(at)
                        # A phone whose unlocks are exported has its uses counted there.
                        slot.count = 0 if unlocking and tp == SMARTPHONE else 1
                    slot.minutes += minutes
                    if at < slot.at:
                        slot.at = at
