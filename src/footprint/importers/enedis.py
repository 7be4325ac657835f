"""``footprint import enedis PATH``: what the Linky meter sent, from Enedis "Mes données" downloads.

This module owns the two CSV files of the Enedis customer area: the load curve
(``Enedis_Conso_Heure_YYYYMMDD-YYYYMMDD_<PRM>.csv``) and the daily index (``Enedis_Conso_Jour_…``). What
matters to footprint is how many readings the meter sent each day: one ``smart-meter`` touch per day with
``count`` = that day's readings, group ``load-curve`` or ``daily-index``, and a ``ProfileHint`` giving the
meter's state (``load-curve`` when a load curve is there, else ``daily-index``), which the service puts in
the profile. Neither the PRM number (it identifies the home: issue locations mask it) nor any consumption
value is kept; values are only checked to be numbers.

The footprint arithmetic: the smart meter is a passive touchpoint. Its captures come from the profile's
``passive_per_day`` (48 with the load curve, 1 with the daily index); its ``captures_per_use`` is 0, so these
touches add no captures by themselves. They document what the meter actually sent, day by day (gaps,
46 or 50 readings on clock-change days), next to the profile's estimate. That is intended.

Traps handled (see FORMATS.md, "Enedis"):

- Separator ``;``, UTF-8 maybe with a BOM (a byte that is not UTF-8 is replaced: only timestamps and
  numbers are read, and they are ASCII).
- Load curve: line 1 a 9-field header (``Identifiant PRM;…;Pas en minutes``) and line 2 its values (dates
  ``dd/mm/yyyy``; the step may be empty), then ``Horodate;Valeur`` and rows ``2024-03-04T00:30:00+01:00;412``
  stamped with the local offset at the **end** of the interval. A reading belongs to the day its interval
  **starts**: the row stamped 00:00 closes the previous day. The step (30 min, but also 10, 15 or 60) is
  inferred from consecutive rows (their difference in absolute time, so clock changes don't disturb it);
  the header's step, when given, serves for the first row. Days are the meter's local days, read from each
  row's own offset: the spring clock-change day has 46 half-hours, the autumn one 50.
- Gaps are rows with an empty value: not readings, not issues.
- Daily index: 17 columns ``Horodate;Type de releve;EAS F1..F10;EAS D1..D4;EAS T`` (running totals in Wh),
  one ``Arrêté quotidien`` a day. Enedis keeps **standard time** (UTC+01:00) all year for daily values: the
  index is stamped at midnight standard time, ``2024-01-10T00:00:00+01:00`` in winter but
  ``2024-04-01T01:00:00+02:00`` in summer, and closes the day before, to which it belongs. So the stamp is
  read in standard time, whatever offset it is written with (a summer stamp read as 01:00 local would land
  every summer reading one day late). Days whose values are all empty are not readings. A trailing
  tariff-calendar section starts with a line ``Periode;…``: reading stops there.
- Overlapping downloads read in one go (a folder) count each day once per group: the larger count wins, as
  with a re-import.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from pathlib import Path

from ..domain.limits import FIRST_YEAR, LAST_YEAR
from ..errors import DataFileError
from ..i18n import N_, _
from .base import ImportContext, Issue, ProfileHint, Record, Touch
from .toolkit import Lines, Member, decode, head, header_key, iso_instant, members, names

TOUCHPOINT = "smart-meter"
LOAD_CURVE = "load-curve"
DAILY_INDEX = "daily-index"

ENEDIS_NAME = re.compile(r"Enedis_Conso_(Heure|Jour)_[^/]*\.csv$", re.IGNORECASE)
CSV = re.compile(r"\.csv$", re.IGNORECASE)

# The zone Enedis stamps daily values in, all year (metropolitan France's standard time).
STANDARD_TIME = timezone(timedelta(hours=1))
# Problem lines, as msgids (worded when read, in the reader's language).
NO_TIMESTAMP = N_("row without a readable timestamp")
NOT_A_NUMBER = N_("reading that is not a number")
STEPS = frozenset(timedelta(minutes=m) for m in (10, 15, 30, 60))
DEFAULT_STEP = timedelta(minutes=30)
_HEADER_LINES = 20  # "Horodate;…" comes within the first lines

DayCounts = dict[date, int]  # the meter's day -> readings


class Enedis:
    name = "enedis"
    description = N_("Enedis Linky downloads: load curve (Conso_Heure) and daily index (Conso_Jour) CSV")

    def detect(self, path: Path) -> bool:
        if any(ENEDIS_NAME.search(n) for n in names(path)):
            return True
        if path.is_file() and CSV.search(path.name) and not zipfile.is_zipfile(path):
            return _looks_enedis(head(path), _masked(path.name))
        return False

    def read(self, path: Path, ctx: ImportContext) -> Iterator[Record]:
        kinds: set[str] = set()
        best: dict[tuple[date, str], int] = {}
        for member in members(path, CSV):
            days: DayCounts = {}
            kind = yield from _read_member(member, ctx, days)
            if kind is None:
                continue
            kinds.add(kind)
            for day, n in days.items():
                if n > best.get((day, kind), 0):
                    best[(day, kind)] = n
        if not kinds:
            raise DataFileError(
                N_(
                    "{path}: no Enedis load curve or daily index found "
                    "(Enedis_Conso_Heure_… or Enedis_Conso_Jour_… CSV)"
                ),
                path=_masked(str(path)),
            )
        for (day, kind), n in sorted(best.items()):
            # Noon of the meter's day in the journal's zone: the touch stays on that day, and shows at 12:00.
            yield Touch(at=datetime.combine(day, time(12), tzinfo=ctx.zone), touchpoint=TOUCHPOINT, count=n, group=kind)
        # With both files, the load curve is what the meter sends (the daily index comes with it anyway).
        yield ProfileHint(TOUCHPOINT, LOAD_CURVE if LOAD_CURVE in kinds else DAILY_INDEX)


def _masked(name: str) -> str:
    """A file name for issue locations, without the PRM (14 digits identifying the home)."""
    return re.sub(r"\d{9,}", "<PRM>", name)


def _looks_enedis(data: bytes, where: str) -> bool:
    try:
        text = decode(data, where)
    except DataFileError:
        return False
    lines = [header_key(line) for line in text.splitlines()[:_HEADER_LINES]]
    return any(line.startswith(("identifiant prm;", "horodate;valeur", "horodate;type de releve")) for line in lines)


def _lines(member: Member, progress: Callable[[int], None], where: str) -> Iterator[tuple[int, str]]:
    """(line number, text) through the toolkit's reader: the encoding by its one rule, the BOM off, each
    line of a bounded length; a damaged archive member is a DataFileError."""
    reader = Lines(member, progress, where=where)
    for text in reader:
        yield reader.number, text.rstrip("\r\n")


def _place(where: str, number: int) -> str:
    return _("{where} line {line}").format(where=where, line=number)


_NUMBER = re.compile(r"[+-]?\d+([.,]\d+)?")


def _read_member(member: Member, ctx: ImportContext, days: DayCounts) -> Iterator[Issue]:
    """Yields the member's issues, fills ``days``, and returns its kind (None when it is not Enedis's)."""
    where = _masked(member.name)
    lines = _lines(member, ctx.progress, where)
    kind: str | None = None
    header_step: timedelta | None = None
    for number, text in lines:
        cells = [header_key(c) for c in text.split(";")]
        if cells[0] == "identifiant prm":  # the 9-field header; its values are on the next line
            values = next(lines, (0, ""))[1].split(";")
            if "pas en minutes" in cells:
                raw = (
                    values[cells.index("pas en minutes")].strip() if cells.index("pas en minutes") < len(values) else ""
                )
                if raw.isdigit() and len(raw) <= 4 and timedelta(minutes=int(raw)) in STEPS:
                    header_step = timedelta(minutes=int(raw))
            continue
        if cells[0] == "horodate":
            second = cells[1] if len(cells) > 1 else ""
            if second.startswith("valeur"):
                kind = LOAD_CURVE
            elif second.startswith("type de releve"):
                kind = DAILY_INDEX
            elif (name := ENEDIS_NAME.search(member.name)) is not None:
                kind = LOAD_CURVE if name.group(1).lower() == "heure" else DAILY_INDEX
            break
        if number >= _HEADER_LINES:
            break
    if kind is None:
        if ENEDIS_NAME.search(member.name):
            raise DataFileError(
                N_("{where}: no 'Horodate' header: not an Enedis load curve or daily index"), where=where
            )
        lines.close()
        return None  # another CSV in the folder or archive
    if kind == LOAD_CURVE:
        yield from _load_curve(lines, ctx.zone, header_step, where, days)
    else:
        yield from _daily_index(lines, ctx.zone, where, days)
    return kind


def _count(days: DayCounts, start: datetime) -> None:
    day = start.date()
    days[day] = days.get(day, 0) + 1


def _on_grid(end: datetime, step: timedelta) -> bool:
    """Whether ``end`` falls on the step's grid in its own local time (00:30 is not on a 60-min grid)."""
    minutes = end.hour * 60 + end.minute
    return end.second == 0 and minutes % int(step.total_seconds() // 60) == 0


def _load_curve(
    lines: Iterator[tuple[int, str]], zone: tzinfo, header_step: timedelta | None, where: str, days: DayCounts
) -> Iterator[Issue]:
    """Counts each reading on the day its interval starts. A 5-year curve is 87,600 rows, so the loop is
    kept tight: a row ending at 01:00 or later starts on its own date whatever the step (at most 60
    minutes), so only the rows of the first hour of a day need the step taken off."""
    step = header_step
    previous: datetime | None = None
    waiting: list[datetime] = []  # readings before the step is known (first rows, no step in the header)
    instant, number_ok, get = datetime.fromisoformat, _NUMBER.fullmatch, days.get
    for number, text in lines:
        stamp, _sep, rest = text.partition(";")
        if not stamp[:1].isdigit():
            if not text.strip():
                continue
            if header_key(stamp).startswith("periode"):
                break
        try:
            end = instant(stamp)  # the usual stamp, read at once; anything else by the toolkit's reader
        except ValueError:
            end = iso_instant(stamp, zone)
        if end is None or not FIRST_YEAR - 1 <= end.year <= LAST_YEAR + 1:  # year 1 or 9999 would overflow
            yield Issue(_(NO_TIMESTAMP), _place(where, number))
            continue
        if end.tzinfo is None:  # a naive time, as after a spreadsheet, takes the journal's zone
            end = end.replace(tzinfo=zone)
        if previous is not None:
            diff = end - previous  # in absolute time: a clock change does not disturb it
            if not diff:
                continue  # the same row twice
            if diff != step and diff in STEPS and _on_grid(end, diff):
                step = diff
                for pending in waiting:
                    _count(days, pending - step)
                waiting.clear()
        previous = end
        value = rest.partition(";")[0].strip()
        if not value:
            continue  # a gap: no reading
        if not ((value.isdigit() and value.isascii()) or number_ok(value)):
            yield Issue(_(NOT_A_NUMBER), _place(where, number))
            continue
        if step is None:
            waiting.append(end)
        elif end.hour:
            day = end.date()
            days[day] = get(day, 0) + 1
        else:
            # The reading belongs to the day its interval starts (end - step), in the row's own offset.
            _count(days, end - step)
    for pending in waiting:  # a single row and no step anywhere: the usual half-hour
        _count(days, pending - DEFAULT_STEP)


def _daily_index(lines: Iterator[tuple[int, str]], zone: tzinfo, where: str, days: DayCounts) -> Iterator[Issue]:
    for number, text in lines:
        cells = text.split(";")
        if header_key(cells[0]).startswith("periode"):
            break  # the tariff calendar that ends the file
        if not text.strip():
            continue
        end = iso_instant(cells[0], zone)
        if end is None:
            yield Issue(_(NO_TIMESTAMP), _place(where, number))
            continue
        values = [c.strip() for c in cells[2:]]
        if not any(values):
            continue  # a day the meter sent nothing
        if not all(_NUMBER.fullmatch(v) for v in values if v):
            yield Issue(_(NOT_A_NUMBER), _place(where, number))
            continue
        # The index stamped at midnight standard time closes the day before: the reading is that day's.
        _count(days, end.astimezone(STANDARD_TIME) - timedelta(microseconds=1))


__all__ = ["Enedis"]
