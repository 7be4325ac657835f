"""``footprint import footprint-json FILE``: reads back ``footprint export --format json``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..domain.journal import REASONS, DayStatus, ProfilePeriod
from ..errors import DataFileError
from .base import ImportContext, Issue, Record, Touch

FORMAT = "footprint-journal"
SUPPORTED_VERSION = 1


def _touch(raw: Any) -> Touch | None:
    if not isinstance(raw, dict):
        return None
    try:
        at = datetime.fromisoformat(raw["at"])
        count = raw.get("count", 1)
        minutes = raw.get("minutes")
        if at.tzinfo is None or not isinstance(raw["touchpoint"], str):
            return None
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            return None
        if minutes is not None and (isinstance(minutes, bool) or not isinstance(minutes, int | float) or minutes < 0):
            return None
        reason = raw.get("reason")
        if reason is not None and reason not in REASONS:
            return None
        note, ref, source = raw.get("note"), raw.get("source_ref"), raw.get("source", "cli")
        if not all(v is None or isinstance(v, str) for v in (note, ref, source)):
            return None
        return Touch(
            at=at,
            touchpoint=raw["touchpoint"],
            count=count,
            minutes=float(minutes) if minutes is not None else None,
            source_ref=ref,
            day=date.fromisoformat(raw["day"]) if raw.get("day") else None,
            note=note,
            reason=reason,
            source=source,
        )
    except (KeyError, TypeError, ValueError):
        return None


class FootprintJson:
    name = "footprint-json"
    description = "footprint's own JSON export (footprint export --format json)"

    def detect(self, path: Path) -> bool:
        if path.suffix.lower() != ".json" or not path.is_file():
            return False
        with open(path, "rb") as f:
            return FORMAT.encode() in f.read(200)

    def read(self, path: Path, ctx: ImportContext) -> Iterator[Record]:
        try:
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
            ctx.progress(path.stat().st_size)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise DataFileError(f"{path}: not a footprint JSON export ({type(exc).__name__})") from None
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise DataFileError(f'{path}: not a footprint JSON export (no "format": "{FORMAT}")')
        version = doc.get("version")
        if not isinstance(version, int) or version > SUPPORTED_VERSION:
            raise DataFileError(f"{path}: export version {version!r} is newer than this footprint reads")
        for i, raw in enumerate(doc.get("days") or [], start=1):
            try:
                closed_at = raw.get("closed_at")
                yield DayStatus(
                    date.fromisoformat(raw["day"]),
                    bool(raw["closed"]),
                    datetime.fromisoformat(closed_at) if closed_at else None,
                )
            except (KeyError, TypeError, ValueError, AttributeError):
                yield Issue("unreadable day", f"days[{i}]")
        for i, raw in enumerate(doc.get("profile") or [], start=1):
            try:
                yield ProfilePeriod(
                    raw["touchpoint"],
                    date.fromisoformat(raw["since"]),
                    date.fromisoformat(raw["until"]) if raw.get("until") else None,
                    raw.get("state"),
                )
            except (KeyError, TypeError, ValueError, AttributeError):
                yield Issue("unreadable profile period", f"profile[{i}]")
        for i, raw in enumerate(doc.get("entries") or [], start=1):
            touch = _touch(raw)
            yield touch if touch is not None else Issue("unreadable entry", f"entries[{i}]")
