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

- Separator sniffed from the header line (``,`` ``;`` tab ``|``) unless given; UTF-8 with or without a BOM,
  and cp1252 lines (French spreadsheets) read as such; quoted cells spanning lines; blank lines skipped.
- Dates ISO (``2026-11-20``, ``2026-11-20T08:10``, ``2026-11-20 08:10:00+01:00``, ``…Z``) or French
  ``dd/mm/yyyy [HH:MM[:SS]]`` (also ``dd-mm-yyyy``, ``dd.mm.yyyy`` and ``18h30``), or a strptime ``format``.
  A time without an offset is the journal's zone; a date without a time means 12:00 (as ``--at`` does).
- Touchpoint cells resolved by id or alias through the catalog (``cb`` → bank-card); an unknown one is an
  ``Issue`` naming the line, not the cell. Counts are whole numbers ≥ 0 (empty: 1); minutes ≥ 0 with a decimal
  point or comma.
- Streamed line by line; the group is one word for every CSV (``rows``), never the file's name (a name
  carries account numbers, and a longer version of the file comes under another one), so importing the
  same file again, or a longer version of it, adds nothing twice.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from datetime import datetime, time, tzinfo
from pathlib import Path
from typing import IO, Any

from ..domain.text import fold
from ..errors import BadInput, DataFileError, FootprintError
from .archive import bounded, file_member, head, plausible
from .base import ImportContext, Issue, Record, Touch

Resolve = Callable[[str], str]  # a name (id or alias) to a catalog id; raises or returns "" when unknown

_GUESSES = {
    "date": (
        "date",
        "at",
        "day",
        "when",
        "datetime",
        "timestamp",
        "time",
        "jour",
        "quand",
        "horodate",
        "date-heure",
        "datum",
    ),
    "touchpoint": (
        "touchpoint",
        "touchpoint-id",
        "what",
        "activity",
        "activite",
        "service",
        "device",
        "quoi",
        "appareil",
    ),
    "count": ("count", "n", "times", "nombre", "nb", "fois", "quantity", "quantite"),
    "minutes": ("minutes", "min", "duration-minutes", "duree", "duree-minutes", "mins"),
}
_SPEC_KEYS = ("date", "touchpoint", "count", "minutes", "delimiter", "format")
_DELIMITERS = {"comma": ",", "semicolon": ";", "tab": "\t", "pipe": "|", ",": ",", ";": ";", "|": "|", "\\t": "\t"}
_FRENCH = re.compile(
    r"^(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})(?:[ T]+(?P<H>\d{1,2})[:hH](?P<M>\d{2})?(?::(?P<S>\d{2}))?)?$"
)
NOON = time(12, 0)


def _key(name: str) -> str:
    return fold(name)


GROUP = "rows"


