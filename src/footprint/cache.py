"""A small on-disk cache of values derived from files (the validated catalog), private to the user.

The key is footprint's version plus each source file's path, size and modification time, and the code
that builds the value; it is stored beside the value and compared on load, so any change rebuilds it.
A cache that cannot be read or written is ignored.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from . import __version__

T = TypeVar("T")
_CODE = Path(__file__).resolve().parent / "domain" / "catalog.py"


def _key(files: Sequence[Path]) -> str:
    parts = [__version__]
    for path in (*files, _CODE):
        try:
            st = path.stat()
            parts.append(f"{path.resolve()}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{path}:missing")
    return "\n".join(parts)


def cached(cache_dir: Path, name: str, files: Sequence[Path], build: Callable[[], T]) -> T:
    path = cache_dir / f"{name}.pickle"
    key = _key(files)
    try:
        with open(path, "rb") as f:
            stored_key, value = pickle.load(f)  # our own file, in the user's private cache folder
        if stored_key == key:
            return value
    except Exception:  # missing, from another version, damaged: rebuild
        pass
    value = build()  # errors (a bad catalog entry) propagate: nothing is cached
    try:
        from .files import private_dirs, write_private

        private_dirs(cache_dir)
        write_private(path, [pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)])
    except OSError:
        pass  # a read-only cache folder only costs speed
    return value
