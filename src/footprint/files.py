"""Writing files the user asked for: owner-only permissions, written whole or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import BadInput


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
