"""What Facebook's and Instagram's "Download your information" (JSON) share: how their files are wrapped,
where an item keeps its time, how a file is named in a message, and what an export holds that is not read.

- A file is a bare array (``[…]``), an object whose one key holds the array (``{"comments_v2": […]}``), or
  an object with several arrays (Instagram's 2019 ``media.json``: ``{"photos": […], "videos": […]}``):
  ``records`` streams the items of every top-level array with the key they sit under.
- An item's time can sit at several depths, and moved between years: on the item (``timestamp``,
  ``creation_timestamp``), inside its data (``data[].comment.timestamp``, ``data[].update_timestamp``), in
  ``string_map_data`` under a translated key (``"Time"``, ``"Heure"``), or on the media of a post made of
  one photo: ``item_time`` looks in those places, in that order (a like's ``string_list_data[]``, one time
  per entry, is Instagram's own).
- Timestamps are Unix seconds (UTC); a missing, unreadable or impossible one (before the service opened, or
  after the context's ``now``) is an ``Issue``.
- Mojibake (UTF-8 bytes written as ``\\u00c3\\u00a9``): nothing here reads or matches a text (titles,
  captions, reaction names), so nothing needs ``toolkit.unmojibake``. Whoever adds a match on a title must
  repair it first (``unmojibake``), and test that with an accented title.
- A message names a file by its last folder and name (``posts/your_posts_1.json``): never the wrapper folder
  of the download, which carries the account's name (``facebook-camille-2024…/``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from ...errors import DataFileError
from ...i18n import N_, _
from ..archive import ARCHIVE_READ_ERRORS
from ..base import ImportContext, Issue, NotRead
from ..naming import shown, wrapper
from ..toolkit import JsonStream, Member, Window, iso_instant, members, names, unix_instant

NOT_RECORDS = N_("{file}: not a list of records (JSON array expected)")
UNREADABLE = N_("{file}: unreadable ({error})")
HTML_EXPORT = N_(
    "{path}: this is the HTML version of the download; footprint reads the JSON version "
    "(choose the JSON format when you request your information)"
)

# Reading a zip member can fail late, at the damaged bytes, and the JSON decoder has two failures of its own
# (ValueError: a number of more than 4,300 digits; RecursionError: thousands of nested brackets): all of them
# name the member, never a traceback.
_READ_ERRORS = (*ARCHIVE_READ_ERRORS, ValueError, RecursionError)
_START = re.compile(rb"\s*[\[{]")
# The keys of one record: an object that has them is a record alone, not the wrapper of a list.
_ITEM_KEYS = frozenset({"timestamp", "data", "title", "attachments", "label_values", "string_map_data", "media"})
# What is not data: the photos and videos of posts, the marker of an empty folder.
_NOT_DATA = re.compile(r"\.(jpe?g|png|gif|webp|heic|mp4|mov|m4a|mp3|aac|wav|pdf|txt)$|(^|/)no-data\.txt$", re.I)
# A conversation's folder carries the other person's name: conversations are counted by file, never named.
_CONVERSATION = re.compile(r"(^|/)(messages|inbox|message_requests|archived_threads|filtered_threads|e2ee_cutover)/")


def records(member: Member, ctx: ImportContext, where: str) -> Iterator[tuple[str | None, Any]]:
    """(key, item) for every item of every top-level array of a Meta JSON file, streamed: the key is None
    for a bare array, else the key the array sits under. Anything else than arrays is skipped unread.
    ``where`` names the file in messages (``shown``)."""
    try:
        with member.open() as f:
            start = f.read(512)
        if not _START.match(start.lstrip(b"\xef\xbb\xbf")):
            raise DataFileError(NOT_RECORDS, file=where)
        with member.open() as stream:
            doc = JsonStream(stream, where, ctx.progress)
            if doc.peek() == "[":
                for item in doc.items():
                    yield None, item
                return
            arrays = 0
            for key in doc.members():
                if key in _ITEM_KEYS:
                    raise DataFileError(NOT_RECORDS, file=where)  # one record, not a list of them
                if doc.peek() == "[":
                    arrays += 1
                    for item in doc.items():
                        yield key, item
                else:
                    doc.value()
            if not arrays:
                raise DataFileError(NOT_RECORDS, file=where)
    except _READ_ERRORS as exc:
        raise DataFileError(UNREADABLE, file=where, error=type(exc).__name__) from None


def items(member: Member, ctx: ImportContext, where: str) -> Iterator[Any]:
    """The items of every top-level array of the file, whatever key they sit under."""
    for _key, item in records(member, ctx, where):
        yield item


class Kinds(NamedTuple):
    """The three problems a record's time can have, as msgids (one set per kind of record)."""

    missing: str
    unreadable: str
    impossible: str


