"""A small on-disk cache of values derived from files (the validated catalog), private to the user.

The key is footprint's version plus each source file's path, size and modification time, and the code
that builds the value: any change rebuilds it. A cache that cannot be read or written is ignored.
"""

from __future__ import annotations

import hashlib
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
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]


def cached(cache_dir: Path, name: str, files: Sequence[Path], build: Callable[[], T]) -> T:
    path = cache_dir / f"{name}-{_key(files)}.pickle"
    try:
        with open(path, "rb") as f:
            return pickle.load(f)  # our own file in the user's private cache folder
    except Exception:  # missing, stale format, damaged: rebuild
        pass
    value = build()  # errors (a bad catalog entry) propagate: nothing is cached
    try:
        from .files import write_private

        cache_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        for old in cache_dir.glob(f"{name}-*.pickle"):
            old.unlink(missing_ok=True)
        write_private(path, [pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)])
    except OSError:
        pass  # a read-only cache folder only costs speed
    return value
