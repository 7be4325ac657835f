"""``footprint import twitter ARCHIVE``: the Twitter / X archive ("Download an archive of your data").

Counts the tweets you posted, per day, as touches of ``twitter`` (group ``"tweets"``); keeps no text, no id.
Reads the zip as downloaded, the unpacked folder or a single ``tweets.js``. Traps handled (FORMATS.md):

- The file moved between years: ``data/tweets.js`` now, ``data/tweet.js`` before 2022, ``tweet.js`` at the
  root of the oldest ``window.YTD`` archives, ``data/js/tweets/2012_03.js`` in the Grailbird archives
  before 2018; big archives split into ``tweets-part1.js``, ``tweets-part2.js``…
- JavaScript, not JSON: ``window.YTD.tweets.part0 = [`` before the array (``iter_json_array`` skips it).
- Items wrapped ``{"tweet": {...}}`` in current archives, bare in the oldest; numbers are strings.
- ``created_at`` like ``Tue Mar 05 07:45:12 +0000 2024`` (Grailbird: ``2012-03-05 07:45:12 +0000``), read
  without ``strptime``, whose month names follow the process locale and which is slow on 100,000 tweets.
- Impossible dates (1997, before Twitter existed, or in the future) are Issues, not touches.
- ``like.js`` has no timestamp: a liked tweet's id says when *it* was written, not when you liked it. No date
  is invented: each like file is one Issue saying how many likes were left out.
- The same tweet read twice (a folder holding two unpacked copies of the archive) is counted once.
- The archive's other files (followers, direct messages, ad impressions…) are reported as not read, by
  file with how many items they hold (empty ones are not worth a line).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from ..errors import DataFileError
from ..i18n import N_, _
from .archive import ARCHIVE_READ_ERRORS
from .base import ImportContext, Issue, NotRead, Record, Touch
from .naming import shown, wrapper
from .toolkit import Member, head, json_array, members, month, names

TOUCHPOINT = "twitter"
GROUP = "tweets"
LIKES_KIND = N_("likes without a date (like.js has none): not imported")
NOTHING = N_("{path}: no Twitter archive files found (data/tweets.js)")
UNREADABLE = N_("{file}: unreadable ({error})")
UNREADABLE_TWEET = N_("unreadable tweet")
NO_DATE = N_("tweet without a date")
BAD_DATE = N_("tweet with an unreadable date")
IMPOSSIBLE = N_("tweet with an impossible date (before 2006 or in the future)")

_TWEETS = re.compile(r"(^|/)(tweets?(-part\d+)?|data/js/tweets/\d{4}_\d{2})\.js$", re.IGNORECASE)
_LIKES = re.compile(r"(^|/)like(-part\d+)?\.js$", re.IGNORECASE)
_EITHER = re.compile(f"{_TWEETS.pattern}|{_LIKES.pattern}", re.IGNORECASE)
# The archive's own viewer ships scripts under assets/; none of them is data.
_ASSETS = re.compile(r"(^|/)assets/", re.IGNORECASE)
# The archive's data files: JavaScript arrays under data/ (media, the viewer's own files, the manifest apart).
_DATA = re.compile(r"(^|/)data/[^/]+\.js$", re.IGNORECASE)
_NOT_COUNTED = re.compile(r"(^|/)(manifest|README)\.js$|(^|/)assets/", re.IGNORECASE)

# The first tweet was sent on 21 March 2006: anything earlier is a broken date, not a touch.
FIRST_TWEET = datetime(2006, 3, 21, tzinfo=UTC)

# The archive writes English abbreviations; their numbers come from the toolkit's one month table.
_MONTHS = {m: month(m) or 0 for m in "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()}
_MONTH_DIGITS = {m: f"{i:02}" for m, i in _MONTHS.items()}
# Reading a zip member can fail late, at the damaged bytes, and the JSON decoder has two failures of its own
# (ValueError: a number of more than 4,300 digits; RecursionError: thousands of nested brackets): all of them
# name the member, never a traceback.
_READ_ERRORS = (*ARCHIVE_READ_ERRORS, ValueError)  # and JSON too deep or a number too long


def parse_created_at(text: str) -> datetime | None:
    """``Tue Mar 05 07:45:12 +0000 2024`` (or Grailbird's ``2012-03-05 07:45:12 +0000``) as an aware
    datetime; ``None`` when it is not one."""
    # The fixed-width form every archive since 2018 uses, in UTC: rewritten as ISO 8601 for
    # ``fromisoformat`` (C, strict): four times faster than splitting, which counts on 100,000 tweets.
    if (
        len(text) == 30
        and text[20:25] == "+0000"
        and text[10] == text[19] == text[25] == " "
        and text[13] == text[16] == ":"
    ):
        try:
            return datetime.fromisoformat(f"{text[26:]}-{_MONTH_DIGITS[text[4:7]]}-{text[8:10]}T{text[11:19]}+00:00")
        except (KeyError, ValueError):
            pass  # the general reading below decides
    parts = text.split()
    try:
        if len(parts) == 6:
            _, month_name, day, clock, offset, year = parts
            y, mo, d = int(year), _MONTHS[month_name.title()], int(day)
        elif len(parts) == 3:
            ymd, clock, offset = parts
            y, mo, d = (int(x) for x in ymd.split("-"))
        else:
            return None
        h, mi, s = (int(x) for x in clock.split(":"))
        return datetime(y, mo, d, h, mi, s, tzinfo=_zone(offset))
    except (KeyError, ValueError, OverflowError):
        return None


def _zone(offset: str) -> timezone:
    """``+0000``, ``-0500``: Twitter writes UTC, but an offset costs nothing to honour."""
    if len(offset) != 5 or offset[0] not in "+-" or not offset[1:].isdigit():
        raise ValueError(offset)
    minutes = int(offset[1:3]) * 60 + int(offset[3:5])
    return timezone(timedelta(minutes=-minutes if offset[0] == "-" else minutes))


def _items(member: Member, where: str, ctx: ImportContext) -> Iterator[Any]:
    try:
        yield from json_array(member, ctx.progress, where=where)
    except _READ_ERRORS as exc:
        raise DataFileError(UNREADABLE, file=where, error=type(exc).__name__) from None


class Twitter:
    name = "twitter"
    description = "Twitter / X archive: tweets per day (zip, folder or tweets.js)"

    def detect(self, path: Path) -> bool:
        found = [n for n in names(path) if _EITHER.search(n) and not _ASSETS.search(n)]
        if not found:
            return False
        if path.is_file() and _LIKES.search(path.name):
            # A lone like.js is a generic name: only with Twitter's own prefix.
            return b"window.YTD.like" in head(path, 100)
        return True

    def read(self, path: Path, ctx: ImportContext) -> Iterator[Record]:
        window = ctx.window(FIRST_TWEET)
        earliest, latest = window.earliest, window.latest
        wrapped = wrapper(names(path))
        seen: set[str] = set()
        found = False
        for member in members(path, _EITHER):
            if _ASSETS.search(member.name):
                continue
            found = True
            where = shown(member.name, wrapped)
            if _LIKES.search(member.name):
                likes = sum(1 for _item in _items(member, where, ctx))
                if likes:
                    yield Issue(_(LIKES_KIND), f"{where} × {likes}", notice=True)
                continue
            for i, item in enumerate(_items(member, where, ctx), start=1):
                record = _tweet(item, seen, earliest, latest)
                if isinstance(record, str):
                    yield Issue(_(record), f"{where} #{i}")
                elif record is not None:
                    yield record
        if not found:
            raise DataFileError(NOTHING, path=path.name)
        if not path.is_file() or not _EITHER.search(path.name):
            yield from _not_read(path, wrapped, ctx)


def _not_read(path: Path, wrapped: str, ctx: ImportContext) -> Iterator[NotRead]:
    """One notice per other data file of the archive that holds something, with how many items."""
    for member in members(path, _DATA):
        if _EITHER.search(member.name) or _NOT_COUNTED.search(member.name):
            continue
        where = shown(member.name, wrapped)
        count: int | None
        try:
            count = sum(1 for _item in _items(member, where, ctx))
        except DataFileError:
            count = None
        if count != 0:
            yield NotRead(where, count)


def _tweet(item: Any, seen: set[str], earliest: datetime, latest: datetime) -> Touch | str | None:
    """The touch of one archive item, or the kind of problem it has, or ``None`` for a tweet already read."""
    tweet = item.get("tweet", item) if isinstance(item, dict) else None
    if not isinstance(tweet, dict):
        return UNREADABLE_TWEET
    created = tweet.get("created_at")
    if created is None:
        return NO_DATE
    at = parse_created_at(created) if isinstance(created, str) else None
    if at is None:
        return BAD_DATE
    if at < earliest or at > latest:
        return IMPOSSIBLE
    ident = tweet.get("id_str", tweet.get("id"))
    if isinstance(ident, str | int) and not isinstance(ident, bool):
        key = str(ident)
        if key in seen:
            return None
        seen.add(key)
    return Touch(at=at, touchpoint=TOUCHPOINT, group=GROUP)
