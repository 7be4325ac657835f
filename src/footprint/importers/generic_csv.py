"""``footprint import csv FILE``: any CSV with a date column and a touchpoint column (or one touchpoint for the
whole file), plus optional count and minutes columns; the spreadsheet people keep by hand, or another app's
export.

Which column is which comes from a spec, ``GenericCsv.from_spec("date=When,touchpoint=What,count=N")``
(keys: ``date``, ``touchpoint``, ``count``, ``minutes``, ``delimiter``, ``format``; a column by its header
name, case-insensitive, or by its 1-based position as ``#3``), or from ``fixed_touchpoint`` when the whole
file is one touchpoint (a list of card payments). Without a spec (the registered ``csv`` source), the columns
are guessed from usual header names (``date``/``at``/``day``/``when``/``jour``…, ``touchpoint``/``what``…,
``count``, ``minutes``), so footprint's own ``export --format csv`` reads back.

Traps handled:

- Separator sniffed from the header line (``,`` ``;`` tab ``|``) unless given; the toolkit's encodings (UTF-8
  with or without a BOM, UTF-16 with its mark, cp1252 / ISO-8859-15, and cp1252 lines in a UTF-8 file, as
  French spreadsheets have); quoted cells spanning lines; blank lines skipped.
- Dates ISO (``2026-11-20``, ``2026-11-20T08:10``, ``2026-11-20 08:10:00+01:00``, ``…Z``) or French
  ``dd/mm/yyyy [HH:MM[:SS]]`` (also ``dd-mm-yyyy``, ``dd.mm.yyyy`` and ``18h30``), or a strptime ``format``.
  A time without an offset is the journal's zone; a date without a time means 12:00 (as ``--at`` does).
  Dates outside the context's window (before 1970, or after its ``now`` and a day) are Issues.
- Touchpoint cells resolved by id or alias through the journal's catalog, the user's own touchpoints too
  (``ctx.resolve``; ``cb`` → bank-card); an unknown one is an ``Issue`` naming the line, not the cell. Counts are whole numbers ≥ 0 (empty: 1); minutes ≥ 0 with a decimal
  point or comma.
- Streamed line by line; the group is the file's name stem, so importing the same file again, or a longer
  version of it, adds nothing twice.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from datetime import datetime, tzinfo
from itertools import chain
from pathlib import Path

from ..errors import BadInput, DataFileError, FootprintError
from ..i18n import N_, _
from .base import ImportContext, Issue, Record, Touch
from .toolkit import BadRow, Lines, Window, clock, csv_rows, file_member, fold, head, iso_instant, local, numeric_day
from .toolkit import Row, sniff_delimiter
from .csv_spec import parse_spec
from .toolkit.decoding import bom

Resolve = Callable[[str], str]  # a name (id or alias) to a catalog id; raises or returns "" when unknown

# Usual header names of each column, folded (``fold``): how a file without ``--columns`` is read.
GUESSES = {
    "date": ("date", "at", "day", "when", "datetime", "timestamp", "time", "jour", "quand", "horodate",
             "date-heure", "datum"),
    "touchpoint": ("touchpoint", "touchpoint-id", "what", "activity", "activite", "service", "device", "quoi",
                   "appareil"),
    "count": ("count", "n", "times", "nombre", "nb", "fois", "quantity", "quantite"),
    "minutes": ("minutes", "min", "duration-minutes", "duree", "duree-minutes", "mins"),
}  # fmt: skip

_DAY_TIME = re.compile(r"(?P<day>[\d/.-]+)(?:[ T]+(?P<time>.+))?$")

# What can be wrong with a row (worded when read: the language is the interface's).
UNREADABLE_DATE = N_("unreadable date")
OUT_OF_WINDOW = N_("impossible date (before 1970 or in the future)")
NO_DATE = N_("row without a date")
NO_TOUCHPOINT = N_("row without a touchpoint")
UNKNOWN = N_("unknown touchpoint")
BAD_COUNT = N_("unreadable count")
BAD_MINUTES = N_("unreadable minutes")
BAD_LINE = N_("unreadable CSV line")
LINE = N_("line {n}")


class GenericCsv:
    """A CSV whose columns are named by the caller; see the module docstring."""

    name = "csv"
    description = N_("any CSV: a date column and a touchpoint column (or one touchpoint), with --columns")

    def __init__(
        self,
        date_column: str | None = None,
        touchpoint_column: str | None = None,
        count_column: str | None = None,
        minutes_column: str | None = None,
        fixed_touchpoint: str | None = None,
        delimiter: str | None = None,
        date_format: str | None = None,
        resolve: Resolve | None = None,
    ) -> None:
        if touchpoint_column and fixed_touchpoint:
            raise BadInput(N_("give a touchpoint column or one touchpoint for the whole file, not both"))
        if delimiter is not None and len(delimiter) != 1:
            raise BadInput(N_("a CSV separator is one character, not {value}"), value=repr(delimiter))
        self.date_column = date_column
        self.touchpoint_column = touchpoint_column
        self.count_column = count_column
        self.minutes_column = minutes_column
        self.fixed_touchpoint = fixed_touchpoint
        self.delimiter = delimiter
        self.date_format = date_format
        self.resolve = resolve

    @classmethod
    def from_spec(
        cls, spec: str | None, fixed_touchpoint: str | None = None, resolve: Resolve | None = None
    ) -> GenericCsv:
        """``"date=When,touchpoint=What,count=N,minutes=Min,delimiter=;,format=%d/%m/%Y"`` (any order,
        spaces around names ignored; ``delimiter`` may be ``comma``, ``semicolon``, ``tab`` or ``pipe``)."""
        if not (spec or "").strip():  # only --touchpoint: the date column is guessed from the header
            return cls(fixed_touchpoint=fixed_touchpoint, resolve=resolve)
        values = parse_spec(spec or "", fixed_touchpoint)
        delimiter = values.get("delimiter")
        return cls(
            values["date"],
            values.get("touchpoint"),
            values.get("count"),
            values.get("minutes"),
            fixed_touchpoint,
            delimiter,
            values.get("format"),
            resolve,
        )

    # --- the Importer protocol ---------------------------------------------------------------------

    def detect(self, path: Path) -> bool:
        """Only a CSV whose header names a date and a touchpoint column in a usual way: a bank or LinkedIn
        CSV is left to its own importer."""
        if not path.is_file() or path.suffix.lower() not in (".csv", ".tsv", ".txt"):
            return False
        try:
            first = next((line for line in Lines(file_member(path)) if line.strip()), "")
        except DataFileError:
            return False
        header = next(csv.reader([first], delimiter=self.delimiter or sniff_delimiter(first)), [])
        keys = [fold(h) for h in header]
        return any(k in GUESSES["date"] for k in keys) and (
            bool(self.fixed_touchpoint) or any(k in GUESSES["touchpoint"] for k in keys)
        )

    def read(self, path: Path, ctx: ImportContext) -> Iterator[Record]:
        if not path.is_file():
            raise DataFileError(N_("{path}: not a CSV file"), path=str(path))
        start = head(path, 4096)
        if start[:4] == b"PK\x03\x04" or (b"\x00" in start and bom(start) is None):
            raise DataFileError(N_("{path}: not a CSV file (binary content)"), path=str(path))
        resolve = self.resolve or ctx.resolve or _unknown
        fixed = None
        if self.fixed_touchpoint:
            fixed = _resolved(resolve, self.fixed_touchpoint)
            if not fixed:
                raise BadInput(N_("--touchpoint: unknown touchpoint {name}"), name=repr(self.fixed_touchpoint))
        lines = Lines(file_member(path), ctx.progress, where=str(path))  # no FIFO, no device; guarded reads
        texts = iter(lines)
        header_line = next((line for line in texts if line.strip()), None)
        if header_line is None:
            raise DataFileError(N_("{path}: empty file, no CSV header"), path=str(path))
        rows = csv_rows(chain([header_line], texts), self.delimiter or sniff_delimiter(header_line), lines)
        header = next(rows)
        if isinstance(header, BadRow):
            raise DataFileError(N_("{path}: unreadable CSV header"), path=str(path))
        columns = self._columns(header.cells, path, fixed is not None)
        yield from self._rows(rows, columns, fixed, resolve, ctx, path.stem)

    # --- internals ---------------------------------------------------------------------------------

    def _columns(self, header: list[str], path: Path, fixed: bool) -> dict[str, int | None]:
        keys = [fold(h) for h in header]
        wanted = {
            "date": self.date_column,
            "touchpoint": self.touchpoint_column,
            "count": self.count_column,
            "minutes": self.minutes_column,
        }
        guessing = self.date_column is None
        columns: dict[str, int | None] = {}
        for role, name in wanted.items():
            if name is not None:
                columns[role] = _index(name, keys, header, path)
            elif guessing and not (role == "touchpoint" and fixed):
                columns[role] = next((i for i, k in enumerate(keys) if k in GUESSES[role]), None)
            else:
                columns[role] = None
        if columns["date"] is None:
            raise DataFileError(N_("{path}: no date column found; name it with --columns date=COLUMN"), path=str(path))
        if columns["touchpoint"] is None and not fixed:
            raise DataFileError(
                N_("{path}: no touchpoint column found; name it with --columns touchpoint=COLUMN or give --touchpoint"),
                path=str(path),
            )
        return columns

    def _rows(
        self,
        rows: Iterator[Row | BadRow],
        columns: dict[str, int | None],
        fixed: str | None,
        resolve: Resolve,
        ctx: ImportContext,
        group: str,
    ) -> Iterator[Record]:
        date_i, tp_i, count_i, minutes_i = columns["date"], columns["touchpoint"], columns["count"], columns["minutes"]
        window = ctx.window()
        known: dict[str, str] = {}
        for found in rows:
            where = _(LINE).format(n=found.line)
            if isinstance(found, BadRow):
                yield Issue(_(BAD_LINE), where)
                continue
            row = found.cells
            if not any(cell.strip() for cell in row):
                continue
            problem, at = self._date(_cell(row, date_i), ctx.zone, window)
            if at is None:
                yield Issue(_(problem), where)
                continue
            tp = fixed
            if tp is None:
                name = _cell(row, tp_i)
                if not name:
                    yield Issue(_(NO_TOUCHPOINT), where)
                    continue
                tp = known.get(name)
                if tp is None:
                    tp = known[name] = _resolved(resolve, name)
                if not tp:
                    yield Issue(_(UNKNOWN), where)
                    continue
            try:
                count = _count(_cell(row, count_i))
            except ValueError:
                yield Issue(_(BAD_COUNT), where)
                continue
            try:
                minutes = _minutes(_cell(row, minutes_i))
            except ValueError:
                yield Issue(_(BAD_MINUTES), where)
                continue
            yield Touch(at, tp, count, minutes, None, group)

    def _date(self, text: str, zone: tzinfo, window: Window) -> tuple[str, datetime | None]:
        """The row's instant, or the kind of problem its date has."""
        if not text:
            return NO_DATE, None
        if self.date_format:
            try:
                at: datetime | None = datetime.strptime(text, self.date_format)
            except ValueError:
                at = None
            if at is not None:
                if "%H" not in self.date_format and "%I" not in self.date_format:
                    at = local(at.date(), None, zone)
                elif at.tzinfo is None:
                    at = at.replace(tzinfo=zone)
        else:
            at = parse_date(text, zone)
        if at is None:
            return UNREADABLE_DATE, None
        return (OUT_OF_WINDOW, None) if not window.holds(at) else ("", at)