def instant(value: Any, window: Window, kinds: Kinds) -> datetime | str:
    """The instant of a Unix timestamp (or an ISO 8601 text, Instagram's 2019 files), or the kind of problem."""
    if value is None:
        return kinds.missing
    at = iso_instant(value) if isinstance(value, str) and not value.strip().isdecimal() else unix_instant(value)
    if at is None:
        return kinds.unreadable
    if not window.holds(at):
        return kinds.impossible
    return at


_STAMPS = ("timestamp", "creation_timestamp", "update_timestamp")
_INNER = ("comment", "post", "reaction", "media", "note", "event")


def _stamp(d: dict) -> Any:
    for key in _STAMPS:
        if d.get(key) is not None:
            return d[key]
    return None


def item_time(item: Any) -> Any:
    """The time of one Meta item, wherever this year's layout put it (see the module's docstring); ``None``
    when it has none. Looks a bounded number of levels deep: never a walk over an arbitrary document."""
    if not isinstance(item, dict):
        return None
    found = _stamp(item)
    if found is not None:
        return found
    for part in _listed(item.get("data")):
        if isinstance(part, dict):
            found = _stamp(part)
            for inner in _INNER:
                if found is None and isinstance(part.get(inner), dict):
                    found = _stamp(part[inner])
            if found is not None:
                return found
    fields = item.get("string_map_data")
    if isinstance(fields, dict):
        time = fields.get("Time")
        for value in [time, *fields.values()] if isinstance(time, dict) else fields.values():
            if isinstance(value, dict) and value.get("timestamp") is not None:
                return value["timestamp"]
    for media in _listed(item.get("media")):
        if isinstance(media, dict) and media.get("creation_timestamp") is not None:
            return media["creation_timestamp"]
    for attachment in _listed(item.get("attachments")):
        for part in _listed(attachment.get("data") if isinstance(attachment, dict) else None):
            media = part.get("media") if isinstance(part, dict) else None
            if isinstance(media, dict) and media.get("creation_timestamp") is not None:
                return media["creation_timestamp"]
    return None


def _listed(value: Any) -> list[Any]:
    """A list as it is, a lone object as a list of one (some years wrote ``"data": {…}``), else nothing."""
    if isinstance(value, list):
        return value
    return [value] if isinstance(value, dict) else []


# --- what an export holds that is not read ----------------------------------------------------------------


def not_read(path: Path, read: re.Pattern[str], ctx: ImportContext) -> Iterator[NotRead]:
    """One notice per data file of a folder or zip that the importer does not read, with how many records
    it holds (``connections/your_friends.json × 12``); conversations are counted by file, never named. A
    single file given alone has nothing beside it to report."""
    if not (path.is_dir() or path.suffix.lower() == ".zip" or _is_zip(path)):
        return
    listed = names(path)
    wrapped = wrapper(listed)
    left = [n for n in listed if not read.search(n) and not _NOT_DATA.search(n)]
    conversations = sum(1 for n in left if _CONVERSATION.search(n))
    others = {n for n in left if not _CONVERSATION.search(n) and n.lower().endswith((".json", ".js", ".csv"))}
    if others:
        pattern = re.compile("^(" + "|".join(re.escape(n) for n in sorted(others)) + ")$")
        for member in members(path, pattern):
            where = shown(member.name, wrapped)
            yield NotRead(where, _count(member, ctx, where))
    if conversations:
        yield NotRead("messages/", conversations, "conversation")


def _count(member: Member, ctx: ImportContext, where: str) -> int | None:
    """How many records a file footprint does not read holds: the items of its arrays, 1 for an object
    without any; None when it cannot be read (it is not read anyway: no reason to refuse the import)."""
    try:
        return sum(1 for _item in items(member, ctx, where))
    except DataFileError as exc:
        if exc.said.msgid == NOT_RECORDS:
            return 1
        return None


def _is_zip(path: Path) -> bool:
    import zipfile

    return path.is_file() and zipfile.is_zipfile(path)


def html_only(all_names: Iterable[str]) -> bool:
    """Whether a download holds Meta's HTML pages and no JSON: the user picked the other format."""
    listed = list(all_names)
    return any(n.lower().endswith(".html") for n in listed) and not any(n.lower().endswith(".json") for n in listed)
