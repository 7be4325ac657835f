"""Typed-in worksheets as a facilitator's spreadsheet saves them: CSV (as Excel or LibreOffice writes it),
.xlsx (the parts Excel writes: workbook, relationships, shared strings, a sheet) and .ods (content.xml as
LibreOffice writes it, padded with repeated empty cells). A cell given as ``Formula("=A1")`` is written as a
formula with a cached value, the way a spreadsheet stores one."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

class Formula(str):
    """A formula to write into an .xlsx or .ods cell (its cached value is ``VALUE``)."""


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",", bom: bool = False, crlf: bool = True) -> Path:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n").writerows(rows)
    path.write_bytes(("\ufeff" if bom else "").encode() + buf.getvalue().encode("utf-8"))
    return path


def _letters(index: int) -> str:
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _xlsx_cell(ref: str, value: str, shared: list[str]) -> str:
    if isinstance(value, Formula):
        return f'<c r="{ref}" t="str"><f>{escape(value.lstrip("="))}</f><v>VALUE</v></c>'
    if value.replace(".", "", 1).isdigit():
        return f'<c r="{ref}"><v>{value}</v></c>'
    shared.append(value)
    return f'<c r="{ref}" t="s"><v>{len(shared) - 1}</v></c>'


def write_xlsx(path: Path, rows: list[list[str]], extra: dict[str, str | bytes] | None = None) -> Path:
    shared: list[str] = []
    body = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(_xlsx_cell(f"{_letters(c)}{r}", v, shared) for c, v in enumerate(row) if v != "")
        body.append(f'<row r="{r}">{cells}</row>')
    sheet = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}"><sheetData>{"".join(body)}</sheetData></worksheet>'
    strings = "".join(f"<si><t>{escape(s)}</t></si>" for s in shared)
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "xl/workbook.xml": f'<?xml version="1.0"?><workbook xmlns="{_MAIN}" xmlns:r="{_OFFICE_REL}"><sheets>'
        '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0"?><Relationships xmlns="{_RELS}">'
        '<Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/sharedStrings.xml": f'<?xml version="1.0"?><sst xmlns="{_MAIN}">{strings}</sst>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    parts.update(extra or {})  # a part to replace, or to add
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


_ODS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def _ods_cell(value: str) -> str:
    if isinstance(value, Formula):
        return f'<table:table-cell table:formula="of:{escape(value)}" office:value-type="string"><text:p>VALUE</text:p></table:table-cell>'
    if value.isdigit():
        return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
    if not value:
        return "<table:table-cell/>"
    return f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'


def write_ods(path: Path, rows: list[list[str]]) -> Path:
    body = "".join(
        f'<table:table-row>{"".join(_ods_cell(v) for v in row)}'
        '<table:table-cell table:number-columns-repeated="1010"/></table:table-row>'
        for row in rows
    )
    body += '<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS}><office:body><office:spreadsheet>'
        f'<table:table table:name="Sheet1">{body}</table:table></office:spreadsheet></office:body></office:document-content>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content)
    return path
