"""Reading the dates and times people type, in English and French, relative to a given ``now``.

Accepted (case- and accent-insensitive):

- ``now`` / ``maintenant``; relative offsets ``-2d``, ``-3h``, ``-30min``, ``-1w`` (``j`` and ``sem`` too);
- day words ``today``/``aujourd'hui``, ``yesterday``/``hier``, ``avant-hier``/``day-before-yesterday``,
  and weekday names (``monday``, ``lundi``: the most recent one, today excluded), optionally followed by
  a time;
- times ``08:10``, ``8h``, ``18h30``, ``6pm`` (today);
- ISO dates and date-times (``2026-11-20``, ``2026-11-20T08:10``, with or without offset);
- anything else python-dateutil reads, day first (``20/11/2026 18:00``, ``5 mars 2024``).

A date without a time means 12:00 (``parse_moment`` returns it as a day, for a caller that gives a bare day
another meaning, like a challenge's usual start). Naive values are in the journal's zone; the result is always aware
and expressed in that zone.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, tzinfo

from ..errors import BadInput
from ..i18n import N_
from .limits import FIRST_YEAR, LAST_YEAR  # a journal's instants: beyond them a date is a typo, not a touch
from .text import fold

NOON = time(12, 0)
MIDNIGHT = time(0, 0)

_DAY_WORDS = {
    "today": 0,
    "aujourd'hui": 0,
    "aujourdhui": 0,
    "auj": 0,
    "yesterday": 1,
    "hier": 1,
    "avant-hier": 2,
    "avanthier": 2,
    "day-before-yesterday": 2,
    "tomorrow": -1,
    "demain": -1,
}
_WEEKDAYS = {
    **{n: i for i, n in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))},
    **{n: i for i, n in enumerate(("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"))},
}
_NOW = {"now", "maintenant", "maint"}
_RELATIVE = re.compile(r"^([+-])\s*(\d+)\s*(min|mn|m|h|d|j|w|sem|s)$")
_UNITS = {"min": 60, "mn": 60, "m": 60, "h": 3600, "d": 86400, "j": 86400, "w": 604800, "sem": 604800, "s": 1}
_TIME = re.compile(r"^(\d{1,2})(?:(?::|h)(\d{2})?(?::(\d{2}))?)?\s*(am|pm)?$")

_FR_MONTHS = [
    ("jan", "janv", "janvier", "january"),
    ("feb", "fev", "fevr", "fevrier", "february"),
    ("mar", "mars", "march"),
    ("apr", "avr", "avril", "april"),
    ("may", "mai"),
    ("jun", "juin", "june"),
    ("jul", "juil", "juillet", "july"),
    ("aug", "aou", "aout", "august"),
    ("sep", "sept", "septembre", "september"),
    ("oct", "octobre", "october"),
    ("nov", "novembre", "november"),
    ("dec", "decembre", "december"),
]


_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?=[ T]|$)")  # written year first: year-month-day


def _iso_day(raw: str, bare: time) -> datetime | None:
    """``2026-2-3`` as 3 February; ``2026-13-01`` refused: read day first, dateutil would make it 13 January."""
    m = _ISO_DAY.match(raw)
    if m is None:
        return None
    try:
        day = date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise BadInput(N_("'{text}' is not a day of the calendar (year-month-day)"), text=raw) from None
    if m.end() == len(raw):
        return datetime.combine(day, bare)
    at = _parse_time(raw[m.end() :].strip(" T").lower())
    return datetime.combine(day, at) if at is not None else None  # an offset or seconds: dateutil reads it


def _parse_time(text: str) -> time | None:
    m = _TIME.match(text)
    if not m:
        return None
    hour, minute, second = int(m[1]), int(m[2] or 0), int(m[3] or 0)
    if m[4]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m[4] == "pm" else 0)
    if m[2] is None and m[4] is None and "h" not in text:
        return None  # a bare number is not a time
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second)


def _localize(day: date, at: time, zone: tzinfo) -> datetime:
    return datetime.combine(day, at).replace(tzinfo=zone)


def _dateutil(text: str, now: datetime, bare: time = NOON) -> datetime | None:
    from dateutil import parser  # ~40 ms to import: only for the forms the fast paths do not read

    class _Info(parser.parserinfo):
        MONTHS = _FR_MONTHS  # English and French month names, accents folded away

    try:
        default = datetime.combine(now.date(), bare)
        return parser.parse(text, parserinfo=_Info(dayfirst=True), default=default)
    except (ValueError, OverflowError):
        return None


def parse_when(text: str, now: datetime, bare: time = NOON) -> datetime:
    """An instant from what a person typed; ``now`` is aware and in the journal's zone. A day typed without
    a time of day means ``bare`` on it. Instants outside 1970–2100 are refused as bad input."""
    try:
        at = _parse_when(text, now, bare)
    except OverflowError:
        at = None
    if at is None or not FIRST_YEAR <= at.year <= LAST_YEAR:
        raise BadInput(
            N_("'{text}' is out of range: footprint reads dates from {first} to {last}"),
            text=text,
            first=FIRST_YEAR,
            last=LAST_YEAR,
        )
    return at


def parse_moment(text: str, now: datetime) -> datetime | date:
    """What a person typed, as an instant, or as a ``date`` when they named a day without a time of day
    (``today``, ``lundi``, ``2026-11-21``, ``21/11/2026``): read at noon and at midnight, a bare day gives
    two instants, anything with a time (or ``now``, ``-2h``) one."""
    at = parse_when(text, now)
    return at.date() if parse_when(text, now, MIDNIGHT) != at else at


def _parse_when(text: str, now: datetime, bare: time = NOON) -> datetime:
    zone = now.tzinfo
    assert zone is not None, "now must be aware"
    raw = text.strip()
    key_dash = fold(raw.replace("\u2019", "'"))  # a typographic apostrophe (aujourd’hui) is common
    key = key_dash.replace("-", " ")
    if not raw:
        raise BadInput(N_("empty date: try 'now', '08:10', 'yesterday 18:00' or '2026-11-20'"))
    if key_dash in _NOW:
        return now
    m = _RELATIVE.match(raw.lower().replace(" ", ""))
    if m:
        seconds = int(m[2]) * _UNITS[m[3]]
        return now + timedelta(seconds=seconds if m[1] == "+" else -seconds)
    # "[day word] [time]"
    words = key.split()
    for n_words in (3, 2, 1):  # "day before yesterday", "avant hier", "hier"
        head = "-".join(words[:n_words])
        offset = _DAY_WORDS.get(head)
        weekday = _WEEKDAYS.get(head) if n_words == 1 else None
        if offset is None and weekday is None:
            continue
        if weekday is not None:
            offset = (now.weekday() - weekday - 1) % 7 + 1
        rest = " ".join(words[n_words:])
        at = _parse_time(rest) if rest else bare
        if at is None:
            raise BadInput(N_("cannot read the time in '{text}': try '18:00' or '18h'"), text=text)
        return _localize(now.date() - timedelta(days=offset), at, zone)
    at = _parse_time(key_dash)
    if at is not None:
        return _localize(now.date(), at, zone)
    try:
        parsed = datetime.fromisoformat(raw)
        if len(raw) <= 10:  # a date alone
            parsed = datetime.combine(parsed.date(), bare)
    except ValueError:
        parsed = _iso_day(raw, bare)
        if parsed is not None:
            return parsed.replace(tzinfo=zone)
        parsed = _dateutil(fold(raw).replace("-", " ") if not re.search(r"\d-\d", raw) else raw, now, bare)
        if parsed is None:
            raise BadInput(
                N_("cannot read the date '{text}': try 'now', '08:10', 'yesterday 18:00', '-2d' or '2026-11-20T08:10'"),
                text=text,
            ) from None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=zone)
    return parsed.astimezone(zone)


def parse_day(text: str, today: datetime) -> date:
    """A calendar day from what a person typed (``today``, ``hier``, ``-2d``, ``2026-11-20``, ``20/11``)."""
    return parse_when(text, today).date()
