"""Reading what people download: a single file, an unpacked folder, or the zip archive as it came.

``members(path, pattern)`` yields the files whose path (inside the folder or archive, with ``/``) matches
a regular expression, so importers match by pattern rather than exact names: wrapper folders and
translated names change between years and languages. A damaged archive is one clear ``DataFileError``.

Every member is read through one guard (``Member.open``): what a zip member expands to is counted as it is
decompressed and capped (the caps are below, in one place), and whatever a damaged member raises while
being read (a bad CRC, a broken deflate stream) comes out as one ``DataFileError`` naming it, whoever reads
it (``read``, a ``TextIOWrapper``, the csv module).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any, AnyStr, TypeVar

from ..domain.when import FIRST_YEAR, LAST_YEAR
from ..errors import DataFileError
from ..files import open_regular

_Day = TypeVar("_Day", date, datetime)

# --- what a zip archive may expand to ---------------------------------------------------------------------
# Real exports are big but ordinary: Takeout's My Activity files reach a few hundred MB, a whole Takeout a
# few GB, and such text compresses 5 to 30 times. A zip bomb expands a thousand times or more. The caps sit
# far above the first and far below the second. They count the bytes actually decompressed, as they come
# out, against the compressed bytes actually read from the archive file: never the sizes the archive
# declares (a bomb lies about those).
MEMBER_CAP = 4 << 30  # one member, decompressed
ARCHIVE_CAP = 32 << 30  # every member read in one pass over an archive (one ``members`` call)
RATIO_CAP = 100  # decompressed bytes per compressed byte read, for a member and for the whole archive...
RATIO_FLOOR = 4 << 20  # ...once past this much: a small, very repetitive file may compress better
WHOLE_CAP = 512 << 20  # a member read whole into memory (``Member.data``, ``Member.text``), zip or not
MAX_LINE = 1 << 20  # one line of a text export (``lines``): the csv module refuses cells over 128 KB anyway

# What reading a member of a damaged archive can raise: a bad CRC, a cut stream, an unsupported
# compression method (NotImplementedError), an encrypted member (RuntimeError). The guard turns these into
# one DataFileError naming the member.
ARCHIVE_READ_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    EOFError,
    OSError,
    zlib.error,
    NotImplementedError,
    RuntimeError,
)


# What may separate the items of a JSON array; skipped in one regex step, not a Python loop per character
# (a member of megabytes of spaces would take seconds).
BETWEEN_ITEMS = re.compile(r"[ \t\r\n,]*")


def plausible(at: _Day) -> _Day:
    """``at`` when it lies in the journal's years, else ``ValueError``: a date in year 1 or 9999 read from
    an export is junk, and would overflow once moved to another zone or a day later."""
    if not FIRST_YEAR <= at.year <= LAST_YEAR:
        raise ValueError(f"year {at.year} is out of range")
    return at


def masked(name: str) -> str:
    """A member's name fit for a message: long digit runs (account, meter, user numbers) cut to their last
    four digits; dates (8 digits) stay."""
    return re.sub(r"\d{5,}(\d{4})", r"…\1", name)


def _size(n: int) -> str:
    return f"{n >> 30} GB" if n >= 1 << 30 else f"{max(n >> 20, 1)} MB"


class _Pass:
    """One pass over an archive: its file, counting the compressed bytes read from it, and what all its
    members have expanded to so far."""

    def __init__(self, path: Path) -> None:
        self.file = open_regular(path)
        self.packed = 0  # bytes read from the archive file
        self.unpacked = 0  # bytes its members gave, decompressed

    # The file-object interface ``zipfile.ZipFile`` uses, counting what it reads.
    def read(self, n: int = -1) -> bytes:
        data = self.file.read(n)
        self.packed += len(data)
        return data

    def seek(self, offset: int, whence: int = 0) -> int:
        return self.file.seek(offset, whence)

    def tell(self) -> int:
        return self.file.tell()

    def seekable(self) -> bool:
        return True

    def close(self) -> None:
        self.file.close()


def _over(unpacked: int, packed: int, cap: int) -> str | None:
    """Why ``unpacked`` bytes from ``packed`` compressed ones are refused, or None."""
    if unpacked > cap:
        return f"expands to more than {_size(cap)}"
    if unpacked > RATIO_FLOOR and unpacked > RATIO_CAP * packed:
        return f"expands more than {RATIO_CAP} times"
    return None


class _Guard(io.RawIOBase):
    """A member's bytes as they are read (decompressed, for a zip), checked against the caps as they come
    out; a damaged stream is a ``DataFileError`` naming the member."""

    def __init__(self, raw: IO[bytes], label: str, zipped: _Pass | None = None) -> None:
        self.raw, self.label, self.zipped, self.count = raw, label, zipped, 0
        self.packed_before = zipped.packed if zipped else 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            # In small pieces: zipfile reads about as many compressed bytes ahead as it is asked for, and
            # a small read-ahead keeps the ratio measured on what was really consumed.
            data = self.raw.read(min(len(buffer), 1 << 15))
        except ARCHIVE_READ_ERRORS as exc:
            raise DataFileError(f"{self.label}: damaged in the archive ({type(exc).__name__})") from None
        n = len(data)
        buffer[:n] = data
        self.count += n
        if self.zipped is not None:
            self.zipped.unpacked += n
            why = _over(self.count, self.zipped.packed - self.packed_before, MEMBER_CAP)
            whole = _over(self.zipped.unpacked, self.zipped.packed, ARCHIVE_CAP)
            if why or whole:
                what = why or f"with the archive's other members, {whole}"
                raise DataFileError(f"{self.label}: {what} (a zip bomb?); refused")
        return n

    def close(self) -> None:
        if not self.closed:
            self.raw.close()
        super().close()


@dataclass(frozen=True)
class Member:
    name: str  # the path inside the folder or archive, "/"-separated (the file's own name for a file)
    size: int  # as declared: a zip member may lie, reading never trusts it
    opener: Callable[[], IO[bytes]]

    def open(self) -> IO[bytes]:
        """The member's bytes, guarded (see the module's docstring)."""
        return self.opener()

    def data(self) -> bytes:
        """The whole member, refused past ``WHOLE_CAP`` bytes (memory stays bounded whatever it declares)."""
        parts: list[bytes] = []
        total = 0
        with self.open() as f:
            while chunk := f.read(1 << 20):
                total += len(chunk)
                if total > WHOLE_CAP:
                    raise DataFileError(f"{masked(self.name)}: over {_size(WHOLE_CAP)}, too big to read whole")
                parts.append(chunk)
        return b"".join(parts)

    def text(self, encoding: str = "utf-8-sig") -> str:
        """The whole member as text; a wrong encoding is a ``DataFileError`` naming it."""
        try:
            return self.data().decode(encoding)
        except UnicodeDecodeError:
            raise DataFileError(f"{masked(self.name)}: not {encoding} text") from None


def bounded(readline: Callable[[int], AnyStr], where: str) -> Iterator[AnyStr]:
    """The lines ``readline`` gives (a binary or text stream's), each at most ``MAX_LINE`` long: a longer
    one is a ``DataFileError`` naming ``where`` (one endless line would otherwise sit whole in memory)."""
    number = 0
    while line := readline(MAX_LINE + 1):
        number += 1
        if len(line) > MAX_LINE:
            raise DataFileError(f"{where}: line {number} is longer than {_size(MAX_LINE)}")
        yield line


def lines(member: Member, progress: Callable[[int], None] = lambda n: None) -> Iterator[bytes]:
    """The member's lines as bytes (``\\n`` kept), each at most ``MAX_LINE`` bytes (see ``bounded``)."""
    pending = 0  # bytes not yet reported: progress is told every 64 KB, not every line
    with member.open() as f:
        for line in bounded(f.readline, masked(member.name)):
            pending += len(line)
            if pending >= 1 << 16:
                progress(pending)
                pending = 0
            yield line
    progress(pending)


def file_member(path: Path, name: str | None = None) -> Member:
    """A file on disk as a member (guarded like the rest: a read error is a ``DataFileError``)."""
    label = str(path)
    return Member(name or path.name, path.stat().st_size, lambda: _guarded(open_regular(path), label))


def members(path: Path, pattern: str | re.Pattern[str]) -> Iterator[Member]:
    """Files under ``path`` (a file, a folder or a .zip) whose inner path matches ``pattern`` (searched,
    case-insensitive), in name order."""
    rx = re.compile(pattern, re.IGNORECASE) if isinstance(pattern, str) else pattern
    if path.is_dir():
        for p in sorted(q for q in path.rglob("*") if q.is_file()):
            inner = p.relative_to(path).as_posix()
            if rx.search(inner):
                yield file_member(p, inner)
    elif path.is_file() and zipfile.is_zipfile(path):  # is_file first: opening a FIFO would wait forever
        zipped = _Pass(path)
        try:
            archive = zipfile.ZipFile(zipped)  # type: ignore[arg-type]  # a file object, counted
            infos = sorted((i for i in archive.infolist() if not i.is_dir()), key=lambda i: i.filename)
        except (zipfile.BadZipFile, OSError) as exc:
            zipped.close()
            raise DataFileError(f"{path}: damaged zip archive ({type(exc).__name__})") from None
        # Left open: importers list the members first and open them later (closed when collected).
        for info in infos:
            if rx.search(info.filename):
                yield Member(info.filename, info.file_size, lambda i=info: _zip_open(path, archive, i, zipped))
    elif path.is_file():
        if path.suffix.lower() == ".zip" or _looks_zipped(path):
            raise DataFileError(f"{path}: damaged or truncated zip archive")
        if rx.search(path.name):
            yield file_member(path)


def names(path: Path) -> list[str]:
    """Every inner path (for ``detect``): cheap, reads no content."""
    if path.is_dir():
        return sorted(q.relative_to(path).as_posix() for q in path.rglob("*") if q.is_file())
    if path.is_file() and zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as z:
                return sorted(z.namelist())
        except (zipfile.BadZipFile, OSError):
            return []
    return [path.name] if path.is_file() else []


def head(path: Path, size: int = 2048) -> bytes:
    """The first ``size`` bytes of a regular file; nothing for anything else (a FIFO, a device)."""
    try:
        with open_regular(path) as f:
            return f.read(size)
    except (OSError, DataFileError):
        return b""


def _looks_zipped(path: Path) -> bool:
    return head(path, 4) == b"PK\x03\x04"


def _guarded(raw: IO[bytes], label: str, zipped: _Pass | None = None) -> IO[bytes]:
    return io.BufferedReader(_Guard(raw, label, zipped), 1 << 16)


def _zip_open(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, zipped: _Pass) -> IO[bytes]:
    label = f"{path}: {masked(info.filename)}"
    try:
        return _guarded(archive.open(info), label, zipped)
    except ARCHIVE_READ_ERRORS as exc:
        raise DataFileError(f"{label}: damaged in the archive ({type(exc).__name__})") from None


def iter_json_array(
    stream: IO[bytes], progress: Callable[[int], None] = lambda n: None, chunk: int = 1 << 20, where: str = ""
) -> Iterator[Any]:
    """The items of the first JSON array in ``stream``, read chunk by chunk (memory stays flat on big files).

    Anything before the first ``[`` is skipped (``window.YTD.tweets.part0 = [``). A broken item ends
    the file with a ``DataFileError``; the items before it were already yielded to the caller, who imports
    all or nothing."""
    from .toolkit.jsonstream import JsonStream, NO_ARRAY

    doc = JsonStream(stream, where or "file", progress, chunk)
    if not doc.skip_to("["):
        raise DataFileError(NO_ARRAY, where=where or "file")
    yield from doc.items()
