"""``footprint import linkedin EXPORT``: LinkedIn's "Get a copy of your data" (CSV files in a zip).

Counts your shares, comments and reactions per day as touches of ``linkedin`` (groups ``"shares"``,
``"comments"``, ``"reactions"``); reads only the ``Date`` column, keeps no message, no link. Reads the zip
as downloaded, the unpacked folder, or one of the CSV files. Traps handled (FORMATS.md):

- The CSVs sit at the zip's root or in a wrapper folder, and their names may carry a member id
  (``Shares_155814142.csv``); UTF-8, maybe with a BOM.
- ``Comments.csv`` escapes quotes with a backslash (``\\"``) instead of doubling them, and messages span
  lines: the reader takes a backslash as an escape *and* a doubled quote as a quote, so a message with
  ``\\"``, a comma and a newline keeps its row whole, and files that quote the standard way read too.
- ``Date`` like ``2024-03-05 16:41:18``, in UTC; an empty, unreadable or impossible one (before LinkedIn
  existed, or in the future) is an Issue naming the file and line.
- Several comments share a ``Link``: it is no key, every row is a comment.
- ``Connections.csv`` starts with a notes paragraph: connections are not touches, the file is not read.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ..errors import DataFileError
from .archive import ARCHIVE_READ_ERRORS, Member, bounded, masked, members, names
from .base import ImportContext, Issue, Record, Touch

TOUCHPOINT = "linkedin"

_FILES = re.compile(r"(^|/)(shares|comments|reactions)(_\d+)?\.csv$", re.IGNORECASE)
_WHAT = {"shares": "share", "comments": "comment", "reactions": "reaction"}

# LinkedIn opened on 5 May 2003: an earlier instant is a broken date, not a touch.
FOUNDED = datetime(2003, 5, 5, tzinfo=UTC)
# An export is made after what it holds; a day of slack covers clocks and zones.
FUTURE_SLACK = timedelta(days=1)

# Reading a zip member can fail late, at the damaged bytes: those errors name the member, never a traceback.
_READ_ERRORS = ARCHIVE_READ_ERRORS
_PROGRESS_EVERY = 1 << 16
_LINKEDIN_HEADER = re.compile(r'"?date"?,')


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
    """``2024-03-05 16:41:18`` (UTC; a trailing `` UTC`` or an offset are read too) as an aware datetime."""
    text = text.strip().removesuffix(" UTC")
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        return None
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


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
        latest = ctx.window().latest  # the context's now and a day of slack: no importer reads the clock
        found = False
        for member in members(path, _FILES):
            found = True
            yield from _rows(member, _group(member.name), ctx, latest)
        if not found:
            raise DataFileError(f"{path}: no LinkedIn Shares.csv, Comments.csv or Reactions.csv found")


def _group(name: str) -> str:
    match = _FILES.search(name)
    return match.group(2).lower() if match else "shares"


def _header(member: Member) -> str:
    try:
        with member.open() as f:
            return f.read(200).decode("utf-8-sig", errors="replace").lower()
    except (DataFileError, *_READ_ERRORS):
        return ""


def _rows(member: Member, group: str, ctx: ImportContext, latest: datetime) -> Iterator[Record]:
    what = _WHAT[group]
    line = 0  # the physical line the last row ended on (a message may span several)
    try:
        with member.open() as raw:
            text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
            reader = csv.reader(_counted(text, ctx, member.name), LinkedInCsv)
            header = [h.strip().lower() for h in next(reader, [])]
            if "date" not in header:
                raise DataFileError(f"{member.name}: no Date column (not a LinkedIn export file)")
            column = header.index("date")
            line = reader.line_num
            for row in reader:
                first, line = line + 1, reader.line_num
                if not row:
                    continue  # a blank line
                value = row[column].strip() if column < len(row) else ""
                at = parse_date(value) if value else None
                where = f"{member.name} line {first}"
                if not value:
                    yield Issue(f"{what} without a date", where)
                elif at is None:
                    yield Issue(f"{what} with an unreadable date", where)
                elif at < FOUNDED or at > latest:
                    yield Issue(f"{what} with an impossible date (before 2003 or in the future)", where)
                else:
                    yield Touch(at=at, touchpoint=TOUCHPOINT, group=group)
    except UnicodeDecodeError:
        raise DataFileError(f"{member.name}: not UTF-8 text") from None
    except csv.Error as exc:
        raise DataFileError(f"{member.name}: malformed CSV after line {line} ({exc})") from None
    except _READ_ERRORS as exc:
        raise DataFileError(f"{member.name}: unreadable ({type(exc).__name__}: {exc})") from None


def _counted(lines: io.TextIOWrapper, ctx: ImportContext, name: str) -> Iterator[str]:
    """The file's lines, reporting their length to the progress bar now and then (not on every line)."""
    pending = 0
    for line in bounded(lines.readline, masked(name)):
        pending += len(line)
        if pending >= _PROGRESS_EVERY:
            ctx.progress(pending)
            pending = 0
        yield line
    ctx.progress(pending)