def parse_date(text: str, zone: tzinfo) -> datetime | None:
    """ISO, or French ``dd/mm/yyyy [HH:MM[:SS]]`` (also ``18h30``); local times in ``zone``; a bare date is
    noon; None when it is not a date."""
    text = text.strip()
    at = iso_instant(text, zone)
    if at is not None:
        return at
    m = _DAY_TIME.match(text)
    day = numeric_day(m["day"]) if m else None
    if m is None or day is None:
        return None
    when = clock(m["time"]) if m["time"] else None
    if m["time"] and when is None:
        return None
    return local(day, when, zone)


def _unknown(name: str) -> str:
    return ""


def _index(name: str, keys: list[str], header: list[str], path: Path) -> int:
    if name.startswith("#") and name[1:].isdigit():
        i = int(name[1:]) - 1
        if 0 <= i < len(header):
            return i
        raise DataFileError(
            N_("{path}: no column {name} (the header has {count})"), path=str(path), name=name, count=len(header)
        )
    wanted = fold(name)
    for i, k in enumerate(keys):
        if k == wanted:
            return i
    raise DataFileError(N_("{path}: no column named {name} in the header"), path=str(path), name=repr(name))


def _cell(row: list[str], i: int | None) -> str:
    if i is None or i >= len(row):
        return ""
    return row[i].strip()


def _count(text: str) -> int:
    """A whole number ≥ 0 (``3``, ``3.0``, ``3,0``); empty is 1; anything else is a ``ValueError``."""
    if not text:
        return 1
    value = float(text.replace(",", "."))
    if not value >= 0 or value != int(value):
        raise ValueError(text)
    return int(value)


def _minutes(text: str) -> float | None:
    """Minutes ≥ 0 with a decimal point or comma; empty is None; anything else is a ``ValueError``."""
    if not text:
        return None
    value = float(text.replace(",", ".").replace("\u00a0", "").replace(" ", ""))
    if not 0 <= value < float("inf"):
        raise ValueError(text)
    return value


def _resolved(resolve: Resolve, name: str) -> str:
    try:
        return resolve(name) or ""
    except FootprintError:
        return ""
