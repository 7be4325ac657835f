"""``footprint import facebook EXPORT``: Facebook's "Download your information" in JSON.

Counts your posts, comments and reactions per day as touches of ``facebook`` (groups ``"posts"``,
``"comments"``, ``"reactions"``); keeps no text, no title, no name. Reads the zip as downloaded (or its
parts), the unpacked folder, or one of its files. Traps handled (FORMATS.md):

- Three folder layouts for the same files: ``posts/your_posts_1.json`` (old),
  ``your_activity_across_facebook/posts/…`` (2022–23) and
  ``your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json`` (2024+): files are
  matched by their last folders and name, whatever wraps them.
- Some files are a bare array, others wrap it in one key (``{"comments_v2": [...]}``,
  ``{"status_updates": [...]}``): both are streamed.
- Reactions come in the old shape (``{"timestamp", "data": [{"reaction": …}], "title"}``) and the 2024+
  ``label_values`` shape, and the same reaction can appear in both: they are de-duplicated by timestamp.
- Timestamps are Unix seconds (UTC); a missing, unreadable or impossible one (before Facebook existed,
  or in the future) is an Issue.
- Mojibake (UTF-8 bytes written as ``\\u00c3\\u00a9``): nothing here reads or matches a text (titles,
  captions, reaction names), so nothing needs ``s.encode("latin-1").decode("utf-8")``. Whoever adds a
  match on a title must repair it first, and test that with an accented title.

The Meta helpers (wrapped arrays, Unix timestamps) are shared with ``instagram.py``: same company, same format.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from ..errors import DataFileError
from .archive import ARCHIVE_READ_ERRORS, Member, iter_json_array, members, names
from .base import ImportContext, Issue, Record, Touch

TOUCHPOINT = "facebook"

# Matched at the end of the inner path, so wrapper folders do not matter; a file given alone matches by name.
_POSTS = re.compile(r"(^|/)(posts/)?your_posts(__check_ins__photos_and_videos)?(_\d+)?\.json$", re.IGNORECASE)
_COMMENTS = re.compile(r"(^|/)comments(_and_reactions)?/comments(_\d+)?\.json$|^comments(_\d+)?\.json$", re.IGNORECASE)
_REACTIONS = re.compile(
    r"(^|/)likes_and_reactions(_\d+)?\.json$|(^|/)likes_and_reactions/posts_and_comments\.json$", re.IGNORECASE
)
_ANY = re.compile("|".join(f"(?:{rx.pattern})" for rx in (_POSTS, _COMMENTS, _REACTIONS)), re.IGNORECASE)
# A lone comments.json is too common a name to claim a file or an archive by it.
_BARE_COMMENTS = re.compile(r"^comments(_\d+)?\.json$", re.IGNORECASE)

# Facebook opened on 4 February 2004: an earlier instant is a broken timestamp, not a touch.
FOUNDED = datetime(2004, 2, 4, tzinfo=UTC)
# An export is made after what it holds; a day of slack covers clocks and zones.
FUTURE_SLACK = timedelta(days=1)
# Beyond the year 3000 a number is no Unix time in seconds (milliseconds, junk).
_LAST_SECOND = 32_503_680_000

# Reading a zip member can fail late, at the damaged bytes, and the JSON decoder has two failures of its own
# (ValueError: a number of more than 4,300 digits; RecursionError: thousands of nested brackets): all of them
# name the member, never a traceback.
_READ_ERRORS = (*ARCHIVE_READ_ERRORS, ValueError)  # and JSON too deep or a number too long
# A bare array, or an object whose first key holds the array: ``{"comments_v2": [``.
_ARRAY_START = re.compile(r'\s*(\{\s*"[^"\\]{1,100}"\s*:\s*)?\[')


def meta_items(member: Member, ctx: ImportContext) -> Iterator[Any]:
    """The records of a Meta JSON file, streamed: a top-level array, or the array under its one wrapper key."""
    try:
        with member.open() as f:
            start = f.read(512).decode("utf-8-sig", errors="replace")
        if not _ARRAY_START.match(start):
            raise DataFileError(f"{member.name}: not a list of records (JSON array expected)")
        with member.open() as stream:
            yield from iter_json_array(stream, ctx.progress, where=member.name)
    except _READ_ERRORS as exc:
        raise DataFileError(f"{member.name}: unreadable ({type(exc).__name__}: {exc})") from None


def unix_instant(value: Any) -> datetime | None:
    """Unix seconds (an int, a float or digits in a string) as an aware UTC datetime; ``None`` otherwise."""
    if isinstance(value, str):
        value = int(value) if value.strip().isdecimal() and len(value) < 20 else None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not math.isfinite(value) or not 0 <= value <= _LAST_SECOND:
        return None
    return datetime.fromtimestamp(value, UTC)


def instant_or_problem(value: Any, what: str, founded: datetime, latest: datetime) -> datetime | str:
    """The instant of a record's timestamp, or the kind of problem it has ("post without a date"…)."""
    if value is None:
        return f"{what} without a date"
    at = unix_instant(value)
    if at is None:
        return f"{what} with an unreadable date"
    if at < founded or at > latest:
        return f"{what} with an impossible date (before {founded.year} or in the future)"
    return at


