"""The date line of a My Activity HTML entry, in the languages and years Takeout wrote it.

``Mar 5, 2024, 8:41:12 AM CET``, ``6 Jun 2026, 08:53:12 CEST``, French ``30 sept. 2026, 08:00:00 CET``
(24-hour, French month abbreviations), German ``05.03.2024, 08:41:12 MEZ`` or ``5. März 2024``; month names
come from the toolkit's table. ``&nbsp;``, ``&emsp;``, thin and narrow no-break spaces (before AM/PM) are
spaces. No zone before ~2018: the journal's zone. ``UTC`` (2018–2020) and explicit offsets: as written.
Later, the abbreviation is the one in force **when the export was made** (a January event stamped BST), so
its DST is not trusted: the abbreviation names a region (``[zones]`` in google.toml, or the journal's own
zone when that uses the abbreviation) and the time is read as wall-clock time there, with the offset that
zone really had on the event's date. An unknown abbreviation is read in the journal's zone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..toolkit import Window, iso_instant, month, spaces

_TIME = r"(?P<H>\d{1,2})[:h.](?P<M>\d{2})(?:[:.](?P<S>\d{2}))?(?: ?(?P<ap>[ap])\.? ?m\.?)?(?: (?P<z>.+))?"
_DATE_LINES = (
    # Mar 5, 2024, 8:41:12 AM CET
    re.compile(r"^(?P<mon>[^\W\d_]+)\.? (?P<d>\d{1,2}),? (?P<y>\d{4}),?(?: at)? " + _TIME + "$"),
    # 6 Jun 2026, 08:53:12 CEST · 30 sept. 2026, 08:00:00 CET · 5. März 2024, 08:41:12 MEZ
    re.compile(r"^(?P<d>\d{1,2})\.? (?P<mon>[^\W\d_]+)\.? (?P<y>\d{4}),?(?: (?:à|a|um|at))? " + _TIME + "$"),
    # 05.03.2024, 08:41:12 MEZ · 05/03/2024 08:41:12
    re.compile(r"^(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4}),? " + _TIME + "$"),
)
# The usual shape, read in one step with the day part cached (a day has many entries): "<day>, H:MM:SS [AM] ZONE".
# ``\s`` matches the no-break and narrow no-break spaces too: the line needs no rewriting first.
_QUICK = re.compile(
    r"\s*(?P<day>[^:]+?),?\s(?P<H>\d{1,2}):(?P<M>\d{2}):(?P<S>\d{2})(?:\s?(?P<ap>[AaPp])\.?\s?[Mm]\.?)?(?:\s+(?P<z>\S+))?\s*$"
)
_OFFSET = re.compile(r"^(?:utc|gmt)?(?P<sign>[+\-\u2212])(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?$")
_UTC_NAMES = frozenset({"UTC", "Z", "UTC+0", "GMT+0", "UTC+00:00", "GMT+00:00"})


class Zones:
    """What a date line's zone abbreviation means (see the module docstring), cached per abbreviation."""

    def __init__(self, table: Mapping[str, Any], journal_zone: tzinfo) -> None:
        zones = table.get("zones")
        self.regions = (
            {str(k).upper(): v for k, v in zones.items() if isinstance(v, str)} if isinstance(zones, Mapping) else {}
        )
        self.journal = journal_zone
        self._own = _abbreviations(journal_zone)
        self._cache: dict[str, tzinfo] = {}
        self.days: dict[str, tuple[int, int, int] | None] = {}  # a date line's day part, read once

    def get(self, abbreviation: str | None) -> tzinfo:
        if not abbreviation:
            return self.journal
        zone = self._cache.get(abbreviation)
        if zone is None:
            zone = self._cache[abbreviation] = self._resolve(abbreviation)
        return zone

    def _resolve(self, abbreviation: str) -> tzinfo:
        upper = abbreviation.strip().upper()
        if upper in _UTC_NAMES:
            return UTC
        offset = _OFFSET.match(abbreviation.strip().lower())
        if offset:
            minutes = int(offset["h"]) * 60 + int(offset["m"] or 0)
            return timezone(timedelta(minutes=-minutes if offset["sign"] != "+" else minutes))
        if upper in self._own:
            return self.journal
        region = self.regions.get(upper)
        if region:
            try:
                return ZoneInfo(region)
            except (ZoneInfoNotFoundError, ValueError):
                pass
        return self.journal


def _abbreviations(zone: tzinfo) -> set[str]:
    """The abbreviations a zone has used in winter and summer of recent years (``CET``, ``CEST``)."""
    found: set[str] = set()
    for year in range(2012, 2031):
        for month_ in (1, 7):
            name = datetime(year, month_, 15, 12, tzinfo=zone).tzname()
            if name:
                found.add(name.upper())
    return found


def parse_date_line(line: str, zones: Zones, window: Window | None = None) -> datetime | None:
    """An HTML date line as an aware datetime, or None when the line is not a date (or not a plausible one)."""
    at = _quick(line, zones)
    if at is not None:
        return (window or _ANY).check(at)
    return _general(line, zones, window)


_ANY = Window()


def _quick(line: str, zones: Zones) -> datetime | None:
    """The usual shape, its day part read by ``_general`` once per distinct day; None if it is not that."""
    m = _QUICK.match(line)
    if m is None:
        return None
    day_text, hour, minute, second, ap, zone = m.group("day", "H", "M", "S", "ap", "z")
    day = zones.days.get(day_text, False)
    if day is False:
        noon = _general(f"{day_text}, 12:00:00 UTC", zones, _ANY)
        day = zones.days[day_text] = (noon.year, noon.month, noon.day) if noon else None
        if len(zones.days) > 100_000:
            zones.days.clear()
    if day is None:
        return None
    h = int(hour)
    if ap:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if ap in "pP" else 0)
    try:
        return datetime(day[0], day[1], day[2], h, int(minute), int(second), tzinfo=zones.get(zone))
    except ValueError:
        return None


def _general(line: str, zones: Zones, window: Window | None) -> datetime | None:
    text = spaces(line)
    if not text or not text[0].isalnum() or not any(c.isdigit() for c in text[-8:] + text[:12]):
        return None
    window = window or Window()
    lower = text.lower()
    for rx in _DATE_LINES:
        m = rx.match(lower)
        if m is not None:
            return window.check(_read(m, text, zones))
    if len(text) >= 19 and text[4] == "-" and text[10] in "T ":
        return window.check(iso_instant(text.replace("Z", "+00:00"), zones.journal))
    return None


def _read(m: re.Match[str], text: str, zones: Zones) -> datetime | None:
    groups = m.groupdict()
    number = month(groups["mon"]) if "mon" in groups else int(groups["m"])
    if number is None:
        return None
    hour = int(groups["H"])
    if groups["ap"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if groups["ap"] == "p" else 0)
    zone = zones.get(text[m.start("z") :].strip() if groups["z"] else None)
    try:
        y, d, minute, second = int(groups["y"]), int(groups["d"]), int(groups["M"]), int(groups["S"] or 0)
        return datetime(y, number, d, hour, minute, second, tzinfo=zone)
    except ValueError:
        return None
