"""Reading what people download: a single file, an unpacked folder, or the zip archive as it came.

``members(path, pattern)`` yields the files whose path (inside the folder or archive, with ``/``) matches
a regular expression, so importers match by pattern rather than exact names: wrapper folders and
translated names change between years and languages. A damaged archive is one clear ``DataFileError``.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..errors import DataFileError

# What reading a member of a damaged archive can raise: a bad CRC, a cut stream, an unsupported
# compression method (NotImplementedError), an encrypted member (RuntimeError). Importers turn these into
# one DataFileError naming the file.
ARCHIVE_READ_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    EOFError,
    OSError,
    zlib.error,
    NotImplementedError,
    RuntimeError,
)


@dataclass(frozen=True)
class Member:
    name: str  # the path inside the folder or archive, "/"-separated (the file's own name for a file)
    size: int
    opener: Callable[[], IO[bytes]]

    def open(self) -> IO[bytes]:
        return self.opener()

    def text(self, encoding: str = "utf-8-sig") -> str:
        """The whole member as text; a wrong encoding is a ``DataFileError`` naming it."""
        with self.open() as f:
            data = f.read()
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            raise DataFileError(f"{self.name}: not {encoding} text") from None


def members(path: Path, pattern: str | re.Pattern[str]) -> Iterator[Member]:
    """Files under ``path`` (a file, a folder or a .zip) whose inner path matches ``pattern`` (searched,
    case-insensitive), in name order."""
    rx = re.compile(pattern, re.IGNORECASE) if isinstance(pattern, str) else pattern
    if path.is_dir():
        for p in sorted(q for q in path.rglob("*") if q.is_file()):
            inner = p.relative_to(path).as_posix()
            if rx.search(inner):
                yield Member(inner, p.stat().st_size, lambda p=p: open(p, "rb"))
    elif zipfile.is_zipfile(path):
        try:
            archive = zipfile.ZipFile(path)
            infos = sorted((i for i in archive.infolist() if not i.is_dir()), key=lambda i: i.filename)
        except (zipfile.BadZipFile, OSError) as exc:
            raise DataFileError(f"{path}: damaged zip archive ({exc})") from None
        for info in infos:
            if rx.search(info.filename):
                yield Member(info.filename, info.file_size, lambda info=info: _zip_open(path, archive, info))
    elif path.is_file():
        if path.suffix.lower() == ".zip" or _looks_zipped(path):
            raise DataFileError(f"{path}: damaged or truncated zip archive")
        if rx.search(path.name):
            yield Member(path.name, path.stat().st_size, lambda: open(path, "rb"))


def names(path: Path) -> list[str]:
    """Every inner path (for ``detect``): cheap, reads no content."""
    if path.is_dir():
        return sorted(q.relative_to(path).as_posix() for q in path.rglob("*") if q.is_file())
    if zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as z:
                return sorted(z.namelist())
        except (zipfile.BadZipFile, OSError):
            return []
    return [path.name] if path.is_file() else []


def head(path: Path, size: int = 2048) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read(size)
    except OSError:
        return b""


def _looks_zipped(path: Path) -> bool:
    return head(path, 4) == b"PK\x03\x04"


def _zip_open(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> IO[bytes]:
    try:
        return archive.open(info)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise DataFileError(f"{path}: {info.filename}: damaged in the archive ({exc})") from None


def iter_json_array(
    stream: IO[bytes], progress: Callable[[int], None] = lambda n: None, chunk: int = 1 << 20, where: str = ""
) -> Iterator[Any]:
    """The items of a top-level JSON array, read chunk by chunk (memory stays flat on big files).

    Anything before the first ``[`` is skipped (``window.YTD.tweets.part0 = [``). A broken item ends
    the file with a ``DataFileError``; the items before it were already yielded to the caller, who imports
    all or nothing."""
    decoder = json.JSONDecoder()
    reader = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="strict")
    buffer, pos, started, done = "", 0, False, False
    while not done:
        try:
            data = reader.read(chunk)
        except UnicodeDecodeError:
            raise DataFileError(f"{where or 'file'}: not UTF-8 text") from None
        except ARCHIVE_READ_ERRORS as exc:
            raise DataFileError(f"{where or 'file'}: damaged in the archive ({type(exc).__name__})") from None
        progress(len(data))
        if not data:
            done = True
        buffer = buffer[pos:] + data
        pos = 0
        if not started:
            start = buffer.find("[")
            if start < 0:
                if done:
                    raise DataFileError(f"{where or 'file'}: no JSON array found")
                continue
            pos, started = start + 1, True
        while True:
            while pos < len(buffer) and buffer[pos] in " \t\r\n,":
                pos += 1
            if pos >= len(buffer):
                break
            if buffer[pos] == "]":
                return
            try:
                item, end = decoder.raw_decode(buffer, pos)
            except (ValueError, RecursionError) as exc:
                if not isinstance(exc, json.JSONDecodeError):  # a 5,000-digit number, brackets nested too deep
                    raise DataFileError(f"{where or 'file'}: unreadable JSON ({type(exc).__name__})") from None
                if done or len(buffer) - pos > 64 * chunk:
                    raise DataFileError(f"{where or 'file'}: broken or truncated JSON") from None
                break  # the item continues in the next chunk
            if end == len(buffer) and not done:
                break  # a value that ends with the chunk (a number) may go on in the next one
            yield item
            pos = end
    raise DataFileError(f"{where or 'file'}: truncated JSON (the array never closes)")