class Facebook:
    name = "facebook"
    description = "Facebook 'Download your information' (JSON): posts, comments, reactions per day"

    def detect(self, path: Path) -> bool:
        return any(_ANY.search(n) and not _BARE_COMMENTS.search(n) for n in names(path))

    def read(self, path: Path, ctx: ImportContext) -> Iterator[Record]:
        latest = ctx.window().latest  # the context's now and a day of slack: no importer reads the clock
        found = False
        # Reactions are held back: the same one may come again in the other shape, in a later file.
        reactions: dict[str, Counter[datetime]] = {}
        for member in members(path, _ANY):
            found = True
            if _REACTIONS.search(member.name):
                yield from _reactions(member, ctx, latest, reactions)
                continue
            group, what = ("posts", "post") if _POSTS.search(member.name) else ("comments", "comment")
            for i, item in enumerate(meta_items(member, ctx), start=1):
                at = instant_or_problem(_timestamp(item, what), what, FOUNDED, latest)
                if isinstance(at, str):
                    yield Issue(at, f"{member.name} #{i}")
                else:
                    yield Touch(at=at, touchpoint=TOUCHPOINT, group=group)
        if not found:
            raise DataFileError(f"{path}: no Facebook posts, comments or reactions files found (JSON export)")
        for at, count in _merged(reactions):
            # One record per reaction, as everywhere else: the import summary counts records.
            for _ in range(count):
                yield Touch(at=at, touchpoint=TOUCHPOINT, group="reactions")


def _timestamp(item: Any, what: str) -> Any:
    if not isinstance(item, dict):
        return None
    value = item.get("timestamp")
    if value is None and what == "comment":
        # Some comments carry their time only inside: {"data": [{"comment": {"timestamp": …}}]}.
        parts = item.get("data")
        for part in parts if isinstance(parts, list) else []:
            if isinstance(part, dict) and isinstance(part.get("comment"), dict):
                value = part["comment"].get("timestamp")
                break
    return value


def _reactions(
    member: Member, ctx: ImportContext, latest: datetime, seen: dict[str, Counter[datetime]]
) -> Iterator[Issue]:
    """Count the reactions of one file by shape and instant into ``seen``; yield the bad ones as Issues."""
    for i, item in enumerate(meta_items(member, ctx), start=1):
        at = instant_or_problem(item.get("timestamp") if isinstance(item, dict) else None, "reaction", FOUNDED, latest)
        if isinstance(at, str):
            yield Issue(at, f"{member.name} #{i}")
            continue
        shape = "label_values" if isinstance(item, dict) and "label_values" in item else "data"
        seen.setdefault(shape, Counter())[at] += 1


def _merged(by_shape: dict[str, Counter[datetime]]) -> list[tuple[datetime, int]]:
    """One count per instant: within a shape every reaction counts (two in the same second are two), across
    shapes the larger count wins (the same reaction written in both shapes is one)."""
    merged: Counter[datetime] = Counter()
    for counts in by_shape.values():
        for at, n in counts.items():
            merged[at] = max(merged[at], n)
    return sorted(merged.items())
