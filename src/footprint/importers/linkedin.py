"""``footprint import linkedin EXPORT``: LinkedIn's "Get a copy of your data" (CSV files in a zip).

Counts your shares, comments and reactions per day as touches of ``linkedin`` (groups ``"shares"``,
``"comments"``, ``"reactions"``); reads only the date column, keeps no message, no link. Reads the zip
as downloaded, the unpacked folder, or one of the CSV files. Traps handled (FORMATS.md):

- The CSVs sit at the zip's root or in a wrapper folder (``Basic_LinkedInDataExport_…``,
  ``Complete_LinkedInDataExport_…``), and their names may carry a member id (``Shares_155814142.csv``):
  messages name a file without it (``Shares.csv line 3``).
- Encodings: UTF-8 with or without a BOM now; older exports were written in Windows-1252 or UTF-16 (with
  its mark), and some with a ``;`` between cells. The toolkit's one encoding rule decides
  (``toolkit.Lines``), the header's separator is sniffed.
- ``Comments.csv`` escapes quotes with a backslash (``\\"``) instead of doubling them, and messages span
  lines: the reader takes a backslash as an escape *and* a doubled quote as a quote, so a message with
  ``\\"``, a comma and a newline keeps its row whole, and files that quote the standard way read too.
- The date column is ``Date`` (older exports: ``Created At``, ``Created Date``), like
  ``2024-03-05 16:41:18`` in UTC (`` UTC`` or an offset after it are read too); older ones wrote the
  American ``03/05/2018 16:41:18`` or ``3/5/18, 4:41 PM``. An empty, unreadable or impossible one (before
  LinkedIn existed, or after the context's ``now``) is an Issue naming the file and line.
- Several comments share a ``Link``: it is no key, every row is a comment.
- The other files (``Connections.csv``, which starts with a notes paragraph, ``Profile.csv``,
  ``messages.csv``…) are not touches: each is reported as not read, with its number of rows.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from itertools import chain
from pathlib import Path

from ..errors import DataFileError
from ..i18n import N_, _
from .base import ImportContext, Issue, NotRead, Record, Touch
from .naming import shown
from .toolkit import BadRow, Lines, Member, Window, clock, csv_rows, header_key, iso_instant, local, members, names
from .toolkit import numeric_day, sniff_delimiter

TOUCHPOINT = "linkedin"
# LinkedIn opened on 5 May 2003: an earlier instant is a broken date, not a touch.
FOUNDED = datetime(2003, 5, 5, tzinfo=UTC)

NOTHING = N_("{path}: no LinkedIn Shares.csv, Comments.csv or Reactions.csv found")
NO_DATE_COLUMN = N_("{file}: no Date column (not a LinkedIn export file)")
BAD_LINE = N_("unreadable CSV line")
LINE = N_("{file} line {line}")  # where a problem is: Comments.csv line 5
KINDS = {
    "shares": (
        N_("share without a date"),
        N_("share with an unreadable date"),
        N_("share with an impossible date (before 2003 or in the future)"),
    ),
    "comments": (
        N_("comment without a date"),
        N_("comment with an unreadable date"),
        N_("comment with an impossible date (before 2003 or in the future)"),
    ),
    "reactions": (
        N_("reaction without a date"),
        N_("reaction with an unreadable date"),
        N_("reaction with an impossible date (before 2003 or in the future)"),
    ),
}

_FILES = re.compile(r"(^|/)(shares|comments|reactions)(_\d+)?\.csv$", re.IGNORECASE)
_CSV = re.compile(r"\.csv$", re.IGNORECASE)
_DATE_COLUMNS = ("date", "created at", "created date", "creation date")
_LINKEDIN_HEADER = re.compile(r'(\ufeff)?"?(date|created at|created date|creation date)"?[,;\t]', re.IGNORECASE)
_AMERICAN = re.compile(r"(\d{1,2}/\d{1,2}/\d{2,4}),?\s+(.+)$")


class LinkedInCsv(csv.Dialect):
    """LinkedIn's CSV: a backslash escapes the next character (``\\"`` in ``Comments.csv``), and a doubled
    quote still reads as one quote, for the files that quote the standard way."""

    delimiter = ","
    quotechar = '"'
    escapechar = "\\"
    doublequote = True
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = csv.QUOTE_MINIMAL
    strict = False


def parse_date(text: str) -> datetime | None:
    """``2024-03-05 16:41:18`` (UTC; a trailing `` UTC`` or an offset are read too), or the American
    ``03/05/2018 16:41:18`` / ``3/5/18, 4:41 PM`` of older exports, as an aware datetime."""
    text = text.strip()
    at = iso_instant(text)
    if at is not None:
        return at.astimezone(UTC)
    m = _AMERICAN.match(text)
    day = numeric_day(m[1], month_first=True) if m else None
    time = clock(m[2]) if m else None
    return local(day, time, UTC) if day is not None and time is not None else None


class LinkedIn:
    name = "linkedin"
    description = "LinkedIn data export (CSV): shares, comments, reactions per day"

    def detect(self, path: Path) -> bool:
        if not any(_FILES.search(n) for n in names(path)):
            return False
        # Comments.csv is a common name (YouTube has one): LinkedIn's start with their Date column.
        try:
            return any(_LINKEDIN_HEADER.match(_header(m)) for m in members(path, _FILES))
        except DataFileError:
            return False

    def read(self, path: Path, ctx: ImportContext) -> Iterator[Record]:
        window = ctx.window(FOUNDED)
        found = False
        for member in members(path, _FILES):
            found = True
            yield from _rows(member, _group(member.name), ctx, window)
        if not found:
            raise DataFileError(NOTHING, path=path.name)
        if path.is_dir() or (path.is_file() and not _CSV.search(path.name)):
            for member in members(path, _CSV):
                if not _FILES.search(member.name):
                    where = shown(member.name.rsplit("/", 1)[-1])
                    yield NotRead(where, _count(member))


def _group(name: str) -> str:
    match = _FILES.search(name)
    return match.group(2).lower() if match else "shares"


def _header(member: Member) -> str:
    """The first line of a file, decoded by the one rule (``""`` when it cannot be read)."""
    try:
        return next(iter(Lines(member)), "").lower()
    except DataFileError:
        return ""


def _rows(member: Member, group: str, ctx: ImportContext, window: Window) -> Iterator[Record]:
    missing, unreadable, impossible = KINDS[group]
    where = shown(member.name.rsplit('/', 1)[-1])
    lines = Lines(member, ctx.progress, where=where)
    text = iter(lines)
    first = next(text, "")
    rows = csv_rows(chain([first], text), sniff_delimiter(first), counter=lines, dialect=LinkedInCsv)
    head = next(rows, None)
    header = [header_key(h) for h in head.cells] if head is not None and not isinstance(head, BadRow) else []
    column = next((header.index(c) for c in _DATE_COLUMNS if c in header), None)
    if column is None:
        raise DataFileError(NO_DATE_COLUMN, file=where)
    end = head.line if head is not None else 0
    for row in rows:
        # A row is named by the line it starts on (a message may span several): the one after the last row.
        place, end = _(LINE).format(file=where, line=end + 1), row.line
        if isinstance(row, BadRow):
            yield Issue(_(BAD_LINE), place)
            continue
        value = row.cells[column].strip() if column < len(row.cells) else ""
        at = parse_date(value) if value else None
        if not value:
            yield Issue(_(missing), place)
        elif at is None:
            yield Issue(_(unreadable), place)
        elif not window.holds(at):
            yield Issue(_(impossible), place)
        else:
            yield Touch(at=at, touchpoint=TOUCHPOINT, group=group)


def _count(member: Member) -> int | None:
    """How many rows a file footprint does not read holds (its header apart); None if it cannot be read."""
    try:
        lines = Lines(member)
        widths = Counter(len(r.cells) for r in csv_rows(lines, ",", counter=lines) if not isinstance(r, BadRow))
    except DataFileError:
        return None
    # The rows as wide as the widest are the table: a notes paragraph before it (Connections.csv) is not.
    return max(widths[max(widths)] - 1, 0) if widths else 0
