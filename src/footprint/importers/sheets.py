"""Reading the spreadsheet a facilitator typed the worksheets into: CSV, ``.xlsx`` or ``.ods``, as rows of cells.

``read_rows(path)`` gives ``(line, cells)`` pairs: the line of a CSV record (where it starts), the row number
of a spreadsheet's first sheet, each cell as text. A CSV may be UTF-8 with or without a BOM, split on ``;``
(as French Excel writes it), ``,`` or tabs, with CRLF or LF line ends.

``.xlsx`` and ``.ods`` are zip archives of XML: read here with the standard library, through the archive
guard (importers/archive.py: what a member expands to is counted and capped), with a smaller cap for a
sheet, no DOCTYPE accepted (no entity can expand), values only. A cell that holds a formula comes back as a
``Formula``: its text, never its value, which the caller reports. No spreadsheet library is needed, so
nothing is to install for these files.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree as ET

from ..domain.group import CardError
from ..domain.sheet_rows import Formula
from ..errors import DataFileError
from ..files import open_regular
from ..i18n import say
from .archive import members

SHEET_SUFFIXES = (".csv", ".xlsx", ".ods")
MAX_BYTES = 8 << 20  # a workshop's sheet is a few kB; a zip member decompressed, or the CSV itself
MAX_ROWS = 5000  # far above a workshop's 25 people
MAX_COLUMNS = 500  # 4 fixed columns and 4 a touchpoint: room for a hundred touchpoints
Rows = list[tuple[int, list[str]]]

_X = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TX = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_CELL_REF = re.compile(r"^([A-Z]{1,3})([0-9]+)$")


def read_rows(path: Path) -> Rows:
    """The rows of a typed-in sheet file, or ``CardError`` naming it (a ``DataFileError``)."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _csv(path)
    if suffix == ".xlsx":
        return _xlsx(path)
    return _ods(path)


def _too_big(path: Path) -> CardError:
    return CardError(str(path), say("too large to be a workshop's sheet"))


def _read(path: Path) -> bytes:
    try:
        with open_regular(path) as f:  # a FIFO would hang, a device feed endless bytes
            data = f.read(MAX_BYTES + 1)
    except DataFileError:
        raise CardError(str(path), say("not a regular file (a FIFO, a device or a socket)")) from None
    except OSError as exc:
        from ..files import os_reason

        raise CardError(str(path), say("cannot read it ({reason})", reason=os_reason(exc))) from None
    if len(data) > MAX_BYTES:
        raise _too_big(path)
    return data


def _csv(path: Path) -> Rows:
    try:
        text = _read(path).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CardError(str(path), say("not UTF-8 text: save it as “CSV UTF-8”")) from None
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: Rows = []
    line = 1
    try:
        for cells in reader:
            rows.append((line, cells))
            line = reader.line_num + 1
            _check_size(path, rows, cells)
    except csv.Error as exc:
        raise CardError(str(path), say("line {line}: not valid CSV ({error})", line=line, error=str(exc))) from None
    return rows


def _check_size(path: Path, rows: Rows, cells: list[str]) -> None:
    if len(rows) > MAX_ROWS or len(cells) > MAX_COLUMNS:
        raise _too_big(path)


def _members(path: Path, pattern: str) -> dict[str, bytes]:
    """The members of a zip whose names match, read whole through the archive guard, each capped."""
    found: dict[str, bytes] = {}
    try:
        for member in members(path, pattern):
            with member.open() as f:
                data = f.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                raise _too_big(path)
            found[member.name] = data
    except CardError:
        raise
    except DataFileError as exc:  # the archive guard's: a damaged zip, or a member expanding too much
        damaged = "damaged" in exc.msgid
        raise (CardError(str(path), say("damaged: not a spreadsheet file")) if damaged else _too_big(path)) from None
    except OSError:
        raise CardError(str(path), say("damaged: not a spreadsheet file")) from None
    return found


def _xml(path: Path, data: bytes) -> ET.Element:
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:  # a spreadsheet never has one; an entity could expand
        raise CardError(str(path), say("not a spreadsheet saved by a spreadsheet program"))
    try:
        return ET.fromstring(data)
    except ET.ParseError:
        raise CardError(str(path), say("damaged spreadsheet (its XML does not read)")) from None


def _not_a_sheet(path: Path, kind: str) -> CardError:
    return CardError(str(path), say("not a {kind} spreadsheet (its first sheet is missing)", kind=kind))


# --- xlsx ----------------------------------------------------------------------------------------------------