class GenericCsv:
    """A CSV whose columns are named by the caller; see the module docstring."""

    name = "csv"
    description = "any CSV: a date column and a touchpoint column (or one touchpoint), with --columns"

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
            raise BadInput("give a touchpoint column or one touchpoint for the whole file, not both")
        if delimiter is not None and len(delimiter) != 1:
            raise BadInput(f"a CSV separator is one character, not {delimiter!r}")
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
        values: dict[str, str] = {}
        for part in _split_spec(spec or ""):
            key, sep, value = part.partition("=")
            key, value = key.strip().lower(), value.strip()
            if not sep or key not in _SPEC_KEYS or not value:
                raise BadInput(f"--columns: {part.strip()!r} is not KEY=COLUMN (keys: {', '.join(_SPEC_KEYS)})")
            if key in values:
                raise BadInput(f"--columns: {key} given twice")
            values[key] = value
        delimiter = values.get("delimiter")
        if delimiter is not None:
            delimiter = _DELIMITERS.get(delimiter.lower(), delimiter)
        if not values.get("date"):
            raise BadInput("--columns: say which column holds the date (date=COLUMN)")
        if not values.get("touchpoint") and not fixed_touchpoint:
            raise BadInput("--columns: say which column holds the touchpoint (touchpoint=COLUMN), or give --touchpoint")
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
        first = _decode(head(path, 4096)).lstrip("\ufeff").splitlines()
        if not first:
            return False
        header = next(csv.reader([first[0]], delimiter=self.delimiter or _sniff(first[0])), [])
        keys = [_key(h) for h in header]
        return any(k in _GUESSES["date"] for k in keys) and (
            bool(self.fixed_touchpoint) or any(k in _GUESSES["touchpoint"] for k in keys)
        )

    def read(self, path: Path, ctx: ImportContext) -> Iterator[Record]:
        if not path.is_file():
            raise DataFileError(f"{path}: not a CSV file")
        if head(path, 4) == b"PK\x03\x04" or b"\x00" in head(path, 4096):
            raise DataFileError(f"{path}: not a CSV file (binary content)")
        # The journal's catalog (the user's own touchpoints too); without one, no name resolves.
        resolve = self.resolve or ctx.resolve or _no_resolver
        fixed = None
        if self.fixed_touchpoint:
            fixed = _resolved(resolve, self.fixed_touchpoint)
            if not fixed:
                raise BadInput(f"--touchpoint: unknown touchpoint {self.fixed_touchpoint!r}")
        group = GROUP
        with file_member(path).open() as stream:  # a read error is a DataFileError; no FIFO, no device
            lines = _Lines(stream, ctx.progress, str(path))
            header_line = next(lines, None)
            while header_line is not None and not header_line[1].strip():
                header_line = next(lines, None)
            if header_line is None:
                raise DataFileError(f"{path}: empty file, no CSV header")
            delimiter = self.delimiter or _sniff(header_line[1])
            reader = csv.reader(_texts(header_line, lines), delimiter=delimiter)
            try:
                header = next(reader)
            except csv.Error as exc:
                raise DataFileError(f"{path}: unreadable CSV header ({exc})") from None
            columns = self._columns(header, path, fixed is not None)
            yield from self._rows(reader, lines, columns, fixed, resolve, ctx.zone, group)

    # --- internals ---------------------------------------------------------------------------------

    def _columns(self, header: list[str], path: Path, fixed: bool) -> dict[str, int | None]:
        keys = [_key(h.lstrip("\ufeff")) for h in header]
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
                columns[role] = next((i for i, k in enumerate(keys) if k in _GUESSES[role]), None)
            else:
                columns[role] = None
        if columns["date"] is None:
            raise DataFileError(f"{path}: no date column found; name it with --columns date=COLUMN")
        if columns["touchpoint"] is None and not fixed:
            raise DataFileError(
                f"{path}: no touchpoint column found; name it with --columns touchpoint=COLUMN or give --touchpoint"
            )
        return columns

    def _rows(
        self,
        reader: Any,
        lines: Any,
        columns: dict[str, int | None],
        fixed: str | None,
        resolve: Resolve,
        zone: tzinfo,
        group: str,
    ) -> Iterator[Record]:
        date_i, tp_i, count_i, minutes_i = columns["date"], columns["touchpoint"], columns["count"], columns["minutes"]
        known: dict[str, str] = {}
        for row in _rows_or_issues(reader, lines):
            where = f"line {lines.line}"
            if isinstance(row, Issue):
                yield row
                continue
            if not row or not any(cell.strip() for cell in row):
                continue
            try:
                at = self._date(_cell(row, date_i), zone)
            except ValueError:
                yield Issue("unreadable date" if _cell(row, date_i) else "row without a date", where)
                continue
            tp = fixed
            if tp is None:
                name = _cell(row, tp_i)
                if not name:
                    yield Issue("row without a touchpoint", where)
                    continue
                tp = known.get(name)
                if tp is None:
                    tp = known[name] = _resolved(resolve, name)
                if not tp:
                    yield Issue("unknown touchpoint", where)
                    continue
            try:
                count = _count(_cell(row, count_i))
            except ValueError:
                yield Issue("unreadable count", where)
                continue
            try:
                minutes = _minutes(_cell(row, minutes_i))
            except ValueError:
                yield Issue("unreadable minutes", where)
                continue
            yield Touch(at, tp, count, minutes, None, group)

    def _date(self, text: str, zone: tzinfo) -> datetime:
        if not text:
            raise ValueError("empty")
        if self.date_format:
            at = datetime.strptime(text, self.date_format)
            if "%H" not in self.date_format and "%I" not in self.date_format:
                at = datetime.combine(at.date(), NOON)
            return plausible(at if at.tzinfo else at.replace(tzinfo=zone))
        return plausible(parse_date(text, zone))


