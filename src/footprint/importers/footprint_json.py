"""``footprint import footprint-json FILE``: reads back ``footprint export --format json`` (versions 1 and 2).

The file is read as a stream (``jsonstream``), never whole, in one pass: first the head (format, version,
days, profile, runs, breaks, scores), which footprint writes before the entries, then the entries one by
one. Memory stays flat whatever the file's size or nesting. Head keys that a hand-made file puts after
``entries`` are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..domain.journal import REASONS, DayStatus, ProfilePeriod, Run
from ..errors import DataFileError
from ..files import open_regular
from ..i18n import N_, _
from .base import ImportContext, Issue, Record, Touch

NOT_OURS = N_('{path}: not a footprint JSON export (no "format": "{format}")')
NEWER = N_("{path}: export version {version} is newer than this footprint reads")

FORMAT = "footprint-journal"
SUPPORTED_VERSION = 2
HEAD_KEYS = ("format", "version", "exported_at", "timezone", "days", "profile", "runs", "breaks", "scores")
PROGRESS_EVERY = 10_000  # entries between two reports of the bytes read
_BAD = (KeyError, TypeError, ValueError, AttributeError)


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
    except _BAD:
        return None


def _instant(text: Any) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _day(raw: dict) -> DayStatus:
    return DayStatus(date.fromisoformat(raw["day"]), bool(raw["closed"]), _instant(raw.get("closed_at")))


def _period(raw: dict) -> ProfilePeriod:
    until = raw.get("until")
    return ProfilePeriod(
        raw["touchpoint"],
        date.fromisoformat(raw["since"]),
        date.fromisoformat(until) if until else None,
        raw.get("state"),
    )


def _run(raw: dict) -> Run:
    if raw["status"] not in ("active", "finished", "abandoned") or not isinstance(raw["rules"], dict):
        raise ValueError("not a run")
    for key in ("challenge", "name", "pseudonym"):
        if raw.get(key) is not None and not isinstance(raw[key], str):
            raise ValueError("not a run")
    start, end = datetime.fromisoformat(raw["start"]), datetime.fromisoformat(raw["planned_end"])
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("not a run")
    return Run(
        None,
        raw["challenge"],
        start,
        end,
        raw["status"],
        raw["rules"],
        raw.get("name"),
        raw.get("pseudonym"),
        _instant(raw.get("ended")),
    )


def _break(raw: dict) -> Any:
    from ..domain.breaks import Break

    scope = raw.get("scope") or []
    if not isinstance(raw["label"], str) or not all(isinstance(s, str) for s in scope):
        raise ValueError("not a break")
    first, last = date.fromisoformat(raw["first"]), date.fromisoformat(raw["last"])
    return Break("", first, last, raw["label"], tuple(scope))


def _score(raw: dict) -> Any:
    from ..domain.scores import Score

    value = raw["value"]
    if isinstance(value, bool) or not isinstance(value, int | float) or not isinstance(raw["metric"], str):
        raise ValueError("not a score")
    return Score(raw["metric"], date.fromisoformat(raw["day"]), float(value), str(raw.get("source") or "import"))


TABLES = (("days", _day, N_("unreadable day")), ("profile", _period, N_("unreadable profile period")),
          ("runs", _run, N_("unreadable challenge run")), ("breaks", _break, N_("unreadable break")),
          ("scores", _score, N_("unreadable score")))  # fmt: skip


class FootprintJson:
    name = "footprint-json"
    description = N_("footprint's own JSON export (footprint export --format json)")

    def detect(self, path: Path) -> bool:
        if path.suffix.lower() != ".json" or not path.is_file():
            return False
        try:
            with open_regular(path) as f:
                return FORMAT.encode() in f.read(200)
        except (OSError, DataFileError):
            return False

    def read(self, path: Path, ctx: ImportContext) -> Iterator[Record]:
        from .toolkit.jsonstream import JsonStream

        with open_regular(path) as f:
            yield from self._document(path, JsonStream(f, str(path), ctx.progress))

    def _document(self, path: Path, doc: Any) -> Iterator[Record]:
        """One pass: the head's keys (footprint writes them first) are kept, then the entries stream; what
        follows ``entries`` is read through and skipped."""
        if doc.peek() != "{":
            raise DataFileError(NOT_OURS, path=str(path), format=FORMAT)
        head: dict[str, Any] = {}
        tables_done = False
        for key in doc.members():
            if key == "entries" and not tables_done:
                yield from self._tables(path, head)
                tables_done = True
                if doc.peek() == "[":
                    for i, raw in enumerate(doc.items(), start=1):
                        touch = _touch(raw)
                        yield touch if touch is not None else Issue(_("unreadable entry"), f"entries[{i}]")
                    continue
            value = doc.value()
            if key in HEAD_KEYS and not tables_done:
                head[key] = value
        if not tables_done:
            yield from self._tables(path, head)

    def _tables(self, path: Path, head: dict[str, Any]) -> Iterator[Record]:
        if head.get("format") != FORMAT:
            raise DataFileError(NOT_OURS, path=str(path), format=FORMAT)
        version = head.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version > SUPPORTED_VERSION:
            raise DataFileError(NEWER, path=str(path), version=repr(str(version)[:20]))
        for key, make, kind in TABLES:
            rows = head.get(key) or []
            for i, raw in enumerate(rows if isinstance(rows, list) else [None], start=1):
                try:
                    yield make(raw)
                except _BAD:
                    yield Issue(_(kind), f"{key}[{i}]")