def _first_sheet(path: Path, parts: dict[str, bytes]) -> str:
    """The member holding the workbook's first sheet, as the workbook and its relationships say."""
    try:
        sheet = _xml(path, parts["xl/workbook.xml"]).find(f"{_X}sheets/{_X}sheet")
        rid = sheet.get(f"{_REL}id") if sheet is not None else None
        rels = _xml(path, parts["xl/_rels/workbook.xml.rels"])
        target = next(r.get("Target", "") for r in rels.iter(f"{_PKG}Relationship") if r.get("Id") == rid)
    except (KeyError, StopIteration):
        raise _not_a_sheet(path, "xlsx") from None
    return target.lstrip("/") if target.startswith("/") else f"xl/{target}"


def _shared(path: Path, parts: dict[str, bytes]) -> list[str]:
    data = parts.get("xl/sharedStrings.xml")
    if data is None:
        return []
    return ["".join(t.text or "" for t in si.iter(f"{_X}t")) for si in _xml(path, data).iter(f"{_X}si")]


def _xlsx_value(c: ET.Element, shared: list[str]) -> str:
    kind, v = c.get("t", "n"), c.findtext(f"{_X}v") or ""
    if kind == "s":
        text = shared[int(v)] if v.isdigit() and int(v) < len(shared) else ""
    elif kind == "inlineStr":
        text = "".join(t.text or "" for t in c.iter(f"{_X}t"))
    elif kind == "b":
        text = "TRUE" if v == "1" else "FALSE"
    else:
        text = v
    formula = c.find(f"{_X}f")
    return Formula(formula.text or text) if formula is not None else text


def _column(ref: str | None, fallback: int) -> int:
    m = _CELL_REF.match(ref or "")
    if not m:
        return fallback
    index = 0
    for letter in m[1]:
        index = index * 26 + ord(letter) - 64
    return index - 1


def _xlsx(path: Path) -> Rows:
    parts = _members(path, r"^xl/(workbook\.xml|_rels/workbook\.xml\.rels|sharedStrings\.xml|worksheets/[^/]+\.xml)$")
    name = _first_sheet(path, parts)
    if name not in parts:
        raise _not_a_sheet(path, "xlsx")
    shared = _shared(path, parts)
    rows: Rows = []
    for number, row in enumerate(_xml(path, parts[name]).iter(f"{_X}row"), start=1):
        cells: list[str] = []
        for c in row.iter(f"{_X}c"):
            at = _column(c.get("r"), len(cells))
            if at >= MAX_COLUMNS:
                raise _too_big(path)
            cells.extend([""] * (at + 1 - len(cells)))
            cells[at] = _xlsx_value(c, shared)
        line = int(row.get("r", number)) if str(row.get("r", number)).isdigit() else number
        rows.append((line, cells))
        _check_size(path, rows, cells)
    return rows


# --- ods -----------------------------------------------------------------------------------------------------


def _ods_text(cell: ET.Element) -> str:
    if cell.get(f"{_O}value-type") in ("float", "percentage", "currency"):
        return cell.get(f"{_O}value", "")
    return "\n".join("".join(p.itertext()) for p in cell.iter(f"{_TX}p"))


def _ods_cells(path: Path, row: ET.Element) -> list[str]:
    cells: list[str] = []
    for cell in row:
        if cell.tag not in (f"{_T}table-cell", f"{_T}covered-table-cell"):
            continue
        text = _ods_text(cell)
        formula = cell.get(f"{_T}formula")
        value: str = Formula(formula) if formula else text
        repeat = int(cell.get(f"{_T}number-columns-repeated", "1") or 1)
        if not value:  # LibreOffice pads a row with a thousand empty repeated cells
            cells.extend([""] * min(repeat, MAX_COLUMNS))
        elif len(cells) + repeat > MAX_COLUMNS:
            raise _too_big(path)
        else:
            cells.extend([value] * repeat)
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _ods_rows(path: Path, table: ET.Element) -> Iterator[tuple[int, list[str]]]:
    line = 1
    for row in table.iter(f"{_T}table-row"):
        cells = _ods_cells(path, row)
        repeat = int(row.get(f"{_T}number-rows-repeated", "1") or 1)
        for k in range(min(repeat, MAX_ROWS + 1) if cells else 0):
            yield line + k, cells
        line += repeat


def _ods(path: Path) -> Rows:
    parts = _members(path, r"^content\.xml$")
    if "content.xml" not in parts:
        raise _not_a_sheet(path, "ods")
    table = _xml(path, parts["content.xml"]).find(f"{_O}body/{_O}spreadsheet/{_T}table")
    if table is None:
        raise _not_a_sheet(path, "ods")
    rows: Rows = []
    for line, cells in _ods_rows(path, table):
        rows.append((line, cells))
        _check_size(path, rows, cells)
    return rows
