"""Files footprint reads and writes for the user: owner-only folders and files, written whole or not at
all (never replacing a read-only file, never leaving a temporary file behind), and reads that accept
regular files only (a FIFO or a device among a user's files must never hang a command or feed it endless
bytes)."""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from .errors import BadInput, DataFileError, FootprintError, StorageError
from .i18n import N_, Message, say

_TEMP_SUFFIX = ".tmp"

# What the system says when it refuses a file, in the user's words (its own text is English only).
_REASONS = {
    errno.EACCES: say("permission denied"),
    errno.EPERM: say("operation not permitted"),
    errno.ENOENT: say("no such file or folder"),
    errno.ENOTDIR: say("a part of the path is not a folder"),
    errno.EISDIR: say("it is a folder"),
    errno.EROFS: say("the disk is read-only"),
    errno.ENOSPC: say("the disk is full"),
    errno.ENAMETOOLONG: say("the file name is too long"),
    errno.ELOOP: say("too many symbolic links"),
    errno.EIO: say("input/output error"),
}


def os_reason(exc: BaseException) -> Message | str:
    """Why the system refused, as a few words worded when shown (its own ``strerror`` for a rare case)."""
    reason = _REASONS.get(getattr(exc, "errno", None) or -1)
    if reason is not None:
        return reason
    return getattr(exc, "strerror", None) or type(exc).__name__


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
        raise DataFileError(N_("{path}: is a folder, not a file"), path=path) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):  # Linux opens a folder read-only without complaint
            raise DataFileError(N_("{path}: is a folder, not a file"), path=path)
        if not stat.S_ISREG(mode):
            raise DataFileError(N_("{path}: not a regular file (a device, a FIFO or a socket)"), path=path)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def write_private(path: Path, chunks: Iterable[str | bytes]) -> int:
    """Write ``chunks`` to ``path`` via a temporary file in the same folder, mode 0600, then rename:
    a failure half-way (a full disk, SIGTERM, Ctrl-C) leaves any previous file untouched and removes the
    temporary file; one left by a killed footprint is removed by the next write to the same name. A file
    the user made read-only is never replaced. Returns the number of bytes written."""
    path = Path(path)
    folder = _check_target(path)
    _remove_stale_temps(folder, path.name)
    with _terminate_cleanly():
        try:
            fd, tmp = _locked_temp(folder, path.name)
        except OSError as exc:
            raise write_error(path, exc) from exc
        size = 0
        try:
            with os.fdopen(fd, "wb") as f:
                for chunk in chunks:
                    data = chunk.encode("utf-8") if isinstance(chunk, str) else chunk
                    size += len(data)
                    f.write(data)
                f.flush()
                os.fsync(f.fileno())  # a full disk may only say so here
            os.replace(tmp, path)
        except BaseException as exc:
            Path(tmp).unlink(missing_ok=True)
            if isinstance(exc, OSError):
                raise write_error(path, exc) from exc
            raise
    return size


def write_error(path: Path, exc: OSError) -> FootprintError:
    """The one line for a file that could not be written: a full disk says so."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return StorageError(N_("the disk holding {path} is full; nothing was written"), path=path)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return BadInput(
            N_("cannot write {path} ({reason}): choose a folder that is yours"), path=path, reason=os_reason(exc)
        )
    if exc.errno == errno.ENAMETOOLONG:
        return BadInput(N_("cannot write {path}…: file name too long"), path=str(path)[:60])
    return StorageError(N_("cannot write {path} ({reason})"), path=path, reason=os_reason(exc))


def _check_target(path: Path) -> Path:
    """The folder to write ``path`` in, after refusing a folder, a device or FIFO, and a read-only file."""
    try:
        st: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise write_error(path, exc) from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise BadInput(N_("{path} is a folder: give a file name"), path=path)
        if not stat.S_ISREG(st.st_mode):
            raise BadInput(N_("{path} is not a regular file (a device or a FIFO): give a file name"), path=path)
        if not st.st_mode & stat.S_IWUSR or not os.access(path, os.W_OK):
            raise BadInput(
                N_("{path} is read-only: footprint does not replace it (make it writable or pick another)"),
                path=path,
            )
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise BadInput(N_("{path}: no such folder"), path=folder)
    return folder


def _locked_temp(folder: Path, name: str) -> tuple[int, str]:
    """A new temporary file for ``name`` (0600, as ``mkstemp`` makes them), locked for as long as this
    process holds it open: a lock that is free means its writer is gone (see ``_remove_stale_temps``)."""
    import tempfile  # not at import: it pulls in random, and reading files needs none of it

    try:
        import fcntl
    except ImportError:  # no flock here: temporary files are only ever removed by their writer
        return tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=_TEMP_SUFFIX)
    while True:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=_TEMP_SUFFIX)
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            if os.stat(tmp).st_ino == os.fstat(fd).st_ino:
                return fd, tmp
        except FileNotFoundError:
            pass  # a cleaner took it for stale before the lock: make another
        os.close(fd)


def _remove_stale_temps(folder: Path, name: str) -> None:
    """Remove temporary files of ``name`` that a killed footprint left (with part of an export in them):
    only regular files of this user whose lock is free, so never one another footprint is writing."""
    try:
        import fcntl
    except ImportError:
        return
    pattern = re.compile(rf"\.{re.escape(name)}\.[a-z0-9_]{{8}}{re.escape(_TEMP_SUFFIX)}")
    try:
        entries = [e.path for e in os.scandir(folder) if pattern.fullmatch(e.name)]
    except OSError:
        return
    for entry in entries:
        try:
            fd = os.open(entry, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except OSError:
            continue
        try:
            st = os.fstat(fd)
            if stat.S_ISREG(st.st_mode) and st.st_uid == os.geteuid():
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # OSError: its writer is still at work
                if os.lstat(entry).st_ino == st.st_ino:
                    os.unlink(entry)
        except OSError:
            pass
        finally:
            os.close(fd)


@contextmanager
def _terminate_cleanly() -> Iterator[None]:
    """While a file is being written, SIGTERM and SIGHUP interrupt like Ctrl-C, so the temporary file is
    removed (their default is to die on the spot). Only in the main thread, and only where nothing else
    handles them already."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    changed = []
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) == signal.SIG_DFL:
            signal.signal(number, interrupt)
            changed.append(number)
    try:
        yield
    finally:
        for number in changed:
            signal.signal(number, signal.SIG_DFL)
