"""Files footprint reads and writes for the user: owner-only folders and files, written whole or not at
all, and reads that accept regular files only (a FIFO or a device among a user's files must never hang a
command or feed it endless bytes)."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from .errors import BadInput, DataFileError


def private_dirs(folder: Path) -> None:
    """Create ``folder`` and every missing parent owner-only (0700), whatever the umask.

    ``Path.mkdir(parents=True, mode=0o700)`` gives the mode to the last folder only: under ``umask 000`` the
    parents it creates (``~/.cache``, ``~/.local/share``) would be world-writable, and another user could
    then plant files in them."""
    folder = Path(folder)
    missing: list[Path] = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for part in reversed(missing):
        try:
            part.mkdir(mode=0o700)
        except FileExistsError:
            continue  # another footprint made it a moment ago
        os.chmod(part, 0o700)  # the umask may have taken bits off; never adds any beyond 0700


def is_regular(path: Path) -> bool:
    """A regular file (symlinks followed): not a folder, a FIFO, a socket or a device."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def open_regular(path: Path) -> IO[bytes]:
    """Open ``path`` for reading in binary, refusing anything but a regular file (checked on the open file
    descriptor, so a swap between check and open cannot slip a FIFO in; ``O_NONBLOCK`` so opening a FIFO
    never waits for a writer)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except IsADirectoryError:
        raise DataFileError(f"{path}: is a folder, not a file") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise DataFileError(f"{path}: not a regular file (a device, a FIFO or a socket)")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def write_private(path: Path, chunks: Iterable[str | bytes]) -> int:
    """Write ``chunks`` to ``path`` via a temporary file in the same folder, mode 0600, then rename:
    a failure half-way leaves any previous file untouched. Returns the number of bytes written."""
    path = Path(path)
    if path.is_dir():
        raise BadInput(f"{path} is a folder: give a file name")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise BadInput(f"{folder}: no such folder")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")  # mkstemp is 0600
    size = 0
    try:
        with os.fdopen(fd, "wb") as f:
            for chunk in chunks:
                data = chunk.encode("utf-8") if isinstance(chunk, str) else chunk
                size += len(data)
                f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return size
