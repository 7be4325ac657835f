"""What the importer tests share: zipping a fixture folder as downloaded, and reading back the journal."""

from __future__ import annotations

import functools
import json
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from footprint.importers.base import Issue, Touch


def zip_folder(folder: Path, dest: Path, wrapper: str = "") -> Path:
    """``folder`` as a zip archive, every member under ``wrapper`` (a folder, as many exports have)."""
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                z.write(p, wrapper + p.relative_to(folder).as_posix())
    return dest


def journal_entries(cli: Any) -> list[dict]:
    """Every entry of the test's journal, as ``footprint list --json`` prints them."""
    result = cli("list", "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def entry_rows(cli: Any) -> list[tuple]:
    """(day, touchpoint, count, source_ref) of every entry, sorted."""
    return sorted((e["day"], e["touchpoint"], e["count"], e["source_ref"]) for e in journal_entries(cli))


def touches(records: list) -> list[tuple]:
    return sorted((r.at, r.touchpoint, r.count, r.group) for r in records if isinstance(r, Touch))


def issues(records: list) -> list[tuple[str, str]]:
    return [(r.kind, r.where) for r in records if isinstance(r, Issue)]


def zip_bomb(
    dest: Path, member: str, size: int, prefix: bytes = b"", filler: bytes = b" ", others: dict | None = None
) -> Path:
    """A zip whose ``member`` is ``prefix`` and then ``size`` bytes of ``filler``, built in milliseconds
    whatever ``size``: one megabyte is deflated once, with a full flush so the block stands alone, and the
    block is repeated. ``others`` are small members written before it. The CRC and sizes are true."""
    block = filler * ((1 << 20) // len(filler))
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = squeeze.compress(prefix) + squeeze.flush(zlib.Z_FULL_FLUSH)
    packed_block = squeeze.compress(block) + squeeze.flush(zlib.Z_FULL_FLUSH)
    tail = squeeze.flush()
    copies = size // len(block)
    crc = zlib.crc32(prefix)
    for _ in range(copies):
        crc = zlib.crc32(block, crc)
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (others or {}).items():
            z.writestr(name, data)
    with open(dest, "r+b") as f:
        with zipfile.ZipFile(dest) as z:
            infos = z.infolist()
        f.seek(0, 2)
        f.seek(f.tell() - _end_size(dest))  # where the central directory starts: members go before it
        offset = f.tell()
        name = member.encode()
        packed = len(head) + len(packed_block) * copies + len(tail)
        unpacked = len(prefix) + len(block) * copies
        f.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, packed, unpacked, len(name), 0) + name)
        f.write(head)
        for _ in range(copies):
            f.write(packed_block)
        f.write(tail)
        entries = []
        for info in infos:
            entries.append(
                (
                    info.filename.encode(),
                    info.CRC,
                    info.compress_size,
                    info.file_size,
                    info.header_offset,
                    info.compress_type,
                )
            )
        entries.append((name, crc, packed, unpacked, offset, 8))
        central = f.tell()
        for fname, c, p, u, off, method in entries:
            f.write(
                struct.pack(
                    "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, method, 0, 0, c, p, u, len(fname), 0, 0, 0, 0, 0, off
                )
                + fname
            )
        end = f.tell()
        f.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), end - central, central, 0))
        f.truncate()
    return dest


def _end_size(path: Path) -> int:
    """The size of the central directory and end record that zipfile wrote at the end of ``path``."""
    with zipfile.ZipFile(path) as z:
        start = z.start_dir
    return path.stat().st_size - start


# --- hostile values for the junk strategies (every importer's hypothesis tests draw from them) ------------

# A 5,000-digit number and brackets nested 100,000 deep: json.dumps cannot write the first (Python refuses
# int→str past 4,300 digits) and would recurse on the second, so they are placeholders ``dumps`` expands.
HUGE_NUMBER, DEEP = "<huge number>", "<deep nesting>"
hostile_json = st.sampled_from(
    [
        HUGE_NUMBER,
        DEEP,
        1e308,
        -1e308,
        10**300,
        1e20,
        -1e20,
        -62135596801,  # a second before year 1
        253402300800,  # year 10000
        253402300800000,  # the same in milliseconds
        2**64,
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z",
        "9999-12-31T23:59:59-14:00",
        "0000-01-01",
        "Fri Dec 31 23:59:59 +0000 9999",
        "Mon Jan 01 00:00:00 +0000 0001",
        "9" * 5000,
    ]
)
# CSV cells: an overlong field (the csv module refuses cells over 128 KB), 5,000 digits, dates at the ends.
hostile_cells = st.sampled_from(
    [
        "x" * 200_000,
        '"' + "x" * 200_000 + '"',
        "9" * 5000,
        "0001-01-01",
        "01/01/0001",
        "9999-12-31 23:59:59",
        "31/12/9999 23:59",
        "9999-12-31T23:59:59+00:00",
        "00/00/0000",
        "1e308",
        "-99999999999999999999",
        "99999999999999d",
    ]
)


def dumps(value: Any, **options: Any) -> str:
    """``json.dumps`` with the hostile placeholders written out."""
    text = json.dumps(value, **options)
    return text.replace(json.dumps(HUGE_NUMBER), "9" * 5000).replace(json.dumps(DEEP), "[" * 100_000 + "]" * 100_000)


def shipped_resolve(name: str) -> str:
    """Names (ids and aliases) of the shipped catalog to ids, "" when unknown: what the service passes as
    ``ImportContext.resolve`` for a journal without touchpoints of its own."""
    from footprint.errors import FootprintError

    try:
        return _shipped_catalog().resolve(name).id
    except FootprintError:
        return ""


@functools.cache
def _shipped_catalog() -> Any:
    import tempfile

    from footprint.services import load_catalog

    with tempfile.TemporaryDirectory() as empty:
        return load_catalog(Path(empty))