def parse_date(text: str, zone: tzinfo) -> datetime:
    """ISO or French ``dd/mm/yyyy [HH:MM[:SS]]``; local times in ``zone``; a bare date is noon."""
    text = text.strip()
    m = _FRENCH.match(text)
    if m:
        if m["H"] is None:
            return datetime(int(m["y"]), int(m["m"]), int(m["d"]), 12, tzinfo=zone)
        return datetime(
            int(m["y"]), int(m["m"]), int(m["d"]), int(m["H"]), int(m["M"] or 0), int(m["S"] or 0), tzinfo=zone
        )
    at = datetime.fromisoformat(text)
    if len(text) == 10:  # a date alone
        at = datetime.combine(at.date(), NOON)
    return at if at.tzinfo else at.replace(tzinfo=zone)


class _Lines:
    """Decoded lines of a binary stream, counting them (for ``line N`` in issues) and the bytes read."""

    def __init__(self, stream: IO[bytes], progress: Callable[[int], None], name: str = "file") -> None:
        self.raw_lines, self.progress, self.line = bounded(stream.readline, name), progress, 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> tuple[int, str]:
        raw = next(self.raw_lines, b"")
        if not raw:
            raise StopIteration
        self.progress(len(raw))
        self.line += 1
        text = _decode(raw)
        if self.line == 1:
            text = text.lstrip("\ufeff")
        return self.line, text


def _rows_or_issues(reader: Any, lines: _Lines) -> Iterator[list[str] | Issue]:
    """The reader's rows; a line the csv module refuses (a NUL byte, a cell over its size limit) is an issue
    and reading goes on with the next line."""
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error:
            yield Issue("unreadable CSV line", f"line {lines.line}")


def _texts(first: tuple[int, str], rest: _Lines) -> Iterator[str]:
    yield first[1]
    for _, text in rest:
        yield text


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")  # French spreadsheets; a byte cp1252 lacks is a "?"


def _sniff(line: str) -> str:
    counts = {d: line.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _split_spec(spec: str) -> list[str]:
    """Parts separated by commas, except commas inside a separator or date format (``delimiter=,``,
    ``format=%b %d, %Y``): a piece without ``=`` goes on the previous one when that is one of those."""
    parts: list[str] = []
    for piece in spec.split(","):
        previous = parts[-1].split("=", 1)[0].strip().lower() if parts else ""
        if "=" not in piece and previous in ("delimiter", "format"):
            parts[-1] += "," + piece
        elif piece.strip():
            parts.append(piece)
    return parts


def _index(name: str, keys: list[str], header: list[str], path: Path) -> int:
    if name.startswith("#") and name[1:].isdigit():
        i = int(name[1:]) - 1
        if 0 <= i < len(header):
            return i
        raise DataFileError(f"{path}: no column {name} (the header has {len(header)})")
    wanted = _key(name)
    for i, k in enumerate(keys):
        if k == wanted:
            return i
    raise DataFileError(f"{path}: no column named {name!r} in the header")


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


def _no_resolver(name: str) -> str:
    return ""


def _resolved(resolve: Resolve, name: str) -> str:
    try:
        return resolve(name) or ""
    except FootprintError:
        return ""
