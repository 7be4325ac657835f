"""Challenges: what a challenge file says, validated, and what it forbids.

A challenge file is TOML (documented in the README): bilingual title, description and invitation, a
duration (``24h``, ``7d``, ``5h59m``), an optional default start time, forbidden kinds and touchpoints,
allowed exceptions, hints, and the post it comes from (``source``: title, author, year). Every problem names
the file, the key and what was expected.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple

from ..errors import DataFileError
from ..i18n import N_, Message, say
from .catalog import KINDS, Catalog, Text, Touchpoint

SCHEMA = 1
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# At most six digits a part: "99999999999999d" (or 5,000 digits) would overflow timedelta or int().
_DURATION = re.compile(r"^(?:(\d{1,6})d)?(?:(\d{1,6})h)?(?:(\d{1,6})m)?$")
# The longest challenge: a year (and a day). Longer is a typo, and a run's end must stay a real date.
LONGEST = timedelta(days=366)


class Source(NamedTuple):
    """The post a challenge comes from, credited wherever the challenge is shown."""

    title: str
    author: str
    year: int | None = None
    url: str = ""


class Hint(NamedTuple):
    touchpoint: str
    text: Text


class Challenge(NamedTuple):
    id: str
    title: Text
    description: Text
    duration: timedelta
    starts_at: time | None
    forbid_kinds: tuple[str, ...]
    forbid_touchpoints: tuple[str, ...]
    allow: tuple[str, ...]
    hints: tuple[Hint, ...]
    invite: Text
    origin: str = ""
    source: Source | None = None

    def forbids(self, tp: Touchpoint) -> bool:
        if tp.id in self.allow:
            return False
        return tp.id in self.forbid_touchpoints or tp.kind in self.forbid_kinds

    def hints_for(self, touchpoint: str) -> tuple[Hint, ...]:
        return tuple(h for h in self.hints if h.touchpoint == touchpoint)


def parse_duration(text: str) -> timedelta | None:
    """``7d``, ``24h``, ``5h59m``: a length above zero and up to ``LONGEST``, else None."""
    m = _DURATION.match(text.strip()) if isinstance(text, str) else None
    if not m or not any(m.groups()):
        return None
    days, hours, minutes = (int(g or 0) for g in m.groups())
    span = timedelta(days=days, hours=hours, minutes=minutes)
    return span if timedelta(0) < span <= LONGEST else None


def _fail(origin: str, key: str, expected: Message) -> DataFileError:
    return DataFileError(N_("{file}: key '{key}': expected {expected}"), file=origin, key=key, expected=expected)


def _text(raw: Mapping[str, Any], key: str, origin: str) -> Text:
    value = raw.get(key)
    if not isinstance(value, Mapping) or not all(
        isinstance(value.get(k), str) and value[k].strip() for k in ("en", "fr")
    ):
        raise _fail(origin, key, say("a table with non-empty 'en' and 'fr' strings"))
    return Text(value["en"].strip(), value["fr"].strip())


def _slugs(raw: Mapping[str, Any], key: str, origin: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and SLUG.fullmatch(v) for v in value):
        raise _fail(origin, key, say("a list of ids (lowercase letters, digits and hyphens)"))
    return tuple(value)


def _source(raw: Mapping[str, Any], origin: str) -> Source | None:
    value = raw.get("source")
    if value is None:
        return None
    ok = isinstance(value, Mapping) and all(
        isinstance(value.get(k), str) and value[k].strip() for k in ("title", "author")
    )
    year = value.get("year") if isinstance(value, Mapping) else None
    url = value.get("url", "") if isinstance(value, Mapping) else ""
    if not ok or not (year is None or (isinstance(year, int) and 1900 <= year <= 9999)) or not isinstance(url, str):
        raise _fail(origin, "source", "a table with 'title' and 'author' strings, and optionally 'year' and 'url'")
    return Source(value["title"].strip(), value["author"].strip(), year, url.strip())


def parse_challenge(raw: Any, origin: str, expected_id: str | None = None, catalog: Catalog | None = None) -> Challenge:
    """One challenge file's mapping, validated; ``catalog`` checks that named touchpoints exist."""
    if not isinstance(raw, Mapping):
        raise DataFileError(N_("{file}: expected a TOML table"), file=origin)
    if raw.get("schema", SCHEMA) != SCHEMA:
        raise _fail(
            origin, "schema", say("{schema} (this footprint reads schema {schema} challenge files)", schema=SCHEMA)
        )
    cid = raw.get("id")
    if not isinstance(cid, str) or not SLUG.fullmatch(cid):
        raise _fail(origin, "id", say("a slug of lowercase letters, digits and single hyphens"))
    if expected_id is not None and cid != expected_id:
        raise _fail(origin, "id", say("'{id}', the file's name", id=expected_id))
    duration = parse_duration(raw.get("duration", ""))
    if duration is None:
        raise _fail(origin, "duration", say("a length such as '24h', '7d' or '5h59m', up to 366 days"))
    starts_at = None
    if "starts_at" in raw:
        try:
            starts_at = time.fromisoformat(raw["starts_at"])
        except (TypeError, ValueError):
            raise _fail(origin, "starts_at", say("a time of day such as '18:00'")) from None
    kinds = _slugs(raw, "forbid_kinds", origin)
    for k in kinds:
        if k not in KINDS:
            among = say("kinds among {kinds} ('{kind}' is not one)", kinds=", ".join(KINDS), kind=k)
            raise _fail(origin, "forbid_kinds", among)
    forbidden = _slugs(raw, "forbid_touchpoints", origin)
    allow = _slugs(raw, "allow", origin)
    if not kinds and not forbidden:
        raise _fail(origin, "forbid_kinds", say("something forbidden: forbid_kinds or forbid_touchpoints"))
    if set(allow) & set(forbidden):
        raise _fail(origin, "allow", say("touchpoints that are not also in forbid_touchpoints"))
    hints_raw = raw.get("hint", [])
    if not isinstance(hints_raw, list):
        raise _fail(origin, "hint", say("an array of tables ([[hint]])"))
    hints = []
    for i, h in enumerate(hints_raw, start=1):
        if not isinstance(h, Mapping) or not isinstance(h.get("touchpoint"), str):
            raise _fail(origin, f"hint[{i}].touchpoint", say("a touchpoint id"))
        en, fr = h.get("en"), h.get("fr")
        if not (isinstance(en, str) and en.strip() and isinstance(fr, str) and fr.strip()):
            raise _fail(origin, f"hint[{i}]", say("non-empty 'en' and 'fr' texts"))
        hints.append(Hint(h["touchpoint"], Text(en.strip(), fr.strip())))
    if catalog is not None:
        for key, ids in (("forbid_touchpoints", forbidden), ("allow", allow), ("hint", [h.touchpoint for h in hints])):
            for tp_id in ids:
                if tp_id not in catalog:
                    raise _fail(origin, key, say("touchpoints of the catalog ('{id}' is not one)", id=tp_id))
    return Challenge(
        id=cid,
        title=_text(raw, "title", origin),
        description=_text(raw, "description", origin),
        duration=duration,
        starts_at=starts_at,
        forbid_kinds=kinds,
        forbid_touchpoints=forbidden,
        allow=allow,
        hints=tuple(hints),
        invite=_text(raw, "invite", origin),
        origin=origin,
        source=_source(raw, origin),
    )


class Start(NamedTuple):
    """When a run starts, and which rule said so: ``now`` (nothing typed, or ``now``), ``exact`` (a date and
    a time), ``usual`` (a day alone: that day at the challenge's usual start), ``late`` (today alone, once
    its usual start ``passed``: the run starts now)."""

    at: datetime
    rule: str
    passed: datetime | None = None


def start_rule(typed: datetime | date | None, usual: time | None, now: datetime) -> Start:
    """The start of a run from what was typed (``when.parse_moment``), the challenge's usual start time and
    ``now`` (aware, in the journal's zone).

    A day typed alone means that day at the usual start (``starts_at``, else 00:00: a week starts with its
    first day). Today's usual start, once passed, would make the run take in touches already logged, which
    nobody means by "start it today": the run starts now and says so; a time typed with the day (``today
    00:00``) starts it then anyway. Another past day is a run taken already, a future one is planned.
    """
    if typed is None or typed == now:
        return Start(now, "now")
    if isinstance(typed, datetime):
        return Start(typed, "exact")
    at = datetime.combine(typed, usual or time()).replace(tzinfo=now.tzinfo)
    if typed == now.date() and at < now:
        return Start(now, "late", at)
    return Start(at, "usual")
