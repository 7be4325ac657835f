"""``footprint import instagram EXPORT``: Instagram's "Download your information" in JSON.

Counts your posts, comments and likes per day as touches of ``instagram`` (groups ``"posts"``,
``"comments"``, ``"likes"``); keeps no caption, no comment, no account name. Reads the zip as downloaded,
the unpacked folder, or one of its files. The layouts a user may still have on disk:

- 2019–20, files at the root: ``media.json`` (``{"photos": […], "videos": […], "stories": […]}``, each with
  ``taken_at`` as ISO 8601 text), ``comments.json`` (``{"media_comments": [[time, text, account], …]}``)
  and ``likes.json`` (``{"media_likes": [[time, account], …], "comment_likes": […]}``).
- 2021–22: ``content/posts_1.json``, ``comments/post_comments.json``, ``likes/liked_posts.json`` and
  ``likes/liked_comments.json``; 2023+: the same under ``your_instagram_activity/``, numbered
  (``post_comments_1.json``), with ``reels_comments.json``; 2024+: ``media/posts_1.json``.
- A post's ``creation_timestamp`` is on the media item for a single photo and on the post for several; one
  post is one touch whatever its number of photos.
- A comment's time is in ``string_map_data`` → ``Time`` → ``timestamp``; the key is translated in other
  languages, so any entry with a ``timestamp`` will do (``common.item_time``).
- A like is one entry of ``string_list_data`` (``{"likes_media_likes": [{"string_list_data": [{"timestamp"}]}]}``),
  or an item with its own ``timestamp`` (the ``label_values`` shape of the newest exports).
- Stories, reels, followers, messages…: reported as not read, by file with how many records they hold.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ...errors import DataFileError
from ...i18n import N_, _
from ..base import ImportContext, Issue, NotRead, Record, Touch
from ..toolkit import Member, Window, head, members, names
from .common import HTML_EXPORT, Kinds, html_only, instant, item_time, not_read, records, shown, wrapper

TOUCHPOINT = "instagram"
# Instagram opened on 6 October 2010: an earlier instant is a broken timestamp, not a touch.
FOUNDED = datetime(2010, 10, 6, tzinfo=UTC)
NOTHING = N_("{path}: no Instagram posts, comments or likes files found (JSON export)")

KINDS = {
    "posts": Kinds(
        N_("post without a date"),
        N_("post with an unreadable date"),
        N_("post with an impossible date (before 2010 or in the future)"),
    ),
    "comments": Kinds(
        N_("comment without a date"),
        N_("comment with an unreadable date"),
        N_("comment with an impossible date (before 2010 or in the future)"),
    ),
    "likes": Kinds(
        N_("like without a date"),
        N_("like with an unreadable date"),
        N_("like with an impossible date (before 2010 or in the future)"),
    ),
}

# Matched at the end of the inner path, so wrapper folders do not matter; a file given alone matches by name.
_POSTS = re.compile(r"(^|/)(content|media)/posts(_\d+)?\.json$|^posts(_\d+)?\.json$", re.IGNORECASE)
_COMMENTS = re.compile(r"(^|/)(comments/)?(post|reels)_comments(_\d+)?\.json$", re.IGNORECASE)
_LIKES = re.compile(r"(^|/)(likes/)?liked_(posts|comments)(_\d+)?\.json$", re.IGNORECASE)
# 2019–20: at the root of the download (or of its one wrapper folder), never deeper (Facebook has a
# comments/comments.json).
_OLD = re.compile(r"^([^/]+/)?(media|comments|likes)\.json$", re.IGNORECASE)
_ANY = re.compile("|".join(f"(?:{rx.pattern})" for rx in (_POSTS, _COMMENTS, _LIKES)), re.IGNORECASE)
_EVERY = re.compile(f"{_ANY.pattern}|{_OLD.pattern}", re.IGNORECASE)
# A lone posts_1.json is too common a name to claim a file or an archive by it.
_BARE_POSTS = re.compile(r"^posts(_\d+)?\.json$", re.IGNORECASE)
_HTML = re.compile(r"(^|/)(content|media)/posts(_\d+)?\.html$|(^|/)likes/liked_posts\.html$", re.IGNORECASE)
# What the 2019–20 files hold, by key: the group it counts in, or None (held, not read).
_OLD_KEYS: dict[str, str | None] = {
    "photos": "posts",
    "videos": "posts",
    "media_comments": "comments",
    "media_likes": "likes",
    "comment_likes": "likes",
}
_OLD_MARKS = (b'"photos"', b'"media_comments"', b'"media_likes"', b'"comment_likes"')


class Instagram:
    name = "instagram"
    description = "Instagram 'Download your information' (JSON): posts, comments, likes per day"

    def detect(self, path: Path) -> bool:
        listed = names(path)
        if any((_ANY.search(n) and not _BARE_POSTS.search(n)) or _HTML.search(n) for n in listed):
            return True
        return _old_layout(path, listed)

    def read(self, path: Path, ctx: ImportContext) -> Iterator[Record]:
        window = ctx.window(FOUNDED)
        listed = names(path)
        wrapped = wrapper(listed)
        old = _old_layout(path, listed)
        found = False
        for member in members(path, _EVERY if old else _ANY):
            found = True
            where = shown(member.name, wrapped)
            if _OLD.search(member.name) and not _ANY.search(member.name):
                yield from _old_file(member, where, ctx, window)
            elif _POSTS.search(member.name):
                yield from _dated(member, where, "posts", ctx, window, _post_time)
            elif _COMMENTS.search(member.name):
                yield from _dated(member, where, "comments", ctx, window, lambda item: [item_time(item)])
            else:
                yield from _dated(member, where, "likes", ctx, window, _like_times)
        if not found:
            raise DataFileError(HTML_EXPORT if html_only(listed) else NOTHING, path=path.name)
        yield from not_read(path, _EVERY if old else _ANY, ctx)


def _old_layout(path: Path, listed: list[str]) -> bool:
    """Whether ``path`` is a 2019–20 download: ``media.json`` beside ``likes.json`` or ``comments.json``, or
    one of those files alone with its keys in its first bytes."""
    old = [n for n in listed if _OLD.search(n)]
    if path.is_file() and old == [path.name] and not zipfile.is_zipfile(path):
        return any(mark in head(path, 4096) for mark in _OLD_MARKS)
    stems = {n.rsplit("/", 1)[-1].lower() for n in old}
    return "media.json" in stems and bool(stems & {"likes.json", "comments.json"})


Stamps = Callable[[Any], list[Any]]  # the times one item holds (a like file: one per entry)


def _dated(
    member: Member, where: str, group: str, ctx: ImportContext, window: Window, stamps: Stamps
) -> Iterator[Record]:
    kinds = KINDS[group]
    for i, (_key, item) in enumerate(records(member, ctx, where), start=1):
        for value in stamps(item):
            at = instant(value, window, kinds)
            if isinstance(at, str):
                yield Issue(_(at), f"{where} #{i}")
            else:
                yield Touch(at=at, touchpoint=TOUCHPOINT, group=group)


def _old_file(member: Member, where: str, ctx: ImportContext, window: Window) -> Iterator[Record]:
    """A 2019–20 file: each key's array counted in its group, the others (stories, live comments…) reported."""
    seen: dict[str, int] = {}  # items per key: a problem is named by its key and its rank there
    for key, item in records(member, ctx, where):
        name = key or "?"
        seen[name] = i = seen.get(name, 0) + 1
        group = _OLD_KEYS.get(name)
        if group is None:
            continue
        at = instant(_old_time(item), window, KINDS[group])
        if isinstance(at, str):
            yield Issue(_(at), f"{where}: {name} #{i}")
        else:
            yield Touch(at=at, touchpoint=TOUCHPOINT, group=group)
    for name, n in seen.items():
        if name not in _OLD_KEYS:
            yield NotRead(f"{where}: {name}", n)


def _old_time(item: Any) -> Any:
    """``[time, …]`` (comments, likes) or ``{"taken_at": time}`` (photos, videos)."""
    if isinstance(item, list):
        return item[0] if item else None
    return item.get("taken_at") if isinstance(item, dict) else None


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
    return stamps[:1] or [item_time(item)]  # an unreadable one is reported as such


def _like_times(item: Any) -> list[Any]:
    """One timestamp per entry of ``string_list_data``; a top-level one in the ``label_values`` shape."""
    if not isinstance(item, dict):
        return [None]
    if item.get("timestamp") is not None:
        return [item["timestamp"]]
    entries = item.get("string_list_data")
    stamps = [e.get("timestamp") for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []
    return stamps or [None]
