"""Where the shipped catalog and challenge folders are: inside the installed package (the wheel maps the
top-level ``data/`` and ``challenges/`` folders in), or at the top of a source checkout."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def shipped_dir(name: str) -> Path:
    """``data`` or ``challenges``; the package copy wins when both exist."""
    inside = _HERE / name
    if inside.is_dir():
        return inside
    return _HERE.parent.parent / name
