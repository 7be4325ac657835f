"""The on-disk cache of the validated catalog, private to the user: plain JSON data, never code.

Parsing and validating the catalog's TOML costs more than the rest of a ``footprint log``, so the merged,
validated catalog is kept in ``catalog.json`` in the cache folder. The key is footprint's version plus each
source file's path, size and modification time, and the code that builds and stores the value; it is
stored beside the value and compared on load, so any change rebuilds it.

Nothing read from the cache can run: it is JSON rebuilt into the catalog's ``NamedTuple``s field by field
(an older footprint's ``catalog.pickle`` is never read, and removed when it is ours). A cache folder or
file that is not the user's own, or that others may write into, is ignored and never written into:
another local user must not be able to plant a catalog. A cache that cannot be read or written only
costs speed.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .domain.catalog import Catalog, Estimate, PassiveState, Text, Touchpoint
from .errors import FootprintError

NAME = "catalog.json"
_STALE = "catalog.pickle"  # what footprint 0.x wrote; unpickling runs code, so it is never opened
_DOMAIN = Path(__file__).resolve().parent / "domain"
# The code that decides what a valid catalog is: a change to any of it rebuilds the cache.
_CODE = (_DOMAIN / "catalog.py", _DOMAIN / "limits.py", Path(__file__).resolve())
_SHARED = stat.S_IWGRP | stat.S_IWOTH
MAX_BYTES = 4_000_000  # the shipped catalog's cache is ~40 kB


def ours(st: os.stat_result) -> bool:
    """Owned by the current user (where there are no user ids, on Windows, the profile's folders are)."""
    return not hasattr(os, "geteuid") or st.st_uid == os.geteuid()


def trusted(st: os.stat_result) -> bool:
    """Ours, and writable by nobody else: no one else can have put it there or changed it."""
    return ours(st) and not st.st_mode & _SHARED


def key(files: Sequence[Path]) -> str:
    parts = [__version__]
    for path in (*files, *_CODE):
        try:
            st = path.stat()
            parts.append(f"{path.resolve()}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{path}:missing")
    return "\n".join(parts)


def _folder_trusted(folder: Path) -> bool:
    try:
        st = os.stat(folder)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and trusted(st)


def _read(path: Path) -> Any:
    """The JSON in ``path`` if it is a regular file of ours that nobody else can write, else None.

    Checked on the open descriptor (``O_NOFOLLOW``: a symlink is refused, not followed), so nothing can be
    swapped in between the check and the read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or not trusted(st) or st.st_size > MAX_BYTES:
            return None
        with os.fdopen(fd, "rb", closefd=False) as f:
            return json.loads(f.read(MAX_BYTES + 1))
    except (OSError, ValueError, RecursionError):
        return None
    finally:
        os.close(fd)


def _text(raw: Sequence[str]) -> Text:
    en, fr = raw
    return Text(str(en), str(fr))


def _estimate(raw: Sequence[Any] | None) -> Estimate | None:
    return None if raw is None else Estimate(float(raw[0]), _text(raw[1]))


def _dump_estimate(e: Estimate | None) -> list[Any] | None:
    return None if e is None else [e.value, list(e.why)]


def dump(catalog: Catalog) -> dict[str, Any]:
    """The catalog as plain JSON data: tuples as lists, ``None`` as null, in field order."""
    return {
        "collectors": {cid: list(text) for cid, text in catalog.collectors.items()},
        "touchpoints": [
            [
                tp.id,
                list(tp.label),
                tp.kind,
                tp.mode,
                tp.consent,
                list(tp.collectors),
                _dump_estimate(tp.captures_per_use),
                _dump_estimate(tp.captures_per_minute),
                _dump_estimate(tp.passive_per_day),
                [[s.id, list(s.label), _dump_estimate(s.passive_per_day)] for s in tp.states],
                list(tp.aliases),
                [list(a) for a in tp.alternatives],
                tp.origin,
            ]
            for tp in catalog.touchpoints
        ],
    }


def load(data: dict[str, Any]) -> Catalog:
    """The catalog from ``dump``'s data; anything out of shape raises (and the caller rebuilds)."""
    touchpoints = []
    for tid, label, kind, mode, consent, used, per_use, per_minute, passive, states, aliases, alts, origin in data[
        "touchpoints"
    ]:
        touchpoints.append(
            Touchpoint(
                str(tid),
                _text(label),
                str(kind),
                str(mode),
                str(consent),
                tuple(map(str, used)),
                Estimate(float(per_use[0]), _text(per_use[1])),
                _estimate(per_minute),
                _estimate(passive),
                tuple(PassiveState(str(s), _text(sl), Estimate(float(e[0]), _text(e[1]))) for s, sl, e in states),
                tuple(map(str, aliases)),
                tuple(map(_text, alts)),
                str(origin),
            )
        )
    return Catalog(touchpoints, {str(cid): _text(text) for cid, text in data["collectors"].items()})


def cached_catalog(cache_dir: Path, files: Sequence[Path], build: Callable[[], Catalog]) -> Catalog:
    """The catalog from the cache when its key matches, else ``build()`` (errors propagate: a bad catalog
    entry is reported and nothing is cached), stored for next time if the cache folder is ours."""
    path = Path(cache_dir) / NAME
    wanted = key(files)
    stored = _read(path) if _folder_trusted(Path(cache_dir)) else None
    if isinstance(stored, dict) and stored.get("key") == wanted:
        try:
            return load(stored["catalog"])
        except Exception:  # damaged, or from a development version: rebuild
            pass
    catalog = build()
    _store(Path(cache_dir), {"key": wanted, "catalog": dump(catalog)})
    return catalog


def _store(cache_dir: Path, record: dict[str, Any]) -> None:
    from .files import private_dirs, write_private

    try:
        private_dirs(cache_dir)
        if not _folder_trusted(cache_dir):
            return  # someone else's folder, or one others can write into: never leave the catalog there
        _remove_stale(cache_dir)
        data = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
        write_private(cache_dir / NAME, [data])
    except (OSError, ValueError, FootprintError):
        pass  # a read-only or full cache folder only costs speed


def _remove_stale(cache_dir: Path) -> None:
    """Delete the pickle an older footprint left, if it is ours (never someone else's file)."""
    stale = cache_dir / _STALE
    try:
        st = os.lstat(stale)
    except OSError:
        return
    if ours(st):
        stale.unlink(missing_ok=True)
