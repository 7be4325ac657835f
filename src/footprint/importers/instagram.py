"""``footprint import instagram EXPORT``: Instagram's "Download your information" in JSON.

Counts your posts, comments and likes per day as touches of ``instagram`` (groups ``"posts"``,
``"comments"``, ``"likes"``); keeps no caption, no comment, no account name. Reads the zip as downloaded,
the unpacked folder, or one of its files. Traps handled (FORMATS.md):

- ``your_instagram_activity/content/posts_1.json`` (``media/`` in the newest exports, no
  ``your_instagram_activity/`` in older ones): ``creation_timestamp`` is on the media item for a single
  photo and on the post for several; one post is one touch whatever its number of photos.
- ``…/comments/post_comments_1.json``: the time is in ``string_map_data`` → ``Time`` → ``timestamp``; the
  keys of ``string_map_data`` are translated in other languages, so any entry with a ``timestamp`` will do.
- ``…/likes/liked_posts.json``: ``{"likes_media_likes": [{"string_list_data": [{"timestamp"}]}]}``, one
  like per entry of ``string_list_data``; the wrapper key is not required (arrays are read either way).
- Timestamps are Unix seconds (UTC); a missing, unreadable or impossible one (before Instagram existed, or
  in the future) is an Issue. Mojibake in captions does not matter: no text is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import DataFileError
from .archive import members, names
from .base import ImportContext, Issue, Record, Touch
from .facebook import FUTURE_SLACK, instant_or_problem, meta_items

TOUCHPOINT = "instagram"

# Matched at the end of the inner path, so wrapper folders do not matter; a file given alone matches by name.
_POSTS = re.compile(r"(^|/)(content|media)/posts(_\d+)?\.json$|^posts(_\d+)?\.json$", re.IGNORECASE)
_COMMENTS = re.compile(r"(^|/)(comments/)?(post|reels)_comments(_\d+)?\.json$", re.IGNORECASE)
_LIKES = re.compile(r"(^|/)(likes/)?liked_(posts|comments)(_\d+)?\.json$", re.IGNORECASE)
_ANY = re.compile("|".join(f"(?:{rx.pattern})" for rx in (_POSTS, _COMMENTS, _LIKES)), re.IGNORECASE)
# A lone posts_1.json is too common a name to claim a file or an archive by it.
_BARE_POSTS = re.compile(r"^posts(_\d+)?\.json$", re.IGNORECASE)

# Instagram opened on 6 October 2010: an earlier instant is a broken timestamp, not a touch.
FOUNDED = datetime(2010, 10, 6, tzinfo=UTC)


class Instagram:
    name = "instagram"
    description = "Instagram 'Download your information' (JSON): posts, comments, likes per day"

    def detect(self, path: Path) -> bool:
        return any(_ANY.search(n) and not _BARE_POSTS.search(n) for n in names(path))

    def read(self, path: Path, ctx: ImportContext) -> Iterator[Record]:
        latest = ctx.window().latest  # the context's now and a day of slack: no importer reads the clock
        found = False
        for member in members(path, _ANY):
            found = True
            if _POSTS.search(member.name):
                group, what, stamps = "posts", "post", _post_time
            elif _COMMENTS.search(member.name):
                group, what, stamps = "comments", "comment", _comment_time
            else:
                group, what, stamps = "likes", "like", _like_times
            for i, item in enumerate(meta_items(member, ctx), start=1):
                for value in stamps(item):
                    at = instant_or_problem(value, what, FOUNDED, latest)
                    if isinstance(at, str):
                        yield Issue(at, f"{member.name} #{i}")
                    else:
                        yield Touch(at=at, touchpoint=TOUCHPOINT, group=group)
        if not found:
            raise DataFileError(f"{path}: no Instagram posts, comments or likes files found (JSON export)")


def _post_time(item: Any) -> list[Any]:
    """One timestamp per post: the post's own, else the earliest of its media (a single photo)."""
    if not isinstance(item, dict):
        return [None]
    if item.get("creation_timestamp") is not None:
        return [item["creation_timestamp"]]
    media = item.get("media")
    stamps = [m.get("creation_timestamp") for m in media if isinstance(m, dict)] if isinstance(media, list) else []
    stamps = [s for s in stamps if s is not None]
    numbers = [s for s in stamps if isinstance(s, int | float) and not isinstance(s, bool)]
    if numbers:
        return [min(numbers)]
    return stamps[:1] or [None]  # an unreadable one, reported as such


def _comment_time(item: Any) -> list[Any]:
    """``string_map_data.Time.timestamp`` (any translated key with a timestamp), or a top-level one."""
    if not isinstance(item, dict):
        return [None]
    fields = item.get("string_map_data")
    if isinstance(fields, dict):
        time = fields.get("Time")
        candidates = [time, *fields.values()] if isinstance(time, dict) else list(fields.values())
        for value in candidates:
            if isinstance(value, dict) and value.get("timestamp") is not None:
                return [value["timestamp"]]
    return [item.get("timestamp")]


def _like_times(item: Any) -> list[Any]:
    """One timestamp per entry of ``string_list_data``; a top-level one in the ``label_values`` shape."""
    if not isinstance(item, dict):
        return [None]
    if item.get("timestamp") is not None:
        return [item["timestamp"]]
    entries = item.get("string_list_data")
    stamps = [e.get("timestamp") for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []
    return stamps or [None]
